/** Camera moves and a snapshot of what the map shows. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PlaceHit } from '../../../../electron/contract/api.ts';

/** Flies to a search hit, closer for smaller places. */
export function flyToPlace(map: MapLibreMap | null, hit: PlaceHit): void {
  if (!hit.center) return;
  map?.flyTo({
    center: hit.center,
    zoom: hit.layer === 'prefectures' ? 8 : hit.layer === 'counties' ? 9 : 10.5,
    essential: true,
  });
}

/** Brings a position into view, zooming in to at least 7.5 (never out). */
export function easeToPosition(map: MapLibreMap | null, position: [number, number]): void {
  if (map) map.easeTo({ center: position, zoom: Math.max(map.getZoom(), 7.5) });
}

/** The map as it is drawn now, as a PNG data URL (read right after a repaint, while the frame is intact). */
export function mapSnapshot(map: MapLibreMap | null): Promise<string | null> {
  if (!map) return Promise.resolve(null);
  return new Promise((resolve) => {
    map.once('render', () => {
      try {
        resolve(map.getCanvas().toDataURL('image/png'));
      } catch {
        resolve(null);
      }
    });
    map.triggerRepaint();
  });
}
