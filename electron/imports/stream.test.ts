import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORT_FIXTURES, importFixture } from '../testing/imports.ts';

const fx = importFixture();
const { backend, reference, work, layerCount, featureCount, layerFeatures } = fx;
const FIXTURES = IMPORT_FIXTURES;
afterAll(() => fx.dispose());

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

describe('hostile streamed files (issue 13)', () => {
  const feature = (type: string, coordinates: unknown) =>
    JSON.stringify({ type: 'Feature', properties: {}, geometry: { type, coordinates } });
  /** Longest gap between two ticks of a 10 ms timer while `run` is pending: the event loop's responsiveness. */
  async function maxTimerGap(run: () => Promise<unknown>): Promise<{ gap: number; error: unknown }> {
    let last = Date.now();
    let gap = 0;
    const timer = setInterval(() => {
      gap = Math.max(gap, Date.now() - last);
      last = Date.now();
    }, 10);
    let error: unknown = null;
    try {
      await run();
    } catch (e) {
      error = e;
    } finally {
      clearInterval(timer);
    }
    return { gap: Math.max(gap, Date.now() - last), error };
  }

  it('a stray quote in row 2 stops the import at the record limit, naming the row, without freezing', async () => {
    const { importStream } = await import('./stream.ts');
    const file = join(work.dir, 'stray-quote.csv');
    // The issue's repro in small: one unbalanced quote, then 1.7 MB of ordinary rows.
    writeFileSync(file, `name,lng,lat\n"oops,112.6,26.9\n${'p,112.6,26.9\n'.repeat(130_000)}`);
    const before = [layerCount(), featureCount()];
    const started = Date.now();
    const { gap, error } = await maxTimerGap(() =>
      importStream(backend.userDb, file, { name: 'q', role: 'reference', crs: 'wgs84', reference }),
    );
    expect(String(error)).toMatch(/row 2: a record is longer than 1 MB \(an unbalanced quote "\?\)/);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Nothing runs for long between two turns of the event loop (cancel and other calls get through).
    expect(gap).toBeLessThan(1000);
    expect([layerCount(), featureCount()]).toEqual(before);
  });

  it('a line longer than the record limit is refused, naming its row', async () => {
    const { importStream } = await import('./stream.ts');
    const file = join(work.dir, 'long-line.csv');
    writeFileSync(file, `name,lng,lat\na,112.6,26.9\n${'x'.repeat(3 * 1024 * 1024)},112.6,26.9\n`);
    await expect(importStream(backend.userDb, file, { name: 'l', role: 'reference', crs: 'wgs84', reference })).rejects.toThrow(
      /row 3: a record is longer than 1 MB/,
    );
  });

  it('a CSV whose tail is hundreds of MB of NUL bytes is refused as binary at once, and the process lives on', async () => {
    const { importStream } = await import('./stream.ts');
    const file = join(work.dir, 'nul-tail.csv');
    writeFileSync(file, `name,lng,lat\n${'a,112.6,26.9\n'.repeat(2000)}`);
    // A sparse file: 600 MB of zeros after the rows (an interrupted or preallocated copy), no disk used.
    truncateSync(file, 600 * 1024 * 1024);
    const before = [layerCount(), featureCount()];
    const started = Date.now();
    await expect(importStream(backend.userDb, file, { name: 'nul', role: 'reference', crs: 'wgs84', reference })).rejects.toThrow(
      /row 2002: the file holds binary data \(a NUL byte\); it is not a text table/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect([layerCount(), featureCount()]).toEqual(before);
  });

  it('a streamed GeoJSON feature larger than the feature limit is refused, naming it', async () => {
    const { importStream, MAX_STREAMED_FEATURE_BYTES } = await import('./stream.ts');
    const file = join(work.dir, 'huge-feature.geojson');
    const pad = 'x'.repeat(MAX_STREAMED_FEATURE_BYTES + 1024 * 1024);
    writeFileSync(
      file,
      `{"type":"FeatureCollection","features":[${feature('Point', [112, 27])},{"type":"Feature","properties":{"pad":"${pad}"},"geometry":null}]}`,
    );
    await expect(importStream(backend.userDb, file, { name: 'h', role: 'reference', crs: 'wgs84', reference })).rejects.toThrow(
      /feature 2 is larger than 64 MB/,
    );
  });

  it('streamed tables refuse hex coordinates, duplicate column names, a later change of encoding and nested Points', async () => {
    const { importStream } = await import('./stream.ts');
    const run = (name: string, content: string | Buffer) =>
      importStream(backend.userDb, streamFile(name, content), { name, role: 'reference', crs: 'wgs84', reference });
    const streamFile = (name: string, content: string | Buffer) => {
      const file = join(work.dir, name);
      writeFileSync(file, content);
      return file;
    };
    const before = [layerCount(), featureCount()];
    await expect(run('hex.csv', 'name,lng,lat\na,112.6,26.9\nb,112.6,0x1A\n')).rejects.toThrow(
      /row 3: latitude "0x1A" is not a decimal number/,
    );
    await expect(run('dup.csv', 'name,lng,lat,name\na,112.6,26.9,b\n')).rejects.toThrow(
      /the column name "name" appears twice \(columns 1 and 4\)/,
    );
    // UTF-8 for its first megabyte, then a GBK row: the head decides UTF-8, the row is caught where it is.
    const head = Buffer.from(`名称,经度,纬度\n${'衡阳,112.6,26.9\n'.repeat(80_000)}`);
    const gbk = Buffer.from([0xbb, 0xb3, 0xbb, 0xaf, 0x2c, 0x31, 0x31, 0x32, 0x2c, 0x32, 0x37, 0x0a]); // 怀化,112,27 in GBK
    await expect(run('later-gbk.csv', Buffer.concat([head, gbk]))).rejects.toThrow(
      /row 80002: is not UTF-8 although the file starts as UTF-8/,
    );
    await expect(run('nested.geojson', `{"type":"FeatureCollection","features":[${feature('Point', [[112.6, 26.9]])}]}`)).rejects.toThrow(
      /feature 1: a Point's coordinates must be one position/,
    );
    expect([layerCount(), featureCount()]).toEqual(before);
  });
});
