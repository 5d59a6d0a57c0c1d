/**
 * Scenarios (a named profile, method, weights, compared parks and notes, with a snapshot of the
 * user's own sites), their comparison, the Excel report and project files. Everything a report
 * or comparison shows is computed by the same functions as the screen (`scoreSites`,
 * `compareParks`), never recomputed here.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ScenarioPayload, type AgreementResult, type ExportReportArgs, type Scenario, type Stamp } from '../contract/api.ts';
import { mergeProjectContent, PROJECT_EXTENSION, PROJECT_LIMITS, readProjectFile, withProjectFile } from '../db/project-file.ts';
import type { ScenarioRow } from '../db/scenario-store.ts';
import { BusyError, NotFoundError, UserInputError } from '../errors.ts';
import { checkProject } from '../imports/project-check.ts';
import { reportWorkbook, XLSX_MIME } from '../reports/excel.ts';
import type { Context, Handlers } from './context.ts';
import { compareParks, listCandidateSites, methodAgreement, scoreSites } from './scoring.ts';
import { currentStamp } from './stamp-inputs.ts';
import { toRecord, toRow } from '../scoring/custom-criteria.ts';
import { stationCorrectionProblem } from './osm.ts';

/** The stored scenario, or why it cannot be read (its payload is not JSON or not a scenario). */
function readScenario(r: ScenarioRow): Scenario | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(r.payload);
  } catch {
    return { problem: 'its payload is not JSON' };
  }
  const payload = ScenarioPayload.safeParse(value);
  if (!payload.success)
    return {
      problem: `its payload is not a scenario: ${payload.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ')}`,
    };
  return { id: r.id, name: r.name, notes: r.notes, payload: payload.data, created_at: r.created_at, updated_at: r.updated_at };
}

/** Why a stored scenario cannot be read, or null. */
export const scenarioProblem = (r: ScenarioRow): string | null => {
  const s = readScenario(r);
  return 'problem' in s ? s.problem : null;
};

/** @throws UserInputError naming the scenario when it cannot be read (it can still be deleted) */
const toScenario = (r: ScenarioRow): Scenario => {
  const s = readScenario(r);
  if ('problem' in s)
    throw new UserInputError(`scenario "${r.name}" cannot be opened: ${s.problem}; delete it (see appInfo's damaged rows)`);
  return s;
};

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
export function choiceOf(p: ScenarioPayload) {
  return {
    profile: p.profile,
    method: p.method,
    weights: p.weights,
    ahp: p.ahp,
    valueFunctions: p.valueFunctions,
    methodOptions: p.methodOptions,
    asOf: p.asOf,
  };
}

function listScenarios(ctx: Context): Scenario[] {
  // A scenario that cannot be read is left out (appInfo reports it), so the list always opens.
  return ctx.stores.scenarios.list().flatMap((r) => {
    const s = readScenario(r);
    return 'problem' in s ? [] : [s];
  });
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

/**
 * The Excel report's bytes, stamped and sealed (its scenario in a hidden sheet) for
 * `siteselect verify`, which rebuilds it with the same function.
 */
export async function reportFile(ctx: Context, args: ExportReportArgs): Promise<{ bytes: Uint8Array; stamp: Stamp }> {
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
  const subject = { kind: 'excel' as const, report: args };
  const stamp = currentStamp(ctx, subject);
  const bytes = await reportWorkbook(
    args,
    ranking,
    comparison,
    agreement,
    { basemap: ctx.reference.basemap, layers: ctx.layers(), sources: ctx.reference.sources },
    ctx.stores.criteria.list().map(toRecord),
    { format: 'siteselect-report/1', subject, stamp },
  );
  return { bytes, stamp };
}

async function exportReport(ctx: Context, args: ExportReportArgs) {
  const { bytes } = await reportFile(ctx, args);
  return { fileName: `${args.fileName ?? 'report'}.xlsx`, mime: XLSX_MIME, dataBase64: Buffer.from(bytes).toString('base64') };
}

function exportProject(ctx: Context) {
  // A consistent copy of the project (WAL included) without this machine's settings and packs,
  // written in the data folder (a crash leaves it for the next start to remove, never in /tmp).
  return withProjectFile(ctx.userDb, ctx.info.dataDir, (file) => ({
    fileName: `project.${PROJECT_EXTENSION}`,
    mime: 'application/vnd.sqlite3',
    dataBase64: readFileSync(file).toString('base64'),
  }));
}

/** Ids a merged row may not take: the zone's own layers and features (a site called "parks" or a park's id would shadow them). */
function reservedIds(ctx: Context): Set<string> {
  const ids = new Set<string>(ctx.reference.basemap.meta.layers.map((l) => l.id));
  for (const [id, layer] of ctx.reference.layers) {
    ids.add(id);
    for (const f of layer.collection.features) ids.add(String(f.properties.id));
  }
  return ids;
}

async function importProject(ctx: Context, { uploadId }: { uploadId: string }) {
  const staged = ctx.uploads.complete(uploadId);
  try {
    if (staged.size > PROJECT_LIMITS.fileBytes)
      throw new UserInputError(
        `"${staged.name}" is ${(staged.size / 1e6).toFixed(0)} MB; a project file may be ${PROJECT_LIMITS.fileBytes / 1024 / 1024} MB`,
      );
    const ours = { schemaVersion: ctx.userDb.pragma('user_version', { simple: true }) as number };
    const content = checkProject(await readProjectFile(staged.path, staged.name, ours), staged.name, {
      siteProblem: (position) => {
        try {
          ctx.network.inZone(position);
          return null;
        } catch (error) {
          return (error as Error).message;
        }
      },
      parkExists: (id) => (ctx.reference.layers.get('parks')?.collection.features ?? []).some((f) => f.properties.id === id),
      stationCorrectionProblem: (id, position) => stationCorrectionProblem(ctx, id, position),
    });
    // Checked first, written after in one transaction; the import lock is checked again (the reading yielded).
    if (ctx.jobs.running) throw new BusyError('an import is being written to this project; try again when it has finished, or cancel it');
    return mergeProjectContent(ctx.userDb, content, reservedIds(ctx));
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
