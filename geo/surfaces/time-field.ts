/**
 * Travel time for every cell of a grid, given the network times of every node: a cell is linked
 * to the network exactly as a point is (see `originLinks`), so a cell's time equals the point
 * query at its centre. Runs in row chunks with progress and cancellation for the UI's worker.
 */
import { accessMinutes } from '../network/assumptions.ts';
import { distanceMetresXY } from '../network/distance.ts';
import type { Network } from '../network/graph.ts';
import type { Grid } from './grid.ts';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface FieldOptions {
  /** Cells to compute (mask value ≥ 0); others get NaN. Default: every cell. */
  mask?: Int32Array;
  /** Extra direct leg from the origin straight to the cell: `[lng, lat]` of the origin. */
  origin?: readonly [number, number];
  /**
   * Skip cells that cannot be reached within `minutes`: a cell farther from `origin` than
   * `minutes` at `fastestKmh` gets that lower bound (a time above the limit) instead of its exact
   * time. Contours at or below the limit are unchanged in substance; the work shrinks to the
   * reachable disc.
   */
  prune?: { minutes: number; fastestKmh: number };
  /** Called with the fraction done (0…1) every few rows. */
  onProgress?(fraction: number): void;
  /** Polled every few rows; return true to stop with a CancelledError. */
  shouldCancel?(): boolean;
}

/**
 * @param nodeMinutes - minutes from the origin (or to the destination class) for every node; Infinity when unreachable
 * @returns minutes per cell (row-major, row 0 north); Infinity where unreachable, NaN outside the mask
 */
export function timeField(net: Network, grid: Grid, nodeMinutes: Float64Array, options: FieldOptions = {}): Float32Array {
  const a = net.assumptions;
  const maxMetres = a.maxAccessKm * 1000;
  const k = a.accessNeighbours;
  // Only nodes that are reachable take part.
  const roadIdx: number[] = [];
  const otherIdx: number[] = [];
  for (let r = 0; r < net.roadIndex.length; r++) {
    const idx = net.roadIndex[r] as number;
    roadIdx.push(idx);
  }
  for (const node of net.nodes) if (!node.road && Number.isFinite(nodeMinutes[node.index])) otherIdx.push(node.index);
  const nodeLng = Float64Array.from(net.nodes.map((n) => n.position[0]));
  const nodeLat = Float64Array.from(net.nodes.map((n) => n.position[1]));
  const out = new Float32Array(grid.nx * grid.ny);
  const nearD = new Float64Array(k);
  const nearI = new Int32Array(k);
  const chunk = Math.max(1, Math.floor(grid.ny / 50));
  for (let j = 0; j < grid.ny; j++) {
    if (j % chunk === 0) {
      if (options.shouldCancel?.()) throw new CancelledError();
      options.onProgress?.(j / grid.ny);
    }
    const lat = grid.north - (j + 0.5) * grid.dLat;
    for (let i = 0; i < grid.nx; i++) {
      const cell = j * grid.nx + i;
      if (options.mask && (options.mask[cell] as number) < 0) {
        out[cell] = Number.NaN;
        continue;
      }
      const lng = grid.west + (i + 0.5) * grid.dLng;
      if (options.prune && options.origin) {
        const bound = (distanceMetresXY(lng, lat, options.origin[0], options.origin[1]) / 1000 / options.prune.fastestKmh) * 60;
        if (bound > options.prune.minutes) {
          out[cell] = bound;
          continue;
        }
      }
      // k nearest road nodes within reach (insertion into a small sorted buffer).
      let found = 0;
      for (const idx of roadIdx) {
        const d = distanceMetresXY(lng, lat, nodeLng[idx] as number, nodeLat[idx] as number);
        if (d > maxMetres || (found === k && d >= (nearD[k - 1] as number))) continue;
        let p = found < k ? found++ : k - 1;
        while (p > 0 && (nearD[p - 1] as number) > d) {
          nearD[p] = nearD[p - 1] as number;
          nearI[p] = nearI[p - 1] as number;
          p--;
        }
        nearD[p] = d;
        nearI[p] = idx;
      }
      let best = Number.POSITIVE_INFINITY;
      for (let p = 0; p < found; p++) {
        const t = accessMinutes(nearD[p] as number, a) + (nodeMinutes[nearI[p] as number] as number);
        if (t < best) best = t;
      }
      for (const idx of otherIdx) {
        const d = distanceMetresXY(lng, lat, nodeLng[idx] as number, nodeLat[idx] as number);
        if (d > maxMetres) continue;
        const t = accessMinutes(d, a) + (nodeMinutes[idx] as number);
        if (t < best) best = t;
      }
      if (options.origin) {
        const d = distanceMetresXY(lng, lat, options.origin[0], options.origin[1]);
        if (d <= maxMetres) {
          const t = accessMinutes(d, a);
          if (t < best) best = t;
        }
      }
      out[cell] = best;
    }
  }
  options.onProgress?.(1);
  return out;
}
