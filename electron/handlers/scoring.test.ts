import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT, type Profile } from '../contract/api.ts';
import { callOk, tempBackend } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());

const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);

describe('scoring API', () => {
  it('offers a preset for each of the plan’s ten industries', async () => {
    const presets = CONTRACT.profilePresets.result.parse(await ok('profilePresets', {}));
    const taxonomy = CONTRACT.planTaxonomy.result.parse(await ok('planTaxonomy', {}));
    expect(presets.map((p) => p.id).sort()).toEqual(taxonomy.industries.map((i) => i.id).sort());
    expect(taxonomy.industries).toHaveLength(10);
  });

  it('ranks every located park with explanations whose contributions add up to the total', async () => {
    const presets = await ok<{ id: string; profile: Profile }[]>('profilePresets', {});
    const profile = presets.find((p) => p.id === 'next-gen-it')?.profile;
    const r = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile }));
    expect(r.candidates.length).toBeGreaterThan(20);
    expect(r.candidates[0]?.rank).toBe(1);
    const total = Object.values(r.weights).reduce((s, w) => s + w, 0);
    expect(total).toBeCloseTo(100, 6);
    for (const c of r.candidates.filter((x) => x.rank !== null)) {
      expect(c.criteria.reduce((s, x) => s + (x.contribution ?? 0), 0)).toBeCloseTo(c.total as number, 6);
    }
    expect(r.sensitivity?.stability?.first.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
  });

  it('quotes each park’s catalogue 主导产业 verbatim as the industry match’s evidence, with the items that matched', async () => {
    const presets = await ok<{ id: string; profile: Profile }[]>('profilePresets', {});
    const profile = presets.find((p) => p.id === 'biomedicine')?.profile;
    const r = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile }));
    const parks = (await ok<{ features: { properties: Record<string, unknown> }[] }>('getLayer', { id: 'parks' })).features;
    const wording = new Map(parks.map((f) => [f.properties['id'], f.properties['main_industries_zh']]));
    const huaihua = r.candidates.find((c) => c.id === 'park-huaihua-etdz');
    expect(huaihua?.industryBasis).toEqual({ quote: '生物医药、电子信息', matched: ['生物医药'], level: 'industry' });
    for (const c of r.candidates.filter((x) => x.kind === 'park')) {
      expect(c.industryBasis.quote).toBe(wording.get(c.id) ?? null);
      const match = c.criteria.find((x) => x.id === 'industry-match')?.raw;
      // A match is never claimed without a catalogue item carrying it, and every matched item is in the quote.
      expect(c.industryBasis.level === null).toBe(match === 0);
      for (const item of c.industryBasis.matched) expect(c.industryBasis.quote).toContain(item);
    }
  });

  it('adds a clicked site to the ranking and keeps it in the user database', async () => {
    const presets = await ok<{ id: string; profile: Profile }[]>('profilePresets', {});
    const site = await ok<{ id: string }>('addCandidateSite', { name: '我的地块', position: [112.62, 26.8] });
    const r = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile: presets[0]?.profile, monteCarloSamples: 0 }));
    expect(r.candidates.find((c) => c.id === site.id)).toMatchObject({ kind: 'custom', name_zh: '我的地块' });
    expect(await ok('listCandidateSites', {})).toEqual([expect.objectContaining({ id: site.id, position: [112.62, 26.8] })]);
    expect(await ok('deleteCandidateSite', { id: site.id })).toEqual({ deleted: true });
    expect(await ok('listCandidateSites', {})).toEqual([]);
  });

  it.each([
    ['scoreSites', { profile: { industry: 'steel' } }, /freight/],
    ['addCandidateSite', { name: 'far', position: [100, 40] }, /outside the demonstration zone/],
    ['addCandidateSite', { name: '  ', position: [112.6, 26.9] }, /name/],
  ])('%s refuses %j', async (method, args, message) => {
    const res = await dispatch(backend.api, method, args);
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    if (!res.ok) expect(res.error.message).toMatch(message);
  });

  it('refuses an industry that is not in the plan and flags the plan’s pollution ban', async () => {
    const presets = await ok<{ id: string; profile: Profile }[]>('profilePresets', {});
    const base = presets[0]?.profile as Profile;
    expect(await dispatch(backend.api, 'scoreSites', { profile: { ...base, industry: 'steel' } })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not one of the plan's ten industries/) },
    });
    const r = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile: { ...base, pollution: 'high' }, monteCarloSamples: 0 }));
    expect(r.profileFlag?.section).toMatch(/湘政发〔2020〕4号/);
    expect(r.candidates.every((c) => c.rank === null)).toBe(true);
  });
});

describe('comparing parks', () => {
  it('puts 2–6 parks side by side with raw values, ranks under every industry preset, and what would move the own park up', async () => {
    const presets = await ok<{ id: string; profile: Profile }[]>('profilePresets', {});
    const profile = presets.find((p) => p.id === 'equipment')?.profile;
    const full = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile, monteCarloSamples: 0 }));
    const ranked = full.candidates.filter((c) => c.rank !== null);
    // Own park somewhere in the middle, three rivals around it.
    const own = ranked[5]?.id as string;
    const ids = [own, ranked[0]?.id, ranked[3]?.id, ranked[9]?.id] as string[];
    const r = CONTRACT.compareParks.result.parse(await ok('compareParks', { profile, ids, own }));
    expect(r.parks.map((p) => p.id)).toEqual(ids);
    // The same numbers as the ranking screen: computed by the same scoring.
    for (const p of r.parks) {
      const same = full.candidates.find((c) => c.id === p.id);
      expect(p.rank).toBe(same?.rank);
      expect(p.total).toBeCloseTo(same?.total as number, 9);
      expect(p.criteria.map((c) => c.raw)).toEqual(same?.criteria.map((c) => c.raw));
    }
    expect(r.of).toBe(ranked.length);
    expect(r.presets).toHaveLength(10);
    expect(r.presets.find((p) => p.id === 'equipment')?.ranks[own]).toBe(6);
    expect(r.moveUp).toMatchObject({ id: own, rank: 6, above: { id: ranked[4]?.id } });
    // Every suggested step, applied alone, really lifts the park one place.
    expect(r.moveUp?.steps.length).toBeGreaterThan(0);
    for (const step of r.moveUp?.steps ?? []) {
      expect(step.effort).toBeGreaterThan(0);
      expect(step.effort).toBeLessThanOrEqual(1);
      if (step.unit === 'min') expect(step.change).toBeLessThan(0);
    }
  });

  it('refuses unknown, repeated or too few parks, naming them', async () => {
    const presets = await ok<{ id: string; profile: Profile }[]>('profilePresets', {});
    const profile = presets[0]?.profile;
    expect(await dispatch(backend.api, 'compareParks', { profile, ids: ['park-hengyang-htz', 'no-such-park'] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/no-such-park/) },
    });
    expect(await dispatch(backend.api, 'compareParks', { profile, ids: ['park-hengyang-htz'] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/at least 2/) },
    });
    expect(await dispatch(backend.api, 'compareParks', { profile, ids: ['park-hengyang-htz', 'park-hengyang-htz'] })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/once/) },
    });
    expect(
      await dispatch(backend.api, 'compareParks', { profile, ids: ['park-hengyang-htz', 'park-huaihua-htz'], own: 'park-hengyang-songmu' }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/must be one of the compared ids/) } });
  });
});
