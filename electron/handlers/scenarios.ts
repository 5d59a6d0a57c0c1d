/**
 * Scenarios (a named profile, method, weights, compared parks and notes, with a snapshot of the
 * user's own sites), their comparison, the Excel report, and project files. Everything a report
 * or comparison shows is computed by the same handlers as the screen (`scoreSites`,
 * `compareParks`), never recomputed here.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { DEFAULT_ASSUMPTIONS } from '../../geo/index.ts';
import type { Api, ResultOf, ScenarioPayload } from '../contract/api.ts';
import { safeCell } from '../imports/store.ts';
import type { Uploads } from '../imports/uploads.ts';
import type { HandlerDeps } from './deps.ts';
import { ApiError } from './errors.ts';

type ScenarioRow = { id: string; name: string; notes: string; payload: string; created_at: string; updated_at: string };
type Scenario = ResultOf<'openScenario'>;

/** The project file's mark (SQLite `application_id`), so a colleague's file is recognised as ours. */
export const PROJECT_APPLICATION_ID = 0x58_4e_53_53; // "XNSS"
export const PROJECT_EXTENSION = 'xnsite';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ScenarioMethods =
  | 'listScenarios'
  | 'saveScenario'
  | 'openScenario'
  | 'duplicateScenario'
  | 'renameScenario'
  | 'deleteScenario'
  | 'compareScenarios'
  | 'exportReport'
  | 'exportProject'
  | 'importProject';

