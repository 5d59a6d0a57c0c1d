/**
 * Distances between WGS-84 positions, in metres.
 *
 * The network works at 1–300 km and recomputes hundreds of thousands of distances per surface,
 * so it uses the equirectangular approximation around the pair's mean latitude instead of the
 * haversine formula: at the zone's latitudes (24–30°N) and below 300 km it is within 0.3 % of
 * the great-circle distance (checked in distance.test.ts), far below the uncertainty of a
 * detour factor. Every part of the network uses this one function, so point queries, isochrones
 * and surfaces agree exactly.
 */
import type { LngLat } from '../lnglat.ts';

/** Mean Earth radius, metres (IUGG mean radius R1, as used by turf). */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Approximate ground distance in metres between two `[lng, lat]` WGS-84 positions. */
export function distanceMetres(a: LngLat, b: LngLat): number {
  return distanceMetresXY(a[0], a[1], b[0], b[1]);
}

/** Same as {@link distanceMetres} on bare numbers (degrees), for hot loops. */
export function distanceMetresXY(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const x = (lng2 - lng1) * RAD * Math.cos(((lat1 + lat2) / 2) * RAD);
  const y = (lat2 - lat1) * RAD;
  return Math.sqrt(x * x + y * y) * EARTH_RADIUS_M;
}

/** Great-circle (haversine) distance in metres; the reference the approximation is tested against. */
export function haversineMetres(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length in metres of a polyline of `[lng, lat]` positions. */
export function polylineMetres(coords: readonly LngLat[]): number {
  let total = 0;
  for (let i = 1; i < coords.length; i++) total += distanceMetres(coords[i - 1] as LngLat, coords[i] as LngLat);
  return total;
}
