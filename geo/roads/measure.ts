/**
 * Lengths of road segments on the WGS-84 ellipsoid, and projection of a point onto a segment.
 *
 * A road's length is the sum of thousands of segments of a few to a few hundred metres. The
 * sphere of geo/network/distance.ts is off by a direction-dependent 0.2–0.4 % at the zone's
 * latitudes (meridian degrees are 110.8 km on the ellipsoid at 26°N, 111.2 km on the sphere),
 * and that error does not average out along a north–south road. Here each segment is measured
 * in the plane tangent to the ellipsoid at its mean latitude, with the ellipsoid's meridian
 * radius M and prime-vertical radius N:
 *
 *     M = a (1 − e²) / (1 − e² sin²φ)^1.5,   N = a / (1 − e² sin²φ)^0.5
 *     d = √( (N cos φ Δλ)² + (M Δφ)² )
 *
 * For segments below 1 km this is within 1e-6 of the geodesic length (the local-plane error
 * grows with the square of the length), which is what PostGIS's geography length computes, so
 * the network agrees with pgRouting on lengths, not only on times.
 */

/** WGS-84 semi-major axis a, metres, and flattening f (NIMA TR8350.2, table 3.1). */
export const WGS84_A = 6_378_137;
export const WGS84_F = 1 / 298.257223563;
const E2 = WGS84_F * (2 - WGS84_F);
const RAD = Math.PI / 180;

/** Metres per degree of longitude (kx) and of latitude (ky) at latitude `lat` (degrees). */
export function metresPerDegree(lat: number): { kx: number; ky: number } {
  const s = Math.sin(lat * RAD);
  const w2 = 1 / (1 - E2 * s * s);
  const w = Math.sqrt(w2);
  return { kx: WGS84_A * w * Math.cos(lat * RAD) * RAD, ky: WGS84_A * w * w2 * (1 - E2) * RAD };
}

/** Length in metres of the segment from (lng1, lat1) to (lng2, lat2), degrees WGS-84; see the module comment. */
export function segmentMetres(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const { kx, ky } = metresPerDegree((lat1 + lat2) / 2);
  let dl = lng2 - lng1;
  if (dl > 180) dl -= 360;
  else if (dl < -180) dl += 360;
  const x = dl * kx;
  const y = (lat2 - lat1) * ky;
  return Math.sqrt(x * x + y * y);
}

/** Where a point falls on a segment: fraction `t` (0 at the start, 1 at the end) and the distance in metres. */
export interface SegmentProjection {
  t: number;
  distanceM: number;
  lng: number;
  lat: number;
}

/**
 * Nearest point to (px, py) on the segment (ax, ay)–(bx, by), all degrees WGS-84, computed in the
 * tangent plane at the point's latitude (exact enough for snapping: well under a metre for
 * segments and distances of a few kilometres).
 */
export function projectOnSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): SegmentProjection {
  const { kx, ky } = metresPerDegree(py);
  const x1 = (ax - px) * kx;
  const y1 = (ay - py) * ky;
  const dx = (bx - ax) * kx;
  const dy = (by - ay) * ky;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? -(x1 * dx + y1 * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const x = x1 + t * dx;
  const y = y1 + t * dy;
  return { t, distanceM: Math.sqrt(x * x + y * y), lng: ax + t * (bx - ax), lat: ay + t * (by - ay) };
}
