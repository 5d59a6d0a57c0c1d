/**
 * `siteselect team <connect|status|push|pull|sync|log|init|count|resolve> [--server URL]`: the team
 * workspace (issue 20) through the same handlers as the app, JSON on stdout. `--server URL` sets
 * the team server first (kept in the settings without a password); the password comes from
 * SITESELECT_TEAM_PASSWORD, PGPASSWORD or ~/.pgpass, never from the command line.
 */
import { parseArgs } from 'node:util';
import type { Backend } from '../backend.ts';
import type { Envelope } from '../contract/api.ts';
import { dispatch } from '../handlers/index.ts';
import { UsageError } from './mcda-command.ts';

export const TEAM_USAGE = `  team init [--server URL]                   create or migrate the team server's schema (an admin's task)
  team connect [--server URL]                set the team server (libpq URL, TLS on: sslmode=require by default) and test it
  team status                                the server, your role, what waits for a push, conflicts
  team push | pull | sync                    send your changes / take your teammates' (sync: pull, then push)
  team log [--limit N]                       the team log: pushes, deletions, conflict choices
  team conflicts                             records changed both here and on the server, both versions
  team resolve KIND ID mine|theirs           keep your version or the server's
  team count LAYER (--km N | --minutes N)    a team layer's features near each park, counted on the server`;

const SUBCOMMANDS = ['init', 'connect', 'status', 'push', 'pull', 'sync', 'log', 'conflicts', 'resolve', 'count'] as const;

async function ok(envelope: Promise<Envelope<unknown>>): Promise<unknown> {
  const e = await envelope;
  if (!e.ok) throw new Error(e.error.message);
  return e.result;
}

/**
 * Runs one team subcommand on an open backend; returns what to print.
 *
 * @throws UsageError for a wrong command line
 */
export async function runTeam(args: readonly string[], backend: Backend): Promise<unknown> {
  const [sub, ...rest] = args;
  if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(`team needs one of ${SUBCOMMANDS.join(', ')}`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      'data-dir': { type: 'string' },
      server: { type: 'string' },
      limit: { type: 'string' },
      km: { type: 'string' },
      minutes: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  const api = backend.api;
  if (values.server !== undefined) await ok(dispatch(api, 'teamConfigure', { url: values.server }));
  const number = (text: string | undefined, option: string) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n)) throw new UsageError(`${option} must be a number, got "${text}"`);
    return n;
  };
  switch (sub) {
    case 'init':
      return ok(dispatch(api, 'teamInit', {}));
    case 'connect': {
      const status = (await ok(dispatch(api, 'teamConnect', {}))) as { connected: boolean; error: { message: string } | null };
      if (!status.connected) throw new Error(status.error?.message ?? 'not connected');
      return status;
    }
    case 'status':
      return ok(dispatch(api, 'teamStatus', {}));
    case 'push':
      return ok(dispatch(api, 'teamPush', {}));
    case 'pull':
      return ok(dispatch(api, 'teamPull', {}));
    case 'sync':
      return ok(dispatch(api, 'teamSync', {}));
    case 'log':
      return ok(dispatch(api, 'teamLog', { limit: number(values.limit, '--limit') ?? 50 }));
    case 'conflicts':
      return ok(dispatch(api, 'teamConflicts', {}));
    case 'resolve': {
      const [kind, id, choice] = positionals;
      if (!kind || !id || (choice !== 'mine' && choice !== 'theirs')) throw new UsageError('team resolve needs KIND ID mine|theirs');
      return ok(dispatch(api, 'teamResolve', { kind, id, choice }));
    }
    case 'count': {
      const [layerId] = positionals;
      if (!layerId) throw new UsageError('team count needs a LAYER id (see `siteselect layers`)');
      const km = number(values.km, '--km');
      const minutes = number(values.minutes, '--minutes');
      if ((km === undefined) === (minutes === undefined)) throw new UsageError('team count needs --km N or --minutes N');
      return ok(dispatch(api, 'teamCountNear', { layerId, ...(km !== undefined ? { km } : { minutes }) }));
    }
  }
  throw new UsageError(`team needs one of ${SUBCOMMANDS.join(', ')}`);
}
