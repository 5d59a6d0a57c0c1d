/**
 * Reading a user's file into features: GeoJSON, CSV and XLSX with longitude/latitude columns,
 * KML, KMZ and GPX. Text is decoded as UTF-8 or, when that fails, GB18030 (which covers GBK).
 * Every problem names the row or feature; a file with any problem is not imported at all.
 */
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { combine, parseDbf, parseShp } from 'shpjs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { featureCollection, lineIntersect, polygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { lngLatProblem, looksSwapped, positionsOf } from '../../geo/index.ts';
import { geometryProblem } from '../contract/geometry.ts';
import { csvUnescape } from './csv-cell.ts';
import { NAME_KEYS } from './feature-name.ts';
import { ImportError, type Problem } from './import-error.ts';
import { openArchive, type Archive } from './zip.ts';

export { ImportError, ProblemError, type Problem } from './import-error.ts';
export { MAX_UNZIPPED_BYTES, MAX_ZIP_RATIO } from './zip.ts';

export const IMPORT_FORMATS = ['geojson', 'csv', 'xlsx', 'kml', 'kmz', 'gpx', 'shapefile'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Largest file accepted, bytes (files are read whole; the app is for site lists, not rasters). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface ParsedFeature {
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown>;
  where: string;
}

export interface ParseResult {
  format: ImportFormat;
  encoding: 'utf-8' | 'gb18030' | null;
  features: ParsedFeature[];
  /** Attribute names in file order. */
  fields: string[];
  /** For tables: which columns held the coordinates and the name. */
  columns: { lng: string; lat: string; name: string | null } | null;
  problems: Problem[];
  /** The positions look like `[lat, lng]`: offer the user to exchange them (`swap`). */
  swapSuggested: boolean;
}

export interface ParseOptions {
  /** Override column detection for tables. */
  lngColumn?: string;
  latColumn?: string;
  /** Exchange longitude and latitude (when `swapSuggested` and the user agrees). */
  swap?: boolean;
}

/** Column names recognised as longitude, latitude and name (Chinese and English, lower case). */
export const LNG_NAMES = ['lng', 'lon', 'long', 'longitude', 'x', '经度', '东经', 'jd'];
export const LAT_NAMES = ['lat', 'latitude', 'y', '纬度', '北纬', 'wd'];
export const NAME_NAMES: readonly string[] = NAME_KEYS;

export function formatOf(fileName: string): ImportFormat {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const map: Record<string, ImportFormat> = {
    geojson: 'geojson',
    json: 'geojson',
    csv: 'csv',
    txt: 'csv',
    xlsx: 'xlsx',
    kml: 'kml',
    kmz: 'kmz',
    gpx: 'gpx',
    zip: 'shapefile',
  };
  const format = map[ext];
  if (!format)
    throw new ImportError(`"${fileName}": unsupported file type ".${ext}" (GeoJSON, CSV, XLSX, KML, KMZ, GPX or a zipped Shapefile)`);
  return format;
}

/**
 * Lines (1-based) that show a text mixes encodings: the first line that is not valid UTF-8 and the
 * first line that is valid UTF-8 with non-ASCII characters; null unless both exist. Such a file
 * (GBK rows pasted under UTF-8 ones) decodes either way with some names garbled, so it is refused.
 * A byte scan, not a decoder per line: a 200 MB GBK file takes well under a second.
 */
export function encodingMix(bytes: Uint8Array): { notUtf8: number; utf8: number } | null {
  let line = 1;
  let notUtf8 = 0;
  let utf8 = 0;
  let lineBad = false;
  let lineWide = false;
  const endLine = () => {
    if (lineBad && notUtf8 === 0) notUtf8 = line;
    else if (!lineBad && lineWide && utf8 === 0) utf8 = line;
    line++;
    lineBad = false;
    lineWide = false;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x0a) {
      endLine();
      if (notUtf8 && utf8) return { notUtf8, utf8 };
      continue;
    }
    if (b < 0x80 || lineBad) continue;
    // Lead byte: how many continuation bytes follow (RFC 3629: C2–DF 1, E0–EF 2, F0–F4 3).
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = extra > 0 && i + extra < bytes.length;
    for (let k = 1; ok && k <= extra; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (ok) {
      lineWide = true;
      i += extra;
    } else lineBad = true;
  }
  endLine();
  return notUtf8 && utf8 ? { notUtf8, utf8 } : null;
}

/** UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK). Binary and mixed-encoding content is refused. */
export function decodeText(bytes: Uint8Array, fileName: string): { text: string; encoding: 'utf-8' | 'gb18030' } {
  // A NUL anywhere (not only in the head): the zero-filled tail of an interrupted copy is binary too.
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new ImportError(`"${fileName}" is not a text file (it contains binary data: a NUL byte at byte ${nul + 1})`);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    const mix = encodingMix(bytes);
    if (mix) throw mixedEncodings(fileName, mix);
    const text = iconv.decode(Buffer.from(bytes), 'gb18030');
    if (text.includes('\uFFFD')) throw new ImportError(`"${fileName}" is neither UTF-8 nor GBK/GB18030 text`);
    return { text, encoding: 'gb18030' };
  }
}

