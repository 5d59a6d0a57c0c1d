/**
 * Scenarios (a named profile, method, weights, compared parks and notes, with a snapshot of the
 * user's own sites), their comparison, the Excel report and project files. Everything a report
 * or comparison shows is computed by the same functions as the screen (`scoreSites`,
 * `compareParks`), never recomputed here.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScenarioPayload, type AgreementResult, type ExportReportArgs, type Scenario } from '../contract/api.ts';
import { mergeProjectFile, PROJECT_EXTENSION, writeProjectFile } from '../db/project-file.ts';
import type { ScenarioRow } from '../db/scenario-store.ts';
import { NotFoundError, UserInputError } from '../errors.ts';
import { reportWorkbook, XLSX_MIME } from '../reports/excel.ts';
import type { Context, Handlers } from './context.ts';
import { compareParks, listCandidateSites, methodAgreement, scoreSites } from './scoring.ts';
import { toRecord, toRow } from '../scoring/custom-criteria.ts';

const toScenario = (r: ScenarioRow): Scenario => ({
  id: r.id,
  name: r.name,
  notes: r.notes,
  payload: ScenarioPayload.parse(JSON.parse(r.payload)),
  created_at: r.created_at,
  updated_at: r.updated_at,
});

function stored(ctx: Context, id: string): ScenarioRow {
  const row = ctx.stores.scenarios.get(id);
  if (!row) throw new NotFoundError(`no scenario with id "${id}"`);
  return row;
}

function insert(ctx: Context, name: string, notes: string, payload: ScenarioPayload): Scenario {
  const id = `scenario-${randomUUID()}`;
  ctx.stores.scenarios.insert({ id, name, notes, payload: JSON.stringify(payload) });
  return toScenario(stored(ctx, id));
}

/** The ranking a scenario gives, from the same function as the screen. */
function rank(ctx: Context, p: ScenarioPayload) {
  return scoreSites(ctx, { ...choiceOf(p), monteCarloSamples: 0 });
}

/** What a scenario chose: profile, method, weights, AHP judgements, value functions, the methods' parameters. */
function choiceOf(p: ScenarioPayload) {
  return {
    profile: p.profile,
    method: p.method,
    weights: p.weights,
    ahp: p.ahp,
    valueFunctions: p.valueFunctions,
    methodOptions: p.methodOptions,
  };
}

function listScenarios(ctx: Context): Scenario[] {
  return ctx.stores.scenarios.list().map(toScenario);
}

function saveScenario(
  ctx: Context,
  { id, name, notes, payload }: { id?: string | undefined; name: string; notes: string; payload: ScenarioPayload },
): Scenario {
  // The user's own sites are kept with the scenario, so it reopens with the same candidates.
  const sites = listCandidateSites(ctx).map(({ id: siteId, name: siteName, position }) => ({ id: siteId, name: siteName, position }));
  // So are the project's own criteria (definitions and values), which come back when it is opened.
  const customCriteria = ctx.stores.criteria.list().map(toRecord);
  const full: ScenarioPayload = { ...payload, sites, customCriteria };
  if (id === undefined) return insert(ctx, name, notes, full);
  stored(ctx, id);
  ctx.stores.scenarios.update(id, { name, notes, payload: JSON.stringify(full) });
  return toScenario(stored(ctx, id));
}

function openScenario(ctx: Context, { id }: { id: string }): Scenario {
  const scenario = toScenario(stored(ctx, id));
  // Sites of the scenario that are no longer in the project come back (same id, name and place).
  ctx.userDb.transaction(() => {
    for (const s of scenario.payload.sites) ctx.stores.sites.restore({ id: s.id, name: s.name, lng: s.position[0], lat: s.position[1] });
    for (const c of scenario.payload.customCriteria) if (!ctx.stores.criteria.get(c.id)) ctx.stores.criteria.put(toRow(c));
  })();
  return scenario;
}

