/**
 * Large files (hundreds of MB) are read as a stream: CSV record by record, GeoJSON feature by
 * feature (@streamparser/json, only `features.*` kept), checked and written one batch at a time
 * inside one transaction, so memory stays bounded whatever the file size. Any bad row or feature
 * stops the import and rolls everything back, naming it. Used by the app (files staged through
 * uploads) and the CLI.
 */
import { createReadStream, openSync, readSync, closeSync, statSync, type ReadStream } from 'node:fs';
import { basename } from 'node:path';
import { JSONParser } from '@streamparser/json';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { lngLatProblem, toWgs84, type CrsId, type NamedPosition } from '../../geo/index.ts';
import type { Db } from '../db/index.ts';
import {
  checkHeader,
  encodingMix,
  findColumn,
  mixedEncodings,
  nonDecimal,
  parseNumber,
  formatOf,
  geojsonFeature,
  GeometryChecker,
  ImportError,
  ProblemError,
  LAT_NAMES,
  LNG_NAMES,
  NAME_NAMES,
  suggestSwap,
  swapPositions,
  type ParsedFeature,
  type ParseResult,
} from './parse.ts';
import { csvUnescape } from './csv-cell.ts';
import { mapPositions, previewCrs, writeLayer, type ImportOptions, type ImportSummary, type LayerRole } from './store.ts';

/** Files larger than this are streamed rather than read whole (CSV and GeoJSON only). */
export const STREAM_THRESHOLD_BYTES = 20 * 1024 * 1024;
/** Features read for a streamed file's preview and its coordinate-system evidence. */
const HEAD_FEATURES = 5000;

/** Whether a file of this name can be streamed (CSV/TXT tables and GeoJSON). */
export function isStreamable(fileName: string): boolean {
  try {
    const format = formatOf(fileName);
    return format === 'csv' || format === 'geojson';
  } catch {
    return false;
  }
}

function detectEncoding(path: string, name: string): 'utf-8' | 'gb18030' {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(1024 * 1024, statSync(path).size));
    readSync(fd, head, 0, head.length, 0);
    if (head.length === 0) throw new ImportError(`"${name}" is empty`);
    if (head.subarray(0, 8192).includes(0)) throw new ImportError(`"${name}" is not a text file (it contains binary data)`);
    // Cut a possibly split multi-byte character at the end of the sample.
    let end = head.length;
    while (end > 0 && end > head.length - 4 && ((head[end - 1] as number) & 0xc0) === 0x80) end--;
    if (end > 0 && ((head[end - 1] as number) & 0xc0) === 0xc0) end--;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
      return 'utf-8';
    } catch {
      const mix = encodingMix(head.subarray(0, end));
      if (mix) throw mixedEncodings(name, mix);
      return 'gb18030';
    }
  } finally {
    closeSync(fd);
  }
}

/** The file as text chunks; `raw` counts the bytes read for progress. A read error ends the text with that error. */
function textStream(path: string, encoding: 'utf-8' | 'gb18030'): { text: NodeJS.ReadableStream; raw: ReadStream } {
  const raw = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (encoding === 'utf-8') return { raw, text: raw.setEncoding('utf8') };
  const decoded = iconv.decodeStream('gb18030') as NodeJS.ReadWriteStream & { destroy(error?: Error): void };
  // pipe() does not pass errors on: without this, a failed read would leave the text waiting for ever.
  raw.on('error', (error) => decoded.destroy(error));
  return { raw, text: raw.pipe(decoded) };
}

/** Longest CSV record (one row, or a quoted value spanning lines), characters: a site list's row is far shorter. */
export const MAX_RECORD_CHARS = 1024 * 1024;
/** Longest streamed GeoJSON feature, bytes of the file (a county-sized polygon is a few MB). */
export const MAX_STREAMED_FEATURE_BYTES = 64 * 1024 * 1024;
/** Text read between two turns of the event loop, characters (so polls, cancel and other calls get through). */
const YIELD_EVERY_CHARS = 1024 * 1024;

const nextTurn = () => new Promise<void>((r) => setImmediate(r));
const tooLong = (line: number) =>
  new ProblemError({
    where: `row ${line}`,
    message: `a record is longer than 1 MB (an unbalanced quote "?); a row of a site list is far shorter`,
  });

/**
 * Physical lines of a text stream, LF or CRLF, numbered from 1. Our own splitter rather than
 * readline: a line is bounded (readline grows one string without limit and throws an uncaught
 * RangeError from inside the stream when it passes V8's string limit), a NUL byte stops the read
 * at once (binary content, e.g. the zero-filled tail of an interrupted copy), and the loop yields
 * to the event loop every megabyte.
 */
