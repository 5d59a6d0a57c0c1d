/**
 * Issue 13 items 4 and 5: a corpus of hostile and broken project files, each merged through the
 * API. A refused file names its problem and leaves the database exactly as it was; a merged one
 * leaves a project that still lists, ranks and exports.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../electron/handlers/index.ts';
import { callOk, tempBackend, tempDir } from '../electron/testing/temp-backend.ts';
import { userTablesHash } from './helpers/db-hash.ts';
import { PROJECT_CORPUS } from './helpers/project-corpus.ts';

const source = tempBackend();
const target = tempBackend();
const work = tempDir('siteselect-corpus-');
afterAll(() => {
  source.dispose();
  target.dispose();
  work.remove();
});

let good = '';
let parkId = '';
let profile: unknown;
beforeAll(async () => {
  const presets = await callOk<{ profile: unknown }[]>(source, 'profilePresets', {});
  profile = presets[0]?.profile;
  await callOk(source, 'addCandidateSite', { name: '带走的地块', position: [111.6, 26.4] });
  await callOk(source, 'saveScenario', { name: '交给同事', payload: { profile, method: 'wsm' } });
  const csv = Buffer.from('名称,经度,纬度\n甲,112.6,26.9\n乙,112.7,26.8\n').toString('base64');
  const { jobId } = await callOk<{ jobId: string }>(source, 'startImport', {
    name: 'a.csv',
    dataBase64: csv,
    layerName: '候选',
    role: 'candidates',
    crs: 'wgs84',
  });
  await source.context.jobs.finished(jobId);
  const file = await callOk<{ dataBase64: string }>(source, 'exportProject', {});
  good = join(work.dir, 'good.xnsite');
  writeFileSync(good, Buffer.from(file.dataBase64, 'base64'));
  parkId = String(source.reference.layers.get('parks')?.collection.features[0]?.properties.id);
});

async function merge(bytes: Buffer, name: string) {
  const { uploadId } = await callOk<{ uploadId: string }>(target, 'beginUpload', { name, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += 4 * 1024 * 1024)
    await callOk(target, 'uploadChunk', {
      uploadId,
      offset,
      dataBase64: bytes.subarray(offset, offset + 4 * 1024 * 1024).toString('base64'),
    });
  return dispatch(target.api, 'importProject', { uploadId });
}

function build(entry: (typeof PROJECT_CORPUS)[number]): Buffer {
  if (entry.bytes) return entry.bytes(readFileSync(good));
  const file = join(work.dir, `${entry.name}.xnsite`);
  copyFileSync(good, file);
  const db = new Database(file);
  try {
    // A hostile file need not keep this app's CHECK constraints.
    db.pragma('ignore_check_constraints = ON');
    db.pragma('foreign_keys = OFF');
    entry.make?.(db, { parkId });
  } finally {
    db.close();
  }
  return readFileSync(file);
}

describe('hostile project files', () => {
  it('the corpus holds at least 25 files, each with its expected answer', () => {
    expect(PROJECT_CORPUS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(PROJECT_CORPUS.map((e) => e.name)).size).toBe(PROJECT_CORPUS.length);
  });

  it('the good file merges', async () => {
    expect(await merge(readFileSync(good), 'good.xnsite')).toMatchObject({ ok: true, result: { sites: 1, scenarios: 1, layers: 1 } });
  });

  const refused = PROJECT_CORPUS.filter((e) => e.expect !== 'merged');
  it.each(refused.map((e) => [e.name, e] as const))('%s is refused, named, and changes nothing', async (name, entry) => {
    const before = userTablesHash(target.userDb);
    const res = await merge(build(entry), `${name}.xnsite`);
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(entry.expect as RegExp) } });
    expect(userTablesHash(target.userDb)).toBe(before);
    // The project still opens in every view.
    for (const method of ['listLayers', 'listScenarios', 'listCandidateSites', 'listTours', 'appInfo'])
      expect((await dispatch(target.api, method, {})).ok).toBe(true);
  });

  it('a layer with the id "parks" is merged under a new id; the zone\'s parks stay the zone\'s', async () => {
    const entry = PROJECT_CORPUS.find((e) => e.name === 'layer-named-parks');
    if (!entry) throw new Error('missing corpus entry');
    expect(await merge(build(entry), 'parks.xnsite')).toMatchObject({ ok: true, result: { layers: 1 } });
    const layers = await callOk<{ id: string; kind: string }[]>(target, 'listLayers', {});
    expect(layers.filter((l) => l.id === 'parks').map((l) => l.kind)).toEqual(['reference']);
    const parks = await callOk<{ features: unknown[] }>(target, 'getLayer', { id: 'parks' });
    expect(parks.features.length).toBe(source.reference.layers.get('parks')?.collection.features.length);
  });

  it("a site with a zone park's id is merged under a new id, and the scenario that names it follows", async () => {
    const entry = PROJECT_CORPUS.find((e) => e.name === 'site-with-park-id');
    if (!entry) throw new Error('missing corpus entry');
    expect(await merge(build(entry), 'park-id.xnsite')).toMatchObject({ ok: true, result: { sites: 1, scenarios: 1 } });
    const sites = await callOk<{ id: string; name: string }[]>(target, 'listCandidateSites', {});
    expect(sites.map((s) => s.id)).not.toContain(parkId);
    const scenarios = await callOk<{ payload: { sites: { id: string }[] } }[]>(target, 'listScenarios', {});
    const snapshotIds = scenarios.flatMap((s) => s.payload.sites.map((x) => x.id));
    expect(snapshotIds).not.toContain(parkId);
    expect(snapshotIds.every((id) => sites.some((s) => s.id === id))).toBe(true);
    const ranking = await callOk<{ candidates: { id: string; kind: string }[] }>(target, 'scoreSites', { profile, monteCarloSamples: 0 });
    expect(ranking.candidates.filter((c) => c.id === parkId).map((c) => c.kind)).toEqual(['park']);
  });
});
