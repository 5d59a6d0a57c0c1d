/**
 * Project files (`.xnsite`): a consistent copy of the user's project (`VACUUM INTO`, WAL
 * included) marked with SQLite's `application_id`, without what belongs to this machine or this
 * agent (settings: the presentation PIN's hash, the agent's contact; registered basemap packs:
 * local paths), and the merge of such a file into the current project.
 *
 * A project file comes from someone else, so reading one trusts nothing: it is opened read-only
 * with `trusted_schema` off, the tables read must be ordinary tables (not views, virtual tables or
 * tables with generated columns: nothing in the file's schema runs while it is read) with the
 * expected columns, row counts are bounded before a row is read, rows are read in batches between
 * event-loop turns under a deadline, and every value comes back as it is stored, for the caller
 * to check (electron/imports/project-check.ts) before anything is written. better-sqlite3 has no
 * progress handler or interrupt (see its API docs), hence the structural checks and the batches.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { LayerRole, LayerSummary, ScenarioPayload } from '../contract/api.ts';
import { UserInputError } from '../errors.ts';
import type { Db } from './index.ts';
import { correctionStore, type CorrectionWrite } from './correction-store.ts';
import { criteriaStore, type CriterionWrite } from './criteria-store.ts';
import { layerStore } from './layer-store.ts';
import { scenarioStore } from './scenario-store.ts';
import { siteStore } from './site-store.ts';

/** The project file's mark (SQLite `application_id`), so a colleague's file is recognised as ours. */
export const PROJECT_APPLICATION_ID = 0x58_4e_53_53; // "XNSS"
export const PROJECT_EXTENSION = 'xnsite';

/** What a project file may hold; a file with more is refused before its rows are read. */
export const PROJECT_LIMITS = {
  /** Largest project file, bytes. */
  fileBytes: 512 * 1024 * 1024,
  sites: 5_000,
  scenarios: 1_000,
  layers: 200,
  /** Features in all its layers together. */
  features: 200_000,
  criteria: 100,
  /** One per park of the zone at most; a little room for parks the data may add. */
  corrections: 200,
  /** Time allowed for reading the file's rows, ms. */
  readMs: 60_000,
};

/** Tables of this app's schema that a project file leaves out: they belong to this machine or this agent. */
// The team sync's own state (issue 20) is this machine's, like the settings: a project file carries none of it.
const LOCAL_TABLES = ['settings', 'basemap_packs', 'team_tombstones', 'team_conflicts', 'team_outbox'] as const;

/** The folder (in the data folder) where a project file is written before its bytes are handed back. */
export const EXPORTS_DIR = 'exports';
/** A file there older than this was left by a crash (an export takes seconds). */
const STALE_EXPORT_MS = 60 * 60 * 1000;

/**
 * Removes project copies a crash left in `<dataDir>/exports/` (one older than an hour: another
 * instance's export in progress is younger). Called at start-up.
 */
export function removeStaleExports(dataDir: string, now = Date.now()): string[] {
  const dir = join(dataDir, EXPORTS_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      if (now - statSync(file).mtimeMs > STALE_EXPORT_MS) {
        rmSync(file, { force: true });
        removed.push(name);
      }
    } catch {
      // Gone meanwhile (another instance cleaned up).
    }
  }
  return removed;
}

/**
 * Writes the project to a fresh file in `<dataDir>/exports/`, hands its bytes to `use`, and
 * removes it; a crash in between leaves it for `removeStaleExports`. The copy leaves out the local
 * tables (settings, basemap packs), deleted with `secure_delete` and vacuumed, so not even their
 * freed pages carry a PIN hash, a contact or a path.
 */
export function withProjectFile<T>(db: Db, dataDir: string, use: (file: string) => T): T {
  const dir = join(dataDir, EXPORTS_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `project-${randomUUID()}.${PROJECT_EXTENSION}.part`);
  try {
    writeProjectFile(db, file);
    return use(file);
  } finally {
    rmSync(file, { force: true });
  }
}

