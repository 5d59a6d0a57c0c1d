// Type declarations for packages that ship none, shared by every layer that uses them.
// shpjs ships no types; these are the functions the importer uses.
declare module 'shpjs' {
  /** Parses a zipped Shapefile (reprojecting to WGS-84 with proj4 when a .prj is present). */
  export function parseZip(buffer: Uint8Array | ArrayBuffer, whiteList?: string[]): Promise<unknown>;
  /** Geometries of a .shp file, reprojected to WGS-84 from the .prj text when given. */
  export function parseShp(shp: Uint8Array | ArrayBuffer, prj?: string): unknown[];
  /** Records of a .dbf file, decoded with the .cpg's code page when given. */
  export function parseDbf(dbf: Uint8Array | ArrayBuffer, cpg?: string): Record<string, unknown>[];
  /** Pairs geometries with records into a FeatureCollection. */
  export function combine(parts: [unknown[], Record<string, unknown>[]]): unknown;
}
// vt-pbf ships no types; this is the one function the basemap build uses.
declare module 'vt-pbf' {
  export function fromGeojsonVt(layers: Record<string, unknown>, options?: { version?: number; extent?: number }): Uint8Array;
}
// pgpass (a dependency of pg) ships no types; these are the helper functions the team connection uses.
declare module 'pgpass/lib/helper.js' {
  const helper: {
    /** PGPASSFILE, or ~/.pgpass (%APPDATA%\postgresql\pgpass.conf on Windows). */
    getFileName(env?: NodeJS.ProcessEnv): string;
    /** One line of the file as its five fields (host, port, database, user, password), unescaped; null for a comment or a short line. */
    parseLine(line: string): Record<'host' | 'port' | 'database' | 'user' | 'password', string> | null;
    isValidEntry(entry: Record<string, string>): boolean;
    /** Whether the line's host, port, database and user (or `*`) match. */
    match(connInfo: { host: string; port: number; database: string; user: string }, entry: Record<string, string>): boolean;
  };
  export default helper;
}
