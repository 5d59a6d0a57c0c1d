import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT, type Profile } from '../contract/api.ts';
import { callOk, tempBackend, tempDir } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const backend = tempBackend();
const work = tempDir('siteselect-scenarios-');
afterAll(() => {
  backend.dispose();
  work.remove();
});
const ok = <T>(method: string, args: unknown, b = backend) => callOk<T>(b, method, args);
type Scenario = { id: string; name: string; notes: string; payload: { profile: Profile; sites: { id: string }[] } };

async function presets() {
  return ok<{ id: string; profile: Profile }[]>('profilePresets', {});
}

describe('scenarios', () => {
  it('are saved with the project’s own sites, reopened, duplicated, renamed and deleted', async () => {
    const [equipment] = await presets();
    const site = await ok<{ id: string }>('addCandidateSite', { name: '方案地块', position: [112.6, 26.85] });
    const saved = await ok<Scenario>('saveScenario', {
      name: '装备 A',
      notes: '客户甲',
      payload: {
        profile: equipment?.profile,
        method: 'wsm',
        weights: { labour: 30 },
        compare: { ids: ['park-hengyang-htz', site.id], own: site.id },
      },
    });
    expect(saved).toMatchObject({
      name: '装备 A',
      notes: '客户甲',
      payload: { method: 'wsm', weights: { labour: 30 }, sites: [{ id: site.id, name: '方案地块', position: [112.6, 26.85] }] },
    });
    // The site is deleted from the project; opening the scenario brings it back.
    await ok('deleteCandidateSite', { id: site.id });
    expect(await ok('openScenario', { id: saved.id })).toMatchObject({ id: saved.id });
    expect(await ok('listCandidateSites', {})).toEqual([expect.objectContaining({ id: site.id })]);
    const copy = await ok<Scenario>('duplicateScenario', { id: saved.id });
    expect(copy).toMatchObject({ name: '装备 A (2)', notes: '客户甲', payload: saved.payload });
    expect(await ok<Scenario>('renameScenario', { id: copy.id, name: '装备 B' })).toMatchObject({ name: '装备 B', notes: '客户甲' });
    expect((await ok<Scenario[]>('listScenarios', {})).map((s) => s.name)).toEqual(['装备 A', '装备 B']);
    expect(await ok('deleteScenario', { id: copy.id })).toEqual({ deleted: true });
    expect(await dispatch(backend.api, 'openScenario', { id: copy.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(backend.api, 'saveScenario', { name: '  ', payload: { profile: equipment?.profile } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/needs a name/) },
    });
  });

  it('compare two rankings side by side, as the ranking screen computes them', async () => {
    const all = await presets();
    const a = await ok<Scenario>('saveScenario', { name: 'IT', payload: { profile: all.find((p) => p.id === 'next-gen-it')?.profile } });
    const b = await ok<Scenario>('saveScenario', {
      name: 'Equipment',
      payload: { profile: all.find((p) => p.id === 'equipment')?.profile, method: 'topsis' },
    });
    const cmp = CONTRACT.compareScenarios.result.parse(await ok('compareScenarios', { a: a.id, b: b.id }));
    expect(cmp.a).toMatchObject({ name: 'IT', method: 'wsm' });
    expect(cmp.b).toMatchObject({ name: 'Equipment', method: 'topsis' });
    const ra = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile: a.payload.profile, monteCarloSamples: 0 }));
    const rb = CONTRACT.scoreSites.result.parse(
      await ok('scoreSites', { profile: b.payload.profile, method: 'topsis', monteCarloSamples: 0 }),
    );
    for (const row of cmp.rows) {
      expect(row.a.rank).toBe(ra.candidates.find((c) => c.id === row.id)?.rank ?? null);
      expect(row.b.rank).toBe(rb.candidates.find((c) => c.id === row.id)?.rank ?? null);
    }
    expect(cmp.rows.some((r) => r.a.rank !== r.b.rank)).toBe(true);
  });
});
