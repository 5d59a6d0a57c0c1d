import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, RESULTS, startWebEdition, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';
import { ScoringPanel } from './scoring-panel.ts';

interface ParkPoint {
  id: string;
  precision: string;
  coordinates: [number, number];
  correction: { source: string; note: string } | null;
}
interface MapHandle {
  getSource(
    id: string,
  ): { serialize(): { data: { features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] } } } | undefined;
  jumpTo(o: { center: [number, number]; zoom: number }): void;
}

/** A catalogue park the catalogue geocode could not place, so it stands on its county seat (辰溪县). */
const PARK = 'park-huaihua-chenxi';
const SEAT: [number, number] = [110.179108, 28.009622];
/** Test input: a position inside 辰溪县 typed by the "park manager" (not a claim about the park). */
const TYPED: [number, number] = [110.2, 28.03];

async function parkOnMap(page: Page, id: string): Promise<ParkPoint | null> {
  return page.evaluate((parkId) => {
    const source = (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getSource('parks');
    const f = source?.serialize().data.features.find((x) => x.properties['id'] === parkId);
    if (!f) return null;
    const c = f.properties['correction'];
    return {
      id: parkId,
      precision: String(f.properties['precision']),
      coordinates: f.geometry.coordinates as [number, number],
      correction: (typeof c === 'string' ? JSON.parse(c) : (c ?? null)) as ParkPoint['correction'],
    };
  }, id);
}

async function openParkCard(page: Page, app: MapPage, at: [number, number]) {
  await page.waitForFunction(() => !!(window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getSource('parks'));
  await page.evaluate((center) => (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.jumpTo({ center, zoom: 11 }), at);
  await app.settle();
  await app.clickAt(at);
  const card = page.getByTestId('info-card');
  await expect(card).toHaveAttribute('data-feature-id', PARK);
  return card;
}

test.describe('park positions', () => {
  test('approximate parks are told apart from exact ones on the map, in the card and in the ranking', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    await page.waitForFunction(() => !!(window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getSource('parks'));
    // 怀化: exact parks (鹤城区) and approximate ones on their county seats in one view.
    await page.evaluate(() =>
      (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.jumpTo({ center: [110.0, 27.6], zoom: 8.2 }),
    );
    await app.settle();
    const kinds = await page.evaluate(() =>
      (
        window as unknown as {
          __siteselectMap: { queryRenderedFeatures(o: { layers: string[] }): { properties: Record<string, unknown> }[] };
        }
      ).__siteselectMap
        .queryRenderedFeatures({ layers: ['parks-point'] })
        .map((f) => String(f.properties['precision'])),
    );
    expect(kinds).toContain('approximate');
    expect(kinds).toContain('exact');
    await page.screenshot({ path: join(RESULTS, 'parks-approximate-zh.png') });

    const card = await openParkCard(page, app, SEAT);
    await expect(card).toContainText('≈ 位置为县城代位');
    await card
      .getByRole('button', { name: /关闭|×/ })
      .first()
      .click();

    const scoring = new ScoringPanel(page);
    await scoring.open();
    await scoring.choosePreset('equipment');
    await scoring.rank();
    await expect(scoring.rankedRows().first()).toHaveAttribute('data-rank', '1');
    const row = page.locator(`tr[data-candidate="${PARK}"]`);
    await expect(row).toContainText('≈ 县城');
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'ranking-approximate-zh.png') });
  });

  test('a correction made in the browser survives a reload and travels in a project file', async ({ page, browser, appServer }) => {
    test.setTimeout(180_000);
    const app = new MapPage(page);
    await app.open(appServer.url);
    expect(await parkOnMap(page, PARK)).toMatchObject({ precision: 'approximate', coordinates: SEAT, correction: null });

    const card = await openParkCard(page, app, SEAT);
    await card.getByTestId('correction-open').click();
    await card.getByTestId('correction-lng').fill(String(TYPED[0]));
    await card.getByTestId('correction-lat').fill(String(TYPED[1]));
    await card.getByTestId('correction-crs').selectOption('wgs84');
    await card.getByTestId('correction-note').fill('园区管委会核实');
    await card.getByTestId('correction-save').click();
    await expect(card.getByTestId('correction-status')).toContainText('位置已更正（用户');
    await expect.poll(() => parkOnMap(page, PARK)).toMatchObject({ precision: 'exact', coordinates: TYPED });
    await page.screenshot({ path: join(RESULTS, 'park-corrected-zh.png') });

    // A refusal names the problem and changes nothing.
    await card.getByTestId('correction-open').click();
    await card.getByTestId('correction-lng').fill('200');
    await card.getByTestId('correction-save').click();
    await expect(card.getByTestId('correction-error')).toContainText('longitude 200');
    await expect.poll(() => parkOnMap(page, PARK)).toMatchObject({ coordinates: TYPED });

    // Survives a reload.
    await page.reload();
    await app.waitForIdle();
    await expect
      .poll(() => parkOnMap(page, PARK))
      .toMatchObject({ precision: 'exact', coordinates: TYPED, correction: { source: 'user' } });

    // Travels in a project file to a colleague's fresh installation.
    // The ranking now measures from the corrected position: no "≈ 县城" for this park.
    const scoring = new ScoringPanel(page);
    await scoring.open();
    await scoring.choosePreset('equipment');
    await scoring.rank();
    await expect(scoring.rankedRows().first()).toHaveAttribute('data-rank', '1');
    await expect(page.locator(`tr[data-candidate="${PARK}"]`)).toBeVisible();
    await expect(page.locator(`tr[data-candidate="${PARK}"]`).getByTestId('approx-tag')).toHaveCount(0);
    const file = await scoring.saveProject();
    const projectPath = join(mkdtempSync(join(tmpdir(), 'siteselect-project-')), file.suggestedFilename());
    await file.saveAs(projectPath);
    const dataDir = mkdtempSync(join(tmpdir(), 'siteselect-colleague-'));
    const colleague = await startWebEdition(dataDir);
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      const theirs = new MapPage(other);
      await theirs.open(colleague.url);
      await other.waitForFunction(() => !!(window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getSource('parks'));
      expect(await parkOnMap(other, PARK)).toMatchObject({ precision: 'approximate', coordinates: SEAT });
      const theirScoring = new ScoringPanel(other);
      await theirScoring.open();
      await theirScoring.openProject(projectPath);
      await expect(theirScoring.scenarioMessage()).toContainText('已并入项目文件');
      await expect
        .poll(() => parkOnMap(other, PARK))
        .toMatchObject({ precision: 'exact', coordinates: TYPED, correction: { source: 'user', note: '园区管委会核实' } });
    } finally {
      await other.close();
      colleague.child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }

    // Undo brings back the county seat, marked approximate.
    await scoring.toggle().click();
    const again = await openParkCard(page, app, TYPED);
    await again.getByTestId('correction-reset').click();
    await expect.poll(() => parkOnMap(page, PARK)).toMatchObject({ precision: 'approximate', coordinates: SEAT, correction: null });
  });

  test('a card that cannot be drawn fails alone: the message offers retry and close, and the map keeps working', async ({
    page,
    appServer,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A damaged answer for the parks layer: a correction record without its fields.
    await page.route('**/api/getLayer', async (route) => {
      const body = route.request().postDataJSON() as { id?: string } | null;
      const response = await route.fetch();
      const json = (await response.json()) as { ok: boolean; result: { features: { properties: Record<string, unknown> }[] } };
      if (body?.id === 'parks') for (const f of json.result.features) f.properties['correction'] = { source: 'user' };
      await route.fulfill({ response, json });
    });
    const app = new MapPage(page);
    await app.open(appServer.url);
    await page.waitForFunction(() => !!(window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getSource('parks'));
    await page.evaluate(
      (center) => (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.jumpTo({ center, zoom: 11 }),
      SEAT,
    );
    await app.settle();
    await app.clickAt(SEAT);
    const guard = page.locator('[data-guard="info-card"]');
    await expect(guard).toContainText('这一部分未能显示');
    await page.screenshot({ path: join(RESULTS, 'guard-info-card-zh.png') });
    // The rest of the app still answers: search, and the language switch.
    await page.getByTestId('search-input').fill('hengnan');
    await expect(page.getByTestId('search-results').getByRole('option').first()).toContainText('衡南县');
    await guard.getByRole('button', { name: '关闭' }).click();
    await expect(guard).toHaveCount(0);
    await app.languageSwitch().click();
    await expect(page.getByTestId('language-switch')).toContainText('中文');
    expect(errors).toEqual([]);
  });
});
