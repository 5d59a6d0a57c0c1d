/**
 * Runs an accessibility surface on the active network (the backend's `surface` method, in the
 * scenario year) with progress and cancel, and draws the result on the map as an image layer
 * under the corridors. The zone grid is requested in bands of rows: each band is one call, so the
 * bar moves as bands arrive and a cancel takes effect at the next band (the one under way is
 * discarded). The backend computes off its main thread, so the UI and the server stay responsive.
 */
import type { Coordinates, Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NetworkLabel } from '../../../../electron/contract/api.ts';
import type { DestinationClass } from '../../../../geo/index.ts';
import { useLoaders } from '../../api/queries.ts';
import { OVERLAY_IDS, useOverlay, type Overlay } from '../../components/map/overlays.ts';
import { paintSurface } from './colour-ramp.ts';
import { surfaceBands } from './surface-bands.ts';

export type SurfaceState =
  | { status: 'idle' }
  | { status: 'running'; fraction: number }
  | { status: 'done'; max: number; cells: number; ms: number; label: string; cellKm: number; network: NetworkLabel }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

/** What a surface measures the time to: the nearest facility of a class, or a market. */
export type SurfaceTarget = { class: DestinationClass } | { market: string };

const SURFACE_LAYERS: Overlay['layers'] = [
  {
    slot: 'surface',
    layer: { id: OVERLAY_IDS.surface, type: 'raster', paint: { 'raster-opacity': 0.78, 'raster-resampling': 'nearest' } },
  },
];

export function useSurface(map: MapLibreMap | null) {
  const [state, setState] = useState<SurfaceState>({ status: 'idle' });
  /** The last surface computed, drawn until cleared (a cancelled or failed run leaves it). */
  const [drawn, setDrawn] = useState<{ image: ImageData; coordinates: Coordinates } | null>(null);
  const load = useLoaders();
  // Every run and every cancel bumps the generation; a run that finds it changed stops quietly.
  const generation = useRef(0);

  const stop = useCallback(() => {
    generation.current += 1;
  }, []);
  useEffect(() => stop, [stop]);

  const clear = useCallback(() => {
    stop();
    setDrawn(null);
    setState({ status: 'idle' });
  }, [stop]);

  // The decoded image goes straight to the source: no URL, no request.
  useOverlay(
    map,
    useMemo(
      () => (drawn ? ({ id: OVERLAY_IDS.surface, source: { type: 'image', ...drawn }, layers: SURFACE_LAYERS } satisfies Overlay) : null),
      [drawn],
    ),
  );

  const run = useCallback(
    async (target: SurfaceTarget, label: string, cellKm = 1) => {
      if (!map) return;
      stop();
      const mine = generation.current;
      const started = performance.now();
      setState({ status: 'running', fraction: 0 });
      try {
        const surface = await surfaceBands((rows) => load.surfaceRows({ target, cellKm, ...(rows ? { rows } : {}) }), {
          onProgress: (fraction) => generation.current === mine && setState({ status: 'running', fraction }),
          cancelled: () => generation.current !== mine,
        });
        if (!surface) return; // cancelled: the state says so already
        const { image, bounds } = paintSurface(surface.minutes, surface.grid);
        const [w0, s0, e0, n0] = bounds;
        const coordinates: Coordinates = [
          [w0, n0],
          [e0, n0],
          [e0, s0],
          [w0, s0],
        ];
        setDrawn({ image, coordinates });
        setState({
          status: 'done',
          max: surface.max,
          cells: surface.cells,
          ms: performance.now() - started,
          label,
          cellKm,
          network: surface.network,
        });
      } catch (error) {
        if (generation.current === mine) setState({ status: 'error', message: (error as Error).message });
      }
    },
    [map, stop, load],
  );

  const cancel = useCallback(() => {
    stop();
    setState({ status: 'cancelled' });
  }, [stop]);

  return { state, run, cancel, clear };
}
