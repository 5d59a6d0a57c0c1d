import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, RESULTS, ROOT, test } from './fixtures.ts';
import { ImportDialog } from './import-dialog.ts';
import { MapPage, styleErrors } from './map-page.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/imports');

test.describe('bring your own data', () => {
  test('a GBK CSV is previewed with its evidence, imported, exported and deleted', async ({ page, appServer }) => {
    const app = new MapPage(page);
    const imports = new ImportDialog(page);
    await app.open(appServer.url);
    await imports.open();
    const dialog = imports.dialog();
    await imports.chooseFile(join(FIXTURES, 'good/gbk.csv'));
    const preview = imports.preview();
    await expect(preview).toContainText('gb18030');
    await expect(preview).toContainText('3');
    await expect(imports.evidence()).toContainText('WGS-84');
    await imports.nameLayer('客户地块');
    await page.screenshot({ path: join(RESULTS, 'import-preview-zh.png') });
    await imports.start();
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    // Layers are listed oldest first: the new one is last (other tests share this data folder).
    const row = imports.userLayers().last();
    await expect(row).toHaveAttribute('data-count', '3');
    await expect(row.locator('input.rename')).toHaveValue('客户地块');

    // Export through a download (a blob: URL; nothing leaves the machine).
    const id = (await row.getAttribute('data-layer-id')) ?? '';
    const file = await imports.exportLayer(id, 'csv');
    expect(readFileSync(file, 'utf8')).toContain('测试地块');

    // The overlays are added unvalidated (overlays.ts): the style they make must pass the validator.
    expect(await styleErrors(page)).toEqual([]);

    // Delete asks once more.
    await imports.deleteLayer(id);
    await expect(imports.layerRow(id)).toHaveCount(0);
  });

  test('a bad file lists its problems and cannot be imported', async ({ page, appServer }) => {
    const app = new MapPage(page);
    const imports = new ImportDialog(page);
    await app.open(appServer.url);
    await imports.open();
    await imports.chooseFile(join(FIXTURES, 'bad/bad-number-row.csv'));
    await expect(imports.problems()).toContainText('row 3');
    await expect(imports.startButton()).toBeDisabled();
    await imports.chooseFile(join(FIXTURES, 'bad/malformed.geojson'));
    await expect(imports.error()).toContainText('not valid JSON');
    await page.screenshot({ path: join(RESULTS, 'import-problems-zh.png') });
  });

  test('a 25 MB CSV is staged in chunks, previewed from its head and streamed in', async ({ page, appServer }) => {
    test.setTimeout(180_000);
    const dir = mkdtempSync(join(tmpdir(), 'siteselect-e2e-big-'));
    try {
      // Above the 20 MB streaming threshold: 80,000 rows with a long note each.
      const note = '地块说明'.repeat(25);
      const rows = ['名称,经度,纬度,说明'];
      for (let i = 0; i < 80_000; i++)
        rows.push(`地块${i},${(110 + (i % 400) / 100).toFixed(5)},${(26 + Math.floor(i / 400) / 500).toFixed(5)},${note}${i}`);
      const file = join(dir, 'parcels.csv');
      writeFileSync(file, rows.join('\n'));
      const app = new MapPage(page);
      const imports = new ImportDialog(page);
      await app.open(appServer.url);
      await imports.open();
      await imports.chooseFile(file);
      const preview = imports.preview();
      await expect(preview).toContainText('大文件', { timeout: 60_000 });
      await expect(preview).toContainText('前 20 个要素');
      await page.screenshot({ path: join(RESULTS, 'import-streamed-zh.png') });
      await imports.start();
      await expect(imports.dialog()).toBeHidden({ timeout: 120_000 });
      const row = imports.userLayers().last();
      await expect(row).toHaveAttribute('data-count', '80000', { timeout: 60_000 });
      const id = (await row.getAttribute('data-layer-id')) ?? '';
      await imports.deleteLayer(id);
      await expect(imports.layerRow(id)).toHaveCount(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
