/**
 * A road graph (geo/roads) as it stands in one year, and the searches every travel time on it is
 * made of: snapping a point to the nearest open edge, the legs from a snapped point to the ends of
 * its edge, and multi-source Dijkstra forward (from origins) or backward (to destinations) with an
 * optional time limit.
 *
 * Year: an edge is open when its status and year say so (years.ts `openIn`); a closed edge's
 * minutes are Infinity in both directions, so no search uses it and no point snaps to it.
 *
 * A point off the network reaches its snapped position on the straight line at
 * {@link OFF_ROAD_KMH}; a snapped position on edge e at fraction f = along / length reaches e's
 * `to` node in (1 − f) · minutesFwd and its `from` node in f · minutesBwd (speeds are uniform along
 * an edge), and is reached from them in f · minutesFwd and (1 − f) · minutesBwd.
 */
import type { Snap } from '../roads/route.ts';
import type { RoadRouter } from '../roads/route.ts';
import type { RoadGraph } from '../roads/graph.ts';
import { IndexedHeap } from '../roads/indexed-heap.ts';
import { minutesAt } from './assumptions.ts';
import { OPENING_STATUSES, openIn } from './years.ts';

/**
 * Off-road leg: from a point to the nearest drivable edge (and from the edge to a destination), on
 * the straight line at this speed, km/h. A team default: a site is rarely more than a few hundred
 * metres from a tertiary road, travelled on yard and access roads at urban-street pace (城市道路工程
 * 设计规范 CJJ 37-2012 gives 20 km/h as the lowest design speed of a branch road, 支路).
 */
export const OFF_ROAD_KMH = 20;

/** A facility farther than this from every open drivable edge is listed with a warning and not connected, metres (issue 16). */
export const FACILITY_SNAP_LIMIT_M = 2000;

/**
 * A point or grid cell farther than this from every open edge is outside the network's coverage
 * (unreachable, never a time), metres. A team default: 20 km of off-road leg is an hour at
 * {@link OFF_ROAD_KMH}; in the zone every inhabited place lies far closer to a tertiary road, so
 * only points outside an extract's area (or a partial extract) are cut off.
 */
export const MAX_OFF_ROAD_M = 20_000;

/** Minutes of the off-road leg for `metres` of straight line. */
export function offRoadMinutes(metres: number): number {
  return minutesAt(metres, OFF_ROAD_KMH);
}

/** A search's start: a node, the minutes already spent reaching it, and a label carried to every node it reaches first. */
export interface RoadSeed {
  node: number;
  minutes: number;
  label: number;
}

/** The result of a search: per node the minutes, the label of the seed it came from (-1), and the node it was reached from (-1). */
export interface RoadTree {
  minutes: Float64Array;
  label: Int32Array;
  /** Forward search: the previous node on the path from the seed; backward: the next node on the path to the seed. */
  prev: Int32Array;
}

/** Forward: from the seeds along the arcs (times from an origin); backward: against them (times to a destination). */
export type SearchDirection = 'forward' | 'backward';

/** The graph's edges open in one year, with their arcs, reverse arcs and the routines every query uses. */
export class RoadView {
  readonly graph: RoadGraph;
  readonly router: RoadRouter;
  /** The scenario year, or null for the network as its data stands. */
  readonly asOf: number | null;
  /** 1 where edge e is open in `asOf`. */
  readonly open: Uint8Array;
  /** Minutes per edge in each direction; Infinity where not allowed or closed. */
  readonly fwd: Float64Array;
  readonly bwd: Float64Array;
  /** Out-arcs (the graph's CSR order, minutes masked) and in-arcs. */
  readonly outMinutes: Float64Array;
  readonly inStart: Int32Array;
  readonly inTail: Int32Array;
  readonly inEdge: Int32Array;
  readonly inMinutes: Float64Array;
  /** Edges that are closed in this year but exist in the graph (under construction, planned, or opening later). */
  readonly closedEdges: number;
  /** The fastest speed of any open arc, km/h: how far a time limit can reach. */
  readonly fastestKmh: number;
  private readonly accept: (edge: number) => boolean;
  // Scratch buffers of the bounded searches (reset through the touched list).
  private readonly sDist: Float64Array;
  private readonly sLabel: Int32Array;
  private readonly sPrev: Int32Array;
  private readonly heap: IndexedHeap;
  private touched: Int32Array;
  private touchedCount = 0;

