/**
 * Verifying a report: the numbers it carries against the numbers recomputed from its scenario
 * today, and — when they differ — why: each part of the stamp (data versions, network, app and
 * method versions) compared with today's. A difference with every part unchanged means the file's
 * numbers were edited; a stamp whose own fields no longer give its hash was edited too.
 */
import type ExcelJS from 'exceljs';
import type { ReportSeal, Stamp, VerifyResult } from '../contract/api.ts';
import { SEAL_SHEET } from './seal.ts';
import { stampHash } from './stamp.ts';

type Cause = VerifyResult['causes'][number];
type Difference = VerifyResult['differences'][number];

/** Differences listed in full; the rest are counted. */
export const LISTED_DIFFERENCES = 50;

/** A cell's value as a number or text (formulas by their result, rich text by its text). */
function cellValue(v: ExcelJS.CellValue): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return cellValue(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return JSON.stringify(v);
}

/**
 * Every cell of every sheet but the seal and the stamp's, compared by position.
 * @param skip - sheet names not compared (the stamp's sheet: its changes are causes, not numbers)
 */
export function compareWorkbooks(
  file: ExcelJS.Workbook,
  recomputed: ExcelJS.Workbook,
  skip: readonly string[],
): { compared: number; differences: Difference[] } {
  const differences: Difference[] = [];
  let compared = 0;
  const ignored = new Set([SEAL_SHEET, ...skip]);
  const names = new Set([...file.worksheets, ...recomputed.worksheets].map((w) => w.name).filter((n) => !ignored.has(n)));
  for (const name of names) {
    const a = file.getWorksheet(name);
    const b = recomputed.getWorksheet(name);
    if (!a || !b) {
      differences.push({ where: `sheet ${name}`, found: a ? name : null, expected: b ? name : null });
      continue;
    }
    const rows = Math.max(a.rowCount, b.rowCount);
    for (let r = 1; r <= rows; r++) {
      const ra = a.getRow(r);
      const rb = b.getRow(r);
      const cols = Math.max(ra.cellCount, rb.cellCount);
      for (let c = 1; c <= cols; c++) {
        const va = cellValue(ra.getCell(c).value);
        const vb = cellValue(rb.getCell(c).value);
        if (va === null && vb === null) continue;
        compared++;
        if (va !== vb) differences.push({ where: `${name}!${ra.getCell(c).address}`, found: va, expected: vb });
      }
    }
  }
  return { compared, differences };
}

/** Each number of a ledger against today's. */
export function compareLedgers(
  file: Readonly<Record<string, number | null>>,
  recomputed: Readonly<Record<string, number | null>>,
): { compared: number; differences: Difference[] } {
  const differences: Difference[] = [];
  const keys = new Set([...Object.keys(file), ...Object.keys(recomputed)]);
  for (const k of keys) {
    const a = Object.hasOwn(file, k) ? (file[k] ?? null) : null;
    const b = Object.hasOwn(recomputed, k) ? (recomputed[k] ?? null) : null;
    if (a !== b) differences.push({ where: k, found: a, expected: b });
  }
  return { compared: keys.size, differences };
}

const label = (d: { as_of: string | null; hash: string }) => `${d.as_of ?? '—'} (${d.hash.slice(0, 8)})`;

