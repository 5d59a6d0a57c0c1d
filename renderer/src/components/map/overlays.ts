/**
 * Everything the app draws over the bundled basemap goes through one primitive: an overlay is a
 * source and its style layers, added once, updated in place (new data through setData or
 * updateImage, changed paint, layout, filter or zoom range through the setters) and removed with
 * its owner. Each layer names a slot in {@link DRAWING_ORDER} and is inserted below the first
 * layer of a later slot, so the picture does not depend on which feature happened to mount first.
 * Modelled on @vis.gl/react-maplibre's <Source>/<Layer> (add on mount, diff on update, remove on
 * unmount), with a declared order in place of `beforeId`.
 */
import type {
  AddLayerObject,
  Coordinates,
  DistributiveOmit,
  GeoJSONSource,
  GeoJSONSourceSpecification,
  ImageSource,
  LayerSpecification,
  Map as MapLibreMap,
  RasterSourceSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import { useEffect, useEffectEvent, useRef } from 'react';
import { BASEMAP_LAYERS } from './basemap-style.ts';
import { unifiedPaintValue, unifyPaint } from './shader-variants.ts';

/**
 * The drawing order, bottom to top. Basemap entries hold the bundled style's own layers (see
 * {@link BASEMAP_SLOTS}); the rest are filled by overlays. Surfaces and isochrone areas lie under
 * the boundary lines and the corridors; the rank circles lie under the zone's point symbols;
 * prefecture names stay above every symbol, since they orient a visitor first; what is being
 * previewed or highlighted is on top.
 */
export const DRAWING_ORDER = [
  'basemap-fills',
  'pack',
  'isochrone-areas',
  'surface',
  'basemap-lines',
  'roads',
  'user-shapes',
  'reference-lines',
  'basemap-labels',
  'road-labels',
  'isochrone-lines',
  'user-points',
  'ranking',
  'reference-points',
  'prefecture-labels',
  'import-preview',
  'highlight',
] as const;

export type Slot = (typeof DRAWING_ORDER)[number];

/** The bundled basemap's layers, by slot. */
export const BASEMAP_SLOTS: Readonly<Record<string, Slot>> = {
  [BASEMAP_LAYERS.background]: 'basemap-fills',
  [BASEMAP_LAYERS.countyFill]: 'basemap-fills',
  [BASEMAP_LAYERS.countyLines]: 'basemap-lines',
  [BASEMAP_LAYERS.prefectureLines]: 'basemap-lines',
  [BASEMAP_LAYERS.provinceLabels]: 'basemap-labels',
  [BASEMAP_LAYERS.countyLabelsZone]: 'basemap-labels',
  [BASEMAP_LAYERS.countyLabelsContext]: 'basemap-labels',
  [BASEMAP_LAYERS.prefectureLabels]: 'prefecture-labels',
};

/** Source and layer ids of the overlays; the only place each is spelled. */
export const OVERLAY_IDS = {
  pack: 'pack',
  isochrones: 'access-isochrones',
  isochroneFill: 'access-isochrones-fill',
  isochroneLine: 'access-isochrones-line',
  surface: 'access-surface',
  ranking: 'ranking',
  rankingCircle: 'ranking-circle',
  rankingRank: 'ranking-rank',
  importPreview: 'import-preview',
  importPreviewCircle: 'import-preview-circle',
  importPreviewLine: 'import-preview-line',
  /** The imported OpenStreetMap network's roads and interchanges (features/roads). */
  roads: 'osm-roads',
  roadCasing: 'osm-roads-casing',
  roadLine: 'osm-roads-line',
  roadJunction: 'osm-roads-junction',
  roadJunctionLabel: 'osm-roads-junction-label',
  /** A new highlight gets a new source id, `tour-highlight-<n>` (see presentation-mode.tsx). */
  highlight: 'tour-highlight',
  /** Minutes saved between two networks (features/years). */
  timeSaved: 'years-time-saved',
  timeSavedFill: 'years-time-saved-fill',
} as const;

/** A user layer's source and layer ids. */
export function userLayerIds(layerId: string) {
  const source = `user:${layerId}`;
  return { source, fill: `${source}-fill`, line: `${source}-line`, circle: `${source}-circle`, count: `${source}-count` };
}

type StyleLayerSpec = Exclude<LayerSpecification, { type: 'background' }>;

export interface OverlayLayer {
  slot: Slot;
  /** Position within the slot (lower is drawn first); layers of equal rank keep the order they were added in. */
  order?: number;
  /** The style layer; its `source` is the overlay's id. */
  layer: DistributiveOmit<StyleLayerSpec, 'source'>;
}

export type OverlaySource =
  | { type: 'geojson'; data: GeoJSONSourceSpecification['data']; options?: Omit<GeoJSONSourceSpecification, 'type' | 'data'> }
  /** A decoded image: handed to the source directly, no URL and no request. */
  | { type: 'image'; image: ImageData; coordinates: Coordinates }
  | RasterSourceSpecification
  | VectorSourceSpecification;

export interface Overlay {
  /** The source's id. */
  id: string;
  source: OverlaySource;
  layers: readonly OverlayLayer[];
}

/** What the primitive needs of a map (a test can pass a stand-in). */
export type OverlayMap = Pick<
  MapLibreMap,
  | 'removeSource'
  | 'getSource'
  | 'addLayer'
  | 'removeLayer'
  | 'getLayer'
  | 'getLayersOrder'
  | 'setPaintProperty'
  | 'setLayoutProperty'
  | 'setFilter'
  | 'setLayerZoomRange'
  | 'once'
  | '_update'
> & { style: Pick<MapLibreMap['style'], 'addSource' | 'addLayer'> };

type Rank = readonly [slot: number, order: number];
const RANK_KEY = 'siteselect:rank';

function rankOf(map: OverlayMap, layerId: string): Rank | undefined {
  const basemap = BASEMAP_SLOTS[layerId];
  if (basemap) return [DRAWING_ORDER.indexOf(basemap), 0];
  const metadata = map.getLayer(layerId)?.metadata as Record<string, unknown> | undefined;
  return metadata?.[RANK_KEY] as Rank | undefined;
}

const later = (a: Rank, b: Rank) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * The layer a new layer of `rank` goes below: the first one, bottom to top, of a later rank; none
 * (the top) when there is no such layer. Layers of no known rank are passed over.
 */
export function insertionPoint(order: readonly string[], rankOfLayer: (id: string) => Rank | undefined, rank: Rank): string | undefined {
  return order.find((id) => {
    const r = rankOfLayer(id);
    return r !== undefined && later(r, rank);
  });
}

function sourceSpec(source: OverlaySource) {
  if (source.type === 'geojson') return { type: 'geojson' as const, data: source.data, ...source.options };
  if (source.type === 'image') return { type: 'image' as const, coordinates: source.coordinates };
  return source;
}

/** What cannot change in place: a change here removes the overlay and adds it again. */
export function overlayIdentity(overlay: Overlay): string {
  const { source } = overlay;
  const kept =
    source.type === 'geojson' ? { type: source.type, options: source.options } : source.type === 'image' ? { type: 'image' } : source;
  return JSON.stringify([overlay.id, kept, overlay.layers.map((l) => [l.layer.id, l.layer.type, l.slot, l.order ?? 0])]);
}

function addLayer(map: OverlayMap, overlayId: string, { slot, order = 0, layer }: OverlayLayer): void {
  const rank: Rank = [DRAWING_ORDER.indexOf(slot), order];
  const before = insertionPoint(map.getLayersOrder(), (id) => rankOf(map, id), rank);
  map.style.addLayer(unifyPaint({ ...layer, source: overlayId, metadata: { [RANK_KEY]: rank } }) as AddLayerObject, before, UNVALIDATED);
}

/**
 * Sources and layers are added through the map's style, as `Map.addSource` and `Map.addLayer` do,
 * but without MapLibre's validation: it checks each one against a new serialization of the whole
 * style (maplibre-gl src/style/style.ts `_validate` calls `serialize()`), so the first view's
 * overlays spent ~120 ms of the main thread in it (a CPU profile of a cold load, issue 19). The
 * e2e tests validate the style the app ends up with instead (tests/e2e/map-page.ts `styleErrors`).
 */
const UNVALIDATED = { validate: false } as const;

/**
 * Shows or hides a style layer, doing nothing when it already is so: MapLibre treats any layout
 * change, even to an unset `visibility` ('visible'), as new layout and re-parses the layer's source
 * (maplibre-gl src/style/style.ts, _updateLayer), which for the basemap is every loaded tile.
 */
export function setLayerVisible(
  map: Pick<MapLibreMap, 'getLayer' | 'getLayoutProperty' | 'setLayoutProperty'>,
  id: string,
  visible: boolean,
): void {
  if (!map.getLayer(id)) return;
  const now = (map.getLayoutProperty(id, 'visibility') ?? 'visible') === 'visible';
  if (now !== visible) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}

/** Adds the source and its layers, each in its slot. */
export function addOverlay(map: OverlayMap, overlay: Overlay): void {
  map.style.addSource(overlay.id, sourceSpec(overlay.source) as never, UNVALIDATED);
  if (overlay.source.type === 'image') {
    const { image, coordinates } = overlay.source;
    map.getSource<ImageSource>(overlay.id)?.updateImage({ image, coordinates });
  }
  for (const layer of overlay.layers) addLayer(map, overlay.id, layer);
  // What Map.addSource and Map.addLayer do after adding: mark the style changed and repaint.
  map._update(true);
}

/** Removes the layers and the source, whatever is left of them. */
export function removeOverlay(map: OverlayMap, overlay: Overlay): void {
  for (const { layer } of overlay.layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
  if (map.getSource(overlay.id)) map.removeSource(overlay.id);
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Applies what changed between two versions of the same overlay (same identity). */
export function updateOverlay(map: OverlayMap, previous: Overlay, next: Overlay): void {
  const a = previous.source;
  const b = next.source;
  if (a.type === 'geojson' && b.type === 'geojson' && a.data !== b.data) map.getSource<GeoJSONSource>(next.id)?.setData(b.data);
  if (a.type === 'image' && b.type === 'image' && (a.image !== b.image || !same(a.coordinates, b.coordinates)))
    map.getSource<ImageSource>(next.id)?.updateImage({ image: b.image, coordinates: b.coordinates });
  next.layers.forEach(({ layer }, i) => {
    const old = previous.layers[i]?.layer;
    if (!old) return;
    type Setter = (id: string, key: string, value: unknown) => void;
    const setPaint: Setter = (id, key, value) =>
      (map.setPaintProperty.bind(map) as Setter)(id, key, unifiedPaintValue(layer.type, key, value));
    for (const [kind, set] of [
      ['paint', setPaint],
      ['layout', map.setLayoutProperty.bind(map) as Setter],
    ] as const) {
      const before = ((old as Record<string, unknown>)[kind] ?? {}) as Record<string, unknown>;
      const after = ((layer as Record<string, unknown>)[kind] ?? {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
        if (!same(before[key], after[key])) set(layer.id, key, after[key]);
    }
    const filterOf = (l: object) => (l as { filter?: unknown }).filter;
    if (!same(filterOf(old), filterOf(layer))) map.setFilter(layer.id, filterOf(layer) as never, UNVALIDATED);
    if (old.minzoom !== layer.minzoom || old.maxzoom !== layer.maxzoom)
      map.setLayerZoomRange(layer.id, layer.minzoom ?? 0, layer.maxzoom ?? 24);
  });
}

/** Maps that have been removed: their overlays need no removing (and would throw). */
const removedMaps = new WeakSet<OverlayMap>();
const watchedMaps = new WeakSet<OverlayMap>();
function watch(map: OverlayMap): void {
  if (watchedMaps.has(map)) return;
  watchedMaps.add(map);
  map.once('remove', () => removedMaps.add(map));
}

/**
 * Keeps one overlay on the map while the component lives (none while `overlay` or `map` is null).
 * Data should keep its identity between renders unless it changed: a new object is sent again.
 */
export function useOverlay(map: MapLibreMap | null, overlay: Overlay | null): void {
  const applied = useRef<Overlay | null>(null);
  const identity = overlay ? overlayIdentity(overlay) : null;
  const add = useEffectEvent((target: MapLibreMap) => {
    if (!overlay) return null;
    addOverlay(target, overlay);
    applied.current = overlay;
    return overlay;
  });
  useEffect(() => {
    if (!map || identity === null) return;
    watch(map);
    const added = add(map);
    return () => {
      applied.current = null;
      if (added && !removedMaps.has(map)) removeOverlay(map, added);
    };
  }, [map, identity]);
  useEffect(() => {
    if (!map || !overlay || !applied.current || applied.current === overlay) return;
    updateOverlay(map, applied.current, overlay);
    applied.current = overlay;
  });
}

/** {@link useOverlay} as a component, for overlays that come and go in a list (one per user layer, …). */
export function MapOverlay({ map, overlay }: { map: MapLibreMap | null; overlay: Overlay | null }): null {
  useOverlay(map, overlay);
  return null;
}
