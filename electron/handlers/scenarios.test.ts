import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
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
async function stage(b: ReturnType<typeof tempBackend>, name: string, bytes: Buffer): Promise<string> {
  const { uploadId } = await ok<{ uploadId: string }>('beginUpload', { name, size: bytes.length }, b);
  for (let offset = 0; offset < bytes.length; offset += 4 * 1024 * 1024)
    await ok('uploadChunk', { uploadId, offset, dataBase64: bytes.subarray(offset, offset + 4 * 1024 * 1024).toString('base64') }, b);
  return uploadId;
}
const ranks = (r: { candidates: { id: string; rank: number | null }[] }) => r.candidates.map((c) => [c.id, c.rank]);

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

describe('Excel report', () => {
  it('holds the ranking, every raw value, the comparison, the assumptions and every source, in the chosen language', async () => {
    const [equipment] = await presets();
    const payload = {
      profile: equipment?.profile,
      compare: { ids: ['park-hengyang-htz', 'park-chenzhou-zixing', 'park-huaihua-htz'], own: 'park-chenzhou-zixing' },
    };
    const labels = {
      'sheet.ranking': 'Ranking',
      'sheet.criteria': 'Criteria',
      'sheet.comparison': 'Comparison',
      'sheet.assumptions': 'Assumptions',
      'sheet.sources': 'Sources',
      'col.rank': 'Rank',
      'criteria.t-interchange': 'Time to an interchange',
    };
    const file = await ok<{ fileName: string; mime: string; dataBase64: string }>('exportReport', {
      payload,
      language: 'en',
      labels,
      fileName: 'equipment',
    });
    expect(file.fileName).toBe('equipment.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ranking', 'Criteria', 'Comparison', 'Assumptions', 'Sources']);
    const ranking = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile: equipment?.profile, monteCarloSamples: 0 }));
    const sheet = wb.getWorksheet('Ranking') as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(1).value).toBe('Rank');
    const first = sheet.getRow(2);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(3).value]).toEqual([
      1,
      ranking.candidates[0]?.name_en,
      Math.round((ranking.candidates[0]?.total as number) * 10) / 10,
    ]);
    expect(sheet.rowCount).toBe(ranking.candidates.length + 1);
    const criteria = wb.getWorksheet('Criteria') as ExcelJS.Worksheet;
    const interchange = criteria.getRows(2, criteria.rowCount - 1)?.find((r) => r.getCell(3).value === 'Time to an interchange');
    expect(interchange?.getCell(4).value).toBe(ranking.candidates[0]?.criteria.find((c) => c.id === 't-interchange')?.raw);
    const comparison = wb.getWorksheet('Comparison') as ExcelJS.Worksheet;
    const compared = CONTRACT.compareParks.result.parse(
      await ok('compareParks', { profile: equipment?.profile, ids: payload.compare.ids, own: payload.compare.own }),
    );
    expect([3, 4, 5].map((i) => comparison.getRow(1).getCell(i).value)).toEqual(compared.parks.map((p) => p.name_en));
    expect([3, 4, 5].map((i) => comparison.getRow(2).getCell(i).value)).toEqual(compared.parks.map((p) => `${p.rank} / ${compared.of}`));
    const sources = wb.getWorksheet('Sources') as ExcelJS.Worksheet;
    expect(sources.rowCount).toBeGreaterThan(150);
    const park = sources
      .getRows(2, sources.rowCount - 1)
      ?.find((r) => String(r.getCell(2).value).includes('Hengyang') && r.getCell(4).value);
    expect(String(park?.getCell(3).value)).toMatch(/http|\./);
  });
});

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
