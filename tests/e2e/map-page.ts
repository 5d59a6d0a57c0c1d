/** Page object for the main window: the map, the side panel and the status bar. */
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Page } from '@playwright/test';

export interface CountyStats {
  perPrefecture: Record<string, number>;
  zoneLabels: number;
}

/** A basemap tile that MapLibre laid out: which of the basemap's sources, and the tile. */
export interface TileLoad {
  source: string;
  key: string;
}

/**
 * From the page's start, records each tile of the basemap's sources (`basemap…`) that MapLibre
 * lays out, in order; read them with {@link basemapTileLoads}. Call before `goto`.
 */
export async function recordBasemapTileLoads(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __tileLoads: { source: string; key: string }[] };
    w.__tileLoads = [];
    let map: unknown;
    Object.defineProperty(window, '__siteselectMap', {
      configurable: true,
      get: () => map,
      set: (m: { on(type: string, f: (e: { sourceId?: string; tile?: { tileID: { key: string }; state: string } }) => void): void }) => {
        map = m;
        m.on('sourcedata', (e) => {
          if (e.sourceId?.startsWith('basemap') && e.tile?.state === 'loaded')
            w.__tileLoads.push({ source: e.sourceId, key: e.tile.tileID.key });
        });
      },
    });
  });
}

/**
 * What MapLibre's style validator says of the style the map has now: the overlays are added without
 * MapLibre's own validation (components/map/overlays.ts), so the tests validate what they built.
 */
export async function styleErrors(page: Page): Promise<string[]> {
  const style = await page.evaluate(
    () => (window as unknown as { __siteselectMap: { getStyle(): unknown } }).__siteselectMap.getStyle() as StyleSpecification,
  );
  return validateStyleMin(style).map((e) => e.message);
}

export function basemapTileLoads(page: Page): Promise<TileLoad[]> {
  return page.evaluate(() => [...(window as unknown as { __tileLoads: { source: string; key: string }[] }).__tileLoads]);
}

export class MapPage {
  constructor(readonly page: Page) {}

  readonly map = () => this.page.locator('.map');
  /** MapLibre's canvas: the element that takes keyboard focus for panning and zooming. */
  readonly canvas = () => this.page.locator('.map canvas.maplibregl-canvas');
  readonly languageSwitch = () => this.page.getByTestId('language-switch');

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitForIdle();
  }

  async waitForIdle(): Promise<void> {
    await this.page.locator('.map[data-map-idle="true"]').waitFor({ timeout: 30_000 });
  }

  /** Milliseconds from navigation start to the first map idle, as the renderer marked it. */
  async firstIdleMs(): Promise<number> {
    return this.page.evaluate(() => performance.getEntriesByName('siteselect:first-map-idle')[0]?.startTime ?? Number.NaN);
  }

  /** Label glyphs answered from the recorded file and drawn in the page (components/map/label-glyphs.ts). */
  async labelGlyphStats(): Promise<{ hits: number; misses: number; error?: string }> {
    return this.page.evaluate(() => {
      const s = globalThis.__siteselectLabelGlyphs;
      return { hits: s?.hits ?? 0, misses: s?.misses ?? 0, ...(s?.error ? { error: s.error } : {}) };
    });
  }

  /** Clicks the map where a WGS-84 position, [lng, lat], is drawn now. */
  async clickAt(at: [number, number]): Promise<void> {
    const box = await this.canvas().boundingBox();
    const point = await this.page.evaluate(
      (p) =>
        (window as unknown as { __siteselectMap: { project(p: [number, number]): { x: number; y: number } } }).__siteselectMap.project(p),
      at,
    );
    await this.page.mouse.click((box?.x ?? 0) + point.x, (box?.y ?? 0) + point.y);
  }

  /** Waits until the map has finished loading and drawing what the camera shows now. */
  async settle(): Promise<void> {
    await this.page.waitForFunction(() => {
      const map = (window as unknown as { __siteselectMap?: { loaded(): boolean; areTilesLoaded(): boolean } }).__siteselectMap;
      return !!map && map.loaded() && map.areTilesLoaded();
    });
  }

  /** County polygons in the loaded tiles, deduplicated by adcode and grouped by prefecture. */
  async countyStats(): Promise<CountyStats> {
    return this.page.evaluate(() => {
      type F = { id?: string | number; properties: Record<string, unknown> };
      const map = (
        window as unknown as { __siteselectMap: { querySourceFeatures(s: string, o: object): F[]; queryRenderedFeatures(o: object): F[] } }
      ).__siteselectMap;
      const counties = new Map<string, string>();
      for (const f of map.querySourceFeatures('basemap', { sourceLayer: 'counties', filter: ['==', ['get', 'group'], 'zone'] })) {
        counties.set(String(f.properties['adcode']), String(f.properties['prefecture_adcode']));
      }
      const perPrefecture: Record<string, number> = {};
      for (const prefecture of counties.values()) perPrefecture[prefecture] = (perPrefecture[prefecture] ?? 0) + 1;
      const labels = new Set(map.queryRenderedFeatures({ layers: ['county-labels-zone'] }).map((f) => String(f.properties['adcode'])));
      return { perPrefecture, zoneLabels: labels.size };
    });
  }

  async renderedLabelTexts(layer: string): Promise<string[]> {
    return this.page.evaluate((layerId) => {
      type F = { properties: Record<string, unknown>; layer: { layout?: Record<string, unknown> } };
      const map = (
        window as unknown as {
          __siteselectMap: { queryRenderedFeatures(o: object): F[]; getLayoutProperty(l: string, p: string): unknown };
        }
      ).__siteselectMap;
      const field = JSON.stringify(map.getLayoutProperty(layerId, 'text-field'));
      const key = field.includes('name_en') ? 'name_en' : 'name_zh';
      return [...new Set(map.queryRenderedFeatures({ layers: [layerId] }).map((f) => String(f.properties[key])))];
    }, layer);
  }
}
