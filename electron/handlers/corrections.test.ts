import { afterAll, describe, expect, it } from 'vitest';
import { distanceMetres, fromWgs84 } from '../../geo/index.ts';
import { runCli } from '../cli/siteselect.ts';
import type { FeatureCollectionResult, ParkCorrection, Profile, RankingResult } from '../contract/api.ts';
import { openBackend } from '../backend.ts';
import { appPaths } from '../node/paths.ts';
import { REPO_ROOT, tempDir } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const data = tempDir('siteselect-corrections-');
afterAll(() => data.remove());

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--data-dir', data.dir], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A backend on the same data folder (a restart). */
async function withApp<T>(fn: (call: (m: string, a: unknown) => Promise<unknown>) => Promise<T>): Promise<T> {
  const b = openBackend({ paths: appPaths(REPO_ROOT), dataDir: data.dir, edition: 'web' });
  try {
    return await fn(async (m, a) => {
      const r = await dispatch(b.api, m, a);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.result;
    });
  } finally {
    b.close();
  }
}

// A park of 大祥区 (邵阳) that sits on its county seat; a position typed in GCJ-02 as AMap shows coordinates (test data, not a survey).
const TRUE_WGS84: [number, number] = [111.5012, 27.2268];

describe('park position corrections', () => {
  let parkId = '';
  let code = '';

  it('a park on its county seat is approximate; the CLI corrects it from GCJ-02 and stores WGS-84 with the note', async () => {
    const parks = await withApp(async (call) => (await call('getLayer', { id: 'parks' })) as FeatureCollectionResult);
    const approximate = parks.features.find((f) => f.properties['precision'] === 'approximate' && f.properties['adcode'] === '430503');
    expect(approximate, 'an approximate park in 大祥区 (邵阳)').toBeDefined();
    parkId = String(approximate?.properties['id']);
    code = String(approximate?.properties['catalogue_code']);
    const gcj = fromWgs84(TRUE_WGS84, 'gcj02');
    const r = await cli('park', 'set-position', code, '--lnglat', gcj.join(','), '--crs', 'gcj02', '--note', '管委会门口，园区经理核实');
    expect(r.code, r.err).toBe(0);
    const c = JSON.parse(r.out) as ParkCorrection;
    expect(c).toMatchObject({ park_id: parkId, catalogue_code: code, crs: 'gcj02', source: 'user', note: '管委会门口，园区经理核实' });
    expect(distanceMetres(c.position, TRUE_WGS84)).toBeLessThan(5);
    expect(c.given).toEqual(gcj);
  });

  it('is used everywhere after a restart: the layer, the ranking’s facts, the list', async () => {
    await withApp(async (call) => {
      const parks = (await call('getLayer', { id: 'parks' })) as FeatureCollectionResult;
      const f = parks.features.find((x) => x.properties['id'] === parkId);
      expect(f?.properties).toMatchObject({
        precision: 'exact',
        position_basis: 'user',
        correction: { source: 'user', note: '管委会门口，园区经理核实' },
      });
      expect(distanceMetres(f?.geometry?.coordinates as [number, number], TRUE_WGS84)).toBeLessThan(5);
      const profile = ((await call('profilePresets', {})) as { profile: Profile }[])[0]?.profile;
      const ranking = (await call('scoreSites', { profile, monteCarloSamples: 0 })) as RankingResult;
      const c = ranking.candidates.find((x) => x.id === parkId);
      expect(c?.approximate).toBe(false);
      expect(distanceMetres(c?.position as [number, number], TRUE_WGS84)).toBeLessThan(5);
      expect(((await call('listParkCorrections', {})) as ParkCorrection[]).map((x) => x.park_id)).toEqual([parkId]);
    });
  });

  it('refuses a position outside the zone, an unknown park and a bad system, changing nothing', async () => {
    expect((await cli('park', 'set-position', code, '--lnglat', '116.4,39.9')).err).toMatch(/outside the demonstration zone/);
    expect((await cli('park', 'set-position', 'S000000', '--lnglat', '111.5,27.2')).err).toMatch(/no park "S000000"/);
    expect((await cli('park', 'set-position', code, '--lnglat', '111.5,27.2', '--crs', 'utm')).code).toBe(2);
    expect((await cli('park', 'set-position', code, '--lnglat', '27.2,111.5')).err).toMatch(/swapped/);
    const list = await withApp(async (call) => (await call('listParkCorrections', {})) as ParkCorrection[]);
    expect(distanceMetres(list[0]?.position as [number, number], TRUE_WGS84)).toBeLessThan(5);
  });

  it('is undone by a reset: the shipped, approximate position again', async () => {
    expect(JSON.parse((await cli('park', 'reset', code)).out)).toEqual({ reset: true });
    await withApp(async (call) => {
      const parks = (await call('getLayer', { id: 'parks' })) as FeatureCollectionResult;
      expect(parks.features.find((x) => x.properties['id'] === parkId)?.properties['precision']).toBe('approximate');
      expect(await call('listParkCorrections', {})).toEqual([]);
    });
  });
});
