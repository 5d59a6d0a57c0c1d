/**
 * Import jobs for the app: a file is parsed and previewed first, then written in batches inside
 * one open transaction, yielding to the event loop between batches so the UI can poll progress
 * and cancel. Cancel, an error or a crash leaves nothing: ROLLBACK, or SQLite's own recovery of
 * an uncommitted transaction when the process dies (WAL).
 */
import { randomUUID } from 'node:crypto';
import { toWgs84, type CrsId, type NamedPosition } from '../../geo/index.ts';
import type { Db } from '../db/index.ts';
import { GEOMETRY_FAMILY, ImportError, parseFile, type ParseOptions, type ParseResult } from './parse.ts';
import { mapPositions, previewCrs, type ImportSummary, type LayerRole } from './store.ts';

export interface ImportJob {
  id: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  fraction: number;
  summary: ImportSummary | null;
  error: string | null;
}

const BATCH = 5000;

export interface PreviewResult {
  format: ParseResult['format'];
  encoding: ParseResult['encoding'];
  features: number;
  fields: string[];
  columns: ParseResult['columns'];
  problems: ParseResult['problems'];
  swapSuggested: boolean;
  detection: ReturnType<typeof previewCrs>['detection'];
  /** The first features as they would land (WGS-84 after the detected CRS), for the preview map. */
  sample: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[];
}

export async function previewImport(name: string, bytes: Uint8Array, options: ParseOptions, reference: readonly NamedPosition[], crs: CrsId | 'auto' = 'auto'): Promise<PreviewResult> {
  const parsed = await parseFile(name, bytes, options);
  const { detection } = previewCrs(parsed, reference);
  const use = crs === 'auto' ? detection.crs : crs;
  return {
    format: parsed.format,
    encoding: parsed.encoding,
    features: parsed.features.length,
    fields: parsed.fields,
    columns: parsed.columns,
    problems: parsed.problems.slice(0, 50),
    swapSuggested: parsed.swapSuggested,
    detection,
    sample: parsed.features
      .filter((f) => f.geometry)
      .slice(0, 20)
      .map((f) => ({ geometry: { type: (f.geometry as { type: string }).type, coordinates: mapPositions(f.geometry?.coordinates, (p) => toWgs84(p, use)) }, properties: f.properties })),
  };
}

export class ImportJobs {
  private jobs = new Map<string, ImportJob & { cancel: boolean }>();
  private running = false;

  constructor(private readonly db: Db) {}

  /** Starts an import; resolves the job id at once, the work continues in the background. */
  async start(name: string, bytes: Uint8Array, options: ParseOptions & { layerName: string; role: LayerRole; crs: CrsId | 'auto'; reference: readonly NamedPosition[] }): Promise<string> {
    if (this.running) throw new ImportError('another import is still running; wait for it or cancel it');
    const parsed = await parseFile(name, bytes, options);
    if (parsed.problems.length > 0) {
      throw new ImportError(`${parsed.problems.length} problem(s), nothing imported: ${parsed.problems.slice(0, 5).map((p) => `${p.where}: ${p.message}`).join('; ')}`);
    }
    const { detection } = previewCrs(parsed, options.reference);
    const crs = options.crs === 'auto' ? detection.crs : options.crs;
    const job: ImportJob & { cancel: boolean } = { id: randomUUID(), status: 'running', fraction: 0, summary: null, error: null, cancel: false };
    this.jobs.set(job.id, job);
    this.running = true;
    const layerId = `user-${randomUUID().slice(0, 8)}`;
    const geometry = GEOMETRY_FAMILY[parsed.features[0]?.geometry?.type ?? ''] ?? 'point';
    const insertFeature = this.db.prepare('INSERT INTO user_features (layer_id, geometry, properties) VALUES (?, ?, ?)');
    const finish = (status: ImportJob['status'], error: string | null) => {
      Object.assign(job, { status, error });
      this.running = false;
    };
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db.prepare('INSERT INTO user_layers (id, project_id, name, role, geometry, source_file, source_crs) VALUES (?, 1, ?, ?, ?, ?, ?)').run(layerId, options.layerName, options.role, geometry, name, crs);
    } catch (error) {
      this.db.exec('ROLLBACK');
      finish('failed', (error as Error).message);
      throw error;
    }
    let i = 0;
    const step = () => {
      try {
        if (job.cancel) {
          this.db.exec('ROLLBACK');
          finish('cancelled', null);
          return;
        }
        const end = Math.min(parsed.features.length, i + BATCH);
        for (; i < end; i++) {
          const f = parsed.features[i] as (typeof parsed.features)[number];
          const g = f.geometry as { type: string; coordinates: unknown };
          insertFeature.run(layerId, JSON.stringify({ type: g.type, coordinates: mapPositions(g.coordinates, (p) => toWgs84(p, crs)) }), JSON.stringify(f.properties));
        }
        job.fraction = i / parsed.features.length;
        if (i < parsed.features.length) {
          setImmediate(step);
          return;
        }
        this.db.exec('COMMIT');
        job.summary = { layerId, name: options.layerName, role: options.role, format: parsed.format, encoding: parsed.encoding, features: parsed.features.length, crs, detection, swapSuggested: parsed.swapSuggested, geometry };
        finish('done', null);
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        finish('failed', (error as Error).message);
      }
    };
    setImmediate(step);
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