/** Writes a copy of the project to `file` (which must not exist), as `withProjectFile` does. */
export function writeProjectFile(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
  const copy = new Database(file);
  try {
    copy.pragma('secure_delete = ON');
    for (const table of LOCAL_TABLES) copy.exec(`DELETE FROM ${table}`);
    copy.exec('VACUUM');
    copy.pragma(`application_id = ${PROJECT_APPLICATION_ID}`);
  } finally {
    copy.close();
  }
}

/** A row of a foreign project file, values as stored (unknown until checked). */
export type ForeignRow = Record<string, unknown>;

export interface ForeignProject {
  sites: ForeignRow[];
  scenarios: ForeignRow[];
  layers: (ForeignRow & { features: ForeignRow[] })[];
  /** The user's own criteria (migration 0006) and park position corrections (0007); empty for older files. */
  criteria: ForeignRow[];
  corrections: ForeignRow[];
}

/** The tables a project file is read from, with the columns read (the file may have more). */
const TABLES = {
  candidate_sites: ['id', 'name', 'lng', 'lat'],
  user_layers: ['id', 'name', 'role', 'geometry', 'source_file', 'source_crs', 'style'],
  user_features: ['layer_id', 'geometry', 'properties'],
  scenarios: ['id', 'name', 'notes', 'payload'],
  custom_criteria: ['id', 'name_zh', 'name_en', 'unit', 'type', 'value_function', 'source', 'as_of', 'origin', 'values'],
  park_corrections: ['park_id', 'lng', 'lat', 'crs', 'given_lng', 'given_lat', 'source', 'osm_id', 'note', 'created_at', 'updated_at'],
} as const;
type TableName = keyof typeof TABLES;
/** Tables a project file of an old version may lack (scenarios came with migration 0004, custom criteria with 0006, corrections with 0007). */
const OPTIONAL: ReadonlySet<TableName> = new Set(['scenarios', 'custom_criteria', 'park_corrections']);
/** Columns read when the file has them (the kind, citation and credit of a correction came with the osm-matches migration). */
const OPTIONAL_COLUMNS: Partial<Record<TableName, readonly string[]>> = { park_corrections: ['feature_kind', 'citation', 'credit'] };

/** Rows read between two turns of the event loop. */
const BATCH = 2000;

/**
 * Reads what a project file holds to merge it: sites, scenarios, layers with their features.
 *
 * @param name - the file's name as the user knows it, for messages
 * @throws UserInputError naming the file and the problem: not SQLite, not a project file of this
 *   app, from a newer version, a table that is a view or virtual table or has generated columns, a
 *   missing table or column, more rows than PROJECT_LIMITS allows, a damaged file, or too slow to read
 */
