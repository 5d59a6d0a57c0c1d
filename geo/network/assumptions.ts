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
