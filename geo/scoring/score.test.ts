import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRITERION_IDS, defaultWeights, rebalance, toPercent, type CriterionId, type EnterpriseProfile } from './criteria.ts';
import { scoreCandidates, type CandidateFacts, type PlanFocus } from './score.ts';

const profile: EnterpriseProfile = {
  industry: 'next-gen-it',
  subline: 'next-gen-it.electronic-components',
  exportOriented: true,
  freight: { road: 5, rail: 2, internationalRail: 1, air: 3, water: 0 },
  markets: { gba: 5, changsha: 2, asean: 2, europe: 0 },
  needsBondedZone: true,
  staffHsr: true,
  workforce: 2000,
  pollution: 'low',
  minParkLevel: 'any',
  limits: {},
};

const plan: PlanFocus = { prefectures: [{ adcode: '431000', focus_industries: ['next-gen-it'], focus_sublines: [] }] };

function site(id: string, over: Partial<CandidateFacts> = {}, minutes: Partial<CandidateFacts['minutes']> = {}): CandidateFacts {
  return {
    id,
    name_zh: id,
    name_en: id,
    kind: 'park',
    position: [113, 25.8],
    level: 'provincial',
    prefectureAdcode: '430400',
    industries: [],
    labour: 500_000,
    labourUnknown: [],
    minutes: {
      interchange: 20,
      freight: 60,
      'intl-rail': 300,
      airport: 45,
      bonded: 40,
      port: 90,
      gba: 240,
      changsha: 150,
      hsr: 25,
      ...minutes,
    },
    ...over,
  };
}

const sites = [
  site(
    'a',
    {
      industries: [{ industry_id: 'next-gen-it', subline_id: 'next-gen-it.electronic-components' }],
      prefectureAdcode: '431000',
      level: 'national',
    },
    { gba: 200 },
  ),
  site('b', { industries: [{ industry_id: 'next-gen-it', subline_id: null }] }, { interchange: 10 }),
  site('c', { industries: [{ industry_id: 'equipment', subline_id: null }] }, { interchange: 45, bonded: null }),
  site('d', { kind: 'custom', level: null, position: [111, 27] }, { interchange: 5, gba: 400 }),
];
const weights = defaultWeights(profile);

describe('weights', () => {
  it('total exactly 100 % from any profile and after any slider move', () => {
    const sum = (w: Record<CriterionId, number>) => Math.round(CRITERION_IDS.reduce((s, id) => s + w[id], 0) * 10) / 10;
    expect(sum(weights)).toBe(100);
    fc.assert(
      fc.property(fc.constantFrom(...CRITERION_IDS), fc.double({ min: 0, max: 100, noNaN: true }), (id, value) => {
        const moved = rebalance(weights, id, value);
        expect(sum(moved)).toBe(100);
        expect(moved[id]).toBeCloseTo(Math.round(value * 10) / 10, 9);
        for (const c of CRITERION_IDS) expect(moved[c]).toBeGreaterThanOrEqual(0);
      }),
    );
    expect(() => toPercent(Object.fromEntries(CRITERION_IDS.map((id) => [id, 0])) as Record<CriterionId, number>)).toThrow(
      /not all be zero/,
    );
  });
});

