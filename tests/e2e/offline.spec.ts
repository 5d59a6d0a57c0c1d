import { expect, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';

test('the app makes no request that leaves the machine', async ({ page, context, appServer }) => {
  const requests: string[] = [];
  // Context-level: includes requests from the page's workers (maplibre's tile worker).
  context.on('request', (r) => requests.push(r.url()));
  const allowed = (url: string) => url.startsWith(`${appServer.origin}/`) || url.startsWith('data:') || url.startsWith('blob:');

  const app = new MapPage(page);
  await app.open(appServer.url);
  // Exercise the app: zoom into a county, pan to Guangdong, switch language, open About.
  await page.evaluate(() => {
    const map = (window as unknown as { __siteselectMap: { jumpTo(o: object): void } }).__siteselectMap;
    map.jumpTo({ center: [112.6, 26.9], zoom: 10 });
  });
  await app.settle();
  await page.evaluate(() => {
    const map = (window as unknown as { __siteselectMap: { jumpTo(o: object): void } }).__siteselectMap;
    map.jumpTo({ center: [113.3, 23.1], zoom: 8 });
  });
  await app.settle();
  await app.languageSwitch().click();
  await app.settle();
  await app.languageSwitch().click();

  expect(requests.length).toBeGreaterThan(5);
  expect(requests.some((u) => u.includes('/tiles/basemap/10/'))).toBe(true);
  const outside = requests.filter((u) => !allowed(u));
  console.log(`requests seen: ${requests.length}, outside loopback/data/blob: ${outside.length}`);
  expect(outside).toEqual([]);
});
