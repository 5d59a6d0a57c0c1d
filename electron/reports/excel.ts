/**
 * The Excel report: ranking, criteria with raw values, the comparison, assumptions, sources and the sources registry.
 * It formats results the handlers computed with the same functions as the screen; labels come
 * from the renderer's i18n (passed in the arguments), so the workbook reads like the screen.
 */
import ExcelJS from 'exceljs';
import { DEFAULT_ASSUMPTIONS, localName, localText } from '../../geo/index.ts';
import type {
  AgreementResult,
  CompareResult,
  CustomCriterionRecord,
  ExportReportArgs,
  RankingResult,
  ReportSeal,
} from '../contract/api.ts';
import { safeCell } from '../imports/export.ts';
import type { Reference } from '../reference/index.ts';
import { addSealSheet } from './seal.ts';
import { printedHash } from './stamp.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The name of the visible sheet with the stamp (the hash, versions, data versions). */
export const VERIFICATION_SHEET_KEY = 'sheet.verification';

/**
 * The Excel report: ranking, criteria with raw values, the comparison, assumptions and sources;
 * with a seal, also the stamp (a visible sheet) and the scenario (a hidden sheet) for `siteselect verify`.
 */
export async function reportWorkbook(
  args: ExportReportArgs,
  ranking: RankingResult,
  comparison: CompareResult | null,
  agreement: AgreementResult | null,
  reference: Pick<Reference, 'basemap' | 'layers' | 'sources'>,
  custom: readonly CustomCriterionRecord[] = [],
  seal?: ReportSeal,
): Promise<Uint8Array> {
  const L = (key: string) => args.labels[key] ?? key;
  const name = (c: { name_zh: string; name_en: string }) => localName(c, args.language);
  // The user's own criteria carry their names; the built-in ones are named by the renderer's labels.
  const customName = new Map(custom.map((c) => [`criteria.${c.id}`, name(c)]));
  const C = (id: string): string => customName.get(`criteria.${id}`) ?? L(`criteria.${id}`);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'xiangnan-siteselect';
  const header = (ws: ExcelJS.Worksheet, cells: string[]) => {
    ws.addRow(cells).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const row = (ws: ExcelJS.Worksheet, cells: unknown[]) => ws.addRow(cells.map(safeCell));

  const r1 = wb.addWorksheet(L('sheet.ranking'));
  header(r1, [L('col.rank'), L('col.site'), L('col.total'), L('col.kind'), L('col.exclusions')]);
  for (const c of ranking.candidates)
    row(r1, [
      c.rank,
      name(c),
      c.total === null ? null : Math.round(c.total * 10) / 10,
      c.kind === 'park' ? L('kind.park') : L('kind.custom'),
      c.exclusions.map((e) => localText(e, 'message', args.language)).join('; '),
    ]);
  r1.columns.forEach((col, i) => (col.width = [8, 36, 10, 12, 50][i] ?? 12));

  const r2 = wb.addWorksheet(L('sheet.criteria'));
  header(r2, [
    L('col.rank'),
    L('col.site'),
    L('col.criterion'),
    L('col.raw'),
    L('col.unit'),
    L('col.score'),
    L('col.weight'),
    L('col.contribution'),
  ]);
  for (const c of ranking.candidates) {
    for (const x of c.criteria)
      row(r2, [
        c.rank,
        name(c),
        C(x.id),
        x.raw,
        L(`unit.${x.unit}`),
        Math.round(x.score * 1000) / 1000,
        Math.round(x.weight * 10) / 10,
        x.contribution === null ? null : Math.round(x.contribution * 100) / 100,
      ]);
  }
  r2.columns.forEach((col, i) => (col.width = [8, 36, 28, 12, 10, 10, 10, 12][i] ?? 12));

  if (comparison) {
    const cmp = comparison;
    const r3 = wb.addWorksheet(L('sheet.comparison'));
    header(r3, [L('col.criterion'), L('col.unit'), ...cmp.parks.map(name)]);
    row(r3, [L('col.rank'), '', ...cmp.parks.map((x) => (x.rank === null ? null : `${x.rank} / ${cmp.of}`))]);
    row(r3, [L('col.total'), '', ...cmp.parks.map((x) => (x.total === null ? null : Math.round(x.total * 10) / 10))]);
    cmp.parks[0]?.criteria.forEach((crit, j) =>
      row(r3, [C(crit.id), L(`unit.${crit.unit}`), ...cmp.parks.map((x) => x.criteria[j]?.raw ?? null)]),
    );
    r3.addRow([]);
    row(r3, [L('col.preset'), '', ...cmp.parks.map(name)]).font = { bold: true };
    for (const pr of cmp.presets) row(r3, [localName(pr, args.language), '', ...cmp.parks.map((x) => pr.ranks[x.id] ?? null)]);
    if (cmp.moveUp?.above) {
      r3.addRow([]);
      row(r3, [L('col.moveUp'), '', name(cmp.moveUp.above)]).font = { bold: true };
      for (const s of cmp.moveUp.steps) row(r3, [C(s.criterion), L(`unit.${s.unit}`), s.from, s.to, s.change]);
    }
    r3.columns.forEach((col, i) => (col.width = i === 0 ? 28 : i === 1 ? 10 : 24));
  }

  if (agreement) {
    const ra = wb.addWorksheet(L('sheet.agreement'));
    header(ra, [L('col.method'), ...Array.from({ length: Math.min(5, agreement.candidates) }, (_, k) => `${L('col.rank')} ${k + 1}`)]);
    const nameOf = new Map(ranking.candidates.map((c) => [c.id, name(c)]));
    row(ra, [L('col.verdict'), localText(agreement.verdict, 'text', args.language)]).font = { bold: true };
    for (const m of agreement.methods) row(ra, [L(`method.${m.method}`), ...m.ranking.slice(0, 5).map((id) => nameOf.get(id) ?? id)]);
    row(ra, [L('col.borda'), ...agreement.borda.slice(0, 5).map((id) => nameOf.get(id) ?? id)]);
    row(ra, [L('col.copeland'), ...agreement.copeland.slice(0, 5).map((id) => nameOf.get(id) ?? id)]);
    ra.addRow([]);
    row(ra, [L('col.kendall'), ...agreement.methods.map((m) => L(`method.${m.method}`))]).font = { bold: true };
    agreement.methods.forEach((m, i) =>
      row(ra, [L(`method.${m.method}`), ...(agreement.tau[i] ?? []).map((t) => (t === null ? null : Math.round(t * 1000) / 1000))]),
    );
    ra.columns.forEach((col, i) => (col.width = i === 0 ? 22 : 30));
  }

  const r4 = wb.addWorksheet(L('sheet.assumptions'));
  header(r4, [L('col.item'), L('col.value')]);
  row(r4, [L('col.method'), L(`method.${ranking.method}`)]);
  // The network every travel time of the workbook comes from (issue 16: every report names it).
  const net = ranking.network;
  row(r4, [L('col.networkName'), localName(net, args.language)]);
  row(r4, [L('col.networkAsOf'), net.asOf ?? L('network.asOfUnknown')]);
  row(r4, [L('col.networkYear'), net.year ?? L('network.yearNow')]);
  for (const [id, w] of Object.entries(ranking.weights))
    if (w > 0) row(r4, [`${L('col.weight')}: ${C(id)}`, `${Math.round(w * 10) / 10} %`]);
  for (const [key, value] of Object.entries(DEFAULT_ASSUMPTIONS)) row(r4, [L(`assumptions.${key}`), value]);
  r4.columns.forEach((col, i) => (col.width = i === 0 ? 48 : 20));

  const r5 = wb.addWorksheet(L('sheet.sources'));
  header(r5, [L('col.layer'), L('col.feature'), L('col.source'), L('col.asOf'), L('col.precision')]);
  for (const s of reference.basemap.meta.sources)
    row(r5, [
      localName(s, args.language),
      '',
      localText(s, 'origin', args.language),
      s.as_of ?? localText(s, 'vintage', args.language),
      '',
    ]);
  // The user's own criteria that took part carry their own source and date (as in the PDF).
  for (const c of custom)
    if ((ranking.weights[c.id] ?? 0) > 0)
      row(r5, [L('col.ownCriterion'), `${name(c)}${c.unit ? ` (${c.unit})` : ''}`, c.source, c.as_of, '']);
  for (const layer of reference.layers.values()) {
    for (const f of layer.collection.features)
      row(r5, [name(layer), name(f.properties), f.properties['source'], f.properties['as_of'], f.properties['precision']]);
  }
  r5.columns.forEach((col, i) => (col.width = [18, 36, 80, 12, 12][i] ?? 12));

  // The sources registry every record's source_ids refer to, with the notices the licences require.
  const r6 = wb.addWorksheet(L('sheet.registry'));
  header(r6, [L('col.id'), L('col.title'), L('col.publisher'), L('col.date'), L('col.citation'), L('col.licence'), L('col.notice')]);
  for (const s of reference.sources) row(r6, [s.id, s.title, s.publisher, s.date, s.citation, s.licence, s.attribution]);
  r6.columns.forEach((col, i) => (col.width = [24, 48, 28, 12, 80, 28, 40][i] ?? 12));

  if (seal) {
    const st = seal.stamp;
    wb.subject = `siteselect inputs hash ${st.hash}`;
    wb.keywords = `siteselect:${st.hash}`;
    const r7 = wb.addWorksheet(L(VERIFICATION_SHEET_KEY));
    header(r7, [L('col.item'), L('col.value'), L('col.asOf')]);
    row(r7, [L('col.inputsHash'), printedHash(st.hash), '']);
    row(r7, [L('col.appVersion'), `${st.appName} ${st.appVersion}`, '']);
    row(r7, [L('col.methodVersions'), Object.values(st.methodVersions).join(', '), '']);
    const n = st.network;
    const named =
      n.name_zh !== undefined && n.name_en !== undefined ? localName({ name_zh: n.name_zh, name_en: n.name_en }, args.language) : n.kind;
    const year = n.year === undefined || n.year === null ? '' : ` · ${n.year}`;
    row(r7, [L('col.network'), `${named}${year} · ${n.hash.slice(0, 12)}`, n.as_of ?? '']);
    for (const d of st.data) row(r7, [`${L('col.data')}: ${d.id}`, d.hash.slice(0, 12), d.as_of ?? '']);
    row(r7, [L('col.verifyHow'), 'siteselect verify FILE.xlsx', '']);
    r7.columns.forEach((col, i) => (col.width = [40, 60, 14][i] ?? 12));
    addSealSheet(wb, seal);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
