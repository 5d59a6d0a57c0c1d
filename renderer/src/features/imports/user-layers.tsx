/** Draws the user's own layers (imports) in their colours, above the basemap, below the zone symbols. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useMemo } from 'react';
import type { LayerSummary } from '../../../../electron/contract/api.ts';
import { useLayerFeatures } from '../../api/queries.ts';
import { LABEL_FONT_BOLD } from '../../components/map/basemap-style.ts';
import { MapOverlay, userLayerIds, type Overlay } from '../../components/map/overlays.ts';

/** Point layers larger than this are clustered, so tens of thousands of sites stay smooth to pan. */
export const CLUSTER_ABOVE = 5000;

const DEFAULT_COLOUR: Record<string, string> = {
  candidates: '#e8590c',
  competitors: '#862e9c',
  facilities: '#1864ab',
  reference: '#2b8a3e',
};

export function colourOf(layer: LayerSummary): string {
  return layer.colour ?? DEFAULT_COLOUR[layer.role ?? 'reference'] ?? '#2b8a3e';
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

function userLayerOverlay(layer: LayerSummary, data: GeoJSON.FeatureCollection, visible: boolean): Overlay {
  const ids = userLayerIds(layer.id);
  const colour = colourOf(layer);
  const cluster = layer.geometry === 'point' && layer.featureCount > CLUSTER_ABOVE;
  const layout = { visibility: visible ? 'visible' : 'none' } as const;
  return {
    id: ids.source,
    source: { type: 'geojson', data, ...(cluster ? { options: { cluster: true, clusterRadius: 40, clusterMaxZoom: 11 } } : {}) },
    layers: [
      {
        slot: 'user-shapes',
        layer: {
          id: ids.fill,
          type: 'fill',
          filter: ['==', ['geometry-type'], 'Polygon'],
          layout,
          paint: { 'fill-color': colour, 'fill-opacity': 0.25 },
        },
      },
      {
        slot: 'user-shapes',
        layer: {
          id: ids.line,
          type: 'line',
          filter: ['!=', ['geometry-type'], 'Point'],
          layout,
          paint: { 'line-color': colour, 'line-width': 2 },
        },
      },
      {
        slot: 'user-points',
        layer: {
          id: ids.circle,
          type: 'circle',
          filter: ['==', ['geometry-type'], 'Point'],
          layout,
          paint: {
            'circle-radius': ['step', ['coalesce', ['get', 'point_count'], 1], 6, 2, 11, 100, 15, 1000, 19],
            'circle-color': colour,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1.5,
          },
        },
      },
      {
        slot: 'user-points',
        layer: {
          id: ids.count,
          type: 'symbol',
          filter: ['has', 'point_count'],
          layout: {
            ...layout,
            'text-field': ['get', 'point_count_abbreviated'],
            'text-font': LABEL_FONT_BOLD,
            'text-size': 11,
            'text-allow-overlap': true,
          },
          paint: { 'text-color': '#ffffff' },
        },
      },
    ],
  };
}

function UserLayerOverlay({ map, layer, visible }: { map: MapLibreMap | null; layer: LayerSummary; visible: boolean }) {
  // Keyed by the feature count: an unchanged layer is not fetched again when it is renamed or restyled.
  const features = useLayerFeatures(layer.id, layer.featureCount);
  const data = (features.data as GeoJSON.FeatureCollection | undefined) ?? EMPTY;
  const overlay = useMemo(() => userLayerOverlay(layer, data, visible), [layer, data, visible]);
  return <MapOverlay map={map} overlay={overlay} />;
}

export function UserLayers({
  map,
  layers,
  hidden,
}: {
  map: MapLibreMap | null;
  layers: readonly LayerSummary[];
  hidden: ReadonlySet<string>;
}) {
  return layers
    .filter((l) => l.kind === 'user')
    .map((l) => <UserLayerOverlay key={l.id} map={map} layer={l} visible={!hidden.has(l.id)} />);
}