async function* lines(text: NodeJS.ReadableStream, encoding: 'utf-8' | 'gb18030'): AsyncGenerator<{ text: string; line: number }> {
  let rest = '';
  let lineNo = 0;
  let sinceYield = 0;
  for await (const value of text) {
    const chunk = typeof value === 'string' ? value : String(value);
    const nul = chunk.indexOf('\0');
    const usable = nul < 0 ? chunk : chunk.slice(0, nul);
    let start = 0;
    for (let nl = usable.indexOf('\n'); nl >= 0; nl = usable.indexOf('\n', start)) {
      const line = rest + usable.slice(start, nl);
      rest = '';
      start = nl + 1;
      lineNo++;
      if (line.length > MAX_RECORD_CHARS) throw tooLong(lineNo);
      // The decoder put U+FFFD for bytes that are not UTF-8: the file changes encoding after its head.
      if (encoding === 'utf-8' && line.includes('\uFFFD')) throw notUtf8(lineNo);
      yield { text: line.endsWith('\r') ? line.slice(0, -1) : line, line: lineNo };
    }
    rest += usable.slice(start);
    if (nul >= 0)
      throw new ProblemError({ where: `row ${lineNo + 1}`, message: 'the file holds binary data (a NUL byte); it is not a text table' });
    if (rest.length > MAX_RECORD_CHARS) throw tooLong(lineNo + 1);
    sinceYield += chunk.length;
    if (sinceYield >= YIELD_EVERY_CHARS) {
      sinceYield = 0;
      await nextTurn();
    }
  }
  if (encoding === 'utf-8' && rest.includes('\uFFFD')) throw notUtf8(lineNo + 1);
  if (rest !== '') yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, line: lineNo + 1 };
}

const notUtf8 = (line: number) =>
  new ProblemError({
    where: `row ${line}`,
    message:
      'is not UTF-8 although the file starts as UTF-8 (mixed encodings: some names would come out garbled); save the whole file in one encoding',
  });

/** A record's values; cells escaped against formulas on export (csv-cell.ts) come back as they were. */
const cellsOf = (record: string) => (Papa.parse<string[]>(record).data[0] ?? []).map((v) => csvUnescape(String(v)));

/**
 * Records of a CSV file as arrays of strings, one at a time (`for await`), so each is handled
 * before the next is read. A record may span lines inside quotes; whether it continues is tracked
 * line by line (each line's quotes flip the state, `""` twice), never by re-scanning the record,
 * and a record is bounded by MAX_RECORD_CHARS. Papa Parse splits each record into values.
 */
async function* records(text: NodeJS.ReadableStream, encoding: 'utf-8' | 'gb18030'): AsyncGenerator<{ values: string[]; line: number }> {
  let parts: string[] = [];
  let size = 0;
  let inQuotes = false;
  let startLine = 0;
  for await (const { text: raw, line: lineNo } of lines(text, encoding)) {
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (parts.length === 0) startLine = lineNo;
    parts.push(line);
    size += line.length + 1;
    if (size > MAX_RECORD_CHARS) throw tooLong(startLine);
    for (let q = line.indexOf('"'); q >= 0; q = line.indexOf('"', q + 1)) inQuotes = !inQuotes;
    // An open quote means the record continues on the next line.
    if (inQuotes) continue;
    const record = parts.join('\n');
    parts = [];
    size = 0;
    if (record.trim() === '') continue;
    yield { values: cellsOf(record), line: startLine };
  }
  const pending = parts.join('\n');
  if (pending.trim() !== '') yield { values: cellsOf(pending), line: startLine };
}

export interface StreamOptions {
  lngColumn?: string | undefined;
  latColumn?: string | undefined;
  swap?: boolean | undefined;
}

/** A streamed file: what its head says, and its features from the start on each call. */
interface FeatureSource {
  format: 'csv' | 'geojson';
  encoding: 'utf-8' | 'gb18030';
  fields: string[];
  columns: ParseResult['columns'];
  /** Unchecked features, read afresh from the start of the file. */
  read(): { features: AsyncGenerator<ParsedFeature>; progress(): number };
}

