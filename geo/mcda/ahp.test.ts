/**
 * AHP: properties (consistent matrices, reciprocal matrices, bad input) and the published worked
 * examples of data/method-examples/ahp-examples.json and data/method-examples/saaty-ri.json:
 * - Saaty, T.L. (2008) "Decision making with the analytic hierarchy process", Int. J.
 *   Services Sciences 1(1) 83–98, "which drink is consumed more in the U.S." (7×7), and the
 *   "leader" criteria matrix of Wikipedia's AHP article (4×4).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahp, pairwiseProblem, SAATY_RI } from './ahp.ts';

const load = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, '../../data/method-examples', name), 'utf8')) as T;

interface AhpExample {
  id: string;
  matrix: number[][];
  published: { weights: number[] };
}

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

describe('AHP against published examples', () => {
  const examples = load<AhpExample[]>('ahp-examples.json');
  it.each(examples.map((e) => [e.id, e] as const))('%s: weights match the published ones', (id, example) => {
    const r = ahp(example.matrix);
    // Published to 3 decimals; the Wikipedia figures are known to be off by one in the last
    // digit (0.547 printed, 0.5476 exact), so allow 0.0011.
    const tolerance = id.startsWith('wikipedia') ? 0.0011 : 0.0006;
    r.weights.forEach((w, i) => expect(Math.abs(w - (example.published.weights[i] as number))).toBeLessThanOrEqual(tolerance));
    expect(r.consistent).toBe(true);
  });

  it("uses Saaty's random index for n = 3…9", () => {
    const ri = load<{ ri: Record<string, number> }>('saaty-ri.json').ri;
    // n = 10 is printed as 1.51 in one reproduction and 1.49 in most; we keep Saaty's 1.49.
    for (let n = 1; n <= 9; n++) expect(SAATY_RI[n - 1]).toBe(ri[String(n)]);
  });
});

/** A random reciprocal matrix on Saaty's scale from n and a list of scale picks. */
function reciprocal(n: number, picks: readonly number[]): number[][] {
  const scale = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9];
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const v = scale[(picks[k++] ?? 4) % scale.length] as number;
      (a[i] as number[])[j] = v;
      (a[j] as number[])[i] = 1 / v;
    }
  return a;
}
const reciprocalArb = (minN: number, maxN: number) =>
  fc.tuple(fc.integer({ min: minN, max: maxN }), fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 45, maxLength: 45 }));