/** Why a report's numbers may differ today: every part of its stamp that is not today's. */
export function causesOf(seal: ReportSeal, today: Stamp): Cause[] {
  const causes: Cause[] = [];
  const was = seal.stamp;
  if (stampHash(was) !== was.hash)
    causes.push({
      kind: 'scenario',
      id: 'stamp',
      was: was.hash,
      now: stampHash(was),
      message_zh: '报告内嵌的情景或指纹被改动过：其内容与打印的指纹不符',
      message_en: 'the scenario or stamp embedded in the report was altered: its contents no longer give the printed hash',
    });
  if (was.inputs !== today.inputs)
    causes.push({
      kind: 'scenario',
      id: 'inputs',
      was: was.inputs.slice(0, 12),
      now: today.inputs.slice(0, 12),
      message_zh: '报告内嵌的选择（画像、方法、权重）与其指纹不符：情景被改动过',
      message_en: 'the choices embedded in the report (profile, method, weights) do not give its inputs hash: the scenario was altered',
    });
  if (was.appVersion !== today.appVersion)
    causes.push({
      kind: 'app',
      id: 'app',
      was: was.appVersion,
      now: today.appVersion,
      message_zh: `软件版本已变：${was.appVersion} → ${today.appVersion}`,
      message_en: `the app version changed: ${was.appVersion} → ${today.appVersion}`,
    });
  for (const [id, v] of Object.entries(was.methodVersions))
    if (today.methodVersions[id] !== v)
      causes.push({
        kind: 'method',
        id,
        was: v,
        now: today.methodVersions[id] ?? null,
        message_zh: `方法版本已变：${v} → ${today.methodVersions[id] ?? '无'}`,
        message_en: `a method version changed: ${v} → ${today.methodVersions[id] ?? 'none'}`,
      });
  if (was.network.kind !== today.network.kind || was.network.hash !== today.network.hash)
    causes.push({
      kind: 'network',
      id: 'network',
      was: `${was.network.kind} ${label(was.network)}`,
      now: `${today.network.kind} ${label(today.network)}`,
      message_zh: `路网已变：${was.network.kind}（${was.network.as_of ?? '日期不详'}）→ ${today.network.kind}（${today.network.as_of ?? '日期不详'}）`,
      message_en: `the network changed: ${was.network.kind} (as of ${was.network.as_of ?? 'unknown'}) → ${today.network.kind} (as of ${today.network.as_of ?? 'unknown'})`,
    });
  // Stamps made before the year was stamped carry none: nothing to compare then. (A new name comes with a new data hash.)
  const yearOf = (n: Stamp['network']) => (n.year === undefined || n.year === null ? null : n.year);
  if (was.network.year !== undefined && yearOf(was.network) !== yearOf(today.network))
    causes.push({
      kind: 'network',
      id: 'network-year',
      was: String(yearOf(was.network) ?? '—'),
      now: String(yearOf(today.network) ?? '—'),
      message_zh: `情景年份已变：${yearOf(was.network) ?? '按数据现状'} → ${yearOf(today.network) ?? '按数据现状'}`,
      message_en: `the scenario year changed: ${yearOf(was.network) ?? 'as the data stands'} → ${yearOf(today.network) ?? 'as the data stands'}`,
    });
  const now = new Map(today.data.map((d) => [d.id, d]));
  for (const d of was.data) {
    const t = now.get(d.id);
    if (!t)
      causes.push({
        kind: 'data',
        id: d.id,
        was: label(d),
        now: null,
        message_zh: `数据 ${d.id} 已不存在`,
        message_en: `the data ${d.id} is gone`,
      });
    else if (t.hash !== d.hash)
      causes.push({
        kind: 'data',
        id: d.id,
        was: label(d),
        now: label(t),
        message_zh: `数据已变：${d.id}（截至 ${d.as_of ?? '不详'} → ${t.as_of ?? '不详'}）`,
        message_en: `the data changed: ${d.id} (as of ${d.as_of ?? 'unknown'} → ${t.as_of ?? 'unknown'})`,
      });
  }
  const before = new Set(was.data.map((d) => d.id));
  for (const t of today.data)
    if (!before.has(t.id))
      causes.push({
        kind: 'data',
        id: t.id,
        was: null,
        now: label(t),
        message_zh: `新增数据：${t.id}`,
        message_en: `data added since: ${t.id}`,
      });
  return causes;
}

/** The verdict: the differences (first {@link LISTED_DIFFERENCES}), their causes, and whether all is the same. */
export function verdict(
  file: string,
  seal: ReportSeal,
  today: Stamp,
  compared: { compared: number; differences: Difference[] },
): VerifyResult {
  const causes = causesOf(seal, today);
  if (compared.differences.length > 0 && causes.length === 0)
    causes.push({
      kind: 'edited',
      id: 'numbers',
      was: null,
      now: null,
      message_zh: '输入与软件均未变，但文件中的数字与重算结果不同：文件中的数字被改动过',
      message_en:
        "nothing the report was computed from has changed, yet its numbers differ from the recomputed ones: the file's numbers were edited",
    });
  return {
    file,
    kind: seal.subject.kind,
    ok: compared.differences.length === 0 && causes.length === 0,
    printedHash: seal.stamp.hash,
    recomputedHash: today.hash,
    compared: compared.compared,
    differences: compared.differences.slice(0, LISTED_DIFFERENCES),
    differencesTotal: compared.differences.length,
    causes,
  };
}
