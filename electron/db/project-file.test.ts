import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT, type Profile } from '../contract/api.ts';
import { openBackend } from '../backend.ts';
import { appPaths } from '../node/paths.ts';
import { callOk, REPO_ROOT, tempBackend, tempDir } from '../testing/temp-backend.ts';
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

describe('what a project file leaves out, and where it is written (issue 13 item 13)', () => {
  it('carries no presentation PIN hash, agent contact or local basemap path, not even in freed pages', async () => {
    const b = tempBackend();
    const tmp = tempDir('siteselect-tmpdir-');
    const savedTmp = process.env['TMPDIR'];
    try {
      await ok(
        'updateSettings',
        {
          presentationPin: '4321',
          agent: { name: '王经理', organisation: '招商局', phone: '+86 731 8888 0000', email: 'wang@example.cn' },
        },
        b,
      );
      b.userDb
        .prepare(
          "INSERT INTO basemap_packs (id, name, path, container, tile_type, format, minzoom, maxzoom) VALUES ('pack-x', 'x', ?, 'mbtiles', 'raster', 'png', 0, 5)",
        )
        .run('/home/agent/secret-folder/basemap.mbtiles');
      const hash = String(b.userDb.prepare("SELECT value FROM settings WHERE key = 'presentationPinHash'").pluck().get());
      await ok('addCandidateSite', { name: '共享的地块', position: [111.6, 26.4] }, b);
      // Nothing may be written to the system's temporary folder on the way.
      process.env['TMPDIR'] = tmp.dir;
      const file = await ok<{ dataBase64: string }>('exportProject', {}, b);
      expect(readdirSync(tmp.dir)).toEqual([]);
      expect(readdirSync(join(b.dataDir, 'exports'))).toEqual([]);
      const bytes = Buffer.from(file.dataBase64, 'base64');
      for (const secret of [JSON.parse(hash) as string, '王经理', '+86 731 8888 0000', 'wang@example.cn', 'secret-folder'])
        expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
      const copy = join(work.dir, 'shared.xnsite');
      writeFileSync(copy, bytes);
      const db = new Database(copy, { readonly: true });
      try {
        expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
        expect(db.prepare('SELECT count(*) FROM basemap_packs').pluck().get()).toBe(0);
        expect(db.prepare('SELECT name FROM candidate_sites').pluck().all()).toEqual(['共享的地块']);
      } finally {
        db.close();
      }
    } finally {
      if (savedTmp === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = savedTmp;
      tmp.remove();
      b.dispose();
    }
  });

  it('a copy a crash left in the exports folder is removed at the next start; one being written is kept', () => {
    const dir = tempDir('siteselect-leftover-');
    try {
      const exportsDir = join(dir.dir, 'exports');
      mkdirSync(exportsDir, { recursive: true });
      const [old, fresh] = [join(exportsDir, 'project-old.xnsite.part'), join(exportsDir, 'project-new.xnsite.part')];
      writeFileSync(old, 'a full copy of the user database');
      writeFileSync(fresh, 'another instance is exporting');
      const twoHoursAgo = (Date.now() - 2 * 3600 * 1000) / 1000;
      utimesSync(old, twoHoursAgo, twoHoursAgo);
      const b = openBackend({ paths: appPaths(REPO_ROOT), dataDir: dir.dir, edition: 'web' });
      b.close();
      expect([existsSync(old), existsSync(fresh)]).toEqual([false, true]);
    } finally {
      dir.remove();
    }
  });
});
