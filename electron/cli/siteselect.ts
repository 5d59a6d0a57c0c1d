/**
 * The `siteselect` command line. Same handlers as the app; JSON on stdout, errors on stderr with
 * a non-zero exit. Every command accepts `--data-dir DIR` (default: the app's user data folder).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend, type Backend } from '../backend.ts';
import { dispatch } from '../handlers/index.ts';
import { appPaths, appRootFrom, defaultDataDir, packageVersion } from '../node/paths.ts';
import { runWeb } from '../server/web.ts';

const USAGE = `usage: siteselect <command> [--data-dir DIR]

commands:
  --version                                  print the version
  layers                                     every layer (reference and user-made) as JSON: id, name, feature count
  travel-times --from LON,LAT                minutes to the nearest facility of each class and to each market
  isochrone --from LON,LAT --minutes 30,60,90 --out FILE.geojson [--cell-km N]
                                             areas reachable within each time, as GeoJSON
  export-network --out FILE.geojson          the routable network: nodes (Points) and edges (LineStrings)
  web [--port N]                             start the browser edition on 127.0.0.1 and print its URL
  help                                       this text

Positions are WGS-84 longitude,latitude in degrees.`;

/** A failure the user caused (bad command or option): message on stderr, exit code 2. */
export class UsageError extends Error {}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const defaultIo: CliIo = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

function withBackend<T>(dataDir: string, fn: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = openBackend({ paths: appPaths(appRootFrom(import.meta.url)), dataDir, edition: 'cli' });
  return fn(backend).finally(() => backend.close());
}

function parseLngLat(text: string | undefined): [number, number] {
  if (text === undefined) throw new UsageError('--from LON,LAT is required (WGS-84 degrees, e.g. --from 112.57,26.89)');
  const parts = text.split(',').map((p) => p.trim());
  const numbers = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || numbers.some((n) => !Number.isFinite(n))) throw new UsageError(`--from must be LON,LAT with two numbers, got "${text}"`);
  return [numbers[0] as number, numbers[1] as number];
}

function parseMinutes(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const values = text.split(',').map((p) => p.trim()).filter((p) => p !== '').map(Number);
  if (values.length === 0) throw new UsageError('--minutes needs at least one number, e.g. --minutes 30,60,90');
  if (values.some((v) => !Number.isFinite(v))) throw new UsageError(`--minutes must be numbers separated by commas, got "${text}"`);
  return values;
}

/** Runs one command; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === '--version' || command === '-v') {
      io.out(packageVersion(appRootFrom(import.meta.url)));
      return 0;
    }
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      (command === undefined ? io.err : io.out)(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'web') {
      await runWeb(rest);
      return -1; // keeps running until interrupted
    }
    if (command === 'travel-times' || command === 'isochrone' || command === 'export-network') {
      const { values } = parseArgs({
        args: rest,
        options: { 'data-dir': { type: 'string' }, from: { type: 'string' }, minutes: { type: 'string' }, out: { type: 'string' }, 'cell-km': { type: 'string' } },
        strict: true,
        allowPositionals: false,
      });
      const from = command === 'export-network' ? undefined : parseLngLat(values.from);
      if (command !== 'travel-times' && !values.out) throw new UsageError(`${command} needs --out FILE.geojson`);
      const envelope = await withBackend(values['data-dir'] ?? defaultDataDir(), (b) =>
        command === 'travel-times'
          ? dispatch(b.api, 'travelTimes', { from })
          : command === 'isochrone'
            ? dispatch(b.api, 'isochrone', { from, minutes: parseMinutes(values.minutes), ...(values['cell-km'] ? { cellKm: Number(values['cell-km']) } : {}) })
            : dispatch(b.api, 'exportNetwork', {}),
      );
      if (!envelope.ok) throw new Error(envelope.error.message);
      if (command === 'travel-times') {
        io.out(JSON.stringify(envelope.result, null, 2));
        return 0;
      }
      const out = resolve(values.out as string);
      writeFileSync(out, JSON.stringify(envelope.result));
      const features = (envelope.result as { features: unknown[] }).features.length;
      io.out(JSON.stringify({ out, features }));
      return 0;
    }
    if (command === 'layers') {
      const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' } }, strict: true, allowPositionals: false });
      const envelope = await withBackend(values['data-dir'] ?? defaultDataDir(), (b) => dispatch(b.api, 'listLayers', {}));
      if (!envelope.ok) throw new Error(envelope.error.message);
      io.out(JSON.stringify(envelope.result, null, 2));
      return 0;
    }
    throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(`siteselect: ${error instanceof Error ? error.message : String(error)}`);
    return usage ? 2 : 1;
  }
}
