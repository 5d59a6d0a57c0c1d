/**
 * Ways to arrive at weights besides moving the sliders: rank the criteria (rank sum, rank
 * reciprocal, rank-order centroid), give swing points (SMART: the most important swing 100, the
 * others relative to it), or judge pairs (AHP). Each mode shows the weights it produced; applying
 * them puts them on the sliders (scoring-state's `weightsApplied`). The arithmetic is geo's
 * (geo/mcda/weighting.ts, geo/mcda/ahp.ts); this module holds the mode's inputs and says what
 * is missing before asking geo.
 */
import { ahp, rankWeights, swingWeights, toPercent, type AhpMethod, type CriterionKey, type RankWeighting } from '../../../../geo/index.ts';
import type { Weights } from './scoring-state.ts';

export const WEIGHTING_MODES = ['sliders', 'rank', 'swing', 'ahp'] as const;
export type WeightingMode = (typeof WEIGHTING_MODES)[number];

export interface WeightingState {
  mode: WeightingMode;
  rankMethod: RankWeighting;
  /** Rank per criterion, 1 = most important, ties allowed; a criterion without a rank weighs 0. */
  ranks: Partial<Record<CriterionKey, number>>;
  /** Swing points 0…100 per criterion; a criterion without points weighs 0. */
  swing: Partial<Record<CriterionKey, number>>;
}

export type WeightingAction =
  | { type: 'modeChosen'; mode: WeightingMode }
  | { type: 'rankMethodChosen'; method: RankWeighting }
  | { type: 'rankSet'; id: CriterionKey; rank: number | null }
  | { type: 'swingSet'; id: CriterionKey; points: number | null }
  /** Start the rank and swing inputs again from these weights (the sliders'). */
  | { type: 'startFrom'; weights: Partial<Weights>; keys: readonly CriterionKey[] };

/**
 * Ranks from weights, the largest 1 and equal weights sharing a rank (1, 1, 3, …); criteria
 * weighing 0 get none.
 */
export function ranksFromWeights(weights: Partial<Weights>, keys: readonly CriterionKey[]): Partial<Record<CriterionKey, number>> {
  const ranks: Partial<Record<CriterionKey, number>> = {};
  for (const id of keys) {
    const w = weights[id] ?? 0;
    if (w > 0) ranks[id] = 1 + keys.filter((o) => (weights[o] ?? 0) > w).length;
  }
  return ranks;
}

/** Swing points from weights: the largest 100, the others in proportion (whole points); criteria weighing 0 get none. */
export function swingFromWeights(weights: Partial<Weights>, keys: readonly CriterionKey[]): Partial<Record<CriterionKey, number>> {
  const top = Math.max(0, ...keys.map((id) => weights[id] ?? 0));
  const swing: Partial<Record<CriterionKey, number>> = {};
  if (top > 0) for (const id of keys) if ((weights[id] ?? 0) > 0) swing[id] = Math.round(((weights[id] ?? 0) / top) * 100);
  return swing;
}

export function initialWeighting(weights: Partial<Weights>, keys: readonly CriterionKey[]): WeightingState {
  return {
    mode: 'sliders',
    rankMethod: 'rank-order-centroid',
    ranks: ranksFromWeights(weights, keys),
    swing: swingFromWeights(weights, keys),
  };
}

export function weightingReducer(state: WeightingState, action: WeightingAction): WeightingState {
  switch (action.type) {
    case 'modeChosen':
      return { ...state, mode: action.mode };
    case 'rankMethodChosen':
      return { ...state, rankMethod: action.method };
    case 'rankSet': {
      const ranks = { ...state.ranks };
      if (action.rank === null || !Number.isFinite(action.rank) || action.rank < 1) delete ranks[action.id];
      else ranks[action.id] = Math.round(action.rank);
      return { ...state, ranks };
    }
    case 'swingSet': {
      const swing = { ...state.swing };
      if (action.points === null || !Number.isFinite(action.points) || action.points <= 0) delete swing[action.id];
      else swing[action.id] = Math.min(100, action.points);
      return { ...state, swing };
    }
    case 'startFrom':
      return { ...state, ranks: ranksFromWeights(action.weights, action.keys), swing: swingFromWeights(action.weights, action.keys) };
  }
}

/** What a mode produced: percent per criterion (total 100, 0.1 % steps), or why it cannot yet (an i18n key under `weighting.`). */
export type Produced = { ok: true; weights: Weights } | { ok: false; problem: 'noneRanked' | 'noSwing100' | 'ahpInvalid'; detail?: string };

function percentOver(keys: readonly CriterionKey[], share: (id: CriterionKey) => number): Weights {
  return toPercent(Object.fromEntries(keys.map((id) => [id, share(id)])) as Weights, keys);
}

/** Rank-order weights over the ranked criteria (geo `rankWeights`); the unranked weigh 0. */
export function rankProduced(s: Pick<WeightingState, 'ranks' | 'rankMethod'>, keys: readonly CriterionKey[]): Produced {
  const ranked = keys.filter((id) => s.ranks[id] !== undefined);
  if (ranked.length === 0) return { ok: false, problem: 'noneRanked' };
  const w = rankWeights(
    ranked.map((id) => s.ranks[id] as number),
    s.rankMethod,
  );
  const byId = new Map(ranked.map((id, i) => [id, w[i] as number]));
  return { ok: true, weights: percentOver(keys, (id) => byId.get(id) ?? 0) };
}

/** Swing (SMART) weights, points / Σ points (geo `swingWeights`); needs one swing of 100. */
export function swingProduced(s: Pick<WeightingState, 'swing'>, keys: readonly CriterionKey[]): Produced {
  const points = keys.map((id) => s.swing[id] ?? 0);
  if (!points.includes(100)) return { ok: false, problem: 'noSwing100' };
  const w = swingWeights(points);
  return { ok: true, weights: percentOver(keys, (id) => w[keys.indexOf(id)] ?? 0) };
}

/** AHP weights of the judged criteria (eigenvector or row geometric mean), with the consistency ratio. */
export function ahpProduced(
  criteria: readonly CriterionKey[],
  matrix: readonly (readonly number[])[],
  method: AhpMethod,
  keys: readonly CriterionKey[],
): Produced & { cr?: number } {
  try {
    const r = ahp(matrix, { method });
    const byId = new Map(criteria.map((id, i) => [id, r.weights[i] as number]));
    return { ok: true, weights: percentOver(keys, (id) => byId.get(id) ?? 0), cr: r.cr };
  } catch (e) {
    return { ok: false, problem: 'ahpInvalid', detail: (e as Error).message };
  }
}

/** The weights the state's mode produced (sliders: the sliders' own). */
export function produced(
  s: WeightingState,
  keys: readonly CriterionKey[],
  sliders: Weights,
  judgements: { criteria: readonly CriterionKey[]; matrix: readonly (readonly number[])[]; method: AhpMethod },
): Produced & { cr?: number } {
  switch (s.mode) {
    case 'sliders':
      return { ok: true, weights: sliders };
    case 'rank':
      return rankProduced(s, keys);
    case 'swing':
      return swingProduced(s, keys);
    case 'ahp':
      return ahpProduced(judgements.criteria, judgements.matrix, judgements.method, keys);
  }
}
