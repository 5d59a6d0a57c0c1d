/**
 * Checked WGS-84 positions. Every position in the app is `[lng, lat]` in degrees, WGS-84.
 */

/** A WGS-84 position, `[longitude, latitude]` in degrees. */
export type LngLat = readonly [lng: number, lat: number];

/**
 * Returns the reason a position is not a usable WGS-84 `[lng, lat]`, or `null` when it is.
 * Catches NaN/Infinity, longitudes outside −180…180 and latitudes outside −90…90, which is
 * also how most swapped `[lat, lng]` pairs in China show up (a "latitude" of 112 is impossible).
 *
 * @param value - anything; the check does not throw
 */
export function lngLatProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length !== 2) return 'position must be [longitude, latitude]';
  const [lng, lat] = value as unknown[];
  if (typeof lng !== 'number' || !Number.isFinite(lng)) return `longitude must be a finite number, got ${String(lng)}`;
  if (typeof lat !== 'number' || !Number.isFinite(lat)) return `latitude must be a finite number, got ${String(lat)}`;
  if (lng < -180 || lng > 180) return `longitude ${lng} is outside −180…180`;
  if (lat < -90 || lat > 90) {
    return lng >= -90 && lng <= 90 && lat >= -180 && lat <= 180
      ? `latitude ${lat} is outside −90…90 (are longitude and latitude swapped?)`
      : `latitude ${lat} is outside −90…90`;
  }
  return null;
}

/**
 * Bounding box of many positions, `[west, south, east, north]` in degrees.
 * @throws RangeError when no position is given
 */
export function bboxOf(positions: Iterable<LngLat>): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lng, lat] of positions) {
    if (lng < west) west = lng;
    if (lng > east) east = lng;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  if (west === Infinity) throw new RangeError('bboxOf needs at least one position');
  return [west, south, east, north];
}

/**
 * Every position of a GeoJSON coordinate array of any depth (Point to MultiPolygon), in order:
 * each array whose first item is not itself an array. Values are not checked (see
 * {@link lngLatProblem}).
 */
export function* positionsOf(coordinates: unknown): Generator<unknown[]> {
  if (!Array.isArray(coordinates) || coordinates.length === 0) return;
  if (!Array.isArray(coordinates[0])) {
    yield coordinates;
    return;
  }
  for (const c of coordinates) yield* positionsOf(c);
}
