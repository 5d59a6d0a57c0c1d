// vt-pbf ships no types; this is the one function the basemap build uses.
declare module 'vt-pbf' {
  export function fromGeojsonVt(layers: Record<string, unknown>, options?: { version?: number; extent?: number }): Uint8Array;
}
