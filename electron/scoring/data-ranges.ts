/**
 * The facts of every candidate under uncertainty, for the rank ranges (geo/scoring/uncertainty.ts):
 *
 * - K assumption sets drawn once over the Assumptions panel's ranges (Latin hypercube, seed 1, so
 *   the same ranges always give the same sets); every candidate's travel times and labour pool are
 *   computed on each set's network;
 * - for a park on its county-seat stand-in, the same facts at up to C populated cells of its
 *   county (the 5 km population raster's cells of that county, every ⌈n/C⌉-th in row order, so
 *   they spread from north to south): the park is somewhere in the county, and each cell is one
 *   place it may be. Cells beyond the network's reach are left out.
 *
 * Computed once per set of ranges and cached with the default network (a new network — user
 * facilities, a corrected park — starts a new cache).
 */
import {
  assumptionScenarios,
  cellCentre,
  DEFAULT_ASSUMPTION_RANGES,
  RANGED_ASSUMPTIONS,
  type AssumptionRange,
  type CandidateFacts,
  type FactVariants,
  type Network,
  type RangedAssumption,
} from '../../geo/index.ts';
import { LABOUR_CELL_KM, type ZoneNetworkService } from '../network/service.ts';
import type { Reference } from '../reference/index.ts';
import { factsOnNetwork } from './site-facts.ts';

export interface VariantSettings {
  ranges: Readonly<Record<RangedAssumption, AssumptionRange>>;
  /** Assumption sets (K ≥ 1). */
  sets: number;
  /** Cells per approximate park (C ≥ 1). */
  cells: number;
}

/** The seed of the assumption sets: fixed, so a set of ranges always means the same networks. */
export const ASSUMPTION_SET_SEED = 1;

const caches = new WeakMap<Network, Map<string, FactVariants>>();

/** The ranges in use: the stored ones over the documented defaults. */
export function rangesWithDefaults(
  stored: Readonly<Partial<Record<RangedAssumption, AssumptionRange>>>,
): Record<RangedAssumption, AssumptionRange> {
  return Object.fromEntries(RANGED_ASSUMPTIONS.map((k) => [k, stored[k] ?? { ...DEFAULT_ASSUMPTION_RANGES[k] }])) as Record<
    RangedAssumption,
    AssumptionRange
  >;
}

/** Up to `count` cell centres ([lng, lat], WGS-84) of the county containing `position`, evenly spread in row order. */
export function countyCells(network: ZoneNetworkService, position: readonly [number, number], count: number): [number, number][] {
  const county = network.countyAt([position[0], position[1]]);
  if (!county) return [];
  const raster = network.population(LABOUR_CELL_KM);
  const k = raster.counties.findIndex((c) => c.adcode === county.adcode);
  if (k < 0) return [];
  const cells: number[] = [];
  raster.county.forEach((c, q) => c === k && cells.push(q));
  const step = Math.max(1, Math.ceil(cells.length / count));
  const picked: [number, number][] = [];
  // The middle of each stretch, so a county's edge cells are not favoured.
  for (let start = 0; start < cells.length && picked.length < count; start += step) {
    const q = cells[Math.min(cells.length - 1, start + Math.floor(step / 2))] as number;
    picked.push(cellCentre(raster.grid, q % raster.grid.nx, Math.floor(q / raster.grid.nx)));
  }
  return picked;
}

/**
 * Facts per candidate, draw and assumption set.
 *
 * @param candidates - the candidates' facts on the default network (from SiteFacts)
 * @throws UserInputError for assumptions the network refuses
 */
export function factVariants(
  reference: Pick<Reference, 'zone'>,
  network: ZoneNetworkService,
  candidates: readonly CandidateFacts[],
  settings: VariantSettings,
): FactVariants {
  const net = network.networkFor();
  let cache = caches.get(net);
  if (!cache) {
    cache = new Map();
    caches.set(net, cache);
  }
  const key = JSON.stringify([settings, candidates.map((c) => [c.id, c.position[0], c.position[1], c.approximate === true])]);
  const hit = cache.get(key);
  if (hit) return hit;
  const sets = assumptionScenarios(settings.ranges, settings.sets, ASSUMPTION_SET_SEED);
  const draws = new Map<string, CandidateFacts[][]>();
  for (const c of candidates) {
    const { minutes: _m, labour: _l, labourUnknown: _u, approximateMinutes: _a, ...base } = c;
    const positions: [number, number][] = c.approximate
      ? countyCells(network, c.position, settings.cells)
      : [[c.position[0], c.position[1]]];
    const rows: CandidateFacts[][] = [];
    for (const position of positions) {
      try {
        rows.push(sets.map((overrides) => factsOnNetwork(reference, network, { ...base, position }, overrides)));
      } catch {
        // A cell (or a set's slower network) beyond the network's reach: not a place the candidate can be scored at.
      }
    }
    if (rows.length > 0) draws.set(c.id, rows);
  }
  const variants: FactVariants = { scenarios: sets.length, draws };
  if (cache.size > 8) cache.clear();
  cache.set(key, variants);
  return variants;
}
