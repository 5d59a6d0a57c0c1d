import { join } from 'node:path';
import { expect, RESULTS, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';

test.describe('scoring and ranking', () => {
  test('an electronics exporter gets a ranking it can read and argue with', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    await page.getByTestId('scoring-toggle').click();
    await page.getByTestId('profile-preset').selectOption('next-gen-it');
    await page.getByTestId('profile-subline').selectOption('next-gen-it.smart-terminals');
    await page.getByTestId('run-ranking').click();
    const table = page.getByTestId('ranking-table');
    await expect(table.locator('tbody tr').first()).toHaveAttribute('data-rank', '1');
    await expect(page.getByTestId('weights-total')).toContainText('100.0%');

    // The explanation lists every criterion; contributions add up to the total shown.
    const explanation = page.getByTestId('explanation');
    await expect(explanation.locator('tr[data-criterion]')).toHaveCount(14);
    const sum = await explanation
      .locator('td.contribution')
      .evaluateAll((cells) => cells.reduce((s, c) => s + (Number((c.textContent ?? '').trim()) || 0), 0));
    // Columns: compare, rank, site, score.
    const total = Number(((await table.locator('tbody tr').first().locator('td').nth(3).textContent()) ?? '').trim());
    expect(Math.abs(sum - total)).toBeLessThan(0.2);

    // Sensitivity: ranges and the Monte-Carlo chart.
    await expect(page.getByTestId('sensitivity')).toBeVisible();
    await expect(page.getByTestId('stability-chart').locator('canvas')).toHaveCount(1);
    await page.screenshot({ path: join(RESULTS, 'scoring-zh.png') });
    await page.locator('.scoring-results').evaluate((e) => (e.scrollTop = e.scrollHeight));
    await page.screenshot({ path: join(RESULTS, 'scoring-sensitivity-zh.png') });

    // Sort by score descending, then by name.
    await table.getByRole('button', { name: /得分/ }).click();
    await expect(table.locator('th[aria-sort="ascending"], th[aria-sort="descending"]')).toHaveCount(1);

    // Moving a weight keeps the total at 100 %.
    await page.getByTestId('weight-labour').fill('40');
    await expect(page.getByTestId('weights-total')).toContainText('100.0%');

    // The whole panel reads in English too.
    await app.languageSwitch().click();
    await expect(page.getByTestId('scoring-panel')).toContainText('Rank sites for a relocating enterprise');
    await page.locator('.scoring-results').evaluate((e) => (e.scrollTop = 0));
    await page.screenshot({ path: join(RESULTS, 'scoring-en.png') });
    await app.languageSwitch().click();
  });

  test('hard limits exclude sites with the reason, and the plan’s pollution ban is applied and cited', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    await page.getByTestId('scoring-toggle').click();
    await page.getByTestId('profile-preset').selectOption('equipment');
    await page.getByTestId('limit-interchange').fill('20');
    await page.getByTestId('run-ranking').click();
    const excluded = page.locator('[data-testid=ranking-table] tbody tr.excluded').first();
    await expect(excluded).toBeVisible();
    await excluded.click();
    await expect(page.getByTestId('exclusion').first()).toContainText('超过限值 20 分钟');

    await page.getByTestId('profile-pollution').selectOption('high');
    await page.getByTestId('run-ranking').click();
    await expect(page.getByTestId('profile-flag')).toContainText('严禁转入高耗能、高排放、高污染的落后产能');
    await expect(page.getByTestId('profile-flag')).toContainText('湘政发〔2020〕4号');
  });

  test('AHP shows its consistency; a site placed on the map joins the ranking', async ({ page, appServer }) => {
    const app = new MapPage(page);
    await app.open(appServer.url);
    await page.getByTestId('scoring-toggle').click();
    await page.getByTestId('profile-preset').selectOption('light-textiles');
    await page.getByTestId('scoring-method').selectOption('ahp');
    await page.getByTestId('ahp-industry-match-t-interchange').selectOption('3');
    await page.getByTestId('ahp-industry-match-t-gba').selectOption('5');
    await page.getByTestId('run-ranking').click();
    await expect(page.getByTestId('ahp-consistency')).toContainText('CR =');

    // A deliberately circular set of judgements: CR above 0.10, a warning and the worst pair.
    await page.getByTestId('ahp-industry-match-t-interchange').selectOption('9');
    await page.getByTestId('ahp-t-interchange-t-gba').selectOption('9');
    await page.getByTestId('ahp-industry-match-t-gba').selectOption('1/9');
    await page.getByTestId('run-ranking').click();
    await expect(page.getByTestId('ahp-worst-pair')).toBeVisible();
    await expect(page.getByTestId('ahp-consistency')).toContainText('CR 大于 0.10');

    await page.getByTestId('site-name').fill('测试地块');
    await page.getByTestId('add-site').click();
    // The panel steps aside while a site is being placed.
    await expect(page.getByTestId('placing-banner')).toBeVisible();
    const box = await app.canvas().boundingBox();
    const at = await page.evaluate(() =>
      (window as unknown as { __siteselectMap: { project(p: [number, number]): { x: number; y: number } } }).__siteselectMap.project([
        111.45, 26.55,
      ]),
    );
    await page.mouse.click((box?.x ?? 0) + at.x, (box?.y ?? 0) + at.y);
    await expect(page.locator('[data-testid=ranking-table] tbody tr', { hasText: '测试地块' })).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: join(RESULTS, 'scoring-ahp-site-zh.png') });
  });
});
