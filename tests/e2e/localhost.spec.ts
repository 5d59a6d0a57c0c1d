/**
 * Issue 13 item 7: the browser edition opened at http://localhost:PORT/ (not 127.0.0.1) works:
 * its API calls carry `Origin: http://localhost:PORT`, which the server accepts like its own.
 */
import { expect, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';

test('the app opened at localhost answers every API call', async ({ page, appServer }) => {
  const url = appServer.url.replace('://127.0.0.1:', '://localhost:');
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() !== 200) failed.push(`${r.status()} ${r.url()}`);
  });
  const app = new MapPage(page);
  await app.open(url);
  expect(new URL(page.url()).hostname).toBe('localhost');
  // Layers come from the API: their rows and counts appear only if listLayers answered.
  await expect(page.locator('.layer-row[data-layer-id="parks"]')).toHaveAttribute('data-count', /^[1-9]\d*$/);
  const input = page.getByTestId('search-input');
  await input.fill('hengnan');
  await expect(page.getByTestId('search-results').getByRole('option').first()).toContainText('衡南县');
  const origin = await page.evaluate(async () => {
    const res = await fetch('./api/getSettings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return { status: res.status, origin: location.origin };
  });
  expect(origin).toEqual({ status: 200, origin: url.replace(/\/$/, '') });
  expect(failed).toEqual([]);
});
