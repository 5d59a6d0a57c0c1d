/**
 * Records the label glyphs MapLibre draws for the first view, in Chinese and in English, at the
 * window sizes a user is likely to have, and writes them to
 * renderer/src/components/map/label-glyphs.sdf.gz (see label-glyphs.ts for why and how they are used).
 *
 * Usage: `npm run build && npm run build:glyphs`. Needs Debian's Chromium (/usr/bin/chromium, or
 * CHROMIUM_PATH) and fonts-noto-cjk, the font the style names. Run it again when the basemap's
 * names, the label fonts or MapLibre change: the e2e test "the first view draws no label glyph"
 * fails until then (the map still shows every label; it only draws the new ones itself).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { openBackend } from '../electron/backend.ts';
import { appPaths, appRootFrom } from '../electron/node/paths.ts';
import { startServer } from '../electron/server/index.ts';
import { encodeLabelGlyphs, type LabelGlyphs } from '../renderer/src/components/map/label-glyphs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'renderer/src/components/map/label-glyphs.sdf.gz');
/** Window sizes: a small laptop, the bench's, the e2e tests', a trade-fair screen. */
const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 860 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

/** Installed before the page's scripts: every glyph MapLibre draws goes to `window.__recorded`. */
const RECORDER = `
  const recorded = {};
  window.__recorded = recorded;
  globalThis.__siteselectLabelGlyphs = {
    glyphs: null, hits: 0, misses: 0,
    record(key, char, g) {
      (recorded[key] ??= {})[char] = {
        metrics: [g.width, g.height, g.glyphWidth, g.glyphHeight, g.glyphTop, g.glyphLeft, g.glyphAdvance],
        data: Array.from(g.data),
      };
    },
  };`;

type Recorded = Record<string, Record<string, { metrics: number[]; data: number[] }>>;

const dataDir = mkdtempSync(join(tmpdir(), 'siteselect-glyphs-'));
// Served in this process, as `npm run bench` serves it.
const backend = openBackend({ paths: appPaths(appRootFrom(import.meta.url, 1)), dataDir, edition: 'web' });
const server = await startServer(backend, { port: 0 });
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', headless: true });
const all: LabelGlyphs = new Map();
try {
  for (const viewport of VIEWPORTS) {
    for (const language of ['zh', 'en'] as const) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
      const page = await context.newPage();
      // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
      await page.addInitScript(RECORDER);
      await page.goto(server.url);
      await page.locator('.map[data-map-idle="true"]').waitFor({ timeout: 60_000 });
      if (language === 'en') {
        await page.getByTestId('language-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'en');
      }
      // Settled: the labels of this language are laid out and drawn.
      await page.waitForFunction(() => {
        const map = (window as unknown as { __siteselectMap?: { loaded(): boolean; areTilesLoaded(): boolean } }).__siteselectMap;
        return !!map && map.loaded() && map.areTilesLoaded();
      });
      await page.waitForTimeout(500);
      const recorded = await page.evaluate(() => (window as unknown as { __recorded: Recorded }).__recorded);
      for (const [key, byChar] of Object.entries(recorded)) {
        const into = all.get(key) ?? new Map();
        all.set(key, into);
        for (const [char, { metrics, data }] of Object.entries(byChar)) {
          const [width = 0, height = 0, glyphWidth = 0, glyphHeight = 0, glyphTop = 0, glyphLeft = 0, glyphAdvance = 0] = metrics;
          into.set(char, { data: Uint8ClampedArray.from(data), width, height, glyphWidth, glyphHeight, glyphTop, glyphLeft, glyphAdvance });
        }
      }
      // Leave the next run in Chinese (the language is a saved setting).
      if (language === 'en') await page.getByTestId('language-switch').click();
      await context.close();
    }
  }
  const about = {
    what: 'Label glyphs (signed distance fields) MapLibre draws for the first view, recorded by scripts/build-label-glyphs.ts',
    font: 'Noto Sans CJK SC (Debian fonts-noto-cjk; SIL Open Font License 1.1), drawn by TinySDF (BSD-2-Clause) as bundled in MapLibre GL JS',
    browser: browser.version(),
    recorded: new Date().toISOString().slice(0, 10),
  };
  const bytes = gzipSync(encodeLabelGlyphs(all, about), { level: 9 });
  writeFileSync(OUT, bytes);
  const counts = [...all].map(([key, m]) => `${m.size} × ${JSON.parse(key)[4]} ${JSON.parse(key)[5] ?? ''}`);
  console.log(`label glyphs: ${counts.join('; ')}; ${(bytes.length / 1024).toFixed(0)} kB → ${OUT}`);
} finally {
  await browser.close();
  await server.close();
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
