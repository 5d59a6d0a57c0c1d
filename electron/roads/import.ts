/**
 * Importing an OSM extract as the active road network: off the calling thread, with progress and
 * cancel, and all-or-nothing.
 *
 * The worker (import-worker.ts) reads and builds the network and writes it to a temporary file in
 * the data folder, flushed to disk. Only when the worker reports success does this thread rename
 * the temporary file over `osm-network.bin`; the rename is atomic, so a failed, cancelled or
 * killed import leaves the previous network in place (a killed import leaves a `.tmp` file, which
 * the next import removes).
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  buildEdgeIndex,
  computeLandmarks,
  kmByClass,
  nodeBounds,
  reverseArcs,
  ROAD_CLASSES,
  type FacilityCandidate,
} from '../../geo/roads/index.ts';
import { OsmFileError } from './pbf.ts';
import { readOsmNetwork, type ClipOption, type ImportPhase, type ReadOptions } from './read.ts';
import { encodeNetwork, OSM_ATTRIBUTION, publishNetwork, removeStaleTemporaries, writeFileDurably, type RoadNetworkMeta } from './store.ts';
import { ExtrasCollector, publishExtras, writeExtrasFile } from './extras.ts';

/**
 * ALT landmarks stored with the network. On the 256 000-node generated province graph, 12 bring a
 * random route from about 50 ms (bidirectional Dijkstra) to under 10 ms; 16 gain little more and 8
 * lose a third of the gain (measured with the bench's graph). Each costs two one-to-all searches at
 * import and 8 bytes per node.
 */
const LANDMARKS = 12;

export interface ImportOptions extends ReadOptions {
  /** The worker script; defaults to ./import-worker.ts beside this file (run through tsx). A bundled app passes its built worker. */
  workerUrl?: URL;
}

export interface ImportProgress {
  phase: ImportPhase | 'write' | 'tiles';
  /** 0…1 of the whole import. */
  fraction: number;
  bytesRead: number;
  totalBytes: number;
  /** Seconds left, extrapolated from the time so far; null at the start. */
  etaSeconds: number | null;
}

/** An import that failed for a reason the user can act on; nothing was changed. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    readonly code: 'BAD_FILE' | 'NO_ROADS' | 'DISK' | 'CANCELLED' | 'INTERNAL',
  ) {
    super(message);
  }
}

/**
 * Builds the network file for `file` at `outPath` in this thread (what the worker runs), and with
 * `extrasPath` the sidecar beside it (road tiles, tags, OSM areas and stations: extras.ts).
 * @returns the metadata written
 */
export async function buildNetworkFile(
  file: string,
  outPath: string,
  options: ReadOptions,
  onProgress?: (p: Omit<ImportProgress, 'etaSeconds'>) => void,
  checkCancel?: () => void,
  extrasPath?: string,
): Promise<RoadNetworkMeta> {
  const t0 = performance.now();
  // Reading takes most of an import; the tiles (with extras) up to a fifth.
  const readShare = extrasPath ? 0.8 : 0.95;
  let extras: ExtrasCollector | null = null;
  const hooks = extrasPath ? () => (extras = new ExtrasCollector()).hooks() : undefined;
  const r = await readOsmNetwork(file, options, (p) => onProgress?.({ ...p, fraction: p.fraction * readShare }), checkCancel, hooks);
  const g = r.graph;
  const [w, s, e, n] = nodeBounds(g);
  const km: Record<string, number> = {};
  for (const [c, v] of kmByClass(g)) km[ROAD_CLASSES[c] as string] = Math.round(v * 1000) / 1000;
  const facilities: Record<string, number> = {};
  for (const f of r.facilities) facilities[f.kind] = (facilities[f.kind] ?? 0) + 1;
  const clip: ClipOption = options.clip ?? { mode: 'zone' };
  const meta: RoadNetworkMeta = {
    source: { file: options.name ?? basename(file), bytes: statSync(file).size, format: r.format, writingProgram: r.writingProgram },
    asOf: r.asOf,
    attribution: OSM_ATTRIBUTION,
    profile: r.profile,
    speedsKmh: { ...r.profile.speedsKmh } as Record<string, number>,
    clip: { mode: clip.mode, boxes: r.clipBoxes },
    bbox: [w, s, e, n],
    declaredBbox: r.declaredBbox,
    coversZone: r.coversZone,
    nodes: g.nodeCount,
    edges: g.edgeCount,
    arcs: g.outHead.length,
    kmByClass: km,
    counts: r.counts,
    facilities,
    importedAt: new Date().toISOString(),
    importSeconds: 0,
  };
  const bytes = meta.source.bytes;
  onProgress?.({ phase: 'write', fraction: readShare + 0.01, bytesRead: bytes, totalBytes: bytes });
  const index = buildEdgeIndex(g);
  checkCancel?.();
  const landmarks = computeLandmarks(g, reverseArcs(g), LANDMARKS);
  const content = (extras as ExtrasCollector | null)?.content() ?? null;
  if (extrasPath && content) {
    writeExtrasFile(extrasPath, content, { networkImportedAt: meta.importedAt, attribution: OSM_ATTRIBUTION }, checkCancel, (f) =>
      onProgress?.({ phase: 'tiles', fraction: readShare + 0.02 + f * (0.97 - readShare), bytesRead: bytes, totalBytes: bytes }),
    );
  }
  meta.importSeconds = Math.round((performance.now() - t0) / 10) / 100;
  writeFileDurably(outPath, encodeNetwork(g, meta, r.facilities as FacilityCandidate[], index.data, landmarks));
  onProgress?.({ phase: 'write', fraction: 1, bytesRead: bytes, totalBytes: bytes });
  return meta;
}

