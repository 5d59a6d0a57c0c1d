import { join } from 'node:path';
import { expect, RESULTS, ROOT, test } from './fixtures.ts';
import { MapPage, styleErrors } from './map-page.ts';

test.describe('road network', () => {
  test('an OpenStreetMap extract is imported through the panel with progress, becomes active, and carries its licence notice', async ({
    page,
    appServer,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const app = new MapPage(page);
    await app.open(appServer.url);
    const panel = page.getByTestId('road-network');
    await expect(panel.getByTestId('network-schematic')).toBeChecked();
    await expect(panel.getByTestId('network-osm')).toBeDisabled();
    await expect(panel.getByTestId('osm-attribution')).toHaveCount(0);

    await panel.getByTestId('road-file').setInputFiles(join(ROOT, 'tests/fixtures/osm/rules.osm'));
    await expect(panel.getByTestId('road-message')).toContainText('已导入 rules.osm', { timeout: 30_000 });
    await expect(panel.getByTestId('network-osm')).toBeChecked();
    await expect(panel.getByTestId('road-network-facts')).toContainText('数据日期 2024-06-01');
    await expect(panel.getByTestId('osm-attribution')).toContainText('© OpenStreetMap contributors, ODbL 1.0');
    await panel.screenshot({ path: join(RESULTS, 'road-network-zh.png') });
    // The overlays are added unvalidated (overlays.ts): the style they make must pass the validator.
    expect(await styleErrors(page)).toEqual([]);

    // A file that is not OSM fails with its reason and leaves the network as it was.
    await panel.getByTestId('road-file').setInputFiles(join(ROOT, 'tests/fixtures/osm/notosm.xml'));
    await expect(panel.getByTestId('road-message')).toContainText('导入失败，原有路网不变', { timeout: 30_000 });
    await expect(panel.getByTestId('network-osm')).toBeChecked();

    // The radio is controlled by the server's answer, so click and wait for it rather than check().
    await panel.getByTestId('network-schematic').click();
    await expect(panel.getByTestId('network-schematic')).toBeChecked();
    await expect(panel.getByTestId('osm-attribution')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});
