/**
 * Facility candidates kept from an extract for later matching (issue 16): interchanges, railway
 * stations, airports and named industrial areas. They are candidates, not facts: a match to the
 * catalogue is accepted by a person.
 *
 * - interchange: a node `highway=motorway_junction` (Tag:highway=motorway_junction: the exit
 *   point, with the exit `ref` and `name`);
 * - station: a node `railway=station` (Tag:railway=station; stations mapped as areas are not taken);
 * - airport: `aeroway=aerodrome` on a node or a closed way (Tag:aeroway=aerodrome);
 * - industrial: a named closed way `landuse=industrial` (multipolygon relations are not read).
 *
 * Areas are placed at their centroid, marked `approximate`.
 */

export type FacilityKind = 'interchange' | 'station' | 'airport' | 'industrial';

export interface FacilityCandidate {
  kind: FacilityKind;
  osmType: 'node' | 'way';
  osmId: number;
  name: string | null;
  nameEn: string | null;
  ref: string | null;
  /** Position `[lng, lat]`, WGS-84; the centroid for an area. */
  lng: number;
  lat: number;
  /** True for an area's centroid. */
  approximate: boolean;
  /** The few tags a reviewer needs (railway, station, usage, aerodrome, iata, icao, operator). */
  tags: Record<string, string>;
}

const KEPT_TAGS = ['railway', 'station', 'usage', 'aerodrome', 'aerodrome:type', 'iata', 'icao', 'operator', 'name:zh', 'old_name'];

/** The facility kind of a node's tags, or null. */
export function nodeFacilityKind(tags: Readonly<Record<string, string>>): FacilityKind | null {
  if (tags['highway'] === 'motorway_junction') return 'interchange';
  if (tags['railway'] === 'station') return 'station';
  if (tags['aeroway'] === 'aerodrome') return 'airport';
  return null;
}

/** The facility kind of a way's tags (an area), or null. */
export function wayFacilityKind(tags: Readonly<Record<string, string>>): FacilityKind | null {
  if (tags['aeroway'] === 'aerodrome') return 'airport';
  if (tags['landuse'] === 'industrial' && tags['name']) return 'industrial';
  return null;
}

/** A candidate from an element's tags and position. */
export function facilityCandidate(
  kind: FacilityKind,
  osmType: 'node' | 'way',
  osmId: number,
  tags: Readonly<Record<string, string>>,
  lng: number,
  lat: number,
  approximate: boolean,
): FacilityCandidate {
  const kept: Record<string, string> = {};
  for (const k of KEPT_TAGS) if (tags[k] !== undefined) kept[k] = tags[k] as string;
  return {
    kind,
    osmType,
    osmId,
    name: tags['name'] ?? null,
    nameEn: tags['name:en'] ?? null,
    ref: tags['ref'] ?? null,
    lng,
    lat,
    approximate,
    tags: kept,
  };
}

/**
 * Centroid of a way's points, degrees: the area centroid (shoelace formula in degrees, fine at
 * the size of an airport or a park) when the way is closed and has an area, else the mean of the
 * points. Points without a position (NaN) are skipped; null when none is left.
 */
export function wayCentroid(lngs: ArrayLike<number>, lats: ArrayLike<number>): [number, number] | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < lngs.length; i++) {
    const x = lngs[i] as number;
    const y = lats[i] as number;
    if (!Number.isNaN(x) && !Number.isNaN(y)) {
      xs.push(x);
      ys.push(y);
    }
  }
  if (xs.length === 0) return null;
  const n = xs.length;
  const x0 = xs[0] as number;
  const y0 = ys[0] as number;
  const closed = n >= 4 && xs[n - 1] === x0 && ys[n - 1] === y0;
  if (closed) {
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < n - 1; i++) {
      const xi = (xs[i] as number) - x0;
      const yi = (ys[i] as number) - y0;
      const xj = (xs[i + 1] as number) - x0;
      const yj = (ys[i + 1] as number) - y0;
      const cross = xi * yj - xj * yi;
      a += cross;
      cx += (xi + xj) * cross;
      cy += (yi + yj) * cross;
    }
    if (Math.abs(a) > 1e-14) return [x0 + cx / (3 * a), y0 + cy / (3 * a)];
  }
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] as number;
    sy += ys[i] as number;
  }
  return [sx / n, sy / n];
}
