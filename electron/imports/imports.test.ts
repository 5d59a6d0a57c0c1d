import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distanceMetres, fromWgs84 } from '../../geo/index.ts';
import { dispatch } from '../handlers/index.ts';
import { REPO_ROOT, tempBackend, tempDir } from '../testing/temp-backend.ts';
import { ImportError, parseFile } from './parse.ts';
import { referencePlaces } from './reference-names.ts';
import { EXPORT_FORMATS, exportFeatures, importParsed, safeCell, type ExportFeature } from './store.ts';

const FIXTURES = join(REPO_ROOT, 'tests/fixtures/imports');
const backend = tempBackend();
const reference = referencePlaces(backend);
const work = tempDir('siteselect-imports-');
afterAll(() => {
  backend.dispose();
  work.remove();
});

const layerCount = () => backend.userDb.prepare('SELECT count(*) FROM user_layers').pluck().get() as number;
const featureCount = () => backend.userDb.prepare('SELECT count(*) FROM user_features').pluck().get() as number;

async function importBytes(name: string, bytes: Uint8Array, crs: 'auto' | 'wgs84' | 'gcj02' | 'bd09' = 'auto') {
  const parsed = await parseFile(name, bytes);
  return importParsed(backend.userDb, parsed, { name, role: 'candidates', crs, sourceFile: name, reference });
}

async function layerFeatures(id: string): Promise<ExportFeature[]> {
  const res = await dispatch(backend.api, 'getLayer', { id });
  if (!res.ok) throw new Error(res.error.message);
  return (res.result as { features: ExportFeature[] }).features;
}

describe('bad files: a clear message naming the problem, nothing imported', () => {
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'bad/expected.json'), 'utf8')) as Record<string, string>;
  it('has a corpus of at least 25 bad files, each with its expected message', () => {
    const files = readdirSync(join(FIXTURES, 'bad')).filter((f) => f !== 'expected.json');
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });
  it.each(Object.entries(expected))('%s → "%s"', async (file, message) => {
    const before = [layerCount(), featureCount()];
    const bytes = readFileSync(join(FIXTURES, 'bad', file));
    await expect(importBytes(file, bytes)).rejects.toThrow(ImportError);
    await expect(importBytes(file, bytes)).rejects.toThrow(message);
    expect([layerCount(), featureCount()]).toEqual(before);
  });
});

describe('good files', () => {
  it('reads UTF-8 and GBK CSV alike, keeping the Chinese column names and values', async () => {
    const utf8 = await importBytes('utf8.csv', readFileSync(join(FIXTURES, 'good/utf8.csv')));
    const gbk = await importBytes('gbk.csv', readFileSync(join(FIXTURES, 'good/gbk.csv')));
    expect(utf8.encoding).toBe('utf-8');
    expect(gbk.encoding).toBe('gb18030');
    const a = await layerFeatures(utf8.layerId);
    const b = await layerFeatures(gbk.layerId);
    expect(b.map((f) => f.properties['名称'])).toEqual(['衡阳南岳机场', '怀化芷江机场', '测试地块']);
    expect(b).toEqual(a);
  });

  it.each(['gcj02', 'bd09'] as const)('detects %s coordinates from named places and stores WGS-84', async (crs) => {
    const rows = [
      ['衡阳南岳机场', 112.617072, 26.72321],
      ['怀化芷江机场', 109.69972, 27.44139],
      ['测试地块', 112.6, 26.9],
    ] as const;
    const csv = `名称,经度,纬度\n${rows.map(([n, x, y]) => `${n},${fromWgs84([x, y], crs).join(',')}`).join('\n')}\n`;
    const file = join(work.dir, `${crs}.csv`);
    writeFileSync(file, csv);
    const summary = await importBytes(`${crs}.csv`, readFileSync(file));
    expect(summary.crs).toBe(crs);
    expect(summary.detection.basis).toBe('names');
    const stored = await layerFeatures(summary.layerId);
    rows.forEach(([, x, y], i) =>
      expect(distanceMetres((stored[i]?.geometry?.coordinates as [number, number]) ?? [0, 0], [x, y])).toBeLessThan(5),
    );
  });

  it('spots swapped columns, says so, and imports them once the user agrees', async () => {
    const bytes = new TextEncoder().encode('name,lng,lat\n甲,26.9,112.6\n乙,27.5,110.0\n');
    const parsed = await parseFile('swapped.csv', bytes);
    expect(parsed.swapSuggested).toBe(true);
    expect(parsed.problems[0]?.message).toMatch(/swapped/);
    const fixed = await parseFile('swapped.csv', bytes, { swap: true });
    expect(fixed.problems).toEqual([]);
    const summary = await importParsed(backend.userDb, fixed, {
      name: 'swapped',
      role: 'candidates',
      crs: 'wgs84',
      sourceFile: 'swapped.csv',
      reference,
    });
    expect((await layerFeatures(summary.layerId))[0]?.geometry?.coordinates).toEqual([112.6, 26.9]);
  });
});

