/**
 * The local side of the team workspace (issue 20, migration `team-sync`): the sync columns of the
 * shared tables (team_version, team_author, team_updated_at, team_dirty), the deletions not pushed
 * yet (team_tombstones), the conflicts waiting for a choice (team_conflicts) and the log entries
 * waiting for a push (team_outbox). The one owner of SQL on those columns and tables; the stores
 * of each table own everything else, and never touch these (the migration's triggers mark a
 * local edit as dirty).
 *
 * A record crosses to the server as JSON made here in SQL (json_object over the row's own
 * columns) and comes back through the same column list, so what is compared, pushed and
 * applied is one text per record.
 */
import type Database from 'better-sqlite3';
import { TEAM_KINDS, type TeamKindName } from '../contract/team.ts';
import type { Db } from './index.ts';
import { NOW_SQL, PROJECT_ID } from './project.ts';
import { userWrite } from './user-write.ts';

export { TEAM_KINDS };
export type TeamKind = TeamKindName;

/** The sync state of one local record. */
export interface LocalRecord {
  id: string;
  /** The server version this copy is based on (0: never pushed). */
  version: number;
  dirty: boolean;
  /** The record as JSON text (see `recordSql`). */
  record: string;
  author: string | null;
  updatedAt: string | null;
  /** Layers: the server's token for the features this copy holds (null: never in sync, so a push sends them). */
  featuresHash: string | null;
}

/** A record as the server holds it. */
export interface ServerRecord {
  id: string;
  version: number;
  author: string;
  updatedAt: string;
  deleted: boolean;
  /** JSON text. */
  record: string;
}

export interface Tombstone {
  kind: TeamKind;
  id: string;
  version: number;
}

export interface StoredConflict {
  kind: TeamKind;
  id: string;
  server: ServerRecord;
  detectedAt: string;
}

export interface OutboxEntry {
  id: number;
  action: 'resolve';
  kind: TeamKind;
  recordId: string;
  version: number | null;
  /** JSON text. */
  detail: string;
}

interface KindSql {
  table: string;
  key: string;
  /** The record of a row, as JSON text. */
  record: string;
  /** Inserts or replaces a row from `@r` (the record) with its team columns `@v`, `@a`, `@t` and `@h`, clean. */
  apply: string;
}

const team = (extra = '') =>
  `team_version = excluded.team_version, team_author = excluded.team_author, team_updated_at = excluded.team_updated_at, team_dirty = 0${extra}`;
const j = (field: string) => `json_extract(@r, '$.${field}')`;