type WorkerMessage =
  | { type: 'progress'; progress: Omit<ImportProgress, 'etaSeconds'> }
  | { type: 'written'; meta: RoadNetworkMeta }
  | { type: 'error'; message: string; code: ImportError['code'] };

/** Sorts a thrown error into a user-facing ImportError. */
export function importErrorOf(e: unknown): ImportError {
  if (e instanceof ImportError) return e;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOSPC' || err?.code === 'EDQUOT')
    return new ImportError('the disk is full: the network could not be written; nothing was changed', 'DISK');
  if (err?.code === 'EACCES' || err?.code === 'EROFS')
    return new ImportError(`the data folder is not writable (${err.code}); nothing was changed`, 'DISK');
  if (err?.code === 'ENOENT') return new ImportError(`file not found: ${err.path ?? ''}`, 'BAD_FILE');
  if (e instanceof OsmFileError) return new ImportError(e.message, /no (drivable|road|routable)/.test(e.message) ? 'NO_ROADS' : 'BAD_FILE');
  return new ImportError(err?.message ?? String(e), 'INTERNAL');
}

/**
 * Imports `file` (.osm.pbf, .osm, .osm.gz, .osm.bz2) into `dataDir` in a worker thread and makes
 * it the active network.
 * @param onProgress - called with the phase, fraction, bytes and ETA
 * @param signal - aborting it cancels the import (the worker is stopped, nothing changes)
 * @returns the metadata of the new network
 * @throws ImportError (BAD_FILE, NO_ROADS, DISK, CANCELLED, INTERNAL); the previous network is untouched
 */
export async function importOsmNetwork(
  file: string,
  dataDir: string,
  options: ImportOptions = {},
  onProgress?: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<RoadNetworkMeta> {
  try {
    statSync(file);
  } catch (e) {
    throw importErrorOf(e);
  }
  mkdirSync(dataDir, { recursive: true });
  removeStaleTemporaries(dataDir);
  if (signal?.aborted) throw new ImportError('import cancelled; nothing was changed', 'CANCELLED');
  const stem = `osm-network.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const tmp = join(dataDir, `${stem}.tmp`);
  // The sidecar (extras.ts) is published with the network; its name matches removeStaleTemporaries too.
  const extrasTmp = join(dataDir, `${stem}.extras.tmp`);
  const url = options.workerUrl ?? new URL('./import-worker.ts', import.meta.url);
  // Run from source (tests, tsx), the worker registers tsx's loader before importing the TypeScript entry.
  const fromSource = url.pathname.endsWith('.ts');
  const entry = fromSource ? `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })` : url;
  const worker = new Worker(entry, {
    eval: fromSource,
    workerData: {
      file,
      tmp,
      extrasTmp,
      options: { name: options.name, profile: options.profile, clip: options.clip } satisfies ReadOptions,
    },
    // The worker is CPU-bound; a generous heap keeps China-sized imports out of the default limit.
    resourceLimits: { maxOldGenerationSizeMb: 4096 },
  });
  const t0 = performance.now();
  try {
    const meta = await new Promise<RoadNetworkMeta>((resolve, reject) => {
      let settled = false;
      const finish = (f: () => void): void => {
        if (!settled) {
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          f();
        }
      };
      const onAbort = (): void => {
        void worker.terminate();
        finish(() => reject(new ImportError('import cancelled; nothing was changed', 'CANCELLED')));
      };
      signal?.addEventListener('abort', onAbort);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          const elapsed = (performance.now() - t0) / 1000;
          const f = m.progress.fraction;
          onProgress?.({ ...m.progress, etaSeconds: f > 0.02 ? Math.max(0, (elapsed / f) * (1 - f)) : null });
        } else if (m.type === 'written') finish(() => resolve(m.meta));
        else finish(() => reject(new ImportError(m.message, m.code)));
      });
      worker.on('error', (e) => finish(() => reject(importErrorOf(e))));
      worker.on('exit', (code) =>
        finish(() => reject(new ImportError(`the import worker stopped (exit code ${code}); nothing was changed`, 'INTERNAL'))),
      );
    });
    if (signal?.aborted) throw new ImportError('import cancelled; nothing was changed', 'CANCELLED');
    // The sidecar first: a crash between the renames leaves a sidecar of another import, which is ignored.
    publishExtras(extrasTmp, dataDir);
    publishNetwork(tmp, dataDir);
    return meta;
  } catch (e) {
    rmSync(tmp, { force: true });
    rmSync(extrasTmp, { force: true });
    throw importErrorOf(e);
  } finally {
    void worker.terminate();
  }
}
