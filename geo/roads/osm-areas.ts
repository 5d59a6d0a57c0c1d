/**
 * Areas mapped in OpenStreetMap (a closed way, or a multipolygon relation of member ways): their
 * rings, their area on the WGS-84 ellipsoid and a representative point (the area-weighted centroid).
 *
 * Positions are `[lng, lat]` degrees, WGS-84; areas square metres. A multipolygon's rings are
 * assembled from its member ways by joining ways that share an end node (OSM wiki
 * "Relation:multipolygon/Algorithm": ways may be split anywhere and drawn in either direction);
 * an outer ring counts positively, an inner ring (a hole) negatively.
 */
import { metresPerDegree } from './measure.ts';

export type LngLatPoint = [number, number];

/**
 * Joins ways (lists of node ids, in drawing order) into closed rings. A way that is already
 * closed is a ring on its own; the others are chained end to end, reversed where needed.
 * @returns the rings as node-id lists (first id repeated at the end) and how many ways were left
 *   in chains that do not close (a broken or incomplete relation)
 */
export function assembleRings(ways: readonly (readonly number[])[]): { rings: number[][]; unclosed: number } {
  const pending = ways.filter((w) => w.length >= 2).map((w) => [...w]);
  const rings: number[][] = [];
  let unclosed = 0;
  while (pending.length > 0) {
    const ring = pending.shift() as number[];
    let grew = true;
    while (ring[0] !== ring[ring.length - 1] && grew) {
      grew = false;
      const end = ring[ring.length - 1];
      for (let i = 0; i < pending.length; i++) {
        const w = pending[i] as number[];
        if (w[0] === end) ring.push(...w.slice(1));
        else if (w[w.length - 1] === end) ring.push(...w.slice(0, -1).reverse());
        else continue;
        pending.splice(i, 1);
        grew = true;
        break;
      }
    }
    if (ring.length >= 4 && ring[0] === ring[ring.length - 1]) rings.push(ring);
    else unclosed++;
  }
  return { rings, unclosed };
}

/**
 * The ring in a local equal-area plane around `origin`, metres: x = (λ − λ₀)·N(φ)·cos φ at each
 * point's own latitude, y = (φ − φ₀)·M(φ₀), with the ellipsoid's prime-vertical radius N and
 * meridian radius M (measure.ts). This is the sinusoidal projection on the ellipsoid: its area
 * element N cos φ · M dλ dφ is the ellipsoid's own, so areas come out exact up to the straight
 * edges and the constant M (which changes by 1e-5 over 0.1° of latitude).
 */
function projectRing(ring: readonly LngLatPoint[], origin: LngLatPoint): { x: number[]; y: number[] } {
  const ky = metresPerDegree(origin[1]).ky;
  const x: number[] = [];
  const y: number[] = [];
  for (const [lng, lat] of ring) {
    x.push((lng - origin[0]) * metresPerDegree(lat).kx);
    y.push((lat - origin[1]) * ky);
  }
  return { x, y };
}

/** Signed area (square metres) and the shoelace centroid sums of a closed ring in the plane of {@link projectRing}. */
function ringMoments(ring: readonly LngLatPoint[], origin: LngLatPoint): { a: number; cx: number; cy: number } {
  const { x, y } = projectRing(ring, origin);
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const cross = (x[i] as number) * (y[i + 1] as number) - (x[i + 1] as number) * (y[i] as number);
    a += cross;
    cx += ((x[i] as number) + (x[i + 1] as number)) * cross;
    cy += ((y[i] as number) + (y[i + 1] as number)) * cross;
  }
  return { a: a / 2, cx, cy };
}

/**
 * Area of a closed ring on the WGS-84 ellipsoid, square metres, always positive (the shoelace
 * formula in the equal-area plane of {@link projectRing}). The tests compare it with @turf/area,
 * which uses a sphere.
 */
export function ringAreaM2(ring: readonly LngLatPoint[]): number {
  const first = ring[0];
  if (ring.length < 4 || !first) return 0;
  return Math.abs(ringMoments(ring, first).a);
}

/**
 * The area (square metres, ellipsoidal) and area-weighted centroid of outer rings minus inner
 * rings, both computed in the equal-area plane of {@link projectRing} around the first point. A
 * concave area's centroid may lie outside it, as any centroid.
 * @returns null when the rings enclose no area
 */
export function areaCentroid(
  outer: readonly (readonly LngLatPoint[])[],
  inner: readonly (readonly LngLatPoint[])[] = [],
): { position: LngLatPoint; areaM2: number } | null {
  const first = outer[0]?.[0];
  if (!first) return null;
  let area = 0;
  let sx = 0;
  let sy = 0;
  for (const [rings, sign] of [
    [outer, 1],
    [inner, -1],
  ] as const) {
    for (const ring of rings) {
      const m = ringMoments(ring, first);
      if (m.a === 0) continue;
      // Orientation is not given by OSM: each ring counts with the sign of its role.
      const w = sign * Math.abs(m.a);
      area += w;
      sx += (m.cx / (6 * m.a)) * w;
      sy += (m.cy / (6 * m.a)) * w;
    }
  }
  if (!(area > 0)) return null;
  const lat = first[1] + sy / area / metresPerDegree(first[1]).ky;
  return { position: [first[0] + sx / area / metresPerDegree(lat).kx, lat], areaM2: area };
}
