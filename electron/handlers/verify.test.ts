/**
 * Reports anyone can verify, end to end through `siteselect verify`: a report exported by the app
 * verifies against the same project; a changed input (a site added to the project) is detected and
 * named as the cause; a number edited in the file is detected as an edit. And `siteselect selftest`
 * exits non-zero when a shipped example no longer matches.
 */
import ExcelJS from 'exceljs';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { brochureLedger, reportLedger } from '../../geo/index.ts';
import { openBackend } from '../backend.ts';
import { runCli } from '../cli/siteselect.ts';
import { CONTRACT, ExportReportArgs, type Profile, type ReportSeal, type Stamp, type VerifyResult } from '../contract/api.ts';
import { appPaths } from '../node/paths.ts';
import { REPO_ROOT, callOk, tempDir } from '../testing/temp-backend.ts';

const data = tempDir('siteselect-verify-');
const work = tempDir('siteselect-verify-files-');
afterAll(() => {
  data.remove();
  work.remove();
});

/** One backend on the shared data folder for the length of `fn` (the CLI opens its own after). */
async function withProject<T>(fn: (ok: <R>(method: string, args: unknown) => Promise<R>) => Promise<T>): Promise<T> {
  const b = openBackend({ paths: appPaths(REPO_ROOT), dataDir: data.dir, edition: 'cli' });
  try {
    return await fn((method, args) => callOk(b, method, args));
  } finally {
    b.close();
  }
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function verify(file: string): Promise<{ code: number; result: VerifyResult }> {
  const r = await cli(['verify', file, '--data-dir', data.dir, '--json']);
  if (r.err) throw new Error(r.err);
  return { code: r.code, result: CONTRACT.verifyReport.result.parse(JSON.parse(r.out)) };
}

const labels = { 'sheet.ranking': 'Ranking', 'sheet.verification': 'Verification', 'col.inputsHash': 'Inputs hash' };
let profile: Profile;
let xlsx: string;
let pdf: string;

describe('siteselect verify', () => {
  it('an exported workbook prints its hash and versions, carries its scenario hidden, and verifies', async () => {
    const stamp = await withProject(async (ok) => {
      const [equipment] = await ok<{ profile: Profile }[]>('profilePresets', {});
      profile = equipment!.profile;
      const file = await ok<{ dataBase64: string }>('exportReport', {
        payload: { profile, method: 'topsis', compare: { ids: ['park-hengyang-htz', 'park-chenzhou-zixing'] } },
        language: 'en',
        labels,
        fileName: 'equipment',
      });
      xlsx = join(work.dir, 'equipment.xlsx');
      writeFileSync(xlsx, Buffer.from(file.dataBase64, 'base64'));
      return ok<Stamp>('reportStamp', { kind: 'excel', report: { payload: { profile, method: 'topsis' }, language: 'en', labels } });
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as never);
    const shown = wb.getWorksheet('Verification')!;
    expect(shown.getRow(2).values).toEqual([undefined, 'Inputs hash', expect.stringMatching(/^[0-9a-f]{4}·[0-9a-f]{4}·[0-9a-f]{4}$/), '']);
    expect(shown.getRow(3).getCell(2).value).toBe(`${stamp.appName} ${stamp.appVersion}`);
    expect(wb.getWorksheet('siteselect-scenario')?.state).toBe('hidden');
    const { code, result } = await verify(xlsx);
    expect(result).toMatchObject({ ok: true, kind: 'excel', differencesTotal: 0, causes: [] });
    expect(result.printedHash).toBe(result.recomputedHash);
    expect(result.compared).toBeGreaterThan(500);
    expect(code).toBe(0);
  });

  it('a PDF report with its scenario attached verifies, and a number changed on it is named as an edit', async () => {
    const seal = await withProject(async (ok) => {
      const report = ExportReportArgs.parse({ payload: { profile }, language: 'zh', labels: {} });
      const stamp = await ok<Stamp>('reportStamp', { kind: 'pdf-report', report, monteCarloSamples: 0 });
      const ranking = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile, monteCarloSamples: 0 }));
      const seal: ReportSeal = {
        format: 'siteselect-report/1',
        subject: { kind: 'pdf-report', report, monteCarloSamples: 0 },
        stamp,
        ledger: reportLedger(ranking, null),
      };
      const page = await PDFDocument.create();
      page.addPage();
      const sealed = await ok<{ dataBase64: string }>('sealPdf', { pdfBase64: Buffer.from(await page.save()).toString('base64'), seal });
      pdf = join(work.dir, 'report.pdf');
      writeFileSync(pdf, Buffer.from(sealed.dataBase64, 'base64'));
      return seal;
    });
    const good = await verify(pdf);
    expect(good.result).toMatchObject({ ok: true, kind: 'pdf-report', causes: [] });
    expect(good.result.compared).toBe(Object.keys(seal.ledger!).length);
    // The same scenario saved as JSON with one printed total altered.
    const [key, value] = Object.entries(seal.ledger!).find(([, v]) => typeof v === 'number')!;
    const edited = join(work.dir, 'edited.json');
    writeFileSync(edited, JSON.stringify({ ...seal, ledger: { ...seal.ledger, [key]: (value as number) + 1 } }));
    const bad = await verify(edited);
    expect(bad.code).toBe(1);
    expect(bad.result.differences).toEqual([{ where: key, found: (value as number) + 1, expected: value }]);
    expect(bad.result.causes.map((c) => c.kind)).toEqual(['edited']);
  });

  it('a brochure’s scenario (its profile, parks and printed minutes) verifies, as the brochure page builds it', async () => {
    const seal = await withProject(async (ok) => {
      const ranking = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile, monteCarloSamples: 0 }));
      const top = ranking.candidates.filter((c) => c.rank !== null && c.kind === 'park').slice(0, 3);
      const times = await Promise.all(
        top.map((c) => ok<Parameters<typeof brochureLedger>[2][number]>('travelTimes', { from: c.position })),
      );
      const subject = { kind: 'brochure' as const, brochure: { profile, parks: top.map((c) => c.id) }, language: 'zh' as const };
      const ledger = brochureLedger(
        { candidates: top.map((c) => ({ id: c.id, rank: c.rank, total: null, criteria: [] })) },
        subject.brochure.parks,
        times,
      );
      return { format: 'siteselect-report/1', subject, stamp: await ok<Stamp>('reportStamp', subject), ledger } satisfies ReportSeal;
    });
    expect(Object.values(seal.ledger).filter((v) => typeof v === 'number').length).toBeGreaterThan(6);
    const file = join(work.dir, 'brochure.siteselect.json');
    writeFileSync(file, JSON.stringify(seal));
    const { code, result } = await verify(file);
    expect(result).toMatchObject({ ok: true, kind: 'brochure', causes: [] });
    expect(code).toBe(0);
  });

  it('a cell edited in the workbook is found, with nothing else changed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as never);
    const cell = wb.getWorksheet('Ranking')!.getRow(2).getCell(3);
    const before = cell.value as number;
    cell.value = before + 0.5;
    const edited = join(work.dir, 'edited.xlsx');
    writeFileSync(edited, new Uint8Array(await wb.xlsx.writeBuffer()));
    const { code, result } = await verify(edited);
    expect(code).toBe(1);
    expect(result.differences).toEqual([{ where: 'Ranking!C2', found: before + 0.5, expected: before }]);
    expect(result.causes.map((c) => [c.kind, c.id])).toEqual([['edited', 'numbers']]);
  });

  it('a changed input (a site added to the project) is detected, with the ranking cells it moves and its cause', async () => {
    await withProject((ok) => ok('addCandidateSite', { name: '新地块', position: [112.6, 26.85] }));
    const { code, result } = await verify(xlsx);
    expect(code).toBe(1);
    expect(result.ok).toBe(false);
    expect(result.printedHash).not.toBe(result.recomputedHash);
    expect(result.causes).toEqual([expect.objectContaining({ kind: 'data', id: 'sites', was: null })]);
    expect(result.differencesTotal).toBeGreaterThan(0);
    expect(result.differences.some((d) => d.where.startsWith('Ranking!'))).toBe(true);
    const text = await cli(['verify', xlsx, '--data-dir', data.dir]);
    expect(text.out).toMatch(/^DIFFERS {2}equipment\.xlsx \(excel\)/);
    expect(text.out).toMatch(/cause: data added since: sites/);
  });

  it('refuses a file that carries no scenario, naming why', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow([1]);
    const plain = join(work.dir, 'plain.xlsx');
    writeFileSync(plain, new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await cli(['verify', plain, '--data-dir', data.dir]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/plain\.xlsx: the workbook has no sheet "siteselect-scenario"/);
  });
});

describe('siteselect selftest', () => {
  it('passes on the shipped examples and exits 1, naming the number, when one no longer matches', async () => {
    const pass = await cli(['selftest', '--data-dir', data.dir]);
    expect(pass.err).toBe('');
    expect(pass.out).toMatch(/^all passed: \d+ numbers in \d+ examples/m);
    expect(pass.out).not.toMatch(/^FAIL/m);
    expect(pass.code).toBe(0);

    const dir = join(work.dir, 'examples');
    cpSync(join(REPO_ROOT, 'data', 'method-examples'), dir, { recursive: true });
    const file = join(dir, 'topsis-examples.json');
    const examples = JSON.parse(readFileSync(file, 'utf8')) as { published: { closeness: number[] } }[];
    examples[0]!.published.closeness[0] = 0.6;
    writeFileSync(file, JSON.stringify(examples));
    const fail = await cli(['selftest', '--examples', dir, '--data-dir', data.dir]);
    expect(fail.code).toBe(1);
    expect(fail.out).toMatch(/^FAIL {2}topsis/m);
    expect(fail.out).toMatch(/expected 0\.6, computed 0\.5037/);
    expect(fail.out).toMatch(/^1 failed: /m);
  });
});