describe('shapefiles', () => {
  it.each([
    ['wgs84-shapefile.zip', 'a WGS-84 shapefile'],
    ['cgcs2000-gk111.zip', 'a CGCS2000 3° Gauss–Krüger (CM 111°E) shapefile, reprojected from its .prj'],
  ])('%s: %s lands where it belongs, with its attributes', async (file) => {
    const summary = await importBytes(file, readFileSync(join(FIXTURES, 'good', file)), 'wgs84');
    const features = await layerFeatures(summary.layerId);
    expect(features.map((f) => f.properties['name'])).toEqual(['Shaoyang site', 'Yongzhou site']);
    // CGCS2000 and WGS-84 differ by centimetres; the projection round trip by less than a metre.
    expect(distanceMetres(features[0]?.geometry?.coordinates as [number, number], [111.45, 26.55])).toBeLessThan(1);
    expect(distanceMetres(features[1]?.geometry?.coordinates as [number, number], [111.61, 26.42])).toBeLessThan(1);
  });
});

describe('round trips: import → export → import gives the same features', () => {
  it.each(EXPORT_FORMATS)('%s', async (format) => {
    const first = await importBytes('utf8.csv', readFileSync(join(FIXTURES, 'good/utf8.csv')), 'wgs84');
    const original = await layerFeatures(first.layerId);
    const bytes = await exportFeatures('round-trip', original, format);
    const again = await importBytes(`round-trip.${format}`, bytes, 'wgs84');
    const back = await layerFeatures(again.layerId);
    expect(back).toHaveLength(original.length);
    back.forEach((f, i) => {
      const [x, y] = f.geometry?.coordinates as [number, number];
      const [x0, y0] = original[i]?.geometry?.coordinates as [number, number];
      expect(Math.abs(x - x0)).toBeLessThan(1e-9);
      expect(Math.abs(y - y0)).toBeLessThan(1e-9);
      // Original attributes (the 名称 column) survive every format.
      expect(JSON.stringify(f.properties)).toContain(String(original[i]?.properties['名称']));
    });
  });

  it('escapes spreadsheet formulas on export (CSV injection)', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(safeCell('+1')).toBe("'+1");
    expect(safeCell('-1+1')).toBe("'-1+1");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell(-1)).toBe(-1);
    expect(safeCell('衡阳')).toBe('衡阳');
  });
});

describe('crash safety', () => {
  it('a killed import leaves an intact database and no partial layer', async () => {
    const dir = tempDir('siteselect-kill-');
    try {
      const rows = ['name,lng,lat'];
      for (let i = 0; i < 300_000; i++)
        rows.push(`p${i},${(110 + (i % 1000) / 1000).toFixed(5)},${(26 + Math.floor(i / 1000) / 1000).toFixed(5)}`);
      const big = join(dir.dir, 'big.csv');
      writeFileSync(big, `${rows.join('\n')}\n`);
      const dbFile = join(dir.dir, 'siteselect.db');
      const child = spawn(
        process.execPath,
        [join(REPO_ROOT, 'bin/siteselect.mjs'), 'import', big, '--crs', 'wgs84', '--data-dir', dir.dir],
        { stdio: 'ignore' },
      );
      const exited = new Promise((r) => child.on('exit', r));
      // Wait until the database exists and is migrated (the CLI has started), then let the import
      // run a little (parsing 300,000 rows takes about a second) and kill it.
      // A cold start (TypeScript compiled on first run) can take many seconds on a busy machine.
      let migrated = false;
      for (let i = 0; i < 2000 && !migrated; i++) {
        if (existsSync(dbFile)) {
          const probe = new Database(dbFile, { readonly: true, fileMustExist: true });
          migrated = (probe.pragma('user_version', { simple: true }) as number) > 0;
          probe.close();
        }
        if (!migrated) await new Promise((r) => setTimeout(r, 20));
      }
      expect(migrated, 'the CLI migrated the database within 40 s').toBe(true);
      await new Promise((r) => setTimeout(r, 900));
      child.kill('SIGKILL');
      await exited;
      const db = new Database(dbFile);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const layers = db.prepare('SELECT id FROM user_layers').pluck().all() as string[];
        for (const id of layers) expect(db.prepare('SELECT count(*) FROM user_features WHERE layer_id = ?').pluck().get(id)).toBe(300_000);
        expect(db.prepare('SELECT count(*) FROM user_features WHERE layer_id NOT IN (SELECT id FROM user_layers)').pluck().get()).toBe(0);
      } finally {
        db.close();
      }
    } finally {
      dir.remove();
    }
  }, 90_000);
});