async function csvSource(path: string, name: string, encoding: 'utf-8' | 'gb18030', options: StreamOptions): Promise<FeatureSource> {
  let header: string[] | null = null;
  const head = textStream(path, encoding);
  try {
    for await (const { values } of records(head.text, encoding)) {
      header = values.map((v) => v.trim());
      break;
    }
  } finally {
    head.raw.destroy();
  }
  if (!header || header.length < 2) throw new ImportError(`"${name}" needs a header row and at least one data row`);
  checkHeader(header);
  const fields = header;
  const lng = findColumn(fields, LNG_NAMES, options.lngColumn, 'longitude');
  const lat = findColumn(fields, LAT_NAMES, options.latColumn, 'latitude');
  if (!lng || !lat)
    throw new ImportError(
      `no longitude/latitude columns found (looked for ${LNG_NAMES.join('/')} and ${LAT_NAMES.join('/')}; columns: ${fields.join(', ')}); choose them by hand`,
    );
  const lngName: string = lng;
  const latName: string = lat;
  const [x, y] = options.swap ? [fields.indexOf(latName), fields.indexOf(lngName)] : [fields.indexOf(lngName), fields.indexOf(latName)];
  const size = Math.max(1, statSync(path).size);
  return {
    format: 'csv',
    encoding,
    fields,
    columns: { lng, lat, name: findColumn(fields, NAME_NAMES, undefined, 'name') },
    read() {
      const s = textStream(path, encoding);
      async function* features(): AsyncGenerator<ParsedFeature> {
        try {
          let first = true;
          for await (const { values, line } of records(s.text, encoding)) {
            if (first) {
              first = false;
              continue;
            }
            const cell = (i: number) => values[i] ?? '';
            const notDecimal = nonDecimal(cell(x), 'longitude') ?? nonDecimal(cell(y), 'latitude');
            if (notDecimal) throw new ProblemError({ where: `row ${line}`, message: `${notDecimal} (columns ${lngName}, ${latName})` });
            const position: [number, number] = [parseNumber(cell(x)), parseNumber(cell(y))];
            if (!Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
              throw new ProblemError({
                where: `row ${line}`,
                message: `${lngLatProblem(position)} (columns ${lngName}, ${latName}: "${values[fields.indexOf(lngName)] ?? ''}", "${values[fields.indexOf(latName)] ?? ''}")`,
              });
            }
            yield {
              geometry: { type: 'Point', coordinates: position },
              properties: Object.fromEntries(fields.map((f, i) => [f, values[i] ?? null])),
              where: `row ${line}`,
            };
          }
        } finally {
          s.raw.destroy();
        }
      }
      return { features: features(), progress: () => s.raw.bytesRead / size };
    },
  };
}

function geojsonSource(path: string, name: string, encoding: 'utf-8' | 'gb18030', options: StreamOptions): FeatureSource {
  const size = Math.max(1, statSync(path).size);
  return {
    format: 'geojson',
    encoding,
    fields: [],
    columns: null,
    read() {
      const s = textStream(path, encoding);
      async function* features(): AsyncGenerator<ParsedFeature> {
        // Only the top-level type and the members of `features` are kept; each is handed on and dropped.
        const parser = new JSONParser({ paths: ['$.type', '$.features.*'], keepStack: false });
        let type: unknown = null;
        let n = 0;
        let ready: ParsedFeature[] = [];
        // Bytes read when the last feature ended: the parser holds everything since then in memory.
        let lastEnd = 0;
        parser.onValue = ({ value, stack }) => {
          if (stack.length === 1) type = value;
          else {
            ready.push(geojsonFeature(value, ++n));
            lastEnd = s.raw.bytesRead;
          }
        };
        try {
          for await (const chunk of s.text) {
            if (s.raw.bytesRead - lastEnd > MAX_STREAMED_FEATURE_BYTES + 256 * 1024)
              throw new ImportError(
                `"${name}": feature ${n + 1} is larger than ${MAX_STREAMED_FEATURE_BYTES / 1024 / 1024} MB (or the file holds something else there); nothing imported`,
              );
            try {
              parser.write(chunk as string);
            } catch (error) {
              if (error instanceof ImportError) throw error;
              throw new ImportError(
                `"${name}" is not valid JSON after feature ${n} (byte ${s.raw.bytesRead}): ${(error as Error).message}; nothing imported`,
                { cause: error },
              );
            }
            const batch = ready;
            ready = [];
            for (const f of batch) {
              if (options.swap && f.geometry) f.geometry = { ...f.geometry, coordinates: swapPositions(f.geometry.coordinates) };
              yield f;
            }
          }
          if (!parser.isEnded)
            throw new ImportError(`"${name}" ends in the middle of the JSON (truncated?) after feature ${n}; nothing imported`);
          if (type !== 'FeatureCollection')
            throw new ImportError(`"${name}": a large GeoJSON file must be a FeatureCollection (its type is ${JSON.stringify(type)})`);
        } finally {
          s.raw.destroy();
        }
      }
      return { features: features(), progress: () => s.raw.bytesRead / size };
    },
  };
}

