/**
 * Isochrones: the areas reachable from a point within given minutes, as nested polygons.
 * Method: shortest-path tree from the point, time field on a grid (each cell linked to the
 * network like any point), contour polygons by marching squares (d3-contour) at each threshold.
 * Because every polygon is a contour of the same field, the 30-minute area lies inside the
 * 60-minute one.
 */
import { contours } from 'd3-contour';
import type { LngLat } from '../lnglat.ts';
import { gridOver, type Grid } from './grid.ts';
import { timeField, type FieldOptions } from './time-field.ts';
import type { Network } from '../network/graph.ts';
import { originLinks, shortestPaths, type TravelMode } from '../network/shortest-paths.ts';

export const DEFAULT_THRESHOLDS = [30, 60, 90, 120] as const;

export interface IsochroneFeature {
  type: 'Feature';
  properties: { minutes: number; from: LngLat; cellKm: number };
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface IsochroneOptions extends Pick<FieldOptions, 'onProgress' | 'shouldCancel'> {
  /** Grid cell size, km (default 2). */
  cellKm?: number;
  /** Area to compute over, `[west, south, east, north]`; default: the network's extent plus a margin. */
  bbox?: readonly [number, number, number, number];
  mode?: TravelMode;
}

/** Bounding box of the network's nodes, widened by `marginDeg` degrees. */
export function networkBBox(net: Network, marginDeg = 0.5): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const node of net.nodes) {
    w = Math.min(w, node.position[0]);
    e = Math.max(e, node.position[0]);
    s = Math.min(s, node.position[1]);
    n = Math.max(n, node.position[1]);
  }
  return [w - marginDeg, s - marginDeg, e + marginDeg, n + marginDeg];
}

/** Contour polygons of a time field (minutes) at each threshold, as WGS-84 MultiPolygons. */
export function contourField(field: Float32Array, grid: Grid, thresholds: readonly number[]): number[][][][][] {
  // d3-contour draws areas where value ≥ threshold, so contour −minutes at −threshold.
  const values = new Float64Array(field.length);
  for (let c = 0; c < field.length; c++) {
    const t = field[c] as number;
    values[c] = Number.isFinite(t) ? -t : -1e9;
  }
  const generator = contours()
    .size([grid.nx, grid.ny])
    .thresholds(thresholds.map((t) => -t));
  // d3 orders its output by threshold value, not as given: match each contour by its value.
  const byValue = new Map(generator(Array.from(values)).map((multi) => [multi.value, multi]));
  return thresholds.map((t) =>
    (byValue.get(-t)?.coordinates ?? []).map((polygon) =>
      polygon.map((ring) => ring.map(([x, y]) => [grid.west + (x as number) * grid.dLng, grid.north - (y as number) * grid.dLat])),
    ),
  );
}

/**
 * Checks isochrone thresholds: 1–12 positive minutes, ascending without repeats.
 * @throws RangeError naming the first problem
 */
export function checkThresholds(thresholds: readonly number[]): void {
  if (thresholds.length === 0) throw new RangeError('at least one threshold (minutes) is needed');
  if (thresholds.length > 12) throw new RangeError(`at most 12 thresholds, got ${thresholds.length}`);
  thresholds.forEach((t, i) => {
    if (!(t > 0) || !Number.isFinite(t)) throw new RangeError(`threshold ${i + 1} must be a positive number of minutes, got ${t}`);
    if (i > 0 && t <= (thresholds[i - 1] as number)) throw new RangeError('thresholds must be in ascending order without repeats');
  });
}

/**
 * @param from - `[lng, lat]` WGS-84
 * @param thresholds - minutes, ascending, positive, at most 12
 * @throws RangeError for an empty, unsorted or non-positive threshold list or a bad position;
 *   UnreachableError when the point cannot reach the network
 */
export function isochrones(
  net: Network,
  from: LngLat,
  thresholds: readonly number[] = DEFAULT_THRESHOLDS,
  options: IsochroneOptions = {},
): IsochroneFeature[] {
  checkThresholds(thresholds);
  const tree = shortestPaths(net, originLinks(net, from), options.mode ?? 'road');
  const cellKm = options.cellKm ?? 2;
  // Nothing lies farther than the longest time at the fastest speed the trip may use.
  const a = net.assumptions;
  const fastestKmh = Math.max(a.expresswayKmh, a.ordinaryRoadKmh, options.mode === 'all' ? Math.max(a.hsrKmh, a.conventionalRailKmh) : 0);
  const longest = thresholds[thresholds.length - 1] as number;
  const reachDeg = ((longest / 60) * fastestKmh) / 100 + 0.05; // ≥ 1 km per 0.01°, plus a cell of margin
  const [w, s, e, n] = options.bbox ?? networkBBox(net);
  const bbox: [number, number, number, number] = [
    Math.max(w, from[0] - reachDeg / Math.cos((from[1] * Math.PI) / 180)),
    Math.max(s, from[1] - reachDeg),
    Math.min(e, from[0] + reachDeg / Math.cos((from[1] * Math.PI) / 180)),
    Math.min(n, from[1] + reachDeg),
  ];
  const grid = gridOver(bbox, cellKm);
  const field = timeField(net, grid, tree.minutes, {
    origin: from,
    prune: { minutes: longest, fastestKmh },
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.shouldCancel ? { shouldCancel: options.shouldCancel } : {}),
  });
  return contourField(field, grid, thresholds).map((coordinates, i) => ({
    type: 'Feature',
    properties: { minutes: thresholds[i] as number, from, cellKm },
    geometry: { type: 'MultiPolygon', coordinates },
  }));
}
