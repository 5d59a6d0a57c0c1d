import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, RESULTS, startWebEdition, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';

/** Ranks the equipment preset and returns the ranked ids, best first. */
async function rankEquipment(page: Page): Promise<string[]> {
  await page.getByTestId('scoring-toggle').click();
  await page.getByTestId('profile-preset').selectOption('equipment');
  await page.getByTestId('run-ranking').click();
  const rows = page.getByTestId('ranking-table').locator('tbody tr[data-rank]:not([data-rank=""])');
  await expect(rows.first()).toHaveAttribute('data-rank', '1');
  return rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-candidate') ?? ''));
}

/** The PDF's text and page count, through poppler (pdftotext, pdfinfo). */
function pdfFacts(file: string): { text: string; pages: number } {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { text, pages };
}

test.describe('comparison, scenarios and reports', () => {
  test('a park manager compares their park with three competitors, saves scenarios and exports a PDF and an Excel file', async ({
    page,
    appServer,
  }) => {
    test.setTimeout(180_000);
    const app = new MapPage(page);
    await app.open(appServer.url);
    const ranked = await rankEquipment(page);
    const [own, ...rivals] = [ranked[5], ranked[0], ranked[3], ranked[9]] as string[];
    for (const id of [own, ...rivals]) await page.getByTestId(`compare-pick-${id}`).check();
    await page.getByTestId('compare-open').click();
    const comparison = page.getByTestId('comparison');
    await page.getByTestId('compare-own').selectOption(own as string);
    // The own park ranks 6th: "what would move us up" names the 5th and the steps.
    await expect(page.getByTestId('move-up')).toContainText('第 6 名');
    await expect(page.getByTestId('move-up').locator('li').first()).toBeVisible();
    await expect(comparison.getByTestId('compare-table').locator('thead th[data-park]')).toHaveCount(4);
    await expect(comparison.getByTestId('preset-ranks').locator('tbody tr')).toHaveCount(10);
    await expect(comparison.getByTestId('compare-radar').locator('canvas')).toHaveCount(1);
    await page.screenshot({ path: join(RESULTS, 'compare-zh.png') });

    // Scenarios: save, duplicate, compare the two (same inputs: no rank changes).
    await page.getByTestId('scenario-name').fill('本园区对比');
    await page.getByTestId('scenario-notes').fill('装备制造画像');
    await page.getByTestId('scenario-save').click();
    await expect(page.getByTestId('scenario-message')).toContainText('已保存方案');
    await page.getByTestId('scenario-duplicate').click();
    await expect(page.getByTestId('scenario-list').locator('option')).toHaveCount(3);
    await page.getByTestId('scenario-list').selectOption({ label: '本园区对比 · 装备制造画像' });
    await page.getByTestId('scenario-other').selectOption({ label: '本园区对比 (2)' });
    await page.getByTestId('scenario-compare').click();
    await expect(page.getByTestId('scenario-diff').locator('tbody tr').first()).toContainText('=');

    // Excel, checked cell by cell against the ranking on screen.
    await page.getByTestId('compare-back').click();
    const firstName = await page.getByTestId('ranking-table').locator(`tr[data-candidate="${ranked[0]}"] button.link`).textContent();
    const download = page.waitForEvent('download');
    await page.getByTestId('report-xlsx').click();
    const xlsxPath = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['排名', '指标与原始值', '园区对比', '方法与假设', '数据来源']);
    const sheet = wb.getWorksheet('排名') as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(1).value).toBe('名次');
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(2).getCell(2).value).toBe(firstName);
    const compareSheet = wb.getWorksheet('园区对比') as ExcelJS.Worksheet;
    expect(compareSheet.getRow(2).getCell(3).value).toMatch(/^6 \/ \d+$/);

    // PDF: the report view printed by Chromium through the print stylesheet, then read back.
    await page.getByTestId('report-pdf').click();
    const report = page.getByTestId('report');
    await expect(report.getByTestId('report-ranking').locator('tbody tr')).toHaveCount(15);
    await expect(report.locator('.report-map img')).toBeVisible();
    await expect(report.getByTestId('stability-chart').locator('canvas')).toHaveCount(1);
    await page.screenshot({ path: join(RESULTS, 'report-zh.png') });
    const names = await report.getByTestId('report-ranking').locator('tbody tr td:nth-child(2)').allTextContents();
    const pdf = join(RESULTS, 'report-zh.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const facts = pdfFacts(pdf);
    expect(facts.pages).toBeGreaterThanOrEqual(3);
    const flat = facts.text.replace(/\s+/g, '');
    for (const n of names.slice(0, 5)) expect(flat).toContain(n.replace(/\s+/g, ''));
    expect(flat).toContain('数据来源与时效');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(RESULTS, 'report-zh-page1')]);

    // The same report in English.
    await page.getByTestId('report-close').click();
    await app.languageSwitch().click();
    await page.getByTestId('report-pdf').click();
    await expect(page.getByTestId('report')).toContainText('Data sources and dates');
    const pdfEn = join(RESULTS, 'report-en.pdf');
    await page.pdf({ path: pdfEn, format: 'A4', printBackground: true });
    expect(pdfFacts(pdfEn).text).toContain('Top 15 of the ranking');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfEn, join(RESULTS, 'report-en-page1')]);
    await page.getByTestId('report-close').click();
    await app.languageSwitch().click();
  });

  test('a project saved to one file and opened by a colleague gives the same ranking', async ({ page, browser, appServer }) => {
    test.setTimeout(180_000);
    const app = new MapPage(page);
    await app.open(appServer.url);
    const before = await rankEquipment(page);
    await page.getByTestId('scenario-name').fill('交给同事');
    await page.getByTestId('scenario-save').click();
    await expect(page.getByTestId('scenario-message')).toContainText('已保存方案');
    const download = page.waitForEvent('download');
    await page.getByTestId('project-save').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xnsite$/);
    const projectPath = join(mkdtempSync(join(tmpdir(), 'siteselect-project-')), file.suggestedFilename());
    await file.saveAs(projectPath);

    // The colleague: another app on a fresh data folder.
    const dataDir = mkdtempSync(join(tmpdir(), 'siteselect-colleague-'));
    const colleague = await startWebEdition(dataDir);
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      const theirs = new MapPage(other);
      await theirs.open(colleague.url);
      await other.getByTestId('scoring-toggle').click();
      await other.getByTestId('project-file').setInputFiles(projectPath);
      await expect(other.getByTestId('scenario-message')).toContainText('已并入项目文件');
      await other.getByTestId('scenario-list').selectOption({ label: '交给同事' });
      await other.getByTestId('scenario-open').click();
      const rows = other.getByTestId('ranking-table').locator('tbody tr[data-rank]:not([data-rank=""])');
      await expect(rows.first()).toHaveAttribute('data-rank', '1');
      expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-candidate') ?? ''))).toEqual(before);
      expect(readFileSync(projectPath).subarray(0, 15).toString()).toBe('SQLite format 3');
    } finally {
      await other.close();
      colleague.child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
