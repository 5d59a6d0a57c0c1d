/**
 * Runs accessibility surfaces in a worker with progress and cancel, and draws the result on the
 * map as an image layer under the corridors.
 */
import type { Coordinates, Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NetworkDataResult } from '../../../../electron/contract/api.ts';
import type { Destination, FacilityClass, NetworkAssumptions, NetworkInput } from '../../../../geo/index.ts';
import { useLoaders } from '../../api/queries.ts';
import { OVERLAY_IDS, useOverlay, type Overlay } from '../../components/map/overlays.ts';
import { paintSurface } from './colour-ramp.ts';
import type { SurfaceMessage, SurfaceRequest } from './surface.worker.ts';

export type SurfaceState =
  | { status: 'idle' }
  | { status: 'running'; fraction: number }
  | { status: 'done'; max: number; cells: number; ms: number; label: string; cellKm: number }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

/** What a surface measures the time to: the nearest facility of a class, or a market. */
export type SurfaceTarget = { class: FacilityClass } | { market: string };

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
  const worker = useRef<Worker | null>(null);
  const load = useLoaders();
  // Every run and every cancel bumps the generation; a run that finds it changed stops quietly.
  const generation = useRef(0);

  const stop = useCallback(() => {
    generation.current += 1;
    worker.current?.terminate();
    worker.current = null;
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
      setState({ status: 'running', fraction: 0 });
      let network: NetworkDataResult;
      try {
        network = await load.networkData();
      } catch (error) {
        if (generation.current === mine) setState({ status: 'error', message: (error as Error).message });
        return;
      }
      if (generation.current !== mine) return; // cancelled while the network data loaded
      const destination: Destination =
        'class' in target ? { class: target.class } : { node: network.markets.find((m) => m.id === target.market)?.node ?? target.market };
      const w = new Worker(new URL('./surface.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      w.onmessage = (event: MessageEvent<SurfaceMessage>) => {
        const msg = event.data;
        if (msg.type === 'progress') setState({ status: 'running', fraction: msg.fraction });
        else if (msg.type === 'error') {
          stop();
          setState({ status: 'error', message: msg.message });
        } else {
          stop();
          const { image, bounds } = paintSurface(msg.minutes, msg.grid);
          const [w0, s0, e0, n0] = bounds;
          const coordinates: Coordinates = [
            [w0, n0],
            [e0, n0],
            [e0, s0],
            [w0, s0],
          ];
          setDrawn({ image, coordinates });
          setState({ status: 'done', max: msg.max, cells: msg.cells, ms: msg.ms, label, cellKm });
        }
      };
      w.onerror = (e) => {
        stop();
        setState({ status: 'error', message: e.message });
      };
      const request: SurfaceRequest = {
        type: 'compute',
        network: {
          input: network.input as unknown as NetworkInput,
          assumptions: network.assumptions as NetworkAssumptions,
          bbox: network.zone.bbox,
          counties: network.zone.counties,
        },
        destination,
        cellKm,
      };
      w.postMessage(request);
    },
    [map, stop, load],
  );

  const cancel = useCallback(() => {
    stop();
    setState({ status: 'cancelled' });
  }, [stop]);

  return { state, run, cancel, clear };
}