/** Per kind: the table, its key, and the SQL that makes and applies its record. Every name here is a constant. */
const KINDS: Record<TeamKind, KindSql> = {
  layers: {
    table: 'user_layers',
    key: 'id',
    record: `json_object('id', id, 'name', name, 'role', role, 'geometry', geometry, 'source_file', source_file, 'source_crs', source_crs,
      'style', CASE WHEN json_valid(style) THEN json(style) ELSE json('{}') END, 'created_at', created_at)`,
    apply: `INSERT INTO user_layers (id, project_id, name, role, geometry, source_file, source_crs, style, created_at,
        team_version, team_author, team_updated_at, team_dirty, team_features_hash)
      VALUES (${j('id')}, ${PROJECT_ID}, ${j('name')}, ${j('role')}, ${j('geometry')}, ${j('source_file')}, ${j('source_crs')},
        coalesce(json_extract(@r, '$.style'), '{}'), coalesce(${j('created_at')}, ${NOW_SQL}), @v, @a, @t, 0, @h)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, geometry = excluded.geometry,
        source_file = excluded.source_file, source_crs = excluded.source_crs, style = excluded.style,
        ${team(', team_features_hash = excluded.team_features_hash')}`,
  },
  sites: {
    table: 'candidate_sites',
    key: 'id',
    record: `json_object('id', id, 'name', name, 'lng', lng, 'lat', lat, 'notes', notes, 'created_at', created_at)`,
    apply: `INSERT INTO candidate_sites (id, project_id, name, lng, lat, notes, created_at, team_version, team_author, team_updated_at, team_dirty)
      VALUES (${j('id')}, ${PROJECT_ID}, ${j('name')}, ${j('lng')}, ${j('lat')}, coalesce(${j('notes')}, ''),
        coalesce(${j('created_at')}, ${NOW_SQL}), @v, @a, @t, 0)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, lng = excluded.lng, lat = excluded.lat, notes = excluded.notes, ${team()}`,
  },
  scenarios: {
    table: 'scenarios',
    key: 'id',
    record: `json_object('id', id, 'name', name, 'notes', notes, 'payload', json(payload), 'created_at', created_at, 'updated_at', updated_at)`,
    apply: `INSERT INTO scenarios (id, project_id, name, notes, payload, created_at, updated_at, team_version, team_author, team_updated_at, team_dirty)
      VALUES (${j('id')}, ${PROJECT_ID}, ${j('name')}, coalesce(${j('notes')}, ''), ${j('payload')},
        coalesce(${j('created_at')}, ${NOW_SQL}), coalesce(${j('updated_at')}, ${NOW_SQL}), @v, @a, @t, 0)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, notes = excluded.notes, payload = excluded.payload,
        updated_at = excluded.updated_at, ${team()}`,
  },
  tours: {
    table: 'tours',
    key: 'id',
    record: `json_object('id', id, 'name_zh', name_zh, 'name_en', name_en, 'stops', json(stops), 'created_at', created_at, 'updated_at', updated_at)`,
    apply: `INSERT INTO tours (id, project_id, name_zh, name_en, stops, created_at, updated_at, team_version, team_author, team_updated_at, team_dirty)
      VALUES (${j('id')}, ${PROJECT_ID}, ${j('name_zh')}, ${j('name_en')}, ${j('stops')},
        coalesce(${j('created_at')}, ${NOW_SQL}), coalesce(${j('updated_at')}, ${NOW_SQL}), @v, @a, @t, 0)
      ON CONFLICT(id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, stops = excluded.stops,
        updated_at = excluded.updated_at, ${team()}`,
  },
  criteria: {
    table: 'custom_criteria',
    key: 'id',
    record: `json_object('id', id, 'name_zh', name_zh, 'name_en', name_en, 'unit', unit, 'type', type, 'value_function', json(value_function),
      'source', source, 'as_of', as_of, 'origin', json(origin), 'values', json("values"), 'created_at', created_at, 'updated_at', updated_at)`,
    apply: `INSERT INTO custom_criteria (id, project_id, name_zh, name_en, unit, type, value_function, source, as_of, origin, "values",
        created_at, updated_at, team_version, team_author, team_updated_at, team_dirty)
      VALUES (${j('id')}, ${PROJECT_ID}, ${j('name_zh')}, ${j('name_en')}, ${j('unit')}, ${j('type')}, ${j('value_function')},
        ${j('source')}, ${j('as_of')}, ${j('origin')}, ${j('values')}, coalesce(${j('created_at')}, ${NOW_SQL}),
        coalesce(${j('updated_at')}, ${NOW_SQL}), @v, @a, @t, 0)
      ON CONFLICT(id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, unit = excluded.unit, type = excluded.type,
        value_function = excluded.value_function, source = excluded.source, as_of = excluded.as_of, origin = excluded.origin,
        "values" = excluded."values", updated_at = excluded.updated_at, ${team()}`,
  },
  corrections: {
    table: 'park_corrections',
    key: 'park_id',
    // feature_kind, citation and credit (the osm-matches migration): a record pushed before them has none, so it is a park's.
    record: `json_object('park_id', park_id, 'feature_kind', feature_kind, 'lng', lng, 'lat', lat, 'crs', crs, 'given_lng', given_lng,
      'given_lat', given_lat, 'source', source, 'osm_id', osm_id, 'citation', citation, 'credit', credit, 'note', note,
      'created_at', created_at, 'updated_at', updated_at)`,
    apply: `INSERT INTO park_corrections (park_id, project_id, feature_kind, lng, lat, crs, given_lng, given_lat, source, osm_id, citation, credit,
        note, created_at, updated_at, team_version, team_author, team_updated_at, team_dirty)
      VALUES (${j('park_id')}, ${PROJECT_ID}, coalesce(${j('feature_kind')}, 'park'), ${j('lng')}, ${j('lat')}, ${j('crs')}, ${j('given_lng')},
        ${j('given_lat')}, ${j('source')}, ${j('osm_id')}, ${j('citation')}, ${j('credit')}, coalesce(${j('note')}, ''),
        coalesce(${j('created_at')}, ${NOW_SQL}), coalesce(${j('updated_at')}, ${NOW_SQL}), @v, @a, @t, 0)
      ON CONFLICT(park_id) DO UPDATE SET feature_kind = excluded.feature_kind, lng = excluded.lng, lat = excluded.lat, crs = excluded.crs,
        given_lng = excluded.given_lng, given_lat = excluded.given_lat, source = excluded.source, osm_id = excluded.osm_id,
        citation = excluded.citation, credit = excluded.credit, note = excluded.note, updated_at = excluded.updated_at, ${team()}`,
  },
};

/** The key a record names its row by (park corrections: the park). */
export const recordKey = (kind: TeamKind): 'id' | 'park_id' => (kind === 'corrections' ? 'park_id' : 'id');

