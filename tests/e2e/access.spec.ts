import { join } from 'node:path';
import { expect, RESULTS, test } from './fixtures.ts';
import { MapPage, styleErrors } from './map-page.ts';

type MapHandle = {
  getSource(id: string): { serialize(): { data: { features: { properties: { minutes: number } }[] } } } | undefined;
  getLayer(id: string): unknown;
};

/** A spot in 邵阳 away from any drawn feature, so a click there opens the access card for it. */
const EMPTY_SPOT: [number, number] = [111.45, 26.55];

test.describe('accessibility', () => {
  test('a click shows travel times, catchment and isochrones', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    await app.settle();
    await app.clickAt(EMPTY_SPOT);
    const card = page.getByTestId('access-card');
    await expect(card.getByTestId('access-catchment')).toBeVisible({ timeout: 20_000 });
    // The clicked point is marked where it was clicked (a DOM marker: no new map layer to draw).
    const marker = page.locator('.map .access-origin');
    await expect(marker).toHaveCount(1);
    const box = (await marker.boundingBox())!;
    const canvas = (await app.canvas().boundingBox())!;
    const at = await page.evaluate(
      (p) =>
        (window as unknown as { __siteselectMap: { project(p: [number, number]): { x: number; y: number } } }).__siteselectMap.project(p),
      EMPTY_SPOT,
    );
    expect(Math.abs(box.x + box.width / 2 - (canvas.x + at.x))).toBeLessThan(2);
    expect(Math.abs(box.y + box.height / 2 - (canvas.y + at.y))).toBeLessThan(2);
    const interchange = Number(await card.getByTestId('access-interchange').getAttribute('data-minutes'));
    const guangzhou = Number(await card.getByTestId('access-market-guangzhou').getAttribute('data-minutes'));
    expect(interchange).toBeGreaterThan(0);
    expect(guangzhou).toBeGreaterThan(interchange);
    await expect(card.getByTestId('access-airport')).toContainText('机场');
    await expect(card.getByTestId('access-bonded-zone')).toContainText('综合保税区');
    // The only located logistics hub is 怀化's, at the 怀化西 yard.
    await expect(card.getByTestId('access-logistics-hub')).toContainText('怀化商贸服务型国家物流枢纽');

    await card.getByTestId('draw-isochrones').click();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap
              .getSource('access-isochrones')
              ?.serialize()
              .data.features.map((f) => f.properties.minutes) ?? [],
        ),
      )
      .toEqual([120, 90, 60, 30]);
    await app.settle();
    await page.screenshot({ path: join(RESULTS, 'isochrones-zh.png') });
    // The overlays are added unvalidated (overlays.ts): the style they make must pass the validator.
    expect(await styleErrors(page)).toEqual([]);
    await card.locator('header button').click();
    await expect(marker).toHaveCount(0);
  });

  test('a zone-wide surface runs off the UI thread with progress, can be cancelled, and draws with a legend', async ({
    page,
    appServer,
  }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    // A fine grid (about half a million cells) takes long enough to cancel by hand.
    await page.getByTestId('surface-choice').selectOption('class:interchange');
    await page.getByTestId('surface-cell').selectOption('0.5');
    await page.getByTestId('surface-run').click();
    await expect(page.getByTestId('surface-progress')).toBeVisible();
    await page.getByTestId('surface-cancel').click();
    await expect(page.getByTestId('surface-progress')).toBeHidden();
    await expect(page.getByText('已取消')).toBeVisible();
    await page.getByTestId('surface-choice').selectOption('market:shenzhen');
    await page.getByTestId('surface-cell').selectOption('1');
    await page.getByTestId('surface-run').click();
    const legend = page.getByTestId('surface-legend');
    await expect(legend).toBeVisible({ timeout: 60_000 });
    await expect(legend).toContainText('深圳');
    // The surface names the network its minutes come from (the shipped schematic one here).
    await expect(page.getByTestId('surface-network')).toHaveAttribute('data-network-kind', 'schematic');
    await expect(page.getByTestId('surface-network')).toContainText('示意路网');
    expect(Number(await legend.getAttribute('data-max'))).toBeGreaterThan(120);
    expect(
      await page.evaluate(() => !!(window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getLayer('access-surface')),
    ).toBe(true);
    await app.settle();
    await page.screenshot({ path: join(RESULTS, 'surface-shenzhen-zh.png') });
    // The overlays are added unvalidated (overlays.ts): the style they make must pass the validator.
    expect(await styleErrors(page)).toEqual([]);
    // The assumptions behind the numbers are one click away.
    await page.getByTestId('assumptions').locator('summary').click();
    await expect(page.getByTestId('assumptions')).toContainText('绕行系数');
  });

  test('a click on empty ground paints no map frame of its own; a hover and a pan do', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    await app.settle();
    const map = page.locator('.map');
    const painted = async () => Number((await map.getAttribute('data-map-painted')) ?? '0');
    // The pointer comes to the spot first (its county is highlighted then), and the first view has been painted.
    await expect.poll(painted).toBeGreaterThan(0);
    const canvas = (await app.canvas().boundingBox())!;
    const spot = await page.evaluate(
      (p) =>
        (window as unknown as { __siteselectMap: { project(p: [number, number]): { x: number; y: number } } }).__siteselectMap.project(p),
      EMPTY_SPOT,
    );
    await page.mouse.move(canvas.x + spot.x, canvas.y + spot.y);
    await page.waitForTimeout(500);
    const before = await painted();
    // The click: MapLibre's handlers ask for a pass, but nothing drawn changed (the marker is a DOM element).
    await page.mouse.down();
    await page.mouse.up();
    const card = page.getByTestId('access-card');
    await expect(card.getByTestId('access-catchment')).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(500);
    expect(await painted()).toBe(before);
    // Another county under the pointer is highlighted (feature state): painted.
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.mouse.move(canvas.x + canvas.width / 2 + 40, canvas.y + canvas.height / 2 + 30);
    await expect.poll(painted).toBeGreaterThan(before);
    // The camera moved: painted again, and the map shows the new place.
    const hovered = await painted();
    await page.evaluate(() =>
      (window as unknown as { __siteselectMap: { panBy(p: [number, number]): void } }).__siteselectMap.panBy([120, 0]),
    );
    await expect.poll(painted).toBeGreaterThan(hovered);
    await app.settle();
    await page.screenshot({ path: join(RESULTS, 'map-after-click-and-pan-zh.png') });
  });

  test('the travel times show as soon as they are in; the population within reach follows', async ({ page, appServer }) => {
    // The catchment's answer is held until the times are on screen.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/catchment', async (route) => {
      await held;
      await route.continue();
    });
    const app = new MapPage(page);
    await app.open(appServer.url);
    await app.settle();
    await app.clickAt(EMPTY_SPOT);
    const card = page.getByTestId('access-card');
    await expect(card.getByTestId('access-interchange')).not.toHaveAttribute('data-minutes', '', { timeout: 20_000 });
    await expect(card.getByTestId('access-catchment-pending')).toContainText('正在计算可达人口');
    await expect(card.getByTestId('access-catchment')).toHaveCount(0);
    release();
    await expect(card.getByTestId('access-catchment')).toBeVisible({ timeout: 20_000 });
    await expect(card.getByTestId('access-catchment-pending')).toHaveCount(0);
  });

  test('a facility class with no known position shows as unknown, never a made-up time', async ({ page, appServer }) => {
    // Every class has a located facility in today's data, so the answer is edited on its way in.
    await page.route('**/api/travelTimes', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { result: { facilities: Record<string, unknown> } };
      body.result.facilities['port'] = null;
      await route.fulfill({ response, json: body });
    });
    const app = new MapPage(page);
    await app.open(appServer.url);
    await app.settle();
    await app.clickAt(EMPTY_SPOT);
    const card = page.getByTestId('access-card');
    await expect(card.getByTestId('access-port')).toContainText('暂无已知位置', { timeout: 20_000 });
    await expect(card.getByTestId('access-port')).toHaveAttribute('data-minutes', '');
  });
});
