/**
 * SMAA-2: the defining properties (acceptabilities are distributions by alternative and by rank,
 * a dominated alternative never ranks first, the same seed gives the same numbers) and cases with
 * closed-form answers (uniform weights on two criteria, uniform data on one), which check the
 * acceptabilities, central weights and confidence factors against integrals worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { quantileRank, smaa, smaaProblem, weightedSumAggregate, type SmaaProblem } from './smaa.ts';
import { mulberry32 } from './wsm.ts';

/** A table without uncertainty: one draw per alternative, one scenario. */
const exact = (rows: number[][]): Float64Array[][] => rows.map((r) => [Float64Array.from(r)]);
const benefit = (m: number) => Array.from({ length: m }, () => ({ type: 'benefit' as const }));
/** Three binomial standard deviations of a share p estimated from n samples. */
const tol = (p: number, n: number) => 3 * Math.sqrt((p * (1 - p)) / n) + 1e-9;

describe('smaa', () => {
  it('gives rank acceptabilities that sum to 1 for every alternative and every rank', () => {
    const problem: SmaaProblem = {
      criteria: benefit(3),
      scenarios: 2,
      draws: [
        [Float64Array.from([5, 1, 3, 6, 1, 2]), Float64Array.from([4, 2, 3, 5, 2, 2])],
        [Float64Array.from([3, 4, 1, 3, 5, 1])],
        [Float64Array.from([1, 2, 6, 1, 2, 7])],
        [Float64Array.from([2, 2, 2, 2, 2, 2])],
      ],
      intervals: [{ i: 3, j: 0, lo: 0, hi: 7 }],
      weights: { kind: 'centred', weights: [0.5, 0.3, 0.2], concentration: 5 },
    };
    const r = smaa(problem, { samples: 4000, seed: 7 });
    for (const row of r.acceptability) expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    for (let k = 0; k < 4; k++) expect(r.acceptability.reduce((s, row) => s + (row[k] as number), 0)).toBeCloseTo(1, 12);
    for (const cw of r.centralWeights) if (cw) expect(cw.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    for (const rank of r.ranks) expect(rank.p5 <= rank.p50 && rank.p50 <= rank.p95).toBe(true);
  });

  it('never ranks a dominated alternative first, whatever the weights and data', () => {
    // B is below A on every criterion in every draw and every interval value.
    const problem: SmaaProblem = {
      criteria: [{ type: 'benefit' }, { type: 'cost' }, { type: 'benefit' }],
      scenarios: 1,
      draws: [[Float64Array.from([6, 10, 4])], [Float64Array.from([3, 12, 4])], [Float64Array.from([9, 30, 0])]],
      intervals: [
        { i: 0, j: 0, lo: 5, hi: 8 },
        { i: 1, j: 0, lo: 1, hi: 4.9 },
        { i: 1, j: 1, lo: 11, hi: 20 },
      ],
      weights: { kind: 'uniform', active: [true, true, true] },
    };
    const r = smaa(problem, { samples: 5000, seed: 3 });
    expect(r.acceptability[1]?.[0]).toBe(0);
    expect(r.centralWeights[1]).toBeNull();
    expect(r.confidence[1]).toBeNull();
  });

  it('gives the same numbers for the same seed and different ones for another', () => {
    const problem: SmaaProblem = {
      criteria: benefit(2),
      scenarios: 1,
      draws: exact([
        [1, 0],
        [0, 1],
        [0.6, 0.6],
      ]),
      intervals: [{ i: 2, j: 0, lo: 0.3, hi: 0.9 }],
      weights: { kind: 'centred', weights: [0.5, 0.5], concentration: 10 },
    };
    const a = smaa(problem, { samples: 2000, seed: 42 });
    const b = smaa(problem, { samples: 2000, seed: 42 });
    const c = smaa(problem, { samples: 2000, seed: 43 });
    expect(b).toEqual(a);
    expect(c.acceptability).not.toEqual(a.acceptability);
  });

  it('matches the integrals for uniform weights on two criteria (no preference information)', () => {
    // Values with w = (t, 1 − t), t ~ U(0, 1): a = t, b = 1 − t, c = 0.6 (min–max leaves them as they are).
    // a first ⇔ t > 0.6 (0.4); b first ⇔ t < 0.4 (0.4); c first ⇔ 0.4 < t < 0.6 (0.2).
    // Central weights: E[t | t > 0.6] = 0.8, E[t | t < 0.4] = 0.2, E[t | 0.4 < t < 0.6] = 0.5.
    // a is last ⇔ t < 0.6 (below c) and t < 1 − t (below b) ⇔ t < 0.5: 0.5.
    const N = 20_000;
    const r = smaa(
      {
        criteria: benefit(2),
        scenarios: 1,
        draws: exact([
          [1, 0],
          [0, 1],
          [0.6, 0.6],
        ]),
        weights: { kind: 'uniform', active: [true, true] },
      },
      { samples: N, seed: 11 },
    );
    const [a, b, c] = r.acceptability as [number[], number[], number[]];
    expect(Math.abs((a[0] as number) - 0.4)).toBeLessThan(tol(0.4, N));
    expect(Math.abs((b[0] as number) - 0.4)).toBeLessThan(tol(0.4, N));
    expect(Math.abs((c[0] as number) - 0.2)).toBeLessThan(tol(0.2, N));
    expect(Math.abs((a[2] as number) - 0.5)).toBeLessThan(tol(0.5, N));
    // c is never last: it is last only if t and 1 − t both exceed 0.6.
    expect(c[2]).toBe(0);
    expect(r.centralWeights[0]?.[0]).toBeCloseTo(0.8, 2);
    expect(r.centralWeights[1]?.[0]).toBeCloseTo(0.2, 2);
    expect(r.centralWeights[2]?.[0]).toBeCloseTo(0.5, 2);
    // Exact data: each alternative is surely first under its own central weights.
    expect(r.confidence).toEqual([1, 1, 1]);
  });

  it('matches the integrals for uniform data on one criterion', () => {
    // a ~ U(0, 1) against b = 0.25 and c = 0.75: a first with probability 0.25, second 0.5, third 0.25.
    const N = 20_000;
    const r = smaa(
      {
        criteria: benefit(1),
        scenarios: 1,
        draws: exact([[0], [0.25], [0.75]]),
        intervals: [{ i: 0, j: 0, lo: 0, hi: 1 }],
        weights: { kind: 'fixed', weights: [1] },
      },
      { samples: N, seed: 5 },
    );
    const a = r.acceptability[0] as number[];
    expect(Math.abs((a[0] as number) - 0.25)).toBeLessThan(tol(0.25, N));
    expect(Math.abs((a[1] as number) - 0.5)).toBeLessThan(tol(0.5, N));
    expect(Math.abs((a[2] as number) - 0.25)).toBeLessThan(tol(0.25, N));
    // c is first unless a beats it (P = 0.25); its confidence factor is that share again.
    expect(Math.abs((r.confidence[2] as number) - 0.75)).toBeLessThan(tol(0.75, N));
    expect(r.ranks[0]).toEqual({ p5: 1, p50: 2, p95: 3 });
    expect(r.ranks[1]).toEqual({ p5: 2, p50: 3, p95: 3 });
  });

  it('shares one scenario among all alternatives in a sample', () => {
    // Scenario 0 favours a, scenario 1 favours b; drawn per alternative they would tie a quarter of
    // the time (both from one scenario's worse value) and c would win then. Shared, c never wins.
    const r = smaa(
      {
        criteria: benefit(1),
        scenarios: 2,
        draws: [[Float64Array.from([3, 0])], [Float64Array.from([0, 3])], [Float64Array.from([1, 1])]],
        weights: { kind: 'fixed', weights: [1] },
      },
      { samples: 4000, seed: 9 },
    );
    expect(r.acceptability[2]?.[0]).toBe(0);
    expect(r.acceptability[2]?.[1]).toBe(1);
  });

  it('scores an unknown value 0 unless an interval is given for it', () => {
    const draws = exact([
      [Number.NaN, 1],
      [2, 0],
    ]);
    const base = { criteria: benefit(2), scenarios: 1, weights: { kind: 'fixed' as const, weights: [0.9, 0.1] } };
    expect(smaa({ ...base, draws }, { samples: 100, seed: 1 }).acceptability[0]?.[0]).toBe(0);
    const spread = smaa({ ...base, draws, intervals: [{ i: 0, j: 0, lo: 1, hi: 3 }] }, { samples: 4000, seed: 1 });
    expect(Math.abs((spread.acceptability[0]?.[0] as number) - 0.5)).toBeLessThan(tol(0.5, 4000));
  });

  it('gives the same confidence factors by its shortcut for the weighted sum as by the general aggregate', () => {
    // Close alternatives, so that many have central weights and are beaten in varying order.
    const rand = mulberry32(5);
    const n = 25;
    const m = 6;
    const problem: SmaaProblem = {
      criteria: Array.from({ length: m }, (_, j) => ({ type: j === 0 ? ('cost' as const) : ('benefit' as const) })),
      scenarios: 3,
      draws: Array.from({ length: n }, (_, i) =>
        Array.from({ length: i % 4 === 0 ? 3 : 1 }, () => Float64Array.from({ length: 3 * m }, () => 40 + rand() * 20)),
      ),
      intervals: [{ i: 2, j: 1, lo: 0, hi: 100 }],
      weights: { kind: 'uniform', active: Array.from({ length: m }, () => true) },
    };
    const shortcut = smaa(problem, { samples: 3000, seed: 9 });
    const general = smaa({ ...problem, aggregate: weightedSumAggregate }, { samples: 3000, seed: 9 });
    expect(shortcut.centralWeights.filter((c) => c !== null).length).toBeGreaterThan(10);
    expect(shortcut.confidence).toEqual(general.confidence);
    expect(shortcut.acceptability).toEqual(general.acceptability);
  });

  it('refuses a malformed problem with a message naming it', () => {
    const ok: SmaaProblem = { criteria: benefit(2), scenarios: 1, draws: exact([[1, 2]]), weights: { kind: 'fixed', weights: [1, 1] } };
    expect(smaaProblem(ok, { samples: 10, seed: 1 })).toBeNull();
    expect(() => smaa({ ...ok, draws: [[Float64Array.from([1])]] }, { samples: 10, seed: 1 })).toThrow(/draw of 1 values, expected 2/);
    expect(() => smaa({ ...ok, weights: { kind: 'fixed', weights: [0, 0] } }, { samples: 10, seed: 1 })).toThrow(/not all zero/);
    expect(() => smaa(ok, { samples: 0, seed: 1 })).toThrow(/samples must be a positive integer/);
    expect(() => smaa({ ...ok, intervals: [{ i: 0, j: 0, lo: 3, hi: 1 }] }, { samples: 10, seed: 1 })).toThrow(/lo ≤ hi/);
  });

  it('reads rank percentiles from the acceptabilities', () => {
    expect(quantileRank([0.5, 0.5, 0], 0.05)).toBe(1);
    expect(quantileRank([0.5, 0.5, 0], 0.95)).toBe(2);
    expect(quantileRank([0, 0, 1], 0.5)).toBe(3);
  });
});
