import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT, type Profile } from '../contract/api.ts';
import { callOk, tempBackend, tempDir } from '../testing/temp-backend.ts';
import { dispatch } from '../handlers/index.ts';

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
async function stage(b: ReturnType<typeof tempBackend>, name: string, bytes: Buffer): Promise<string> {
  const { uploadId } = await ok<{ uploadId: string }>('beginUpload', { name, size: bytes.length }, b);
  for (let offset = 0; offset < bytes.length; offset += 4 * 1024 * 1024)
    await ok('uploadChunk', { uploadId, offset, dataBase64: bytes.subarray(offset, offset + 4 * 1024 * 1024).toString('base64') }, b);
  return uploadId;
}
const ranks = (r: { candidates: { id: string; rank: number | null }[] }) => r.candidates.map((c) => [c.id, c.rank]);

describe('project files', () => {
  it('save a project to one file and open it elsewhere with the same ranking', async () => {
    const [equipment] = await presets();
    await ok('addCandidateSite', { name: '带走的地块', position: [111.6, 26.4] });
    const scenario = await ok<Scenario>('saveScenario', { name: '交给同事', payload: { profile: equipment?.profile, method: 'wsm' } });
    const before = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile: equipment?.profile, monteCarloSamples: 0 }));
    const file = await ok<{ fileName: string; dataBase64: string }>('exportProject', {});
    expect(file.fileName).toMatch(/\.xnsite$/);

    const colleague = tempBackend();
    try {
      const uploadId = await stage(colleague, file.fileName, Buffer.from(file.dataBase64, 'base64'));
      const counts = await ok<{ scenarios: number; sites: number }>('importProject', { uploadId }, colleague);
      expect(counts.sites).toBeGreaterThanOrEqual(1);
      const list = await ok<Scenario[]>('listScenarios', {}, colleague);
      const opened = await ok<Scenario>('openScenario', { id: list.find((s) => s.name === '交给同事')?.id }, colleague);
      expect(opened.payload.profile).toEqual(scenario.payload.profile);
      const after = CONTRACT.scoreSites.result.parse(
        await ok('scoreSites', { profile: opened.payload.profile, method: 'wsm', monteCarloSamples: 0 }, colleague),
      );
      expect(ranks(after)).toEqual(ranks(before));
    } finally {
      colleague.dispose();
    }
  });

  it('refuses a file that is not a project of this app, and changes nothing', async () => {
    const scenarios = (await ok<Scenario[]>('listScenarios', {})).length;
    const junk = await stage(backend, 'junk.xnsite', Buffer.from('this is not sqlite at all, just text'.repeat(20)));
    expect(await dispatch(backend.api, 'importProject', { uploadId: junk })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/not a project file \(not an SQLite database/) },
    });
    const other = join(work.dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const foreign = await stage(backend, 'other.xnsite', readFileSync(other));
    expect(await dispatch(backend.api, 'importProject', { uploadId: foreign })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not a project file of this app/) },
    });
    expect((await ok<Scenario[]>('listScenarios', {})).length).toBe(scenarios);
  });
});
