/** Draws the user's own layers (imports) in their colours, above the basemap, below the zone symbols. */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { LayerSummary } from '../../../../electron/contract/api.ts';
import { call } from '../../api/client.ts';

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

export function useUserLayers(map: MapLibreMap | null, layers: readonly LayerSummary[], hidden: ReadonlySet<string>): void {
  const shown = useRef(new Map<string, number>()); // layer id → feature count drawn
  useEffect(() => {
    if (!map) return;
    const user = layers.filter((l) => l.kind === 'user');
    const ids = new Set(user.map((l) => l.id));
    // Remove deleted layers.
    for (const id of [...shown.current.keys()]) {
      if (ids.has(id)) continue;
      for (const suffix of ['-fill', '-line', '-circle', '-count'])
        if (map.getLayer(`user:${id}${suffix}`)) map.removeLayer(`user:${id}${suffix}`);
      if (map.getSource(`user:${id}`)) map.removeSource(`user:${id}`);
      shown.current.delete(id);
    }
    for (const layer of user) {
      const source = `user:${layer.id}`;
      const colour = colourOf(layer);
      if (!map.getSource(source)) {
        const cluster = layer.geometry === 'point' && layer.featureCount > CLUSTER_ABOVE;
        map.addSource(source, {
          type: 'geojson',
          data: { type: 'FeatureCollection', features: [] },
          ...(cluster ? { cluster: true, clusterRadius: 40, clusterMaxZoom: 11 } : {}),
        });
        const before = map.getLayer('waterways-line') ? 'waterways-line' : undefined;
        map.addLayer(
          {
            id: `${source}-fill`,
            type: 'fill',
            source,
            filter: ['==', ['geometry-type'], 'Polygon'],
            paint: { 'fill-color': colour, 'fill-opacity': 0.25 },
          },
          before,
        );
        map.addLayer(
          {
            id: `${source}-line`,
            type: 'line',
            source,
            filter: ['!=', ['geometry-type'], 'Point'],
            paint: { 'line-color': colour, 'line-width': 2 },
          },
          before,
        );
        map.addLayer({
          id: `${source}-circle`,
          type: 'circle',
          source,
          filter: ['==', ['geometry-type'], 'Point'],
          paint: {
            'circle-radius': ['step', ['coalesce', ['get', 'point_count'], 1], 6, 2, 11, 100, 15, 1000, 19],
            'circle-color': colour,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1.5,
          },
        });
        map.addLayer({
          id: `${source}-count`,
          type: 'symbol',
          source,
          filter: ['has', 'point_count'],
          layout: {
            'text-field': ['get', 'point_count_abbreviated'],
            'text-font': ['Noto Sans CJK SC Bold'],
            'text-size': 11,
            'text-allow-overlap': true,
          },
          paint: { 'text-color': '#ffffff' },
        });
      }
      if (shown.current.get(layer.id) !== layer.featureCount) {
        shown.current.set(layer.id, layer.featureCount);
        void call('getLayer', { id: layer.id }).then((fc) => (map.getSource(source) as GeoJSONSource | undefined)?.setData(fc as never));
      }
      map.setPaintProperty(`${source}-fill`, 'fill-color', colour);
      map.setPaintProperty(`${source}-line`, 'line-color', colour);
      map.setPaintProperty(`${source}-circle`, 'circle-color', colour);
      for (const suffix of ['-fill', '-line', '-circle', '-count'])
        map.setLayoutProperty(`${source}${suffix}`, 'visibility', hidden.has(layer.id) ? 'none' : 'visible');
    }
  }, [map, layers, hidden]);
}