export function mixedEncodings(fileName: string, mix: { notUtf8: number; utf8: number }): ImportError {
  return new ImportError(
    `"${fileName}" mixes encodings: row ${mix.notUtf8} is not UTF-8 but row ${mix.utf8} is, so some names would come out garbled; save the whole file in one encoding (UTF-8)`,
  );
}

/** @throws ImportError when two columns have the same name (after trimming): which one holds what would be a guess */
export function checkHeader(fields: readonly string[]): void {
  const seen = new Map<string, number>();
  fields.forEach((f, i) => {
    const name = f.trim();
    if (name === '') return;
    const first = seen.get(name);
    if (first !== undefined)
      throw new ImportError(`the column name "${name}" appears twice (columns ${first + 1} and ${i + 1}); rename one of them`);
    seen.set(name, i);
  });
}

export function findColumn(fields: string[], wanted: readonly string[], override: string | undefined, what: string): string | null {
  if (override) {
    if (!fields.includes(override))
      throw new ImportError(`column "${override}" chosen for ${what} is not in the file (columns: ${fields.join(', ')})`);
    return override;
  }
  const lower = fields.map((f) => f.trim().toLowerCase());
  for (const w of wanted) {
    const i = lower.indexOf(w);
    if (i >= 0) return fields[i] as string;
  }
  return null;
}

/** A decimal number as written in a table: optional sign, digits, optional fraction and exponent. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A table cell as a coordinate: a number, or text that is a decimal number (NaN otherwise). */
export function parseNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return Number.NaN;
  const t = v.trim();
  return t === '' ? Number.NaN : Number(t);
}

/**
 * Why a table cell that JavaScript reads as a number is not a coordinate: `0x70`, `0b1`, `0o7`
 * (hexadecimal, binary, octal) are numbers to `Number()` but almost certainly a mistake in a site list.
 */
export function nonDecimal(v: unknown, what: string): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t !== '' && Number.isFinite(Number(t)) && !DECIMAL.test(t) ? `${what} "${t}" is not a decimal number` : null;
}

