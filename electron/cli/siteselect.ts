/**
 * The `siteselect` command line. Same handlers as the app; JSON on stdout, errors on stderr with
 * a non-zero exit. Every command accepts `--data-dir DIR` (default: the app's user data folder).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { CRS_IDS, type CrsId } from '../../geo/index.ts';
import { MCDA_USAGE, parseNumberList, runMcda, UsageError } from './mcda-command.ts';
import { runTeam, TEAM_USAGE } from './team-command.ts';
import { asOfArg, runNetworkCompare, runNetworkYear, runOsm, YEARS_USAGE } from './years-command.ts';
import {
  EXPORT_FORMATS,
  LAYER_ROLES,
  type Envelope,
  type ExportFormat,
  type LayerRole,
  type PreviewResult,
  type RankingResult,
  type ResultOf,
} from '../contract/api.ts';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend, type Backend } from '../backend.ts';
import { dispatch } from '../handlers/index.ts';
import { csvCell } from '../imports/csv-cell.ts';
import { appPaths, appRootFrom, defaultDataDir, packageVersion } from '../node/paths.ts';
import { runWeb } from '../server/web.ts';

const USAGE = `usage: siteselect <command> [--data-dir DIR]

commands:
  --version                                  print the version
  layers                                     every layer (reference and user-made) as JSON: id, name, feature count
  travel-times --from LON,LAT [--as-of YEAR] minutes to the nearest facility of each class and to each market
  isochrone --from LON,LAT --minutes 30,60,90 --out FILE.geojson [--cell-km N] [--as-of YEAR]
                                             areas reachable within each time, as GeoJSON
  export-network --out FILE.geojson          the active network: nodes (Points) and edges (LineStrings)
  network import FILE [--bbox W,S,E,N | --whole]
                                             import an OpenStreetMap extract (.osm.pbf, .osm, .osm.gz, .osm.bz2)
                                             as the road network; default clip: the zone and its corridors
  network info                               the active network: source, as-of date, bbox, counts, km and speed per class
  network use osm|schematic                  choose the network every travel time uses
${YEARS_USAGE}
  park set-position PARK --lnglat LON,LAT [--crs wgs84|gcj02|bd09] [--note TEXT]
                                             correct a park's position (PARK: its id or catalogue code, e.g. S437065)
  park reset PARK                            undo the correction: the shipped position again
  route --from LON,LAT --to LON,LAT [--geojson]
                                             driving minutes, km, snap distances and road classes on the active network
  score --profile FILE.json [--method wsm|ahp|topsis|owa|promethee|vikor|electre] [--format json|csv] [--as-of YEAR]
                                             rank every candidate site for an enterprise profile
${MCDA_USAGE}
  import FILE [--role ROLE] [--crs wgs84|gcj02|bd09|auto] [--name NAME] [--lng COL --lat COL] [--swap]
                                             import GeoJSON, CSV, XLSX, KML, KMZ or GPX as a layer (JSON summary)
  export LAYER --format geojson|csv|xlsx|kml --out FILE
                                             write a layer (an id from \`layers\`) to a file
${TEAM_USAGE}
  verify FILE [--json]                       recompute a report (.xlsx, .pdf, or its .json scenario) from the scenario it
                                             carries; say whether every number still matches, and why not (exit 1)
  selftest [--examples DIR] [--json]         run the published worked examples of every method and the network check
                                             (default: the shipped ones); exit 1 when any fails
  web [--port N]                             start the browser edition on 127.0.0.1 and print its URL
  help                                       this text

Positions are WGS-84 longitude,latitude in degrees. --as-of YEAR computes on the network as it stands in that
year (lines and roads open by then; "now": as its data stands); without it, the year set by \`network year\`.`;

/** A failure the user caused (bad command or option): message on stderr, exit code 2. */
export { UsageError };

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const defaultIo: CliIo = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

function withBackend<T>(dataDir: string, fn: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = openBackend({ paths: appPaths(appRootFrom(import.meta.url)), dataDir, edition: 'cli' });
  return fn(backend).finally(() => backend.close());
}

function parseLngLat(text: string | undefined, option = '--from'): [number, number] {
  if (text === undefined) throw new UsageError(`${option} LON,LAT is required (WGS-84 degrees, e.g. ${option} 112.57,26.89)`);
  const parts = text.split(',').map((p) => p.trim());
  const numbers = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || numbers.some((n) => !Number.isFinite(n)))
    throw new UsageError(`${option} must be LON,LAT with two numbers, got "${text}"`);
  return [numbers[0] as number, numbers[1] as number];
}

