/**
 * Issue 16 on the command line: `--as-of YEAR` (the scenario year a command computes in),
 * `network year [YEAR|now]` (the stored year every later command uses), `network compare` (two
 * years or two networks ranked side by side, with the rank changes and the time saved), and
 * `osm matches|accept|reject|undo` (the review of proposed OpenStreetMap matches).
 */
import { parseArgs } from 'node:util';
import { YEAR_RANGE } from '../../geo/network/years.ts';
import type { Backend } from '../backend.ts';
import type { Envelope } from '../contract/api.ts';
import { dispatch } from '../handlers/index.ts';
import { UsageError } from './mcda-command.ts';

export const YEARS_USAGE = `  network year [YEAR|now]                    the scenario year every command computes in (no value: print it;
                                             now: the network as its data stands)
  network compare --profile FILE.json [--a YEAR|now] [--b YEAR|now] [--a-network osm|schematic]
                  [--b-network osm|schematic] [--method M] [--cell-km N]
                                             rank on two years (default 2025, 2030) or two networks: rank changes,
                                             minutes per criterion on each side, minutes saved per grid cell
  osm matches [--all]                        proposed matches of parks with OSM industrial areas and of stations
                                             with OSM stations (--all: with the decisions taken)
  osm accept ID | osm reject ID | osm undo ID
                                             decide a match (accept: the OSM position becomes the correction)`;

/** What `--as-of` accepts besides a year: the network as its data stands. */
const NOW = 'now';

/**
 * The scenario year of `--as-of` (null: "now", as the data stands); undefined when the option is absent.
 *
 * @throws UsageError for anything but a whole year in {@link YEAR_RANGE} or "now"
 */
export function parseAsOf(text: string | undefined, option = '--as-of'): number | null | undefined {
  if (text === undefined) return undefined;
  if (text.trim().toLowerCase() === NOW) return null;
  const year = /^\s*\d{4}\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(year >= YEAR_RANGE.min && year <= YEAR_RANGE.max))
    throw new UsageError(
      `${option} must be a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}, or "${NOW}" for the network as its data stands; got "${text}"`,
    );
  return year;
}

/** The `asOf` argument of a call: nothing when the option is absent (the stored year applies). */
export const asOfArg = (text: string | undefined): { asOf?: number | null } => {
  const asOf = parseAsOf(text);
  return asOf === undefined ? {} : { asOf };
};

async function ok(envelope: Promise<Envelope<unknown>>): Promise<unknown> {
  const e = await envelope;
  if (!e.ok) throw new Error(e.error.message);
  return e.result;
}

function networkOf(text: string | undefined, option: string): { network?: 'osm' | 'schematic' } {
  if (text === undefined) return {};
  if (text !== 'osm' && text !== 'schematic') throw new UsageError(`${option} must be osm or schematic, got "${text}"`);
  return { network: text };
}

/** `network year [YEAR|now]`: prints the stored year, or sets it. */
export async function runNetworkYear(positionals: readonly string[], backend: Backend): Promise<unknown> {
  if (positionals.length > 1) throw new UsageError('network year takes at most one YEAR (or now)');
  const [value] = positionals;
  if (value === undefined) {
    const info = (await ok(dispatch(backend.api, 'networkInfo', {}))) as { year: number | null; years: number[]; closed: number };
    return { year: info.year, years: info.years, closed: info.closed };
  }
  return ok(dispatch(backend.api, 'setNetworkYear', { asOf: parseAsOf(value, 'network year') as number | null }));
}

/**
 * `network compare`: the same call as the app's comparison view, on the profile of a file.
 *
 * @throws UsageError for a wrong command line
 */
export async function runNetworkCompare(
  args: readonly string[],
  backend: Backend,
  readProfile: (path: string) => unknown,
): Promise<unknown> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      'data-dir': { type: 'string' },
      profile: { type: 'string' },
      method: { type: 'string' },
      a: { type: 'string' },
      b: { type: 'string' },
      'a-network': { type: 'string' },
      'b-network': { type: 'string' },
      'cell-km': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.profile) throw new UsageError('network compare needs --profile FILE.json (see README: the profile file format)');
  const a = { asOf: parseAsOf(values.a ?? '2025', '--a') ?? null, ...networkOf(values['a-network'], '--a-network') };
  const b = { asOf: parseAsOf(values.b ?? '2030', '--b') ?? null, ...networkOf(values['b-network'], '--b-network') };
  const { weights, ahp, method: fileMethod, ...profile } = (readProfile(values.profile) ?? {}) as Record<string, unknown>;
  const cellKm = values['cell-km'] === undefined ? undefined : Number(values['cell-km']);
  if (cellKm !== undefined && !Number.isFinite(cellKm)) throw new UsageError(`--cell-km must be a number, got "${values['cell-km']}"`);
  return ok(
    dispatch(backend.api, 'compareNetworks', {
      profile,
      method: values.method ?? fileMethod ?? 'wsm',
      ...(weights ? { weights } : {}),
      ...(ahp ? { ahp } : {}),
      ...(cellKm !== undefined ? { cellKm } : {}),
      a,
      b,
    }),
  );
}

const DECISIONS = { accept: 'accept', reject: 'reject', undo: 'undo' } as const;

/**
 * `osm matches [--all]` and `osm accept|reject|undo ID`; returns what to print.
 *
 * @throws UsageError for a wrong command line
 */
export async function runOsm(args: readonly string[], backend: Backend): Promise<unknown> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { 'data-dir': { type: 'string' }, all: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  if (sub === 'matches') {
    if (positionals.length > 0) throw new UsageError('osm matches takes no argument (--all lists the decisions too)');
    return ok(dispatch(backend.api, 'osmMatches', { include: values.all ? 'all' : 'pending' }));
  }
  if (sub === 'accept' || sub === 'reject' || sub === 'undo') {
    const id = positionals[0];
    if (!id || positionals.length > 1)
      throw new UsageError(`osm ${sub} needs exactly one match ID (from \`osm matches\`, e.g. park:park-hengyang-hengdong:way/2101)`);
    return ok(dispatch(backend.api, 'decideOsmMatch', { id, decision: DECISIONS[sub] }));
  }
  throw new UsageError(`osm needs matches, accept, reject or undo, got "${sub ?? ''}"`);
}