describe('AHP by row geometric mean', () => {
  it('keeps the eigenvector method as the default, and names the method in the result', () => {
    const a = reciprocal(4, [5, 6, 3, 7, 2, 5]);
    expect(ahp(a).method).toBe('eigen');
    expect(ahp(a)).toEqual(ahp(a, { method: 'eigen' }));
    expect(ahp(a, { method: 'geomean' }).method).toBe('geomean');
  });

  it('recovers the weights of a perfectly consistent matrix, like the eigenvector', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 9 }), (raw) => {
        const w = raw.map((x) => x / raw.reduce((s, v) => s + v, 0));
        const r = ahp(
          w.map((wi) => w.map((wj) => wi / wj)),
          { method: 'geomean' },
        );
        r.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i] as number, 12));
        expect(r.cr).toBeCloseTo(0, 9);
      }),
    );
  });

  it('equals the eigenvector for n = 3 (Crawford & Williams 1985) and differs in general for n ≥ 4', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 3, maxLength: 3 }), (picks) => {
        const a = reciprocal(3, picks);
        const e = ahp(a, { method: 'eigen' });
        const g = ahp(a, { method: 'geomean' });
        g.weights.forEach((x, i) => expect(x).toBeCloseTo(e.weights[i] as number, 10));
        expect(g.cr).toBeCloseTo(e.cr, 9);
      }),
    );
    // An inconsistent 4×4 matrix: the two derivations give different numbers.
    const a = reciprocal(4, [8, 0, 6, 2, 7, 1]);
    const e = ahp(a, { method: 'eigen' });
    const g = ahp(a, { method: 'geomean' });
    expect(Math.max(...e.weights.map((x, i) => Math.abs(x - (g.weights[i] as number))))).toBeGreaterThan(1e-3);
  });

  it('computes λmax, CI and CR by the same formula for both methods, from that method’s weights', () => {
    fc.assert(
      fc.property(reciprocalArb(2, 9), fc.constantFrom('eigen' as const, 'geomean' as const), ([n, picks], method) => {
        const a = reciprocal(n, picks);
        const r = ahp(a, { method });
        const aw = a.map((row) => row.reduce((s, v, j) => s + v * (r.weights[j] as number), 0));
        const lambda = aw.reduce((s, v, i) => s + v / (r.weights[i] as number), 0) / n;
        expect(r.lambdaMax).toBeCloseTo(lambda, 12);
        const ci = n > 1 ? (lambda - n) / (n - 1) : 0;
        expect(r.ci).toBeCloseTo(ci, 12);
        expect(r.cr).toBeCloseTo((SAATY_RI[n - 1] as number) > 0 ? ci / (SAATY_RI[n - 1] as number) : 0, 12);
        expect(r.lambdaMax).toBeGreaterThanOrEqual(n - 1e-9);
      }),
    );
  });

  it('is invariant to the order of the criteria: permuting the matrix permutes the weights', () => {
    fc.assert(
      fc.property(
        reciprocalArb(2, 8).chain(([n, picks]) =>
          fc.tuple(fc.constant(reciprocal(n, picks)), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })),
        ),
        fc.constantFrom('eigen' as const, 'geomean' as const),
        ([a, perm], method) => {
          const permuted = perm.map((i) => perm.map((j) => (a[i] as number[])[j] as number));
          const r = ahp(a, { method });
          const p = ahp(permuted, { method });
          perm.forEach((i, k) => expect(p.weights[k]).toBeCloseTo(r.weights[i] as number, 9));
          expect(p.cr).toBeCloseTo(r.cr, 9);
        },
      ),
    );
  });

  it('accepts judgements written with rounding within 2.5 % of Saaty’s fractions (0.111111 for 1/9)', () => {
    const written = [
      [1, 9, 3],
      [0.111111, 1, 0.333],
      [0.333333, 3, 1],
    ];
    expect(pairwiseProblem(written)).toBeNull();
    const exact = ahp([
      [1, 9, 3],
      [1 / 9, 1, 1 / 3],
      [1 / 3, 3, 1],
    ]);
    ahp(written).weights.forEach((w, i) => expect(w).toBeCloseTo(exact.weights[i] as number, 3));
    expect(
      pairwiseProblem([
        [1, 0.11],
        [9, 1],
      ]),
    ).toBeNull();
    // Beyond the tolerance the scale is still enforced, and the message names the entry.
    expect(
      pairwiseProblem([
        [1, 0.14],
        [7, 1],
      ]),
    ).toBeNull();
    expect(
      pairwiseProblem([
        [1, 0.1],
        [10, 1],
      ]),
    ).toMatch(/entry \(1, 2\) = 0.1 is outside Saaty's scale/);
    expect(() => ahp([[1]], { method: 'power' as never })).toThrow(/eigen or geomean/);
  });
});

interface GeomeanExample {
  id: string;
  matrix: number[][];
  published: { weights: number[]; geometricMeans?: number[] };
}

describe('AHP geometric mean against published examples', () => {
  const examples = load<GeomeanExample[]>('ahp-geomean-examples.json');
  it.each(examples.map((e) => [e.id, e] as const))('%s: weights match to the printed decimals', (_id, example) => {
    const r = ahp(example.matrix, { method: 'geomean' });
    const decimals = example.published.weights.some((w) => String(w).split('.')[1]?.length === 4) ? 4 : 2;
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(example.published.weights[i] as number, decimals));
    example.published.geometricMeans?.forEach((g, i) => {
      const row = example.matrix[i] as number[];
      expect(Math.exp(row.reduce((s, v) => s + Math.log(v), 0) / row.length)).toBeCloseTo(g, 3);
    });
  });
});
