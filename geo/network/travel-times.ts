/**
 * Travel times from a point to the nearest facility of every class and to each market, with the
 * facilities each route uses, so a user can check it.
 */
import type { LngLat } from '../lnglat.ts';
import { FACILITY_CLASSES, type FacilityClass, type Network, type NetworkNode } from './graph.ts';
import { originLinks, pathTo, shortestPaths, type ShortestPathTree, type TravelMode } from './shortest-paths.ts';

export interface Reached {
  minutes: number;
  id: string;
  name_zh: string;
  name_en: string;
  /** Named nodes the route passes, origin side first (interchanges, stations), excluding the target. */
  via: { id: string; name_zh: string; name_en: string }[];
  /** The target's position is a stand-in (PointInput.approximate): the time is approximate. */
  approximate: boolean;
}

export interface TravelTimes {
  from: LngLat;
  /** Nearest facility of each class; null when no facility of the class has a known position or none is reachable. */
  facilities: Record<Exclude<FacilityClass, 'market'>, Reached | null>;
  markets: Record<string, Reached | null>;
}

function reached(net: Network, tree: ShortestPathTree, target: NetworkNode): Reached {
  const path = pathTo(tree, target.index).slice(0, -1);
  return {
    minutes: tree.minutes[target.index] as number,
    id: target.id,
    name_zh: target.name_zh,
    name_en: target.name_en,
    via: path.map((i) => net.nodes[i] as NetworkNode).map((n) => ({ id: n.id, name_zh: n.name_zh, name_en: n.name_en })),
    approximate: target.approximate === true,
  };
}

/** The node of class `cls` with the smallest time in the tree, or null. */
export function nearestOfClass(net: Network, tree: ShortestPathTree, cls: FacilityClass): NetworkNode | null {
  let best: NetworkNode | null = null;
  for (const node of net.nodes) {
    if (!node.classes.includes(cls)) continue;
    const t = tree.minutes[node.index] as number;
    if (t < Number.POSITIVE_INFINITY && (best === null || t < (tree.minutes[best.index] as number))) best = node;
  }
  return best;
}

/**
 * Minutes from `from` to the nearest facility of every class and to every market.
 *
 * @param from - `[lng, lat]` WGS-84
 * @param mode - `road` (default: trucks and cars) or `all` (may ride rail between stations)
 * @throws RangeError for an invalid position; UnreachableError when nothing is within reach
 */
export function travelTimes(net: Network, from: LngLat, mode: TravelMode = 'road'): TravelTimes {
  const tree = shortestPaths(net, originLinks(net, from), mode);
  const facilities = {} as TravelTimes['facilities'];
  for (const cls of FACILITY_CLASSES) {
    if (cls === 'market') continue;
    const node = nearestOfClass(net, tree, cls);
    facilities[cls] = node ? reached(net, tree, node) : null;
  }
  const markets: TravelTimes['markets'] = {};
  for (const node of net.nodes) {
    if (!node.classes.includes('market')) continue;
    markets[node.id] = Number.isFinite(tree.minutes[node.index]) ? reached(net, tree, node) : null;
  }
  return { from, facilities, markets };
}
