import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, RESULTS, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';

type MapHandle = {
  getSource(id: string): unknown;
  querySourceFeatures(id: string): { properties: Record<string, unknown> }[];
  queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[];
  getCenter(): { lng: number; lat: number };
  jumpTo(o: object): void;
};

async function apiLayers(page: Page) {
  return page.evaluate(async () => {
    const res = await fetch('./api/listLayers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return ((await res.json()) as { result: { id: string; kind: string; featureCount: number; unlocated?: number }[] }).result;
  });
}

test.describe('zone data on the map', () => {
  test('every reference layer is listed with its count and drawn', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    await page.waitForFunction(() => !!(window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getSource('airports'));
    await app.settle();
    const layers = (await apiLayers(page)).filter((l) => l.kind === 'reference');
    expect(layers.map((l) => l.id)).toEqual(expect.arrayContaining(['parks', 'airports', 'rail-lines', 'rail-stations', 'bonded-zones']));
    for (const layer of layers) {
      await expect(page.locator(`.layer-row[data-layer-id="${layer.id}"]`)).toHaveAttribute('data-count', String(layer.featureCount));
      const located = layer.featureCount - (layer.unlocated ?? 0);
      if (located === 0) continue;
      const drawn = await page.evaluate(
        (id) => !!(window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getSource(id),
        layer.id,
      );
      expect(drawn, layer.id).toBe(true);
    }
    // The airports in the zone are on screen at the opening view.
    const airports = await page.evaluate(() =>
      (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap
        .queryRenderedFeatures({ layers: ['airports-icon'] })
        .map((f) => f.properties['iata']),
    );
    expect(airports).toEqual(expect.arrayContaining(['HNY', 'LLF', 'HJJ', 'WGN', 'HCZ', 'DXJ']));
    await page.screenshot({ path: join(RESULTS, 'layers-zh.png') });
  });

  test('a layer switch redraws the map once, with the layer gone, instead of once per re-laid-out tile', async ({ page, appServer }) => {
    // Count the animation frames that draw anything (issue 19: each costs ~200 ms with software WebGL).
    await page.addInitScript(() => {
      const w = window as unknown as { __drawFrames: number };
      w.__drawFrames = 0;
      let counted = -1;
      let frame = 0;
      const tick = () => {
        frame++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      for (const proto of [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype])
        for (const name of ['drawElements', 'drawArrays'] as const) {
          const original = proto[name] as (...args: unknown[]) => void;
          (proto as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
            if (counted !== frame) {
              counted = frame;
              w.__drawFrames++;
            }
            return original.apply(this, args);
          };
        }
    });
    const app = new MapPage(page);
    await app.open(appServer.url);
    await app.settle();
    const map = page.locator('.map');
    const before = {
      frames: await page.evaluate(() => (window as unknown as { __drawFrames: number }).__drawFrames),
      relaidOut: Number((await map.getAttribute('data-map-relaid-out')) ?? '0'),
    };
    const parks = () =>
      page.evaluate(
        () =>
          (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.queryRenderedFeatures({
            layers: ['parks-point', 'parks-cluster'],
          }).length,
      );
    expect(await parks()).toBeGreaterThan(0);
    await page.locator('.layer-row[data-layer-id="parks"] input[type="checkbox"]').first().uncheck();
    await expect(map).toHaveAttribute('data-map-relaid-out', String(before.relaidOut + 1));
    await app.settle();
    expect(await parks()).toBe(0);
    const frames = (await page.evaluate(() => (window as unknown as { __drawFrames: number }).__drawFrames)) - before.frames;
    // One frame for the new picture; MapLibre may draw one more for the click that ends a gesture.
    expect(frames).toBeGreaterThan(0);
    expect(frames).toBeLessThanOrEqual(2);
    await page.screenshot({ path: join(RESULTS, 'layers-parks-off-zh.png') });
  });

  test('a click opens an info card with source, date and precision', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    await page.waitForFunction(() => !!(window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getSource('airports'));
    await page.evaluate(() =>
      (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.jumpTo({ center: [112.617, 26.723], zoom: 9 }),
    );
    await app.settle();
    await app.clickAt([112.617072, 26.72321]);
    const card = page.getByTestId('info-card');
    await expect(card).toHaveAttribute('data-feature-id', 'airport-hny');
    await expect(card).toContainText('衡阳南岳机场');
    await expect(card).toContainText('来源');
    await expect(card).toContainText('数据时点');
    await expect(card).toContainText('位置精度');
    await page.screenshot({ path: join(RESULTS, 'info-card-zh.png') });
    await card.getByRole('button').click();
    await expect(card).toBeHidden();
  });

  test('sub-kind switches hide national parks and bring them back', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    await page.waitForFunction(() => !!(window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getSource('parks'));
    const nationalIn = async () =>
      page.evaluate(() => {
        const source = (
          window as unknown as {
            __siteselectMap: { getSource(id: string): { serialize(): { data: { features: { properties: Record<string, unknown> }[] } } } };
          }
        ).__siteselectMap.getSource('parks');
        return source.serialize().data.features.filter((f) => f.properties['level'] === 'national').length;
      });
    expect(await nationalIn()).toBeGreaterThan(0);
    const toggle = page.locator('.layer-row[data-layer-id="parks"] [data-subkind="national"] input');
    await toggle.uncheck();
    await expect.poll(nationalIn).toBe(0);
    await toggle.check();
    await expect.poll(nationalIn).toBeGreaterThan(0);
  });

  test('search finds places by pinyin and English and flies there', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    const input = page.getByTestId('search-input');
    await input.fill('hengnan');
    await expect(page.getByTestId('search-results').getByRole('option').first()).toContainText('衡南县');
    await page.screenshot({ path: join(RESULTS, 'search-zh.png') });
    await input.press('Enter');
    await expect
      .poll(async () => page.evaluate(() => (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getCenter()), {
        timeout: 10_000,
      })
      .toMatchObject({ lng: expect.closeTo(112.68, 0), lat: expect.closeTo(26.74, 0) });

    await input.fill('Zhijiang Airport');
    await expect(page.getByTestId('search-results').getByRole('option').first()).toContainText('怀化芷江机场');
    await input.press('Enter');
    await expect
      .poll(
        async () => (await page.evaluate(() => (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getCenter())).lng,
        { timeout: 10_000 },
      )
      .toBeLessThan(110);
  });

  test('everything reads in English too', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    await app.languageSwitch().click();
    await expect(page.locator('.layer-row[data-layer-id="parks"]')).toContainText('Industrial parks');
    await app.settle();
    await page.screenshot({ path: join(RESULTS, 'layers-en.png') });
    await app.languageSwitch().click();
  });
});