  /**
   * @param router - the graph with its spatial index (geo/roads RoadRouter)
   * @param asOf - the scenario year, or null (see years.ts)
   */
  constructor(router: RoadRouter, asOf: number | null) {
    const g = router.graph;
    this.graph = g;
    this.router = router;
    this.asOf = asOf;
    const m = g.edgeCount;
    this.open = new Uint8Array(m);
    this.fwd = new Float64Array(m);
    this.bwd = new Float64Array(m);
    let closed = 0;
    let fastest = 0;
    for (let e = 0; e < m; e++) {
      const status = g.edgeStatus ? (g.edgeStatus[e] as number) : 0;
      const year = g.edgeYear ? (g.edgeYear[e] as number) : 0;
      const isOpen = openIn({ status: OPENING_STATUSES[status] ?? 'open', year: year > 0 ? year : null }, asOf);
      this.open[e] = isOpen ? 1 : 0;
      if (!isOpen) closed++;
      this.fwd[e] = isOpen ? (g.edgeMinutesFwd[e] as number) : Infinity;
      this.bwd[e] = isOpen ? (g.edgeMinutesBwd[e] as number) : Infinity;
      if (isOpen) {
        const best = Math.min(g.edgeMinutesFwd[e] as number, g.edgeMinutesBwd[e] as number);
        if (best > 0 && Number.isFinite(best)) fastest = Math.max(fastest, ((g.edgeLengthM[e] as number) / 1000 / best) * 60);
      }
    }
    this.closedEdges = closed;
    this.fastestKmh = fastest;
    const arcs = g.outHead.length;
    this.outMinutes = new Float64Array(arcs);
    for (let a = 0; a < arcs; a++) this.outMinutes[a] = this.open[g.outEdge[a] as number] ? (g.outMinutes[a] as number) : Infinity;
    const n = g.nodeCount;
    const inStart = new Int32Array(n + 1);
    for (let a = 0; a < arcs; a++) inStart[(g.outHead[a] as number) + 1]!++;
    for (let v = 0; v < n; v++) inStart[v + 1]! += inStart[v] as number;
    const fill = inStart.slice(0, n);
    this.inTail = new Int32Array(arcs);
    this.inEdge = new Int32Array(arcs);
    this.inMinutes = new Float64Array(arcs);
    for (let u = 0; u < n; u++) {
      for (let a = g.outStart[u] as number, end = g.outStart[u + 1] as number; a < end; a++) {
        const k = fill[g.outHead[a] as number]!++;
        this.inTail[k] = u;
        this.inEdge[k] = g.outEdge[a] as number;
        this.inMinutes[k] = this.outMinutes[a] as number;
      }
    }
    this.inStart = inStart;
    const open = this.open;
    this.accept = (edge) => open[edge] === 1;
    this.sDist = new Float64Array(n).fill(Infinity);
    this.sLabel = new Int32Array(n).fill(-1);
    this.sPrev = new Int32Array(n).fill(-1);
    this.heap = new IndexedHeap(n);
    this.touched = new Int32Array(Math.min(Math.max(n, 1), 4096));
  }

  /**
   * The nearest point of an open edge to `[lng, lat]` (WGS-84 degrees).
   * @param maxDistanceM - give up beyond this straight line (default {@link MAX_OFF_ROAD_M})
   * @returns null when no open edge lies within `maxDistanceM`
   */
  snap(lng: number, lat: number, maxDistanceM = MAX_OFF_ROAD_M): Snap | null {
    return this.router.snap([lng, lat], maxDistanceM, this.closedEdges > 0 ? this.accept : undefined);
  }

  /** Nodes a snapped point drives to directly, with the minutes (off-road leg not included). */
  accessOut(s: Snap): [number, number][] {
    return access(this.graph, s, this.fwd, this.bwd, true);
  }

  /** Nodes from which a snapped point is reached directly, with the minutes (off-road leg not included). */
  accessIn(s: Snap): [number, number][] {
    return access(this.graph, s, this.fwd, this.bwd, false);
  }

  /** Minutes to drive along one edge from snapped point a to snapped point b (Infinity when its direction forbids it or they lie on different edges). */
  along(a: Snap, b: Snap): number {
    if (a.edge !== b.edge) return Infinity;
    if (a.lengthM === 0) return 0;
    const d = b.alongM - a.alongM;
    if (d === 0) return 0;
    const per = (d > 0 ? (this.fwd[a.edge] as number) : (this.bwd[a.edge] as number)) / a.lengthM;
    return Number.isFinite(per) ? Math.abs(d) * per : Infinity;
  }

