import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appPaths } from '../node/paths.ts';
import { REPO_ROOT, tempDir } from '../testing/temp-backend.ts';
import { loadMigrations, migrate, openUserDb, type Migration } from './index.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function dir(): string {
  const t = tempDir();
  cleanups.push(t.remove);
  return t.dir;
}

describe('user database', () => {
  it('is created in WAL mode at the latest schema version, with foreign keys on', () => {
    const migrations = loadMigrations(appPaths(REPO_ROOT).migrationsDir);
    const db = openUserDb(join(dir(), 'nested', 'siteselect.db'), migrations);
    cleanups.unshift(() => db.close());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual(
      expect.arrayContaining(['projects', 'settings', 'user_features', 'user_layers']),
    );
  });

  it('applies only the migrations it has not applied yet, and keeps user data', () => {
    const file = join(dir(), 'u.db');
    const first: Migration[] = [{ version: 1, name: 'a', sql: 'CREATE TABLE t (x INTEGER);' }];
    const db1 = openUserDb(file, first);
    db1.prepare('INSERT INTO t VALUES (42)').run();
    db1.close();
    const db2 = openUserDb(file, [...first, { version: 2, name: 'b', sql: 'ALTER TABLE t ADD COLUMN y TEXT;' }]);
    cleanups.unshift(() => db2.close());
    expect(db2.pragma('user_version', { simple: true })).toBe(2);
    expect(db2.prepare('SELECT x FROM t').pluck().all()).toEqual([42]);
  });

  it('rolls a failing migration back completely', () => {
    const file = join(dir(), 'u.db');
    const db = new Database(file);
    cleanups.unshift(() => db.close());
    const broken: Migration[] = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE kept (x INTEGER);' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = join(dir(), 'u.db');
    const newer = new Database(file);
    newer.pragma('user_version = 99');
    newer.close();
    expect(() => openUserDb(file, [{ version: 1, name: 'a', sql: 'CREATE TABLE t (x);' }])).toThrow(
      /schema version 99, newer than this app/,
    );
    const check = new Database(file);
    cleanups.unshift(() => check.close());
    expect(check.pragma('user_version', { simple: true })).toBe(99);
  });

  it('rejects gaps and bad names in the migrations folder', () => {
    const d = dir();
    writeFileSync(join(d, '0001_first.sql'), 'SELECT 1;');
    writeFileSync(join(d, '0003_third.sql'), 'SELECT 1;');
    expect(() => loadMigrations(d)).toThrow(/without gaps/);
    const e = dir();
    writeFileSync(join(e, 'first.sql'), 'SELECT 1;');
    expect(() => loadMigrations(e)).toThrow(/NNNN_name\.sql/);
  });
});
