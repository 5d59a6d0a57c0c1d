import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monteCarloStability, normaliseColumn, normaliseWeights, weightedSum, weightStability } from './wsm.ts';

const weightsArb = (n: number) => fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n });
const matrixArb = (m: number, n: number) =>
  fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m });

describe('weighted sum', () => {
  it('contributions add up to the total and weights always total 100 %', () => {
    fc.assert(
      fc.property(matrixArb(5, 4), weightsArb(4), (scores, w) => {
        const r = weightedSum(scores, w);
        expect(normaliseWeights(w).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
        r.contributions.forEach((c, i) => expect(c.reduce((s, v) => s + v, 0)).toBeCloseTo(r.totals[i] as number, 12));
      }),
    );
  });

  it('improving one raw value never lowers that candidate’s score (monotonicity)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 8 }),
        weightsArb(3),
        fc.nat(),
        fc.nat({ max: 2 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (raw, w, pick, criterion, gain) => {
          const types = ['benefit', 'cost', 'benefit'] as const;
          const score = (rows: number[][]) => {
            const cols = types.map((t, j) =>
              normaliseColumn(
                rows.map((r) => r[j] as number),
                t,
              ),
            );
            return weightedSum(
              rows.map((_, i) => cols.map((c) => c[i] as number)),
              w,
            ).totals;
          };
          const i = pick % raw.length;
          const better = raw.map((r) => [...r]);
          const row = better[i] as number[];
          row[criterion] = (row[criterion] as number) + (types[criterion] === 'benefit' ? gain : -gain);
          expect(score(better)[i] as number).toBeGreaterThanOrEqual((score(raw)[i] as number) - 1e-12);
        },
      ),
    );
  });

  it('normalises benefit and cost columns to 0…1, unknown values to 0', () => {
    expect(normaliseColumn([10, 20, 30], 'benefit')).toEqual([0, 0.5, 1]);
    expect(normaliseColumn([10, 20, 30], 'cost')).toEqual([1, 0.5, 0]);
    expect(normaliseColumn([5, 5], 'cost')).toEqual([1, 1]);
    expect(normaliseColumn([null, 5, 10], 'benefit')).toEqual([0, 0, 1]);
  });
});

describe('sensitivity', () => {
  it('the top candidate stays first inside its weight range and loses it just outside', () => {
    fc.assert(
      fc.property(matrixArb(4, 3), weightsArb(3), fc.nat({ max: 2 }), (scores, w, j) => {
        // Candidates that differ only by rounding (1e-16) have no meaningful range: skip near-ties.
        const sorted = [...weightedSum(scores, w).totals].sort((a, b) => b - a);
        fc.pre((sorted[0] as number) - (sorted[1] as number) > 1e-6);
        for (let a = 0; a < scores.length; a++)
          for (let b = a + 1; b < scores.length; b++)
            fc.pre(Math.max(...(scores[a] as number[]).map((v, k) => Math.abs(v - ((scores[b] as number[])[k] as number)))) > 1e-6);
        const { lo, hi, top } = weightStability(scores, w, j);
        const wn = normaliseWeights(w);
        expect(lo).toBeLessThanOrEqual((wn[j] as number) + 1e-12);
        expect(hi).toBeGreaterThanOrEqual((wn[j] as number) - 1e-12);
        const at = (t: number) => wn.map((x, k) => (k === j ? t : ((x as number) * (1 - t)) / (1 - (wn[j] as number))));
        const topAt = (t: number) => {
          const totals = weightedSum(scores, at(t)).totals;
          return Math.max(...totals) - (totals[top] as number);
        };
        // Inside the range the top is (one of) the best; just outside, someone beats it.
        for (const t of [lo, (lo + hi) / 2, hi]) expect(topAt(t)).toBeLessThanOrEqual(1e-9);
        // A step of 10⁻³ beyond each end: far enough that rounding cannot hide the rival's lead.
        if (lo > 1e-3) expect(topAt(lo - 1e-3)).toBeGreaterThan(0);
        if (hi < 1 - 1e-3) expect(topAt(hi + 1e-3)).toBeGreaterThan(0);
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });

  it('Monte-Carlo shares: first sums to 1, top 3 to 3, and a dominant candidate always wins', () => {
    const scores = [
      [1, 1, 1],
      [0.5, 0.2, 0.9],
      [0.1, 0.8, 0.3],
      [0.4, 0.4, 0.4],
    ];
    const r = monteCarloStability(scores, [0.5, 0.3, 0.2], { samples: 2000, seed: 7 });
    expect(r.first.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    expect(r.top3.reduce((s, v) => s + v, 0)).toBeCloseTo(3, 9);
    expect(r.first[0]).toBe(1);
    // Reproducible with the same seed.
    expect(monteCarloStability(scores, [0.5, 0.3, 0.2], { samples: 2000, seed: 7 })).toEqual(r);
  });

  it('draws weights around the chosen ones (mean close to them)', () => {
    // Two candidates that trade places exactly at w = (0.5, 0.5): with weights (0.6, 0.4) the first should mostly win.
    const r = monteCarloStability(
      [
        [1, 0],
        [0, 1],
      ],
      [0.6, 0.4],
      { samples: 5000, concentration: 50, seed: 3 },
    );
    expect(r.first[0]).toBeGreaterThan(0.85);
    expect(r.first[0]).toBeLessThan(1);
  });
});
