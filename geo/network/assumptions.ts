/**
 * The assumptions behind every travel time. They are shown in the app's "assumptions" panel and
 * can be changed per query; the defaults and their sources:
 *
 * - `expresswayKmh` 90: average speed on expressways for a loaded truck or car, below the legal
 *   maxima (道路交通安全法实施条例 第七十八条: at most 120 km/h, trucks at most 100 km/h) to allow
 *   for gradients and tunnels in the zone's mountains.
 * - `hsrKmh` 200: average between stations on high-speed lines including stops (lines in the zone
 *   are built for 250–350 km/h; stops and slower sections bring the average down).
 * - `conventionalRailKmh` 60: average for conventional lines.
 * - `ordinaryRoadKmh` 40: zone-wide average on national, provincial and county roads that lead
 *   to the network (JTG B01-2014 design speeds: 60–80 km/h for class I–II highways on plains,
 *   30–40 km/h for class III–IV roads in mountains).
 * - `detourFactor` 1.3: road distance ÷ straight-line distance, the circuity of ordinary roads
 *   (Ballou, Rahardja & Sakai 2002, "Selected country circuity factors for road travel distance
 *   estimation", Transportation Research A 36: national averages 1.12–1.40).
 * - `accessNeighbours` 4: each point and facility is linked by ordinary road to this many nearest
 *   network nodes (and directly to facilities within `maxAccessKm`).
 * - `maxAccessKm` 80: beyond this straight-line distance from every node a point is reported as
 *   unreachable rather than given a misleading time.
 */
export interface NetworkAssumptions {
  expresswayKmh: number;
  hsrKmh: number;
  conventionalRailKmh: number;
  ordinaryRoadKmh: number;
  detourFactor: number;
  accessNeighbours: number;
  maxAccessKm: number;
}

export const DEFAULT_ASSUMPTIONS: Readonly<NetworkAssumptions> = Object.freeze({
  expresswayKmh: 90,
  hsrKmh: 200,
  conventionalRailKmh: 60,
  ordinaryRoadKmh: 40,
  detourFactor: 1.3,
  accessNeighbours: 4,
  maxAccessKm: 80,
});

/** Minutes to cover `metres` at `kmh`. */
export function minutesAt(metres: number, kmh: number): number {
  return (metres / 1000 / kmh) * 60;
}

/** Minutes for an ordinary-road access leg of straight-line length `metres`. */
export function accessMinutes(metres: number, a: NetworkAssumptions): number {
  return minutesAt(metres * a.detourFactor, a.ordinaryRoadKmh);
}

/** Checks assumptions and names the first bad value. */
export function assumptionsProblem(a: NetworkAssumptions): string | null {
  for (const [key, value] of Object.entries(a)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return `${key} must be a positive number, got ${String(value)}`;
  }
  if (a.detourFactor < 1) return `detourFactor must be at least 1 (a road is never shorter than the straight line), got ${a.detourFactor}`;
  if (!Number.isInteger(a.accessNeighbours)) return `accessNeighbours must be an integer, got ${a.accessNeighbours}`;
  return null;
}

/** The assumptions whose uncertainty the rank ranges (SMAA) carry into every travel time. */
export const RANGED_ASSUMPTIONS = ['detourFactor', 'ordinaryRoadKmh', 'expresswayKmh'] as const;
export type RangedAssumption = (typeof RANGED_ASSUMPTIONS)[number];

/** A closed interval [lo, hi] of one assumption, in its unit (a ratio, km/h). */
export interface AssumptionRange {
  lo: number;
  hi: number;
}

/**
 * Default ranges of the assumptions (editable in the Assumptions panel), each containing the
 * default value:
 *
 * - `detourFactor` 1.2–1.45: the app's guess. Newell (1980) puts network distance between random
 *   urban points at about 1.2 × the straight line (as quoted in Wikibooks, *Transportation
 *   Geography and Network Science*, "Circuity"); the radial detour averages 1.343 over 300
 *   European cities (Environment and Planning B, 2023, doi:10.1177/23998083231168870), so the
 *   urban circuity literature spans 1.2–1.34. Mountain county roads are more circuitous than
 *   cities, hence the upper end 1.45 (Ballou, Rahardja & Sakai 2002 report national averages up
 *   to 1.40).
 * - `ordinaryRoadKmh` 30–60: JTG B01-2014 design speeds, 30–40 km/h for class III–IV roads in
 *   mountains up to 60 km/h for class I–II highways.
 * - `expresswayKmh` 80–100: JTG B01-2014's lowest expressway design speed (80) up to the legal
 *   maximum for trucks (道路交通安全法实施条例 第七十八条: 100).
 */
export const DEFAULT_ASSUMPTION_RANGES: Readonly<Record<RangedAssumption, Readonly<AssumptionRange>>> = Object.freeze({
  detourFactor: Object.freeze({ lo: 1.2, hi: 1.45 }),
  ordinaryRoadKmh: Object.freeze({ lo: 30, hi: 60 }),
  expresswayKmh: Object.freeze({ lo: 80, hi: 100 }),
});

/** Names the first problem with a set of ranges (each must be finite, lo ≤ hi, and a valid assumption), or null. */
export function assumptionRangesProblem(ranges: Readonly<Partial<Record<RangedAssumption, AssumptionRange>>>): string | null {
  for (const [key, r] of Object.entries(ranges)) {
    if (!(RANGED_ASSUMPTIONS as readonly string[]).includes(key)) return `"${key}" is not an assumption with a range`;
    if (!r || !Number.isFinite(r.lo) || !Number.isFinite(r.hi) || r.lo > r.hi) return `${key}: the range must have finite lo ≤ hi`;
    const problem = assumptionsProblem({ ...DEFAULT_ASSUMPTIONS, [key]: r.lo });
    if (problem) return problem;
  }
  return null;
}
