/**
 * Issue 16 in the window: the scenario-year slider re-ranks, the two-year comparison shows the
 * rank-change table and the time-saved map, and the OSM match review list accepts and undoes a
 * match of the Hengshan fixture (invented data at real positions). The server is shared by the
 * worker's specs: each test puts the year, the network and the decisions back as it found them.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, RESULTS, ROOT, test } from './fixtures.ts';
import { MapPage, styleErrors } from './map-page.ts';
import { pdfFacts } from './report-page.ts';
import { ScoringPanel } from './scoring-panel.ts';
import { YearsPage } from './years-page.ts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.describe('scenario years', () => {
  test('the year slider re-ranks: an early year leaves out parks the lines did not reach', async ({ page, appServer }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const app = new MapPage(page);
    await app.open(appServer.url);
    const years = new YearsPage(page);
    await expect(years.value()).toHaveAttribute('data-year', 'now');
    const scoring = new ScoringPanel(page);
    await scoring.open();
    await scoring.rankAndWait();
    const before = await scoring.rankedIds();

    // Keyboard: Home takes the slider to the year before the network's first opening.
    const done = Number(await scoring.panel().getAttribute('data-rankings'));
    await years.range().focus();
    await page.keyboard.press('Home');
    const min = await years.range().getAttribute('min');
    await expect(years.value()).toHaveAttribute('data-year', String(min));
    await expect(page.getByTestId('year-network-label')).toContainText(`情景年份 ${min}`);
    await expect(years.closed()).toContainText(/\d+ 条线路或道路尚未开通/);
    await years.slider().screenshot({ path: join(RESULTS, 'year-slider-zh.png') });
    // The ranking on screen is asked again in that year.
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="scoring-panel"]')?.getAttribute('data-rankings') ?? '0') > n,
      done,
      { timeout: 90_000 },
    );
    await expect(page.getByTestId('scoring-error')).toHaveCount(0);
    const early = await scoring.rankedIds();
    expect(early).not.toEqual(before);
    expect(early.length).toBeLessThan(before.length);

    await years.reset();
    await expect.poll(() => scoring.rankedIds(), { timeout: 90_000 }).toEqual(before);
    expect(errors).toEqual([]);
  });

  test('two years compared from the ranking: a rank-change table, the time saved on the map, a printable report', async ({
    page,
    appServer,
  }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    const scoring = new ScoringPanel(page);
    await scoring.open();
    await scoring.rankAndWait();
    await page.getByTestId('ranking-year-compare').click();
    const years = new YearsPage(page);
    await expect(years.compare()).toBeVisible();
    // Opened on 2025 against 2030; then 2010 against 2030: expressways opened between them.
    await expect(page.getByTestId('year-compare-label-a')).toContainText('情景年份 2025', { timeout: 90_000 });
    await expect(page.getByTestId('year-compare-label-b')).toContainText('情景年份 2030');
    const first = '2010';
    await years.compareYears(first, '2030');
    await expect(page.getByTestId('year-compare-label-a')).toContainText(`情景年份 ${first}`);
    await expect(years.rows().first()).toBeVisible();
    expect(await years.rows().count()).toBeGreaterThan(20);
    // Some candidate changes rank, and the table says by how much.
    const moved = years.rows().filter({ has: page.locator('td.rank-up, td.rank-down') });
    expect(await moved.count()).toBeGreaterThan(0);
    await expect(page.getByTestId('year-compare-summary')).toContainText(/个排名变化/);
    await expect(years.legend()).toBeVisible();
    expect(Number(await years.legend().getAttribute('data-cells'))).toBeGreaterThan(0);
    expect(Number(await years.legend().getAttribute('data-max'))).toBeGreaterThan(0);
    const drawn = await page.evaluate(() => {
      const map = (window as unknown as { __siteselectMap: { getLayer(id: string): unknown; querySourceFeatures(id: string): unknown[] } })
        .__siteselectMap;
      return { layer: map.getLayer('years-time-saved-fill') !== undefined, cells: map.querySourceFeatures('years-time-saved').length };
    });
    expect(drawn.layer).toBe(true);
    // The scoring panel steps aside so the map of the time saved shows beside the table.
    await scoring.toggle().click();
    await app.waitForIdle();
    await page.screenshot({ path: join(RESULTS, 'year-compare-zh.png') });
    // The overlays are added unvalidated (overlays.ts): the style they make must pass the validator.
    expect(await styleErrors(page)).toEqual([]);

    await page.getByTestId('year-compare-report').click();
    await expect(years.report()).toBeVisible();
    await expect(page.getByTestId('year-report-label-a')).toContainText(`情景年份 ${first}`);
    await expect(page.getByTestId('year-report-label-b')).toContainText('情景年份 2030');
    await expect(page.getByTestId('year-report-table').getByTestId('rank-change-row').first()).toBeVisible();
    await page.getByTestId('year-report-close').click();
    // In English, one click away; then back to Chinese, as the shared server's other specs expect.
    await app.languageSwitch().click();
    await expect(page.getByRole('heading', { name: 'What changes between two years or networks' })).toBeVisible();
    await expect(page.getByTestId('year-compare-label-b')).toContainText('scenario year 2030', { ignoreCase: true });
    await expect(page.getByTestId('year-compare-summary')).toContainText(/of \d+ candidates change rank/);
    await page.screenshot({ path: join(RESULTS, 'year-compare-en.png') });
    await app.languageSwitch().click();
    await expect(page.getByRole('heading', { name: '两个年份或路网的变化' })).toBeVisible();
    await page.getByRole('button', { name: '关闭比较' }).click();
    await expect(years.compare()).toHaveCount(0);
    // The comparison never touched the stored year.
    await expect(years.value()).toHaveAttribute('data-year', 'now');
  });

  test('the OSM match review list: accept a match (a correction citing OSM with the ODbL credit), undo it; schematic against the extract', async ({
    page,
    appServer,
  }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    const years = new YearsPage(page);
    await expect(years.matches().getByTestId('osm-matches-none').or(years.matches().getByTestId('osm-matches-summary'))).toBeVisible();
    const roads = page.getByTestId('road-network');
    await roads.getByTestId('road-file').setInputFiles(join(ROOT, 'tests/fixtures/osm/hengshan.osm'));
    await expect(roads.getByTestId('road-message')).toContainText('已导入 hengshan.osm', { timeout: 60_000 });
    try {
      await expect(years.match('pending').first()).toBeVisible({ timeout: 30_000 });
      const first = years.match('pending').first();
      const id = (await first.getAttribute('data-id')) as string;
      await expect(first.getByTestId('osm-match-score')).toContainText(/综合得分 \d+%/);
      await expect(first.getByTestId('osm-match-distance')).toContainText(/相距 [\d.,]+ (m|km)/);
      // Keyboard: the accept button takes Enter.
      await first.getByTestId('osm-match-accept').focus();
      await page.keyboard.press('Enter');
      const accepted = years.matches().locator(`[data-testid="osm-match"][data-id="${id}"][data-status="accepted"]`);
      await expect(accepted).toBeVisible();
      await expect(accepted.getByTestId('osm-match-correction')).toContainText('OpenStreetMap');
      await expect(accepted.getByTestId('osm-match-correction')).toContainText('ODbL');
      await years.matches().scrollIntoViewIfNeeded();
      await years.matches().screenshot({ path: join(RESULTS, 'osm-matches-zh.png') });
      await accepted.getByTestId('osm-match-undo').click();
      await expect(years.matches().locator(`[data-testid="osm-match"][data-id="${id}"][data-status="pending"]`)).toBeVisible();
      await expect(years.match('accepted')).toHaveCount(0);

      // One park on the schematic network and on the extract, each figure naming its network.
      await page.getByTestId('year-compare-open').click();
      await page.getByTestId('year-compare-networks').click();
      await expect(page.getByTestId('year-compare-label-a')).toHaveAttribute('data-network-kind', 'schematic', { timeout: 90_000 });
      await expect(page.getByTestId('year-compare-label-b')).toHaveAttribute('data-network-kind', 'osm');
      await expect(page.getByTestId('year-compare-label-b')).toContainText('hengshan.osm');
      await page.getByTestId('year-compare-park').selectOption('park-hengyang-hengdong');
      await page.getByTestId('year-compare-report').click();
      await expect(page.getByTestId('year-report-label-a')).toContainText('示意路网');
      await expect(page.getByTestId('year-report-label-b')).toContainText('hengshan.osm');
      await expect(page.getByTestId('year-report-credit')).toContainText('ODbL');
      await expect(page.getByTestId('year-report-minutes').first()).toBeVisible();
      // Printed through the print stylesheet, as the other reports: both columns name their network on paper.
      const pdf = join(RESULTS, 'year-report-zh.pdf');
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      const text = pdfFacts(pdf, false).text.replace(/\s+/g, '');
      expect(text).toContain('两个路网的对照报告');
      expect(text).toContain('湖南衡东经济开发区');
      expect(text).toContain('路网：示意路网');
      expect(text).toMatch(/路网：OpenStreetMap[^·]*hengshan\.osm/);
      expect(text).toContain('ODbL');
      expect(text).not.toContain('OpenStreetMap 匹配审核');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(RESULTS, 'year-report-zh-page1')]);
      await page.getByTestId('year-report-close').click();
      await page.getByRole('button', { name: '关闭比较' }).click();
    } finally {
      // Leave the shared server as it was found: no decision kept, the schematic network active.
      const undo = years.matches().getByTestId('osm-match-undo');
      for (let n = await undo.count(); n > 0; n--) {
        await undo.first().click();
        await expect(undo).toHaveCount(n - 1);
      }
      await roads.getByTestId('network-schematic').click();
      await expect(roads.getByTestId('network-schematic')).toBeChecked();
    }
  });
});