export interface TeamStore {
  /** Every local record of a kind with its sync state. */
  records(kind: TeamKind): LocalRecord[];
  record(kind: TeamKind, id: string): LocalRecord | null;
  tombstones(): Tombstone[];
  tombstone(kind: TeamKind, id: string): Tombstone | null;
  /** A layer's features as stored (GeoJSON and properties as text), in order, a page at a time. */
  featurePage(layerId: string, afterRowId: number, limit: number): { rowId: number; geometry: string; properties: string }[];
  /** After a push: the server's version, author and time; still dirty when the row changed since `pushed` was read. */
  markPushed(
    kind: TeamKind,
    id: string,
    v: { version: number; author: string; updatedAt: string; pushed: string; featuresHash?: string },
  ): void;
  markDeletionPushed(kind: TeamKind, id: string): void;
  /** Writes a server record here, clean; a layer's features are replaced when given. */
  apply(
    kind: TeamKind,
    r: ServerRecord,
    layer?: { featuresHash: string | null; features: { geometry: string; properties: string }[] | null },
  ): void;
  /** Removes a record the server deleted (leaving no tombstone: nothing to push). */
  removeLocal(kind: TeamKind, id: string): void;
  /** Keeps the local copy, now based on the server's version: the next push replaces the server's. */
  rebase(kind: TeamKind, id: string, serverVersion: number): void;
  conflicts(): StoredConflict[];
  conflict(kind: TeamKind, id: string): StoredConflict | null;
  putConflict(kind: TeamKind, server: ServerRecord): void;
  dropConflict(kind: TeamKind, id: string): void;
  outbox(): OutboxEntry[];
  addOutbox(e: Omit<OutboxEntry, 'id'>): void;
  clearOutbox(ids: readonly number[]): void;
  /** How many records and deletions wait for a push. */
  pending(): { records: number; deletions: number };
  transaction<T>(fn: () => T): T;
}

interface RawLocal {
  id: string;
  version: number;
  dirty: number;
  record: string;
  author: string | null;
  updatedAt: string | null;
  featuresHash: string | null;
}

interface RawConflict {
  kind: TeamKind;
  id: string;
  server_version: number;
  server_author: string;
  server_updated_at: string;
  server_deleted: number;
  server_record: string;
  detected_at: string;
}

const toLocal = (r: RawLocal): LocalRecord => ({ ...r, dirty: r.dirty === 1 });
const toConflict = (r: RawConflict): StoredConflict => ({
  kind: r.kind,
  id: r.id,
  detectedAt: r.detected_at,
  server: {
    id: r.id,
    version: r.server_version,
    author: r.server_author,
    updatedAt: r.server_updated_at,
    deleted: r.server_deleted === 1,
    record: r.server_record,
  },
});