async function openSource(path: string, name: string, options: StreamOptions): Promise<FeatureSource> {
  const format = formatOf(name);
  const encoding = detectEncoding(path, name);
  if (format === 'csv') return csvSource(path, name, encoding, options);
  if (format === 'geojson') return geojsonSource(path, name, encoding, options);
  throw new ImportError(`"${name}": ${format.toUpperCase()} files are read whole, not streamed`);
}

/** The first features (checked), for the preview and the coordinate-system evidence. */
async function head(
  source: FeatureSource,
  limit: number,
): Promise<{ features: ParsedFeature[]; problems: { where: string; message: string }[]; complete: boolean }> {
  const { features } = source.read();
  const checker = new GeometryChecker();
  const out: ParsedFeature[] = [];
  const problems: { where: string; message: string }[] = [];
  let complete = true;
  try {
    for await (const f of features) {
      if (out.length >= limit) {
        complete = false;
        break;
      }
      problems.push(...checker.check(f));
      out.push(f);
    }
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    problems.push(error instanceof ProblemError ? error.problem : { where: 'file', message: error.message });
  } finally {
    await features.return(undefined);
  }
  return { features: out, problems, complete };
}

export interface StreamPreview {
  format: ParseResult['format'];
  encoding: ParseResult['encoding'];
  /** Features in the file when all were read; null when the file is longer than the preview. */
  features: number | null;
  fields: string[];
  columns: ParseResult['columns'];
  problems: { where: string; message: string }[];
  swapSuggested: boolean;
  /** Head features (file coordinates), for the CRS evidence and the preview map. */
  head: ParsedFeature[];
}

/** Preview of a large file from its first features only; the rest is checked while importing. */
export async function previewStream(path: string, name: string, options: StreamOptions): Promise<StreamPreview> {
  const source = await openSource(path, name, options);
  const h = await head(source, HEAD_FEATURES);
  if (h.features.length === 0 && h.problems.length === 0) throw new ImportError(`"${name}" holds no features`);
  const fields = source.fields.length > 0 ? source.fields : [...new Set(h.features.flatMap((f) => Object.keys(f.properties)))];
  return {
    format: source.format,
    encoding: source.encoding,
    features: h.complete ? h.features.length : null,
    fields,
    columns: source.columns,
    problems: h.problems,
    swapSuggested: !options.swap && suggestSwap(h.features),
    head: h.features,
  };
}

/**
 * Imports a CSV or GeoJSON file as a stream in one transaction. The coordinate system is detected
 * from the first features' names; every feature is checked as it is read and the first problem
 * rolls everything back, naming the row or feature.
 */
export async function importStream(
  db: Db,
  path: string,
  options: StreamOptions & {
    name: string;
    role: LayerRole;
    crs: CrsId | 'auto';
    reference: readonly NamedPosition[];
    sourceFile?: string;
  } & Pick<ImportOptions, 'shouldCancel' | 'onProgress'>,
): Promise<ImportSummary> {
  const sourceFile = options.sourceFile ?? basename(path);
  const source = await openSource(path, sourceFile, options);
  const h = await head(source, HEAD_FEATURES);
  const { detection } = previewCrs({ features: h.features, columns: source.columns }, options.reference);
  const { features, progress } = source.read();
  const checker = new GeometryChecker();
  async function* checked(): AsyncGenerator<ParsedFeature> {
    for await (const f of features) {
      const problem = checker.check(f)[0];
      if (problem) throw new ProblemError(problem);
      yield f;
    }
  }
  return writeLayer(
    db,
    {
      name: options.name,
      role: options.role,
      sourceFile,
      crs: options.crs === 'auto' ? detection.crs : options.crs,
      format: source.format,
      encoding: source.encoding,
      detection,
      swapSuggested: false,
      features: checked(),
      progress,
    },
    options,
  );
}

/** The preview's sample as it would land: the first features converted to WGS-84. */
export function sampleOf(
  features: readonly ParsedFeature[],
  crs: CrsId,
  n = 20,
): { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[] {
  return features
    .filter((f) => f.geometry)
    .slice(0, n)
    .map((f) => ({
      geometry: { type: (f.geometry as { type: string }).type, coordinates: mapPositions(f.geometry?.coordinates, (p) => toWgs84(p, crs)) },
      properties: f.properties,
    }));
}