/** A call's result, or its message as the error (exit 1). */
async function ok(envelope: Promise<Envelope<unknown>>): Promise<unknown> {
  const e = await envelope;
  if (!e.ok) throw new Error(e.error.message);
  return e.result;
}

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** One row per candidate and criterion: rank, total, raw value, unit, score, weight, contribution; formulas escaped by the export's one rule (csv-cell.ts). */
function rankingCsv(r: RankingResult): string {
  const safe = (v: unknown) => {
    const guarded = String(csvCell(v) ?? '');
    return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
  };
  const lines = [
    ['rank', 'id', 'name_zh', 'name_en', 'total', 'criterion', 'raw', 'unit', 'score', 'weight_pct', 'contribution', 'excluded_by'].join(
      ',',
    ),
  ];
  for (const c of r.candidates) {
    for (const x of c.criteria) {
      lines.push(
        [
          c.rank,
          c.id,
          c.name_zh,
          c.name_en,
          c.total?.toFixed(3),
          x.id,
          x.raw,
          x.unit,
          x.score.toFixed(4),
          x.weight.toFixed(2),
          x.contribution?.toFixed(4),
          c.exclusions.map((e) => e.message_en).join('; '),
        ]
          .map(safe)
          .join(','),
      );
    }
  }
  return lines.join('\n');
}

function parseMinutes(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const values = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(Number);
  if (values.length === 0) throw new UsageError('--minutes needs at least one number, e.g. --minutes 30,60,90');
  if (values.some((v) => !Number.isFinite(v))) throw new UsageError(`--minutes must be numbers separated by commas, got "${text}"`);
  return values;
}

/** The example files of a folder, by name without `.json` (for `selftest --examples DIR`). */
function readExamples(dir: string): Record<string, unknown> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch (error) {
    throw new Error(`cannot read ${dir}: ${(error as Error).message}`, { cause: error });
  }
  return Object.fromEntries(files.map((f) => [f.replace(/\.json$/, ''), readJsonFile(join(dir, f))]));
}

const shown = (v: number | boolean | string | null) => (typeof v === 'number' ? String(Number(v.toPrecision(10))) : String(v));

/** The self-test as lines: one per example, and every failing number with what was expected. */
export function selfTestText(r: ResultOf<'methodSelfTest'>): string {
  const lines = r.cases.map((c) => {
    const failed = c.checks.filter((k) => !k.pass);
    const head = `${c.pass ? 'PASS' : 'FAIL'}  ${c.method.padEnd(10)} ${c.id}  (${c.checks.length - failed.length}/${c.checks.length})`;
    const details = failed.map(
      (k) => `        ${k.label}: expected ${shown(k.expected)}, computed ${shown(k.computed)} (tolerance ${shown(k.tolerance)})`,
    );
    return [head, ...(c.error ? [`        ${c.error}`] : []), ...details].join('\n');
  });
  lines.push(`${r.pass ? 'all passed' : `${r.failed} failed`}: ${r.checks} numbers in ${r.cases.length} examples (${r.version})`);
  return lines.join('\n');
}

