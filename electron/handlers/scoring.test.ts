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
    expect(await dispatch(backend.api, 'scoreSites', { profile: { ...base, industry: 'steel' } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not one of the plan's ten industries/) } });
    const r = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile: { ...base, pollution: 'high' }, monteCarloSamples: 0 }));
    expect(r.profileFlag?.section).toMatch(/湘政发〔2020〕4号/);
    expect(r.candidates.every((c) => c.rank === null)).toBe(true);
  });
});
