import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, RESULTS, ROOT, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';

test('an offline basemap pack is registered, chosen and drawn from local tiles', async ({ page, context, appServer }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const app = new MapPage(page);
  await app.open(appServer.url);
  const switcher = page.getByTestId('basemap-switcher');

  await switcher.getByTestId('basemap-path').fill('/no/such/file.pmtiles');
  await switcher.getByTestId('basemap-add').click();
  await expect(switcher.getByTestId('basemap-error')).toContainText('no file at');

  // The app's own boundary tiles serve as a vector pack here.
  await switcher.getByTestId('basemap-path').fill(join(ROOT, 'data/generated/basemap.mbtiles'));
  await switcher.getByTestId('basemap-add').click();
  const select = switcher.getByTestId('basemap-select');
  await expect(select.locator('option')).toHaveCount(2);
  await select.selectOption({ index: 1 });
  await app.settle();
  expect(
    await page.evaluate(() =>
      (window as unknown as { __siteselectMap: { getLayoutProperty(l: string, p: string): unknown } }).__siteselectMap.getLayoutProperty(
        'county-fill',
        'visibility',
      ),
    ),
  ).toBe('none');
  await expect.poll(() => requests.some((u) => u.includes('/tiles/pack/'))).toBe(true);
  await page.screenshot({ path: join(RESULTS, 'basemap-pack-zh.png') });

  await select.selectOption({ index: 0 });
  expect(
    await page.evaluate(() =>
      (window as unknown as { __siteselectMap: { getSource(id: string): unknown } }).__siteselectMap.getSource('pack'),
    ),
  ).toBeFalsy();
  expect(requests.filter((u) => !u.startsWith(`${appServer.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
});

test('a vector pack in the OpenMapTiles schema is recognised and drawn with roads, rivers and labels', async ({ page, appServer }) => {
  test.setTimeout(120_000);
  // A small pack cut to the OpenMapTiles schema from the zone's own corridors, rivers and stations.
  const { writeBasemap } = await import('../../data/build/build-basemap.ts');
  const read = (name: string) =>
    (
      JSON.parse(readFileSync(join(ROOT, 'data/layers', name), 'utf8')) as {
        features: { geometry: unknown; properties: Record<string, unknown> }[];
      }
    ).features.filter((f) => f.geometry);
  const feature = (f: { geometry: unknown; properties: Record<string, unknown> }, properties: Record<string, unknown>) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties,
  });
  const dir = mkdtempSync(join(tmpdir(), 'siteselect-omt-'));
  const file = join(dir, 'omt-zone.mbtiles');
  const zone = JSON.parse(readFileSync(join(ROOT, 'data/generated/zone-counties.geojson'), 'utf8')) as {
    features: { geometry: unknown; properties: Record<string, unknown> }[];
  };
  writeBasemap(
    {
      layers: {
        water: [],
        waterway: read('waterways.geojson').map((f) => feature(f, { class: 'river' })),
        transportation: [
          ...read('expressways.geojson').map((f) => feature(f, { class: 'motorway' })),
          ...read('rail-lines.geojson').map((f) => feature(f, { class: 'rail' })),
        ],
        boundary: zone.features.map((f) => feature(f, { admin_level: 6 })),
        place: read('rail-stations.geojson').map((f) =>
          feature(f, { class: 'town', 'name:zh': f.properties['name_zh'], name: f.properties['name_en'] }),
        ),
      } as never,
      bounds: [108.7, 24.6, 114.3, 29.6],
      zoneBounds: [108.7, 24.6, 114.3, 29.6],
      countiesPerPrefecture: [],
    },
    file,
  );
  try {
    const app = new MapPage(page);
    await app.open(appServer.url);
    const switcher = page.getByTestId('basemap-switcher');
    await switcher.getByTestId('basemap-path').fill(file);
    await switcher.getByTestId('basemap-add').click();
    const option = switcher.getByTestId('basemap-select').locator('option', { hasText: 'OpenMapTiles' });
    await expect(option).toHaveCount(1);
    await switcher.getByTestId('basemap-select').selectOption({ label: (await option.textContent()) ?? '' });
    await app.settle();
    const drawn = await page.evaluate(() => {
      const map = (
        window as unknown as {
          __siteselectMap: { getStyle(): { layers: { id: string }[] }; queryRenderedFeatures(o?: object): { layer: { id: string } }[] };
        }
      ).__siteselectMap;
      return {
        layers: map
          .getStyle()
          .layers.map((l) => l.id)
          .filter((id) => id.startsWith('pack-layer')),
        rendered: [
          ...new Set(
            map
              .queryRenderedFeatures()
              .map((f) => f.layer.id)
              .filter((id) => id.startsWith('pack-layer')),
          ),
        ],
      };
    });
    expect(drawn.layers).toContain('pack-layer-omt-motorway');
    expect(drawn.rendered).toEqual(expect.arrayContaining(['pack-layer-omt-motorway', 'pack-layer-omt-rail', 'pack-layer-omt-boundary']));
    await page.screenshot({ path: join(RESULTS, 'basemap-pack-omt-zh.png') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
