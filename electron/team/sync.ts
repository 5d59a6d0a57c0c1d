/**
 * Push and pull between the local working copy and the team server, with optimistic versions:
 * every record carries the server version it is based on, a push changes a server record only
 * from that version (`WHERE version = $base`), and a record changed on both sides becomes a
 * conflict the user resolves: nothing is overwritten silently.
 *
 * A push is one server transaction: every record, feature and log entry lands, or none does (a
 * conflict or a lost connection rolls it all back). A pull writes each record here in a local
 * transaction of its own, so a pull cut short leaves whole records, never half of one.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { geometryProblem } from '../contract/geometry.ts';
import { TEAM_KINDS, type LocalRecord, type ServerRecord, type StoredConflict, type TeamKind, type TeamStore } from '../db/team-store.ts';
import { ForbiddenError, NotFoundError, UnavailableError, UserInputError } from '../errors.ts';
import type { TeamSession } from './connection.ts';
import { recordProblem } from './records.ts';

/** The server's table for each kind. Constants: nothing a user types ever becomes part of SQL. */
const TABLE: Record<TeamKind, string> = {
  layers: 'team.layers',
  sites: 'team.sites',
  scenarios: 'team.scenarios',
  tours: 'team.tours',
  criteria: 'team.criteria',
  corrections: 'team.corrections',
};

/** Features sent or fetched per statement. */
const FEATURE_PAGE = 5000;

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  total: number;
}
export type OnProgress = (p: SyncProgress) => void;

export interface ConflictRef {
  kind: TeamKind;
  id: string;
}

export interface PushResult {
  pushed: number;
  deleted: number;
  features: number;
  /** Damaged local features left out (unreadable GeoJSON). */
  skippedFeatures: number;
  logged: number;
  /** Records changed on the server since this copy's version: the push was rolled back, they wait for a choice. */
  conflicts: ConflictRef[];
}

export interface PullResult {
  applied: number;
  removed: number;
  features: number;
  conflicts: ConflictRef[];
  /** Records that could not be written here, and why. */
  skipped: { kind: TeamKind; id: string; problem: string }[];
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d));

interface ServerRow {
  id: string;
  version: number;
  author: string;
  updated_at: Date;
  deleted: boolean;
  record: string;
  features_hash?: string | null;
}

const toServer = (r: ServerRow): ServerRecord => ({
  id: r.id,
  version: r.version,
  author: r.author,
  updatedAt: iso(r.updated_at),
  deleted: r.deleted,
  record: r.record,
});

async function serverRows(client: pg.Client, kind: TeamKind, ids: readonly string[]): Promise<ServerRow[]> {
  const hash = kind === 'layers' ? ', features_hash' : '';
  const r = await client.query<ServerRow>(
    `SELECT id, version, author, updated_at, deleted, record::text AS record${hash} FROM ${TABLE[kind]} WHERE id = ANY($1::text[])`,
    [ids],
  );
  return r.rows;
}

/** The token of a layer's features: SHA-256 over them as stored here, in order. */
export function featuresToken(pages: Iterable<{ geometry: string; properties: string }[]>): string {
  const h = createHash('sha256');
  for (const page of pages) for (const f of page) h.update(f.geometry).update('\u0000').update(f.properties).update('\n');
  return h.digest('hex');
}

function* localFeaturePages(store: TeamStore, layerId: string): Generator<{ rowId: number; geometry: string; properties: string }[]> {
  let after = 0;
  for (;;) {
    const page = store.featurePage(layerId, after, FEATURE_PAGE);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]?.rowId ?? after;
  }
}

/** A stored feature the server can take: its geometry parses and is well formed, its properties are an object. */
function readable(f: { geometry: string; properties: string }): boolean {
  try {
    if (geometryProblem(JSON.parse(f.geometry)) !== null) return false;
    const p: unknown = JSON.parse(f.properties);
    return p !== null && typeof p === 'object' && !Array.isArray(p);
  } catch {
    return false;
  }
}

