/**
 * TOPSIS: properties and the published worked example of data/method-examples/topsis-examples.json:
 * Tzeng, G.-H. & Huang, J.-J. (2011) Multiple Attribute Decision Making: Methods and
 * Applications, CRC Press, TOPSIS numerical example (4 alternatives × 3 benefit criteria).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topsis } from './topsis.ts';

const load = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, '../../data/method-examples', name), 'utf8')) as T;

interface TopsisExample {
  id: string;
  matrix: number[][];
  weights: number[];
  types: number[];
  published: { closeness: number[]; ranking: number[] };
}

const weightsArb = (n: number) => fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n });
const matrixArb = (m: number, n: number) =>
  fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m });

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

describe('TOPSIS against published examples', () => {
  const example = load<TopsisExample[]>('topsis-examples.json').find((e) => e.id === 'tzeng-huang-2011');
  it('Tzeng & Huang (2011): closeness to 4 decimals and the ranking A3 > A2 > A1 > A4', () => {
    if (!example) throw new Error('fixture missing');
    const r = topsis(example.matrix, example.weights, example.types);
    r.closeness.forEach((c, i) => expect(c).toBeCloseTo(example.published.closeness[i] as number, 4));
    // Published as the rank of each alternative (1 = best); ours lists alternatives best first.
    expect(r.ranking.map((i) => example.published.ranking[i])).toEqual([1, 2, 3, 4]);
  });
});

describe('TOPSIS on constant columns', () => {
  it('returns finite closeness in 0…1 when some or all columns are constant and non-zero (no division by zero)', () => {
    fc.assert(
      fc.property(
        matrixArb(4, 2),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        weightsArb(3),
        fc.array(fc.constantFrom(1, -1), { minLength: 3, maxLength: 3 }),
        (m, c, w, t) => {
          // Columns of denormal numbers square to 0 and are refused as all-zero: keep a real magnitude.
          fc.pre([0, 1].every((j) => m.some((row) => (row[j] as number) > 1e-6)));
          for (const rows of [m.map((row) => [...row, c]), m.map(() => [c, c, c])]) {
            const r = topsis(rows, w, t);
            r.closeness.forEach((x) => {
              expect(Number.isFinite(x)).toBe(true);
              expect(x).toBeGreaterThanOrEqual(0);
              expect(x).toBeLessThanOrEqual(1);
            });
            for (let k = 1; k < r.ranking.length; k++)
              expect(r.closeness[r.ranking[k - 1] as number]).toBeGreaterThanOrEqual(r.closeness[r.ranking[k] as number] as number);
          }
        },
      ),
    );
  });
});
