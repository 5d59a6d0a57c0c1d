import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
    const p = await ok<{
      encoding: string;
      columns: { lng: string; lat: string; name: string };
      detection: { crs: string; basis: string };
      sample: unknown[];
      problems: unknown[];
    }>('previewImport', { name: 'gbk.csv', dataBase64: file('good/gbk.csv') });
    expect(p).toMatchObject({
      encoding: 'gb18030',
      columns: { lng: '经度', lat: '纬度', name: '名称' },
      detection: { crs: 'wgs84', basis: 'names' },
      problems: [],
    });
    expect(p.sample).toHaveLength(3);
  });

  it('imports in the background, lists, renames, restyles, exports and deletes the layer', async () => {
    const { jobId } = await ok<{ jobId: string }>('startImport', {
      name: 'utf8.csv',
      dataBase64: file('good/utf8.csv'),
      layerName: '我的地块',
      role: 'candidates',
    });
    const job = await waitFor(jobId);
    expect(job.status).toBe('done');
    const id = job.summary?.layerId as string;
    const layers = await ok<{ id: string; name_zh: string; role?: string; featureCount: number }[]>('listLayers', {});
    expect(layers.find((l) => l.id === id)).toMatchObject({ name_zh: '我的地块', role: 'candidates', featureCount: 3 });
    await ok('renameLayer', { id, name: '候选地块' });
    await ok('setLayerStyle', { id, colour: '#123abc' });
    expect((await ok<{ id: string; name_zh: string; colour?: string }[]>('listLayers', {})).find((l) => l.id === id)).toMatchObject({
      name_zh: '候选地块',
      colour: '#123abc',
    });
    const exported = await ok<{ mime: string; dataBase64: string }>('exportLayer', { id, format: 'csv' });
    expect(Buffer.from(exported.dataBase64, 'base64').toString('utf8')).toContain('测试地块');
    expect(await ok('deleteLayer', { id })).toEqual({ deleted: true });
    expect(await dispatch(backend.api, 'getLayer', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a bad file with the problem named and writes nothing', async () => {
    const before = backend.userDb.prepare('SELECT count(*) FROM user_layers').pluck().get();
    const res = await dispatch(backend.api, 'startImport', {
      name: 'bad-number-row.csv',
      dataBase64: file('bad/bad-number-row.csv'),
      layerName: 'x',
      role: 'reference',
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/row 3: longitude must be a finite number/) },
    });
    expect(backend.userDb.prepare('SELECT count(*) FROM user_layers').pluck().get()).toBe(before);
    expect(await dispatch(backend.api, 'setLayerStyle', { id: 'nope', colour: 'red' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT' },
    });
  });

  it('a cancelled import rolls back completely', async () => {
    const rows = ['name,lng,lat'];
    for (let i = 0; i < 60_000; i++) rows.push(`p${i},${110 + (i % 100) / 100},${26 + Math.floor(i / 100) / 1000}`);
    const before = backend.userDb.prepare('SELECT count(*) FROM user_features').pluck().get();
    const { jobId } = await ok<{ jobId: string }>('startImport', {
      name: 'big.csv',
      dataBase64: Buffer.from(rows.join('\n')).toString('base64'),
      layerName: 'big',
      role: 'reference',
      crs: 'wgs84',
    });
    expect(await ok('cancelImport', { jobId })).toEqual({ cancelled: true });
    expect((await waitFor(jobId)).status).toBe('cancelled');
    expect(backend.userDb.prepare('SELECT count(*) FROM user_features').pluck().get()).toBe(before);
    expect(backend.userDb.prepare("SELECT count(*) FROM user_layers WHERE name = 'big'").pluck().get()).toBe(0);
  });
});

describe('imported candidates', () => {
  it('join the ranking when the layer role is "candidates"', async () => {
    const { jobId } = await ok<{ jobId: string }>('startImport', {
      name: 'utf8.csv',
      dataBase64: file('good/utf8.csv'),
      layerName: '候选',
      role: 'candidates',
    });
    await waitFor(jobId);
    const presets = await ok<{ profile: unknown }[]>('profilePresets', {});
    const ranking = await ok<{ candidates: { name_zh: string; kind: string }[] }>('scoreSites', {
      profile: presets[0]?.profile,
      monteCarloSamples: 0,
    });
    expect(ranking.candidates.filter((c) => c.kind === 'custom').map((c) => c.name_zh)).toEqual(
      expect.arrayContaining(['衡阳南岳机场', '测试地块']),
    );
  });
});

