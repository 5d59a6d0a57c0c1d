/**
 * Issue 18 on screen: About → 方法自检 with expected and computed numbers; the ranking's rank
 * range (5–95 %) column with its seed and sample count, and the map coloured and labelled by it;
 * the combined gap analysis per industry beside "what would move us up"; the report's stamp.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, RESULTS, ROOT, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';
import { ReportPage } from './report-page.ts';
import { ScoringPanel } from './scoring-panel.ts';

/** `siteselect verify FILE --json` on the server's own data folder. */
function verifyFile(
  file: string,
  dataDir: string,
): { status: number | null; result: { ok: boolean; compared: number; causes: unknown[] } } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'siteselect.mjs'), 'verify', file, '--data-dir', dataDir, '--json'], {
    encoding: 'utf8',
  });
  if (r.stderr) throw new Error(r.stderr);
  return { status: r.status, result: JSON.parse(r.stdout) as { ok: boolean; compared: number; causes: unknown[] } };
}

test.describe('rankings that carry their uncertainty and can be checked', () => {
  test('the method self-test runs the shipped examples and shows pass/fail with expected and computed numbers', async ({
    page,
    appServer,
  }) => {
    test.setTimeout(90_000);
    const app = new MapPage(page);
    await app.open(appServer.url);
    await page.getByRole('button', { name: '关于与数据来源' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('self-test-open').click();
    await dialog.getByTestId('self-test-run').click();
    const verdict = dialog.getByTestId('self-test-verdict');
    await expect(verdict).toHaveAttribute('data-pass', 'true', { timeout: 30_000 });
    await expect(verdict).toContainText('全部通过');
    const table = dialog.getByTestId('self-test-table');
    for (const method of ['AHP', 'TOPSIS', 'OWA', 'PROMETHEE', 'VIKOR', 'ELECTRE']) await expect(table).toContainText(method);
    // Tzeng & Huang's TOPSIS closeness of A1: published 0.5037, computed 0.50372 (to 8 digits), tolerance 0.00005.
    await expect(table).toContainText('0.5037');
    await expect(table).toContainText('0.50371966');
    expect(await table.locator('tr').count()).toBeGreaterThan(20);
    await page.screenshot({ path: join(RESULTS, 'self-test-zh.png') });
  });

  test('the ranking shows each candidate’s rank range with its seed and sample count, and the map shows it', async ({
    page,
    appServer,
  }) => {
    test.setTimeout(180_000);
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    await scoring.openAndRank(app, appServer.url, 'equipment');
    await expect(scoring.rankedRows().first()).toHaveAttribute('data-rank', '1');
    const section = page.getByTestId('uncertainty');
    await section.getByTestId('uncertainty-samples').fill('2000');
    await section.getByTestId('uncertainty-seed').fill('7');
    await section.getByTestId('uncertainty-run').click();
    const summary = section.getByTestId('uncertainty-summary');
    await expect(summary).toHaveAttribute('data-seed', '7', { timeout: 90_000 });
    await expect(summary).toHaveAttribute('data-samples', '2000');
    await expect(summary).toContainText('种子 7');
    await expect(scoring.table().getByTestId('rank-range-header')).toBeVisible();
    const first = scoring.rankedRows().first().getByTestId('rank-range');
    await expect(first).toHaveText(/^\d+–\d+$/);
    const [lo, hi] = ((await first.textContent()) ?? '').split('–').map(Number);
    expect(lo).toBeGreaterThanOrEqual(1);
    expect(hi).toBeGreaterThanOrEqual(lo as number);
    await section.getByTestId('uncertainty-map').check();
    await app.settle();
    // The map's rank labels become the ranges.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const map = (
            window as unknown as { __siteselectMap: { queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[] } }
          ).__siteselectMap;
          return map.queryRenderedFeatures({ layers: ['ranking-rank'] }).filter((f) => /^\d+–\d+$/.test(String(f.properties['range'])))
            .length;
        }),
      )
      .toBeGreaterThan(10);
    await page.screenshot({ path: join(RESULTS, 'rank-range-zh.png') });
    // The panel closed, the map keeps the rank-range colouring and labels.
    await page.getByRole('button', { name: '关闭评分面板' }).click();
    await app.settle();
    await page.screenshot({ path: join(RESULTS, 'rank-range-map-zh.png') });
  });

  test('the combined gap analysis per industry sits beside “what would move us up”', async ({ page, appServer }) => {
    test.setTimeout(180_000);
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    await scoring.openAndRank(app, appServer.url, 'equipment');
    await expect(scoring.rankedRows().first()).toHaveAttribute('data-rank', '1');
    const ranked = await scoring.rankedIds();
    const [own, rival] = [ranked[7], ranked[0]] as string[];
    await scoring.pickForComparison(own as string);
    await scoring.pickForComparison(rival as string);
    await scoring.openComparison();
    await scoring.chooseOwnPark(own as string);
    await expect(scoring.moveUp()).toContainText('第 8 名');
    const gap = page.getByTestId('gap-analysis');
    await gap.getByTestId('gap-run').click();
    await expect(gap.getByTestId('gap-table').locator('tbody tr')).toHaveCount(10, { timeout: 60_000 });
    await gap.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'gap-analysis-zh.png') });
  });

  test('the printed report shows its stamp, and its scenario and the Excel file verify with siteselect verify', async ({
    page,
    appServer,
  }) => {
    test.setTimeout(180_000);
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    const reports = new ReportPage(page);
    await app.open(appServer.url);
    await scoring.open();
    await scoring.choosePreset('equipment');
    await scoring.rank();
    await expect(scoring.rankedRows().first()).toHaveAttribute('data-rank', '1');
    const xlsx = await reports.exportExcel();
    await reports.open();
    const stamp = reports.report().getByTestId('report-stamp');
    await expect(stamp).toContainText(/输入指纹 [0-9a-f]{4}·[0-9a-f]{4}·[0-9a-f]{4}/);
    await expect(stamp).toContainText('siteselect verify');
    const download = page.waitForEvent('download');
    await reports.report().getByTestId('report-save-seal').click();
    const seal = await (await download).path();
    await stamp.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'report-stamp-zh.png') });
    const fromPage = verifyFile(seal, appServer.dataDir);
    expect(fromPage.result).toMatchObject({ ok: true, causes: [] });
    expect(fromPage.result.compared).toBeGreaterThan(100);
    expect(fromPage.status).toBe(0);
    const fromExcel = verifyFile(xlsx, appServer.dataDir);
    expect(fromExcel.result).toMatchObject({ ok: true, causes: [] });
    expect(fromExcel.status).toBe(0);
  });
});
