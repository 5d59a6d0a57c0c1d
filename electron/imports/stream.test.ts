import { writeFileSync } from 'node:fs';
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