/** Rows of a table (CSV or XLSX) to point features. */
function tableToFeatures(
  fields: string[],
  rows: Record<string, unknown>[],
  options: ParseOptions,
  firstRow: number,
): Pick<ParseResult, 'features' | 'columns' | 'problems'> {
  const lng = findColumn(fields, LNG_NAMES, options.lngColumn, 'longitude');
  const lat = findColumn(fields, LAT_NAMES, options.latColumn, 'latitude');
  if (!lng || !lat)
    throw new ImportError(
      `no longitude/latitude columns found (looked for ${LNG_NAMES.join('/')} and ${LAT_NAMES.join('/')}; columns: ${fields.join(', ')}); choose them by hand`,
    );
  const name = findColumn(fields, NAME_NAMES, undefined, 'name');
  const problems: Problem[] = [];
  const features: ParsedFeature[] = [];
  rows.forEach((row, i) => {
    const where = `row ${i + firstRow}`;
    const x = parseNumber(row[lng]);
    const y = parseNumber(row[lat]);
    const notDecimal = nonDecimal(row[lng], 'longitude') ?? nonDecimal(row[lat], 'latitude');
    if (notDecimal) {
      problems.push({ where, message: `${notDecimal} (columns ${lng}, ${lat})` });
      return;
    }
    // Ranges are checked with every other geometry (after an optional swap); here only numbers.
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      problems.push({
        where,
        message: `${lngLatProblem([x, y])} (columns ${lng}, ${lat}: "${String(row[lng] ?? '')}", "${String(row[lat] ?? '')}")`,
      });
      return;
    }
    features.push({ geometry: { type: 'Point', coordinates: [x, y] }, properties: { ...row }, where });
  });
  return { features, columns: { lng, lat, name }, problems };
}

export function swapPositions(coords: unknown): unknown {
  if (Array.isArray(coords) && coords.length > 0 && !Array.isArray(coords[0])) return [coords[1], coords[0], ...coords.slice(2)];
  return Array.isArray(coords) ? coords.map(swapPositions) : coords;
}

/** The features' first positions look like `[lat, lng]` (geo's check against China's extent). */
export function suggestSwap(features: ParsedFeature[]): boolean {
  const first = features.flatMap((f) => {
    const p = positionsOf(f.geometry?.coordinates).next().value;
    return p ? [[Number(p[0]), Number(p[1])] as [number, number]] : [];
  });
  return looksSwapped(first);
}

/** The kind of layer a GeoJSON geometry type belongs to; one layer holds one kind. */
export const GEOMETRY_FAMILY: Record<string, 'point' | 'line' | 'polygon'> = {
  Point: 'point',
  MultiPoint: 'point',
  LineString: 'line',
  MultiLineString: 'line',
  Polygon: 'polygon',
  MultiPolygon: 'polygon',
};

/** Polygons with more vertices than this are not checked for self-intersection (the sweep takes about 1 s per 50,000 here). */
export const MAX_CROSSING_CHECK_VERTICES = 50_000;

/**
 * Where a polygon's rings cross themselves or each other (a bow-tie, a hole poking out), as the
 * first crossing found by turf's sweep-line intersection; null when none does, or when the polygon
 * is too large to check.
 */
export function ringCrossing(g: { type: string; coordinates: unknown }): [number, number] | null {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return null;
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
  let vertices = 0;
  for (const rings of polygons) for (const ring of rings) vertices += ring.length;
  if (vertices > MAX_CROSSING_CHECK_VERTICES) return null;
  for (const rings of polygons) {
    const found = lineIntersect(polygon(rings), featureCollection<Polygon>([]), { ignoreSelfIntersections: false }).features[0];
    if (found) return found.geometry.coordinates as [number, number];
  }
  return null;
}

/**
 * Checks features one at a time (so a stream can be checked as it is read): a supported geometry
 * of the right shape for its type (geometryProblem: nesting, enough positions, closed rings, valid
 * coordinates), polygons that do not cross themselves, one geometry kind per layer, no duplicate `id`.
 */
export class GeometryChecker {
  private family: string | null = null;
  private familyWhere = '';
  private readonly ids = new Map<string, string>();

