/**
 * A session with the team server: one node-postgres client, connected with the TLS the URL asks
 * for, that has said which server schema this app knows (the server refuses an older app, and
 * this app refuses a server whose schema is newer than it knows), and knows its user's role.
 *
 * Every query in electron/team takes its values as parameters; table names are constants.
 */
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import { ForbiddenError, UnavailableError, UserInputError } from '../errors.ts';
import { redactTeamUrl, type TeamAddress } from './url.ts';

export type TeamRole = 'viewer' | 'editor' | 'admin' | 'none';

export interface SessionInfo {
  user: string;
  role: TeamRole;
  /** The server's schema version; 0 when the team schema is not there yet. */
  serverSchema: number;
  /** Whether the connection is encrypted (the server's own view, pg_stat_ssl). */
  tls: boolean;
}

export interface TeamSession extends SessionInfo {
  client: pg.Client;
  close(): Promise<void>;
}

/** The TLS options for node-postgres, per libpq's sslmode (see url.ts). A Unix socket is never encrypted, as in libpq. */
export function tlsOptions(a: TeamAddress): false | ConnectionOptions {
  if (a.sslmode === 'disable' || a.host.startsWith('/')) return false;
  let ca: string | undefined;
  if (a.sslrootcert) {
    try {
      ca = readFileSync(a.sslrootcert, 'utf8');
    } catch (error) {
      throw new UserInputError(`cannot read the CA certificate sslrootcert=${a.sslrootcert}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  const anyName = () => undefined;
  if (a.sslmode === 'require') return ca ? { ca, rejectUnauthorized: true, checkServerIdentity: anyName } : { rejectUnauthorized: false };
  if (a.sslmode === 'verify-ca') return { ca, rejectUnauthorized: true, checkServerIdentity: anyName };
  return { ...(ca ? { ca } : {}), rejectUnauthorized: true };
}

const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOENT',
  'EPIPE',
]);

/**
 * A failure of the server or the way to it, as a domain error a user can act on; the text never
 * carries a password. Errors that are not the server's (a bug) pass through.
 */
export function teamError(error: unknown, a: Pick<TeamAddress, 'host' | 'port' | 'user'>): Error {
  if (error instanceof UserInputError || error instanceof UnavailableError || error instanceof ForbiddenError) return error;
  const e = error as { code?: string; message?: string };
  const message = redactTeamUrl(e.message ?? String(error));
  const where = `${a.host}:${a.port}`;
  if (e.code && TLS_CODES.has(e.code))
    return new UserInputError(
      `the team server's certificate could not be verified (${message}); give the CA that signed it with sslrootcert=FILE, or check the host name`,
      { cause: error },
    );
  if (e.code && NETWORK_CODES.has(e.code))
    return new UnavailableError(`the team server at ${where} cannot be reached (${e.code}): working offline`, { cause: error });
  if (/timeout|terminated|Connection terminated/i.test(message))
    return new UnavailableError(`the connection to the team server at ${where} was lost (${message}): nothing was changed there`, {
      cause: error,
    });
  if (/does not support SSL/i.test(message))
    return new UserInputError(
      `the team server at ${where} does not offer TLS; ask its admin to turn ssl on (or use sslmode=disable knowingly)`,
      {
        cause: error,
      },
    );
  switch (e.code) {
    case '28P01':
      return new UserInputError(`the team server refused the password of user "${a.user}"`, { cause: error });
    case '28000':
      return new ForbiddenError(`the team server does not let user "${a.user}" in this way: ${message}`, { cause: error });
    case '3D000':
      return new UserInputError(`the team server has no such database: ${message}`, { cause: error });
    case '42501':
      return new ForbiddenError(`the team server refused: ${message} (your role there does not allow it)`, { cause: error });
    case 'SSVER':
      return new UserInputError(message, { cause: error });
    case '57P01':
    case '57P02':
    case '57P03':
    case '08006':
    case '08003':
      return new UnavailableError(`the connection to the team server at ${where} was lost (${message}): nothing was changed there`, {
        cause: error,
      });
  }
  if (e.code && /^(42|22|23|P0)/.test(e.code)) return new UserInputError(`the team server refused: ${message}`, { cause: error });
  return error instanceof Error ? error : new Error(message);
}

/**
 * Connects, says which schema this app knows, and reads the user's role.
 *
 * @param knownSchema - the newest server schema version this app ships
 * @throws UserInputError when the server's schema is newer than `knownSchema` (update the app), or
 *   the server refuses this app as older; UnavailableError when the server cannot be reached
 */
export async function openSession(a: TeamAddress, password: string | null, knownSchema: number): Promise<TeamSession> {
  const client = new pg.Client({
    host: a.host,
    port: a.port,
    database: a.database,
    user: a.user,
    ...(password !== null ? { password } : {}),
    ssl: tlsOptions(a),
    connectionTimeoutMillis: a.connectTimeoutSeconds * 1000,
    application_name: 'siteselect',
  });
  // An error after connecting (the server going away between queries) must not crash the process: the query that is waiting fails instead.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query("SELECT set_config('siteselect.client_schema', $1, false)", [String(knownSchema)]);
    const ready = await client.query<{ ready: boolean; tls: boolean; user: string }>(
      `SELECT to_regclass('team.schema_version') IS NOT NULL AS ready, current_user AS user,
        coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) AS tls`,
    );
    const row = ready.rows[0] as { ready: boolean; tls: boolean; user: string };
    let serverSchema = 0;
    let role: TeamRole = 'none';
    if (row.ready) {
      const seen = await client.query<{ v: number }>('SELECT max(version) AS v FROM team.schema_version');
      serverSchema = seen.rows[0]?.v ?? 0;
      if (serverSchema > knownSchema)
        throw new UserInputError(
          `the team server's schema is version ${serverSchema}, newer than this app knows (${knownSchema}): update the app before connecting`,
        );
      if (serverSchema === knownSchema) await client.query('SELECT team.hello($1)', [knownSchema]);
      const r = await client.query<{ role: TeamRole }>(
        `SELECT CASE WHEN pg_has_role('siteselect_admin', 'MEMBER') THEN 'admin' WHEN pg_has_role('siteselect_editor', 'MEMBER') THEN 'editor'
          WHEN pg_has_role('siteselect_viewer', 'MEMBER') THEN 'viewer' ELSE 'none' END AS role`,
      );
      role = r.rows[0]?.role ?? 'none';
    }
    return {
      client,
      user: row.user,
      role,
      serverSchema,
      tls: row.tls,
      close: () => client.end().catch(() => undefined),
    };
  } catch (error) {
    await client.end().catch(() => undefined);
    throw teamError(error, a);
  }
}