describe('scoreCandidates (weighted sum)', () => {
  const ranking = scoreCandidates(profile, sites, plan, { method: 'wsm', weights, monteCarlo: { samples: 500, seed: 1 } });

  it('ranks every candidate with contributions that add up to its total', () => {
    for (const c of ranking.candidates) {
      const sum = c.criteria.reduce((s, x) => s + (x.contribution ?? 0), 0);
      expect(sum).toBeCloseTo(c.total as number, 9);
      expect(c.rank).not.toBeNull();
    }
    expect(ranking.candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
  });

  it('shows each raw value with its unit next to its normalised score', () => {
    const a = ranking.candidates.find((c) => c.id === 'a');
    expect(a?.criteria.find((x) => x.id === 't-gba')).toMatchObject({ raw: 200, unit: 'min', type: 'cost', score: 1 });
    expect(a?.criteria.find((x) => x.id === 'industry-match')).toMatchObject({ raw: 1, score: 1 });
    expect(a?.criteria.find((x) => x.id === 'prefecture-focus')?.raw).toBe(0.7);
    const c = ranking.candidates.find((x) => x.id === 'c');
    expect(c?.criteria.find((x) => x.id === 't-bonded')).toMatchObject({ raw: null, score: 0 });
  });

  it('gives sensitivity ranges that contain the chosen weights, and Monte-Carlo shares', () => {
    for (const r of ranking.sensitivity?.ranges ?? []) {
      expect(r.lo).toBeLessThanOrEqual(r.weight + 1e-9);
      expect(r.hi).toBeGreaterThanOrEqual(r.weight - 1e-9);
    }
    expect(ranking.sensitivity?.stability?.first.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
  });

  it('never lowers a candidate when one of its times improves (monotonicity)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<keyof CandidateFacts['minutes']>('interchange', 'freight', 'airport', 'gba', 'hsr'),
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        (key, who, gain) => {
          const before =
            scoreCandidates(profile, sites, plan, { method: 'wsm', weights }).candidates.find((c) => c.id === sites[who]?.id)?.total ?? 0;
          const improved = sites.map((s, i) =>
            i === who && s.minutes[key] !== null
              ? { ...s, minutes: { ...s.minutes, [key]: Math.max(0, (s.minutes[key] as number) - gain) } }
              : s,
          );
          const after =
            scoreCandidates(profile, improved, plan, { method: 'wsm', weights }).candidates.find((c) => c.id === sites[who]?.id)?.total ??
            0;
          expect(after).toBeGreaterThanOrEqual(before - 1e-9);
        },
      ),
    );
  });
});

describe('hard constraints', () => {
  it('exclude a candidate and say which rule excluded it', () => {
    const r = scoreCandidates({ ...profile, limits: { maxInterchangeMinutes: 30 }, minParkLevel: 'provincial' }, sites, plan, {
      method: 'wsm',
      weights,
    });
    const c = r.candidates.find((x) => x.id === 'c');
    const d = r.candidates.find((x) => x.id === 'd');
    expect(c?.rank).toBeNull();
    expect(c?.exclusions).toEqual([
      expect.objectContaining({
        rule: 'maxInterchangeMinutes',
        message_en: '45 min to an expressway interchange, over the limit of 30 min',
      }),
    ]);
    expect(d?.exclusions.map((e) => e.rule)).toEqual(['min-park-level']);
    expect(
      r.candidates
        .filter((x) => x.rank !== null)
        .map((x) => x.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('apply and cite the plan’s ban on high-energy, high-emission, high-pollution capacity', () => {
    const r = scoreCandidates({ ...profile, pollution: 'high' }, sites, plan, { method: 'wsm', weights });
    expect(r.profileFlag?.quote_zh).toBe('严禁转入高耗能、高排放、高污染的落后产能');
    expect(r.candidates.every((c) => c.rank === null && c.exclusions[0]?.message_zh.includes('湘政发〔2020〕4号'))).toBe(true);
  });
});

describe('other methods', () => {
  it('AHP takes its weights from the pairwise matrix', () => {
    const r = scoreCandidates(profile, sites, plan, {
      method: 'ahp',
      weights,
      ahp: {
        criteria: ['industry-match', 't-gba', 'labour'],
        matrix: [
          [1, 3, 5],
          [1 / 3, 1, 3],
          [1 / 5, 1 / 3, 1],
        ],
      },
    });
    expect(r.ahp?.consistent).toBe(true);
    expect(r.weights['industry-match']).toBeGreaterThan(r.weights['t-gba']);
    expect(r.weights['t-interchange']).toBe(0);
    expect(() =>
      scoreCandidates(profile, sites, plan, {
        method: 'ahp',
        weights,
        ahp: {
          criteria: ['labour'],
          matrix: [
            [1, 2],
            [0.5, 1],
          ],
        },
      }),
    ).toThrow(/1 criteria named but the matrix is 2×2/);
  });

  it('TOPSIS ranks by closeness and reports no additive contributions', () => {
    const r = scoreCandidates(profile, sites, plan, { method: 'topsis', weights });
    expect(r.candidates.every((c) => c.total !== null && c.total >= 0 && c.total <= 100)).toBe(true);
    expect(r.candidates[0]?.criteria.every((x) => x.contribution === null)).toBe(true);
  });
});
