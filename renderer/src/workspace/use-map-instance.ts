/** The map once it has loaded, and what the status bar shows of it (pointer position, zoom). */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useRef, useState } from 'react';

export function useMapInstance() {
  /**
   * Null until the style has loaded: overlays and clicks need a loaded style. Not the `load` event,
   * which waits for the basemap's tiles: overlays then start loading only after them.
   */
  const [map, setMap] = useState<MapLibreMap | null>(null);
  /** The map from its creation, for camera moves asked for before it has loaded. */
  const mapRef = useRef<MapLibreMap | null>(null);
  const [pointer, setPointer] = useState<[number, number] | null>(null);
  const [zoom, setZoom] = useState(0);
  const onPointer = useCallback((p: [number, number] | null, z: number) => {
    setPointer(p);
    setZoom(z);
  }, []);
  const onReady = useCallback((created: MapLibreMap) => {
    mapRef.current = created;
    // The end-to-end tests read the map through this handle.
    (window as unknown as { __siteselectMap?: MapLibreMap }).__siteselectMap = created;
    created.once('style.load', () => {
      setZoom(created.getZoom());
      setMap(created);
    });
  }, []);
  return { map, mapRef, onReady, pointer, zoom, onPointer };
}