function duplicateScenario(ctx: Context, { id, name }: { id: string; name?: string | undefined }): Scenario {
  const s = toScenario(stored(ctx, id));
  return insert(ctx, name ?? `${s.name} (2)`, s.notes, s.payload);
}

function renameScenario(ctx: Context, { id, name, notes }: { id: string; name: string; notes?: string | undefined }): Scenario {
  stored(ctx, id);
  ctx.stores.scenarios.rename(id, name, notes ?? null);
  return toScenario(stored(ctx, id));
}

function deleteScenario(ctx: Context, { id }: { id: string }) {
  return { deleted: ctx.stores.scenarios.remove(id) };
}

function compareScenarios(ctx: Context, { a, b }: { a: string; b: string }) {
  const [sa, sb] = [toScenario(stored(ctx, a)), toScenario(stored(ctx, b))];
  const [ra, rb] = [rank(ctx, sa.payload), rank(ctx, sb.payload)];
  const inB = new Map(rb.candidates.map((c) => [c.id, c]));
  const rows = ra.candidates.map((c) => ({
    id: c.id,
    name_zh: c.name_zh,
    name_en: c.name_en,
    a: { rank: c.rank, total: c.total },
    b: { rank: inB.get(c.id)?.rank ?? null, total: inB.get(c.id)?.total ?? null },
  }));
  for (const c of rb.candidates) {
    if (!ra.candidates.some((x) => x.id === c.id))
      rows.push({ id: c.id, name_zh: c.name_zh, name_en: c.name_en, a: { rank: null, total: null }, b: { rank: c.rank, total: c.total } });
  }
  return { a: { id: sa.id, name: sa.name, method: ra.method }, b: { id: sb.id, name: sb.name, method: rb.method }, rows };
}

async function exportReport(ctx: Context, args: ExportReportArgs) {
  const p = args.payload;
  const ranking = rank(ctx, p);
  const comparison =
    p.compare && p.compare.ids.length >= 2 ? compareParks(ctx, { ...choiceOf(p), ids: p.compare.ids, own: p.compare.own }) : null;
  // The verdict of every method on the same table; a profile under which fewer than two rank has none.
  let agreement: AgreementResult | null = null;
  try {
    agreement = methodAgreement(ctx, { ...choiceOf(p), methods: undefined });
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
  }
  const bytes = await reportWorkbook(
    args,
    ranking,
    comparison,
    agreement,
    { basemap: ctx.reference.basemap, layers: ctx.layers() },
    ctx.stores.criteria.list().map(toRecord),
  );
  return { fileName: `${args.fileName ?? 'report'}.xlsx`, mime: XLSX_MIME, dataBase64: Buffer.from(bytes).toString('base64') };
}

function exportProject(ctx: Context) {
  // A consistent copy of the whole user database (WAL included), marked as a project file.
  const dir = mkdtempSync(join(tmpdir(), 'siteselect-project-'));
  try {
    const file = join(dir, `project.${PROJECT_EXTENSION}`);
    writeProjectFile(ctx.userDb, file);
    return { fileName: `project.${PROJECT_EXTENSION}`, mime: 'application/vnd.sqlite3', dataBase64: readFileSync(file).toString('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function importProject(ctx: Context, { uploadId }: { uploadId: string }) {
  const staged = ctx.uploads.complete(uploadId);
  try {
    return mergeProjectFile(ctx.userDb, staged.path, staged.name);
  } finally {
    ctx.uploads.discard(uploadId);
  }
}

export const scenarioHandlers = {
  listScenarios,
  saveScenario,
  openScenario,
  duplicateScenario,
  renameScenario,
  deleteScenario,
  compareScenarios,
  exportReport,
  exportProject,
  importProject,
} satisfies Handlers<
  | 'listScenarios'
  | 'saveScenario'
  | 'openScenario'
  | 'duplicateScenario'
  | 'renameScenario'
  | 'deleteScenario'
  | 'compareScenarios'
  | 'exportReport'
  | 'exportProject'
  | 'importProject'
>;
