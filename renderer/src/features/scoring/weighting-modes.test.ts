import { describe, expect, it } from 'vitest';
import { CRITERION_IDS, type CriterionKey } from '../../../../geo/index.ts';
import {
  ahpProduced,
  initialWeighting,
  produced,
  rankProduced,
  ranksFromWeights,
  swingFromWeights,
  swingProduced,
  weightingReducer,
  type WeightingAction,
  type WeightingState,
} from './weighting-modes.ts';
import type { Weights } from './scoring-state.ts';

const keys: CriterionKey[] = ['industry-match', 't-gba', 'labour', 'custom-land-price'];
const total = (w: Partial<Record<string, number>>) => Math.round(Object.values(w).reduce((s: number, x) => s + (x ?? 0), 0) * 10) / 10;
const run = (actions: WeightingAction[], from: WeightingState) => actions.reduce(weightingReducer, from);

describe('weighting modes', () => {
  it('start from the sliders: ranks by weight (ties share a rank), swing points relative to the largest', () => {
    const w = { 'industry-match': 40, 't-gba': 20, labour: 20, 'custom-land-price': 0 } as Partial<Weights>;
    expect(ranksFromWeights(w, keys)).toEqual({ 'industry-match': 1, 't-gba': 2, labour: 2 });
    expect(swingFromWeights(w, keys)).toEqual({ 'industry-match': 100, 't-gba': 50, labour: 50 });
    const s = initialWeighting(w, keys);
    expect(s.mode).toBe('sliders');
    expect(s.rankMethod).toBe('rank-order-centroid');
  });

  it('rank-order centroid of three ranked criteria: 61.1 %, 27.8 %, 11.1 % (Barron & Barrett 1996), the unranked 0', () => {
    const s = run(
      [
        { type: 'rankSet', id: 'labour', rank: 1 },
        { type: 'rankSet', id: 'industry-match', rank: 2 },
        { type: 'rankSet', id: 't-gba', rank: 3 },
      ],
      { ...initialWeighting({}, keys), mode: 'rank' },
    );
    const r = rankProduced(s, keys);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.weights).toEqual({ labour: 61.1, 'industry-match': 27.8, 't-gba': 11.1, 'custom-land-price': 0 });
    // Rank sum for the same order: 3/6, 2/6, 1/6.
    const sum = rankProduced({ ...s, rankMethod: 'rank-sum' }, keys);
    expect(sum.ok && sum.weights).toEqual({ labour: 50, 'industry-match': 33.3, 't-gba': 16.7, 'custom-land-price': 0 });
    // Taking a rank away leaves the criterion out.
    const fewer = weightingReducer(s, { type: 'rankSet', id: 't-gba', rank: null });
    expect(fewer.ranks).not.toHaveProperty('t-gba');
    expect(rankProduced({ ranks: {}, rankMethod: 'rank-sum' }, keys)).toEqual({ ok: false, problem: 'noneRanked' });
  });

  it('swing points need one swing of 100; weights are points over their sum', () => {
    const none = swingProduced({ swing: { labour: 80, 't-gba': 40 } }, keys);
    expect(none).toEqual({ ok: false, problem: 'noSwing100' });
    const s = run(
      [
        { type: 'swingSet', id: 'labour', points: 100 },
        { type: 'swingSet', id: 't-gba', points: 60 },
        { type: 'swingSet', id: 'custom-land-price', points: 40 },
        { type: 'swingSet', id: 'industry-match', points: 0 },
      ],
      { ...initialWeighting({}, keys), mode: 'swing' },
    );
    const r = swingProduced(s, keys);
    expect(r.ok && r.weights).toEqual({ labour: 50, 't-gba': 30, 'custom-land-price': 20, 'industry-match': 0 });
    // Points above 100 are capped; 0 or nothing removes the swing.
    expect(weightingReducer(s, { type: 'swingSet', id: 't-gba', points: 250 }).swing['t-gba']).toBe(100);
    expect(s.swing).not.toHaveProperty('industry-match');
  });

  it('AHP weights follow the chosen method and carry the consistency ratio; an invalid matrix says why', () => {
    const matrix = [
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ];
    const criteria: CriterionKey[] = ['industry-match', 't-gba', 'labour'];
    const eigen = ahpProduced(criteria, matrix, 'eigen', keys);
    const geomean = ahpProduced(criteria, matrix, 'geomean', keys);
    expect(eigen.ok && total(eigen.weights)).toBe(100);
    expect(eigen.ok && eigen.weights['custom-land-price']).toBe(0);
    expect(eigen.cr).toBeGreaterThan(0);
    expect(eigen.cr).toBeLessThan(0.1);
    expect(geomean.ok && geomean.weights['industry-match']).toBeGreaterThan(60);
    expect(ahpProduced(criteria, [[1, 2]], 'eigen', keys)).toMatchObject({ ok: false, problem: 'ahpInvalid' });
  });

  it('the sliders mode produces the sliders, unchanged', () => {
    const sliders = Object.fromEntries(CRITERION_IDS.map((id) => [id, id === 'labour' ? 100 : 0])) as Weights;
    const s = initialWeighting(sliders, CRITERION_IDS);
    expect(produced(s, CRITERION_IDS, sliders, { criteria: [], matrix: [], method: 'eigen' })).toEqual({ ok: true, weights: sliders });
  });
});
