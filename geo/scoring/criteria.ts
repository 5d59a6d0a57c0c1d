/**
 * The criteria a candidate site is scored on, what each measures, its unit and direction, and
 * the default weights an enterprise profile implies. Weights are percentages that always total
 * 100; the user moves them with sliders (see `rebalance`).
 */

export const CRITERIA = [
  { id: 'industry-match', group: 'industry', type: 'benefit', unit: 'match' },
  { id: 'prefecture-focus', group: 'industry', type: 'benefit', unit: 'match' },
  { id: 'cluster', group: 'industry', type: 'benefit', unit: 'parks' },
  { id: 't-interchange', group: 'logistics', type: 'cost', unit: 'min' },
  { id: 't-freight', group: 'logistics', type: 'cost', unit: 'min' },
  { id: 't-intl-rail', group: 'logistics', type: 'cost', unit: 'min' },
  { id: 't-airport', group: 'logistics', type: 'cost', unit: 'min' },
  { id: 't-bonded', group: 'logistics', type: 'cost', unit: 'min' },
  { id: 't-port', group: 'logistics', type: 'cost', unit: 'min' },
  { id: 't-gba', group: 'logistics', type: 'cost', unit: 'min' },
  { id: 't-changsha', group: 'logistics', type: 'cost', unit: 'min' },
  { id: 't-hsr', group: 'logistics', type: 'cost', unit: 'min' },
  { id: 'park-level', group: 'platform', type: 'benefit', unit: 'level' },
  { id: 'labour', group: 'labour', type: 'benefit', unit: 'persons' },
] as const;

export type CriterionId = (typeof CRITERIA)[number]['id'];
export const CRITERION_IDS: CriterionId[] = CRITERIA.map((c) => c.id);

/** Importance on a 0…5 scale (0 = irrelevant). */
export type Importance = number;

export interface EnterpriseProfile {
  name?: string;
  /** Plan industry id (data/plan.json), e.g. "equipment". */
  industry: string;
  /** Plan sub-line id, e.g. "equipment.power-transmission", or null. */
  subline: string | null;
  exportOriented: boolean;
  freight: { road: Importance; rail: Importance; internationalRail: Importance; air: Importance; water: Importance };
  markets: { gba: Importance; changsha: Importance; asean: Importance; europe: Importance };
  needsBondedZone: boolean;
  staffHsr: boolean;
  workforce: number;
  /** `high`: high energy use, emissions or pollution (高耗能、高排放、高污染), which the plan forbids. */
  pollution: 'low' | 'medium' | 'high';
  minParkLevel: 'any' | 'provincial' | 'national';
  limits: {
    maxInterchangeMinutes?: number | null;
    maxFreightMinutes?: number | null;
    maxAirportMinutes?: number | null;
    maxBondedMinutes?: number | null;
  };
}

/**
 * Default weights (percent, summing to 100) from a profile. The split is a documented starting
 * point, not a fact: industry fit 28, logistics by the importance of each mode and market,
 * platform 6, labour 10–15; zero-importance items get no weight.
 */
export function defaultWeights(p: EnterpriseProfile): Record<CriterionId, number> {
  const raw: Record<CriterionId, number> = {
    'industry-match': 15,
    'prefecture-focus': 7,
    cluster: 6,
    't-interchange': 4 + 2 * p.freight.road,
    't-freight': 3 * p.freight.rail,
    't-intl-rail': (2 * (p.freight.internationalRail + p.markets.asean + p.markets.europe)) / 1.5,
    't-airport': 3 * p.freight.air,
    't-bonded': (p.exportOriented ? 5 : 0) + (p.needsBondedZone ? 6 : 0),
    't-port': 3 * p.freight.water,
    't-gba': 3 * p.markets.gba,
    't-changsha': 3 * p.markets.changsha,
    't-hsr': p.staffHsr ? 5 : 0,
    'park-level': 6,
    labour: 10 + (p.workforce >= 1000 ? 5 : 0),
  };
  return toPercent(raw);
}

/** Rounds non-negative values to tenths that add up to exactly `totalTenths` / 10 (largest remainder). */
function roundToTenths(values: readonly number[], totalTenths: number): number[] {
  const sum = values.reduce((s, v) => s + v, 0);
  const exact = values.map((v) => (sum > 0 ? (v / sum) * totalTenths : totalTenths / values.length));
  const floors = exact.map(Math.floor);
  let missing = totalTenths - floors.reduce((s, v) => s + v, 0);
  const order = exact.map((v, i) => ({ i, frac: v - Math.floor(v) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = (floors[i] as number) + 1;
    missing--;
  }
  return floors.map((t) => t / 10);
}

/**
 * Scales non-negative weights to percentages (0.1 % steps) totalling exactly 100.
 * @param keys - the criteria to scale (default the fourteen built-in ones; the user's own criteria
 *   are `custom-…` keys beside them); weights under other keys are left out
 * @throws RangeError when every weight is zero
 */
export function toPercent<K extends string = CriterionId>(
  weights: Readonly<Record<K, number>>,
  keys: readonly K[] = CRITERION_IDS as unknown as K[],
): Record<K, number> {
  const values = keys.map((id) => Math.max(0, weights[id] ?? 0));
  if (values.every((v) => v === 0)) throw new RangeError('weights must not all be zero');
  const rounded = roundToTenths(values, 1000);
  return Object.fromEntries(keys.map((id, i) => [id, rounded[i] as number])) as Record<K, number>;
}

/**
 * Moves one weight (a slider) to `value` percent and scales the others proportionally so the
 * total stays exactly 100. If all others are zero they share the remainder equally.
 * @param keys - the criteria the sliders cover (default the fourteen built-in ones)
 */
export function rebalance<K extends string = CriterionId>(
  weights: Readonly<Record<K, number>>,
  id: K,
  value: number,
  keys: readonly K[] = CRITERION_IDS as unknown as K[],
): Record<K, number> {
  const v = Math.round(Math.max(0, Math.min(100, value)) * 10) / 10;
  const others = keys.filter((c) => c !== id);
  const rounded = roundToTenths(
    others.map((c) => Math.max(0, weights[c] ?? 0)),
    1000 - Math.round(v * 10),
  );
  return Object.fromEntries([[id, v], ...others.map((c, i) => [c, rounded[i] as number])]) as Record<K, number>;
}
