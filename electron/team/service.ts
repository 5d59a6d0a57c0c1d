/**
 * The team workspace as the handlers see it: the server's address (kept in settings without its
 * password), the password's source, one sync at a time with its progress, and the outcome of the
 * last connection. Each operation opens a session, does its work and closes it: the local database
 * stays the working copy, and the app works the same with no server at all.
 *
 * Everything this module logs goes through `redactTeamUrl`, and it logs URLs only in their
 * canonical form, which has no password.
 */
import type { TeamConflict, TeamStatus } from '../contract/team.ts';
import type { Migration } from '../db/index.ts';
import type { SettingsStore } from '../db/settings-store.ts';
import { recordKey, type TeamKind, type TeamStore } from '../db/team-store.ts';
import { BusyError, ForbiddenError, UnavailableError, UserInputError } from '../errors.ts';
import { openSession, teamError, type SessionInfo, type TeamSession } from './connection.ts';
import { findPassword, PASSWORD_ENV, type SecretBox } from './credentials.ts';
import { migrateServer, type MigrationResult } from './migrate.ts';
import { pull, push, readLog, resolveConflict, type LogEntry, type PullResult, type PushResult, type SyncProgress } from './sync.ts';
import { canonicalTeamUrl, parseTeamUrl, redactTeamUrl, type TeamAddress } from './url.ts';

/** Settings keys (values are JSON in the settings table). */
const KEY = { server: 'teamServer', sealed: 'teamPasswordSealed', lastPush: 'teamLastPush', lastPull: 'teamLastPull' } as const;

export interface TeamServiceDeps {
  store: TeamStore;
  settings: SettingsStore;
  /** The server migrations this app ships (their count is the schema version it knows). */
  migrations: readonly Migration[];
  /** The OS keychain (desktop app); null in the browser edition and the CLI. */
  secrets: SecretBox | null;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

interface LastConnection extends SessionInfo {
  at: string;
}

const errorCodeOf = (e: Error): string =>
  e instanceof UnavailableError
    ? 'UNAVAILABLE'
    : e instanceof ForbiddenError
      ? 'FORBIDDEN'
      : e instanceof UserInputError
        ? 'BAD_ARGUMENT'
        : 'INTERNAL';

export class TeamService {
  private last: LastConnection | null = null;
  private lastError: { code: string; message: string } | null = null;
  private progress: SyncProgress | null = null;
  private busy = false;
  private readonly log: (line: string) => void;

  constructor(private readonly deps: TeamServiceDeps) {
    // stderr: the CLI's stdout carries JSON only.
    const write = deps.log ?? ((line: string) => console.error(line));
    this.log = (line) => write(`[team] ${redactTeamUrl(line)}`);
  }

  get clientSchema(): number {
    return this.deps.migrations.length;
  }

  private configured(): TeamAddress | null {
    const url = this.deps.settings.all()[KEY.server];
    if (typeof url !== 'string') return null;
    try {
      return parseTeamUrl(url);
    } catch {
      return null;
    }
  }

  private address(): TeamAddress {
    const a = this.configured();
    if (!a)
      throw new UserInputError('no team server is set: give its URL first (settings → team, or `siteselect team connect --server URL`)');
    return a;
  }

  private savedPassword(): string | null {
    const sealed = this.deps.settings.all()[KEY.sealed];
    if (typeof sealed !== 'string' || !this.deps.secrets || this.deps.secrets.unavailable()) return null;
    try {
      return this.deps.secrets.open(sealed);
    } catch {
      return null;
    }
  }

  /** Sets the server. A password (in the URL or given) is kept only sealed by the OS keychain, never as text. */
  async configure(args: { url: string; password?: string | undefined; forgetPassword?: boolean | undefined }): Promise<TeamStatus> {
    if (args.url.trim() === '') {
      this.deps.settings.write({ [KEY.server]: null, [KEY.sealed]: null });
      this.last = null;
      this.lastError = null;
      return this.status();
    }
    const a = parseTeamUrl(args.url);
    const password = args.password !== undefined && args.password !== '' ? args.password : a.password;
    let sealed: string | null | undefined;
    if (password !== null) {
      const why = this.deps.secrets ? this.deps.secrets.unavailable() : 'this edition has no keychain';
      if (why !== null)
        throw new UserInputError(
          `the password cannot be kept safely here (${why}): leave it out, and set ${PASSWORD_ENV} or PGPASSWORD, or put it in ~/.pgpass (chmod 600)`,
        );
      sealed = (this.deps.secrets as SecretBox).seal(password);
    } else if (args.forgetPassword) sealed = null;
    const url = canonicalTeamUrl({ ...a, password: null });
    this.deps.settings.write({ [KEY.server]: url, ...(sealed !== undefined ? { [KEY.sealed]: sealed } : {}) });
    this.last = null;
    this.lastError = null;
    this.log(`server set to ${url}`);
    return this.status();
  }

