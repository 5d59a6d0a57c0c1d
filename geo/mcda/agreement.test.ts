/** Agreement: Kendall τ-b against SciPy (data/method-examples/kendall-examples.json), Borda and Copeland on the Tennessee example, verdicts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, borda, copeland, kendallTauB, ranksFromOrder, ranksFromScores, verdictText, type MethodRanks } from './agreement.ts';

const load = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, '../../data/method-examples', name), 'utf8')) as T;

const permutationArb = fc
  .integer({ min: 2, max: 12 })
  .chain((m) => fc.shuffledSubarray([...Array(m).keys()], { minLength: m, maxLength: m }));

describe('Kendall τ-b', () => {
  interface Kendall {
    id: string;
    x?: number[];
    y?: number[];
    published?: { tau: number };
    cases?: { x: number[]; y: number[]; tau: number }[];
  }
  const fixtures = load<Kendall[]>('kendall-examples.json');

  it('matches the SciPy documentation example (−0.47140452079103173)', () => {
    const e = fixtures.find((f) => f.id === 'scipy-docs-kendalltau') as Kendall;
    expect(kendallTauB(e.x as number[], e.y as number[])).toBeCloseTo(e.published?.tau as number, 14);
  });

  it('matches scipy.stats.kendalltau on 20 random rankings with ties', () => {
    const e = fixtures.find((f) => f.id === 'scipy-kendalltau-random-ties') as Kendall;
    expect(e.cases?.length).toBe(20);
    for (const c of e.cases ?? []) expect(kendallTauB(c.x, c.y)).toBeCloseTo(c.tau, 12);
  });

  it('is 1 for a ranking with itself and −1 with its reverse', () => {
    fc.assert(
      fc.property(permutationArb, (order) => {
        const r = ranksFromOrder(order);
        expect(kendallTauB(r, r)).toBe(1);
        expect(kendallTauB(r, ranksFromOrder([...order].reverse()))).toBe(-1);
      }),
    );
  });

  it('is symmetric, in [−1, 1], and NaN (undefined) when a ranking ties everything', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })), { minLength: 2, maxLength: 15 }),
        (pairs) => {
          const x = pairs.map((p) => p[0]);
          const y = pairs.map((p) => p[1]);
          const t = kendallTauB(x, y);
          if (Number.isNaN(t)) expect(new Set(x).size === 1 || new Set(y).size === 1).toBe(true);
          else {
            expect(t).toBeGreaterThanOrEqual(-1 - 1e-12);
            expect(t).toBeLessThanOrEqual(1 + 1e-12);
            expect(kendallTauB(y, x)).toBeCloseTo(t, 15);
          }
        },
      ),
    );
    expect(kendallTauB([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe('ranks', () => {
  it('from an order and from scores (competition ranks, ties share the best position)', () => {
    expect(ranksFromOrder([2, 0, 1])).toEqual([2, 3, 1]);
    expect(() => ranksFromOrder([0, 0])).toThrow(/each of the 2 alternatives once/);
    expect(ranksFromScores([0.3, 0.9, 0.3, 0.1], 'higher')).toEqual([2, 1, 2, 4]);
    expect(ranksFromScores([0.3, 0.9, 0.3, 0.1], 'lower')).toEqual([2, 4, 2, 1]);
  });
});

describe('Borda and Copeland on the Tennessee capital example', () => {
  interface Tennessee {
    ballots: { weight: number; order: number[] }[];
    published: { borda: number[]; condorcetWinner: number; condorcetLoser: number };
    derived: { copeland: number[] };
  }
  const [t] = load<Tennessee[]>('consensus-examples.json');
  if (!t) throw new Error('fixture missing');
  const rankings: MethodRanks[] = t.ballots.map((b, k) => ({ method: `group ${k + 1}`, ranks: ranksFromOrder(b.order) }));
  const weights = t.ballots.map((b) => b.weight);

  it('Borda totals are the published 126, 194, 173, 107 (Nashville first)', () => {
    const b = borda(rankings, weights);
    expect(b.scores).toEqual(t.published.borda);
    expect(b.ranking).toEqual([1, 2, 0, 3]);
  });

  it('Copeland: Nashville wins every pairwise contest and Memphis loses every one', () => {
    const c = copeland(rankings, weights);
    expect(c.wins[t.published.condorcetWinner]).toBe(3);
    expect(c.losses[t.published.condorcetLoser]).toBe(3);
    expect(c.scores).toEqual(t.derived.copeland);
    expect(c.ranking[0]).toBe(t.published.condorcetWinner);
  });

  it('Borda with ties gives each tied alternative half a point per tie', () => {
    expect(borda([{ method: 'ELECTRE', ranks: [1, 1, 2] }]).scores).toEqual([1.5, 1.5, 0]);
  });
});

describe('verdict', () => {
  const names = ['湖南邵阳经济开发区', '湖南郴州出口加工区', '湖南衡阳高新技术产业开发区'];
  const methods: MethodRanks[] = [
    { method: 'WSM', ranks: [1, 2, 3] },
    { method: 'AHP', ranks: [1, 3, 2] },
    { method: 'TOPSIS', ranks: [2, 1, 3] },
    { method: 'OWA', ranks: [1, 2, 3] },
    { method: 'PROMETHEE', ranks: [1, 2, 3] },
    { method: 'VIKOR', ranks: [1, 2, 3] },
  ];

  it('names the leader, how many methods put it first, and who disagrees and where', () => {
    const a = agreement(methods);
    expect(a.verdict).toEqual({
      leader: 0,
      methodCount: 6,
      firstUnder: ['WSM', 'AHP', 'OWA', 'PROMETHEE', 'VIKOR'],
      dissent: [{ method: 'TOPSIS', position: 2, first: [1] }],
      unanimous: false,
    });
    expect(verdictText(a.verdict, 'en', names)).toBe('湖南邵阳经济开发区 is first under 5 of 6 methods; TOPSIS puts it second');
    expect(verdictText(a.verdict, 'zh', names)).toBe('湖南邵阳经济开发区在 6 种方法中有 5 种排名第一；TOPSIS 把它排在第二');
    expect(a.tau[0]?.[0]).toBe(1);
    expect(a.tau[0]?.[2]).toBeCloseTo(1 / 3, 15);
  });

  it('groups dissenters by position and says when all agree', () => {
    const split = agreement([
      { method: 'WSM', ranks: [1, 2, 3] },
      { method: 'TOPSIS', ranks: [2, 1, 3] },
      { method: 'VIKOR', ranks: [3, 1, 2] },
      { method: 'ELECTRE', ranks: [2, 1, 1] },
    ]);
    expect(split.verdict.leader).toBe(1);
    expect(verdictText(split.verdict, 'en', names)).toBe('湖南郴州出口加工区 is first under 3 of 4 methods; WSM puts it second');
    // x and y are each first under two methods: the Borda count breaks the tie (y 7 points, x 5).
    const tied = agreement([
      { method: 'A', ranks: [1, 2, 3] },
      { method: 'B', ranks: [1, 2, 3] },
      { method: 'C', ranks: [3, 1, 2] },
      { method: 'D', ranks: [2, 1, 3] },
      { method: 'E', ranks: [3, 2, 1] },
    ]);
    expect(tied.borda.scores).toEqual([5, 7, 3]);
    expect(verdictText(tied.verdict, 'en', ['x', 'y', 'z'])).toBe('y is first under 2 of 5 methods; A, B and E put it second');
    const wide = agreement([
      { method: 'A', ranks: [1, 2, 3] },
      { method: 'B', ranks: [1, 2, 3] },
      { method: 'C', ranks: [3, 1, 2] },
      { method: 'D', ranks: [2, 1, 3] },
      { method: 'E', ranks: [1, 3, 2] },
    ]);
    expect(verdictText(wide.verdict, 'en', ['x', 'y', 'z'])).toBe('x is first under 3 of 5 methods; D puts it second; C puts it third');
    expect(verdictText(wide.verdict, 'zh', ['x', 'y', 'z'])).toBe('x在 5 种方法中有 3 种排名第一；D 把它排在第二；C 把它排在第三');
    const all = agreement(methods.map((m) => ({ ...m, ranks: [1, 2, 3] })));
    expect(all.verdict.unanimous).toBe(true);
    expect(verdictText(all.verdict, 'en', names)).toBe('湖南邵阳经济开发区 is first under all 6 methods');
    expect(verdictText(all.verdict, 'zh', names)).toBe('湖南邵阳经济开发区在全部 6 种方法中均排名第一');
  });

  it('picks a leader first under the most methods, whatever the rankings', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 8 })
          .chain((m) =>
            fc.array(fc.shuffledSubarray([...Array(m).keys()], { minLength: m, maxLength: m }), { minLength: 1, maxLength: 7 }),
          ),
        (orders) => {
          const a = agreement(orders.map((o, k) => ({ method: `M${k}`, ranks: ranksFromOrder(o) })));
          const counts = (orders[0] as number[]).map((_, x) => orders.filter((o) => o[0] === x).length);
          expect(a.verdict.firstUnder.length).toBe(Math.max(...counts));
          expect(a.verdict.firstUnder.length + a.verdict.dissent.length).toBe(orders.length);
          expect(verdictText(a.verdict, 'en', []).length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
