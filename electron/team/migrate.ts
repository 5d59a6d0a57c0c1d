/**
 * The team server's schema, created and migrated by the app (`siteselect team init`): append-only
 * SQL files in data/schema/team-migrations, numbered like the user database's (`NNNN_name.sql`,
 * from 0001 without gaps; the same loader checks both), applied in one transaction and recorded
 * in team.schema_version. Two admins migrating at once are serialised by an advisory lock.
 */
import type pg from 'pg';
import type { Migration } from '../db/index.ts';
import { UserInputError } from '../errors.ts';

/** The advisory lock key of a migration (any constant; the schema's name in ASCII). */
const MIGRATION_LOCK = 0x7465616d;

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Brings the server's team schema to the newest of `migrations`, or leaves it as it was.
 *
 * @throws UserInputError when the server's schema is newer than this app knows
 */
export async function migrateServer(client: pg.Client, migrations: readonly Migration[]): Promise<MigrationResult> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const exists = await client.query<{ ready: boolean }>("SELECT to_regclass('team.schema_version') IS NOT NULL AS ready");
    let from = 0;
    if (exists.rows[0]?.ready) {
      const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM team.schema_version');
      from = r.rows[0]?.v ?? 0;
    }
    const to = migrations.length;
    if (from > to)
      throw new UserInputError(`the team server's schema is version ${from}, newer than this app knows (${to}): update the app instead`);
    const applied: string[] = [];
    for (const m of migrations.slice(from)) {
      // A migration file is ours and shipped with the app: run as written (several statements).
      await client.query(m.sql);
      await client.query('INSERT INTO team.schema_version (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(`${String(m.version).padStart(4, '0')}_${m.name}`);
    }
    // The session says it knows the new schema, so its own log entry passes the client check.
    await client.query("SELECT set_config('siteselect.client_schema', $1, false)", [String(to)]);
    if (applied.length > 0)
      await client.query(`INSERT INTO team.log (action, detail) VALUES ('migrate', json_build_object('from', $1::int, 'to', $2::int))`, [
        from,
        to,
      ]);
    await client.query('COMMIT');
    return { from, to, applied };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
