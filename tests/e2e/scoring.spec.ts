import { join } from 'node:path';
import { expect, RESULTS, test } from './fixtures.ts';
import { MapPage, styleErrors } from './map-page.ts';
import { ScoringPanel } from './scoring-panel.ts';

test.describe('scoring and ranking', () => {
  test('an electronics exporter gets a ranking it can read and argue with', async ({ page, appServer }) => {
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    await app.open(appServer.url);
    await scoring.open();
    await scoring.choosePreset('next-gen-it');
    await scoring.chooseSubline('next-gen-it.smart-terminals');
    await scoring.rank();
    const table = scoring.table();
    await expect(scoring.rows().first()).toHaveAttribute('data-rank', '1');
    await expect(scoring.weightsTotal()).toContainText('100.0%');

    // The explanation lists every criterion; contributions add up to the total shown.
    const explanation = scoring.explanation();
    await expect(explanation.locator('tr[data-criterion]')).toHaveCount(14);
    const sum = await explanation
      .locator('td.contribution')
      .evaluateAll((cells) => cells.reduce((s, c) => s + (Number((c.textContent ?? '').trim()) || 0), 0));
    // Columns: compare, rank, site, score.
    const total = Number(((await scoring.rows().first().locator('td').nth(3).textContent()) ?? '').trim());
    expect(Math.abs(sum - total)).toBeLessThan(0.2);

    // Sensitivity: ranges and the Monte-Carlo chart.
    await expect(scoring.sensitivity()).toBeVisible();
    await expect(scoring.stabilityChart().locator('canvas')).toHaveCount(1);
    await page.screenshot({ path: join(RESULTS, 'scoring-zh.png') });
    await scoring.resultsPane().evaluate((e) => (e.scrollTop = e.scrollHeight));
    await page.screenshot({ path: join(RESULTS, 'scoring-sensitivity-zh.png') });

    // Sort by score descending, then by name.
    await table.getByRole('button', { name: /得分/ }).click();
    await expect(table.locator('th[aria-sort="ascending"], th[aria-sort="descending"]')).toHaveCount(1);

    // Moving a weight keeps the total at 100 %.
    await scoring.setWeight('labour', '40');
    await expect(scoring.weightsTotal()).toContainText('100.0%');

    // The whole panel reads in English too.
    await app.languageSwitch().click();
    await expect(scoring.panel()).toContainText('Rank sites for a relocating enterprise');
    await scoring.resultsPane().evaluate((e) => (e.scrollTop = 0));
    await page.screenshot({ path: join(RESULTS, 'scoring-en.png') });
    // The overlays are added unvalidated (overlays.ts): the style they make must pass the validator.
    expect(await styleErrors(page)).toEqual([]);
    await app.languageSwitch().click();
  });

  test('the ranked table comes first; its Monte-Carlo stability follows, and an earlier one is marked until then', async ({
    page,
    appServer,
  }) => {
    // Each call that asks for the stability (monteCarloSamples > 0) is held until the test lets it go.
    const held: (() => void)[] = [];
    const asked: number[] = [];
    await page.route('**/api/scoreSites', async (route) => {
      const samples = (route.request().postDataJSON() as { monteCarloSamples?: number }).monteCarloSamples ?? 0;
      asked.push(samples);
      if (samples > 0) await new Promise<void>((release) => held.push(release));
      await route.continue();
    });
    const scoring = new ScoringPanel(page);
    await scoring.openAndRank(new MapPage(page), appServer.url, 'equipment');
    // The table is there while the stability is still being asked for.
    await expect(page.getByTestId('stability-pending')).toContainText('正在计算');
    await expect(scoring.stabilityChart()).toHaveCount(0);
    await expect.poll(() => held.length).toBe(1);
    expect(asked).toEqual([0, 5000]);
    held.shift()?.();
    await expect(scoring.stabilityChart()).toHaveAttribute('data-pending', 'false');
    await expect(page.getByTestId('stability-pending')).toHaveCount(0);

    // Another ranking: the first one's chart stays, dimmed and marked, until this one's comes.
    await scoring.setWeight('labour', '40');
    await scoring.rank();
    await expect(scoring.stabilityChart()).toHaveAttribute('data-pending', 'true');
    await expect(scoring.stabilityChart()).toContainText('正在计算');
    await scoring.stabilityChart().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'scoring-stability-pending-zh.png') });
    await expect.poll(() => held.length).toBe(1);
    held.shift()?.();
    await expect(scoring.stabilityChart()).toHaveAttribute('data-pending', 'false');
    await expect(scoring.stabilityChart()).not.toContainText('正在计算');
  });

  test('a re-ranking paints the map once, with the candidates in their new colours', async ({ page, appServer }) => {
    // Issue 19: new GeoJSON data changes nothing drawn until its tiles are laid out again; painting
    // the old ones in between cost each re-ranking a second full frame.
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    await scoring.openAndRank(app, appServer.url, 'equipment');
    await scoring.rankAndWait();
    await app.settle();
    await page.waitForTimeout(300);
    const painted = () => page.locator('.map').getAttribute('data-map-painted').then(Number);
    const ranked = () =>
      page.evaluate(() => {
        const map = (
          window as unknown as { __siteselectMap: { queryRenderedFeatures(o: object): { properties: { id: string; total: number } }[] } }
        ).__siteselectMap;
        return Object.fromEntries(
          map.queryRenderedFeatures({ layers: ['ranking-circle'] }).map((f) => [f.properties.id, f.properties.total]),
        );
      });
    const before = await painted();
    const totals = await ranked();
    expect(Object.keys(totals).length).toBeGreaterThan(5);
    await scoring.setWeight('labour', '60');
    await scoring.rankAndWait();
    await app.settle();
    await page.waitForTimeout(300);
    const after = await ranked();
    expect(after).not.toEqual(totals);
    expect(Object.keys(after)).toEqual(expect.arrayContaining(Object.keys(totals)));
    expect((await painted()) - before).toBe(1);
  });

  test('hard limits exclude sites with the reason, and the plan’s pollution ban is applied and cited', async ({ page, appServer }) => {
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    await app.open(appServer.url);
    await scoring.open();
    await scoring.choosePreset('equipment');
    await scoring.limitInterchangeMinutes('20');
    await scoring.rank();
    const excluded = scoring.excludedRows().first();
    await expect(excluded).toBeVisible();
    await excluded.click();
    await expect(scoring.exclusions().first()).toContainText('超过限值 20 分钟');

    await scoring.choosePollution('high');
    await scoring.rank();
    await expect(scoring.profileFlag()).toContainText('严禁转入高耗能、高排放、高污染的落后产能');
    await expect(scoring.profileFlag()).toContainText('湘政发〔2020〕4号');
  });

  test('AHP shows its consistency; a site placed on the map joins the ranking', async ({ page, appServer }) => {
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    await app.open(appServer.url);
    await scoring.open();
    await scoring.choosePreset('light-textiles');
    await scoring.chooseMethod('ahp');
    await scoring.judge('industry-match', 't-interchange', '3');
    await scoring.judge('industry-match', 't-gba', '5');
    await scoring.rank();
    await expect(scoring.ahpConsistency()).toContainText('CR =');

    // A deliberately circular set of judgements: CR above 0.10, a warning and the worst pair.
    await scoring.judge('industry-match', 't-interchange', '9');
    await scoring.judge('t-interchange', 't-gba', '9');
    await scoring.judge('industry-match', 't-gba', '1/9');
    await scoring.rank();
    await expect(scoring.ahpWorstPair()).toBeVisible();
    await expect(scoring.ahpConsistency()).toContainText('CR 大于 0.10');

    await scoring.startPlacingSite('测试地块');
    // The panel steps aside while a site is being placed.
    await expect(scoring.placingBanner()).toBeVisible();
    await app.clickAt([111.45, 26.55]);
    await expect(scoring.row('测试地块')).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: join(RESULTS, 'scoring-ahp-site-zh.png') });
  });
});
