/**
 * The team server's address: a libpq connection URL (`postgresql://user@host:5432/db?sslmode=…`),
 * read here into the parts node-postgres takes, with libpq's TLS modes honoured and the password
 * kept out of everything that is shown or logged.
 *
 * TLS is on unless the URL says `sslmode=disable`. The modes follow libpq's documentation
 * (https://www.postgresql.org/docs/15/libpq-ssl.html, table 34.1): `require` encrypts without
 * checking the server's certificate (and, like libpq, checks it against the CA when
 * `sslrootcert` is given), `verify-ca` checks it was signed by the CA, `verify-full` also checks
 * the host name. `prefer` and `allow` are refused: they fall back to plain text without a word.
 */
import { SSL_MODES } from '../contract/team.ts';
import { UserInputError } from '../errors.ts';

export { SSL_MODES };
export type SslMode = (typeof SSL_MODES)[number];
/** TLS on by default; `require` rather than `verify-full` because a team server's certificate is usually signed by the bureau's own CA, which the user must first give (sslrootcert). */
export const DEFAULT_SSL_MODE: SslMode = 'require';

/** Query parameters of a libpq URL that we read; any other is refused by name rather than ignored. */
const KNOWN_PARAMS = new Set(['sslmode', 'sslrootcert', 'host', 'port', 'dbname', 'user', 'application_name', 'connect_timeout']);

export interface TeamAddress {
  /** Host name, IP address, or a folder holding the server's Unix socket. */
  host: string;
  port: number;
  database: string;
  user: string;
  /** The password written in the URL, if any (never stored, never shown). */
  password: string | null;
  sslmode: SslMode;
  /** A file with the CA certificate(s) the server's certificate must chain to. */
  sslrootcert: string | null;
  connectTimeoutSeconds: number;
}

/**
 * Reads a libpq connection URL.
 *
 * @throws UserInputError naming what is wrong: not a postgres(ql):// URL, no database or user, an
 *   unknown parameter, an sslmode that is not one of SSL_MODES, a port out of range
 */
export function parseTeamUrl(text: string): TeamAddress {
  const trimmed = text.trim();
  if (!/^postgres(ql)?:\/\//i.test(trimmed))
    throw new UserInputError('the team server address must be a PostgreSQL URL: postgresql://user@host:5432/database?sslmode=require');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new UserInputError('the team server address is not a valid URL (postgresql://user@host:5432/database)');
  }
  const params = url.searchParams;
  for (const key of params.keys()) {
    if (key === 'password')
      throw new UserInputError(
        'the password does not go in the team server address; the app asks for it and keeps it encrypted, or reads PGPASSWORD or ~/.pgpass',
      );
    if (!KNOWN_PARAMS.has(key))
      throw new UserInputError(
        `the team server address has a parameter this app does not use: "${key}" (known: ${[...KNOWN_PARAMS].join(', ')})`,
      );
  }
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new UserInputError('the team server address has a badly percent-encoded part');
    }
  };
  const host = params.get('host') ?? decode(url.hostname.replace(/^\[(.*)\]$/, '$1'));
  if (!host) throw new UserInputError('the team server address names no host (postgresql://user@HOST:5432/database)');
  const portText = params.get('port') ?? (url.port || '5432');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UserInputError(`the team server's port must be 1…65535, got "${portText}"`);
  const database = params.get('dbname') ?? decode(url.pathname.replace(/^\//, ''));
  if (!database) throw new UserInputError('the team server address names no database (postgresql://user@host:5432/DATABASE)');
  const user = params.get('user') ?? decode(url.username);
  if (!user) throw new UserInputError('the team server address names no user (postgresql://USER@host:5432/database)');
  const mode = params.get('sslmode') ?? DEFAULT_SSL_MODE;
  if (!(SSL_MODES as readonly string[]).includes(mode))
    throw new UserInputError(
      mode === 'prefer' || mode === 'allow'
        ? `sslmode=${mode} would fall back to an unencrypted connection without saying so; use require, verify-ca or verify-full (or disable, knowingly)`
        : `sslmode must be one of ${SSL_MODES.join(', ')}, got "${mode}"`,
    );
  const sslrootcert = params.get('sslrootcert');
  if (mode === 'verify-ca' && !sslrootcert)
    throw new UserInputError('sslmode=verify-ca needs sslrootcert=FILE, the CA certificate the server’s certificate is signed by');
  const timeoutText = params.get('connect_timeout') ?? '10';
  const connectTimeoutSeconds = Number(timeoutText);
  if (!Number.isInteger(connectTimeoutSeconds) || connectTimeoutSeconds < 1 || connectTimeoutSeconds > 300)
    throw new UserInputError(`connect_timeout must be whole seconds 1…300, got "${timeoutText}"`);
  return {
    host,
    port,
    database,
    user,
    password: url.password ? decode(url.password) : null,
    sslmode: mode as SslMode,
    sslrootcert,
    connectTimeoutSeconds,
  };
}

/** The URL as stored and shown: no password, sslmode always written out. */
export function canonicalTeamUrl(a: TeamAddress): string {
  const socket = a.host.startsWith('/');
  const host = socket ? '' : a.host.includes(':') ? `[${a.host}]` : a.host;
  const query = new URLSearchParams();
  if (socket) query.set('host', a.host);
  query.set('sslmode', a.sslmode);
  if (a.sslrootcert) query.set('sslrootcert', a.sslrootcert);
  if (a.connectTimeoutSeconds !== 10) query.set('connect_timeout', String(a.connectTimeoutSeconds));
  return `postgresql://${encodeURIComponent(a.user)}@${host}:${a.port}/${encodeURIComponent(a.database)}?${query.toString()}`;
}

/**
 * Any text with the password of every postgres URL in it replaced by `***`: for messages and logs,
 * which must never carry it (a driver's error can quote the URL it was given).
 */
export function redactTeamUrl(text: string): string {
  return (
    text
      .replace(/(postgres(?:ql)?:\/\/[^:/?#@\s]*):[^@\s]*@/gi, '$1:***@')
      // A query parameter (?password=…) or a libpq keyword/value string (host=h password=…).
      .replace(/(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]*)/gi, '$1***')
  );
}
