/**
 * Large CSV files (hundreds of MB) are imported as a stream: rows are parsed, checked and written
 * one batch at a time inside one transaction, so memory stays bounded whatever the file size.
 * Any bad row stops the import and rolls everything back, naming the row.
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { detectCrs, lngLatProblem, toWgs84, type CrsId, type NamedPosition } from '../../geo/index.ts';
import type { Db } from '../db/index.ts';
import { findColumn, ImportError, LAT_NAMES, LNG_NAMES, NAME_NAMES } from './parse.ts';
import type { ImportSummary, LayerRole } from './store.ts';
import { randomUUID } from 'node:crypto';

/** Files larger than this are streamed by the CLI. */
export const STREAM_THRESHOLD_BYTES = 20 * 1024 * 1024;


function detectEncoding(path: string): 'utf-8' | 'gb18030' {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(1024 * 1024, statSync(path).size));
    readSync(fd, head, 0, head.length, 0);
    if (head.subarray(0, 8192).includes(0)) throw new ImportError(`"${basename(path)}" is not a text file (it contains binary data)`);
    // Cut a possibly split multi-byte character at the end of the sample.
    let end = head.length;
    while (end > 0 && end > head.length - 4 && ((head[end - 1] as number) & 0xc0) === 0x80) end--;
    if (end > 0 && ((head[end - 1] as number) & 0xc0) === 0xc0) end--;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
      return 'utf-8';
    } catch {
      return 'gb18030';
    }
  } finally {
    closeSync(fd);
  }
}

function textStream(path: string, encoding: 'utf-8' | 'gb18030'): NodeJS.ReadableStream {
  const raw = createReadStream(path);
  return encoding === 'utf-8' ? raw.setEncoding('utf8') : raw.pipe(iconv.decodeStream('gb18030'));
}

/**
 * Records of a CSV file as arrays of strings, one at a time (`for await`), so each is handled
 * before the next is read. A record may span lines inside quotes; Papa Parse splits each record.
 */
async function* records(path: string, encoding: 'utf-8' | 'gb18030'): AsyncGenerator<{ values: string[]; line: number }> {
  const lines = createInterface({ input: textStream(path, encoding), crlfDelay: Infinity });
  let pending = '';
  let startLine = 0;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (pending === '') startLine = lineNo;
    pending = pending === '' ? line : `${pending}\n${line}`;
    // An odd number of quotes means the record continues on the next line.
    if ((pending.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    const record = pending;
    pending = '';
    if (record.trim() === '') continue;
    yield { values: (Papa.parse<string[]>(record).data[0] ?? []).map(String), line: startLine };
  }
  if (pending.trim() !== '') yield { values: (Papa.parse<string[]>(pending).data[0] ?? []).map(String), line: startLine };
}


export async function importCsvStream(
  db: Db,
  path: string,
  options: { name: string; role: LayerRole; crs: CrsId | 'auto'; reference: readonly NamedPosition[]; lngColumn?: string; latColumn?: string; swap?: boolean },
): Promise<ImportSummary> {
  const encoding = detectEncoding(path);
  const open = () => records(path, encoding);
  // Header and, for the coordinate system, evidence from the first rows only.
  let header: string[] | null = null;
  let cols: { lng: number; lat: number; name: number } | null = null;
  const sample: NamedPosition[] = [];
  for await (const { values } of open()) {
    if (!header) {
      header = values.map((v) => v.trim());
      const lng = findColumn(header, LNG_NAMES, options.lngColumn, 'longitude');
      const lat = findColumn(header, LAT_NAMES, options.latColumn, 'latitude');
      if (!lng || !lat) throw new ImportError(`no longitude/latitude columns found (columns: ${header.join(', ')}); choose them with --lng and --lat`);
      const name = findColumn(header, NAME_NAMES, undefined, 'name');
      cols = { lng: header.indexOf(options.swap ? lat : lng), lat: header.indexOf(options.swap ? lng : lat), name: name ? header.indexOf(name) : -1 };
      continue;
    }
    const c = cols as { lng: number; lat: number; name: number };
    const x = Number(values[c.lng]);
    const y = Number(values[c.lat]);
    if (c.name >= 0 && values[c.name] && Number.isFinite(x) && Number.isFinite(y)) sample.push({ name: values[c.name] as string, position: [x, y] });
    if (sample.length >= 5000) break;
  }
  if (!header || !cols) throw new ImportError(`"${basename(path)}" needs a header row and at least one data row`);
  const fields = header;
  const c = cols as { lng: number; lat: number; name: number };
  const detection = detectCrs(sample, options.reference);
  const crs = options.crs === 'auto' ? detection.crs : options.crs;

  const layerId = `user-${randomUUID().slice(0, 8)}`;
  const insertFeature = db.prepare('INSERT INTO user_features (layer_id, geometry, properties) VALUES (?, ?, ?)');
  let count = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    db.prepare('INSERT INTO user_layers (id, project_id, name, role, geometry, source_file, source_crs) VALUES (?, 1, ?, ?, ?, ?, ?)').run(layerId, options.name, options.role, 'point', basename(path), crs);
    let first = true;
    for await (const { values, line } of open()) {
      if (first) {
        first = false;
        continue;
      }
      const x = Number(values[c.lng]);
      const y = Number(values[c.lat]);
      const problem = lngLatProblem([x, y]);
      if (problem) throw new ImportError(`row ${line}: ${problem}; nothing imported`);
      insertFeature.run(layerId, JSON.stringify({ type: 'Point', coordinates: toWgs84([x, y], crs) }), JSON.stringify(Object.fromEntries(fields.map((f, i) => [f, values[i] ?? null]))));
      count++;
    }
    if (count === 0) throw new ImportError(`"${basename(path)}" has no data rows`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return { layerId, name: options.name, role: options.role, format: 'csv', encoding, features: count, crs, detection, swapSuggested: false, geometry: 'point' };
}