function requireEditor(session: TeamSession, what: string): void {
  if (session.role === 'editor' || session.role === 'admin') return;
  throw new ForbiddenError(
    `your role on the team server is ${session.role === 'none' ? 'none (not a member)' : session.role}: ${what} needs editor or admin`,
  );
}

/** Sends a layer's readable features (all of them replace the server's); returns how many were sent and skipped. */
async function sendFeatures(
  client: pg.Client,
  store: TeamStore,
  layerId: string,
  tick: (n: number) => void,
): Promise<{ sent: number; skipped: number }> {
  await client.query('DELETE FROM team.features WHERE layer_id = $1', [layerId]);
  let seq = 0;
  let skipped = 0;
  for (const page of localFeaturePages(store, layerId)) {
    const rows: string[] = [];
    for (const f of page) {
      if (!readable(f)) {
        skipped++;
        continue;
      }
      rows.push(`[${++seq},${f.geometry},${f.properties}]`);
    }
    if (rows.length > 0)
      await client.query(
        `INSERT INTO team.features (layer_id, seq, geom, properties)
         SELECT $1, (f ->> 0)::integer, ST_SetSRID(ST_GeomFromGeoJSON(f -> 1), 4326), f -> 2 FROM json_array_elements($2::json) AS f`,
        [layerId, `[${rows.join(',')}]`],
      );
    tick(page.length);
  }
  return { sent: seq, skipped };
}

/**
 * Pushes every local change (records, deletions, logged choices) in one transaction.
 *
 * @throws ForbiddenError for a viewer; UserInputError while conflicts wait for a choice;
 *   UnavailableError when the connection is lost (the server then has none of it)
 */
