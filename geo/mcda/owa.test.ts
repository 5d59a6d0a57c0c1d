/**
 * OWA: the defining properties (max, min, mean; orness, dispersion and trade-off at their extremes),
 * maximum-entropy weights against data/method-examples/owa-examples.json, and the weighted OWA's reductions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispersion, maxEntropyOrderWeights, orness, owa, tradeoff } from './owa.ts';

const load = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, '../../data/method-examples', name), 'utf8')) as T;

const rowsArb = (n: number) =>
  fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 8 });
const distributionArb = (n: number) =>
  fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((w) => {
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  });
const unit = (n: number, k: number) => Array.from({ length: n }, (_, i) => (i === k ? 1 : 0));

describe('OWA, largest value first', () => {
  it('(1, 0, …, 0) is the maximum, (0, …, 0, 1) the minimum and equal weights the mean', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) => rowsArb(n)),
        (rows) => {
          const n = (rows[0] as number[]).length;
          const max = owa(rows, { orderWeights: unit(n, 0) });
          const min = owa(rows, { orderWeights: unit(n, n - 1) });
          const mean = owa(rows, { orderWeights: new Array<number>(n).fill(1 / n) });
          rows.forEach((r, i) => {
            expect(max.scores[i] === Math.max(...r)).toBe(true); // === so that −0 equals 0
            expect(min.scores[i] === Math.min(...r)).toBe(true);
            expect(mean.scores[i]).toBeCloseTo(r.reduce((s, v) => s + v, 0) / n, 9);
          });
          expect(max.orness).toBe(n === 1 ? 0.5 : 1);
          if (n > 1) expect(min.orness).toBe(0);
          expect(mean.orness).toBeCloseTo(0.5, 12);
        },
      ),
    );
  });

  it('orders largest first: weights (0.6, 0.3, 0.1) on (0.2, 0.9, 0.5) give 0.6·0.9 + 0.3·0.5 + 0.1·0.2', () => {
    const r = owa([[0.2, 0.9, 0.5]], { orderWeights: [0.6, 0.3, 0.1] });
    expect(r.scores[0]).toBeCloseTo(0.54 + 0.15 + 0.02, 15);
    expect(r.effective[0]).toEqual([0.1, 0.6, 0.3]);
  });

  it('a score lies between the row’s minimum and maximum, and ranks follow the scores', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(rowsArb(n), distributionArb(n))),
        ([rows, w]) => {
          const r = owa(rows, { orderWeights: w });
          rows.forEach((row, i) => {
            expect(r.scores[i]).toBeGreaterThanOrEqual(Math.min(...row) - 1e-9);
            expect(r.scores[i]).toBeLessThanOrEqual(Math.max(...row) + 1e-9);
          });
          for (let k = 1; k < r.ranking.length; k++)
            expect(r.scores[r.ranking[k - 1] as number]).toBeGreaterThanOrEqual(r.scores[r.ranking[k] as number] as number);
        },
      ),
    );
  });

  it('orness, dispersion and trade-off at their defining points', () => {
    expect(orness([0.2, 0.3, 0.5])).toBeCloseTo((2 * 0.2 + 1 * 0.3) / 2, 15);
    expect(dispersion([1, 0, 0])).toBe(0);
    expect(dispersion([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 15);
    expect(tradeoff([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(1, 15);
    expect(tradeoff([0, 0, 1, 0])).toBeCloseTo(0, 15);
    expect(tradeoff([0.5, 0.5, 0])).toBeCloseTo(1 - Math.sqrt((3 * (2 / 36 + 1 / 9)) / 2), 15);
    // Reversing the weights mirrors the orness.
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }).chain(distributionArb), (w) => {
        expect(orness([...w].reverse())).toBeCloseTo(1 - orness(w), 12);
      }),
    );
  });

  it('refuses weights that are not a distribution, and ambiguous options', () => {
    expect(() => orness([0.5, 0.6])).toThrow(/sum to 1/);
    expect(() => owa([[1, 2]], { orderWeights: [1, 0], orness: 0.5 })).toThrow(/either order weights or an orness/);
    expect(() => owa([[1, 2]], {})).toThrow(/either order weights or an orness/);
    expect(() => owa([[1, 2]], { orderWeights: [1] })).toThrow(/1 order weights for 2 criteria/);
    expect(() => owa([[1, Number.NaN]], { orness: 0.5 })).toThrow(/value \(1, 2\) must be a finite number/);
    expect(() => maxEntropyOrderWeights(3, 1.2)).toThrow(/orness must lie in 0…1/);
  });
});

describe('maximum-entropy order weights from an orness', () => {
  it('hit the requested orness, sum to 1, and have the most dispersion of any weights with that orness', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), distributionArb(4), (n, alpha, other) => {
        const w = maxEntropyOrderWeights(n, alpha);
        expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
        if (n > 1) expect(orness(w)).toBeCloseTo(alpha, 9);
        // Any other 4-weight vector with (about) the same orness has no more entropy.
        if (n === 4 && Math.abs(orness(other) - alpha) < 1e-3) expect(dispersion(other)).toBeLessThanOrEqual(dispersion(w) + 1e-2);
      }),
    );
    expect(maxEntropyOrderWeights(4, 1)).toEqual([1, 0, 0, 0]);
    expect(maxEntropyOrderWeights(4, 0)).toEqual([0, 0, 0, 1]);
    maxEntropyOrderWeights(5, 0.5).forEach((x) => expect(x).toBeCloseTo(0.2, 12));
  });

  interface MeowaExample {
    id: string;
    n: number;
    orness: number;
    published: { orderWeights: number[] };
  }
  const examples = load<MeowaExample[]>('owa-examples.json');
  it.each(examples.map((e) => [e.id, e] as const))('%s: the published weights to 5 decimals', (_id, e) => {
    maxEntropyOrderWeights(e.n, e.orness).forEach((x, k) => expect(x).toBeCloseTo(e.published.orderWeights[k] as number, 5));
  });
});

describe('weighted OWA (Torra 1997) with criterion weights', () => {
  it('equal criterion weights give the OWA; equal order weights give the weighted mean', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(rowsArb(n), distributionArb(n), distributionArb(n))),
        ([rows, w, p]) => {
          const n = w.length;
          const plain = owa(rows, { orderWeights: w });
          const equalP = owa(rows, { orderWeights: w, weights: new Array<number>(n).fill(1) });
          equalP.scores.forEach((s, i) => expect(s).toBeCloseTo(plain.scores[i] as number, 9));
          const mean = owa(rows, { orderWeights: new Array<number>(n).fill(1 / n), weights: p });
          rows.forEach((row, i) =>
            expect(mean.scores[i]).toBeCloseTo(
              row.reduce((s, v, j) => s + v * (p[j] as number), 0),
              9,
            ),
          );
          mean.effective.forEach((e) => expect(e.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12));
        },
      ),
    );
  });
});

describe('constant columns and normalisation', () => {
  it('returns finite scores for constant columns, normalised or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (m, n, x) => {
          const rows = Array.from({ length: m }, () => new Array<number>(n).fill(x));
          for (const normalise of [false, true]) {
            const r = owa(rows, { orness: 0.3, normalise });
            r.scores.forEach((s) => expect(Number.isFinite(s)).toBe(true));
          }
        },
      ),
    );
  });

  it('normalise rescales each column to 0…1 before aggregating', () => {
    const r = owa(
      [
        [10, 200],
        [20, 100],
      ],
      { orderWeights: [0.5, 0.5], normalise: true },
    );
    expect(r.scores).toEqual([0.5, 0.5]);
  });
});