describe('imported facilities', () => {
  it('join the network as destinations', async () => {
    const csv = Buffer.from('名称,经度,纬度\n我的仓库,112.62,26.85\n').toString('base64');
    const { jobId } = await ok<{ jobId: string }>('startImport', {
      name: 'warehouses.csv',
      dataBase64: csv,
      layerName: '仓库',
      role: 'facilities',
      crs: 'wgs84',
    });
    await waitFor(jobId);
    const t = await ok<{ facilities: Record<string, { name_zh: string; minutes: number } | null> }>('travelTimes', { from: [112.6, 26.9] });
    expect(t.facilities['user-facility']).toMatchObject({ name_zh: '我的仓库' });
    expect(t.facilities['user-facility']?.minutes).toBeLessThan(30);
  });
});

describe('staged uploads: any size, large CSV and GeoJSON streamed', () => {
  // Streams anything above 1 kB here, so small test files take the streaming path.
  const small = tempBackend('web', { streamAboveBytes: 1000 });
  afterAll(() => small.dispose());
  const call = (method: string, args: unknown) => dispatch(small.api, method, args);
  const okSmall = <T>(method: string, args: unknown) => callOk<T>(small, method, args);
  const count = (sql: string) => small.userDb.prepare(sql).pluck().get() as number;
  const uploads = () => (existsSync(join(small.dataDir, 'uploads')) ? readdirSync(join(small.dataDir, 'uploads')) : []);

  async function stage(name: string, bytes: Buffer, chunk = 64 * 1024): Promise<string> {
    const { uploadId } = await okSmall<{ uploadId: string }>('beginUpload', { name, size: bytes.length });
    for (let offset = 0; offset < bytes.length; offset += chunk)
      await okSmall('uploadChunk', { uploadId, offset, dataBase64: bytes.subarray(offset, offset + chunk).toString('base64') });
    return uploadId;
  }
  async function finish(jobId: string) {
    for (let i = 0; i < 500; i++) {
      const job = await okSmall<{ status: string; summary: { layerId: string; features: number } | null; error: string | null }>(
        'importStatus',
        { jobId },
      );
      if (job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('import did not finish');
  }
  const csv = (n: number) => {
    const rows = ['名称,经度,纬度'];
    for (let i = 0; i < n; i++) rows.push(`p${i},${(110 + (i % 100) / 100).toFixed(3)},${(26 + Math.floor(i / 100) / 1000).toFixed(4)}`);
    return Buffer.from(rows.join('\n'));
  };
  const geojson = (n: number, extra = '') =>
    Buffer.from(
      `{"type":"FeatureCollection","features":[${Array.from({ length: n }, (_, i) => `{"type":"Feature","properties":{"名称":"g${i}"},"geometry":{"type":"Point","coordinates":[${111 + (i % 50) / 100},${27 + i / 1e5}]}}`).join(',')}${extra}]}`,
    );

  it('refuses chunks out of order, past the declared size, and files not fully staged', async () => {
    const { uploadId } = await okSmall<{ uploadId: string }>('beginUpload', { name: 'a.csv', size: 10 });
    expect((await call('uploadChunk', { uploadId, offset: 5, dataBase64: 'YWJj' })) as unknown).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/chunk at byte 5, expected byte 0/) },
    });
    expect(await okSmall('uploadChunk', { uploadId, offset: 0, dataBase64: Buffer.from('name,').toString('base64') })).toEqual({
      received: 5,
      complete: false,
    });
    expect(await call('previewImport', { name: 'a.csv', uploadId })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/incomplete \(5 of 10 bytes\)/) },
    });
    expect(await call('uploadChunk', { uploadId, offset: 5, dataBase64: Buffer.from('lng,lat\n1').toString('base64') })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/more bytes than the declared 10/) },
    });
    expect(await call('beginUpload', { name: 'empty.csv', size: 0 })).toMatchObject({
      ok: false,
      error: { message: '"empty.csv" is empty' },
    });
    expect(await call('previewImport', { name: 'a.csv', uploadId, dataBase64: 'YQ==' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/either as dataBase64 or as uploadId/) },
    });
    expect(await okSmall('discardUpload', { uploadId })).toEqual({ discarded: true });
    expect(await call('previewImport', { name: 'a.csv', uploadId })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no upload/) },
    });
    expect(uploads()).toEqual([]);
  });

  it('streams a large CSV: preview from its head, import in one job, staged file removed', async () => {
    const uploadId = await stage('big.csv', csv(12_000));
    const p = await okSmall<{ streamed: boolean; features: number | null; columns: { lng: string }; sample: unknown[] }>('previewImport', {
      name: 'big.csv',
      uploadId,
    });
    expect(p).toMatchObject({ streamed: true, features: null, columns: { lng: '经度', lat: '纬度', name: '名称' } });
    expect(p.sample).toHaveLength(20);
    const { jobId } = await okSmall<{ jobId: string }>('startImport', {
      name: 'big.csv',
      uploadId,
      layerName: 'big',
      role: 'reference',
      crs: 'wgs84',
    });
    const job = await finish(jobId);
    expect(job).toMatchObject({ status: 'done', summary: { features: 12_000 } });
    expect(count(`SELECT count(*) FROM user_features WHERE layer_id = '${job.summary?.layerId}'`)).toBe(12_000);
    expect(uploads()).toEqual([]);
  });

  it('streams a GeoJSON FeatureCollection feature by feature, keeping attributes', async () => {
    const uploadId = await stage('many.geojson', geojson(3000));
    expect(await okSmall('previewImport', { name: 'many.geojson', uploadId })).toMatchObject({
      streamed: true,
      features: 3000,
      fields: ['名称'],
      problems: [],
    });
    const { jobId } = await okSmall<{ jobId: string }>('startImport', {
      name: 'many.geojson',
      uploadId,
      layerName: 'many',
      role: 'candidates',
      crs: 'wgs84',
    });
    const job = await finish(jobId);
    expect(job).toMatchObject({ status: 'done', summary: { features: 3000, geometry: 'point' } });
    const first = small.userDb
      .prepare('SELECT geometry, properties FROM user_features WHERE layer_id = ? ORDER BY rowid LIMIT 1')
      .get(job.summary?.layerId) as { geometry: string; properties: string };
    expect(JSON.parse(first.properties)).toEqual({ 名称: 'g0' });
    expect(JSON.parse(first.geometry)).toEqual({ type: 'Point', coordinates: [111, 27] });
  });

  it('a bad feature deep in a streamed file fails the job naming it, and nothing is written', async () => {
    const before = [count('SELECT count(*) FROM user_layers'), count('SELECT count(*) FROM user_features')];
    const bad = ',{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[181,27]}}';
    const uploadId = await stage('bad.geojson', geojson(6000, bad));
    const { jobId } = await okSmall<{ jobId: string }>('startImport', {
      name: 'bad.geojson',
      uploadId,
      layerName: 'bad',
      role: 'reference',
      crs: 'wgs84',
    });
    const job = await finish(jobId);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^feature 6001: longitude 181 is outside -180…180|^feature 6001: .*181/);
    expect([count('SELECT count(*) FROM user_layers'), count('SELECT count(*) FROM user_features')]).toEqual(before);
    // Kept for another try after a failure, until the dialog discards it.
    expect(uploads()).toHaveLength(1);
    await okSmall('discardUpload', { uploadId });

    const truncated = await stage('cut.geojson', geojson(2000).subarray(0, 50_000));
    const cut = await finish(
      (
        await okSmall<{ jobId: string }>('startImport', {
          name: 'cut.geojson',
          uploadId: truncated,
          layerName: 'cut',
          role: 'reference',
          crs: 'wgs84',
        })
      ).jobId,
    );
    expect(cut).toMatchObject({ status: 'failed', error: expect.stringMatching(/ends in the middle of the JSON \(truncated\?\)/) });
    expect([count('SELECT count(*) FROM user_layers'), count('SELECT count(*) FROM user_features')]).toEqual(before);
  });

  it('cancelling a streamed import rolls it back', async () => {
    const before = count('SELECT count(*) FROM user_features');
    const uploadId = await stage('cancel.csv', csv(60_000), 1024 * 1024);
    const { jobId } = await okSmall<{ jobId: string }>('startImport', {
      name: 'cancel.csv',
      uploadId,
      layerName: 'cancel',
      role: 'reference',
      crs: 'wgs84',
    });
    expect(await okSmall('cancelImport', { jobId })).toEqual({ cancelled: true });
    expect((await finish(jobId)).status).toBe('cancelled');
    expect(count('SELECT count(*) FROM user_features')).toBe(before);
    expect(count("SELECT count(*) FROM user_layers WHERE name = 'cancel'")).toBe(0);
  });

  it('refuses other writes while an import is written, so a cancel cannot drop them', async () => {
    const uploadId = await stage('during.csv', csv(60_000), 1024 * 1024);
    const { jobId } = await okSmall<{ jobId: string }>('startImport', {
      name: 'during.csv',
      uploadId,
      layerName: 'during',
      role: 'reference',
      crs: 'wgs84',
    });
    expect(await call('addCandidateSite', { name: '导入中添加', position: [112.6, 26.9] })).toMatchObject({
      ok: false,
      // Issue 12: the lock answers BUSY (it answered BAD_ARGUMENT before).
      error: { code: 'BUSY', message: expect.stringMatching(/an import is being written/) },
    });
    expect(await call('updateSettings', { language: 'en' })).toMatchObject({ ok: false });
    await okSmall('cancelImport', { jobId });
    expect((await finish(jobId)).status).toBe('cancelled');
    const site = await okSmall<{ id: string }>('addCandidateSite', { name: '导入后添加', position: [112.6, 26.9] });
    expect(count(`SELECT count(*) FROM candidate_sites WHERE id = '${site.id}'`)).toBe(1);
  });
});
