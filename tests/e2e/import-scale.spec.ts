import { expect, test } from './fixtures.ts';
import { ImportDialog } from './import-dialog.ts';
import { MapPage } from './map-page.ts';

type MapHandle = { easeTo(o: object): void; getSource(id: string): unknown; loaded(): boolean };

test('100,000 imported points draw clustered and the map stays responsive (frame times printed)', async ({ page, appServer }) => {
  test.setTimeout(120_000);
  const rows = ['name,lng,lat'];
  for (let i = 0; i < 100_000; i++) rows.push(`p${i},${(109 + (i % 400) / 80).toFixed(5)},${(24.8 + Math.floor(i / 400) / 50).toFixed(5)}`);
  const app = new MapPage(page);
  const imports = new ImportDialog(page);
  await app.open(appServer.url);
  const dataBase64 = Buffer.from(rows.join('\n')).toString('base64');
  const started = await page.evaluate(async (data) => {
    const post = async (method: string, body: object) =>
      (await (
        await fetch(`./api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      ).json()) as { ok: boolean; result: Record<string, unknown> };
    const t0 = performance.now();
    const { result } = await post('startImport', {
      name: 'many.csv',
      dataBase64: data,
      layerName: 'many',
      role: 'reference',
      crs: 'wgs84',
    });
    for (;;) {
      const s = await post('importStatus', { jobId: result['jobId'] });
      if (s.result['status'] !== 'running') return { status: s.result['status'], ms: performance.now() - t0 };
      await new Promise((r) => setTimeout(r, 100));
    }
  }, dataBase64);
  expect(started.status).toBe('done');
  console.log(`import of 100,000 points through the API: ${started.ms.toFixed(0)} ms`);

  const t0 = Date.now();
  await page.reload();
  await app.waitForIdle();
  await expect(imports.userLayers().last()).toHaveAttribute('data-count', '100000');
  await app.settle();
  console.log(`reload to an idle map with the 100,000-point layer: ${Date.now() - t0} ms`);
  const frames = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const map = (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap;
        const times: number[] = [];
        let last = performance.now();
        const tick = (now: number) => {
          times.push(now - last);
          last = now;
          if (times.length < 90) requestAnimationFrame(tick);
          else resolve(times);
        };
        map.easeTo({ center: [111.5, 26.5], zoom: 9, duration: 1500 });
        requestAnimationFrame(tick);
      }),
  );
  const sorted = [...frames].sort((a, b) => a - b);
  console.log(
    `frame times while panning and zooming over the clustered layer: median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, 95th percentile ${sorted[Math.floor(sorted.length * 0.95)]?.toFixed(1)} ms (software WebGL)`,
  );
  expect(frames.length).toBe(90);

  // Leave the shared data folder as it was.
  const id = await imports.userLayers().last().getAttribute('data-layer-id');
  const removed = await page.evaluate(
    async (layerId) =>
      (await (
        await fetch('./api/deleteLayer', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: layerId }),
        })
      ).json()) as { ok: boolean },
    id,
  );
  expect(removed.ok).toBe(true);
});
