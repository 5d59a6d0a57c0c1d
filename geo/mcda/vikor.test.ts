/** VIKOR: S, R, Q, the two conditions and the compromise set against data/method-examples/vikor-examples.json, and properties. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vikor } from './vikor.ts';

const load = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, '../../data/method-examples', name), 'utf8')) as T;

interface Published {
  S: number[];
  R: number[];
  Q: number[];
  rank?: number[];
  acceptableAdvantage: boolean;
  acceptableStability: boolean;
  compromise: number[];
}
interface Example2004 {
  id: string;
  matrix: number[][];
  weights: number[];
  types: number[];
  v: number;
  published: Published;
}
interface Example2007 {
  id: string;
  matrix: number[][];
  types: number[];
  v: number;
  weightSets: { id: string; weights: number[]; published: Published }[];
}

describe('VIKOR against published examples', () => {
  const examples = load<(Example2004 | Example2007)[]>('vikor-examples.json');
  const e2004 = examples.find((e) => e.id === 'opricovic-tzeng-2004') as Example2004;
  const e2007 = examples.find((e) => e.id === 'opricovic-tzeng-2007') as Example2007;

  it('Opricovic & Tzeng (2004): S, R, Q, both conditions and the compromise {A2}', () => {
    const r = vikor(e2004.matrix, e2004.weights, e2004.types, { v: e2004.v });
    r.S.forEach((x, i) => expect(x).toBeCloseTo(e2004.published.S[i] as number, 3));
    r.R.forEach((x, i) => expect(x).toBeCloseTo(e2004.published.R[i] as number, 3));
    r.Q.forEach((x, i) => expect(x).toBeCloseTo(e2004.published.Q[i] as number, 3));
    expect(r.conditions.acceptableAdvantage).toBe(e2004.published.acceptableAdvantage);
    expect(r.conditions.acceptableStability).toBe(e2004.published.acceptableStability);
    expect(r.compromise).toEqual(e2004.published.compromise);
  });

  it.each(e2007.weightSets.map((w) => [w.id, w] as const))(
    'Opricovic & Tzeng (2007), weights %s: S, R, Q to 3 decimals, ranks, conditions, compromise',
    (_id, set) => {
      const r = vikor(e2007.matrix, set.weights, e2007.types, { v: e2007.v });
      r.S.forEach((x, i) => expect(x).toBeCloseTo(set.published.S[i] as number, 3));
      r.R.forEach((x, i) => expect(x).toBeCloseTo(set.published.R[i] as number, 3));
      r.Q.forEach((x, i) => expect(x).toBeCloseTo(set.published.Q[i] as number, 3));
      expect(r.ranking.map((i) => set.published.rank?.[i])).toEqual([1, 2, 3, 4, 5, 6]);
      expect(r.conditions.acceptableAdvantage).toBe(set.published.acceptableAdvantage);
      expect(r.conditions.acceptableStability).toBe(set.published.acceptableStability);
      expect([...r.compromise].sort((a, b) => a - b)).toEqual(set.published.compromise);
    },
  );
});

describe('VIKOR properties', () => {
  const caseArb = fc
    .integer({ min: 1, max: 4 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.constantFrom(1, -1), { minLength: n, maxLength: n }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
    );

  it('S, R and Q are finite and in [0, 1], R ≤ S, the ranking follows Q and the compromise starts with the best', () => {
    fc.assert(
      fc.property(caseArb, ([matrix, w, t, v]) => {
        const r = vikor(matrix, w, t, { v });
        [...r.S, ...r.R, ...r.Q].forEach((x) => {
          expect(Number.isFinite(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(-1e-12);
          expect(x).toBeLessThanOrEqual(1 + 1e-12);
        });
        r.R.forEach((x, i) => expect(x).toBeLessThanOrEqual((r.S[i] as number) + 1e-12));
        for (let k = 1; k < r.ranking.length; k++)
          expect(r.Q[r.ranking[k - 1] as number]).toBeLessThanOrEqual(r.Q[r.ranking[k] as number] as number);
        expect(r.compromise[0]).toBe(r.ranking[0]);
        if (r.conditions.acceptableAdvantage && r.conditions.acceptableStability) expect(r.compromise).toHaveLength(1);
      }),
    );
  });

  it('returns finite numbers on constant columns (no division by zero)', () => {
    const r = vikor(
      [
        [3, 7],
        [3, 7],
      ],
      [1, 1],
      [1, -1],
    );
    expect(r.S).toEqual([0, 0]);
    expect(r.Q).toEqual([0, 0]);
    expect(r.compromise).toEqual([0, 1]);
    expect(vikor([[1, 2]], [1, 1], [1, 1]).compromise).toEqual([0]);
  });

  it('refuses v outside 0…1 and bad types', () => {
    expect(() => vikor([[1], [2]], [1], [1], { v: 1.5 })).toThrow(/v must lie in 0…1/);
    expect(() => vikor([[1], [2]], [1], [0])).toThrow(/type must be 1/);
  });
});

describe('VIKOR with subnormal values', () => {
  it('keeps R ≤ S ≤ 1 when w·(f* − x) would underflow (a counterexample fast-check found)', () => {
    const r = vikor(
      [
        [-1.052332580240978e-305, 5e-324],
        [0, 0],
      ],
      [0.01, 0.010000000000000004],
      [1, -1],
      { v: 0 },
    );
    for (let i = 0; i < 2; i++) {
      expect(r.R[i]).toBeLessThanOrEqual(r.S[i] as number);
      expect(r.S[i]).toBeLessThanOrEqual(1);
    }
  });
});
