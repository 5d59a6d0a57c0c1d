import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { similarTo } from './similarity.ts';

describe('target site: distance to a chosen alternative', () => {
  // land price 元/亩, minutes to an interchange, vacant land 亩
  const parks = [
    [200_000, 10, 500], // target
    [210_000, 12, 450], // close on all three
    [200_000, 60, 500], // same price and land, far from the expressway
    [400_000, 10, 100], // dear and full
  ];

  it('ranks by weighted Euclidean distance on min–max normalised criteria, nearest first', () => {
    const r = similarTo(parks, 0);
    expect(r.ranking.map((a) => a.index)).toEqual([1, 2, 3]);
    // Park 1: z differences 0.05, 0.04, −0.125 over equal weights.
    expect(r.ranking[0]?.distance).toBeCloseTo(Math.sqrt((0.05 ** 2 + 0.04 ** 2 + 0.125 ** 2) / 3), 12);
    // Park 2 differs only in minutes, by the whole range.
    expect(r.ranking[1]?.distance).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(r.ranking[2]?.distance).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });

  it('lists the criteria that differ most first, in normalised and raw units, contributions adding up to d²', () => {
    const r = similarTo(parks, 0);
    const dear = r.ranking[2];
    expect(dear?.differences.map((d) => d.criterion)).toEqual([0, 2, 1]);
    expect(dear?.differences[0]).toMatchObject({ normalised: 1, raw: 200_000 });
    expect(dear?.differences[1]).toMatchObject({ normalised: -1, raw: -400 });
    for (const a of r.ranking) expect(a.differences.reduce((s, d) => s + d.contribution, 0)).toBeCloseTo((a.distance as number) ** 2, 12);
  });

  it('compares only the chosen criteria, with their weights', () => {
    const r = similarTo(parks, 0, { criteria: [1], weights: [5] });
    expect(r.weights).toEqual([1]);
    expect(r.ranking.map((a) => [a.index, a.distance])).toEqual([
      [3, 0],
      [1, 2 / 50],
      [2, 1],
    ]);
  });

  it('skips unknown values pair by pair and says how many criteria were compared', () => {
    const r = similarTo(
      [
        [1, 5],
        [1, null],
        [null, null],
        [3, 9],
      ],
      0,
    );
    expect(r.ranking.map((a) => [a.index, a.distance, a.compared])).toEqual([
      [1, 0, 1],
      [3, 1, 2],
      [2, null, 0],
    ]);
  });

  it('gives distances in [0, 1], 0 for a twin, symmetric, and finite on constant columns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.tuple(
            fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }), {
              minLength: 2,
              maxLength: 8,
            }),
            fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
          ),
        ),
        fc.nat(),
        fc.nat(),
        ([rows, weights], ti, ai) => {
          const t = ti % rows.length;
          const a = ai % rows.length;
          const from = similarTo(rows, t, { weights });
          for (const x of from.ranking) {
            expect(Number.isFinite(x.distance)).toBe(true);
            expect(x.distance).toBeGreaterThanOrEqual(0);
            expect(x.distance).toBeLessThanOrEqual(1 + 1e-12);
          }
          if (a !== t) {
            const back = similarTo(rows, a, { weights }).ranking.find((x) => x.index === t);
            expect(back?.distance).toBeCloseTo(from.ranking.find((x) => x.index === a)?.distance as number, 12);
          }
          const twin = similarTo([...rows, rows[t] as number[]], t, { weights });
          expect(twin.ranking.find((x) => x.index === rows.length)?.distance).toBe(0);
        },
      ),
    );
    expect(similarTo([[7], [7]], 0).ranking[0]?.distance).toBe(0);
  });

  it.each([
    [{ target: 5 }, /target must be a row index 0…3/],
    [{ target: 0, criteria: [9] }, /criterion index must be 0…2/],
    [{ target: 0, criteria: [0, 0] }, /chosen twice/],
    [{ target: 0, criteria: [0], weights: [0] }, /must not all be zero/],
  ])('refuses bad options %#', ({ target, ...options }, message) => {
    expect(() => similarTo(parks, target, options)).toThrow(message);
  });
});