  /**
   * Multi-source Dijkstra into fresh arrays the caller may keep.
   * @param limit - stop once every node within this many minutes is final (farther nodes may hold an upper bound or Infinity)
   */
  tree(seeds: readonly RoadSeed[], direction: SearchDirection, limit = Infinity): RoadTree {
    const n = this.graph.nodeCount;
    const out: RoadTree = {
      minutes: new Float64Array(n).fill(Infinity),
      label: new Int32Array(n).fill(-1),
      prev: new Int32Array(n).fill(-1),
    };
    this.run(seeds, direction, limit, out.minutes, out.label, out.prev, false);
    return out;
  }

  /**
   * Like {@link tree}, into the view's own buffers, which stay valid until the next call: for
   * many bounded searches (a labour pool per site) without allocating.
   */
  scratch(seeds: readonly RoadSeed[], direction: SearchDirection, limit: number): RoadTree {
    for (let i = 0; i < this.touchedCount; i++) {
      const v = this.touched[i] as number;
      this.sDist[v] = Infinity;
      this.sLabel[v] = -1;
      this.sPrev[v] = -1;
    }
    this.touchedCount = 0;
    this.run(seeds, direction, limit, this.sDist, this.sLabel, this.sPrev, true);
    return { minutes: this.sDist, label: this.sLabel, prev: this.sPrev };
  }

  /** The nodes the last {@link scratch} search gave a time (settled or on its frontier); valid until the next search. */
  scratchNodes(): Int32Array {
    return this.touched.subarray(0, this.touchedCount);
  }

  private run(
    seeds: readonly RoadSeed[],
    direction: SearchDirection,
    limit: number,
    dist: Float64Array,
    label: Int32Array,
    prev: Int32Array,
    track: boolean,
  ): void {
    const g = this.graph;
    const forward = direction === 'forward';
    const start = forward ? g.outStart : this.inStart;
    const head = forward ? g.outHead : this.inTail;
    const cost = forward ? this.outMinutes : this.inMinutes;
    const heap = this.heap;
    heap.clear();
    for (const s of seeds) {
      if (!(s.minutes < (dist[s.node] as number))) continue;
      if (track && dist[s.node] === Infinity) this.touch(s.node);
      dist[s.node] = s.minutes;
      label[s.node] = s.label;
      prev[s.node] = -1;
      heap.push(s.node, dist);
    }
    while (heap.size > 0) {
      const u = heap.pop(dist);
      const du = dist[u] as number;
      if (du > limit) break;
      const lu = label[u] as number;
      for (let k = start[u] as number, end = start[u + 1] as number; k < end; k++) {
        const v = head[k] as number;
        const nd = du + (cost[k] as number);
        if (nd < (dist[v] as number)) {
          if (track && dist[v] === Infinity) this.touch(v);
          dist[v] = nd;
          label[v] = lu;
          prev[v] = u;
          heap.push(v, dist);
        }
      }
    }
    heap.clear();
  }

  private touch(v: number): void {
    if (this.touchedCount === this.touched.length) {
      const grown = new Int32Array(this.touched.length * 2);
      grown.set(this.touched);
      this.touched = grown;
    }
    this.touched[this.touchedCount++] = v;
  }
}

/** The legs between a snapped point and the ends of its edge: `out` from the point, else into it. */
function access(g: RoadGraph, s: Snap, fwd: Float64Array, bwd: Float64Array, out: boolean): [number, number][] {
  const e = s.edge;
  const f = s.lengthM > 0 ? s.alongM / s.lengthM : 0;
  const from = g.edgeFrom[e] as number;
  const to = g.edgeTo[e] as number;
  const mf = fwd[e] as number;
  const mb = bwd[e] as number;
  const legs: [number, number][] = [];
  if (out) {
    if (Number.isFinite(mf)) legs.push([to, (1 - f) * mf]);
    if (Number.isFinite(mb)) legs.push([from, f * mb]);
  } else {
    if (Number.isFinite(mf)) legs.push([from, f * mf]);
    if (Number.isFinite(mb)) legs.push([to, (1 - f) * mb]);
  }
  // A point exactly at an end is at that node, whichever way the edge may be driven.
  if (s.alongM <= 0) legs.push([from, 0]);
  if (s.alongM >= s.lengthM) legs.push([to, 0]);
  return legs;
}
