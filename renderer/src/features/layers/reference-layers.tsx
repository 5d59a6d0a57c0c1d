/**
 * Draws the zone's reference layers (parks, airports, rail, …), keeps their visibility and
 * sub-kind filters in step with the layer panel and their labels with the language, and reports
 * hover and clicks.
 */
import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature, MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useEffectEvent, useMemo } from 'react';
import type { FeatureCollection, Point } from 'geojson';
import type { FeatureCollectionResult, LayerSummary } from '../../../../electron/contract/api.ts';
import { useLayersFeatures } from '../../api/queries.ts';
import type { LabelLanguage } from '../../components/map/basemap-style.ts';
import { MapOverlay, type Overlay } from '../../components/map/overlays.ts';
import { REFERENCE_ORDER, REFERENCE_STYLES, type ReferenceLayerStyle } from './reference-style.ts';

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

function ReferenceOverlay(props: {
  map: MapLibreMap | null;
  id: string;
  style: ReferenceLayerStyle;
  collection: FeatureCollectionResult;
  language: LabelLanguage;
  visible: boolean;
  hidden: ReadonlySet<string> | undefined;
}) {
  const { map, id, style, collection, language, visible, hidden } = props;
  // Sub-kind filters rebuild the source data, so clusters count only what is shown.
  const data = useMemo(() => filtered(collection, id, hidden) as FeatureCollection, [collection, id, hidden]);
  const overlay = useMemo((): Overlay => {
    const order = REFERENCE_ORDER.indexOf(id);
    return {
      id,
      source: {
        type: 'geojson',
        data,
        options: { promoteId: 'id', ...(style.cluster ? { cluster: true, clusterRadius: 38, clusterMaxZoom: 7 } : {}) },
      },
      // Lines go under the basemap's labels, points above them.
      layers: style.layers(language).map((layer) => ({
        slot: style.position === 'lines' ? 'reference-lines' : 'reference-points',
        order,
        layer: { ...layer, layout: { ...layer.layout, visibility: visible ? 'visible' : 'none' } } as Overlay['layers'][number]['layer'],
      })),
    };
  }, [id, style, data, language, visible]);
  return <MapOverlay map={map} overlay={overlay} />;
}

/** The reference layers drawn on the map, bottom to top; each is a source of that id. */
export function referenceSourceIds(layers: readonly LayerSummary[]): string[] {
  return REFERENCE_ORDER.filter((id) => layers.some((l) => l.kind === 'reference' && l.id === id));
}

export function ReferenceLayers(props: {
  map: MapLibreMap | null;
  layers: readonly LayerSummary[];
  language: LabelLanguage;
  hiddenLayers: ReadonlySet<string>;
  hiddenSubkinds: HiddenSubkinds;
  onSelect(feature: SelectedFeature | null): void;
}) {
  const { map, layers, language, hiddenLayers, hiddenSubkinds, onSelect } = props;
  // Every reference layer is fetched as soon as the list is known (while the map is still starting).
  const ids = useMemo(() => referenceSourceIds(layers), [layers]);
  const results = useLayersFeatures(ids);
  const failed = results.find((r) => r.error)?.error;
  useEffect(() => {
    if (failed) console.error('could not load reference layers', failed);
  }, [failed]);
  // Drawn together once all have arrived, as one set (their order within a slot is declared anyway).
  const ready = map !== null && ids.length > 0 && results.every((r) => r.isSuccess);
  const select = useEffectEvent((feature: SelectedFeature) => onSelect(feature));
  const originalOf = useEffectEvent((layer: string, id: unknown) =>
    results[ids.indexOf(layer)]?.data?.features.find((x) => x.properties['id'] === id),
  );

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
      const original = originalOf(f.source, f.properties['id']);
      select({ layer: f.source, properties: original?.properties ?? f.properties, lngLat: [e.lngLat.lng, e.lngLat.lat] });
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

  if (!ready) return null;
  return ids.map((id, i) => {
    const style = REFERENCE_STYLES[id];
    const collection = results[i]?.data;
    if (!style || !collection) return null;
    return (
      <ReferenceOverlay
        key={id}
        map={map}
        id={id}
        style={style}
        collection={collection}
        language={language}
        visible={!hiddenLayers.has(id)}
        hidden={hiddenSubkinds[id]}
      />
    );
  });
}
