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
  expect(await page.evaluate(() => (window as unknown as { __siteselectMap: { getLayoutProperty(l: string, p: string): unknown } }).__siteselectMap.getLayoutProperty('county-fill', 'visibility'))).toBe('none');
  await expect.poll(() => requests.some((u) => u.includes('/tiles/pack/'))).toBe(true);
  await page.screenshot({ path: join(RESULTS, 'basemap-pack-zh.png') });

  await select.selectOption({ index: 0 });
  expect(await page.evaluate(() => (window as unknown as { __siteselectMap: { getSource(id: string): unknown } }).__siteselectMap.getSource('pack'))).toBeFalsy();
  expect(requests.filter((u) => !u.startsWith(`${appServer.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
});
