// Type declarations for packages that ship none, shared by every layer that uses them.
// shpjs ships no types; this is the one function the importer uses.
declare module 'shpjs' {
  /** Parses a zipped Shapefile (reprojecting to WGS-84 with proj4 when a .prj is present). */
  export function parseZip(buffer: Uint8Array | ArrayBuffer, whiteList?: string[]): Promise<unknown>;
}
// vt-pbf ships no types; this is the one function the basemap build uses.
declare module 'vt-pbf' {
  export function fromGeojsonVt(layers: Record<string, unknown>, options?: { version?: number; extent?: number }): Uint8Array;
}