export async function push(session: TeamSession, store: TeamStore, onProgress: OnProgress = () => undefined): Promise<PushResult> {
  requireEditor(session, 'pushing');
  const waiting = store.conflicts();
  if (waiting.length > 0)
    throw new UserInputError(`${waiting.length} record(s) changed both here and on the team server: choose which version to keep first`);
  const work = TEAM_KINDS.flatMap((kind) =>
    store
      .records(kind)
      .filter((r) => r.dirty)
      .map((r) => ({ kind, r })),
  );
  const tombstones = store.tombstones();
  const outbox = store.outbox();
  const featureTotal = work.reduce((n, w) => n + (w.kind === 'layers' && w.r.featuresHash === null ? featureCount(store, w.r.id) : 0), 0);
  const total = work.length + tombstones.length + featureTotal;
  let done = 0;
  const tick = (n = 1) => onProgress({ phase: 'push', done: (done += n), total });
  onProgress({ phase: 'push', done: 0, total });

  const client = session.client;
  const landed: { kind: TeamKind; r: LocalRecord; row: ServerRow; token?: string }[] = [];
  const conflicts: StoredConflict['server'][] = [];
  const conflictKinds: TeamKind[] = [];
  const log: { action: string; kind: string; record_id: string; version: number | null; detail: unknown }[] = [];
  let features = 0;
  let skippedFeatures = 0;
  await client.query('BEGIN');
  try {
    for (const { kind, r } of work) {
      const sendsFeatures = kind === 'layers' && r.featuresHash === null;
      const digest = sendsFeatures ? layerDigest(store, r.id) : undefined;
      const token = digest?.token;
      const count = digest?.count;
      const extra = sendsFeatures;
      const written =
        r.version === 0
          ? await client.query<ServerRow>(
              extra
                ? `INSERT INTO team.layers (id, version, record, feature_count, features_hash) VALUES ($1, 1, $2::json, $3, $4)
                   ON CONFLICT (id) DO NOTHING RETURNING id, version, author, updated_at, deleted, record::text AS record`
                : `INSERT INTO ${TABLE[kind]} (id, version, record) VALUES ($1, 1, $2::json)
                   ON CONFLICT (id) DO NOTHING RETURNING id, version, author, updated_at, deleted, record::text AS record`,
              extra ? [r.id, r.record, count, token] : [r.id, r.record],
            )
          : await client.query<ServerRow>(
              extra
                ? `UPDATE team.layers SET version = version + 1, record = $2::json, deleted = false, feature_count = $4, features_hash = $5
                   WHERE id = $1 AND version = $3 RETURNING id, version, author, updated_at, deleted, record::text AS record`
                : `UPDATE ${TABLE[kind]} SET version = version + 1, record = $2::json, deleted = false
                   WHERE id = $1 AND version = $3 RETURNING id, version, author, updated_at, deleted, record::text AS record`,
              extra ? [r.id, r.record, r.version, count, token] : [r.id, r.record, r.version],
            );
      const row = written.rows[0];
      if (!row) {
        const [server] = await serverRows(client, kind, [r.id]);
        // Our own earlier push (the app stopped before noting it): the server holds exactly this copy.
        if (server && !server.deleted && server.record === r.record) landed.push({ kind, r, row: server });
        else if (server) {
          conflicts.push(toServer(server));
          conflictKinds.push(kind);
        }
        tick();
        continue;
      }
      if (sendsFeatures) {
        const sent = await sendFeatures(client, store, r.id, tick);
        features += sent.sent;
        skippedFeatures += sent.skipped;
      }
      landed.push({ kind, r, row, ...(token !== undefined ? { token } : {}) });
      log.push({ action: 'push', kind, record_id: r.id, version: row.version, detail: {} });
      tick();
    }
    const deletedOk: { kind: TeamKind; id: string }[] = [];
    for (const t of tombstones) {
      const r = await client.query<{ version: number }>(
        `UPDATE ${TABLE[t.kind]} SET version = version + 1, deleted = true WHERE id = $1 AND version = $2 RETURNING version`,
        [t.id, t.version],
      );
      const row = r.rows[0];
      if (row) {
        if (t.kind === 'layers') await client.query('DELETE FROM team.features WHERE layer_id = $1', [t.id]);
        deletedOk.push(t);
        log.push({ action: 'delete', kind: t.kind, record_id: t.id, version: row.version, detail: {} });
      } else {
        const [server] = await serverRows(client, t.kind, [t.id]);
        if (!server || server.deleted) deletedOk.push(t);
        else {
          conflicts.push(toServer(server));
          conflictKinds.push(t.kind);
        }
      }
      tick();
    }
    for (const e of outbox)
      log.push({ action: e.action, kind: e.kind, record_id: e.recordId, version: e.version, detail: JSON.parse(e.detail) });

    if (conflicts.length > 0) {
      await client.query('ROLLBACK');
      store.transaction(() => conflicts.forEach((s, i) => store.putConflict(conflictKinds[i] as TeamKind, s)));
      return {
        pushed: 0,
        deleted: 0,
        features: 0,
        skippedFeatures: 0,
        logged: 0,
        conflicts: conflicts.map((s, i) => ({ kind: conflictKinds[i] as TeamKind, id: s.id })),
      };
    }
    if (log.length > 0)
      await client.query(
        `INSERT INTO team.log (action, kind, record_id, version, detail)
         SELECT action, kind, record_id, version, detail FROM json_to_recordset($1::json)
           AS t(action text, kind text, record_id text, version integer, detail json)`,
        [JSON.stringify(log)],
      );
    await client.query('COMMIT');
    store.transaction(() => {
      for (const l of landed)
        store.markPushed(l.kind, l.r.id, {
          version: l.row.version,
          author: l.row.author,
          updatedAt: iso(l.row.updated_at),
          pushed: l.r.record,
          ...(l.token !== undefined ? { featuresHash: l.token } : {}),
        });
      for (const d of deletedOk) store.markDeletionPushed(d.kind, d.id);
      store.clearOutbox(outbox.map((e) => e.id));
    });
    return {
      pushed: landed.length,
      deleted: deletedOk.length,
      features,
      skippedFeatures,
      logged: log.length,
      conflicts: [],
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The token and count of the features a push sends (the readable ones). */
function layerDigest(store: TeamStore, layerId: string): { token: string; count: number } {
  let count = 0;
  const token = featuresToken(
    (function* () {
      for (const page of localFeaturePages(store, layerId)) {
        const ok = page.filter(readable);
        count += ok.length;
        yield ok;
      }
    })(),
  );
  return { token, count };
}

function featureCount(store: TeamStore, layerId: string): number {
  let n = 0;
  for (const page of localFeaturePages(store, layerId)) n += page.length;
  return n;
}

async function fetchFeatures(
  client: pg.Client,
  layerId: string,
  tick: (n: number) => void,
): Promise<{ geometry: string; properties: string }[]> {
  const out: { geometry: string; properties: string }[] = [];
  let after = 0;
  for (;;) {
    const r = await client.query<{ seq: number; geometry: string; properties: string }>(
      `SELECT seq, ST_AsGeoJSON(geom, 15) AS geometry, properties::text AS properties FROM team.features
       WHERE layer_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [layerId, after, FEATURE_PAGE],
    );
    for (const f of r.rows) out.push({ geometry: f.geometry, properties: f.properties });
    tick(r.rows.length);
    if (r.rows.length < FEATURE_PAGE) return out;
    after = r.rows[r.rows.length - 1]?.seq ?? after;
  }
}

/**
 * Takes in what teammates pushed: new and changed records, deletions. A record changed here too
 * becomes a conflict (the local copy stays as it is); one that cannot be read here is skipped.
 */
export async function pull(session: TeamSession, store: TeamStore, onProgress: OnProgress = () => undefined): Promise<PullResult> {
  const client = session.client;
  const result: PullResult = { applied: 0, removed: 0, features: 0, conflicts: [], skipped: [] };
  const plan: { kind: TeamKind; ids: string[]; gone: string[] }[] = [];
  for (const kind of TEAM_KINDS) {
    const listed = await client.query<{ id: string; version: number; deleted: boolean }>(`SELECT id, version, deleted FROM ${TABLE[kind]}`);
    const local = new Map(store.records(kind).map((r) => [r.id, r]));
    const tombs = new Map(
      store
        .tombstones()
        .filter((t) => t.kind === kind)
        .map((t) => [t.id, t.version]),
    );
    const known = new Map(
      store
        .conflicts()
        .filter((c) => c.kind === kind)
        .map((c) => [c.id, c.server.version]),
    );
    const ids: string[] = [];
    const onServer = new Set<string>();
    for (const s of listed.rows) {
      onServer.add(s.id);
      if (known.get(s.id) === s.version) continue;
      const mine = local.get(s.id);
      const tomb = tombs.get(s.id);
      if (mine ? s.version > mine.version : tomb !== undefined ? s.version > tomb : !s.deleted) ids.push(s.id);
    }
    // Pushed once, now gone from the server altogether (an admin removed it): as if deleted there.
    const gone = [...local.values()].filter((r) => r.version > 0 && !onServer.has(r.id)).map((r) => r.id);
    plan.push({ kind, ids, gone });
  }
  const total = plan.reduce((n, p) => n + p.ids.length + p.gone.length, 0);
  let done = 0;
  const tick = (n = 1) => onProgress({ phase: 'pull', done: (done += n), total });
  onProgress({ phase: 'pull', done: 0, total });

  for (const { kind, ids, gone } of plan) {
    for (const id of gone) {
      const mine = store.record(kind, id);
      if (mine && !mine.dirty) {
        store.removeLocal(kind, id);
        result.removed++;
      }
      tick();
    }
    for (let i = 0; i < ids.length; i += 500) {
      for (const row of await serverRows(client, kind, ids.slice(i, i + 500))) {
        const server = toServer(row);
        const mine = store.record(kind, row.id);
        const tomb = store.tombstone(kind, row.id);
        if (tomb && !mine && row.deleted) store.markDeletionPushed(kind, row.id);
        else if (tomb || (mine && mine.dirty)) {
          if (mine && !row.deleted && mine.record === row.record)
            store.apply(kind, server, { featuresHash: row.features_hash ?? null, features: null });
          else {
            store.putConflict(kind, server);
            result.conflicts.push({ kind, id: row.id });
          }
        } else if (row.deleted) {
          if (mine) {
            store.removeLocal(kind, row.id);
            result.removed++;
          }
        } else {
          const problem = recordProblem(kind, row.id, row.record);
          if (problem) result.skipped.push({ kind, id: row.id, problem });
          else {
            const features =
              kind === 'layers' && (mine?.featuresHash ?? null) !== (row.features_hash ?? null)
                ? await fetchFeatures(client, row.id, (n) => void (result.features += n))
                : null;
            store.apply(kind, server, { featuresHash: row.features_hash ?? null, features });
            result.applied++;
          }
        }
        tick();
      }
    }
  }
  return result;
}

/**
 * The user's choice for a conflict: keep this copy (the next push replaces the server's) or take
 * the server's. Logged with the next push.
 *
 * @param session - needed to take a layer's features from the server; null when offline
 * @throws NotFoundError when there is no such conflict; UnavailableError when taking a layer's features needs the server
 */
export async function resolveConflict(
  session: TeamSession | null,
  store: TeamStore,
  kind: TeamKind,
  id: string,
  choice: 'mine' | 'theirs',
): Promise<void> {
  const c = store.conflict(kind, id);
  if (!c) throw new NotFoundError(`no conflict for ${kind} "${id}"`);
  const mine = store.record(kind, id);
  const tomb = store.tombstone(kind, id);
  let features: { geometry: string; properties: string }[] | null = null;
  let featuresHash: string | null = null;
  if (choice === 'theirs' && !c.server.deleted) {
    const problem = recordProblem(kind, id, c.server.record);
    if (problem) throw new UserInputError(`the team server's copy of ${kind} "${id}" cannot be used here: ${problem}`);
    if (kind === 'layers') {
      if (!session) throw new UnavailableError("taking the team server's copy of a layer needs its features: connect first");
      const [row] = await serverRows(session.client, kind, [id]);
      featuresHash = row?.features_hash ?? null;
      if (featuresHash !== (mine?.featuresHash ?? null)) features = await fetchFeatures(session.client, id, () => undefined);
      else featuresHash = mine?.featuresHash ?? null;
    }
  }
  store.transaction(() => {
    if (choice === 'mine') store.rebase(kind, id, c.server.version);
    else if (c.server.deleted) store.removeLocal(kind, id);
    else store.apply(kind, c.server, { featuresHash, features });
    store.dropConflict(kind, id);
    store.addOutbox({
      action: 'resolve',
      kind,
      recordId: id,
      version: c.server.version,
      detail: JSON.stringify({
        choice,
        mine: { version: mine?.version ?? tomb?.version ?? 0, deleted: !mine },
        theirs: { version: c.server.version, author: c.server.author, updatedAt: c.server.updatedAt, deleted: c.server.deleted },
      }),
    });
  });
}

export interface LogEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  kind: string | null;
  recordId: string | null;
  version: number | null;
  detail: unknown;
}

/** The newest entries of the team log. */
export async function readLog(session: TeamSession, limit: number): Promise<LogEntry[]> {
  const r = await session.client.query<{
    id: string;
    at: Date;
    actor: string;
    action: string;
    kind: string | null;
    record_id: string | null;
    version: number | null;
    detail: unknown;
  }>('SELECT id, at, actor, action, kind, record_id, version, detail FROM team.log ORDER BY id DESC LIMIT $1', [limit]);
  return r.rows.map((e) => ({
    id: Number(e.id),
    at: iso(e.at),
    actor: e.actor,
    action: e.action,
    kind: e.kind,
    recordId: e.record_id,
    version: e.version,
    detail: e.detail,
  }));
}
