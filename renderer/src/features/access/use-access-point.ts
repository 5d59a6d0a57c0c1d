/**
 * A clicked point's travel times, isochrones and catchment, and their drawing on the map.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useState } from 'react';
import type { FeatureCollectionResult, TravelTimesResult } from '../../../../electron/contract/api.ts';
import { call } from '../../api/client.ts';
import { cssColour } from './colour-ramp.ts';

export const ISOCHRONE_MINUTES = [30, 60, 90, 120] as const;

export interface AccessPoint {
  from: [number, number];
  times?: TravelTimesResult;
  catchment?: { minutes: number; population: number; unknownCounties: string[] }[];
  isochrones?: FeatureCollectionResult;
  error?: string;
  loading: boolean;
}

const ORIGIN = 'access-origin';
const ISO = 'access-isochrones';

function ensureLayers(map: MapLibreMap) {
  if (!map.getSource(ISO)) {
    map.addSource(ISO, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const before = map.getLayer('county-lines') ? 'county-lines' : undefined;
    map.addLayer(
      {
        id: `${ISO}-fill`,
        type: 'fill',
        source: ISO,
        paint: {
          'fill-color': ['match', ['get', 'minutes'], ...ISOCHRONE_MINUTES.flatMap((m) => [m, cssColour(m)]), '#888888'] as never,
          'fill-opacity': 0.28,
        },
      },
      before,
    );
    map.addLayer({
      id: `${ISO}-line`,
      type: 'line',
      source: ISO,
      paint: {
        'line-color': ['match', ['get', 'minutes'], ...ISOCHRONE_MINUTES.flatMap((m) => [m, cssColour(m)]), '#888888'] as never,
        'line-width': 2,
      },
    });
  }
  if (!map.getSource(ORIGIN)) {
    map.addSource(ORIGIN, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: ORIGIN,
      type: 'circle',
      source: ORIGIN,
      paint: { 'circle-radius': 8, 'circle-color': '#111111', 'circle-stroke-color': '#ffd43b', 'circle-stroke-width': 3 },
    });
  }
}

export function useAccessPoint(map: MapLibreMap | null) {
  const [point, setPoint] = useState<AccessPoint | null>(null);

  const draw = useCallback(
    (from: [number, number] | null, iso: FeatureCollectionResult | null) => {
      if (!map) return;
      ensureLayers(map);
      (map.getSource(ORIGIN) as GeoJSONSource).setData({
        type: 'FeatureCollection',
        features: from ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: from }, properties: {} }] : [],
      });
      // Longest first, so shorter times are drawn on top.
      const features = iso ? [...iso.features].reverse() : [];
      (map.getSource(ISO) as GeoJSONSource).setData({ type: 'FeatureCollection', features } as never);
    },
    [map],
  );

  const pick = useCallback(
    async (from: [number, number]) => {
      setPoint({ from, loading: true });
      draw(from, null);
      try {
        const [times, catchment] = await Promise.all([call('travelTimes', { from }), call('catchment', { from, minutes: [30, 60, 90] })]);
        setPoint({ from, times, catchment, loading: false });
      } catch (error) {
        setPoint({ from, loading: false, error: (error as Error).message });
      }
    },
    [draw],
  );

  const drawIsochrones = useCallback(async () => {
    if (!point) return;
    setPoint({ ...point, loading: true });
    try {
      const isochrones = await call('isochrone', { from: point.from, minutes: [...ISOCHRONE_MINUTES] });
      draw(point.from, isochrones);
      setPoint({ ...point, isochrones, loading: false });
    } catch (error) {
      setPoint({ ...point, loading: false, error: (error as Error).message });
    }
  }, [point, draw]);

  const clear = useCallback(() => {
    setPoint(null);
    draw(null, null);
  }, [draw]);

  useEffect(() => {
    if (map?.isStyleLoaded()) ensureLayers(map);
  }, [map]);

  return { point, pick, drawIsochrones, clear };
}