  /** Problems of this feature, naming it; empty when it is fine. */
  check(f: ParsedFeature): Problem[] {
    const g = f.geometry;
    const shape = geometryProblem(g);
    if (shape || !g) return [{ where: f.where, message: shape ?? 'has no geometry' }];
    const fam = GEOMETRY_FAMILY[g.type] as string;
    const problems: Problem[] = [];
    if (this.family === null) {
      this.family = fam;
      this.familyWhere = f.where;
    } else if (fam !== this.family) {
      problems.push({
        where: f.where,
        message: `mixed geometry types: ${g.type} here, but ${this.familyWhere} is a ${this.family}; one layer holds one kind`,
      });
    }
    const crossing = ringCrossing(g);
    if (crossing)
      problems.push({
        where: f.where,
        message: `the polygon crosses itself near [${crossing.map((v) => +v.toFixed(6)).join(', ')}] (a self-intersecting ring); fix it in the source`,
      });
    const id = f.properties['id'];
    if (id !== undefined && id !== null && id !== '') {
      const other = this.ids.get(String(id));
      if (other) problems.push({ where: f.where, message: `duplicate id "${String(id)}" (also ${other})` });
      else this.ids.set(String(id), f.where);
    }
    return problems;
  }
}

/** Checks every feature's geometry; returns problems naming the feature. */
export function checkGeometries(features: ParsedFeature[]): Problem[] {
  const checker = new GeometryChecker();
  return features.flatMap((f) => checker.check(f));
}

/** One member of a FeatureCollection's `features` (1-based `n`) as a parsed feature. */
export function geojsonFeature(f: unknown, n: number): ParsedFeature {
  const feature = f as { type?: string; geometry?: ParsedFeature['geometry']; properties?: Record<string, unknown>; id?: unknown } | null;
  if (feature?.type !== 'Feature') throw new ImportError(`feature ${n} is not a GeoJSON Feature`);
  const properties = { ...(feature.properties ?? {}) };
  if (feature.id !== undefined && properties['id'] === undefined) properties['id'] = feature.id;
  return { geometry: feature.geometry ?? null, properties, where: `feature ${n}` };
}

function geojsonFeatures(value: unknown): ParsedFeature[] {
  const v = value as { type?: string; features?: unknown[]; geometry?: unknown; properties?: unknown };
  if (v?.type === 'FeatureCollection' && Array.isArray(v.features)) return v.features.map((f, i) => geojsonFeature(f, i + 1));
  if (v?.type === 'Feature')
    return [
      {
        geometry: (v.geometry as ParsedFeature['geometry']) ?? null,
        properties: { ...((v.properties as Record<string, unknown>) ?? {}) },
        where: 'feature 1',
      },
    ];
  if (typeof v?.type === 'string' && GEOMETRY_FAMILY[v.type])
    return [{ geometry: v as ParsedFeature['geometry'], properties: {}, where: 'geometry 1' }];
  throw new ImportError('the JSON is not GeoJSON (expected a FeatureCollection, a Feature or a geometry)');
}

function xmlFeatures(text: string, format: 'kml' | 'gpx'): ParsedFeature[] {
  const errors: string[] = [];
  type XmlDoc = { documentElement?: { nodeName: string } | null };
  let doc = null as XmlDoc | null;
  try {
    doc = new DOMParser({ onError: (level, msg) => level !== 'warning' && errors.push(String(msg)) }).parseFromString(
      text,
      'text/xml',
    ) as unknown as XmlDoc;
  } catch (error) {
    errors.push((error as Error).message);
  }
  if (errors.length > 0) throw new ImportError(`not valid ${format.toUpperCase()} (XML error: ${errors[0]?.split('\n')[0]})`);
  const root = doc?.documentElement?.nodeName ?? '';
  if (format === 'kml' && !/kml$/i.test(root)) throw new ImportError(`not a KML document (root element <${root}>)`);
  if (format === 'gpx' && !/gpx$/i.test(root)) throw new ImportError(`not a GPX document (root element <${root}>)`);
  const fc = (format === 'kml' ? kml(doc as never) : gpx(doc as never)) as {
    features: { geometry: ParsedFeature['geometry']; properties: Record<string, unknown> }[];
  };
  return fc.features.map((f, i) => ({
    geometry: f.geometry,
    properties: { ...(f.properties ?? {}) },
    where: `${format === 'kml' ? 'placemark' : 'item'} ${i + 1}`,
  }));
}

