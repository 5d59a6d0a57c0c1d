/**
 * Reports anyone can verify, and the method self-test: the stamp a printed page shows
 * (reportStamp), recomputing a report file from the scenario it carries and naming the cause of
 * any difference (verifyReport: XLSX, PDF, or a seal saved as JSON), and the published worked
 * examples run by the app's own code (methodSelfTest).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { brochureLedger, reportLedger, runSelfTest } from '../../geo/index.ts';
import type { ReportSeal, SelfTestResult, Stamp, StampArgs, VerifyResult } from '../contract/api.ts';
import { UserInputError } from '../errors.ts';
import { VERIFICATION_SHEET_KEY } from '../reports/excel.ts';
import { parseSeal, pdfSeal, SealError, sealPdf as attachSeal, workbookSeal } from '../reports/seal.ts';
import { printedHash } from '../reports/stamp.ts';
import { compareLedgers, compareWorkbooks, verdict } from '../reports/verify.ts';
import type { Context, Handlers } from './context.ts';
import { travelTimes } from './network.ts';
import { choiceOf, reportFile } from './scenarios.ts';
import { compareParks, scoreSites } from './scoring.ts';
import { currentStamp } from './stamp-inputs.ts';

function reportStamp(ctx: Context, subject: StampArgs): Stamp {
  return currentStamp(ctx, subject);
}

/** The numbers a sealed page shows, recomputed today. */
function ledgerToday(ctx: Context, seal: ReportSeal): Record<string, number | null> {
  const s = seal.subject;
  if (s.kind === 'brochure') {
    const ranking = scoreSites(ctx, { profile: s.brochure.profile, method: 'wsm', monteCarloSamples: 0 });
    const times = s.brochure.parks.map((id) => {
      const c = ranking.candidates.find((x) => x.id === id);
      return c ? travelTimes(ctx, { from: c.position }) : null;
    });
    return brochureLedger(ranking, s.brochure.parks, times);
  }
  if (s.kind !== 'pdf-report') throw new UserInputError('a workbook is verified by its cells, not a ledger');
  const p = s.report.payload;
  const ranking = scoreSites(ctx, { ...choiceOf(p), monteCarloSamples: s.monteCarloSamples });
  const comparison =
    p.compare && p.compare.ids.length >= 2 ? compareParks(ctx, { ...choiceOf(p), ids: p.compare.ids, own: p.compare.own }) : null;
  return reportLedger(ranking, comparison);
}

async function verifyWorkbook(ctx: Context, name: string, bytes: Uint8Array): Promise<VerifyResult> {
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(bytes as never);
  const seal = workbookSeal(file);
  if (seal.subject.kind !== 'excel') throw new SealError(`the workbook's scenario is for a ${seal.subject.kind}, not a workbook`);
  const args = seal.subject.report;
  const today = await reportFile(ctx, args);
  const recomputed = new ExcelJS.Workbook();
  await recomputed.xlsx.load(today.bytes as never);
  const stampSheet = args.labels[VERIFICATION_SHEET_KEY] ?? VERIFICATION_SHEET_KEY;
  const compared = compareWorkbooks(file, recomputed, [stampSheet]);
  // The hash printed on the visible sheet is the one the seal carries.
  const shown = file.getWorksheet(stampSheet)?.getRow(2).getCell(2).value;
  compared.compared++;
  if (shown !== printedHash(seal.stamp.hash))
    compared.differences.unshift({
      where: `${stampSheet}!B2`,
      found: shown === undefined || shown === null ? null : String(shown),
      expected: printedHash(seal.stamp.hash),
    });
  return verdict(name, seal, today.stamp, compared);
}

function verifyLedger(ctx: Context, name: string, seal: ReportSeal): VerifyResult {
  if (!seal.ledger) throw new SealError("the report's scenario carries no numbers to compare");
  const today = currentStamp(ctx, seal.subject);
  return verdict(name, seal, today, compareLedgers(seal.ledger, ledgerToday(ctx, seal)));
}

/** @throws UserInputError when the file is not a report this app made, naming why */
async function verifyReport(ctx: Context, { uploadId }: { uploadId: string }): Promise<VerifyResult> {
  const staged = ctx.uploads.complete(uploadId);
  try {
    const bytes = new Uint8Array(readFileSync(staged.path));
    const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
    try {
      if (head.startsWith('PK')) return await verifyWorkbook(ctx, staged.name, bytes);
      if (head.startsWith('%PDF')) return verifyLedger(ctx, staged.name, await pdfSeal(bytes));
      if (head.trimStart().startsWith('{')) return verifyLedger(ctx, staged.name, parseSeal(new TextDecoder().decode(bytes), staged.name));
    } catch (error) {
      if (error instanceof SealError) throw new UserInputError(`${staged.name}: ${error.message}`);
      throw error;
    }
    throw new UserInputError(`${staged.name} is not a report this app exports (an .xlsx workbook, a .pdf or a report's .json scenario)`);
  } finally {
    ctx.uploads.discard(uploadId);
  }
}

function methodSelfTest(ctx: Context, { examples }: { examples?: Record<string, unknown> | undefined }): SelfTestResult {
  const t0 = performance.now();
  const r = runSelfTest(examples ?? ctx.reference.methodExamples);
  return { ...r, ms: Math.round(performance.now() - t0) };
}

async function sealPdf(_ctx: Context, { pdfBase64, seal }: { pdfBase64: string; seal: ReportSeal }) {
  try {
    return { dataBase64: Buffer.from(await attachSeal(Buffer.from(pdfBase64, 'base64'), seal)).toString('base64') };
  } catch (error) {
    throw new UserInputError(`not a PDF that can carry a scenario: ${(error as Error).message}`);
  }
}

export const verifyHandlers = { reportStamp, verifyReport, methodSelfTest, sealPdf } satisfies Handlers<
  'reportStamp' | 'verifyReport' | 'methodSelfTest' | 'sealPdf'
>;
