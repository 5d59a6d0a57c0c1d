/**
 * The one place that decides how a file is read: whole (parsed in memory, every problem listed
 * before anything is written) or streamed (CSV and GeoJSON staged files above the threshold:
 * previewed from their head, checked feature by feature while they are written, memory bounded).
 * The app's import jobs and the CLI both go through here.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { CrsId, NamedPosition } from '../../geo/index.ts';
import type { LayerRole, PreviewResult } from '../contract/api.ts';
import type { Db } from '../db/index.ts';
import { ImportError, MAX_FILE_BYTES, parseFile, type ParseOptions, type ParseResult } from './parse.ts';
import { importParsed, previewCrs, refuseProblems, type ImportOptions, type ImportSummary } from './store.ts';
import { importStream, isStreamable, previewStream, sampleOf, STREAM_THRESHOLD_BYTES } from './stream.ts';

/** A file to import: its bytes, or a file staged on this machine. */
export type ImportSource = { name: string; bytes: Uint8Array } | { name: string; path: string; size: number };

export interface ImportLimits {
  /** Staged CSV/GeoJSON files larger than this are streamed. */
  streamAboveBytes: number;
}
export const DEFAULT_LIMITS: ImportLimits = { streamAboveBytes: STREAM_THRESHOLD_BYTES };

export interface WriteOptions {
  layerName: string;
  role: LayerRole;
  crs: CrsId | 'auto';
}

export interface ImportReader {
  readonly name: string;
  /** True when the file is streamed (previewed from its head, checked in full while importing). */
  readonly streamed: boolean;
  preview(crs: CrsId | 'auto'): Promise<PreviewResult>;
  /**
   * What can be checked before a job starts: a file read whole is parsed and every problem
   * refused here, so the caller gets them as the answer; a stream is opened at write time.
   *
   * @throws ImportError naming the problems
   */
  check(): Promise<void>;
  /** Writes the layer in one transaction on `db` (a connection no other code writes on meanwhile). */
  write(db: Db, options: WriteOptions, control: Pick<ImportOptions, 'shouldCancel' | 'onProgress'>): Promise<ImportSummary>;
}

/** The bytes of a file that is read whole; a staged file larger than the limit is refused by name. */
function bytesOf(source: ImportSource): Uint8Array {
  if ('bytes' in source) return source.bytes;
  if (source.size > MAX_FILE_BYTES) {
    throw new ImportError(
      `"${source.name}" is ${(source.size / 1e6).toFixed(0)} MB; files of this type are read whole and the limit is ${MAX_FILE_BYTES / 1e6} MB (CSV and GeoJSON files of any size are streamed)`,
    );
  }
  return readFileSync(source.path);
}

/** How long a parse is kept for the import that usually follows its preview, ms. */
const PARSE_KEPT_MS = 10 * 60 * 1000;

/**
 * The last file parsed whole, kept so the preview's parse serves the import that follows (an XLSX
 * or a 200 MB file is read once, not twice). One entry, keyed by the file's identity and the parse
 * options; dropped after ten minutes, when another file is parsed, or when its import starts.
 */
export class ParseCache {
  private entry: { key: string; parsed: Promise<ParseResult>; timer: NodeJS.Timeout } | null = null;

  get(key: string, parse: () => Promise<ParseResult>): Promise<ParseResult> {
    if (this.entry?.key === key) return this.entry.parsed;
    this.forget();
    const parsed = parse();
    const timer = setTimeout(() => this.forget(), PARSE_KEPT_MS);
    timer.unref();
    this.entry = { key, parsed, timer };
    // A file that could not be parsed is parsed again next time (the user may have fixed it).
    parsed.catch(() => {
      if (this.entry?.parsed === parsed) this.forget();
    });
    return parsed;
  }

  forget(): void {
    if (this.entry) clearTimeout(this.entry.timer);
    this.entry = null;
  }
}

/** What identifies a file's content for the parse cache: a staged file's path, size and time, or a hash of the bytes. */
function sourceKey(source: ImportSource, options: ParseOptions): string {
  const id =
    'bytes' in source
      ? `sha256:${createHash('sha256').update(source.bytes).digest('hex')}`
      : `file:${source.path}:${source.size}:${statSync(source.path).mtimeMs}`;
  return JSON.stringify([source.name, id, options.lngColumn ?? null, options.latColumn ?? null, options.swap === true]);
}

export function importReader(
  source: ImportSource,
  options: ParseOptions,
  reference: readonly NamedPosition[],
  limits: ImportLimits = DEFAULT_LIMITS,
  cache?: ParseCache,
): ImportReader {
  if ('path' in source && source.size > limits.streamAboveBytes && isStreamable(source.name)) {
    const path = source.path;
    return {
      name: source.name,
      streamed: true,
      async preview(crs) {
        const p = await previewStream(path, source.name, options);
        const { detection } = previewCrs({ features: p.head, columns: p.columns }, reference);
        const { head, ...rest } = p;
        return {
          ...rest,
          problems: rest.problems.slice(0, 50),
          streamed: true,
          detection,
          sample: sampleOf(head, crs === 'auto' ? detection.crs : crs),
        };
      },
      check: async () => undefined,
      write: (db, o, control) =>
        importStream(db, path, { ...options, name: o.layerName, role: o.role, crs: o.crs, reference, sourceFile: source.name, ...control }),
    };
  }
  let parsed: Promise<ParseResult> | undefined;
  const read = () => parseFile(source.name, bytesOf(source), options);
  const parse = () => (parsed ??= cache ? cache.get(sourceKey(source, options), read) : read());
  return {
    name: source.name,
    streamed: false,
    async preview(crs) {
      const p = await parse();
      const { detection } = previewCrs(p, reference);
      return {
        format: p.format,
        encoding: p.encoding,
        features: p.features.length,
        streamed: false,
        fields: p.fields,
        columns: p.columns,
        problems: p.problems.slice(0, 50),
        swapSuggested: p.swapSuggested,
        detection,
        sample: sampleOf(p.features, crs === 'auto' ? detection.crs : crs),
      };
    },
    async check() {
      refuseProblems(await parse());
    },
    async write(db, o, control) {
      const result = await parse();
      // The import has what it needs; the cache need not hold the file's features any longer.
      cache?.forget();
      return importParsed(db, result, {
        name: o.layerName,
        role: o.role,
        crs: o.crs,
        sourceFile: source.name,
        reference,
        ...control,
      });
    },
  };
}
