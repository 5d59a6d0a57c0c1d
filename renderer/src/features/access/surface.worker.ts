/// <reference lib="webworker" />
/**
 * Accessibility surfaces off the UI thread. The main thread sends the network data once (from the
 * `networkData` API) and then requests; progress is posted as it goes; cancelling terminates the
 * worker (see use-surface.ts).
 */
import {
  accessibilitySurface,
  buildNetwork,
  gridOver,
  rasterize,
  type Destination,
  type Network,
  type NetworkAssumptions,
  type NetworkInput,
  type Rings,
} from '../../../../geo/index.ts';

export interface SurfaceRequest {
  type: 'compute';
  network: {
    input: NetworkInput;
    assumptions: NetworkAssumptions;
    bbox: [number, number, number, number];
    counties: { geometry: { type: string; coordinates: unknown } }[];
  };
  destination: Destination;
  cellKm: number;
}

export type SurfaceMessage =
  | { type: 'progress'; fraction: number }
  | {
      type: 'done';
      minutes: Float32Array;
      grid: { west: number; north: number; dLng: number; dLat: number; nx: number; ny: number; cellKm: number };
      max: number;
      cells: number;
      ms: number;
    }
  | { type: 'error'; message: string };

let cached: { key: string; net: Network } | undefined;
let cachedMask: { key: string; mask: Int32Array } | undefined;

self.onmessage = (event: MessageEvent<SurfaceRequest>) => {
  const started = performance.now();
  try {
    const { network, destination, cellKm } = event.data;
    const key = JSON.stringify(network.assumptions) + network.input.interchanges.length + network.input.facilities.length;
    if (cached?.key !== key) cached = { key, net: buildNetwork(network.input, network.assumptions) };
    const grid = gridOver(network.bbox, cellKm);
    const maskKey = `${cellKm}`;
    if (cachedMask?.key !== maskKey) {
      const rings = network.counties.map(
        (c) => (c.geometry.type === 'Polygon' ? c.geometry.coordinates : (c.geometry.coordinates as unknown[][]).flat()) as Rings,
      );
      cachedMask = { key: maskKey, mask: rasterize(grid, rings) };
    }
    const mask = cachedMask.mask;
    const surface = accessibilitySurface(cached.net, grid, destination, {
      mask,
      onProgress: (fraction) => postMessage({ type: 'progress', fraction } satisfies SurfaceMessage),
    });
    let cells = 0;
    for (const k of mask) if (k >= 0) cells++;
    const message: SurfaceMessage = {
      type: 'done',
      minutes: surface.minutes,
      grid,
      max: surface.max,
      cells,
      ms: performance.now() - started,
    };
    postMessage(message, { transfer: [surface.minutes.buffer] });
  } catch (error) {
    postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies SurfaceMessage);
  }
};
