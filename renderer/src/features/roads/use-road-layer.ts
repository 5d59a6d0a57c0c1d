/**
 * The imported network's roads on the map while it is the active network, and which road or
 * interchange the user clicked (its card: road-card.tsx). A road is a thin line, so a click counts
 * within a few pixels of it.
 */
import type { Map as MapLibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useRoadLayer } from '../../api/queries.ts';
import { useOverlay } from '../../components/map/overlays.ts';
import { ROAD_CLICK_LAYERS, roadOverlay } from './road-style.ts';

export interface RoadTarget {
  kind: 'way' | 'junction';
  id: number;
  at: [number, number];
}

/** Pixels around the pointer that still hit a road. */
const TOLERANCE_PX = 4;

/** The road or interchange drawn at a point of the map (an interchange first), or null. */
export function roadAt(map: MapLibreMap, point: { x: number; y: number }): { kind: 'way' | 'junction'; id: number } | null {
  const layers = ROAD_CLICK_LAYERS.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
  if (layers.length === 0) return null;
  const box: [PointLike, PointLike] = [
    [point.x - TOLERANCE_PX, point.y - TOLERANCE_PX],
    [point.x + TOLERANCE_PX, point.y + TOLERANCE_PX],
  ];
  // Topmost first: a junction is drawn over its roads.
  const hit = map.queryRenderedFeatures(box, { layers: [...layers] })[0];
  if (!hit || typeof hit.id !== 'number') return null;
  return { kind: hit.layer.id === ROAD_CLICK_LAYERS[1] ? 'junction' : 'way', id: hit.id };
}

/** Draws the roads while the OSM network is active; a click on one (workspace/use-map-clicks.ts) calls `select`. */
export function useRoadMap(map: MapLibreMap | null, visible: boolean) {
  const info = useRoadLayer();
  const overlay = useMemo(() => roadOverlay(info.data, window.location.origin, visible), [info.data, visible]);
  useOverlay(map, overlay);
  // Kept with the tiles it was clicked on: after a new import (or none), the old road's card goes.
  const [picked, setPicked] = useState<{ road: RoadTarget; tiles: string | null } | null>(null);
  const tiles = info.data?.tiles ?? null;
  const target = picked && picked.tiles === tiles && overlay !== null ? picked.road : null;
  const available = overlay !== null;

  const onMove = useEffectEvent((m: MapLibreMap, e: MapMouseEvent) => {
    const canvas = m.getCanvas();
    const over = roadAt(m, e.point) !== null;
    if (over) canvas.dataset['overRoad'] = 'true';
    else if (canvas.dataset['overRoad']) {
      delete canvas.dataset['overRoad'];
      canvas.style.cursor = '';
      return;
    }
    if (over && !canvas.style.cursor) canvas.style.cursor = 'pointer';
  });
  useEffect(() => {
    if (!map || !available) return;
    const move = (e: MapMouseEvent) => onMove(map, e);
    map.on('mousemove', move);
    return () => {
      map.off('mousemove', move);
    };
  }, [map, available]);

  const select = useCallback((hit: RoadTarget) => setPicked({ road: hit, tiles }), [tiles]);
  const clear = useCallback(() => setPicked(null), []);
  return { info: info.data, available, target, select, clear };
}
