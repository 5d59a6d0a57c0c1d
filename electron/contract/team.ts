/** The team workspace (issue 20): a shared PostgreSQL + PostGIS server, explicit push and pull, conflicts, the team log. */
import { z } from 'zod';
import { NoArgs } from './common.ts';
import { method } from './define.ts';

/** The kinds of record a team shares. */
export const TEAM_KINDS = ['layers', 'sites', 'scenarios', 'tours', 'criteria', 'corrections'] as const;
export const TeamKindSchema = z.enum(TEAM_KINDS);
export type TeamKindName = z.infer<typeof TeamKindSchema>;

/** libpq's sslmode values this app honours (`prefer` and `allow` are refused: they fall back to plain text silently). */
export const SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export const TEAM_ROLES = ['viewer', 'editor', 'admin', 'none'] as const;
export const PASSWORD_SOURCES = ['url', 'saved', 'env', 'pgpass', 'none'] as const;

const Progress = z.object({ phase: z.enum(['push', 'pull']), done: z.number().int(), total: z.number().int() });

export const TeamStatus = z.object({
  configured: z.boolean(),
  /** The server's URL without its password. */
  url: z.string().nullable(),
  user: z.string().nullable(),
  host: z.string().nullable(),
  database: z.string().nullable(),
  sslmode: z.enum(SSL_MODES).nullable(),
  /** Where the password would come from now. */
  passwordSource: z.enum(PASSWORD_SOURCES),
  /** The desktop app can keep a password encrypted by the operating system; the browser edition and CLI cannot. */
  canSavePassword: z.boolean(),
  /** Something to know about the password (a password file others may read was ignored). */
  passwordNote: z.string().nullable(),
  /** The last connection worked. */
  connected: z.boolean(),
  /** Why the last connection failed. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  role: z.enum(TEAM_ROLES).nullable(),
  tls: z.boolean().nullable(),
  serverSchema: z.number().int().nullable(),
  clientSchema: z.number().int(),
  pending: z.object({ records: z.number().int(), deletions: z.number().int() }),
  conflicts: z.number().int(),
  lastPush: z.string().nullable(),
  lastPull: z.string().nullable(),
  running: Progress.nullable(),
});
export type TeamStatus = z.infer<typeof TeamStatus>;

const Ref = z.object({ kind: TeamKindSchema, id: z.string() });
export const PushResult = z.object({
  pushed: z.number().int(),
  deleted: z.number().int(),
  features: z.number().int(),
  skippedFeatures: z.number().int(),
  logged: z.number().int(),
  conflicts: z.array(Ref),
});
export const PullResult = z.object({
  applied: z.number().int(),
  removed: z.number().int(),
  features: z.number().int(),
  conflicts: z.array(Ref),
  skipped: z.array(z.object({ kind: TeamKindSchema, id: z.string(), problem: z.string() })),
});
export type PushResult = z.infer<typeof PushResult>;
export type PullResult = z.infer<typeof PullResult>;

const Side = z.object({
  version: z.number().int(),
  author: z.string().nullable(),
  updatedAt: z.string().nullable(),
  deleted: z.boolean(),
  /** The record as stored (null when deleted on that side). */
  record: z.unknown(),
});
export const TeamConflict = z.object({
  kind: TeamKindSchema,
  id: z.string(),
  /** The record's name (either side's), for the list. */
  name: z.string(),
  mine: Side,
  theirs: Side,
  detectedAt: z.string(),
});
export type TeamConflict = z.infer<typeof TeamConflict>;

export const TeamLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  kind: z.string().nullable(),
  recordId: z.string().nullable(),
  version: z.number().int().nullable(),
  detail: z.unknown(),
});
export type TeamLogEntry = z.infer<typeof TeamLogEntry>;

export const TeamCountResult = z.object({
  layerId: z.string(),
  unit: z.enum(['km', 'minutes']),
  value: z.number(),
  /** For minutes: the network the catchments were computed on, and how many were computed now (the rest were on the server). */
  network: z.string().nullable(),
  computedCatchments: z.number().int(),
  counts: z.array(z.object({ id: z.string(), name_zh: z.string(), name_en: z.string(), count: z.number().int() })),
  /** Wall time of the server's answer, ms. */
  serverMs: z.number(),
});
export type TeamCountResult = z.infer<typeof TeamCountResult>;

export const TEAM_METHODS = {
  /** Local state only: the settings, what waits for a push, the last connection's outcome. */
  teamStatus: method(NoArgs, TeamStatus),
  /** Sets the server (a libpq URL; the password, in the desktop app only, is kept encrypted by the OS). */
  teamConfigure: method(
    z
      .object({
        url: z.string().max(2000),
        password: z.string().max(1000).optional(),
        forgetPassword: z.boolean().optional(),
      })
      .strict(),
    TeamStatus,
    { writes: true },
  ),
  /** Connects (a test of the settings): role, TLS, schema versions. */
  teamConnect: method(NoArgs, TeamStatus),
  /** Creates or migrates the server's team schema (an admin's task). */
  teamInit: method(NoArgs, z.object({ from: z.number().int(), to: z.number().int(), applied: z.array(z.string()) })),
  teamPush: method(NoArgs, PushResult, { writes: true }),
  teamPull: method(NoArgs, PullResult, { writes: true }),
  /** Pull, then push when nothing waits for a choice. */
  teamSync: method(NoArgs, z.object({ pull: PullResult, push: PushResult.nullable() }), { writes: true }),
  teamConflicts: method(NoArgs, z.array(TeamConflict)),
  teamResolve: method(
    z.object({ kind: TeamKindSchema, id: z.string().min(1).max(100), choice: z.enum(['mine', 'theirs']) }).strict(),
    z.object({ resolved: z.boolean() }),
    { writes: true },
  ),
  teamLog: method(z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(), z.array(TeamLogEntry)),
  /** Counts a team layer's features near each park on the server: within `km`, or within `minutes` on the active network. */
  teamCountNear: method(
    z
      .object({
        layerId: z.string().min(1).max(100),
        km: z.number().min(0.1).max(500).optional(),
        minutes: z.number().int().min(5).max(240).optional(),
      })
      .strict(),
    TeamCountResult,
  ),
};