export function teamStore(db: Db): TeamStore {
  const per = Object.fromEntries(
    TEAM_KINDS.map((kind) => {
      const { table, key, record, apply } = KINDS[kind];
      const hash = kind === 'layers' ? 'team_features_hash' : 'NULL';
      const select = `SELECT ${key} AS id, team_version AS version, team_dirty AS dirty, ${record} AS record, team_author AS author,
        team_updated_at AS updatedAt, ${hash} AS featuresHash FROM ${table}`;
      return [
        kind,
        {
          list: db.prepare(`${select} WHERE project_id = ${PROJECT_ID} ORDER BY ${key}`),
          one: db.prepare(`${select} WHERE ${key} = ?`),
          apply: db.prepare(apply),
          marked: db.prepare(
            `UPDATE ${table} SET team_version = @v, team_author = @a, team_updated_at = @t,
              team_dirty = CASE WHEN ${record} = @pushed THEN 0 ELSE 1 END WHERE ${key} = @id`,
          ),
          remove: db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`),
          rebase: db.prepare(`UPDATE ${table} SET team_version = ?, team_dirty = 1 WHERE ${key} = ?`),
        },
      ];
    }),
  ) as Record<TeamKind, Record<'list' | 'one' | 'apply' | 'marked' | 'remove' | 'rebase', Database.Statement>>;
  const layerHash = db.prepare('UPDATE user_layers SET team_features_hash = ? WHERE id = ?');
  const tombstones = db.prepare('SELECT kind, id, version FROM team_tombstones ORDER BY kind, id');
  const tombstone = db.prepare('SELECT kind, id, version FROM team_tombstones WHERE kind = ? AND id = ?');
  const dropTombstone = db.prepare('DELETE FROM team_tombstones WHERE kind = ? AND id = ?');
  const setTombstone = db.prepare('UPDATE team_tombstones SET version = ? WHERE kind = ? AND id = ?');
  const featurePage = db.prepare(
    'SELECT id AS rowId, geometry, properties FROM user_features WHERE layer_id = ? AND id > ? ORDER BY id LIMIT ?',
  );
  const clearFeatures = db.prepare('DELETE FROM user_features WHERE layer_id = ?');
  const insertFeature = db.prepare('INSERT INTO user_features (layer_id, geometry, properties) VALUES (?, ?, ?)');
  const conflicts = db.prepare('SELECT * FROM team_conflicts ORDER BY detected_at, kind, id');
  const conflict = db.prepare('SELECT * FROM team_conflicts WHERE kind = ? AND id = ?');
  const putConflict = db.prepare(`INSERT OR REPLACE INTO team_conflicts
    (kind, id, server_version, server_author, server_updated_at, server_deleted, server_record) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const dropConflict = db.prepare('DELETE FROM team_conflicts WHERE kind = ? AND id = ?');
  const outbox = db.prepare('SELECT id, action, kind, record_id AS recordId, version, detail FROM team_outbox ORDER BY id');
  const addOutbox = db.prepare('INSERT INTO team_outbox (action, kind, record_id, version, detail) VALUES (?, ?, ?, ?, ?)');
  const clearOutbox = db.prepare('DELETE FROM team_outbox WHERE id = ?');
  const pendingRecords = db
    .prepare(
      TEAM_KINDS.map((k) => `SELECT count(*) AS n FROM ${KINDS[k].table} WHERE team_dirty = 1 AND project_id = ${PROJECT_ID}`).join(
        ' UNION ALL ',
      ),
    )
    .pluck();
  const pendingDeletions = db.prepare('SELECT count(*) FROM team_tombstones').pluck();

  const store: TeamStore = {
    records: (kind) => (per[kind].list.all() as RawLocal[]).map(toLocal),
    record: (kind, id) => {
      const r = per[kind].one.get(id) as RawLocal | undefined;
      return r ? toLocal(r) : null;
    },
    tombstones: () => tombstones.all() as Tombstone[],
    tombstone: (kind, id) => (tombstone.get(kind, id) as Tombstone | undefined) ?? null,
    featurePage: (layerId, after, limit) =>
      featurePage.all(layerId, after, limit) as { rowId: number; geometry: string; properties: string }[],
    markPushed: (kind, id, v) =>
      store.transaction(() => {
        // The hash first, while the row is still dirty: a write to a clean row would mark it dirty again (the edit trigger).
        if (kind === 'layers' && v.featuresHash !== undefined) layerHash.run(v.featuresHash, id);
        per[kind].marked.run({ v: v.version, a: v.author, t: v.updatedAt, pushed: v.pushed, id });
      }),
    markDeletionPushed: (kind, id) => void dropTombstone.run(kind, id),
    apply: (kind, r, layer) =>
      store.transaction(() => {
        dropTombstone.run(kind, r.id);
        userWrite(`the ${kind} record ${r.id} from the team server`, () =>
          per[kind].apply.run({ r: r.record, v: r.version, a: r.author, t: r.updatedAt, h: layer?.featuresHash ?? null }),
        );
        if (kind === 'layers' && layer?.features) {
          clearFeatures.run(r.id);
          for (const f of layer.features) insertFeature.run(r.id, f.geometry, f.properties);
        }
      }),
    removeLocal: (kind, id) =>
      store.transaction(() => {
        per[kind].remove.run(id);
        dropTombstone.run(kind, id);
      }),
    rebase: (kind, id, version) =>
      store.transaction(() => {
        if (per[kind].rebase.run(version, id).changes === 0) setTombstone.run(version, kind, id);
      }),
    conflicts: () => (conflicts.all() as RawConflict[]).map(toConflict),
    conflict: (kind, id) => {
      const r = conflict.get(kind, id) as RawConflict | undefined;
      return r ? toConflict(r) : null;
    },
    putConflict: (kind, s) => void putConflict.run(kind, s.id, s.version, s.author, s.updatedAt, s.deleted ? 1 : 0, s.record),
    dropConflict: (kind, id) => void dropConflict.run(kind, id),
    outbox: () => outbox.all() as OutboxEntry[],
    addOutbox: (e) => void addOutbox.run(e.action, e.kind, e.recordId, e.version, e.detail),
    clearOutbox: (ids) => store.transaction(() => ids.forEach((id) => clearOutbox.run(id))),
    pending: () => ({
      records: (pendingRecords.all() as number[]).reduce((a, b) => a + b, 0),
      deletions: pendingDeletions.get() as number,
    }),
    transaction: (fn) => (db.inTransaction ? fn() : db.transaction(fn)()),
  };
  return store;
}