async function kmzText(bytes: Uint8Array): Promise<string> {
  const zip = await openArchive(bytes, 'KMZ');
  const kml = zip.names.find((n) => /(^|\/)doc\.kml$/i.test(n)) ?? zip.names.find((n) => /\.kml$/i.test(n));
  if (!kml) throw new ImportError('the KMZ archive holds no .kml document');
  return new TextDecoder('utf-8').decode(await zip.read(kml));
}

/** Largest number of records a Shapefile's .dbf may claim (far beyond a site list; the real check is the file size). */
const MAX_SHAPE_RECORDS = 10_000_000;

/**
 * Checks the record counts a Shapefile's headers claim against the sizes of its files, before a
 * parser trusts them: a 700-byte .dbf claiming a billion records would otherwise be read record by
 * record into memory (ESRI Shapefile Technical Description, 1998, for .shp/.shx; dBASE III+ table
 * header: record count at byte 4, header length at 8, record length at 10, little-endian).
 *
 * @throws ImportError naming the file and the counts
 */
export function checkShapefileHeaders(
  files: { shp: Uint8Array; dbf: Uint8Array; shx?: Uint8Array | undefined },
  names: { shp: string; dbf: string; shx?: string },
): void {
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  const { shp, dbf, shx } = files;
  for (const [bytes, name] of [[shp, names.shp], ...(shx && names.shx ? [[shx, names.shx] as const] : [])] as const) {
    if (bytes.length < 100)
      throw new ImportError(`${name} is ${bytes.length} bytes, shorter than its 100-byte header; the Shapefile is damaged`);
    const v = view(bytes);
    if (v.getInt32(0, false) !== 9994) throw new ImportError(`${name} is not a Shapefile part (its file code is not 9994)`);
    const declared = v.getInt32(24, false) * 2;
    if (declared > bytes.length)
      throw new ImportError(
        `${name}: its header says ${declared} bytes but the file holds ${bytes.length} (truncated?); the Shapefile is damaged`,
      );
  }
  if (dbf.length < 32)
    throw new ImportError(`${names.dbf} is ${dbf.length} bytes, shorter than its 32-byte header; the attribute table is damaged`);
  const v = view(dbf);
  const records = v.getUint32(4, true);
  const headerLength = v.getUint16(8, true);
  const recordLength = v.getUint16(10, true);
  if (headerLength < 33 || headerLength > dbf.length || recordLength < 1)
    throw new ImportError(`${names.dbf}: its header is damaged (header length ${headerLength}, record length ${recordLength})`);
  if (records > MAX_SHAPE_RECORDS || headerLength + records * recordLength > dbf.length + 1)
    throw new ImportError(
      `${names.dbf}: its header claims ${records} records of ${recordLength} bytes, but the file holds only ${dbf.length} bytes; the attribute table is damaged or forged`,
    );
}

