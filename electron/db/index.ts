/**
 * The only module that opens SQLite (better-sqlite3). Two kinds of database:
 * - the user's database (projects, imports, scenarios, settings) in the data folder, WAL mode,
 *   migrated at start-up;
 * - reference data shipped with the app (the basemap MBTiles), opened read-only, so an upgrade
 *   replaces it without ever touching what a user made.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Db = Database.Database;

export interface Migration {
  /** 1-based, contiguous: migration N brings `PRAGMA user_version` from N−1 to N. */
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9-]+)\.sql$/;

/**
 * Reads `NNNN_name.sql` files from a folder. Migrations are append-only: numbering must start
 * at 0001 and have no gaps, or start-up stops before touching the database.
 */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const m = MIGRATION_FILE.exec(file);
      if (!m) throw new Error(`migration file name "${file}" does not match NNNN_name.sql`);
      return { version: Number(m[1]), name: m[2] ?? file, sql: readFileSync(join(dir, file), 'utf8') };
    });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migrations must be numbered 0001, 0002, … without gaps; found ${m.version} at position ${i + 1}`);
  });
  return migrations;
}

/**
 * Applies every migration newer than `PRAGMA user_version`, all in one transaction: either the
 * database reaches the latest version or it is left exactly as it was.
 *
 * @returns the schema version after migrating
 * @throws when the database was written by a newer version of the app (refuses to downgrade)
 */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new Error(
      `the user database is at schema version ${current}, newer than this app knows (${latest}); update the app instead of opening it with an older one`,
    );
  }
  if (current === latest) return current;
  db.transaction(() => {
    for (const m of migrations.slice(current)) db.exec(m.sql);
    // PRAGMA cannot take a bound parameter; `latest` is an integer we computed.
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return latest;
}

/** Opens (creating if needed) the user's database in WAL mode and migrates it. */
export function openUserDb(file: string, migrations: readonly Migration[]): Db {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Another connection to an open, migrated user database, for a long write (an import) whose
 * transaction must not take in what the rest of the app writes meanwhile. An in-memory database
 * (tests) has no second connection; it is returned as is.
 */
export function secondConnection(db: Db): Db {
  if (db.memory) return db;
  const other = new Database(db.name, { fileMustExist: true });
  other.pragma('foreign_keys = ON');
  other.pragma('busy_timeout = 5000');
  return other;
}

/** Opens reference data shipped with the app, read-only. */
export function openReadonly(file: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** Opens a new database file for writing (data build scripts only). */
export function openForWrite(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  return new Database(file);
}
