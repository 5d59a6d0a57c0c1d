import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahp, pairwiseProblem } from './ahp.ts';
import { topsis } from './topsis.ts';
import { monteCarloStability, normaliseColumn, normaliseWeights, weightedSum, weightStability } from './wsm.ts';

const weightsArb = (n: number) => fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n });
const matrixArb = (m: number, n: number) =>
  fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m });

describe('AHP', () => {
  it('recovers the weights of a perfectly consistent matrix, with λmax = n and CR = 0', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 7 }), (raw) => {
        // a_ij = w_i / w_j with w from small integers; clamp to Saaty's scale by construction (ratios of 1…9 stay within 1/9…9).
        const w = raw.map((x) => x / raw.reduce((s, v) => s + v, 0));
        const a = w.map((wi) => w.map((wj) => wi / wj));
        const r = ahp(a);
        r.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i] as number, 9));
        expect(r.lambdaMax).toBeCloseTo(raw.length, 9);
        expect(r.cr).toBeCloseTo(0, 9);
        expect(r.consistent).toBe(true);
      }),
    );
  });

  it('weights always sum to 1 and λmax ≥ n for any reciprocal matrix', () => {
    const scale = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9];
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 28, maxLength: 28 }),
        (n, picks) => {
          const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
          let k = 0;
          for (let i = 0; i < n; i++)
            for (let j = i + 1; j < n; j++) {
              const v = scale[picks[k++] as number] as number;
              (a[i] as number[])[j] = v;
              (a[j] as number[])[i] = 1 / v;
            }
          const r = ahp(a);
          expect(r.weights.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
          expect(r.lambdaMax).toBeGreaterThanOrEqual(n - 1e-9);
          expect(r.ci).toBeGreaterThanOrEqual(-1e-9);
        },
      ),
    );
  });

  it('flags an inconsistent matrix and names the most inconsistent pair', () => {
    // A prefers B strongly, B prefers C strongly, yet C is preferred to A: a deliberate cycle.
    const r = ahp([
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ]);
    expect(r.cr).toBeGreaterThan(0.1);
    expect(r.consistent).toBe(false);
    expect(r.mostInconsistent).not.toBeNull();
    expect(r.mostInconsistent?.ratio).toBeGreaterThan(3);
  });

  it.each([
    [[], /empty/],
    [[[1, 2], [0.5]], /row 2 has 1 values/],
    [
      [
        [1, 3],
        [3, 1],
      ],
      /not reciprocal/,
    ],
    [
      [
        [1, 12],
        [1 / 12, 1],
      ],
      /outside Saaty's scale/,
    ],
    [
      [
        [2, 1],
        [1, 1],
      ],
      /diagonal/,
    ],
    [
      [
        [1, Number.NaN],
        [1, 1],
      ],
      /positive number/,
    ],
  ])('rejects %j with a message naming the problem', (matrix, message) => {
    expect(pairwiseProblem(matrix as number[][])).toMatch(message);
    expect(() => ahp(matrix as number[][])).toThrow(message);
  });
});

describe('TOPSIS', () => {
  it('gives closeness in 0…1 and ranks the dominant alternative first', () => {
    fc.assert(
      fc.property(matrixArb(4, 3), weightsArb(3), (m, w) => {
        fc.pre(m.every((row) => row.some((v) => v > 0)) && [0, 1, 2].every((j) => m.some((row) => (row[j] as number) > 0)));
        const dominant = [2, 2, 2];
        const r = topsis([dominant, ...m], w, [1, 1, 1]);
        r.closeness.forEach((c) => {
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThanOrEqual(1);
        });
        expect(r.ranking[0]).toBe(0);
        expect(r.closeness[0]).toBeCloseTo(1, 9);
      }),
    );
  });

  it('treats a cost criterion as the mirror of a benefit criterion', () => {
    const m = [
      [250, 16, 12],
      [200, 16, 8],
      [300, 32, 16],
      [275, 32, 8],
    ];
    const asCost = topsis(m, [0.2, 0.5, 0.3], [-1, 1, 1]);
    expect(asCost.ranking).toHaveLength(4);
    const cheaperFirst = topsis([[100], [200]], [1], [-1]);
    expect(cheaperFirst.ranking).toEqual([0, 1]);
  });

  it.each([
    [[[1, 2]], [1], [1], /has 2 values; expected 1/],
    [[[1]], [1], [0], /type must be 1 \(benefit\) or -1 \(cost\)/],
    [[[0], [0]], [1], [1], /zero for every alternative/],
    [[[1]], [0], [1], /must not all be zero/],
    [[], [1], [1], /no alternatives/],
  ])('rejects bad input %#', (m, w, t, message) => {
    expect(() => topsis(m as number[][], w as number[], t as number[])).toThrow(message);
  });
});

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