/** A zipped Shapefile's features, its parts read through the counted archive and checked before shpjs parses them. */
async function shapefileFeatures(bytes: Uint8Array, fileName: string): Promise<ParsedFeature[]> {
  const zip = await openArchive(bytes, 'Shapefile');
  const byLower = new Map(zip.names.filter((n) => !n.includes('__MACOSX')).map((n) => [n.toLowerCase(), n]));
  const shps = [...byLower.keys()].filter((n) => n.endsWith('.shp'));
  if (shps.length === 0) throw new ImportError(`"${fileName}" holds no .shp file (a zipped Shapefile needs .shp, .shx, .dbf and .prj)`);
  const features: ParsedFeature[] = [];
  for (const shp of shps) {
    const stem = shp.slice(0, -4);
    const part = (ext: string) => byLower.get(`${stem}.${ext}`);
    const [dbfName, prjName, shxName, cpgName] = [part('dbf'), part('prj'), part('shx'), part('cpg')];
    if (!dbfName) throw new ImportError(`"${fileName}": ${shp} has no .dbf (the attribute table)`);
    if (!prjName)
      throw new ImportError(`"${fileName}": ${shp} has no .prj, so its coordinate system is unknown; add the .prj from the original data`);
    const shpName = byLower.get(shp) as string;
    const [shpBytes, dbfBytes, prj, shxBytes, cpg] = [
      await zip.read(shpName),
      await zip.read(dbfName),
      new TextDecoder().decode(await zip.read(prjName)),
      shxName ? await zip.read(shxName) : undefined,
      cpgName ? new TextDecoder().decode(await zip.read(cpgName)) : undefined,
    ];
    checkShapefileHeaders(
      { shp: shpBytes, dbf: dbfBytes, shx: shxBytes },
      { shp: shpName, dbf: dbfName, ...(shxName ? { shx: shxName } : {}) },
    );
    let collection: { features: { geometry: ParsedFeature['geometry']; properties: Record<string, unknown> }[] };
    try {
      // shpjs reads .shp/.dbf/.cpg and reprojects with proj4 from the .prj (e.g. CGCS2000 Gauss–Krüger zones).
      collection = combine([parseShp(shpBytes, prj), parseDbf(dbfBytes, cpg)]) as typeof collection;
    } catch (error) {
      throw new ImportError(`"${fileName}" is not a readable Shapefile: ${(error as Error).message}`, { cause: error });
    }
    for (const f of collection.features)
      features.push({ geometry: f.geometry, properties: { ...(f.properties ?? {}) }, where: `shape ${features.length + 1}` });
  }
  return features;
}

/** Rows of the first worksheet of an XLSX workbook, read as a stream (ExcelJS's streaming reader) once its real size is known. */
async function xlsxRows(bytes: Uint8Array, fileName: string): Promise<{ header: string[]; rows: unknown[][] }> {
  let archive: Archive;
  try {
    archive = await openArchive(bytes, 'XLSX');
  } catch (error) {
    if (error instanceof ImportError && /zip bomb/.test(error.message)) throw error;
    throw new ImportError(`"${fileName}" is not a readable XLSX workbook: ${(error as Error).message}`, { cause: error });
  }
  // Every part is inflated once and counted (and dropped) before ExcelJS reads anything.
  await archive.measure();
  const rows: unknown[][] = [];
  let sheets = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    // ExcelJS reads a worksheet straight away once the shared strings and the workbook's relations
    // are in, and then looks up its name in the workbook part; a zip that stores xl/workbook.xml
    // after the sheets (zip order is free, and ExcelJS's own writer varies it) would crash that
    // lookup. An empty model until the workbook part arrives leaves the sheet unnamed instead.
    Object.assign(reader, { model: { sheets: [] } });
    for await (const sheet of reader) {
      // Later sheets are read to their end (so ExcelJS removes its temporary files) but not kept.
      const first = sheets++ === 0;
      for await (const row of sheet) if (first) rows.push((row.values as unknown[]).slice(1));
    }
  } catch (error) {
    throw new ImportError(`"${fileName}" is not a readable XLSX workbook: ${(error as Error).message}`, { cause: error });
  }
  if (sheets === 0 || rows.length < 2) throw new ImportError(`"${fileName}": the first sheet needs a header row and at least one data row`);
  const [head, ...body] = rows;
  return { header: (head ?? []).map((v) => String(cellValue(v) ?? '').trim()), rows: body };
}

/**
 * @throws ImportError with a message naming the problem for files that cannot be read at all
 *   (empty, binary, malformed, unsupported); row- and feature-level problems are returned
 */