  /** Opens a session, runs `fn`, closes it; the outcome is what the status reports. */
  private async session<T>(fn: (s: TeamSession) => Promise<T>, options: { initialising?: boolean } = {}): Promise<T> {
    const a = this.address();
    const { password } = await findPassword(a, { saved: () => this.savedPassword(), ...(this.deps.env ? { env: this.deps.env } : {}) });
    let s: TeamSession;
    try {
      s = await openSession(a, password, this.clientSchema);
    } catch (error) {
      const e = teamError(error, a);
      this.lastError = { code: errorCodeOf(e), message: e.message };
      this.last = null;
      this.log(`cannot connect to ${canonicalTeamUrl(a)}: ${e.message}`);
      throw e;
    }
    this.last = { user: s.user, role: s.role, serverSchema: s.serverSchema, tls: s.tls, at: new Date().toISOString() };
    this.lastError = null;
    try {
      if (!options.initialising) {
        if (s.serverSchema === 0)
          throw new UserInputError('the team server has no team schema yet: an admin sets it up with `siteselect team init`');
        if (s.serverSchema < this.clientSchema)
          throw new UserInputError(
            `the team server's schema is version ${s.serverSchema}, older than this app's (${this.clientSchema}): an admin migrates it with \`siteselect team init\``,
          );
      }
      return await fn(s);
    } catch (error) {
      const e = teamError(error, a);
      if (e instanceof UnavailableError) {
        this.lastError = { code: 'UNAVAILABLE', message: e.message };
        this.last = null;
      }
      throw e;
    } finally {
      await s.close();
    }
  }

