/**
 * Web-Mercator tile arithmetic (the XYZ scheme used by MapLibre and by MBTiles after a row flip).
 *
 * Coordinates are `[lng, lat]` in degrees, WGS-84. Latitudes are clamped to the Web-Mercator
 * limit ±85.05112878° (atan(sinh(π)), the latitude where the square world map ends).
 */

/** Latitude limit of the Web-Mercator square, degrees: atan(sinh(π)). */
export const MERCATOR_MAX_LAT = 85.0511287798066;

/** A tile address in the XYZ scheme: `x` grows east, `y` grows south, `z` is the zoom level. */
export interface TileAddress {
  readonly z: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The tile that contains a point at zoom `z`.
 *
 * @param lng - longitude in degrees, WGS-84, −180…180
 * @param lat - latitude in degrees, WGS-84 (clamped to ±{@link MERCATOR_MAX_LAT})
 * @param z - integer zoom level, 0…24
 * @throws RangeError when `z` is not an integer in 0…24 or a coordinate is not finite
 * @example lngLatToTile(112.57, 26.89, 10) // → { z: 10, x: 832, y: 427 } (Hengyang city)
 */
export function lngLatToTile(lng: number, lat: number, z: number): TileAddress {
  if (!Number.isInteger(z) || z < 0 || z > 24) throw new RangeError(`zoom must be an integer 0…24, got ${z}`);
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) throw new RangeError(`coordinate must be finite, got [${lng}, ${lat}]`);
  const n = 2 ** z;
  const clampedLat = Math.max(-MERCATOR_MAX_LAT, Math.min(MERCATOR_MAX_LAT, lat));
  const latRad = (clampedLat * Math.PI) / 180;
  const x = Math.floor(((lng + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n);
  return { z, x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

/**
 * Every tile at zoom `z` that intersects a bounding box.
 *
 * @param bbox - `[west, south, east, north]` in degrees, WGS-84; must not cross the antimeridian
 * @param z - integer zoom level, 0…24
 * @returns tiles in row-major order (north to south, west to east)
 * @throws RangeError when the box is inverted or not finite
 */
export function tilesCoveringBBox(bbox: readonly [number, number, number, number], z: number): TileAddress[] {
  const [west, south, east, north] = bbox;
  if (!(west <= east && south <= north)) throw new RangeError(`bbox must be [west, south, east, north], got [${bbox.join(', ')}]`);
  const nw = lngLatToTile(west, north, z);
  const se = lngLatToTile(east, south, z);
  const tiles: TileAddress[] = [];
  for (let y = nw.y; y <= se.y; y++) for (let x = nw.x; x <= se.x; x++) tiles.push({ z, x, y });
  return tiles;
}

/**
 * MBTiles stores rows in the TMS scheme (y grows north); XYZ grows south. The flip is its own
 * inverse. Source: MBTiles specification 1.3, "tiles" table.
 */
export function flipTileRow(y: number, z: number): number {
  return 2 ** z - 1 - y;
}
