/**
 * The one place that decides how a file is read: whole (parsed in memory, every problem listed
 * before anything is written) or streamed (CSV and GeoJSON staged files above the threshold:
 * previewed from their head, checked feature by feature while they are written, memory bounded).
 * The app's import jobs and the CLI both go through here.
 */
import { readFileSync } from 'node:fs';
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

export function importReader(
  source: ImportSource,
  options: ParseOptions,
  reference: readonly NamedPosition[],
  limits: ImportLimits = DEFAULT_LIMITS,
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
  const parse = () => (parsed ??= parseFile(source.name, bytesOf(source), options));
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
      return importParsed(db, await parse(), {
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
