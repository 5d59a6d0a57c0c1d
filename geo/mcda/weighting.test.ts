/** Rank-order and swing weights: the defining formulas, ties, and data/method-examples/weighting-examples.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionWeights, rankWeights, swingWeights, type RankWeighting } from './weighting.ts';

const load = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, '../../data/method-examples', name), 'utf8')) as T;
const methods: RankWeighting[] = ['rank-sum', 'rank-reciprocal', 'rank-order-centroid'];

describe('rank-order weights', () => {
  it('follow their formulas for n = 4', () => {
    expect(positionWeights(4, 'rank-sum')).toEqual([0.4, 0.3, 0.2, 0.1]);
    const rr = positionWeights(4, 'rank-reciprocal');
    [1, 1 / 2, 1 / 3, 1 / 4].forEach((x, i) => expect(rr[i]).toBeCloseTo(x / (25 / 12), 15));
    const roc = positionWeights(4, 'rank-order-centroid');
    [25 / 48, 13 / 48, 7 / 48, 3 / 48].forEach((x, i) => expect(roc[i]).toBeCloseTo(x, 15));
  });

  it('sum to 1, decrease with the rank, and permute with the criteria', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }).chain((n) =>
          fc.shuffledSubarray(
            [...Array(n).keys()].map((k) => k + 1),
            { minLength: n, maxLength: n },
          ),
        ),
        fc.constantFrom(...methods),
        (ranks, method) => {
          const w = rankWeights(ranks, method);
          expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
          const pos = positionWeights(ranks.length, method);
          ranks.forEach((r, j) => expect(w[j]).toBe(pos[r - 1]));
          for (let k = 1; k < pos.length; k++) expect(pos[k]).toBeLessThan(pos[k - 1] as number);
        },
      ),
    );
  });

  it('share the weights of tied positions equally, whatever rank numbers express the tie', () => {
    const roc = positionWeights(3, 'rank-order-centroid');
    const tied = rankWeights([2, 1, 1], 'rank-order-centroid');
    expect(tied[1]).toBeCloseTo(((roc[0] as number) + (roc[1] as number)) / 2, 15);
    expect(tied[2]).toBe(tied[1]);
    expect(tied[0]).toBe(roc[2]);
    expect(rankWeights([3, 1, 1], 'rank-order-centroid')).toEqual(tied);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(...methods),
        (ranks, method) => {
          expect(rankWeights(ranks, method).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('refuse ranks that are not positive integers', () => {
    expect(() => rankWeights([1, 0], 'rank-sum')).toThrow(/criterion 2 rank must be a positive integer/);
    expect(() => rankWeights([1.5], 'rank-sum')).toThrow(/positive integer/);
    expect(() => rankWeights([], 'rank-sum')).toThrow(/at least one/);
    expect(() => rankWeights([1], 'borda' as RankWeighting)).toThrow(/rank-sum, rank-reciprocal or rank-order-centroid/);
  });

  interface Example {
    id: string;
    method: RankWeighting;
    ranks: number[];
    published: { weights: number[] };
  }
  it.each(load<Example[]>('weighting-examples.json').map((e) => [e.id, e] as const))('%s: published weights to 4 decimals', (_id, e) => {
    rankWeights(e.ranks, e.method).forEach((w, i) => expect(w).toBeCloseTo(e.published.weights[i] as number, 4));
  });
});

describe('swing (SMART) weights', () => {
  it('are the points over their sum, relative to the most important swing of 100', () => {
    const w = swingWeights([100, 60, 70, 40]);
    [100 / 270, 60 / 270, 70 / 270, 40 / 270].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 15));
    expect(swingWeights([100, 0])).toEqual([1, 0]);
  });

  it('refuse a set without a swing of 100, and points outside 0…100', () => {
    expect(() => swingWeights([90, 60])).toThrow(/most important swing must score 100/);
    expect(() => swingWeights([100, 120])).toThrow(/criterion 2 swing must be 0…100 points/);
    expect(() => swingWeights([100, -5])).toThrow(/0…100/);
  });
});
