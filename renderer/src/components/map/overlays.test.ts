import { describe, expect, it } from 'vitest';
import { basemapStyle } from './basemap-style.ts';
import { unifiedPaintValue } from './shader-variants.ts';
import {
  addOverlay,
  BASEMAP_SLOTS,
  DRAWING_ORDER,
  insertionPoint,
  overlayIdentity,
  removeOverlay,
  setLayerVisible,
  updateOverlay,
  type Overlay,
  type OverlayMap,
  type Slot,
} from './overlays.ts';

interface FakeLayer {
  id: string;
  source?: string;
  metadata?: unknown;
  paint?: Record<string, unknown>;
  layout?: Record<string, unknown>;
}

/** Just enough of a MapLibre map: an ordered layer list, sources, and a log of what was set. */
function fakeMap() {
  const layers: FakeLayer[] = basemapStyle('x', 'zh', 10, 3).layers.map((l) => ({ id: l.id }));
  const sources = new Map<string, unknown>();
  const log: string[] = [];
  const style = {
    addSource: (id: string, spec: unknown, options?: { validate?: boolean }) => {
      if (sources.has(id)) throw new Error(`source ${id} exists`);
      if (options?.validate !== false) log.push(`validated source ${id}`);
      sources.set(id, spec);
    },
    addLayer: (layer: FakeLayer, before?: string, options?: { validate?: boolean }) => {
      if (layers.some((l) => l.id === layer.id)) throw new Error(`layer ${layer.id} exists`);
      const at = before === undefined ? layers.length : layers.findIndex((l) => l.id === before);
      if (at < 0) throw new Error(`no layer ${before}`);
      if (options?.validate !== false) log.push(`validated layer ${layer.id}`);
      layers.splice(at, 0, layer);
    },
  };
  const map = {
    style,
    _update: () => log.push('update'),
    removeSource: (id: string) => {
      if (layers.some((l) => l.source === id)) throw new Error(`source ${id} in use`);
      sources.delete(id);
    },
    getSource: (id: string) =>
      sources.has(id) ? { setData: () => log.push(`setData ${id}`), updateImage: () => log.push(`updateImage ${id}`) } : undefined,
    removeLayer: (id: string) =>
      layers.splice(
        layers.findIndex((l) => l.id === id),
        1,
      ),
    getLayer: (id: string) => layers.find((l) => l.id === id),
    getLayersOrder: () => layers.map((l) => l.id),
    setPaintProperty: (id: string, key: string, value: unknown) => log.push(`paint ${id} ${key}=${JSON.stringify(value)}`),
    setLayoutProperty: (id: string, key: string, value: unknown) => log.push(`layout ${id} ${key}=${JSON.stringify(value)}`),
    setFilter: (id: string) => log.push(`filter ${id}`),
    setLayerZoomRange: (id: string) => log.push(`zoom ${id}`),
    once: () => map,
  };
  return { map: map as unknown as OverlayMap, layers, sources, log };
}

const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
function circles(id: string, slot: Slot, order?: number): Overlay {
  return {
    id,
    source: { type: 'geojson', data: empty },
    layers: [
      { slot, ...(order === undefined ? {} : { order }), layer: { id: `${id}-circle`, type: 'circle', paint: { 'circle-radius': 4 } } },
    ],
  };
}