export async function readProjectFile(
  file: string,
  name: string,
  ours: { schemaVersion: number },
  limits = PROJECT_LIMITS,
): Promise<ForeignProject> {
  let other: Database.Database;
  try {
    other = new Database(file, { readonly: true, fileMustExist: true });
    other.pragma('schema_version'); // reads the header: fails on a file that is not SQLite
  } catch (error) {
    throw new UserInputError(`"${name}" is not a project file (not an SQLite database: ${(error as Error).message})`);
  }
  const refuse = (what: string) => new UserInputError(`"${name}": ${what}; nothing was merged`);
  try {
    // Nothing in the file's schema may call a function with side effects, should anything be evaluated.
    other.pragma('trusted_schema = OFF');
    other.pragma('query_only = ON');
    if (other.pragma('application_id', { simple: true }) !== PROJECT_APPLICATION_ID) {
      throw new UserInputError(`"${name}" is an SQLite file but not a project file of this app`);
    }
    const theirs = other.pragma('user_version', { simple: true }) as number;
    if (!Number.isSafeInteger(theirs) || theirs < 1) throw refuse('it has no schema version, so it was not written by this app');
    if (theirs > ours.schemaVersion) {
      throw new UserInputError(
        `"${name}" was saved by a newer version of the app (schema ${theirs}, this app ${ours.schemaVersion}); update the app to open it`,
      );
    }
    const present = new Map<string, { type: string; wr: number }>();
    const extra = new Map<TableName, string[]>();
    for (const t of other.pragma('table_list') as { schema: string; name: string; type: string; wr: number }[])
      if (t.schema === 'main') present.set(t.name.toLowerCase(), t);
    for (const table of Object.keys(TABLES) as TableName[]) {
      const t = present.get(table);
      if (!t) {
        if (OPTIONAL.has(table)) continue;
        throw refuse(`it has no ${table} table`);
      }
      if (t.type !== 'table') throw refuse(`${table} is a ${t.type === 'virtual' ? 'virtual table' : t.type}, not a table`);
      if (t.wr) throw refuse(`${table} is a WITHOUT ROWID table, which this app never writes`);
      const columns = other.pragma(`table_xinfo(${table})`) as { name: string; hidden: number }[];
      const generated = columns.find((c) => c.hidden !== 0);
      if (generated) throw refuse(`${table} has a generated or hidden column "${generated.name}", which this app never writes`);
      const have = new Set(columns.map((c) => c.name.toLowerCase()));
      const missing = TABLES[table].find((c) => !have.has(c));
      if (missing) throw refuse(`${table} lacks the column "${missing}"`);
      extra.set(
        table,
        (OPTIONAL_COLUMNS[table] ?? []).filter((c) => have.has(c)),
      );
    }
    const count = (table: TableName) => (present.has(table) ? (other.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : 0);
    const counts = {
      sites: count('candidate_sites'),
      scenarios: count('scenarios'),
      layers: count('user_layers'),
      features: count('user_features'),
      criteria: count('custom_criteria'),
      corrections: count('park_corrections'),
    };
    const names = {
      sites: 'candidate sites',
      scenarios: 'scenarios',
      layers: 'layers',
      features: 'features',
      criteria: 'custom criteria',
      corrections: 'park corrections',
    };
    for (const key of ['sites', 'scenarios', 'layers', 'features', 'criteria', 'corrections'] as const)
      if (counts[key] > limits[key]) throw refuse(`it holds ${counts[key]} ${names[key]}; the limit is ${limits[key]}`);

    const deadline = Date.now() + limits.readMs;
    async function rows(table: TableName): Promise<ForeignRow[]> {
      if (!present.has(table)) return [];
      // Column names are ours (TABLES), quoted because one of them is the keyword "values".
      const columns = [...TABLES[table], ...(extra.get(table) ?? [])];
      const sql = `SELECT rowid AS __rowid, ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH}`;
      const statement = other.prepare(sql);
      const out: ForeignRow[] = [];
      for (let after = -Infinity; ;) {
        const batch = statement.all(after) as ForeignRow[];
        for (const r of batch) {
          after = r['__rowid'] as number;
          delete r['__rowid'];
          out.push(r);
        }
        if (batch.length < BATCH) return out;
        if (Date.now() > deadline) throw refuse(`reading it took longer than ${limits.readMs / 1000} s`);
        await new Promise((r) => setImmediate(r));
      }
    }
    const layers = (await rows('user_layers')).map((l): ForeignRow & { features: ForeignRow[] } => ({ ...l, features: [] }));
    // One pass over the features (a hostile file need not have the layer index), grouped here.
    const byLayer = new Map(layers.map((l) => [l['id'], l.features]));
    for (const f of await rows('user_features')) byLayer.get(f['layer_id'])?.push(f);
    return {
      sites: await rows('candidate_sites'),
      scenarios: await rows('scenarios'),
      layers,
      criteria: await rows('custom_criteria'),
      corrections: await rows('park_corrections'),
    };
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    // SQLITE_CORRUPT, SQLITE_NOTADB, a malformed schema, an unknown collation: the file is at fault.
    throw refuse(`it cannot be read (${(error as Error).message})`);
  } finally {
    other.close();
  }
}

/** A project file's content, checked; ids as in the file (remapped here when taken or reserved). */
export interface CheckedProject {
  sites: { id: string; name: string; lng: number; lat: number }[];
  scenarios: { id: string; name: string; notes: string; payload: ScenarioPayload }[];
  layers: {
    id: string;
    name: string;
    role: LayerRole;
    geometry: LayerSummary['geometry'];
    sourceFile: string | null;
    sourceCrs: string | null;
    style: string;
    /** Geometry and properties as JSON text. */
    features: { geometry: string; properties: string }[];
  }[];
  criteria: CriterionWrite[];
  corrections: CorrectionWrite[];
}

export interface MergeCounts {
  scenarios: number;
  sites: number;
  layers: number;
  criteria: number;
  /** Position corrections merged (parks and stations); a feature already corrected here keeps its correction. */
  corrections: number;
}

/**
 * Merges checked content into `db` in one transaction: all or nothing. A layer or scenario whose
 * id is taken here, or reserved (the zone's own layer and feature ids), gets a new one; so does a
 * site with a reserved id (and the scenarios of the file that name it follow); a site already
 * here with the same id is kept as it is.
 */
export function mergeProjectContent(db: Db, content: CheckedProject, reserved: ReadonlySet<string>): MergeCounts {
  const layers = layerStore(db);
  const scenarios = scenarioStore(db);
  const sites = siteStore(db);
  const criteria = criteriaStore(db);
  const corrections = correctionStore(db);
  const counts: MergeCounts = { scenarios: 0, sites: 0, layers: 0, criteria: 0, corrections: 0 };
  db.transaction(() => {
    // A criterion whose id is taken here by a different one gets a new id; the file's scenarios follow.
    const criterionIds = new Map<string, string>();
    for (const c of content.criteria) {
      const here = criteria.get(c.id);
      const same =
        here !== null &&
        JSON.stringify({ ...here, created_at: undefined, updated_at: undefined }) ===
          JSON.stringify({ ...c, created_at: undefined, updated_at: undefined });
      if (same) continue;
      const id = here ? `custom-${randomUUID().slice(0, 12)}` : c.id;
      criterionIds.set(c.id, id);
      criteria.put({ ...c, id });
      counts.criteria++;
    }
    for (const c of content.corrections) {
      if (corrections.get(c.park_id)) continue; // nothing of this project is overwritten
      corrections.put(c);
      counts.corrections++;
    }
    const criterion = (id: string) => criterionIds.get(id) ?? id;
    const siteIds = new Map<string, string>();
    for (const s of content.sites) {
      const id = reserved.has(s.id) ? `site-${randomUUID()}` : s.id;
      siteIds.set(s.id, id);
      if (sites.restore({ ...s, id })) counts.sites++;
    }
    const site = (id: string) => siteIds.get(id) ?? id;
    for (const s of content.scenarios) {
      const remapKeys = <T>(record: Partial<Record<string, T>> | undefined) =>
        record ? Object.fromEntries(Object.entries(record).map(([k, v]) => [criterion(k), v])) : undefined;
      const payload: ScenarioPayload = {
        ...s.payload,
        ...(s.payload.weights ? { weights: remapKeys(s.payload.weights) } : {}),
        ...(s.payload.valueFunctions ? { valueFunctions: remapKeys(s.payload.valueFunctions) } : {}),
        ...(s.payload.ahp ? { ahp: { ...s.payload.ahp, criteria: s.payload.ahp.criteria.map((id) => criterion(id) as typeof id) } } : {}),
        customCriteria: s.payload.customCriteria.map((c) => ({ ...c, id: criterion(c.id) as typeof c.id })),
        sites: s.payload.sites.map((x) => ({ ...x, id: site(x.id) })),
        ...(s.payload.compare
          ? {
              compare: {
                ids: s.payload.compare.ids.map(site),
                ...(s.payload.compare.own !== undefined ? { own: site(s.payload.compare.own) } : {}),
              },
            }
          : {}),
      };
      const id = scenarios.exists(s.id) || reserved.has(s.id) ? `scenario-${randomUUID()}` : s.id;
      scenarios.insert({ id, name: s.name, notes: s.notes, payload: JSON.stringify(payload) });
      counts.scenarios++;
    }
    for (const l of content.layers) {
      const id = layers.exists(l.id) || reserved.has(l.id) ? layers.newLayerId() : l.id;
      layers.insertLayer({
        id,
        name: l.name,
        role: l.role,
        geometry: l.geometry,
        sourceFile: l.sourceFile,
        sourceCrs: l.sourceCrs,
        style: l.style,
      });
      for (const f of l.features) layers.insertFeature(id, f.geometry, f.properties);
      counts.layers++;
    }
  })();
  return counts;
}
