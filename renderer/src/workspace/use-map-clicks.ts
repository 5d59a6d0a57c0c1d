/**
 * What a click on the map means: while a site is being placed, it places it; on a ranked
 * candidate, it chooses it; on a reference feature, that layer's own handler opens its card; on a
 * road or interchange of the imported network, its card; on empty ground, it asks for travel times
 * from that point.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useEffectEvent } from 'react';
import { OVERLAY_IDS } from '../components/map/overlays.ts';
import { REFERENCE_STYLES } from '../features/layers/reference-style.ts';
import { roadAt, type RoadTarget } from '../features/roads/use-road-layer.ts';

const INTERACTIVE = Object.values(REFERENCE_STYLES).flatMap((s) => s.interactive);

export function useMapClicks(
  map: MapLibreMap | null,
  handlers: {
    /** The name of a site waiting to be placed, if any. */
    pendingSite: string | null;
    placeSite(name: string, at: [number, number]): Promise<void>;
    chooseCandidate(id: string): void;
    clickEmpty(at: [number, number]): void;
    clickRoad?(road: RoadTarget): void;
  },
): void {
  const onClick = useEffectEvent((target: MapLibreMap, e: MapMouseEvent) => {
    const at: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    if (handlers.pendingSite) {
      void handlers.placeSite(handlers.pendingSite, at);
      return;
    }
    const ranked = target.getLayer(OVERLAY_IDS.rankingCircle)
      ? target.queryRenderedFeatures(e.point, { layers: [OVERLAY_IDS.rankingCircle] })
      : [];
    if (ranked[0]) {
      handlers.chooseCandidate(String(ranked[0].properties['id']));
      return;
    }
    const layersPresent = INTERACTIVE.filter((id) => target.getLayer(id));
    if (target.queryRenderedFeatures(e.point, { layers: layersPresent }).length > 0) return;
    const road = handlers.clickRoad ? roadAt(target, e.point) : null;
    if (road) {
      handlers.clickRoad?.({ ...road, at });
      return;
    }
    handlers.clickEmpty(at);
  });
  useEffect(() => {
    if (!map) return;
    const listener = (e: MapMouseEvent) => onClick(map, e);
    map.on('click', listener);
    return () => {
      map.off('click', listener);
    };
  }, [map]);
}
