/**
 * Importing parsed features into the user's database: coordinates converted to WGS-84, the whole
 * layer written in one transaction (a problem, a cancel or a crash leaves nothing behind).
 */
import { detectCrs, positionsOf, toWgs84, type CrsDetection, type CrsId, type LngLat, type NamedPosition } from '../../geo/index.ts';
import type { LayerRole } from '../contract/api.ts';
import type { Db } from '../db/index.ts';
import { layerStore } from '../db/layer-store.ts';
import { featureName } from './feature-name.ts';
import { GEOMETRY_FAMILY, ImportError, type ParseResult, type ParsedFeature } from './parse.ts';

export { LAYER_ROLES, type LayerRole } from '../contract/api.ts';

export interface ImportSummary {
  layerId: string;
  name: string;
  role: LayerRole;
  format: ParseResult['format'];
  encoding: ParseResult['encoding'];
  features: number;
  crs: CrsId;
  detection: CrsDetection;
  swapSuggested: boolean;
  geometry: 'point' | 'line' | 'polygon';
}

export class CancelledImport extends Error {
  constructor() {
    super('import cancelled; nothing was written');
  }
}

/** Applies `fn` to every position of a GeoJSON coordinate array. */
export function mapPositions(coords: unknown, fn: (p: LngLat) => [number, number]): unknown {
  if (Array.isArray(coords) && typeof coords[0] === 'number') return fn([coords[0] as number, coords[1] as number]);
  return Array.isArray(coords) ? coords.map((c) => mapPositions(c, fn)) : coords;
}

function firstPosition(coords: unknown): LngLat | null {
  const p = positionsOf(coords).next().value;
  return p ? [p[0] as number, p[1] as number] : null;
}

export interface ImportOptions {
  name: string;
  role: LayerRole;
  crs: CrsId | 'auto';
  sourceFile: string;
  reference: readonly NamedPosition[];
  /** Polled between batches; returning true rolls the import back. */
  shouldCancel?(): boolean;
  onProgress?(fraction: number): void;
}

/** The coordinate system the features are most likely in, with the evidence (named places). */
export function previewCrs(
  parsed: Pick<ParseResult, 'features' | 'columns'>,
  reference: readonly NamedPosition[],
): { detection: CrsDetection } {
  const named = parsed.features.flatMap((f) => {
    const name = featureName(f.properties, parsed.columns?.name ?? null);
    const p = firstPosition(f.geometry?.coordinates);
    return name && p ? [{ name, position: p }] : [];
  });
  return { detection: detectCrs(named, reference) };
}

/** Features written between two yields to the event loop (progress polls and cancel get through)… */
const BATCH = 5000;
/** …or milliseconds, whichever comes first (large polygons take longer per feature). */
const BATCH_MS = 100;

export interface LayerToWrite {
  name: string;
  role: LayerRole;
  sourceFile: string;
  crs: CrsId;
  format: ParseResult['format'];
  encoding: ParseResult['encoding'];
  detection: CrsDetection;
  swapSuggested: boolean;
  /** Checked, parsed features in the file's coordinate system; a stream may throw ImportError naming a feature. */
  features: Iterable<ParsedFeature> | AsyncIterable<ParsedFeature>;
  /** Fraction of the input read so far, for the progress bar. */
  progress(): number;
}

/**
 * Writes one layer in one transaction (BEGIN IMMEDIATE … COMMIT), converting coordinates to
 * WGS-84. Any error, a cancel or a crash leaves nothing: ROLLBACK, or SQLite's own recovery of an
 * uncommitted transaction. Yields to the event loop every few thousand features, so the
 * connection must be one no other code writes on meanwhile (import jobs open their own).
 *
 * @throws ImportError from the feature stream; CancelledImport when `shouldCancel` says so
 */
export async function writeLayer(
  db: Db,
  layer: LayerToWrite,
  control: Pick<ImportOptions, 'shouldCancel' | 'onProgress'> = {},
): Promise<ImportSummary> {
  const store = layerStore(db);
  const layerId = store.newLayerId();
  const convert = (p: LngLat) => toWgs84(p, layer.crs);
  let geometry: ImportSummary['geometry'] | null = null;
  let count = 0;
  let lastYield = Date.now();
  store.begin();
  try {
    // The layer row first (its geometry kind is set from the first feature), features after.
    store.insertLayer({
      id: layerId,
      name: layer.name,
      role: layer.role,
      geometry: 'point',
      sourceFile: layer.sourceFile,
      sourceCrs: layer.crs,
    });
    for await (const f of layer.features) {
      const g = f.geometry as { type: string; coordinates: unknown };
      geometry ??= GEOMETRY_FAMILY[g.type] ?? 'point';
      store.insertFeature(
        layerId,
        JSON.stringify({ type: g.type, coordinates: mapPositions(g.coordinates, convert) }),
        JSON.stringify(f.properties),
      );
      if (++count % BATCH === 0 || Date.now() - lastYield > BATCH_MS) {
        control.onProgress?.(layer.progress());
        await new Promise((r) => setImmediate(r));
        lastYield = Date.now();
        if (control.shouldCancel?.()) throw new CancelledImport();
      }
    }
    if (count === 0) throw new ImportError(`"${layer.sourceFile}" holds no features to import`);
    store.setGeometryKind(layerId, geometry ?? 'point');
    store.commit();
  } catch (error) {
    store.rollback();
    throw error;
  }
  control.onProgress?.(1);
  const { features: _f, progress: _p, sourceFile: _s, ...meta } = layer;
  return { layerId, ...meta, features: count, geometry: geometry ?? 'point' };
}

/** @throws ImportError listing (up to ten of) the file's problems, when it has any */
export function refuseProblems(parsed: Pick<ParseResult, 'problems'>): void {
  if (parsed.problems.length === 0) return;
  const shown = parsed.problems
    .slice(0, 10)
    .map((p) => `${p.where}: ${p.message}`)
    .join('; ');
  throw new ImportError(`${parsed.problems.length} problem(s), nothing imported: ${shown}${parsed.problems.length > 10 ? '; …' : ''}`);
}

/**
 * Imports a file read whole (`parseFile`).
 *
 * @throws ImportError listing the problems when the file has any (nothing is written);
 *   CancelledImport when cancelled (the transaction is rolled back)
 */
export async function importParsed(db: Db, parsed: ParseResult, options: ImportOptions): Promise<ImportSummary> {
  refuseProblems(parsed);
  if (parsed.features.length === 0) throw new ImportError('no features to import');
  const { detection } = previewCrs(parsed, options.reference);
  let written = 0;
  const features = parsed.features;
  return writeLayer(
    db,
    {
      name: options.name,
      role: options.role,
      sourceFile: options.sourceFile,
      crs: options.crs === 'auto' ? detection.crs : options.crs,
      format: parsed.format,
      encoding: parsed.encoding,
      detection,
      swapSuggested: parsed.swapSuggested,
      features: (function* () {
        for (const f of features) {
          written++;
          yield f;
        }
      })(),
      progress: () => written / features.length,
    },
    options,
  );
}
