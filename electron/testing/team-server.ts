/**
 * Test helper: a throwaway team server database on the local PostgreSQL cluster (`team20_<random>`,
 * dropped afterwards), with login roles of its own (an admin who owns the database, editors, a
 * viewer), each with a random password, and app backends that connect to it as one of them.
 *
 * Set-up runs psql as the `postgres` OS user over the socket (electron/roads/pgrouting.ts); the
 * app itself connects over TCP to 127.0.0.1 with scram-sha-256, as a user's would.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { openBackend, type Backend } from '../backend.ts';
import { psql } from '../roads/pgrouting.ts';
import type { SecretBox } from '../team/credentials.ts';
import { appPaths } from '../node/paths.ts';
import { REPO_ROOT, tempDir } from './temp-backend.ts';

/** Where .ci/postgres-tls.sh puts the test CA (the server's certificate is signed by it). */
export const TEST_CA = '/etc/postgresql/15/main/siteselect-tls/ca.crt';
export const DB_PREFIX = 'team20_';

/** Why a team server cannot be made here, or null. */
export function teamServerUnavailable(): string | null {
  if (!existsSync('/usr/bin/psql')) return 'psql is not installed (apt-get install postgresql-15 postgresql-15-postgis-3)';
  try {
    const [row] = psql('postgres', "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'");
    if (row?.[0] !== '1') return 'PostGIS is not installed in PostgreSQL (apt-get install postgresql-15-postgis-3)';
  } catch (error) {
    return `PostgreSQL is not reachable as the postgres user: ${(error as Error).message.split('\n')[0] ?? ''}`;
  }
  return null;
}

/** Why the TLS tests cannot run (no test CA, ssl off), or null. */
export function tlsUnavailable(): string | null {
  if (!existsSync(TEST_CA)) return `no test CA at ${TEST_CA}: run .ci/postgres-tls.sh (as root)`;
  const [row] = psql('postgres', 'SHOW ssl');
  return row?.[0] === 'on' ? null : 'ssl is off in the cluster: run .ci/postgres-tls.sh (as root)';
}

/** A stand-in for Electron's safeStorage: AES-256-GCM with a key that lives only in this process. */
export function testSecretBox(): SecretBox & { sealedCount: number } {
  const key = randomBytes(32);
  const box = {
    sealedCount: 0,
    unavailable: () => null,
    seal(plain: string) {
      box.sealedCount++;
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    open(sealed: string) {
      const raw = Buffer.from(sealed, 'base64');
      const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
  };
  return box;
}

export interface TeamLogin {
  name: string;
  password: string;
}

export interface TeamServer {
  db: string;
  admin: TeamLogin;
  /** Makes a login role; with a group role (siteselect_viewer/editor/admin) it joins it. */
  login(suffix: string, group?: 'siteselect_viewer' | 'siteselect_editor' | 'siteselect_admin' | 'siteselect_tls_only'): TeamLogin;
  /** Adds a login to a group role (after `team init` made the groups). */
  grant(login: TeamLogin, group: string): void;
  /** The URL a client uses (no password in it). */
  url(login: TeamLogin, query?: string): string;
  /** Runs SQL as the postgres superuser in this database. */
  sql(text: string): string[][];
  drop(): void;
}

/** Creates the database and its admin; call `drop()` when done. */
export function createTeamServer(): TeamServer {
  const db = `${DB_PREFIX}${randomBytes(5).toString('hex')}`;
  const logins: string[] = [];
  const login = (suffix: string, group?: string): TeamLogin => {
    const l = { name: `${db}_${suffix}`, password: randomBytes(12).toString('hex') };
    // Both are [a-z0-9_]: made here, not taken from anywhere.
    psql('postgres', `CREATE ROLE ${l.name} LOGIN PASSWORD '${l.password}';`);
    logins.push(l.name);
    if (group) psql('postgres', `GRANT ${group} TO ${l.name};`);
    return l;
  };
  const admin = login('admin');
  psql('postgres', `ALTER ROLE ${admin.name} CREATEROLE; CREATE DATABASE ${db} OWNER ${admin.name};`);
  psql(db, 'CREATE EXTENSION postgis;');
  return {
    db,
    admin,
    login,
    grant: (l, group) => void psql('postgres', `GRANT ${group} TO ${l.name};`),
    url: (l, query = 'sslmode=require') => `postgresql://${l.name}@127.0.0.1:5432/${db}?${query}`,
    sql: (text) => psql(db, text),
    drop() {
      psql('postgres', `DROP DATABASE IF EXISTS ${db} WITH (FORCE);`);
      for (const name of logins) psql('postgres', `DROP ROLE IF EXISTS ${name};`);
    },
  };
}

/** A desktop-like backend (its own data folder, a keychain stand-in) for one teammate. */
export function teamBackend(): Backend & { secrets: ReturnType<typeof testSecretBox>; dispose(): void } {
  const { dir, remove } = tempDir('siteselect-team-');
  const secrets = testSecretBox();
  const backend = openBackend({ paths: appPaths(REPO_ROOT), dataDir: dir, edition: 'web', secrets });
  return {
    ...backend,
    secrets,
    dispose() {
      backend.close();
      remove();
    },
  };
}
