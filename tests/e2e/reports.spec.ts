import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, RESULTS, startWebEdition, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';
import { pdfFacts, ReportPage } from './report-page.ts';
import { ScoringPanel } from './scoring-panel.ts';

/** Ranks the equipment preset and returns the ranked ids, best first. */
async function rankEquipment(scoring: ScoringPanel): Promise<string[]> {
  await scoring.open();
  await scoring.choosePreset('equipment');
  await scoring.rank();
  await expect(scoring.rankedRows().first()).toHaveAttribute('data-rank', '1');
  return scoring.rankedIds();
}

test.describe('comparison, scenarios and reports', () => {
  test('a park manager compares their park with three competitors, saves scenarios and exports a PDF and an Excel file', async ({
    page,
    appServer,
  }) => {
    test.setTimeout(180_000);
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    const reports = new ReportPage(page);
    await app.open(appServer.url);
    const ranked = await rankEquipment(scoring);
    const [own, ...rivals] = [ranked[5], ranked[0], ranked[3], ranked[9]] as string[];
    for (const id of [own, ...rivals]) await scoring.pickForComparison(id as string);
    await scoring.openComparison();
    const comparison = scoring.comparison();
    await scoring.chooseOwnPark(own as string);
    // The own park ranks 6th: "what would move us up" names the 5th and the steps.
    await expect(scoring.moveUp()).toContainText('第 6 名');
    await expect(scoring.moveUp().locator('li').first()).toBeVisible();
    await expect(comparison.getByTestId('compare-table').locator('thead th[data-park]')).toHaveCount(4);
    await expect(comparison.getByTestId('preset-ranks').locator('tbody tr')).toHaveCount(10);
    await expect(comparison.getByTestId('compare-radar').locator('canvas')).toHaveCount(1);
    await page.screenshot({ path: join(RESULTS, 'compare-zh.png') });

    // Scenarios: save, duplicate, compare the two (same inputs: no rank changes).
    await scoring.saveScenario('本园区对比', '装备制造画像');
    await expect(scoring.scenarioMessage()).toContainText('已保存方案');
    await scoring.duplicateScenario();
    await expect(scoring.scenarioList().locator('option')).toHaveCount(3);
    await scoring.chooseScenario('本园区对比 · 装备制造画像');
    await scoring.compareScenarioWith('本园区对比 (2)');
    await expect(scoring.scenarioDiff().locator('tbody tr').first()).toContainText('=');

    // Excel, checked cell by cell against the ranking on screen.
    await scoring.backToRanking();
    const firstName = await scoring.candidateName(ranked[0] as string).textContent();
    const xlsxPath = await reports.exportExcel();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '排名',
      '指标与原始值',
      '园区对比',
      '方法一致性',
      '方法与假设',
      '数据来源',
      '来源登记',
      '校验',
      'siteselect-scenario',
    ]);
    const sheet = wb.getWorksheet('排名') as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(1).value).toBe('名次');
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(2).getCell(2).value).toBe(firstName);
    const compareSheet = wb.getWorksheet('园区对比') as ExcelJS.Worksheet;
    expect(compareSheet.getRow(2).getCell(3).value).toMatch(/^6 \/ \d+$/);

    // PDF: the report view printed by Chromium through the print stylesheet, then read back.
    await reports.open();
    await expect(reports.rankingRows()).toHaveCount(15);
    await expect(reports.mapImage()).toBeVisible();
    await expect(reports.stabilityChart().locator('canvas')).toHaveCount(1);
    await page.screenshot({ path: join(RESULTS, 'report-zh.png') });
    const names = await reports.siteNames().allTextContents();
    const pdf = join(RESULTS, 'report-zh.pdf');
    await reports.printPdf(pdf);
    const facts = pdfFacts(pdf);
    expect(facts.pages).toBeGreaterThanOrEqual(3);
    const flat = facts.text.replace(/\s+/g, '');
    for (const n of names.slice(0, 5)) expect(flat).toContain(n.replace(/\s+/g, ''));
    expect(flat).toContain('数据来源与时效');
    // The sources registry and the notices its licences require (OSM's ODbL among them) are printed.
    expect(flat).toContain('数据来源登记');
    expect(flat).toContain('©OpenStreetMapcontributors');
    expect(flat).toContain('中国开发区审核公告目录（2018年版）');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(RESULTS, 'report-zh-page1')]);

    // The same report in English.
    await reports.close();
    await app.languageSwitch().click();
    await reports.open();
    await expect(reports.report()).toContainText('Data sources and dates');
    const pdfEn = join(RESULTS, 'report-en.pdf');
    await reports.printPdf(pdfEn);
    expect(pdfFacts(pdfEn).text).toContain('Top 15 of the ranking');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfEn, join(RESULTS, 'report-en-page1')]);
    await reports.close();
    await app.languageSwitch().click();
  });

  test('a project saved to one file and opened by a colleague gives the same ranking', async ({ page, browser, appServer }) => {
    test.setTimeout(180_000);
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    await app.open(appServer.url);
    const before = await rankEquipment(scoring);
    await scoring.saveScenario('交给同事');
    await expect(scoring.scenarioMessage()).toContainText('已保存方案');
    const file = await scoring.saveProject();
    expect(file.suggestedFilename()).toMatch(/\.xnsite$/);
    const projectPath = join(mkdtempSync(join(tmpdir(), 'siteselect-project-')), file.suggestedFilename());
    await file.saveAs(projectPath);

    // The colleague: another app on a fresh data folder.
    const dataDir = mkdtempSync(join(tmpdir(), 'siteselect-colleague-'));
    const colleague = await startWebEdition(dataDir);
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      const theirs = new MapPage(other);
      const theirScoring = new ScoringPanel(other);
      await theirs.open(colleague.url);
      await theirScoring.open();
      await theirScoring.openProject(projectPath);
      await expect(theirScoring.scenarioMessage()).toContainText('已并入项目文件');
      await theirScoring.openScenario('交给同事');
      const rows = theirScoring.rankedRows();
      await expect(rows.first()).toHaveAttribute('data-rank', '1', { timeout: 60_000 }); // a cold server builds its catchments first
      expect(await theirScoring.rankedIds(rows)).toEqual(before);
      expect(readFileSync(projectPath).subarray(0, 15).toString()).toBe('SQLite format 3');
    } finally {
      await other.close();
      colleague.child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
