/** Small hand-built networks for tests and benches. Positions are WGS-84 `[lng, lat]`. */
import type { LngLat } from '../lnglat.ts';
import { BACKWARD, FORWARD, type RawRoads } from '../roads/build.ts';
import { DEFAULT_ASSUMPTIONS, type NetworkAssumptions } from './assumptions.ts';
import { buildNetwork, type FacilityClass, type Network, type PointInput } from './graph.ts';

export function point(id: string, position: LngLat, classes: FacilityClass[] = ['interchange']): PointInput {
  return { id, name_zh: id, name_en: id, position, classes };
}

/**
 * Two interchanges A (112, 26) and B (113, 26) joined by a straight expressway "X"; an airport F
 * 0.1° north of B, and a market M 0.3° south of B.
 */
export function twoInterchangeNetwork(assumptions: NetworkAssumptions = DEFAULT_ASSUMPTIONS): Network {
  const A: LngLat = [112, 26];
  const B: LngLat = [113, 26];
  return buildNetwork(
    {
      interchanges: [point('A', A), point('B', B)],
      expressways: [{ id: 'X', name_zh: 'X', coordinates: [A, [112.5, 26], B], stops: ['A', 'B'], mode: 'expressway' }],
      facilities: [point('F', [113, 26.1], ['airport', 'airport-cargo']), point('M', [113, 25.7], ['market'])],
      railLines: [],
    },
    assumptions,
  );
}

/**
 * A jittered n × n grid of roads 0.01° apart from (112, 26) as {@link RawRoads}: random class
 * speeds (90, 65, 55, 40 km/h), a quarter of the edges oneway when `oneways`, some left out, and
 * the edges listed in `openings` given that opening (status code, year; geo/network/years.ts).
 */
export function roadGrid(
  n: number,
  seed: number,
  options: { oneways?: boolean; openings?: { way: number; status: number; year: number }[]; classOf?: (way: number) => number } = {},
): RawRoads {
  let s = seed >>> 0 || 1;
  const rnd = (): number => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  const lng: number[] = [];
  const lat: number[] = [];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      lng.push(112 + i * 0.01 + (rnd() - 0.5) * 0.004);
      lat.push(26 + j * 0.01 + (rnd() - 0.5) * 0.004);
    }
  const refs: number[] = [];
  const starts = [0];
  const kmh: number[] = [];
  const flags: number[] = [];
  const speeds = [90, 65, 55, 40];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const v = j * n + i;
      for (const w of [i + 1 < n ? v + 1 : -1, j + 1 < n ? v + n : -1]) {
        if (w < 0 || rnd() < 0.1) continue;
        refs.push(v, w);
        starts.push(refs.length);
        kmh.push(speeds[Math.floor(rnd() * speeds.length)] as number);
        flags.push(options.oneways && rnd() < 0.25 ? (rnd() < 0.5 ? FORWARD : BACKWARD) : FORWARD | BACKWARD);
      }
    }
  const ways = kmh.length;
  const raw: RawRoads = {
    nodeId: Float64Array.from(lng, (_, i) => 5000 + i),
    nodeLng: Float64Array.from(lng),
    nodeLat: Float64Array.from(lat),
    wayId: Float64Array.from({ length: ways }, (_, i) => 100 + i),
    wayClass: Uint8Array.from({ length: ways }, (_, i) => options.classOf?.(i) ?? 4),
    wayFlags: Uint8Array.from(flags),
    wayKmhFwd: Float64Array.from(kmh),
    wayKmhBwd: Float64Array.from(kmh),
    wayName: new Int32Array(ways).fill(-1),
    wayRef: new Int32Array(ways).fill(-1),
    wayStart: Int32Array.from(starts),
    refs: Int32Array.from(refs),
    strings: [],
  };
  if (options.openings) {
    raw.wayStatus = new Uint8Array(ways);
    raw.wayYear = new Int16Array(ways);
    for (const o of options.openings) {
      raw.wayStatus[o.way] = o.status;
      raw.wayYear[o.way] = o.year;
    }
  }
  return raw;
}
