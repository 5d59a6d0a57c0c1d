/**
 * Travel time for every cell of a grid, given the network times of every node: a cell is linked
 * to the network exactly as a point is (see `originLinks`), so a cell's time equals the point
 * query at its centre. Runs in row chunks with progress and cancellation for the UI's worker.
 */
import { accessMinutes, minutesAt } from '../network/assumptions.ts';
import { ON_CARRIAGEWAY_METRES, projectOnCarriageway } from '../network/shortest-paths.ts';
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

/** Reusable buffers for {@link linkPoint}. */
export interface LinkBuffer {
  node: Int32Array;
  minutes: Float64Array;
  count: number;
}

/** Buffers sized for the most links a point can have: its nearest interchanges, every other node, both ends of every carriageway. */
export function linkBuffer(net: Network): LinkBuffer {
  const size = net.assumptions.accessNeighbours + net.nodes.length + 2 * net.carriageways.length;
  return { node: new Int32Array(size), minutes: new Float64Array(size), count: 0 };
}

/**
 * The links of a position exactly as for an origin (`originLinks`): its nearest interchanges
 * within reach and every other node within reach by ordinary road, and both ends of any
 * expressway it lies on (`carriagewayLinks`). Written into `out` (no allocation), for hot loops
 * over grid cells.
 *
 * @param lng - longitude, WGS-84 degrees
 * @param lat - latitude, WGS-84 degrees
 */
