/**
 * Combined gap analysis: minimal by brute force on small instances (every allowed combination of
 * whole-unit values ranked by scoreCandidates itself), exact on a case worked by hand, and the
 * rules (cannot-change marks, efforts, unknown values, a candidate already there).
 */
import { describe, expect, it } from 'vitest';
import { NO_FOCUS, onlyWeights, ROAD_ONLY_PROFILE } from './testing.ts';
import { mulberry32 } from '../mcda/wsm.ts';
import { coverCheapest, gapAnalysis } from './gap.ts';
import { scoreCandidates, type CandidateFacts, type CriterionKey, type ScoreOptions } from './score.ts';

const profile = ROAD_ONLY_PROFILE;
const plan = NO_FOCUS;
const only = onlyWeights;

function site(id: string, interchange: number, gba: number, labour: number, level: 'national' | 'provincial' | null): CandidateFacts {
  return {
    id,
    name_zh: id,
    name_en: id,
    kind: level === null ? 'custom' : 'park',
    position: [112 + id.length / 100, 26],
    level,
    prefectureAdcode: null,
    industries: [],
    labour,
    labourUnknown: [],
    minutes: { interchange, freight: null, 'intl-rail': null, airport: null, bonded: null, port: null, gba, changsha: null, hsr: null },
  };
}

/** Values the model lets a candidate take on a criterion, in whole units (see gap.ts). */
function allowed(c: number, others: number[], type: 'benefit' | 'cost'): number[] {
  const sign = type === 'benefit' ? 1 : -1;
  const u = sign * c;
  const us = others.map((x) => sign * x);
  const best = Math.max(...us);
  const worst = Math.min(...us);
  if (u >= best) return [c];
  const out = [c];
  const start = u < worst ? worst : u;
  for (let v = start; v <= best + 1e-9; v += 1) if (v !== u) out.push(sign * v);
  return out;
}

/** The cheapest allowed combination reaching the target, by trying every one and ranking it with scoreCandidates. */
function bruteForce(
  facts: CandidateFacts[],
  options: ScoreOptions,
  id: string,
  target: number,
  moving: { id: CriterionKey; type: 'benefit' | 'cost' }[],
  levels: boolean,
): number | null {
  const ranking = scoreCandidates(profile, facts, plan, { ...options, sensitivity: false });
  const me = ranking.candidates.find((c) => c.id === id);
  if (!me) throw new Error('no candidate');
  const raw = (c: (typeof ranking.candidates)[number], k: CriterionKey) => c.criteria.find((x) => x.id === k)?.raw as number;
  const span = (k: CriterionKey) => {
    const all = ranking.candidates.map((c) => raw(c, k));
    return Math.max(...all) - Math.min(...all);
  };
  const choices = moving.map((mv) =>
    allowed(
      raw(me, mv.id),
      ranking.candidates.filter((c) => c.id !== id).map((c) => raw(c, mv.id)),
      mv.type,
    ),
  );
  if (levels) choices.push([0, 1, 2].filter((l) => l >= raw(me, 'park-level')));
  const keys: CriterionKey[] = [...moving.map((m) => m.id), ...(levels ? ['park-level' as const] : [])];
  let best: number | null = null;
  const pick: number[] = [];
  const walk = (k: number) => {
    if (k < choices.length) {
      for (const v of choices[k] as number[]) {
        pick[k] = v;
        walk(k + 1);
      }
      return;
    }
    const effort = keys.reduce((s, key, q) => s + (Math.abs((pick[q] as number) - raw(me, key)) * 100) / (span(key) || 1), 0);
    if (best !== null && effort >= best) return;
    const overrides = Object.fromEntries(keys.map((key, q) => [key, pick[q] as number]));
    const r = scoreCandidates(profile, facts, plan, { ...options, sensitivity: false, rawOverrides: new Map([[id, overrides]]) });
    if ((r.candidates.find((c) => c.id === id)?.rank ?? Infinity) <= target) best = effort;
  };
  walk(0);
  return best;
}

