/**
 * Runs accessibility surfaces in a worker with progress and cancel, and draws the result on the
 * map as an image layer under the corridors.
 */
import type { ImageSource, Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NetworkDataResult } from '../../../../electron/contract/api.ts';
import type { Destination, NetworkAssumptions, NetworkInput } from '../../../../geo/index.ts';
import { call } from '../../api/client.ts';
import { paintSurface } from './colour-ramp.ts';
import type { SurfaceMessage, SurfaceRequest } from './surface.worker.ts';

export type SurfaceState =
  | { status: 'idle' }
  | { status: 'running'; fraction: number }
  | { status: 'done'; max: number; cells: number; ms: number; label: string; cellKm: number }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

const SOURCE = 'access-surface';

export function useSurface(map: MapLibreMap | null) {
  const [state, setState] = useState<SurfaceState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);
  const data = useRef<Promise<NetworkDataResult> | null>(null);
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
    if (map?.getLayer(SOURCE)) map.removeLayer(SOURCE);
    if (map?.getSource(SOURCE)) map.removeSource(SOURCE);
    setState({ status: 'idle' });
  }, [map, stop]);

  const run = useCallback(
    async (
      target: { class: Destination extends infer D ? (D extends { class: infer C } ? C : never) : never } | { market: string },
      label: string,
      cellKm = 1,
    ) => {
      if (!map) return;
      stop();
      const mine = generation.current;
      setState({ status: 'running', fraction: 0 });
      data.current ??= call('networkData');
      let network: NetworkDataResult;
      try {
        network = await data.current;
      } catch (error) {
        data.current = null;
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
          const coordinates: [[number, number], [number, number], [number, number], [number, number]] = [
            [w0, n0],
            [e0, n0],
            [e0, s0],
            [w0, s0],
          ];
          // The decoded image goes straight to the source: no URL, no request.
          if (!map.getSource(SOURCE)) {
            map.addSource(SOURCE, { type: 'image', coordinates } as never);
            // Under the corridors and labels, over the county fills.
            const before = map.getLayer('county-lines') ? 'county-lines' : undefined;
            map.addLayer(
              { id: SOURCE, type: 'raster', source: SOURCE, paint: { 'raster-opacity': 0.78, 'raster-resampling': 'nearest' } },
              before,
            );
          }
          (map.getSource(SOURCE) as ImageSource).updateImage({ image, coordinates });
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
    [map, stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState({ status: 'cancelled' });
  }, [stop]);

  return { state, run, cancel, clear };
}
