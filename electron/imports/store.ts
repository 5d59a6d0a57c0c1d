/**
 * Importing parsed features into the user's database: coordinates converted to WGS-84, the whole
 * layer written in one transaction (a problem, a cancel or a crash leaves nothing behind), and
 * exporting a layer as GeoJSON, CSV, XLSX or KML with its original attributes.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { detectCrs, positionsOf, toWgs84, type CrsDetection, type CrsId, type LngLat, type NamedPosition } from '../../geo/index.ts';
import type { Db } from '../db/index.ts';
import { GEOMETRY_FAMILY, ImportError, type ParseResult, type ParsedFeature } from './parse.ts';

export const LAYER_ROLES = ['reference', 'candidates', 'competitors', 'facilities'] as const;
export type LayerRole = (typeof LAYER_ROLES)[number];

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

/** Name of a feature for CRS evidence: the table's name column or a name-like attribute. */
function nameOf(f: ParsedFeature, nameColumn: string | null): string | null {
  for (const key of [nameColumn, 'name', 'name_zh', '名称', 'title']) {
    if (key && typeof f.properties[key] === 'string' && (f.properties[key] as string).trim() !== '') return f.properties[key] as string;
  }
  return null;
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
    const name = nameOf(f, parsed.columns?.name ?? null);
    const p = firstPosition(f.geometry?.coordinates);
    return name && p ? [{ name, position: p }] : [];
  });
  return { detection: detectCrs(named, reference) };
}

/** Features written between two yields to the event loop (progress polls and cancel get through). */
const BATCH = 5000;

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
  const layerId = `user-${randomUUID().slice(0, 8)}`;
  const insertFeature = db.prepare('INSERT INTO user_features (layer_id, geometry, properties) VALUES (?, ?, ?)');
  const convert = (p: LngLat) => toWgs84(p, layer.crs);
  let geometry: ImportSummary['geometry'] | null = null;
  let count = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    // The layer row first (its geometry kind is set from the first feature), features after.
    db.prepare('INSERT INTO user_layers (id, project_id, name, role, geometry, source_file, source_crs) VALUES (?, 1, ?, ?, ?, ?, ?)').run(
      layerId,
      layer.name,
      layer.role,
      'point',
      layer.sourceFile,
      layer.crs,
    );
    for await (const f of layer.features) {
      const g = f.geometry as { type: string; coordinates: unknown };
      geometry ??= GEOMETRY_FAMILY[g.type] ?? 'point';
      insertFeature.run(
        layerId,
        JSON.stringify({ type: g.type, coordinates: mapPositions(g.coordinates, convert) }),
        JSON.stringify(f.properties),
      );
      if (++count % BATCH === 0) {
        control.onProgress?.(layer.progress());
        await new Promise((r) => setImmediate(r));
        if (control.shouldCancel?.()) throw new CancelledImport();
      }
    }
    if (count === 0) throw new ImportError(`"${layer.sourceFile}" holds no features to import`);
    db.prepare('UPDATE user_layers SET geometry = ? WHERE id = ?').run(geometry, layerId);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
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

export const EXPORT_FORMATS = ['geojson', 'csv', 'xlsx', 'kml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFeature {
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown>;
}

/** A spreadsheet cell that starts with = + - @ (or a tab/CR) is escaped, so no formula runs when it is opened. */
export function safeCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function kmlGeometry(g: { type: string; coordinates: unknown }): string {
  const pos = (p: unknown) => (p as number[]).slice(0, 2).join(',');
  const ring = (r: unknown) => `<LinearRing><coordinates>${(r as unknown[]).map(pos).join(' ')}</coordinates></LinearRing>`;
  const polygon = (rings: unknown) => {
    const [outer, ...holes] = rings as unknown[];
    return `<Polygon><outerBoundaryIs>${ring(outer)}</outerBoundaryIs>${holes.map((h) => `<innerBoundaryIs>${ring(h)}</innerBoundaryIs>`).join('')}</Polygon>`;
  };
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${pos(g.coordinates)}</coordinates></Point>`;
    case 'LineString':
      return `<LineString><coordinates>${(g.coordinates as unknown[]).map(pos).join(' ')}</coordinates></LineString>`;
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPoint':
      return `<MultiGeometry>${(g.coordinates as unknown[]).map((p) => `<Point><coordinates>${pos(p)}</coordinates></Point>`).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${(g.coordinates as unknown[]).map((l) => `<LineString><coordinates>${(l as unknown[]).map(pos).join(' ')}</coordinates></LineString>`).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${(g.coordinates as unknown[]).map(polygon).join('')}</MultiGeometry>`;
    default:
      throw new Error(`cannot write ${g.type} to KML`);
  }
}

/** Serialises features; points export lng/lat columns to CSV/XLSX, other geometries a GeoJSON column. */
export async function exportFeatures(name: string, features: readonly ExportFeature[], format: ExportFormat): Promise<Uint8Array> {
  if (format === 'geojson')
    return new TextEncoder().encode(
      JSON.stringify({
        type: 'FeatureCollection',
        name,
        features: features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: f.properties })),
      }),
    );
  if (format === 'kml') {
    const placemarks = features.map((f) => {
      const title = String(f.properties['name'] ?? f.properties['名称'] ?? f.properties['name_zh'] ?? '');
      const data = Object.entries(f.properties)
        .map(
          ([k, v]) =>
            `<Data name="${xmlEscape(k)}"><value>${xmlEscape(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))}</value></Data>`,
        )
        .join('');
      return `<Placemark><name>${xmlEscape(title)}</name><ExtendedData>${data}</ExtendedData>${f.geometry ? kmlGeometry(f.geometry) : ''}</Placemark>`;
    });
    return new TextEncoder().encode(
      `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${xmlEscape(name)}</name>${placemarks.join('')}</Document></kml>\n`,
    );
  }
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  const allPoints = features.every((f) => f.geometry?.type === 'Point');
  const geoColumns = allPoints ? ['longitude', 'latitude'] : ['geometry'];
  const rows = features.map((f) => {
    const geo = allPoints ? ((f.geometry?.coordinates as number[]) ?? []).slice(0, 2) : [JSON.stringify(f.geometry)];
    return [...geo.map((v) => (typeof v === 'number' ? v : safeCell(v))), ...keys.map((k) => safeCell(f.properties[k]))];
  });
  const header = [...geoColumns, ...keys.map((k) => safeCell(k))];
  if (format === 'csv') {
    const cell = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    // UTF-8 with BOM so spreadsheet programs in China open it with the right encoding.
    return new TextEncoder().encode(`\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name.slice(0, 31).replace(/[\\/*?:[\]]/g, '_') || 'layer');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
