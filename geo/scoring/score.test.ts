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

  it('cover the user’s own criteria beside the built-in ones when the keys name them', () => {
    const keys = [...CRITERION_IDS, 'custom-land-price'] as const;
    const all = { ...weights, 'custom-land-price': 0 };
    const moved = rebalance(all, 'custom-land-price', 20, keys);
    expect(moved['custom-land-price']).toBe(20);
    expect(Math.round(keys.reduce((s, id) => s + moved[id], 0) * 10) / 10).toBe(100);
    // The built-in ones keep their proportions (to the 0.1 % rounding).
    expect(moved.labour).toBeCloseTo(weights.labour * 0.8, 0);
    const percent = toPercent({ 'custom-a': 1, 'custom-b': 3 }, ['custom-a', 'custom-b']);
    expect(percent).toEqual({ 'custom-a': 25, 'custom-b': 75 });
    // Without keys, only the built-in criteria count (as before).
    expect(Object.keys(rebalance(all, 'labour', 10))).toHaveLength(CRITERION_IDS.length);
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

describe('issue 17: every method, value functions and the user’s own criteria', () => {
  const weights = defaultWeights(profile);
  const rank = (options: Partial<Parameters<typeof scoreCandidates>[3]>) =>
    scoreCandidates(profile, sites, plan, { method: 'wsm', weights, ...options } as Parameters<typeof scoreCandidates>[3]);
  const order = (r: ReturnType<typeof rank>) => r.candidates.filter((c) => c.rank !== null).map((c) => c.id);

  it.each(['owa', 'promethee', 'vikor', 'electre'] as const)(
    '%s ranks every included candidate once, totals 0…100, ranks follow the method',
    (method) => {
      const r = rank({ method });
      const ranked = r.candidates.filter((c) => c.rank !== null);
      expect(ranked.map((c) => c.rank)).toEqual(ranked.map((_, i) => i + 1));
      for (const c of ranked) {
        expect(c.total).toBeGreaterThanOrEqual(0);
        expect(c.total).toBeLessThanOrEqual(100);
        expect(c.criteria.every((x) => x.contribution === null)).toBe(true);
      }
      expect(r.detail?.method).toBe(method);
      expect(r.sensitivity).toBeNull();
    },
  );

  it('OWA with orness 0.5 (equal order weights) is the weighted sum', () => {
    const owa = rank({ method: 'owa', methodOptions: { owa: { orness: 0.5 } } });
    const wsm = rank({ method: 'wsm' });
    expect(order(owa)).toEqual(order(wsm));
    for (const c of owa.candidates) expect(c.total ?? 0).toBeCloseTo(wsm.candidates.find((x) => x.id === c.id)?.total ?? -1, 6);
  });

  it('OWA with equal weights and orness 1 takes each candidate’s best score, orness 0 its worst', () => {
    const equal = { 't-interchange': 1, 't-gba': 1, labour: 1 } as const;
    const best = rank({ method: 'owa', weights: equal, methodOptions: { owa: { orness: 1 } } });
    const worst = rank({ method: 'owa', weights: equal, methodOptions: { owa: { orness: 0 } } });
    for (const c of best.candidates) {
      const weighted = c.criteria.filter((x) => x.weight > 0).map((x) => x.score);
      expect(c.total ?? 0).toBeCloseTo(Math.max(...weighted) * 100, 5);
      expect(worst.candidates.find((x) => x.id === c.id)?.total ?? 0).toBeCloseTo(Math.min(...weighted) * 100, 5);
    }
  });

  it('VIKOR ranks by Q, lowest first, and names its compromise set', () => {
    const r = rank({ method: 'vikor' });
    if (r.detail?.method !== 'vikor') throw new Error('no VIKOR detail');
    const q = new Map(r.detail.ids.map((id, i) => [id, r.detail?.method === 'vikor' ? (r.detail.Q[i] as number) : 0]));
    const ranked = order(r);
    for (let k = 1; k < ranked.length; k++)
      expect(q.get(ranked[k] as string)).toBeGreaterThanOrEqual(q.get(ranked[k - 1] as string) as number);
    expect(r.detail.compromise).toContain(ranked[0]);
  });

  it('ELECTRE ranks its kernel first', () => {
    const r = rank({ method: 'electre', methodOptions: { electre: { concordance: 0.6 } } });
    if (r.detail?.method !== 'electre') throw new Error('no ELECTRE detail');
    const ranked = order(r);
    expect(ranked.slice(0, r.detail.kernel.length).sort()).toEqual([...r.detail.kernel].sort());
  });

  it('a custom criterion with all the weight ranks by its values; unknown values score 0', () => {
    const values = new Map<string, number | null>([
      ['a', 300],
      ['b', 100],
      ['c', 200],
    ]);
    const r = rank({ weights: { 'custom-land-price': 100 }, custom: [{ id: 'custom-land-price', unit: '万元/亩', type: 'cost', values }] });
    const ranked = order(r);
    expect(ranked.slice(0, 3)).toEqual(['b', 'c', 'a']);
    const price = r.candidates.find((c) => c.id === 'b')?.criteria.find((x) => x.id === 'custom-land-price');
    expect(price).toMatchObject({ raw: 100, unit: '万元/亩', type: 'cost', score: 1, weight: 100 });
    const unknown = r.candidates.find((c) => !values.has(c.id))?.criteria.find((x) => x.id === 'custom-land-price');
    if (unknown) expect(unknown).toMatchObject({ raw: null, score: 0 });
  });

  it('a value function replaces min–max: an ideal interchange time of 20 minutes beats 10', () => {
    const onlyInterchange = { 't-interchange': 100 } as const;
    const linear = rank({ weights: onlyInterchange });
    const ideal = rank({ weights: onlyInterchange, valueFunctions: { 't-interchange': { kind: 'ideal', ideal: 20, tolerance: 15 } } });
    expect(order(linear)[0]).toBe('d'); // 5 minutes is best under "less is better"
    expect(order(ideal)[0]).toBe('a'); // 20 minutes is the ideal
    const b = ideal.candidates.find((c) => c.id === 'b');
    const twenty = ideal.candidates.find((c) => c.criteria.find((x) => x.id === 't-interchange')?.raw === 20);
    expect(twenty?.criteria.find((x) => x.id === 't-interchange')?.score).toBe(1);
    expect(b?.criteria.find((x) => x.id === 't-interchange')?.score).toBeCloseTo(1 - 10 / 15, 9);
  });

  it('PROMETHEE and ELECTRE refuse more candidates than they rank at once', async () => {
    const { MAX_PAIRWISE_CANDIDATES } = await import('./score.ts');
    const many = Array.from({ length: MAX_PAIRWISE_CANDIDATES + 1 }, (_, i) => site(`s${i}`, {}, { interchange: i % 50 }));
    expect(() => scoreCandidates(profile, many, plan, { method: 'promethee', weights })).toThrow(/compares every pair/);
  });
});