describe('combined gap analysis', () => {
  it('is as cheap as the cheapest combination found by brute force, on random small instances', () => {
    const rand = mulberry32(20260518);
    let checked = 0;
    let found = 0;
    for (let trial = 0; trial < 80; trial++) {
      const n = 4 + Math.floor(rand() * 2);
      const one = () => Math.round((2 + rand() * 9) * 10) / 10;
      const levels: ('national' | 'provincial' | null)[] = ['national', 'provincial', null];
      const facts = Array.from({ length: n }, (_, i) =>
        site(`s${i}`, one(), 10 + one(), one(), levels[Math.floor(rand() * 3)] as 'national' | 'provincial' | null),
      );
      const withLevel = trial % 2 === 0;
      const w1 = 20 + Math.floor(rand() * 40);
      const w2 = 10 + Math.floor(rand() * 30);
      const options: ScoreOptions = {
        method: 'wsm',
        weights: only({ 't-interchange': w1, labour: w2, 't-gba': withLevel ? 0 : 17, 'park-level': withLevel ? 13 : 0 }),
      };
      const ranking = scoreCandidates(profile, facts, plan, options);
      const last = ranking.candidates[ranking.candidates.length - 1] as (typeof ranking.candidates)[number];
      const target = 1 + Math.floor(rand() * 2);
      const moving: { id: CriterionKey; type: 'benefit' | 'cost' }[] = [
        { id: 't-interchange', type: 'cost' },
        { id: 'labour', type: 'benefit' },
        ...(withLevel ? [] : [{ id: 't-gba' as const, type: 'cost' as const }]),
      ];
      const expected = bruteForce(facts, options, last.id, target, moving, withLevel);
      const r = gapAnalysis(profile, facts, plan, options, last.id, { target });
      checked++;
      if (expected === null) {
        expect(r.status, `trial ${trial}`).toBe('impossible');
        continue;
      }
      found++;
      expect(r.status, `trial ${trial}`).toBe('found');
      expect(r.effort as number, `trial ${trial}`).toBeCloseTo(expected, 6);
      expect(r.confirmedRank as number, `trial ${trial}`).toBeLessThanOrEqual(target);
      expect(r.changes.reduce((s, c) => s + c.effort, 0)).toBeCloseTo(r.effort as number, 6);
    }
    expect(checked).toBe(80);
    expect(found).toBeGreaterThan(40);
  });

  it('finds the combination worked by hand', () => {
    // Interchange minutes a 10, b 20, c 40 (cost); labour 100k, 300k, 200k (benefit); 50 % each.
    // Totals: a 50, b 83.3, c 25; c wants rank 2, so it must pass a (50). Labour alone tops out at
    // 300k, a tie with a (not a pass). c is the worst on minutes, so they either stay or jump to the
    // others' worst, 20 min (effort 20 × 100/30): the span becomes 10…20, a = 50, b = 50, c = 25,
    // and each minute below 20 now gives 5 points for 10/3 effort, each person 1/4000 point for
    // 1/2000 effort. Minutes first: 5 of them reach 50 (a tie), then one person passes:
    // t = 15, L = 200,001, effort 25 × 100/30 + 100/200,000; c is then first (50.00025 > 50, 50).
    const sites = [
      site('a', 10, 0, 100_000, 'provincial'),
      site('b', 20, 0, 300_000, 'provincial'),
      site('c', 40, 0, 200_000, 'provincial'),
    ];
    const options: ScoreOptions = { method: 'wsm', weights: only({ 't-interchange': 50, labour: 50 }) };
    const r = gapAnalysis(profile, sites, plan, options, 'c', { target: 2 });
    expect(r.rank).toBe(3);
    expect(r.status).toBe('found');
    expect(r.changes.map((c) => [c.criterion, c.to])).toEqual([
      ['t-interchange', 15],
      ['labour', 200_001],
    ]);
    expect(r.effort).toBeCloseTo((25 * 100) / 30 + 100 / 200_000, 9);
    expect(r.confirmedRank).toBe(1);
  });

  it('keeps "cannot change" criteria as they are and uses the given efforts', () => {
    const sites = [
      site('a', 10, 0, 100_000, 'provincial'),
      site('b', 20, 0, 300_000, 'provincial'),
      site('c', 40, 0, 200_000, 'provincial'),
    ];
    const options: ScoreOptions = { method: 'wsm', weights: only({ 't-interchange': 50, labour: 50 }) };
    const fixed = gapAnalysis(profile, sites, plan, options, 'c', { target: 2, fixed: ['t-interchange'] });
    // Labour alone: 50·(L − 100k)/200k > 50 + ... c's interchange score stays 0: needs L > 300k, past the best: impossible.
    expect(fixed.status).toBe('impossible');
    expect(fixed.fixed).toEqual(['t-interchange']);
    // Minutes made dear (1000 a minute): the jump to 20 min is still needed (labour alone only ties),
    // then people are cheaper per point, so labour goes as far as it helps: one minute (5 points)
    // and 80,001 people (20.0003 points) pass a and b at 50.
    const dear = gapAnalysis(profile, sites, plan, options, 'c', { target: 2, effort: { 't-interchange': 1000 } });
    expect(dear.status).toBe('found');
    expect(dear.changes.map((c) => [c.criterion, c.to])).toEqual([
      ['t-interchange', 19],
      ['labour', 280_001],
    ]);
    expect(dear.effort).toBeCloseTo(21 * 1000 + (80_001 * 100) / 200_000, 6);
    expect(dear.confirmedRank).toBe(1);
  });

  it('says when the candidate is already there, and lists unknown values', () => {
    const sites = [site('a', 10, 0, 100_000, 'provincial'), site('b', 20, 0, 300_000, 'provincial')];
    sites[1] = { ...(sites[1] as CandidateFacts), labour: null };
    const options: ScoreOptions = { method: 'wsm', weights: only({ 't-interchange': 50, labour: 50 }) };
    expect(gapAnalysis(profile, sites, plan, options, 'a', { target: 1 }).status).toBe('done');
    const r = gapAnalysis(profile, sites, plan, options, 'b', { target: 1 });
    expect(r.unknown).toEqual(['labour']);
    expect(() => gapAnalysis(profile, sites, plan, { ...options, method: 'topsis' }, 'b', { target: 1 })).toThrow(/weighted sum/);
    expect(() => gapAnalysis(profile, sites, plan, options, 'b', { target: 0 })).toThrow(/positive integer/);
  });
});

describe('coverCheapest (branch and bound)', () => {
  it('matches trying every whole combination', () => {
    const rand = mulberry32(7);
    for (let trial = 0; trial < 200; trial++) {
      const items = Array.from({ length: 3 }, (_, j) => ({ j, a: 0.5 + rand() * 3, c: 0.5 + rand() * 3, n: Math.floor(rand() * 6), q: 1 }));
      const need = rand() * 12;
      let best: number | null = null;
      for (let x = 0; x <= (items[0]?.n ?? 0); x++)
        for (let y = 0; y <= (items[1]?.n ?? 0); y++)
          for (let z = 0; z <= (items[2]?.n ?? 0); z++) {
            const [p, q, r] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0]];
            if (p.a * x + q.a * y + r.a * z >= need - 1e-9) {
              const cost = p.c * x + q.c * y + r.c * z;
              if (best === null || cost < best) best = cost;
            }
          }
      const got = coverCheapest(items, need);
      if (best === null) expect(got).toBeNull();
      else expect(got?.cost).toBeCloseTo(best, 9);
    }
  });
});