/** The verification as lines: the verdict, the hashes, the causes, the first differences. */
export function verifyText(r: ResultOf<'verifyReport'>): string {
  const lines = [
    `${r.ok ? 'OK' : 'DIFFERS'}  ${r.file} (${r.kind}): ${r.compared} numbers compared, ${r.differencesTotal} differ`,
    `inputs hash printed ${r.printedHash}, today ${r.recomputedHash}`,
    ...r.causes.map((c) => `cause: ${c.message_en}`),
    ...r.differences.map(
      (d) => `  ${d.where}: file ${d.found === null ? '—' : String(d.found)}, recomputed ${d.expected === null ? '—' : String(d.expected)}`,
    ),
  ];
  if (r.differencesTotal > r.differences.length) lines.push(`  … and ${r.differencesTotal - r.differences.length} more`);
  return lines.join('\n');
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
    if (command === 'network') {
      const [sub, ...args] = rest;
      if (sub === 'compare') {
        const dirAt = args.indexOf('--data-dir');
        const dataDir = dirAt >= 0 && args[dirAt + 1] ? (args[dirAt + 1] as string) : defaultDataDir();
        io.out(JSON.stringify(await withBackend(dataDir, (b) => runNetworkCompare(args, b, readJsonFile)), null, 2));
        return 0;
      }
      const { values, positionals } = parseArgs({
        args,
        options: { 'data-dir': { type: 'string' }, bbox: { type: 'string' }, whole: { type: 'boolean' } },
        strict: true,
        allowPositionals: true,
      });
      const dataDir = values['data-dir'] ?? defaultDataDir();
      if (sub === 'info') {
        io.out(JSON.stringify(await withBackend(dataDir, (b) => ok(dispatch(b.api, 'roadNetworkInfo', {}))), null, 2));
        return 0;
      }
      if (sub === 'year') {
        io.out(JSON.stringify(await withBackend(dataDir, (b) => runNetworkYear(positionals, b)), null, 2));
        return 0;
      }
      if (sub === 'use') {
        const kind = positionals[0];
        if (kind !== 'osm' && kind !== 'schematic') throw new UsageError('network use needs osm or schematic');
        io.out(JSON.stringify(await withBackend(dataDir, (b) => ok(dispatch(b.api, 'useNetwork', { network: kind }))), null, 2));
        return 0;
      }
      if (sub === 'import') {
        const file = positionals[0];
        if (!file || positionals.length > 1)
          throw new UsageError('network import needs exactly one FILE (.osm.pbf, .osm, .osm.gz or .osm.bz2)');
        if (values.bbox && values.whole) throw new UsageError('give --bbox or --whole, not both');
        const clip = values.whole
          ? { mode: 'whole' }
          : values.bbox
            ? { mode: 'bbox', bbox: parseNumberList(values.bbox, '--bbox') }
            : { mode: 'zone' };
        const status = await withBackend(dataDir, async (b) => {
          const { uploadId } = b.context.uploads.stageLocal(resolve(file), basename(file));
          const { jobId } = (await ok(dispatch(b.api, 'importRoadNetwork', { uploadId, clip }))) as { jobId: string };
          let last = '';
          for (;;) {
            const s = (await ok(dispatch(b.api, 'roadImportStatus', { jobId }))) as {
              status: string;
              phase: string | null;
              fraction: number;
              etaSeconds: number | null;
              error: string | null;
              info: unknown;
            };
            if (s.status !== 'running') return s;
            const line = `${s.phase ?? 'start'} ${Math.round(s.fraction * 100)} %${s.etaSeconds === null ? '' : `, about ${Math.ceil(s.etaSeconds)} s left`}`;
            if (line !== last) io.err(line);
            last = line;
            await new Promise((r) => setTimeout(r, 500));
          }
        });
        if (status.status !== 'done') throw new Error(status.error ?? `import ${status.status}`);
        io.out(JSON.stringify(status.info, null, 2));
        return 0;
      }
      throw new UsageError(`network needs import, info, use, year or compare, got "${sub ?? ''}"`);
    }
    if (command === 'park') {
      const [sub, ...args] = rest;
      const { values, positionals } = parseArgs({
        args,
        options: { 'data-dir': { type: 'string' }, lnglat: { type: 'string' }, crs: { type: 'string' }, note: { type: 'string' } },
        strict: true,
        allowPositionals: true,
      });
      const park = positionals[0];
      if (!park || positionals.length > 1) throw new UsageError(`park ${sub ?? ''} needs exactly one PARK (an id or a catalogue code)`);
      const dataDir = values['data-dir'] ?? defaultDataDir();
      if (sub === 'set-position') {
        const position = parseLngLat(values.lnglat, '--lnglat');
        const crs = values.crs ?? 'wgs84';
        if (!CRS_IDS.includes(crs as CrsId)) throw new UsageError(`--crs must be wgs84, gcj02 or bd09, got "${crs}"`);
        const r = await withBackend(dataDir, (b) =>
          ok(dispatch(b.api, 'setParkPosition', { park, position, crs, note: values.note ?? '' })),
        );
        io.out(JSON.stringify(r, null, 2));
        return 0;
      }
      if (sub === 'reset') {
        io.out(JSON.stringify(await withBackend(dataDir, (b) => ok(dispatch(b.api, 'resetParkPosition', { park }))), null, 2));
        return 0;
      }
      throw new UsageError(`park needs set-position or reset, got "${sub ?? ''}"`);
    }
    if (command === 'route') {
      const { values } = parseArgs({
        args: rest,
        options: { 'data-dir': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, geojson: { type: 'boolean' } },
        strict: true,
        allowPositionals: false,
      });
      const from = parseLngLat(values.from, '--from');
      const to = parseLngLat(values.to, '--to');
      const r = await withBackend(values['data-dir'] ?? defaultDataDir(), (b) =>
        ok(dispatch(b.api, 'route', { from, to, geometry: values.geojson === true })),
      );
      io.out(JSON.stringify(r, null, 2));
      return 0;
    }
    if (command === 'travel-times' || command === 'isochrone' || command === 'export-network') {
      const { values } = parseArgs({
        args: rest,
        options: {
          'data-dir': { type: 'string' },
          from: { type: 'string' },
          minutes: { type: 'string' },
          out: { type: 'string' },
          'cell-km': { type: 'string' },
          'as-of': { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
      });
      if (command === 'export-network' && values['as-of'] !== undefined)
        throw new UsageError('export-network has no --as-of: it writes the network as it is stored');
      const asOf = asOfArg(values['as-of']);
      const from = command === 'export-network' ? undefined : parseLngLat(values.from);
      if (command !== 'travel-times' && !values.out) throw new UsageError(`${command} needs --out FILE.geojson`);
      const envelope = await withBackend(values['data-dir'] ?? defaultDataDir(), (b) =>
        command === 'travel-times'
          ? dispatch(b.api, 'travelTimes', { from, ...asOf })
          : command === 'isochrone'
            ? dispatch(b.api, 'isochrone', {
                from,
                ...asOf,
                minutes: parseMinutes(values.minutes),
                ...(values['cell-km'] ? { cellKm: Number(values['cell-km']) } : {}),
              })
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
    if (command === 'score') {
      const { values } = parseArgs({
        args: rest,
        options: {
          'data-dir': { type: 'string' },
          profile: { type: 'string' },
          method: { type: 'string' },
          format: { type: 'string' },
          'as-of': { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
      });
      if (!values.profile) throw new UsageError('score needs --profile FILE.json (see README: the profile file format)');
      const asOf = asOfArg(values['as-of']);
      const format = values.format ?? 'json';
      if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, got "${format}"`);
      const file = readJsonFile(values.profile);
      const { weights, ahp, method: fileMethod, ...profile } = (file ?? {}) as Record<string, unknown>;
      const method = values.method ?? fileMethod ?? 'wsm';
      const envelope = await withBackend(values['data-dir'] ?? defaultDataDir(), (b) =>
        dispatch(b.api, 'scoreSites', { profile, method, ...asOf, ...(weights ? { weights } : {}), ...(ahp ? { ahp } : {}) }),
      );
      if (!envelope.ok) throw new Error(envelope.error.message.replace(/^bad argument for scoreSites: /, 'bad profile: '));
      io.out(format === 'json' ? JSON.stringify(envelope.result, null, 2) : rankingCsv(envelope.result as RankingResult));
      return 0;
    }
    if (command === 'mcda') return await runMcda(rest, io);
    if (command === 'osm') {
      const dirAt = rest.indexOf('--data-dir');
      const dataDir = dirAt >= 0 && rest[dirAt + 1] ? (rest[dirAt + 1] as string) : defaultDataDir();
      io.out(JSON.stringify(await withBackend(dataDir, (b) => runOsm(rest, b)), null, 2));
      return 0;
    }
    if (command === 'team') {
      const dirAt = rest.indexOf('--data-dir');
      const dataDir = dirAt >= 0 && rest[dirAt + 1] ? (rest[dirAt + 1] as string) : defaultDataDir();
      io.out(JSON.stringify(await withBackend(dataDir, (b) => runTeam(rest, b)), null, 2));
      return 0;
    }
    if (command === 'import') {
      const { values, positionals } = parseArgs({
        args: rest,
        options: {
          'data-dir': { type: 'string' },
          role: { type: 'string' },
          crs: { type: 'string' },
          name: { type: 'string' },
          lng: { type: 'string' },
          lat: { type: 'string' },
          swap: { type: 'boolean' },
        },
        strict: true,
        allowPositionals: true,
      });
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new UsageError('import needs exactly one FILE');
      const role = (values.role ?? 'reference') as LayerRole;
      if (!LAYER_ROLES.includes(role)) throw new UsageError(`--role must be one of ${LAYER_ROLES.join(', ')}, got "${values.role}"`);
      const crs = (values.crs ?? 'auto') as CrsId | 'auto';
      if (crs !== 'auto' && !CRS_IDS.includes(crs)) throw new UsageError(`--crs must be wgs84, gcj02, bd09 or auto, got "${values.crs}"`);
      const layerName = values.name ?? basename(file).replace(/\.[^.]+$/, '');
      const summary = await withBackend(values['data-dir'] ?? defaultDataDir(), async (b) => {
        // The same path as the app: the file is staged (here where it lies, not copied), checked and
        // written by an import job through dispatch; large CSV and GeoJSON files are streamed.
        const { uploadId } = b.context.uploads.stageLocal(resolve(file), basename(file));
        const fileArgs = {
          name: basename(file),
          uploadId,
          crs,
          ...(values.lng ? { lngColumn: values.lng } : {}),
          ...(values.lat ? { latColumn: values.lat } : {}),
          ...(values.swap ? { swap: true } : {}),
        };
        try {
          const started = await dispatch(b.api, 'startImport', { ...fileArgs, layerName, role });
          if (!started.ok) {
            const preview = await dispatch(b.api, 'previewImport', fileArgs);
            if (preview.ok && (preview.result as PreviewResult).swapSuggested) {
              throw new Error(`${started.error.message}; longitude and latitude look swapped: run again with --swap to exchange them`);
            }
            throw new Error(started.error.message);
          }
          const { jobId } = started.result as { jobId: string };
          await b.context.jobs.finished(jobId);
          const status = await dispatch(b.api, 'importStatus', { jobId });
          if (!status.ok) throw new Error(status.error.message);
          const job = status.result as { status: string; error: string | null; summary: unknown };
          if (job.status !== 'done') throw new Error(job.error ?? `import ${job.status}`);
          return job.summary;
        } finally {
          b.context.uploads.discard(uploadId);
        }
      });
      io.out(JSON.stringify(summary, null, 2));
      return 0;
    }
    if (command === 'export') {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { 'data-dir': { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
        strict: true,
        allowPositionals: true,
      });
      const layer = positionals[0];
      if (!layer || !values.out || !values.format) throw new UsageError('export needs LAYER --format geojson|csv|xlsx|kml --out FILE');
      const format = values.format as ExportFormat;
      if (!EXPORT_FORMATS.includes(format))
        throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${values.format}"`);
      const { exported, count } = await withBackend(values['data-dir'] ?? defaultDataDir(), async (b) => {
        const file = await dispatch(b.api, 'exportLayer', { id: layer, format });
        if (!file.ok) throw new Error(file.error.message);
        const collection = await dispatch(b.api, 'getLayer', { id: layer });
        if (!collection.ok) throw new Error(collection.error.message);
        return { exported: file.result as ResultOf<'exportLayer'>, count: (collection.result as ResultOf<'getLayer'>).features.length };
      });
      const out = resolve(values.out);
      writeFileSync(out, Buffer.from(exported.dataBase64, 'base64'));
      io.out(JSON.stringify({ layer, format, out, features: count }));
      return 0;
    }
    if (command === 'selftest') {
      const { values } = parseArgs({
        args: rest,
        options: { 'data-dir': { type: 'string' }, examples: { type: 'string' }, json: { type: 'boolean' } },
        strict: true,
        allowPositionals: false,
      });
      const examples = values.examples ? readExamples(values.examples) : undefined;
      const r = (await withBackend(values['data-dir'] ?? defaultDataDir(), (b) =>
        ok(dispatch(b.api, 'methodSelfTest', examples ? { examples } : {})),
      )) as ResultOf<'methodSelfTest'>;
      io.out(values.json ? JSON.stringify(r, null, 2) : selfTestText(r));
      return r.pass ? 0 : 1;
    }
    if (command === 'verify') {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
        strict: true,
        allowPositionals: true,
      });
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new UsageError('verify needs exactly one FILE (.xlsx, .pdf or .json)');
      const r = (await withBackend(values['data-dir'] ?? defaultDataDir(), async (b) => {
        const { uploadId } = b.context.uploads.stageLocal(resolve(file), basename(file));
        return ok(dispatch(b.api, 'verifyReport', { uploadId }));
      })) as ResultOf<'verifyReport'>;
      io.out(values.json ? JSON.stringify(r, null, 2) : verifyText(r));
      return r.ok ? 0 : 1;
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
    // ImportError and API errors are the user's data or arguments: exit 1 with the message.
    io.err(`siteselect: ${error instanceof Error ? error.message : String(error)}`);
    return usage ? 2 : 1;
  }
}
