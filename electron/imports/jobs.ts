/**
 * Import jobs for the app: a file is previewed first, then written in batches inside one open
 * transaction on a connection of its own, yielding to the event loop between batches so the UI
 * can poll progress and cancel. Cancel, an error or a crash leaves nothing: ROLLBACK, or SQLite's
 * own recovery of an uncommitted transaction when the process dies (WAL).
 *
 * A file comes either as bytes (small files, scripts) or staged on disk (uploads.ts). Staged CSV
 * and GeoJSON files above the streaming threshold are streamed (stream.ts): memory stays bounded
 * whatever their size. Other formats are read whole, up to MAX_FILE_BYTES.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CrsId, NamedPosition } from '../../geo/index.ts';
import { secondConnection, type Db } from '../db/index.ts';
import { ImportError, MAX_FILE_BYTES, parseFile, type ParseOptions, type ParseResult } from './parse.ts';
import { CancelledImport, importParsed, previewCrs, refuseProblems, type ImportSummary, type LayerRole } from './store.ts';
import { importStream, isStreamable, previewStream, sampleOf, STREAM_THRESHOLD_BYTES } from './stream.ts';

export interface ImportJob {
  id: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  fraction: number;
  summary: ImportSummary | null;
  error: string | null;
}

/** A file to import: its bytes, or a file staged on this machine. */
export type ImportSource = { name: string; bytes: Uint8Array } | { name: string; path: string; size: number };

export interface PreviewResult {
  format: ParseResult['format'];
  encoding: ParseResult['encoding'];
  /** Features in the file; null when a large file was previewed from its first features only. */
  features: number | null;
  /** True when the file will be streamed (previewed from its head, checked in full while importing). */
  streamed: boolean;
  fields: string[];
  columns: ParseResult['columns'];
  problems: ParseResult['problems'];
  swapSuggested: boolean;
  detection: ReturnType<typeof previewCrs>['detection'];
  /** The first features as they would land (WGS-84 after the chosen CRS), for the preview map. */
  sample: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[];
}

export interface ImportLimits {
  /** Staged CSV/GeoJSON files larger than this are streamed. */
  streamAboveBytes: number;
}
const DEFAULT_LIMITS: ImportLimits = { streamAboveBytes: STREAM_THRESHOLD_BYTES };

function streams(source: ImportSource, limits: ImportLimits): source is { name: string; path: string; size: number } {
  return 'path' in source && source.size > limits.streamAboveBytes && isStreamable(source.name);
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

export async function previewImport(
  source: ImportSource,
  options: ParseOptions,
  reference: readonly NamedPosition[],
  crs: CrsId | 'auto' = 'auto',
  limits: ImportLimits = DEFAULT_LIMITS,
): Promise<PreviewResult> {
  if (streams(source, limits)) {
    const p = await previewStream(source.path, source.name, options);
    const { detection } = previewCrs({ features: p.head, columns: p.columns }, reference);
    const { head, ...rest } = p;
    return {
      ...rest,
      problems: rest.problems.slice(0, 50),
      streamed: true,
      detection,
      sample: sampleOf(head, crs === 'auto' ? detection.crs : crs),
    };
  }
  const parsed = await parseFile(source.name, bytesOf(source), options);
  const { detection } = previewCrs(parsed, reference);
  return {
    format: parsed.format,
    encoding: parsed.encoding,
    features: parsed.features.length,
    streamed: false,
    fields: parsed.fields,
    columns: parsed.columns,
    problems: parsed.problems.slice(0, 50),
    swapSuggested: parsed.swapSuggested,
    detection,
    sample: sampleOf(parsed.features, crs === 'auto' ? detection.crs : crs),
  };
}

export class ImportJobs {
  private jobs = new Map<string, ImportJob & { cancel: boolean }>();
  /** An import is writing (its transaction holds the database's write lock). */
  running = false;

  constructor(
    private readonly db: Db,
    readonly limits: ImportLimits = DEFAULT_LIMITS,
  ) {}

  /**
   * Starts an import; resolves the job id once the file has been opened and (unless streamed)
   * checked; the writing continues in the background. `ended` runs when the job ends, with its status.
   */
  async start(
    source: ImportSource,
    options: ParseOptions & { layerName: string; role: LayerRole; crs: CrsId | 'auto'; reference: readonly NamedPosition[] },
    ended?: (status: ImportJob['status']) => void,
  ): Promise<string> {
    if (this.running) throw new ImportError('another import is still running; wait for it or cancel it');
    const job: ImportJob & { cancel: boolean } = {
      id: randomUUID(),
      status: 'running',
      fraction: 0,
      summary: null,
      error: null,
      cancel: false,
    };
    const control = { shouldCancel: () => job.cancel, onProgress: (f: number) => (job.fraction = Math.min(1, f)) };
    let parsed: ParseResult | null = null;
    if (!streams(source, this.limits)) {
      parsed = await parseFile(source.name, bytesOf(source), options);
      // Refused before a job exists: the caller gets the problems as the answer.
      refuseProblems(parsed);
    }
    // A connection of its own for the job's long transaction, closed when the job ends.
    const writer = secondConnection(this.db);
    const work =
      parsed === null
        ? importStream(writer, (source as { path: string }).path, {
            ...options,
            name: options.layerName,
            sourceFile: source.name,
            ...control,
          })
        : importParsed(writer, parsed, {
            name: options.layerName,
            role: options.role,
            crs: options.crs,
            sourceFile: source.name,
            reference: options.reference,
            ...control,
          });
    this.jobs.set(job.id, job);
    this.running = true;
    const finish = (patch: Partial<ImportJob>) => {
      if (writer !== this.db) writer.close();
      Object.assign(job, patch);
      this.running = false;
      ended?.(job.status);
    };
    work.then(
      (summary) => finish({ status: 'done', fraction: 1, summary }),
      (error: unknown) =>
        error instanceof CancelledImport ? finish({ status: 'cancelled' }) : finish({ status: 'failed', error: (error as Error).message }),
    );
    return job.id;
  }

  status(id: string): ImportJob | null {
    const job = this.jobs.get(id);
    if (!job) return null;
    const { cancel: _cancel, ...rest } = job;
    return rest;
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.status !== 'running') return false;
    job.cancel = true;
    return true;
  }
}
