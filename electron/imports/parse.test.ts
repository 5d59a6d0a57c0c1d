import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distanceMetres, fromWgs84 } from '../../geo/index.ts';
import { IMPORT_FIXTURES, importFixture } from '../testing/imports.ts';
import { deflatedPadding, sheetXml, xlsxParts, zipOf } from '../../tests/helpers/hostile-files.ts';
import JSZip from 'jszip';
import { ImportError, parseFile } from './parse.ts';
import { importParsed } from './store.ts';

const fx = importFixture();
const { backend, reference, work, layerCount, featureCount, importBytes, layerFeatures } = fx;
const FIXTURES = IMPORT_FIXTURES;
afterAll(() => fx.dispose());

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

describe('hostile archives (issue 13): sizes counted as inflated, headers checked against the files', () => {
  const KML_HEAD =
    '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>甲</name><Point><coordinates>112.6,26.9</coordinates></Point></Placemark>';

  it('a KMZ whose headers claim 2 kB but which inflates to 300 MB is stopped at the limit', async () => {
    const kml = await deflatedPadding(KML_HEAD, 300 * 1024 * 1024, '</Document></kml>');
    const kmz = zipOf([{ name: 'doc.kml', deflated: kml, claimedSize: 2000 }]);
    expect(kmz.length).toBeLessThan(1024 * 1024);
    const before = [layerCount(), featureCount()];
    await expect(importBytes('lying.kmz', kmz)).rejects.toThrow(/archive would expand to at least \d+ MB from 0\.\d MB \(a zip bomb\?\)/);
    expect([layerCount(), featureCount()]).toEqual(before);
  });

  it('a zipped Shapefile whose .dbf header claims a billion records is refused before it is parsed', async () => {
    const good = await JSZip.loadAsync(readFileSync(join(FIXTURES, 'good/wgs84-shapefile.zip')));
    const entries = await Promise.all(
      Object.values(good.files)
        .filter((e) => !e.dir)
        .map(async (e) => ({ name: e.name, data: await e.async('uint8array') })),
    );
    const dbf = entries.find((e) => e.name.endsWith('.dbf'));
    if (!dbf) throw new Error('fixture has no .dbf');
    new DataView(dbf.data.buffer, dbf.data.byteOffset).setUint32(4, 1_000_000_000, true);
    const forged = zipOf(entries);
    expect(forged.length).toBeLessThan(2000);
    const started = Date.now();
    await expect(importBytes('forged.zip', forged)).rejects.toThrow(
      /\.dbf: its header claims 1000000000 records of \d+ bytes, but the file holds only \d+ bytes/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('an XLSX that honestly expands to 250 MB is refused from its headers; one that lies, while inflating', async () => {
    const rows = sheetXml([
      ['name', 'lng', 'lat'],
      ['甲', 112.6, 26.9],
    ]);
    const [head, tail] = [rows.slice(0, -'</worksheet>'.length), '</worksheet>'];
    const sheet = await deflatedPadding(head, 250 * 1024 * 1024, tail);
    await expect(importBytes('honest.xlsx', zipOf(xlsxParts({ name: '', deflated: sheet })))).rejects.toThrow(
      /archive would expand to 262 MB .*\(a zip bomb\?\)/,
    );
    await expect(importBytes('lying.xlsx', zipOf(xlsxParts({ name: '', deflated: sheet, claimedSize: 5000 })))).rejects.toThrow(
      /archive would expand to at least \d+ MB .*\(a zip bomb\?\)/,
    );
  });

  it('reads an XLSX as a stream: inline strings, numbers, the first sheet', async () => {
    const xlsx = zipOf(
      xlsxParts({
        name: '',
        data: Buffer.from(
          sheetXml([
            ['名称', '经度', '纬度'],
            ['衡阳南岳机场', 112.617072, 26.72321],
            ['测试地块', 112.6, 26.9],
          ]),
        ),
      }),
    );
    const summary = await importBytes('inline.xlsx', xlsx, 'wgs84');
    const features = await layerFeatures(summary.layerId);
    expect(features.map((f) => [f.properties['名称'], f.geometry?.coordinates])).toEqual([
      ['衡阳南岳机场', [112.617072, 26.72321]],
      ['测试地块', [112.6, 26.9]],
    ]);
  });
});

describe('XLSX parts in any zip order', () => {
  it('reads a workbook whose xl/workbook.xml comes after its shared strings and sheet (CI saw ExcelJS write one)', async () => {
    const sheet = sheetXml([
      ['name', 'lng', 'lat'],
      ['甲', 112.6, 26.9],
    ]);
    const parts = xlsxParts({ name: '', data: Buffer.from(sheet) });
    const byName = new Map(parts.map((p) => [p.name, p]));
    const sharedStrings = {
      name: 'xl/sharedStrings.xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
      ),
    };
    const order = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml'];
    const reordered = [...order.slice(0, 3).map((n) => byName.get(n)!), sharedStrings, ...order.slice(3).map((n) => byName.get(n)!)];
    const summary = await importBytes('late-workbook.xlsx', zipOf(reordered), 'wgs84');
    const features = await layerFeatures(summary.layerId);
    expect(features.map((f) => [f.properties['name'], f.geometry?.coordinates])).toEqual([['甲', [112.6, 26.9]]]);
  });
});

describe('binary content anywhere in a file read whole (issue 13 item 2)', () => {
  it('a CSV with a zero-filled tail after its first 8 kB is refused as binary', async () => {
    const rows = Buffer.from(`name,lng,lat\n${'a,112.6,26.9\n'.repeat(1000)}`);
    const bytes = Buffer.concat([rows, Buffer.alloc(64 * 1024)]);
    await expect(importBytes('tail.csv', bytes)).rejects.toThrow(
      `"tail.csv" is not a text file (it contains binary data: a NUL byte at byte ${rows.length + 1})`,
    );
  });
});
