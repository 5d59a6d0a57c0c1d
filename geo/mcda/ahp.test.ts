/**
 * AHP: properties (consistent matrices, reciprocal matrices, bad input) and the published worked
 * examples of fixtures/ahp-examples.json and fixtures/saaty-ri.json:
 * - Saaty, T.L. (2008) "Decision making with the analytic hierarchy process", Int. J.
 *   Services Sciences 1(1) 83–98, "which drink is consumed more in the U.S." (7×7), and the
 *   "leader" criteria matrix of Wikipedia's AHP article (4×4).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahp, pairwiseProblem, SAATY_RI } from './ahp.ts';

const load = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as T;

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
