// shpjs ships no types; this is the one function the importer uses.
declare module 'shpjs' {
  /** Parses a zipped Shapefile (reprojecting to WGS-84 with proj4 when a .prj is present). */
  export function parseZip(buffer: Uint8Array | ArrayBuffer, whiteList?: string[]): Promise<unknown>;
}
