import { describe, expect, it } from 'vitest';
import type { EnterpriseProfile } from './criteria.ts';
import { moveUp } from './move-up.ts';
import { scoreCandidates, type CandidateFacts } from './score.ts';
import { NO_FOCUS, onlyWeights, ROAD_ONLY_PROFILE } from './testing.ts';

// Road freight only, no market weighed.
const profile: EnterpriseProfile = { ...ROAD_ONLY_PROFILE, markets: { ...ROAD_ONLY_PROFILE.markets, gba: 0 } };
const plan = NO_FOCUS;
const only = onlyWeights;

function site(id: string, interchange: number | null, labour: number | null, position: [number, number] = [112, 26]): CandidateFacts {
  return {
    id,
    name_zh: `园区${id}`,
    name_en: `Park ${id}`,
    kind: 'park',
    position,
    level: 'provincial',
    prefectureAdcode: null,
    industries: [],
    labour,
    labourUnknown: [],
    minutes: {
      interchange,
      freight: null,
      'intl-rail': null,
      airport: null,
      bonded: null,
      port: null,
      gba: null,
      changsha: null,
      hsr: null,
    },
  };
}

describe('what would move us up', () => {
  // Interchange 10/20/40 min (cost), labour 100k/300k/200k (benefit); half the weight each.
  const sites = [site('a', 10, 100_000), site('b', 20, 300_000), site('c', 40, 200_000)];
  const options = { method: 'wsm' as const, weights: only({ 't-interchange': 50, labour: 50 }) };

  it('finds, per criterion, the smallest change in its own unit that lifts the park one place', () => {
    // Scores: a = 0.5·1 + 0.5·0 = 50; b = 0.5·(20/30) + 0.5·1 = 83.3; c = 0 + 0.5·0.5 = 25. Order b, a, c.
    const r = moveUp(profile, sites, plan, options, 'a');
    expect(r.rank).toBe(2);
    expect(r.above?.id).toBe('b');
    // a defines the low end of labour: once past c (200k) the span is 200k…300k, so
    // a needs 50 + 50·(L−200k)/100k > 83.3 → L > 266,666.7 → 266,667 persons (whole persons).
    const labour = r.steps.find((s) => s.criterion === 'labour');
    expect(labour).toMatchObject({ unit: 'persons', from: 100_000 });
    expect(labour?.to).toBe(266_667);
    // a is already the fastest to an interchange: that criterion cannot help on its own.
    expect(r.notEnough).toContain('t-interchange');
    // The step really lifts it, and one unit less does not.
    const rankWith = (v: number) =>
      scoreCandidates(profile, sites, plan, { ...options, rawOverrides: new Map([['a', { labour: v }]]) }).candidates.find(
        (c) => c.id === 'a',
      )?.rank;
    expect(rankWith(266_667)).toBe(1);
    expect(rankWith(266_666)).toBe(2);
  });

  it('states time improvements as fewer minutes', () => {
    // c (25) is below a (50). c is the slowest, so its interchange score stays 0 until it passes b
    // (20 min); then the span is 10…20 and it needs 0.5·(20−T)/10 + 0.25 > 0.5 → T < 15 → 14 min.
    const r = moveUp(profile, sites, plan, options, 'c');
    expect(r.above?.id).toBe('a');
    const t = r.steps.find((s) => s.criterion === 't-interchange');
    expect(t).toMatchObject({ unit: 'min', from: 40, to: 14, change: -26 });
    expect(r.steps.map((s) => s.effort)).toEqual([...r.steps.map((s) => s.effort)].sort((x, y) => x - y));
  });

  it('has nothing to do for the leader, and names unknown values and unknown candidates', () => {
    expect(moveUp(profile, sites, plan, options, 'b')).toMatchObject({ rank: 1, above: null, steps: [] });
    const withUnknown = [...sites, site('d', 30, null)];
    const r = moveUp(profile, withUnknown, plan, options, 'd');
    expect(r.unknown).toEqual(['labour']);
    expect(() => moveUp(profile, sites, plan, options, 'zz')).toThrow(/no candidate "zz"/);
  });
});

describe('discrete criteria move level by level', () => {
  it('states a park-level step as the next level that does it, never a fraction of one', () => {
    // Park level (90 %): c not a park (0), a provincial (1), b national (2); interchange (10 %): c 5, a 10, b 20 min.
    // Totals: b 90, a 0.9·0.5 + 0.1·(10/15) = 51.7, c 10. Raised to provincial, c ties a on level (both at the
    // low end, score 0) and wins on the interchange: one level is enough.
    const sites = [
      { ...site('a', 10, 100_000), level: 'provincial' as const },
      { ...site('b', 20, 100_000), level: 'national' as const },
      { ...site('c', 5, 100_000), level: null },
    ];
    const r = moveUp(profile, sites, plan, { method: 'wsm', weights: only({ 'park-level': 90, 't-interchange': 10 }) }, 'c');
    expect(r.rank).toBe(3);
    expect(r.steps.find((s) => s.criterion === 'park-level')).toMatchObject({ unit: 'level', from: 0, to: 1, change: 1 });
  });
});
