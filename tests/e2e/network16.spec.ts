/**
 * Issue 16 end to end: a generated OpenStreetMap extract covering part of the zone (around
 * Hengyang) is imported through the road-network panel; its roads are drawn by class with a legend;
 * a clicked road and interchange show their tags and speeds; travel times, isochrones, the ranking
 * and the printed report and Excel file name the OSM network. Runs on a server of its own (a fresh
 * data folder), so the shared one keeps the schematic network the other specs expect.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { writeSyntheticExtract } from '../../electron/roads/synthetic.ts';
import { expect, RESULTS, startWebEdition, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';
import { pdfFacts, ReportPage } from './report-page.ts';
import { ScoringPanel } from './scoring-panel.ts';

const FILE = 'network16.osm';
/** What every figure on this network is labelled with (electron/network/service.ts `osmLabel`). */
const OSM_NAME = `OpenStreetMap 路网（${FILE}）`;
/** The grid: 0.7° × 0.7° from 112.3° E, 26.6° N, a road every 0.01° (Hengyang's parks and airport lie in it). */
const GRID = { origin: [112.3, 26.6] as [number, number], cols: 71, rows: 71, spacingDeg: 0.01 };

interface RenderedFeature {
  id: number | string | undefined;
  layer: string;
  cls: string | null;
  coordinates: unknown;
}

type MapHandle = {
  jumpTo(o: { center: [number, number]; zoom: number }): void;
  queryRenderedFeatures(
    a?: unknown,
    b?: unknown,
  ): {
    id?: number | string;
    layer: { id: string };
    source: string;
    properties: Record<string, unknown>;
    geometry: { coordinates: unknown };
  }[];
  project(p: [number, number]): { x: number; y: number };
  getCanvas(): HTMLCanvasElement;
  getSource(id: string): { serialize(): { data: unknown } } | undefined;
};

