/**
 * The one place MapLibre is set up: worker URL, style, defaults, the runtime-drawn icons, idle
 * flag. Other features get the map through `onReady` and draw on it through overlays.ts.
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  prewarm,
  setWorkerUrl,
  type MapEventType,
  type MapMouseEvent,
  type MapSourceDataEvent,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tileUrlTemplate } from '../../api/client.ts';
import {
  BACKGROUND_COLOUR,
  BASEMAP_LAYERS,
  BASEMAP_SOURCES,
  basemapStyle,
  LABEL_LAYER_IDS,
  labelField,
  LOCAL_IDEOGRAPH_FONT_FAMILY,
  type LabelLanguage,
} from './basemap-style.ts';
import { adoptEarlyWorker } from './early-worker.ts';
import { installLabelGlyphs } from './label-glyphs.ts';
import { registerIcons } from './icons.ts';
import { setLayerVisible } from './overlays.ts';

setWorkerUrl(workerUrl);
// The tile worker was started by the page's first script, before this bundle arrived (early-entry.ts);
// without one, start it now, while the first API calls and React's mount run.
adoptEarlyWorker(workerUrl, prewarm);

export type BBox = [number, number, number, number];

export interface MapViewProps {
  zoneBounds: BBox;
  maxBounds: BBox;
  minzoom: number;
  maxzoom: number;
  language: LabelLanguage;
  /** Basemap layers switched off (ids from basemap-style.ts); overlays keep their own visibility. */
  hiddenLayers: ReadonlySet<string>;
  /**
   * Sources the first view needs besides the basemap (the reference layers): the map is drawn at a
   * low resolution until they are all on it and loaded, and counts as ready (data-map-idle) only then.
   */
  firstViewSources?: readonly string[];
  onPointer?(lngLat: [number, number] | null, zoom: number): void;
  onReady?(map: MapLibreMap): void;
  /** Once, when the first complete view has been drawn (data-map-idle). */
  onFirstIdle?(): void;
}

/**
 * The map is not painted until its first view is complete: with software WebGL (SwiftShader, as on
 * machines without a GPU, and in headless Chromium) every painted frame costs ~80–280 ms of GPU
 * process CPU, and ten or more frames were painted as tiles and sources came in (issue 19's trace).
 * MapLibre still loads tiles, lays out and places labels in each of those frames; only the drawing
 * waits, and the finished view is then drawn once. A first-view source that never comes (a failed
 * request) ends the wait after FIRST_VIEW_WAIT_MS.
 */
const FIRST_VIEW_WAIT_MS = 15_000;
/** The longest the map keeps its last picture while a layout change is laid out (see below). */
const RELAYOUT_WAIT_MS = 1500;

/**
 * Whether `e` is a GeoJSON source's own 'metadata' or 'content' event (MapLibre fires both when a
 * `setData` has been processed, before the source's tiles are reloaded), not a tile or style event.
 */
function isGeoJsonDataUpdate(map: Pick<MapLibreMap, 'getSource'>, e: MapEventType['data']): e is MapSourceDataEvent {
  if (e.dataType !== 'source' || e.tile) return false;
  return (e.sourceDataType === 'metadata' || e.sourceDataType === 'content') && map.getSource(e.sourceId)?.type === 'geojson';
}

