/** Small hand-built networks for tests and benches. Positions are WGS-84 `[lng, lat]`. */
import type { LngLat } from '../lnglat.ts';
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
