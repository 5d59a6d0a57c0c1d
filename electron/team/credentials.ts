/**
 * Where the team server's password comes from; it is never stored in plain text. In order:
 * the URL given for one command (never stored), the password the desktop app keeps encrypted by
 * the operating system (Electron's safeStorage, through a `SecretBox` that main passes in), the
 * environment (SITESELECT_TEAM_PASSWORD, then libpq's PGPASSWORD), and the libpq password file
 * (PGPASSFILE, or ~/.pgpass; like libpq, a file that others may read is ignored, with a warning).
 */
import { readFileSync, statSync } from 'node:fs';
import pgpassHelper from 'pgpass/lib/helper.js';
import type { TeamAddress } from './url.ts';

/** Encryption by the operating system's keychain (Electron safeStorage in the desktop app). */
export interface SecretBox {
  /** Why secrets cannot be kept (no keychain, or one that is not encryption), or null when they can. */
  unavailable(): string | null;
  /** @returns the sealed text (base64), for the settings table */
  seal(plain: string): string;
  open(sealed: string): string;
}

export type PasswordSource = 'url' | 'saved' | 'env' | 'pgpass' | 'none';

export const PASSWORD_ENV = 'SITESELECT_TEAM_PASSWORD';

export interface FoundPassword {
  password: string | null;
  source: PasswordSource;
  /** Something the user should know (a password file others can read was ignored). */
  warning: string | null;
}

/** The password from the libpq password file for this address, or null. */
export function pgpassPassword(a: TeamAddress, env: NodeJS.ProcessEnv): { password: string | null; warning: string | null } {
  const file = pgpassHelper.getFileName(env);
  let mode: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { password: null, warning: null };
    mode = stat.mode;
  } catch {
    return { password: null, warning: null };
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    return {
      password: null,
      warning: `the password file ${file} may be read by others and was ignored; make it private: chmod 600 ${file}`,
    };
  // libpq matches "localhost" for a Unix socket connection.
  const host = a.host.startsWith('/') ? 'localhost' : a.host;
  const info = { host, port: a.port, database: a.database, user: a.user };
  // libpq takes the first matching line; pgpass's own reader lets a later one win, so the lines are matched here.
  let password: string | undefined;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const entry = pgpassHelper.parseLine(line);
    if (entry && pgpassHelper.isValidEntry(entry) && pgpassHelper.match(info, entry)) {
      password = entry.password;
      break;
    }
  }
  return { password: password ?? null, warning: null };
}

/** The password to connect with, and where it came from. */
export async function findPassword(
  a: TeamAddress,
  options: { saved: () => string | null; env?: NodeJS.ProcessEnv },
): Promise<FoundPassword> {
  if (a.password !== null) return { password: a.password, source: 'url', warning: null };
  const saved = options.saved();
  if (saved !== null) return { password: saved, source: 'saved', warning: null };
  const env = options.env ?? process.env;
  const fromEnv = env[PASSWORD_ENV] ?? env['PGPASSWORD'];
  if (fromEnv !== undefined && fromEnv !== '') return { password: fromEnv, source: 'env', warning: null };
  const file = pgpassPassword(a, env);
  if (file.password !== null) return { password: file.password, source: 'pgpass', warning: null };
  return { password: null, source: 'none', warning: file.warning };
}
