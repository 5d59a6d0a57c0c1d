import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from './index.ts';
import { callOk, REPO_ROOT, tempBackend } from '../testing/temp-backend.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());
const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);
const file = (path: string) => readFileSync(join(REPO_ROOT, 'tests/fixtures/imports', path)).toString('base64');

async function waitFor(jobId: string) {
  for (let i = 0; i < 200; i++) {
    const job = await ok<{ status: string; summary: { layerId: string } | null; error: string | null }>('importStatus', { jobId });
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('import did not finish');
}

describe('import API', () => {
  it('previews a GBK CSV: columns, encoding, detected CRS with evidence, first features', async () => {
    const p = await ok<{ encoding: string; columns: { lng: string; lat: string; name: string }; detection: { crs: string; basis: string }; sample: unknown[]; problems: unknown[] }>('previewImport', { name: 'gbk.csv', dataBase64: file('good/gbk.csv') });
    expect(p).toMatchObject({ encoding: 'gb18030', columns: { lng: '经度', lat: '纬度', name: '名称' }, detection: { crs: 'wgs84', basis: 'names' }, problems: [] });
    expect(p.sample).toHaveLength(3);
  });

  it('imports in the background, lists, renames, restyles, exports and deletes the layer', async () => {
    const { jobId } = await ok<{ jobId: string }>('startImport', { name: 'utf8.csv', dataBase64: file('good/utf8.csv'), layerName: '我的地块', role: 'candidates' });
    const job = await waitFor(jobId);
    expect(job.status).toBe('done');
    const id = job.summary?.layerId as string;
    const layers = await ok<{ id: string; name_zh: string; role?: string; featureCount: number }[]>('listLayers', {});
    expect(layers.find((l) => l.id === id)).toMatchObject({ name_zh: '我的地块', role: 'candidates', featureCount: 3 });
    await ok('renameLayer', { id, name: '候选地块' });
    await ok('setLayerStyle', { id, colour: '#123abc' });
    expect((await ok<{ id: string; name_zh: string; colour?: string }[]>('listLayers', {})).find((l) => l.id === id)).toMatchObject({ name_zh: '候选地块', colour: '#123abc' });
    const exported = await ok<{ mime: string; dataBase64: string }>('exportLayer', { id, format: 'csv' });
    expect(Buffer.from(exported.dataBase64, 'base64').toString('utf8')).toContain('测试地块');
    expect(await ok('deleteLayer', { id })).toEqual({ deleted: true });
    expect(await dispatch(backend.api, 'getLayer', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a bad file with the problem named and writes nothing', async () => {
    const before = backend.userDb.prepare('SELECT count(*) FROM user_layers').pluck().get();
    const res = await dispatch(backend.api, 'startImport', { name: 'bad-number-row.csv', dataBase64: file('bad/bad-number-row.csv'), layerName: 'x', role: 'reference' });
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/row 3: longitude must be a finite number/) } });
    expect(backend.userDb.prepare('SELECT count(*) FROM user_layers').pluck().get()).toBe(before);
    expect(await dispatch(backend.api, 'setLayerStyle', { id: 'nope', colour: 'red' })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
  });

  it('a cancelled import rolls back completely', async () => {
    const rows = ['name,lng,lat'];
    for (let i = 0; i < 60_000; i++) rows.push(`p${i},${110 + (i % 100) / 100},${26 + Math.floor(i / 100) / 1000}`);
    const before = backend.userDb.prepare('SELECT count(*) FROM user_features').pluck().get();
    const { jobId } = await ok<{ jobId: string }>('startImport', { name: 'big.csv', dataBase64: Buffer.from(rows.join('\n')).toString('base64'), layerName: 'big', role: 'reference', crs: 'wgs84' });
    expect(await ok('cancelImport', { jobId })).toEqual({ cancelled: true });
    expect((await waitFor(jobId)).status).toBe('cancelled');
    expect(backend.userDb.prepare('SELECT count(*) FROM user_features').pluck().get()).toBe(before);
    expect(backend.userDb.prepare("SELECT count(*) FROM user_layers WHERE name = 'big'").pluck().get()).toBe(0);
  });
});

describe('imported candidates', () => {
  it('join the ranking when the layer role is "candidates"', async () => {
    const { jobId } = await ok<{ jobId: string }>('startImport', { name: 'utf8.csv', dataBase64: file('good/utf8.csv'), layerName: '候选', role: 'candidates' });
    await waitFor(jobId);
    const presets = await ok<{ profile: unknown }[]>('profilePresets', {});
    const ranking = await ok<{ candidates: { name_zh: string; kind: string }[] }>('scoreSites', { profile: presets[0]?.profile, monteCarloSamples: 0 });
    expect(ranking.candidates.filter((c) => c.kind === 'custom').map((c) => c.name_zh)).toEqual(expect.arrayContaining(['衡阳南岳机场', '测试地块']));
  });
});

describe('imported facilities', () => {
  it('join the network as destinations', async () => {
    const csv = Buffer.from('名称,经度,纬度\n我的仓库,112.62,26.85\n').toString('base64');
    const { jobId } = await ok<{ jobId: string }>('startImport', { name: 'warehouses.csv', dataBase64: csv, layerName: '仓库', role: 'facilities', crs: 'wgs84' });
    await waitFor(jobId);
    const t = await ok<{ facilities: Record<string, { name_zh: string; minutes: number } | null> }>('travelTimes', { from: [112.6, 26.9] });
    expect(t.facilities['user-facility']).toMatchObject({ name_zh: '我的仓库' });
    expect(t.facilities['user-facility']?.minutes).toBeLessThan(30);
  });
});