describe('overlay drawing order', () => {
  it('places every basemap layer in a slot, in the order the style draws them', () => {
    const ids = basemapStyle('x', 'zh', 10, 3).layers.map((l) => l.id);
    const ranks = ids.map((id) => DRAWING_ORDER.indexOf(BASEMAP_SLOTS[id] as Slot));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('inserts below the first layer of a later rank, and on top when there is none', () => {
    const rank = new Map<string, readonly [number, number]>([
      ['a', [0, 0]],
      ['b', [2, 0]],
      ['c', [2, 1]],
    ]);
    const order = ['a', 'unranked', 'b', 'c'];
    expect(insertionPoint(order, (id) => rank.get(id), [1, 0])).toBe('b');
    expect(insertionPoint(order, (id) => rank.get(id), [2, 0])).toBe('c');
    expect(insertionPoint(order, (id) => rank.get(id), [2, 5])).toBeUndefined();
  });

  it('gives the same picture whatever order the overlays are added in', () => {
    const overlays = [
      circles('ranking', 'ranking'),
      circles('parks', 'reference-points', 8),
      circles('airports', 'reference-points', 9),
      circles('points', 'user-points'),
      circles('preview', 'import-preview'),
      {
        id: 'surface',
        source: {
          type: 'image',
          image: {} as ImageData,
          coordinates: [
            [0, 1],
            [1, 1],
            [1, 0],
            [0, 0],
          ],
        },
        layers: [{ slot: 'surface', layer: { id: 'surface', type: 'raster' } }],
      } satisfies Overlay,
    ];
    const forwards = fakeMap();
    for (const o of overlays) addOverlay(forwards.map, o);
    const backwards = fakeMap();
    for (const o of [...overlays].reverse()) addOverlay(backwards.map, o);
    expect(backwards.layers.map((l) => l.id)).toEqual(forwards.layers.map((l) => l.id));
    expect(forwards.layers.map((l) => l.id)).toEqual([
      'background',
      'county-fill',
      'surface',
      'county-lines',
      'prefecture-lines',
      'province-labels',
      'county-labels-zone',
      'county-labels-context',
      'points-circle',
      'ranking-circle',
      'parks-circle',
      'airports-circle',
      // Prefecture names stay above every zone symbol, without being moved.
      'prefecture-labels',
      'preview-circle',
    ]);
    // The decoded image is handed over after the source exists; no URL is ever set.
    expect(forwards.log).toContain('updateImage surface');
  });
});

describe('overlay updates', () => {
  it('sends new data, and only changed paint and layout, in place', () => {
    const { map, log } = fakeMap();
    const first = circles('ranking', 'ranking');
    addOverlay(map, first);
    // Added without MapLibre's validation (it serializes the whole style for each), then one update.
    expect(log).toEqual(['update']);
    log.length = 0;
    const sameData: Overlay = { ...first, layers: [{ ...first.layers[0]!, layer: { ...first.layers[0]!.layer } }] };
    updateOverlay(map, first, sameData);
    expect(log).toEqual([]);

    const data: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
    const next: Overlay = {
      ...first,
      source: { type: 'geojson', data },
      layers: [
        {
          slot: 'ranking',
          layer: { id: 'ranking-circle', type: 'circle', paint: { 'circle-radius': 6 }, layout: { visibility: 'none' } },
        },
      ],
    };
    expect(overlayIdentity(next)).toBe(overlayIdentity(first));
    updateOverlay(map, first, next);
    // The radius goes as every circle layer feeds it (shader-variants.ts): still 6 for every feature.
    expect(log).toEqual([
      'setData ranking',
      `paint ranking-circle circle-radius=${JSON.stringify(unifiedPaintValue('circle', 'circle-radius', 6))}`,
      'layout ranking-circle visibility="none"',
    ]);
  });

  it('treats a new source option, layer or slot as a new overlay', () => {
    const base = circles('u', 'user-points');
    const clustered: Overlay = { ...base, source: { type: 'geojson', data: empty, options: { cluster: true } } };
    expect(overlayIdentity(clustered)).not.toBe(overlayIdentity(base));
    expect(overlayIdentity(circles('u', 'ranking'))).not.toBe(overlayIdentity(base));
  });

  it('removes its layers and then its source', () => {
    const { map, layers, sources } = fakeMap();
    const before = layers.map((l) => l.id);
    const overlay = circles('preview', 'import-preview');
    addOverlay(map, overlay);
    removeOverlay(map, overlay);
    expect(layers.map((l) => l.id)).toEqual(before);
    expect(sources.size).toBe(0);
  });
});

describe('setLayerVisible', () => {
  it('changes visibility only when it differs (an unset visibility is visible)', () => {
    const layout = new Map<string, unknown>();
    const calls: string[] = [];
    const map = {
      getLayer: (id: string) => (id === 'missing' ? undefined : { id }),
      getLayoutProperty: (id: string) => layout.get(id),
      setLayoutProperty: (id: string, _key: string, value: unknown) => {
        calls.push(`${id}=${String(value)}`);
        layout.set(id, value);
      },
    } as unknown as Parameters<typeof setLayerVisible>[0];
    setLayerVisible(map, 'county-fill', true);
    expect(calls).toEqual([]);
    setLayerVisible(map, 'county-fill', false);
    setLayerVisible(map, 'county-fill', false);
    setLayerVisible(map, 'county-fill', true);
    setLayerVisible(map, 'missing', false);
    expect(calls).toEqual(['county-fill=none', 'county-fill=visible']);
  });
});
