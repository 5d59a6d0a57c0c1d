/**
 * Dijkstra's shortest-path tree over the network, from a point or from a set of nodes.
 * Times are minutes; unreachable nodes have `Infinity`.
 */
import { lngLatProblem, type LngLat } from '../lnglat.ts';
import { accessMinutes, minutesAt } from './assumptions.ts';
import { distanceMetresXY } from './distance.ts';
import { EDGE_MODES, nearestRoadNodes, type EdgeMode, type Network } from './graph.ts';
import { MinHeap } from './heap.ts';

/** Which edges a trip may use: `road` (expressways and ordinary roads) or `all` (also rail). */
export type TravelMode = 'road' | 'all';

export interface Link {
  node: number;
  minutes: number;
}

export interface ShortestPathTree {
  minutes: Float64Array;
  /** Node each node was reached from, -1 for nodes reached directly from the origin. */
  previous: Int32Array;
}

/**
 * A point closer than this to an expressway's line counts as on the carriageway (a vehicle on
 * the road, a service area): it may drive along the expressway to either end of that edge.
 * Anywhere else a trip joins the expressway at an interchange. Metres.
 */
export const ON_CARRIAGEWAY_METRES = 50;

/** Thrown when a point has no network node within reach; the message says how far the nearest is. */
export class UnreachableError extends Error {}

const ROAD_MODES = new Set<EdgeMode>(['expressway', 'access']);
const modeAllowed = (mode: TravelMode) => Uint8Array.from(EDGE_MODES.map((m) => (mode === 'all' || ROAD_MODES.has(m) ? 1 : 0)));

/**
 * The ordinary-road legs from a position into the network: to its `accessNeighbours` nearest
 * interchanges and directly to every other node (facility, station, market) within
 * `maxAccessKm`, each at straight-line distance × detour factor and ordinary-road speed.
 *
 * @param position - `[lng, lat]` WGS-84 degrees
 * @throws RangeError for an invalid position; UnreachableError when no node is within reach
 */
export function originLinks(net: Network, position: LngLat): Link[] {
  const problem = lngLatProblem(position);
  if (problem) throw new RangeError(problem);
  const a = net.assumptions;
  const maxMetres = a.maxAccessKm * 1000;
  const links: Link[] = nearestRoadNodes(net, position[0], position[1], a.accessNeighbours, maxMetres).map((n) => ({
    node: n.index,
    minutes: accessMinutes(n.metres, a),
  }));
  for (const node of net.nodes) {
    if (node.road) continue;
    const metres = distanceMetresXY(position[0], position[1], node.position[0], node.position[1]);
    if (metres <= maxMetres) links.push({ node: node.index, minutes: accessMinutes(metres, a) });
  }
  links.push(...carriagewayLinks(net, position));
  if (links.length === 0) {
    throw new UnreachableError(
      `no network node within ${a.maxAccessKm} km of [${position[0]}, ${position[1]}]: the point cannot be reached on the network`,
    );
  }
  return links;
}

/**
 * Where a position projects onto an expressway edge's polyline: metres along it from `edge.from`
 * and metres off it, or null when it lies outside the edge's padded bounding box. Projection in a
 * local plane scaled to metres (cos φ); distances by {@link distanceMetresXY}.
 *
 * @param lng - longitude, WGS-84 degrees
 * @param lat - latitude, WGS-84 degrees
 */
export function projectOnCarriageway(
  edge: Network['carriageways'][number],
  lng: number,
  lat: number,
): { along: number; off: number } | null {
  const pad = ON_CARRIAGEWAY_METRES / 90_000; // degrees; generous at these latitudes
  const [w, s, e, n] = edge.bbox;
  if (lng < w - pad || lng > e + pad || lat < s - pad || lat > n + pad) return null;
  let along = 0;
  let bestAlong = -1;
  let bestOff = Number.POSITIVE_INFINITY;
  for (let i = 1; i < edge.coordinates.length; i++) {
    const a = edge.coordinates[i - 1] as LngLat;
    const b = edge.coordinates[i] as LngLat;
    const segment = distanceMetresXY(a[0], a[1], b[0], b[1]);
    const k = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
    const bx = (b[0] - a[0]) * k;
    const by = b[1] - a[1];
    const px = (lng - a[0]) * k;
    const py = lat - a[1];
    const len2 = bx * bx + by * by;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * bx + py * by) / len2));
    const off = distanceMetresXY(lng, lat, a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t);
    if (off < bestOff) {
      bestOff = off;
      bestAlong = along + t * segment;
    }
    along += segment;
  }
  return { along: bestAlong, off: bestOff };
}

/**
 * Links along the expressway edges a position lies on (within {@link ON_CARRIAGEWAY_METRES}):
 * to both ends of each such edge, at expressway speed for the distance along it.
 *
 * @param position - `[lng, lat]` WGS-84 degrees
 */
export function carriagewayLinks(net: Network, position: LngLat): Link[] {
  const links: Link[] = [];
  const kmh = net.assumptions.expresswayKmh;
  for (const edge of net.carriageways) {
    const p = projectOnCarriageway(edge, position[0], position[1]);
    if (p && p.off <= ON_CARRIAGEWAY_METRES) {
      links.push(
        { node: edge.from, minutes: minutesAt(p.along, kmh) },
        { node: edge.to, minutes: minutesAt(edge.lengthMetres - p.along, kmh) },
      );
    }
  }
  return links;
}

/** Shortest-path tree from the given links (minutes already spent to reach each linked node). */
export function shortestPaths(net: Network, sources: readonly Link[], mode: TravelMode = 'road'): ShortestPathTree {
  const n = net.nodes.length;
  const minutes = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const previous = new Int32Array(n).fill(-1);
  const allowed = modeAllowed(mode);
  const heap = new MinHeap();
  for (const s of sources) {
    if (s.minutes < (minutes[s.node] as number)) {
      minutes[s.node] = s.minutes;
      previous[s.node] = -1;
      heap.push(s.node, s.minutes);
    }
  }
  const { adjStart, adjTarget, adjMinutes, adjMode } = net;
  while (heap.size > 0) {
    const u = heap.pop();
    const du = heap.lastKey;
    if (du > (minutes[u] as number)) continue;
    for (let k = adjStart[u] as number, end = adjStart[u + 1] as number; k < end; k++) {
      if (allowed[adjMode[k] as number] === 0) continue;
      const v = adjTarget[k] as number;
      const dv = du + (adjMinutes[k] as number);
      if (dv < (minutes[v] as number)) {
        minutes[v] = dv;
        previous[v] = u;
        heap.push(v, dv);
      }
    }
  }
  return { minutes, previous };
}

/** Node indexes from the origin's first node to `target`, in travel order. */
export function pathTo(tree: ShortestPathTree, target: number): number[] {
  const path: number[] = [];
  for (let v = target; v !== -1; v = tree.previous[v] as number) {
    path.push(v);
    if (path.length > tree.previous.length) throw new Error('cycle in shortest-path tree');
  }
  return path.reverse();
}