describe('streamed CSV and GeoJSON (large files)', () => {
  const streamFile = (name: string, text: string) => {
    const file = join(work.dir, name);
    writeFileSync(file, text);
    return file;
  };
  const feature = (type: string, coordinates: unknown, name = 'x') =>
    JSON.stringify({ type: 'Feature', properties: { name }, geometry: { type, coordinates } });

  it('names the problem in a streamed GeoJSON and writes nothing', async () => {
    const { importStream } = await import('./stream.ts');
    const before = [layerCount(), featureCount()];
    const run = (name: string, text: string) =>
      importStream(backend.userDb, streamFile(name, text), { name, role: 'reference', crs: 'wgs84', reference });
    await expect(
      run(
        'mixed.geojson',
        `{"type":"FeatureCollection","features":[${feature('Point', [112, 27])},${feature('LineString', [
          [112, 27],
          [113, 27],
        ])}]}`,
      ),
    ).rejects.toThrow(/^feature 2: mixed geometry types: LineString here, but feature 1 is a point/);
    await expect(run('single.geojson', feature('Point', [112, 27]))).rejects.toThrow(/must be a FeatureCollection/);
    await expect(run('junk.geojson', `{"type":"FeatureCollection","features":[${feature('Point', [112, 27])},}`)).rejects.toThrow(
      /is not valid JSON after feature 1/,
    );
    await expect(
      run('notfeature.geojson', '{"type":"FeatureCollection","features":[{"type":"Point","coordinates":[1,2]}]}'),
    ).rejects.toThrow(/feature 1 is not a GeoJSON Feature/);
    expect([layerCount(), featureCount()]).toEqual(before);
  });

  it('swaps streamed GeoJSON coordinates on request', async () => {
    const { importStream } = await import('./stream.ts');
    const file = streamFile('swapped.geojson', `{"type":"FeatureCollection","features":[${feature('Point', [26.9, 112.6], '甲')}]}`);
    const summary = await importStream(backend.userDb, file, { name: 'swapped', role: 'reference', crs: 'wgs84', reference, swap: true });
    expect((await layerFeatures(summary.layerId))[0]?.geometry?.coordinates).toEqual([112.6, 26.9]);
  });

  it('imports a GBK table row by row with CRS detection', async () => {
    const { importStream } = await import('./stream.ts');
    const summary = await importStream(backend.userDb, join(FIXTURES, 'good/gbk.csv'), {
      name: 'streamed',
      role: 'reference',
      crs: 'auto',
      reference,
    });
    expect(summary).toMatchObject({ encoding: 'gb18030', features: 3, crs: 'wgs84' });
    expect((await layerFeatures(summary.layerId)).map((f) => f.properties['名称'])).toEqual(['衡阳南岳机场', '怀化芷江机场', '测试地块']);
  });

  it('rolls back everything at the first bad row and names it', async () => {
    const { importStream } = await import('./stream.ts');
    const rows = ['name,lng,lat'];
    for (let i = 0; i < 20_000; i++) rows.push(`p${i},112.${i % 1000},26.5`);
    rows.push('bad,abc,26.5');
    const file = join(work.dir, 'stream-bad.csv');
    writeFileSync(file, rows.join('\n'));
    const before = [layerCount(), featureCount()];
    await expect(importStream(backend.userDb, file, { name: 'x', role: 'reference', crs: 'wgs84', reference })).rejects.toThrow(
      /row 20002: longitude must be a finite number/,
    );
    expect([layerCount(), featureCount()]).toEqual(before);
  });
});