export function MapView(props: MapViewProps) {
  const { zoneBounds, maxBounds, minzoom, maxzoom, language, hiddenLayers, firstViewSources = [], onPointer, onReady, onFirstIdle } = props;
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  // From the style's parsing on, layout and paint can be set, while its sources still load.
  // (`isStyleLoaded()` also waits for every source, and no 'styledata' may follow to wait for.)
  const styleParsed = useRef(false);
  const whenStyleParsed = (map: MapLibreMap, apply: () => void) => {
    if (styleParsed.current) apply();
    else map.once('style.load', apply);
  };
  // Until the first complete view is drawn, a status line says the map is loading.
  const [shown, setShown] = useState(false);
  const pointerMoved = useEffectEvent((lngLat: [number, number] | null, zoom: number) => onPointer?.(lngLat, zoom));
  const firstViewThere = useEffectEvent((map: MapLibreMap) => firstViewSources.every((id) => map.getSource(id)));
  const firstIdle = useEffectEvent(() => onFirstIdle?.());

  useEffect(() => {
    if (!container.current) return;
    const el = container.current;
    // The map area shows the map's background until the first (complete) view is painted.
    el.style.backgroundColor = BACKGROUND_COLOUR;
    const [w, s, e, n] = maxBounds;
    const map = new MapLibreMap({
      container: el,
      style: basemapStyle(tileUrlTemplate(), language, maxzoom, minzoom),
      bounds: zoneBounds,
      fitBoundsOptions: { padding: 24 },
      // Keep the camera near the data: there is nothing to see (or load) far away.
      maxBounds: [w - 4, s - 3, e + 4, n + 3],
      minZoom: minzoom,
      maxZoom: 14,
      localIdeographFontFamily: LOCAL_IDEOGRAPH_FONT_FAMILY,
      attributionControl: { compact: false },
      keyboard: true,
      // No label fade-in: each fading frame is a full redraw, which software WebGL pays dearly for.
      fadeDuration: 0,
    });
    mapRef.current = map;
    installLabelGlyphs(map.style.glyphManager);
    performance.mark('siteselect:map-created');
    let draft = true;
    // `painter` is a public field of MapLibre's Map (maplibre-gl src/ui/map.ts, typed in its .d.ts); only
    // its drawing is held back, every other step of a render pass still runs.
    const painter = map.painter;
    const paint = painter.render.bind(painter);
    // A layout or filter change makes MapLibre lay its source out again in the worker, tile by tile,
    // drawing a frame as each comes back (the language switch drew five, each ~200–450 ms of software
    // WebGL). Instead the map keeps its last picture until the new layout is complete (the next idle,
    // at most RELAYOUT_WAIT_MS) and draws it once; a moving camera is always drawn.
    let relayingOut = false;
    let drawRelaidOut = false;
    let relaidOut = 0;
    let relayoutCap: ReturnType<typeof setTimeout> | undefined;
    const endRelayout = () => {
      if (!relayingOut) return;
      relayingOut = false;
      clearTimeout(relayoutCap);
      drawRelaidOut = true;
      map.triggerRepaint();
    };
    for (const name of ['setLayoutProperty', 'setFilter'] as const) {
      const original = map[name].bind(map) as (...args: unknown[]) => MapLibreMap;
      (map as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        // The wait is not lengthened by later changes: changes in a stream still draw every RELAYOUT_WAIT_MS.
        if (!relayingOut) relayoutCap = setTimeout(endRelayout, RELAYOUT_WAIT_MS);
        relayingOut = true;
        // Until the re-laid-out picture is drawn (the bench waits for none to be pending before it times one).
        el.dataset['mapRelayoutPending'] = 'true';
        return original(...args);
      };
    }
    map.on('idle', endRelayout);
    // A pass in which nothing drawn has changed is not painted either. MapLibre's input handlers ask
    // for a pass on every click (its HandlerManager: a handler that took the mouse-down ends on the
    // mouse-up), and under software WebGL painting it held the travel-time card back by a full frame.
    // What changes the picture marks it: the camera ('move', 'resize'), style, source and tile data
    // ('data', fired for all three, also from inside a pass, before its painting), feature state (the
    // county hover), a paint transition still running, a symbol placement not yet finished.
    let changed = true;
    const change = () => {
      changed = true;
    };
    for (const type of ['move', 'resize'] as const) map.on(type, change);
    // New GeoJSON data (setData) changes nothing drawn until its tiles are laid out again, which the
    // worker sends back one by one: the map keeps its picture until every tile of that source is
    // back (or RELAYOUT_WAIT_MS), then paints once. Painting the old tiles, then a part of the new,
    // cost each re-ranking two or three full frames (~100–200 ms each here) on the main thread (issue 19).
    const reloading = new Set<string>();
    let reloadCap: ReturnType<typeof setTimeout> | undefined;
    const stillReloading = () => {
      for (const id of reloading) if (!map.getSource(id) || map.isSourceLoaded(id)) reloading.delete(id);
      if (reloading.size === 0) clearTimeout(reloadCap);
      return reloading.size > 0;
    };
    map.on('data', (e) => {
      if (!isGeoJsonDataUpdate(map, e)) return change();
      if (e.sourceDataType !== 'content') return;
      if (reloading.size === 0)
        reloadCap = setTimeout(() => {
          reloading.clear();
          map.triggerRepaint();
        }, RELAYOUT_WAIT_MS);
      reloading.add(e.sourceId);
    });
    for (const name of ['setFeatureState', 'removeFeatureState'] as const) {
      const original = map[name].bind(map) as (...args: unknown[]) => MapLibreMap;
      (map as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        changed = true;
        return original(...args);
      };
    }
    let painted = 0;
    painter.render = (...args: Parameters<typeof paint>) => {
      if (draft || ((relayingOut || stillReloading()) && !map.isMoving())) return;
      if (!changed && !map._placementDirty && !map.style.hasTransitions()) return;
      changed = false;
      paint(...args);
      // Passes painted since the map was created: read by the e2e tests.
      el.dataset['mapPainted'] = String(++painted);
      if (drawRelaidOut) {
        drawRelaidOut = false;
        // How many re-layouts have been drawn: read by the e2e tests and the bench.
        el.dataset['mapRelaidOut'] = String(++relaidOut);
        if (!relayingOut) delete el.dataset['mapRelayoutPending'];
      }
    };
    map.once('style.load', () => {
      styleParsed.current = true;
      performance.mark('siteselect:style-load');
      // Before anyone draws a symbol with them (listeners run in the order they were added).
      registerIcons(map);
    });
    map.once('load', () => performance.mark('siteselect:map-load'));
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    // Idle with every first-view source loaded: draw it once at full resolution; the next idle is
    // the first complete view.
    // A first-view source that never comes (a failed request) must not leave the map blurred.
    let waited = false;
    const giveUp = setTimeout(() => {
      waited = true;
      draft = false;
      map.triggerRepaint();
    }, FIRST_VIEW_WAIT_MS);
    const onIdle = () => {
      if (!waited && !firstViewThere(map)) return;
      if (draft) {
        draft = false;
        performance.mark('siteselect:first-view-loaded');
        map.triggerRepaint();
        return;
      }
      clearTimeout(giveUp);
      map.off('idle', onIdle);
      // Time from navigation start to the first complete idle map; read by the e2e tests and the bench.
      performance.mark('siteselect:first-map-idle');
      el.dataset['mapIdle'] = 'true';
      setShown(true);
      firstIdle();
    };
    map.on('idle', onIdle);
    let hovered: number | string | undefined;
    const clearHover = () => {
      if (hovered !== undefined)
        map.setFeatureState({ source: BASEMAP_SOURCES.shapes, sourceLayer: 'counties', id: hovered }, { hover: false });
      hovered = undefined;
    };
    map.on('mousemove', (ev: MapMouseEvent) => {
      pointerMoved([ev.lngLat.lng, ev.lngLat.lat], map.getZoom());
      const feature = map.queryRenderedFeatures(ev.point, { layers: [BASEMAP_LAYERS.countyFill] })[0];
      if (feature?.id !== hovered) {
        clearHover();
        if (feature?.id !== undefined) {
          hovered = feature.id;
          map.setFeatureState({ source: BASEMAP_SOURCES.shapes, sourceLayer: 'counties', id: hovered }, { hover: true });
        }
      }
    });
    map.on('mouseout', () => {
      clearHover();
      pointerMoved(null, map.getZoom());
    });
    map.on('zoomend', () => pointerMoved(null, map.getZoom()));
    onReady?.(map);
    return () => {
      clearTimeout(giveUp);
      clearTimeout(relayoutCap);
      clearTimeout(reloadCap);
      mapRef.current = null;
      map.remove();
    };
    // The map is created once; props below are applied by the effects that follow.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      for (const id of LABEL_LAYER_IDS) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelField(language));
    };
    whenStyleParsed(map, apply);
  }, [language]);

  // Only the basemap's own layers whose switch changed: a pack may have hidden the county fill,
  // and every overlay sets its own visibility.
  const hiddenBefore = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const changed = Object.values(BASEMAP_LAYERS).filter((id) => hiddenLayers.has(id) !== hiddenBefore.current.has(id));
    hiddenBefore.current = hiddenLayers;
    const apply = () => {
      for (const id of changed) setLayerVisible(map, id, !hiddenLayers.has(id));
    };
    whenStyleParsed(map, apply);
  }, [hiddenLayers]);

  return (
    <>
      <div ref={container} className="map" role="region" aria-label={t('map.label')} data-map-idle="false" />
      {!shown && (
        <div className="map-loading" role="status" data-testid="map-loading">
          {t('map.loading')}
        </div>
      )}
    </>
  );
}