export function scenarioHandlers(
  deps: HandlerDeps,
  api: Pick<Api, 'scoreSites' | 'compareParks' | 'listCandidateSites'>,
  uploads: Uploads,
): Pick<Api, ScenarioMethods> {
  const db = deps.userDb;
  const toScenario = (r: ScenarioRow): Scenario => ({
    id: r.id,
    name: r.name,
    notes: r.notes,
    payload: JSON.parse(r.payload) as ScenarioPayload,
    created_at: r.created_at,
    updated_at: r.updated_at,
  });
  const get = (id: string): ScenarioRow => {
    const row = db.prepare('SELECT id, name, notes, payload, created_at, updated_at FROM scenarios WHERE id = ?').get(id) as
      ScenarioRow | undefined;
    if (!row) throw new ApiError('NOT_FOUND', `no scenario with id "${id}"`);
    return row;
  };
  const insertScenario = db.prepare('INSERT INTO scenarios (id, project_id, name, notes, payload) VALUES (?, 1, ?, ?, ?)');
  /** A site put back with its own id (a scenario's snapshot, a project file); one already there is kept. */
  const restoreSite = db.prepare('INSERT OR IGNORE INTO candidate_sites (id, project_id, name, lng, lat) VALUES (?, 1, ?, ?, ?)');
  const insert = (name: string, notes: string, payload: ScenarioPayload): Scenario => {
    const id = `scenario-${randomUUID()}`;
    insertScenario.run(id, name, notes, JSON.stringify(payload));
    return toScenario(get(id));
  };
  /** The ranking a scenario gives, from the same handler as the screen. */
  const rank = (p: ScenarioPayload) =>
    api.scoreSites({
      profile: p.profile,
      method: p.method,
      ...(p.weights ? { weights: p.weights } : {}),
      ...(p.ahp ? { ahp: p.ahp } : {}),
      monteCarloSamples: 0,
    });

  return {
    listScenarios: () =>
      (
        db
          .prepare('SELECT id, name, notes, payload, created_at, updated_at FROM scenarios WHERE project_id = 1 ORDER BY created_at, id')
          .all() as ScenarioRow[]
      ).map(toScenario),

    saveScenario({ id, name, notes, payload }) {
      // The user's own sites are kept with the scenario, so it reopens with the same candidates.
      const sites = (api.listCandidateSites({}) as ResultOf<'listCandidateSites'>).map(({ id: siteId, name: siteName, position }) => ({
        id: siteId,
        name: siteName,
        position,
      }));
      const full: ScenarioPayload = { ...payload, sites };
      if (id === undefined) return insert(name, notes, full);
      get(id);
      db.prepare(
        "UPDATE scenarios SET name = ?, notes = ?, payload = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
      ).run(name, notes, JSON.stringify(full), id);
      return toScenario(get(id));
    },

    openScenario({ id }) {
      const scenario = toScenario(get(id));
      // Sites of the scenario that are no longer in the project come back (same id, name and place).
      db.transaction(() => {
        for (const s of scenario.payload.sites) restoreSite.run(s.id, s.name, s.position[0], s.position[1]);
      })();
      return scenario;
    },

    duplicateScenario({ id, name }) {
      const s = toScenario(get(id));
      return insert(name ?? `${s.name} (2)`, s.notes, s.payload);
    },

    renameScenario({ id, name, notes }) {
      get(id);
      db.prepare(
        "UPDATE scenarios SET name = ?, notes = COALESCE(?, notes), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
      ).run(name, notes ?? null, id);
      return toScenario(get(id));
    },

    deleteScenario: ({ id }) => ({ deleted: db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes > 0 }),

    async compareScenarios({ a, b }) {
      const [sa, sb] = [toScenario(get(a)), toScenario(get(b))];
      const [ra, rb] = [await rank(sa.payload), await rank(sb.payload)];
      const inB = new Map(rb.candidates.map((c) => [c.id, c]));
      const rows = ra.candidates.map((c) => ({
        id: c.id,
        name_zh: c.name_zh,
        name_en: c.name_en,
        a: { rank: c.rank, total: c.total },
        b: { rank: inB.get(c.id)?.rank ?? null, total: inB.get(c.id)?.total ?? null },
      }));
      for (const c of rb.candidates)
        if (!ra.candidates.some((x) => x.id === c.id))
          rows.push({
            id: c.id,
            name_zh: c.name_zh,
            name_en: c.name_en,
            a: { rank: null, total: null },
            b: { rank: c.rank, total: c.total },
          });
      return { a: { id: sa.id, name: sa.name, method: ra.method }, b: { id: sb.id, name: sb.name, method: rb.method }, rows };
    },

    async exportReport(args) {
      return {
        fileName: `${args.fileName ?? 'report'}.xlsx`,
        mime: XLSX_MIME,
        dataBase64: Buffer.from(await reportWorkbook(args)).toString('base64'),
      };
    },

    exportProject() {
      // A consistent copy of the whole user database (WAL included), marked as a project file.
      const dir = mkdtempSync(join(tmpdir(), 'siteselect-project-'));
      try {
        const file = join(dir, `project.${PROJECT_EXTENSION}`);
        db.prepare('VACUUM INTO ?').run(file);
        const copy = new Database(file);
        copy.pragma(`application_id = ${PROJECT_APPLICATION_ID}`);
        copy.close();
        return {
          fileName: `project.${PROJECT_EXTENSION}`,
          mime: 'application/vnd.sqlite3',
          dataBase64: readFileSync(file).toString('base64'),
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },

    importProject({ uploadId }) {
      const staged = uploads.complete(uploadId);
      let other: Database.Database;
      try {
        other = new Database(staged.path, { readonly: true, fileMustExist: true });
        other.pragma('schema_version'); // reads the header: fails on a file that is not SQLite
      } catch (error) {
        throw new ApiError('BAD_ARGUMENT', `"${staged.name}" is not a project file (not an SQLite database: ${(error as Error).message})`);
      }
      try {
        if (other.pragma('application_id', { simple: true }) !== PROJECT_APPLICATION_ID)
          throw new ApiError('BAD_ARGUMENT', `"${staged.name}" is an SQLite file but not a project file of this app`);
        const mine = db.pragma('user_version', { simple: true }) as number;
        const theirs = other.pragma('user_version', { simple: true }) as number;
        if (theirs > mine)
          throw new ApiError(
            'BAD_ARGUMENT',
            `"${staged.name}" was saved by a newer version of the app (schema ${theirs}, this app ${mine}); update the app to open it`,
          );
        const has = (table: string) =>
          other.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
        const counts = { scenarios: 0, sites: 0, layers: 0 };
        // Merged into this project in one transaction: nothing here is overwritten or lost.
        const scenarioTaken = db.prepare('SELECT 1 FROM scenarios WHERE id = ?');
        const layerTaken = db.prepare('SELECT 1 FROM user_layers WHERE id = ?');
        const insertLayer = db.prepare(
          'INSERT INTO user_layers (id, project_id, name, role, geometry, source_file, source_crs, style) VALUES (?, 1, ?, ?, ?, ?, ?, ?)',
        );
        const insertFeature = db.prepare('INSERT INTO user_features (layer_id, geometry, properties) VALUES (?, ?, ?)');
        const theirFeatures = other.prepare('SELECT geometry, properties FROM user_features WHERE layer_id = ? ORDER BY id');
        db.transaction(() => {
          for (const s of other.prepare('SELECT id, name, lng, lat FROM candidate_sites').all() as {
            id: string;
            name: string;
            lng: number;
            lat: number;
          }[]) {
            counts.sites += restoreSite.run(s.id, s.name, s.lng, s.lat).changes;
          }
          if (has('scenarios')) {
            for (const s of other.prepare('SELECT id, name, notes, payload FROM scenarios').all() as {
              id: string;
              name: string;
              notes: string;
              payload: string;
            }[]) {
              insertScenario.run(scenarioTaken.get(s.id) ? `scenario-${randomUUID()}` : s.id, s.name, s.notes, s.payload);
              counts.scenarios++;
            }
          }
          for (const l of other.prepare('SELECT id, name, role, geometry, source_file, source_crs, style FROM user_layers').all() as Record<
            string,
            string
          >[]) {
            const id = layerTaken.get(l['id']) ? `user-${randomUUID().slice(0, 8)}` : (l['id'] as string);
            insertLayer.run(id, l['name'], l['role'], l['geometry'], l['source_file'], l['source_crs'], l['style']);
            for (const f of theirFeatures.iterate(l['id']) as Iterable<{ geometry: string; properties: string }>)
              insertFeature.run(id, f.geometry, f.properties);
            counts.layers++;
          }
        })();
        return counts;
      } finally {
        other.close();
        uploads.discard(uploadId);
      }
    },
  };

  /** The Excel report: ranking, criteria with raw values, the comparison, assumptions and sources. */
  async function reportWorkbook(args: Parameters<Api['exportReport']>[0]): Promise<Uint8Array> {
    const L = (key: string) => args.labels[key] ?? key;
    const en = args.language === 'en';
    const name = (c: { name_zh: string; name_en: string }) => (en ? c.name_en : c.name_zh);
    const p = args.payload;
    const ranking = await rank(p);
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
        c.exclusions.map((e) => (en ? e.message_en : e.message_zh)).join('; '),
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
          L(`criteria.${x.id}`),
          x.raw,
          L(`unit.${x.unit}`),
          Math.round(x.score * 1000) / 1000,
          Math.round(x.weight * 10) / 10,
          x.contribution === null ? null : Math.round(x.contribution * 100) / 100,
        ]);
    }
    r2.columns.forEach((col, i) => (col.width = [8, 36, 28, 12, 10, 10, 10, 12][i] ?? 12));

    if (p.compare && p.compare.ids.length >= 2) {
      const cmp = await api.compareParks({
        profile: p.profile,
        method: p.method,
        ...(p.weights ? { weights: p.weights } : {}),
        ...(p.ahp ? { ahp: p.ahp } : {}),
        ids: p.compare.ids,
        ...(p.compare.own ? { own: p.compare.own } : {}),
      });
      const r3 = wb.addWorksheet(L('sheet.comparison'));
      header(r3, [L('col.criterion'), L('col.unit'), ...cmp.parks.map(name)]);
      row(r3, [L('col.rank'), '', ...cmp.parks.map((x) => (x.rank === null ? null : `${x.rank} / ${cmp.of}`))]);
      row(r3, [L('col.total'), '', ...cmp.parks.map((x) => (x.total === null ? null : Math.round(x.total * 10) / 10))]);
      cmp.parks[0]?.criteria.forEach((crit, j) =>
        row(r3, [L(`criteria.${crit.id}`), L(`unit.${crit.unit}`), ...cmp.parks.map((x) => x.criteria[j]?.raw ?? null)]),
      );
      r3.addRow([]);
      row(r3, [L('col.preset'), '', ...cmp.parks.map(name)]).font = { bold: true };
      for (const pr of cmp.presets) row(r3, [en ? pr.name_en : pr.name_zh, '', ...cmp.parks.map((x) => pr.ranks[x.id] ?? null)]);
      if (cmp.moveUp?.above) {
        r3.addRow([]);
        row(r3, [L('col.moveUp'), '', en ? cmp.moveUp.above.name_en : cmp.moveUp.above.name_zh]).font = { bold: true };
        for (const s of cmp.moveUp.steps) row(r3, [L(`criteria.${s.criterion}`), L(`unit.${s.unit}`), s.from, s.to, s.change]);
      }
      r3.columns.forEach((col, i) => (col.width = i === 0 ? 28 : i === 1 ? 10 : 24));
    }

    const r4 = wb.addWorksheet(L('sheet.assumptions'));
    header(r4, [L('col.item'), L('col.value')]);
    row(r4, [L('col.method'), L(`method.${ranking.method}`)]);
    for (const [id, w] of Object.entries(ranking.weights))
      if (w > 0) row(r4, [`${L('col.weight')}: ${L(`criteria.${id}`)}`, `${Math.round(w * 10) / 10} %`]);
    for (const [key, value] of Object.entries(DEFAULT_ASSUMPTIONS)) row(r4, [L(`assumptions.${key}`), value]);
    r4.columns.forEach((col, i) => (col.width = i === 0 ? 48 : 20));

    const r5 = wb.addWorksheet(L('sheet.sources'));
    header(r5, [L('col.layer'), L('col.feature'), L('col.source'), L('col.asOf'), L('col.precision')]);
    for (const s of deps.reference.meta.sources)
      row(r5, [en ? s.name_en : s.name_zh, '', en ? s.origin_en : s.origin_zh, s.as_of ?? (en ? s.vintage_en : s.vintage_zh), '']);
    for (const layer of deps.layers.values()) {
      for (const f of layer.collection.features)
        row(r5, [
          en ? layer.name_en : layer.name_zh,
          en ? f.properties.name_en : f.properties.name_zh,
          f.properties['source'],
          f.properties['as_of'],
          f.properties['precision'],
        ]);
    }
    r5.columns.forEach((col, i) => (col.width = [18, 36, 80, 12, 12][i] ?? 12));
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
}
