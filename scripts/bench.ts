/**
 * `npm run bench`: performance figures, printed as medians (never asserted in tests).
 * - time from navigation to the first map idle in headless Chromium (browser edition, cold
 *   browser context each run, so nothing is cached);
 * - basemap tile reads through the shared asset resolver.
 * Needs `npm run build` first (the start and test scripts run it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { openBackend } from '../electron/backend.ts';
import { resolveAsset } from '../electron/handlers/assets.ts';
import { appPaths, appRootFrom } from '../electron/node/paths.ts';
import { startServer } from '../electron/server/index.ts';
import { tilesCoveringBBox } from '../geo/index.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const dataDir = mkdtempSync(join(tmpdir(), 'siteselect-bench-'));
const backend = openBackend({ paths: appPaths(appRootFrom(import.meta.url, 1)), dataDir, edition: 'web' });
const server = await startServer(backend, { port: 0 });
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--disable-background-networking', '--disable-component-update'] });
try {
  const idle: number[] = [];
  const phases: Record<string, number[]> = { domContentLoaded: [], apiDone: [] };
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.map[data-map-idle="true"]').waitFor({ timeout: 60_000 });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const api = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/')).map((r) => r.responseEnd);
      return { idle: performance.getEntriesByName('siteselect:first-map-idle')[0]?.startTime ?? NaN, dcl: nav.domContentLoadedEventEnd, api: Math.max(...api) };
    });
    idle.push(t.idle);
    phases['domContentLoaded']?.push(t.dcl);
    phases['apiDone']?.push(t.api);
    await context.close();
  }
  console.log(`first map idle after navigation: median ${median(idle).toFixed(0)} ms over ${RUNS} cold runs (min ${Math.min(...idle).toFixed(0)}, max ${Math.max(...idle).toFixed(0)}); target < 1500 ms`);
  console.log(`  of which DOMContentLoaded: median ${median(phases['domContentLoaded'] ?? []).toFixed(0)} ms; last API response: median ${median(phases['apiDone'] ?? []).toFixed(0)} ms`);

  const tiles = tilesCoveringBBox(backend.reference.meta.zoneBounds, 8);
  const times: number[] = [];
  for (const { z, x, y } of tiles) {
    const t0 = performance.now();
    resolveAsset(`/tiles/basemap/${z}/${x}/${y}.pbf`, { rendererDir: backend.paths.rendererDir, reference: backend.reference });
    times.push(performance.now() - t0);
  }
  console.log(`basemap tile read + inflate (zoom 8, ${tiles.length} tiles over the zone): median ${median(times).toFixed(3)} ms`);
} finally {
  await browser.close();
  await server.close();
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
