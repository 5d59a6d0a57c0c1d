/**
 * Adds the zone's reference layers (parks, airports, rail, …) to the map, keeps their
 * visibility and sub-kind filters in step with the layer panel and their labels with the
 * language, and reports hover and clicks.
 */
import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature, MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection, Point } from 'geojson';
import type { FeatureCollectionResult, LayerSummary } from '../../../../electron/contract/api.ts';
import { call } from '../../api/client.ts';
import type { LabelLanguage } from '../../components/map/basemap-style.ts';
import { registerIcons } from '../../components/map/icons.ts';
import { REFERENCE_ORDER, REFERENCE_STYLES } from './reference-style.ts';

/** Which sub-kinds (e.g. parks' `level`) are switched off, per layer. */
export type HiddenSubkinds = Readonly<Record<string, ReadonlySet<string>>>;

export interface SelectedFeature {
  layer: string;
  properties: Record<string, unknown>;
  lngLat: [number, number];
}

/** Property holding each layer's sub-kind, matching the breakdown the backend reports. */
export const SUBKIND_PROPERTY: Record<string, string> = {
  parks: 'level',
  'rail-lines': 'kind',
  'rail-stations': 'kind',
  'logistics-hubs': 'kind',
};

function filtered(collection: FeatureCollectionResult, layer: string, hidden: ReadonlySet<string> | undefined): FeatureCollectionResult {
  const property = SUBKIND_PROPERTY[layer];
  const located = collection.features.filter((f) => f.geometry !== null);
  if (!property || !hidden || hidden.size === 0) return { ...collection, features: located };
  return { ...collection, features: located.filter((f) => !hidden.has(String(f.properties[property]))) };
}

export function useReferenceLayers(options: {
  map: MapLibreMap | null;
  layers: readonly LayerSummary[];
  language: LabelLanguage;
  hiddenLayers: ReadonlySet<string>;
  hiddenSubkinds: HiddenSubkinds;
  onSelect(feature: SelectedFeature | null): void;
}): { ready: boolean } {
  const { map, layers, language, hiddenLayers, hiddenSubkinds, onSelect } = options;
  const data = useRef(new Map<string, FeatureCollectionResult>());
  const [ready, setReady] = useState(false);
  const selectRef = useRef(onSelect);
  useEffect(() => {
    selectRef.current = onSelect;
  }, [onSelect]);

  // Fetch every reference layer as soon as the list is known (while the map is still starting),
  // then add them to the map once it has loaded.
  const wanted = layers.filter((l) => l.kind === 'reference' && REFERENCE_STYLES[l.id]).map((l) => l.id);
  const wantedKey = wanted.join(',');
  const ids = useMemo(() => REFERENCE_ORDER.filter((id) => wantedKey.split(',').includes(id)), [wantedKey]);
  const pending = useMemo(() => {
    const all = Promise.all(ids.map((id) => call('getLayer', { id })));
    all.catch(() => undefined); // reported when awaited below, not as an unhandled rejection
    return all;
  }, [ids]);
  useEffect(() => {
    if (!map) return;
    let live = true;
    const add = async () => {
      const collections = await pending;
      if (!live) return;
      registerIcons(map);
      // Lines go under the basemap's labels, points above everything.
      const beforeLines = map.getLayer('province-labels') ? 'province-labels' : undefined;
      ids.forEach((id, i) => {
        const style = REFERENCE_STYLES[id];
        const collection = collections[i];
        if (!style || !collection || map.getSource(id)) return;
        data.current.set(id, collection);
        map.addSource(id, {
          type: 'geojson',
          data: filtered(collection, id, undefined) as FeatureCollection,
          promoteId: 'id',
          ...(style.cluster ? { cluster: true, clusterRadius: 38, clusterMaxZoom: 7 } : {}),
        });
        for (const layer of style.layers(language)) map.addLayer(layer, style.position === 'lines' ? beforeLines : undefined);
      });
      // Prefecture names stay on top: they orient a visitor before any symbol does.
      if (map.getLayer('prefecture-labels')) map.moveLayer('prefecture-labels');
      setReady(true);
    };
    void add().catch((e: unknown) => console.error('could not load reference layers', e));
    return () => {
      live = false;
    };
    // Labels follow `language` through the effect below; adding layers happens once per map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, pending]);

  // Visibility per layer.
  useEffect(() => {
    if (!map || !ready) return;
    for (const [id, style] of Object.entries(REFERENCE_STYLES)) {
      if (!map.getSource(id)) continue;
      for (const layer of style.layers(language)) map.setLayoutProperty(layer.id, 'visibility', hiddenLayers.has(id) ? 'none' : 'visible');
    }
  }, [map, ready, hiddenLayers, language]);

  // Sub-kind filters: rebuild the source data so clusters count only what is shown.
  useEffect(() => {
    if (!map || !ready) return;
    for (const [id, collection] of data.current) {
      (map.getSource(id) as GeoJSONSource | undefined)?.setData(filtered(collection, id, hiddenSubkinds[id]) as FeatureCollection);
    }
  }, [map, ready, hiddenSubkinds]);

  // Labels in the chosen language.
  useEffect(() => {
    if (!map || !ready) return;
    for (const [id, style] of Object.entries(REFERENCE_STYLES)) {
      if (!map.getSource(id)) continue;
      for (const layer of style.layers(language)) {
        const field = layer.type === 'symbol' ? layer.layout?.['text-field'] : undefined;
        if (field !== undefined) map.setLayoutProperty(layer.id, 'text-field', field);
      }
    }
  }, [map, ready, language]);

  // Hover highlight, pointer cursor, click to select, click a cluster to zoom into it.
  useEffect(() => {
    if (!map || !ready) return;
    const interactive = Object.entries(REFERENCE_STYLES).flatMap(([id, s]) => (map.getSource(id) ? s.interactive : []));
    let hovered: MapGeoJSONFeature | undefined;
    const clear = () => {
      if (hovered?.id !== undefined) map.setFeatureState({ source: hovered.source, id: hovered.id }, { hover: false });
      hovered = undefined;
      map.getCanvas().style.cursor = '';
    };
    const onMove = (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (f?.id === hovered?.id && f?.source === hovered?.source) return;
      clear();
      if (!f) return;
      hovered = f;
      map.getCanvas().style.cursor = 'pointer';
      if (f.id !== undefined) map.setFeatureState({ source: f.source, id: f.id }, { hover: true });
    };
    const onClick = (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (!f) return;
      if (f.properties['cluster_id'] !== undefined) {
        void (map.getSource(f.source) as GeoJSONSource)
          .getClusterExpansionZoom(Number(f.properties['cluster_id']))
          .then((zoom) => map.easeTo({ center: (f.geometry as Point).coordinates as [number, number], zoom }));
        return;
      }
      const original = data.current.get(f.source)?.features.find((x) => x.properties['id'] === f.properties['id']);
      selectRef.current({ layer: f.source, properties: original?.properties ?? f.properties, lngLat: [e.lngLat.lng, e.lngLat.lat] });
    };
    for (const id of interactive) {
      map.on('mousemove', id, onMove);
      map.on('mouseleave', id, clear);
      map.on('click', id, onClick);
    }
    return () => {
      for (const id of interactive) {
        map.off('mousemove', id, onMove);
        map.off('mouseleave', id, clear);
        map.off('click', id, onClick);
      }
    };
  }, [map, ready]);

  return { ready };
}