  /** One sync at a time: a second is refused with BUSY rather than interleaved. */
  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.busy) throw new BusyError('a team push or pull is running; wait for it to finish');
    this.busy = true;
    try {
      return await fn();
    } finally {
      this.busy = false;
      this.progress = null;
    }
  }

  async connect(): Promise<TeamStatus> {
    const a = this.address();
    try {
      await this.session(
        async (s) => {
          this.log(
            `connected to ${canonicalTeamUrl(a)} as ${s.user} (${s.role}), TLS ${s.tls ? 'on' : 'off'}, server schema ${s.serverSchema}`,
          );
        },
        { initialising: true },
      );
    } catch (error) {
      // The status says what went wrong; only a bug is thrown on.
      if (!(error instanceof UserInputError || error instanceof UnavailableError || error instanceof ForbiddenError)) throw error;
      this.lastError = { code: errorCodeOf(error), message: error.message };
    }
    return this.status();
  }

  init(): Promise<MigrationResult> {
    return this.exclusive(() =>
      this.session(
        async (s) => {
          if (s.serverSchema > 0 && s.role !== 'admin')
            throw new ForbiddenError(`migrating the team server needs the admin role; yours is ${s.role}`);
          const r = await migrateServer(s.client, this.deps.migrations);
          this.log(`server schema ${r.from} → ${r.to}${r.applied.length ? ` (${r.applied.join(', ')})` : ' (nothing to do)'}`);
          return r;
        },
        { initialising: true },
      ),
    );
  }

  push(): Promise<PushResult> {
    return this.exclusive(() => this.session((s) => this.pushIn(s)));
  }

  pull(): Promise<PullResult> {
    return this.exclusive(() => this.session((s) => this.pullIn(s)));
  }

  /** Pull, then push unless conflicts wait for a choice. */
  sync(): Promise<{ pull: PullResult; push: PushResult | null }> {
    return this.exclusive(() =>
      this.session(async (s) => {
        const pulled = await this.pullIn(s);
        const canPush = (s.role === 'editor' || s.role === 'admin') && this.deps.store.conflicts().length === 0;
        return { pull: pulled, push: canPush ? await this.pushIn(s) : null };
      }),
    );
  }

  private async pushIn(s: TeamSession): Promise<PushResult> {
    const r = await push(s, this.deps.store, (p) => (this.progress = p));
    if (r.conflicts.length === 0) this.deps.settings.write({ [KEY.lastPush]: new Date().toISOString() });
    this.log(`push: ${r.pushed} record(s), ${r.deleted} deletion(s), ${r.features} feature(s), ${r.conflicts.length} conflict(s)`);
    return r;
  }

  private async pullIn(s: TeamSession): Promise<PullResult> {
    const r = await pull(s, this.deps.store, (p) => (this.progress = p));
    this.deps.settings.write({ [KEY.lastPull]: new Date().toISOString() });
    this.log(`pull: ${r.applied} record(s), ${r.removed} removed, ${r.features} feature(s), ${r.conflicts.length} conflict(s)`);
    return r;
  }

  /** Both versions of every record changed here and on the server. */
  conflicts(): TeamConflict[] {
    const store = this.deps.store;
    return store.conflicts().map((c) => {
      const mine = store.record(c.kind, c.id);
      const tomb = store.tombstone(c.kind, c.id);
      const theirs = JSON.parse(c.server.record) as Record<string, unknown>;
      const local = mine ? (JSON.parse(mine.record) as Record<string, unknown>) : null;
      const nameOf = (r: Record<string, unknown> | null) => (r ? String(r['name'] ?? r['name_zh'] ?? r[recordKey(c.kind)] ?? c.id) : null);
      return {
        kind: c.kind,
        id: c.id,
        name: nameOf(local) ?? nameOf(theirs) ?? c.id,
        mine: {
          version: mine?.version ?? tomb?.version ?? 0,
          author: mine?.author ?? null,
          updatedAt: (local?.['updated_at'] as string | undefined) ?? mine?.updatedAt ?? null,
          deleted: !mine,
          record: local,
        },
        theirs: {
          version: c.server.version,
          author: c.server.author,
          updatedAt: c.server.updatedAt,
          deleted: c.server.deleted,
          record: c.server.deleted ? null : theirs,
        },
        detectedAt: c.detectedAt,
      };
    });
  }

  /** The user's choice; logged on the server with the next push. */
  async resolve(kind: TeamKind, id: string, choice: 'mine' | 'theirs'): Promise<{ resolved: boolean }> {
    const needsServer = choice === 'theirs' && kind === 'layers';
    await this.exclusive(() =>
      needsServer
        ? this.session((s) => resolveConflict(s, this.deps.store, kind, id, choice))
        : resolveConflict(null, this.deps.store, kind, id, choice),
    );
    this.log(`conflict on ${kind} ${id}: kept ${choice === 'mine' ? 'this copy' : "the server's copy"}`);
    return { resolved: true };
  }

  readLog(limit: number): Promise<LogEntry[]> {
    return this.session((s) => readLog(s, limit));
  }

  /** Runs `fn` in a session on a current server (for the analysis queries). */
  withSession<T>(fn: (s: TeamSession) => Promise<T>): Promise<T> {
    return this.session(fn);
  }

  async status(): Promise<TeamStatus> {
    const a = this.configured();
    const found = a
      ? await findPassword(a, { saved: () => this.savedPassword(), ...(this.deps.env ? { env: this.deps.env } : {}) })
      : { source: 'none' as const, warning: null };
    const settings = this.deps.settings.all();
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      configured: a !== null,
      url: a ? canonicalTeamUrl({ ...a, password: null }) : null,
      user: a?.user ?? null,
      host: a?.host ?? null,
      database: a?.database ?? null,
      sslmode: a?.sslmode ?? null,
      passwordSource: found.source,
      canSavePassword: this.deps.secrets !== null && this.deps.secrets.unavailable() === null,
      passwordNote: found.warning,
      connected: this.last !== null,
      error: this.lastError,
      role: this.last?.role ?? null,
      tls: this.last?.tls ?? null,
      serverSchema: this.last?.serverSchema ?? null,
      clientSchema: this.clientSchema,
      pending: this.deps.store.pending(),
      conflicts: this.deps.store.conflicts().length,
      lastPush: text(settings[KEY.lastPush]),
      lastPull: text(settings[KEY.lastPull]),
      running: this.progress,
    };
  }
}