async function jump(page: Page, app: MapPage, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(([c, z]) => (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.jumpTo({ center: c, zoom: z }), [
    center,
    zoom,
  ] as const);
  await app.settle();
}

async function rendered(page: Page, layers: string[]): Promise<RenderedFeature[]> {
  return page.evaluate((ids) => {
    const map = (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap;
    return map.queryRenderedFeatures({ layers: ids }).map((f) => ({
      id: f.id,
      layer: f.layer.id,
      cls: typeof f.properties['class'] === 'string' ? f.properties['class'] : null,
      coordinates: f.geometry.coordinates,
    }));
  }, layers);
}

/** Whether only the basemap (or only the given layers) is drawn within `px` of a position. */
async function onlyThere(page: Page, at: [number, number], px: number, allowed: string[]): Promise<boolean> {
  return page.evaluate(
    ([p, r, ok]) => {
      const map = (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap;
      const { x, y } = map.project(p);
      const hits = map.queryRenderedFeatures([
        [x - r, y - r],
        [x + r, y + r],
      ]);
      return hits.every((f) => f.source === 'basemap' || f.source === 'basemap-labels' || ok.includes(f.layer.id));
    },
    [at, px, allowed] as const,
  );
}

test.describe('everything on the imported network (issue 16)', () => {
  let server: { url: string; child: ChildProcess } | null = null;
  let dataDir = '';
  let work = '';

  test.beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'siteselect-network16-'));
    await writeSyntheticExtract(join(work, FILE), { ...GRID, seed: 16, timestamp: '2025-06-01T00:00:00Z' });
    dataDir = mkdtempSync(join(tmpdir(), 'siteselect-network16-data-'));
    server = await startWebEdition(dataDir);
  });

  test.afterAll(() => {
    server?.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  test('an imported extract is drawn by class, its roads explain themselves, and every figure names it', async ({ page }) => {
    test.setTimeout(300_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const offMachine: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) offMachine.push(r.url());
    });
    const app = new MapPage(page);
    await app.open(server!.url);

    // No road layer while the schematic network is active.
    await expect(page.getByTestId('road-legend')).toHaveCount(0);

    // Import through the panel's file dialog.
    const panel = page.getByTestId('road-network');
    await panel.getByTestId('road-file').setInputFiles(join(work, FILE));
    await expect(panel.getByTestId('road-message')).toContainText(`已导入 ${FILE}`, { timeout: 120_000 });
    await expect(panel.getByTestId('network-osm')).toBeChecked();

    // The legend: by class, with kilometres, only now that the OSM network is active.
    const legend = page.getByTestId('road-legend');
    await expect(legend).toBeVisible();
    for (const group of ['motorway', 'primary', 'secondary', 'tertiary', 'link'])
      await expect(legend.locator(`li[data-road-class="${group}"]`)).toContainText('公里');
    expect(Number(await legend.locator('li[data-road-class="tertiary"]').getAttribute('data-km'))).toBeGreaterThan(1000);

    // The roads are drawn from the served tiles, by class.
    await jump(page, app, [112.62, 26.92], 10);
    await expect
      .poll(async () => new Set((await rendered(page, ['osm-roads-line'])).map((f) => f.cls)), { timeout: 30_000 })
      .toEqual(new Set(['motorway', 'motorway_link', 'primary', 'secondary', 'tertiary']));
    await legend.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'roads-by-class-zh.png') });

    // Switched off in the layer panel, nothing is drawn; on again, the roads are back.
    await page.getByTestId('road-layer-toggle').uncheck();
    await expect.poll(async () => (await rendered(page, ['osm-roads-line'])).length, { timeout: 30_000 }).toBe(0);
    await page.getByTestId('road-layer-toggle').check();
    // Hidden, the source's tiles may have been let go: they load again.
    await expect.poll(async () => (await rendered(page, ['osm-roads-line'])).length, { timeout: 30_000 }).toBeGreaterThan(0);

    // Click a motorway between two of its points: its card gives the tags, class speed and the speed used each way.
    await jump(page, app, [112.7, 26.8], 12);
    const motorways = (await rendered(page, ['osm-roads-line'])).filter((f) => f.cls === 'motorway');
    let onRoad: [number, number] | null = null;
    for (const f of motorways) {
      const line = (
        Array.isArray((f.coordinates as unknown[][][])[0]?.[0]) ? (f.coordinates as number[][][])[0] : f.coordinates
      ) as number[][];
      for (let i = 0; i + 1 < line.length && !onRoad; i++) {
        const a = line[i] as [number, number];
        const b = line[i + 1] as [number, number];
        const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        if (await onlyThere(page, mid, 6, ['osm-roads-line', 'osm-roads-casing'])) onRoad = mid;
      }
      if (onRoad) break;
    }
    expect(onRoad, 'a motorway stretch with nothing else drawn near it').not.toBeNull();
    await app.clickAt(onRoad as [number, number]);
    const card = page.getByTestId('road-card');
    await expect(card).toHaveAttribute('data-osm-kind', 'way');
    await expect(card.getByTestId('road-tags')).toContainText('highway');
    await expect(card.getByTestId('road-class')).toContainText('highway=motorway');
    await expect(card.getByTestId('road-class-speed')).toContainText('公里/小时');
    await expect(card.getByTestId('road-speed')).toContainText('正向');
    const wayId = await card.getAttribute('data-osm-id');
    await expect(card.getByTestId('road-osm-url')).toHaveText(`https://www.openstreetmap.org/way/${wayId}`);
    await expect(page.getByTestId('access-card')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);

    // An interchange (a motorway_junction node, drawn from z11) and its name.
    let junction: [number, number] | null = null;
    // Along the grid's motorways (every 40th line: 112.7° E and 27.0° N), away from the reference layers' lines.
    for (const centre of [
      [112.7, 26.75],
      [112.45, 27.0],
      [112.7, 27.15],
      [112.55, 27.0],
      [112.7, 26.65],
    ] as [number, number][]) {
      await jump(page, app, centre, 12);
      for (const j of await rendered(page, ['osm-roads-junction'])) {
        const at = j.coordinates as [number, number];
        if (await onlyThere(page, at, 6, ['osm-roads-line', 'osm-roads-casing', 'osm-roads-junction', 'osm-roads-junction-label'])) {
          junction = at;
          break;
        }
      }
      if (junction) break;
    }
    expect(junction, 'an interchange with no reference feature drawn near it').not.toBeNull();
    await app.clickAt(junction as [number, number]);
    await expect(card).toHaveAttribute('data-osm-kind', 'junction');
    await expect(card.getByTestId('road-tags')).toContainText('motorway_junction');
    await expect(card.getByTestId('road-osm-url')).toContainText('https://www.openstreetmap.org/node/');
    await card.getByRole('button', { name: '关闭' }).click();
    await expect(card).toHaveCount(0);

    // A click off the roads: travel times from there, named by the OSM network.
    const start: [number, number] = [112.62, 26.92];
    let empty: [number, number] | null = null;
    await jump(page, app, start, 12);
    for (let k = 0; k < 100 && !empty; k++) {
      const p: [number, number] = [start[0] + 0.001 * (k % 10), start[1] + 0.001 * Math.floor(k / 10)];
      if (await onlyThere(page, p, 10, [])) empty = p;
    }
    expect(empty, 'a point with no road or feature near it').not.toBeNull();
    await app.clickAt(empty as [number, number]);
    const access = page.getByTestId('access-card');
    await expect(access.getByTestId('access-network')).toContainText(`路网：${OSM_NAME}`, { timeout: 60_000 });
    await expect(access.getByTestId('access-network')).toContainText('数据截至 2025-06-01');
    await expect(access.getByTestId('access-network')).toHaveAttribute('data-network-kind', 'osm');

    // Isochrones from that click, on the network: they follow the roads (a far reach along the
    // motorways, a short one across country), not circles.
    await access.getByTestId('draw-isochrones').click();
    await expect(access.getByTestId('isochrone-network')).toContainText(OSM_NAME, { timeout: 60_000 });
    const spread = await page.evaluate(
      (from) => {
        const map = (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap;
        const data = map.getSource('access-isochrones')?.serialize().data as {
          features: { properties: { minutes: number }; geometry: { type: string; coordinates: number[][][] | number[][][][] } }[];
        };
        const thirty = data.features.find((f) => f.properties.minutes === 30);
        if (!thirty) return null;
        const rings =
          thirty.geometry.type === 'Polygon'
            ? [thirty.geometry.coordinates as number[][][]]
            : (thirty.geometry.coordinates as number[][][][]);
        const kx = Math.cos((from[1] * Math.PI) / 180);
        const r = rings.flatMap((poly) =>
          (poly[0] ?? []).map(([x, y]) => Math.hypot(((x as number) - from[0]) * kx, (y as number) - from[1])),
        );
        return { vertices: r.length, min: Math.min(...r), max: Math.max(...r), count: data.features.length };
      },
      empty as [number, number],
    );
    expect(spread?.count).toBe(4);
    expect(spread?.vertices).toBeGreaterThan(20);
    // A circle's vertices are all as far from its centre (ratio 1). On a grid of roads the reach is
    // longest along the roads and shortest across them (a diamond: √2), and the motorways stretch it further.
    expect((spread?.max ?? 0) / Math.max(spread?.min ?? 1, 1e-9)).toBeGreaterThan(1.3);
    // The card covers the map's left part: the extract is framed to its right.
    await jump(page, app, [112.33, 26.95], 9);
    await page.screenshot({ path: join(RESULTS, 'isochrones-osm-zh.png') });
    await access.getByRole('button', { name: '关闭' }).click();

    // The zone surface is computed on the same network and says so.
    await page.getByTestId('surface-choice').selectOption('class:interchange');
    await page.getByTestId('surface-cell').selectOption('1');
    await page.getByTestId('surface-run').click();
    await expect(page.getByTestId('surface-legend')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('surface-network')).toHaveAttribute('data-network-kind', 'osm');
    await expect(page.getByTestId('surface-network')).toContainText(OSM_NAME);

    // Rank: the ranking names the network, and says how many parks lie outside the extract.
    const scoring = new ScoringPanel(page);
    await scoring.open();
    await scoring.choosePreset('equipment');
    await scoring.rank();
    await expect(scoring.rankedRows().first()).toHaveAttribute('data-rank', '1', { timeout: 90_000 });
    await expect(page.getByTestId('ranking-network')).toContainText(OSM_NAME);
    await expect(page.getByTestId('ranking-uncovered')).toBeVisible();

    // The printed report names it in its header and in its stamp; so does the Excel file.
    const reports = new ReportPage(page);
    await reports.open();
    await expect(page.getByTestId('report-network')).toContainText(OSM_NAME);
    await expect(page.getByTestId('report-stamp')).toContainText(OSM_NAME);
    const pdf = join(RESULTS, 'network16-report-zh.pdf');
    await reports.printPdf(pdf);
    const text = pdfFacts(pdf, false).text.replace(/\s+/g, '');
    expect(text).toContain(`路网：${OSM_NAME}`.replace(/\s+/g, ''));
    expect(text).toContain('数据截至2025-06-01');
    await reports.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await reports.exportExcel());
    const cells = wb.worksheets.flatMap((ws) => (ws.getRows(1, ws.rowCount) ?? []).map((r) => [r.getCell(1).value, r.getCell(2).value]));
    expect(cells).toContainEqual(['路网', OSM_NAME]);
    expect(cells).toContainEqual(['路网数据日期', '2025-06-01']);

    // In English, the same labels (this server is this spec's own: its language need not be put back).
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('ranking-network')).toContainText(`Network: OpenStreetMap road network (${FILE})`);
    await expect(legend.locator('li[data-road-class="motorway"]')).toContainText(/Motorway.*km/);

    expect(offMachine).toEqual([]);
    expect(errors).toEqual([]);
  });
});