export function linkPoint(net: Network, lng: number, lat: number, out: LinkBuffer, nodeLng: Float64Array, nodeLat: Float64Array): void {
  const a = net.assumptions;
  const maxMetres = a.maxAccessKm * 1000;
  const k = a.accessNeighbours;
  let found = 0;
  const nearD = out.minutes; // reuse as scratch for distances, converted below
  const nearI = out.node;
  for (let r = 0; r < net.roadIndex.length; r++) {
    const idx = net.roadIndex[r] as number;
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
  for (let p = 0; p < found; p++) nearD[p] = accessMinutes(nearD[p] as number, a);
  let count = found;
  for (const node of net.nodes) {
    if (node.road) continue;
    const d = distanceMetresXY(lng, lat, nodeLng[node.index] as number, nodeLat[node.index] as number);
    if (d > maxMetres) continue;
    nearI[count] = node.index;
    nearD[count] = accessMinutes(d, a);
    count++;
  }
  for (const edge of net.carriageways) {
    const p = projectOnCarriageway(edge, lng, lat);
    if (!p || p.off > ON_CARRIAGEWAY_METRES) continue;
    nearI[count] = edge.from;
    nearD[count] = minutesAt(p.along, a.expresswayKmh);
    nearI[count + 1] = edge.to;
    nearD[count + 1] = minutesAt(edge.lengthMetres - p.along, a.expresswayKmh);
    count += 2;
  }
  out.count = count;
}

/** Node positions as flat arrays, for {@link linkPoint}. */
export function nodePositions(net: Network): { lng: Float64Array; lat: Float64Array } {
  return { lng: Float64Array.from(net.nodes.map((n) => n.position[0])), lat: Float64Array.from(net.nodes.map((n) => n.position[1])) };
}

/**
 * Links of every cell of a grid, stored once, so that many time fields over the same grid
 * (catchments of many candidate sites) cost one pass over the stored links each.
 */
export interface CellLinks {
  grid: Grid;
  /** Cells with links are `cells[c]`; their links are `node/minutes[start[c] .. start[c+1])`. */
  cells: Int32Array;
  start: Int32Array;
  node: Int32Array;
  minutes: Float32Array;
  /** Centre of each linked cell, degrees. */
  lng: Float64Array;
  lat: Float64Array;
}

/**
 * Links every cell (of `mask`, when given) to the network as {@link linkPoint} does, stored in
 * flat arrays once, so that many fields over one grid each cost a pass over stored links.
 *
 * @param mask - cells to link (value ≥ 0); default every cell
 */
export function linkCells(net: Network, grid: Grid, mask?: Int32Array): CellLinks {
  const { lng: nodeLng, lat: nodeLat } = nodePositions(net);
  const buf = linkBuffer(net);
  const cells: number[] = [];
  const lngs: number[] = [];
  const lats: number[] = [];
  const start: number[] = [0];
  const node: number[] = [];
  const minutes: number[] = [];
  for (let j = 0; j < grid.ny; j++) {
    const lat = grid.north - (j + 0.5) * grid.dLat;
    for (let i = 0; i < grid.nx; i++) {
      const cell = j * grid.nx + i;
      if (mask && (mask[cell] as number) < 0) continue;
      const lng = grid.west + (i + 0.5) * grid.dLng;
      linkPoint(net, lng, lat, buf, nodeLng, nodeLat);
      cells.push(cell);
      lngs.push(lng);
      lats.push(lat);
      for (let p = 0; p < buf.count; p++) {
        node.push(buf.node[p] as number);
        minutes.push(buf.minutes[p] as number);
      }
      start.push(node.length);
    }
  }
  return {
    grid,
    cells: Int32Array.from(cells),
    start: Int32Array.from(start),
    node: Int32Array.from(node),
    minutes: Float32Array.from(minutes),
    lng: Float64Array.from(lngs),
    lat: Float64Array.from(lats),
  };
}

/**
 * Time field from stored cell links: for each linked cell, min over its links of access minutes
 * plus the node's time, and the direct leg from `origin` when given. Cells without links stay NaN.
 * With `within` only cells that could be reached within `within.minutes` (straight line at
 * `within.fastestKmh` from the origin) are computed; the others get +Infinity.
 */
export function fieldFromLinks(
  net: Network,
  links: CellLinks,
  nodeMinutes: Float64Array,
  origin?: readonly [number, number],
  within?: { minutes: number; fastestKmh: number },
  /** Reused output buffer (grid-sized); only linked cells are written. */
  reuse?: Float32Array,
): Float32Array {
  const { grid } = links;
  const out = reuse ?? new Float32Array(grid.nx * grid.ny).fill(Number.NaN);
  const maxMetres = net.assumptions.maxAccessKm * 1000;
  const reachMetres = within ? (within.minutes / 60) * within.fastestKmh * 1000 : Number.POSITIVE_INFINITY;
  for (let c = 0; c < links.cells.length; c++) {
    const cell = links.cells[c] as number;
    const d = origin ? distanceMetresXY(links.lng[c] as number, links.lat[c] as number, origin[0], origin[1]) : 0;
    if (d > reachMetres) {
      out[cell] = Number.POSITIVE_INFINITY;
      continue;
    }
    let best = Number.POSITIVE_INFINITY;
    for (let p = links.start[c] as number, end = links.start[c + 1] as number; p < end; p++) {
      const t = (links.minutes[p] as number) + (nodeMinutes[links.node[p] as number] as number);
      if (t < best) best = t;
    }
    if (origin && d <= maxMetres) {
      const t = accessMinutes(d, net.assumptions);
      if (t < best) best = t;
    }
    out[cell] = best;
  }
  return out;
}

/**
 * Minutes for every cell of a grid: each cell is linked as a point is ({@link linkPoint}) and
 * takes the best of its links' access minutes plus the linked node's minutes, or the direct leg
 * from `options.origin` by ordinary road.
 *
 * @param nodeMinutes - minutes from the origin (or to the destination class) for every node; Infinity when unreachable
 * @returns minutes per cell (row-major, row 0 north); Infinity where unreachable, NaN outside the mask
 * @throws CancelledError when `options.shouldCancel` says so
 */
export function timeField(net: Network, grid: Grid, nodeMinutes: Float64Array, options: FieldOptions = {}): Float32Array {
  const a = net.assumptions;
  const maxMetres = a.maxAccessKm * 1000;
  const { lng: nodeLng, lat: nodeLat } = nodePositions(net);
  const buf = linkBuffer(net);
  const out = new Float32Array(grid.nx * grid.ny);
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
      linkPoint(net, lng, lat, buf, nodeLng, nodeLat);
      let best = Number.POSITIVE_INFINITY;
      for (let p = 0; p < buf.count; p++) {
        const t = (buf.minutes[p] as number) + (nodeMinutes[buf.node[p] as number] as number);
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
