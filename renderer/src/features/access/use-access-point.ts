/**
 * A clicked point's travel times, isochrones and catchment, and their drawing on the map.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ResultOf, TravelTimesResult } from '../../../../electron/contract/api.ts';
import { useCatchment, useIsochrones, useTravelTimes } from '../../api/queries.ts';
import { OVERLAY_IDS, useOverlay, type Overlay } from '../../components/map/overlays.ts';
import { cssColour } from './colour-ramp.ts';

export const ISOCHRONE_MINUTES = [30, 60, 90, 120] as const;
const CATCHMENT_MINUTES = [30, 60, 90] as const;

export interface AccessPoint {
  from: [number, number];
  times?: TravelTimesResult;
  catchment?: { minutes: number; population: number; unknownCounties: string[] }[];
  /** The isochrones and the network they were computed on. */
  isochrones?: ResultOf<'isochrone'>;
  error?: string;
  loading: boolean;
}

const byMinutes = ['match', ['get', 'minutes'], ...ISOCHRONE_MINUTES.flatMap((m) => [m, cssColour(m)]), '#888888'] as never;

const ISOCHRONE_LAYERS: Overlay['layers'] = [
  {
    slot: 'isochrone-areas',
    layer: { id: OVERLAY_IDS.isochroneFill, type: 'fill', paint: { 'fill-color': byMinutes, 'fill-opacity': 0.28 } },
  },
  { slot: 'isochrone-lines', layer: { id: OVERLAY_IDS.isochroneLine, type: 'line', paint: { 'line-color': byMinutes, 'line-width': 2 } } },
];

/**
 * The clicked point, as a DOM marker over the map rather than a map layer: a new layer means new
 * WebGL frames, and with software WebGL each one holds the page for ~200 ms, so the travel-time
 * card waited behind three of them (issue 19's trace of a map click).
 */
function originMarker(at: [number, number]): Marker {
  const element = document.createElement('div');
  element.className = 'access-origin';
  element.setAttribute('aria-hidden', 'true');
  return new Marker({ element }).setLngLat(at);
}

export function useAccessPoint(map: MapLibreMap | null) {
  const [picked, setPicked] = useState<{ from: [number, number]; isochrones: boolean } | null>(null);
  const from = picked?.from ?? null;
  const times = useTravelTimes(from);
  const catchment = useCatchment(from, CATCHMENT_MINUTES);
  const isochrones = useIsochrones(picked?.isochrones ? from : null, ISOCHRONE_MINUTES);

  const point = useMemo((): AccessPoint | null => {
    if (!picked) return null;
    const error = times.error ?? catchment.error ?? isochrones.error;
    return {
      from: picked.from,
      // Each as soon as it is in: the times take tens of ms, the population within reach (a field
      // over the zone's raster) can take half a second for a point not asked before.
      ...(times.data ? { times: times.data } : {}),
      ...(catchment.data ? { catchment: catchment.data } : {}),
      ...(isochrones.data ? { isochrones: isochrones.data } : {}),
      ...(error ? { error: error.message } : {}),
      loading: times.isFetching || catchment.isFetching || isochrones.isFetching,
    };
  }, [picked, times.data, times.error, times.isFetching, catchment.data, catchment.error, catchment.isFetching, isochrones]);

  useEffect(() => {
    if (!map || !from) return;
    const marker = originMarker(from).addTo(map);
    return () => void marker.remove();
  }, [map, from]);
  useOverlay(
    map,
    useMemo(
      (): Overlay => ({
        id: OVERLAY_IDS.isochrones,
        // Longest first, so shorter times are drawn on top.
        source: {
          type: 'geojson',
          data: { type: 'FeatureCollection', features: isochrones.data ? [...isochrones.data.features].reverse() : [] } as never,
        },
        layers: ISOCHRONE_LAYERS,
      }),
      [isochrones.data],
    ),
  );

  const pick = useCallback((at: [number, number]) => setPicked({ from: at, isochrones: false }), []);
  const drawIsochrones = useCallback(() => setPicked((p) => (p ? { ...p, isochrones: true } : p)), []);
  const clear = useCallback(() => setPicked(null), []);

  return { point, pick, drawIsochrones, clear };
}