export async function parseFile(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  const result = await parseRaw(fileName, bytes, options);
  const swapSuggested = suggestSwap(result.features);
  if (!options.swap) return { ...result, swapSuggested, problems: [...result.problems, ...checkGeometries(result.features)] };
  const features = result.features.map((f) => ({
    ...f,
    geometry: f.geometry ? { ...f.geometry, coordinates: swapPositions(f.geometry.coordinates) } : null,
  }));
  return { ...result, features, swapSuggested: false, problems: [...result.problems, ...checkGeometries(features)] };
}

/** Reads the file into features and file-level problems; geometry checks follow in `parseFile`. */
async function parseRaw(fileName: string, bytes: Uint8Array, options: ParseOptions): Promise<Omit<ParseResult, 'swapSuggested'>> {
  const format = formatOf(fileName);
  if (bytes.length === 0) throw new ImportError(`"${fileName}" is empty`);
  if (bytes.length > MAX_FILE_BYTES)
    throw new ImportError(`"${fileName}" is ${(bytes.length / 1e6).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB`);
  if (format === 'xlsx') {
    const { header, rows } = await xlsxRows(bytes, fileName);
    checkHeader(header);
    const records = rows.map((values) => Object.fromEntries(header.map((h, i) => [h, cellValue(values[i])])));
    const table = tableToFeatures(header, records, options, 2);
    return { format, encoding: null, fields: header, ...table };
  }
  if (format === 'shapefile') {
    const features = await shapefileFeatures(bytes, fileName);
    if (features.length === 0) throw new ImportError(`"${fileName}" holds no shapes`);
    return { format, encoding: null, features, fields: fieldsOf(features), columns: null, problems: [] };
  }
  if (format === 'kmz') {
    const features = xmlFeatures(await kmzText(bytes), 'kml');
    return { format, encoding: 'utf-8', features, fields: fieldsOf(features), columns: null, problems: [] };
  }
  const { text, encoding } = decodeText(bytes, fileName);
  if (text.trim() === '') throw new ImportError(`"${fileName}" is empty`);
  if (format === 'geojson') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ImportError(`"${fileName}" is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    const features = geojsonFeatures(value);
    if (features.length === 0) throw new ImportError(`"${fileName}" holds no features`);
    return { format, encoding, features, fields: fieldsOf(features), columns: null, problems: [] };
  }
  if (format === 'kml' || format === 'gpx') {
    const features = xmlFeatures(text, format);
    if (features.length === 0) throw new ImportError(`"${fileName}" holds no placemarks, waypoints or tracks`);
    return { format, encoding, features, fields: fieldsOf(features), columns: null, problems: [] };
  }
  checkHeader((Papa.parse<string[]>(text, { preview: 1 }).data[0] ?? []).map((h) => csvUnescape(String(h).trim())));
  // Cells escaped against formulas on export (csv-cell.ts) come back as they were.
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => csvUnescape(h.trim()),
    transform: (value) => csvUnescape(value),
  });
  const fields = parsed.meta.fields ?? [];
  if (fields.length < 2 || parsed.data.length === 0) throw new ImportError(`"${fileName}" needs a header row and at least one data row`);
  const structural = parsed.errors.filter((e) => e.type !== 'FieldMismatch' || e.code === 'TooManyFields');
  const table = tableToFeatures(fields, parsed.data, options, 2);
  const parseProblems = structural.map((e) => ({ where: `row ${(e.row ?? 0) + 2}`, message: e.message }));
  return { format, encoding, fields, ...table, problems: [...parseProblems, ...table.problems] };
}

function fieldsOf(features: ParsedFeature[]): string[] {
  const seen = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties)) seen.add(k);
  return [...seen];
}

function cellValue(v: unknown): unknown {
  if (v && typeof v === 'object') {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if (o.result !== undefined) return o.result;
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return o.text;
  }
  return v ?? null;
}
