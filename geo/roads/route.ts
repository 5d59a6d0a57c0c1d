/**
 * Snapping and shortest travel times on a {@link RoadGraph}.
 *
 * - Snap: the nearest point of any edge's geometry to a `[lng, lat]` point, found through a
 *   Flatbush R-tree of edge bounding boxes (searched in growing boxes until the nearest point found
 *   is closer than the box's half-width, so no edge outside the box can be nearer).
 * - Access legs: a snapped point sits on edge e at distance `along` from e's `from` node, of e's
 *   length L. It reaches e's `to` node in (1 − along/L) · minutesFwd (if e may be driven forward)
 *   and its `from` node in along/L · minutesBwd (if backward), and is reached the other way round.
 *   Speeds are uniform along an edge (merging only joins equal speeds), so these are exact.
 *   Two points on the same edge may also drive straight along it, if its direction allows.
 * - Point to point: bidirectional Dijkstra from both access nodes of the origin and both of the
 *   destination, stopping when the two frontiers' smallest keys add up to at least the best meeting
 *   found; with non-negative weights this is exact.
 * - One to all: plain Dijkstra, the minutes to every node.
 *
 * Minutes are on the network only: the straight leg from a point to its snap is reported as a
 * distance (`snap.distanceM`) and left to the caller, who knows what off-road speed to assume.
 */
import Flatbush from 'flatbush';
import type { LngLat } from '../lnglat.ts';
import { reverseArcs, type ReverseArcs, type RoadGraph } from './graph.ts';
import { LANDMARK_SLACK, type Landmarks } from './landmarks.ts';
import { metresPerDegree, projectOnSegment, segmentMetres } from './measure.ts';
import { ROAD_CLASSES, type RoadClass } from './profile.ts';
import { IndexedHeap } from './indexed-heap.ts';

/** Where a point joins the network. */
export interface Snap {
  edge: number;
  /** Metres from the edge's `from` node along its geometry, and the edge's length. */
  alongM: number;
  lengthM: number;
  /** Straight-line metres from the point to the snapped position. */
  distanceM: number;
  /** The snapped position on the edge, `[lng, lat]`. */
  point: [number, number];
}

export interface RouteResult {
  /** Minutes on the network, from snapped origin to snapped destination. */
  minutes: number;
  /** Kilometres driven on the network. */
  km: number;
  /** Kilometres per road class used (classes not used are absent). */
  classesKm: Partial<Record<RoadClass, number>>;
  from: Snap;
  to: Snap;
  /** Graph nodes passed, in order. */
  nodes: number[];
  /** The driven line, `[lng, lat]`, when asked for. */
  geometry?: [number, number][];
}

/** A graph ready for queries: reverse arcs, spatial index and reusable search buffers. */
export class RoadRouter {
  readonly graph: RoadGraph;
  readonly reverse: ReverseArcs;
  readonly index: Flatbush | null;
  private readonly distF: Float64Array;
  private readonly distB: Float64Array;
  private readonly predNodeF: Int32Array;
  private readonly predEdgeF: Int32Array;
  private readonly predNodeB: Int32Array;
  private readonly predEdgeB: Int32Array;
  private readonly heapF: IndexedHeap;
  private readonly heapB: IndexedHeap;
  private readonly settledF: Uint8Array;
  private readonly settledB: Uint8Array;
  private touched: Int32Array;
  private touchedCount = 0;
  /** ALT landmarks, when given: point-to-point queries then run A* (see landmarks.ts). */
  readonly landmarks: Landmarks | null;
  private readonly keyA: Float64Array;
  private readonly heapA: IndexedHeap;
  private readonly hval: Float64Array;

  /**
   * @param graph - the network
   * @param stored - the `data` buffer (and byte offset in it) of a Flatbush index made by {@link buildEdgeIndex} for this graph, e.g. reloaded from disk; built when absent
   */
  constructor(graph: RoadGraph, stored?: { data: ArrayBufferLike; byteOffset?: number }, landmarks?: Landmarks) {
    this.graph = graph;
    this.reverse = reverseArcs(graph);
    this.index = graph.edgeCount === 0 ? null : stored ? Flatbush.from(stored.data, stored.byteOffset ?? 0) : buildEdgeIndex(graph);
    const n = graph.nodeCount;
    this.distF = new Float64Array(n).fill(Infinity);
    this.distB = new Float64Array(n).fill(Infinity);
    this.predNodeF = new Int32Array(n).fill(-1);
    this.predEdgeF = new Int32Array(n).fill(-1);
    this.predNodeB = new Int32Array(n).fill(-1);
    this.predEdgeB = new Int32Array(n).fill(-1);
    this.settledF = new Uint8Array(n);
    this.settledB = new Uint8Array(n);
    this.heapF = new IndexedHeap(n);
    this.heapB = new IndexedHeap(n);
    this.touched = new Int32Array(Math.min(n, 1024));
    this.landmarks = landmarks && landmarks.nodes.length > 0 ? landmarks : null;
    this.keyA = new Float64Array(this.landmarks ? n : 0);
    this.heapA = new IndexedHeap(this.landmarks ? n : 0);
    this.hval = new Float64Array(this.landmarks ? n : 0).fill(NaN);
  }

  /**
   * Nearest point of the network to `p` (`[lng, lat]`, WGS-84).
   * @param maxDistanceM - give up beyond this straight-line distance (default 100 km)
   * @param accept - when given, only edges it accepts are candidates (e.g. the edges open in a scenario year)
   * @returns null when no (accepted) edge lies within `maxDistanceM`
   */
  snap(p: LngLat, maxDistanceM = 100_000, accept?: (edge: number) => boolean): Snap | null {
    const g = this.graph;
    if (!this.index) return null;
    const [px, py] = p;
    const { kx, ky } = metresPerDegree(py);
    let bestEdge = -1;
    let bestSeg = -1;
    let bestT = 0;
    let best = Infinity;
    let r = 250;
    for (;;) {
      const rr = Math.min(r, maxDistanceM);
      // Boxes hold degrees; pad by 1e-7° so rounding never loses an edge on the box's border.
      const dx = rr / kx + 1e-7;
      const dy = rr / ky + 1e-7;
      for (const e of this.index.search(px - dx, py - dy, px + dx, py + dy)) {
        if (accept && !accept(e)) continue;
        for (let i = g.geomStart[e] as number, end = (g.geomStart[e + 1] as number) - 1; i < end; i++) {
          const q = projectOnSegment(
            px,
            py,
            g.geomLng[i] as number,
            g.geomLat[i] as number,
            g.geomLng[i + 1] as number,
            g.geomLat[i + 1] as number,
          );
          if (q.distanceM < best) {
            best = q.distanceM;
            bestEdge = e;
            bestSeg = i;
            bestT = q.t;
          }
        }
      }
      if (best <= rr) break;
      if (rr >= maxDistanceM) return null;
      r = bestEdge >= 0 ? Math.max(best, r * 2) : r * 4;
    }
    let along = 0;
    for (let i = g.geomStart[bestEdge] as number; i < bestSeg; i++) along += segLen(g, i);
    const ax = g.geomLng[bestSeg] as number;
    const ay = g.geomLat[bestSeg] as number;
    const bx = g.geomLng[bestSeg + 1] as number;
    const by = g.geomLat[bestSeg + 1] as number;
    along += bestT * segLen(g, bestSeg);
    const lengthM = g.edgeLengthM[bestEdge] as number;
    return {
      edge: bestEdge,
      alongM: Math.min(along, lengthM),
      lengthM,
      distanceM: best,
      point: [ax + bestT * (bx - ax), ay + bestT * (by - ay)],
    };
  }

  /**
   * Fastest route between two points (`[lng, lat]`, WGS-84), snapped to the network first.
   * @returns null when either point is farther than `maxSnapM` from every road, or the destination cannot be reached
   */
  route(from: LngLat, to: LngLat, options: { geometry?: boolean; maxSnapM?: number } = {}): RouteResult | null {
    const a = this.snap(from, options.maxSnapM);
    const b = this.snap(to, options.maxSnapM);
    if (!a || !b) return null;
    return this.routeSnapped(a, b, options.geometry ?? false);
  }

  /** Fastest route between two graph nodes; null when unreachable. */
  routeNodes(from: number, to: number, options: { geometry?: boolean } = {}): RouteResult | null {
    const r = this.routeSnapped(this.nodeSnap(from), this.nodeSnap(to), options.geometry ?? false);
    // The access legs of node snaps are whole edges (or nothing): name both end nodes in the path.
    if (r) {
      if (r.nodes[0] !== from) r.nodes.unshift(from);
      if (r.nodes[r.nodes.length - 1] !== to && from !== to) r.nodes.push(to);
    }
    return r;
  }

  /** A snap that sits exactly on node v (at the end of one of its edges). */
  nodeSnap(v: number): Snap {
    const g = this.graph;
    const k = g.outStart[v] as number;
    const r = this.reverse;
    const e = k < (g.outStart[v + 1] as number) ? (g.outEdge[k] as number) : (r.inEdge[r.inStart[v] as number] as number);
    const lengthM = g.edgeLengthM[e] as number;
    const atFrom = g.edgeFrom[e] === v;
    return { edge: e, alongM: atFrom ? 0 : lengthM, lengthM, distanceM: 0, point: [g.nodeLng[v] as number, g.nodeLat[v] as number] };
  }

  /** Fastest route between two snaps; null when unreachable. */
  routeSnapped(a: Snap, b: Snap, geometry = false): RouteResult | null {
    if (this.landmarks) return this.routeAStar(a, b, geometry);
    const g = this.graph;
    this.reset();
    const { distF, distB, heapF, heapB, predNodeF, predEdgeF, predNodeB, predEdgeB, settledF, settledB } = this;
    const r = this.reverse;
    let best = Infinity;
    let meet = -1;
    // Driving along one edge from a to b.
    if (a.edge === b.edge) {
      const e = a.edge;
      const L = a.lengthM;
      if (L === 0) best = 0;
      else if (b.alongM >= a.alongM) best = ((b.alongM - a.alongM) / L) * (g.edgeMinutesFwd[e] as number);
      else best = ((a.alongM - b.alongM) / L) * (g.edgeMinutesBwd[e] as number);
      if (!Number.isFinite(best)) best = Infinity;
    }
    const direct = best;
    for (const [v, t] of accessOut(g, a)) this.seed(v, t, distF, heapF);
    for (const [v, t] of accessIn(g, b)) this.seed(v, t, distB, heapB);
    for (let i = 0; i < this.touchedCount; i++) {
      const v = this.touched[i] as number;
      const t = (distF[v] as number) + (distB[v] as number);
      if (t < best) {
        best = t;
        meet = v;
      }
    }
    while (heapF.size > 0 || heapB.size > 0) {
      const kf = heapF.size > 0 ? heapF.topKey(distF) : Infinity;
      const kb = heapB.size > 0 ? heapB.topKey(distB) : Infinity;
      if (kf + kb >= best) break;
      if (kf <= kb) {
        const u = heapF.pop(distF);
        settledF[u] = 1;
        const du = distF[u] as number;
        for (let k = g.outStart[u] as number, end = g.outStart[u + 1] as number; k < end; k++) {
          const v = g.outHead[k] as number;
          const nd = du + (g.outMinutes[k] as number);
          if (nd < (distF[v] as number)) {
            if (distF[v] === Infinity && distB[v] === Infinity) this.touch(v);
            distF[v] = nd;
            predNodeF[v] = u;
            predEdgeF[v] = g.outEdge[k] as number;
            heapF.push(v, distF);
            const t = nd + (distB[v] as number);
            if (t < best) {
              best = t;
              meet = v;
            }
          }
        }
      } else {
        const u = heapB.pop(distB);
        settledB[u] = 1;
        const du = distB[u] as number;
        for (let k = r.inStart[u] as number, end = r.inStart[u + 1] as number; k < end; k++) {
          const v = r.inTail[k] as number;
          const nd = du + (r.inMinutes[k] as number);
          if (nd < (distB[v] as number)) {
            if (distF[v] === Infinity && distB[v] === Infinity) this.touch(v);
            distB[v] = nd;
            predNodeB[v] = u;
            predEdgeB[v] = r.inEdge[k] as number;
            heapB.push(v, distB);
            const t = nd + (distF[v] as number);
            if (t < best) {
              best = t;
              meet = v;
            }
          }
        }
      }
    }
    if (!Number.isFinite(best)) return null;
    // Read the path back: origin snap → … → meet → … → destination snap.
    const nodes: number[] = [];
    const edges: number[] = [];
    if (meet >= 0 && best < direct) {
      for (let v = meet; v >= 0; v = predNodeF[v] as number) {
        nodes.push(v);
        if (predNodeF[v] !== -1) edges.push(predEdgeF[v] as number);
      }
      nodes.reverse();
      edges.reverse();
      for (let v = predNodeB[meet] as number, prev = meet; v >= 0; prev = v, v = predNodeB[v] as number) {
        nodes.push(v);
        edges.push(predEdgeB[prev] as number);
      }
    }
    return this.describe(a, b, best, nodes, edges, geometry);
  }

  /** Point to point by A* with the landmarks' lower bounds; same results as the bidirectional search. */
  private routeAStar(a: Snap, b: Snap, geometry: boolean): RouteResult | null {
    const g = this.graph;
    const lm = this.landmarks as Landmarks;
    this.reset();
    const { distF, predNodeF, predEdgeF, keyA, heapA, hval } = this;
    const n = g.nodeCount;
    const k = lm.nodes.length;
    const targets = accessIn(g, b);
    // Lower bound on the minutes from v to the destination snap.
    const h = (v: number): number => {
      let cached = hval[v] as number;
      if (!Number.isNaN(cached)) return cached;
      let best = Infinity;
      for (const [u, c] of targets) {
        let lb = 0;
        for (let i = 0, o = 0; i < k; i++, o += n) {
          const x = (lm.from[o + u] as number) - (lm.from[o + v] as number);
          const y = (lm.to[o + v] as number) - (lm.to[o + u] as number);
          if (x > lb) lb = x;
          if (y > lb) lb = y;
        }
        if (lb + c < best) best = lb + c;
      }
      cached = Math.max(0, best - LANDMARK_SLACK);
      hval[v] = cached;
      return cached;
    };
    let best = Infinity;
    if (a.edge === b.edge) {
      const e = a.edge;
      const L = a.lengthM;
      if (L === 0) best = 0;
      else if (b.alongM >= a.alongM) best = ((b.alongM - a.alongM) / L) * (g.edgeMinutesFwd[e] as number);
      else best = ((a.alongM - b.alongM) / L) * (g.edgeMinutesBwd[e] as number);
      if (!Number.isFinite(best)) best = Infinity;
    }
    const direct = best;
    let meet = -1;
    const targetCost = new Map<number, number>();
    for (const [u, c] of targets) targetCost.set(u, Math.min(c, targetCost.get(u) ?? Infinity));
    for (const [v, t] of accessOut(g, a)) {
      if (t < (distF[v] as number)) {
        if (distF[v] === Infinity) this.touch(v);
        distF[v] = t;
        keyA[v] = t + h(v);
        heapA.push(v, keyA);
      }
    }
    while (heapA.size > 0) {
      if (heapA.topKey(keyA) >= best) break;
      const u = heapA.pop(keyA);
      const du = distF[u] as number;
      const tc = targetCost.get(u);
      if (tc !== undefined && du + tc < best) {
        best = du + tc;
        meet = u;
      }
      for (let q = g.outStart[u] as number, end = g.outStart[u + 1] as number; q < end; q++) {
        const v = g.outHead[q] as number;
        const nd = du + (g.outMinutes[q] as number);
        if (nd < (distF[v] as number)) {
          if (distF[v] === Infinity) this.touch(v);
          distF[v] = nd;
          predNodeF[v] = u;
          predEdgeF[v] = g.outEdge[q] as number;
          keyA[v] = nd + h(v);
          heapA.push(v, keyA);
        }
      }
    }
    if (!Number.isFinite(best)) return null;
    const nodes: number[] = [];
    const edges: number[] = [];
    if (meet >= 0 && best < direct) {
      for (let v = meet; v >= 0; v = predNodeF[v] as number) {
        nodes.push(v);
        if (predNodeF[v] !== -1) edges.push(predEdgeF[v] as number);
      }
      nodes.reverse();
      edges.reverse();
    }
    return this.describe(a, b, best, nodes, edges, geometry);
  }

  /**
   * One-to-all: minutes from a snapped point (or a node) to every graph node; Infinity where unreachable.
   * The array is a copy the caller may keep.
   */
  tree(origin: Snap | number): Float64Array {
    const g = this.graph;
    this.reset();
    const { distF, heapF, settledF } = this;
    const seeds = typeof origin === 'number' ? ([[origin, 0]] as [number, number][]) : accessOut(g, origin);
    for (const [v, t] of seeds) this.seed(v, t, distF, heapF);
    while (heapF.size > 0) {
      const u = heapF.pop(distF);
      settledF[u] = 1;
      const du = distF[u] as number;
      for (let k = g.outStart[u] as number, end = g.outStart[u + 1] as number; k < end; k++) {
        const v = g.outHead[k] as number;
        const nd = du + (g.outMinutes[k] as number);
        if (nd < (distF[v] as number)) {
          if (distF[v] === Infinity) this.touch(v);
          distF[v] = nd;
          heapF.push(v, distF);
        }
      }
    }
    return distF.slice();
  }

  /**
   * Minutes to reach a snapped point, given the one-to-all minutes of {@link tree}; pass the tree's
   * origin snap too, so a point on the origin's own edge may be reached straight along it.
   */
  timeAt(tree: Float64Array, s: Snap, origin?: Snap): number {
    const g = this.graph;
    let best = Infinity;
    for (const [v, t] of accessIn(g, s)) best = Math.min(best, (tree[v] as number) + t);
    if (origin && origin.edge === s.edge && s.lengthM > 0) {
      const e = s.edge;
      const d =
        ((s.alongM - origin.alongM) / s.lengthM) *
        (s.alongM >= origin.alongM ? (g.edgeMinutesFwd[e] as number) : -(g.edgeMinutesBwd[e] as number));
      if (d === 0 || Number.isFinite(d)) best = Math.min(best, d);
    } else if (origin && origin.edge === s.edge) best = 0;
    return best;
  }

  private describe(a: Snap, b: Snap, minutes: number, nodes: number[], edges: number[], geometry: boolean): RouteResult {
    const g = this.graph;
    const classes = new Map<number, number>();
    const add = (e: number, metres: number): void => {
      if (metres <= 0) return;
      const c = g.edgeClass[e] as number;
      classes.set(c, (classes.get(c) ?? 0) + metres);
    };
    const line: [number, number][] = [];
    const push = (pts: [number, number][]): void => {
      for (const p of pts) {
        const last = line[line.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) line.push(p);
      }
    };
    let metres = 0;
    if (nodes.length === 0) {
      // Along a single edge.
      const m = Math.abs(b.alongM - a.alongM);
      metres += m;
      add(a.edge, m);
      if (geometry) push(edgePart(g, a.edge, a.alongM, b.alongM));
    } else {
      const first = nodes[0] as number;
      const last = nodes[nodes.length - 1] as number;
      const outAlong = leaveAlong(g, a, first);
      const inAlong = arriveAlong(g, b, last);
      metres += Math.abs(outAlong - a.alongM);
      add(a.edge, Math.abs(outAlong - a.alongM));
      if (geometry) push(edgePart(g, a.edge, a.alongM, outAlong));
      for (let i = 0; i < edges.length; i++) {
        const e = edges[i] as number;
        const L = g.edgeLengthM[e] as number;
        metres += L;
        add(e, L);
        // A loop edge is never on a shortest path (its cost is positive), so `from` tells the direction.
        if (geometry) push(g.edgeFrom[e] === nodes[i] ? edgePart(g, e, 0, L) : edgePart(g, e, L, 0));
      }
      metres += Math.abs(b.alongM - inAlong);
      add(b.edge, Math.abs(b.alongM - inAlong));
      if (geometry) push(edgePart(g, b.edge, inAlong, b.alongM));
    }
    const classesKm: Partial<Record<RoadClass, number>> = {};
    for (const [c, m] of classes) classesKm[ROAD_CLASSES[c] as RoadClass] = m / 1000;
    const result: RouteResult = { minutes, km: metres / 1000, classesKm, from: a, to: b, nodes };
    if (geometry) result.geometry = line;
    return result;
  }

  private seed(v: number, t: number, dist: Float64Array, heap: IndexedHeap): void {
    if (t < (dist[v] as number)) {
      if (this.distF[v] === Infinity && this.distB[v] === Infinity) this.touch(v);
      dist[v] = t;
      heap.push(v, dist);
    }
  }

  private touch(v: number): void {
    if (this.touchedCount === this.touched.length) {
      const grown = new Int32Array(this.touched.length * 2);
      grown.set(this.touched);
      this.touched = grown;
    }
    this.touched[this.touchedCount++] = v;
  }

  private reset(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const v = this.touched[i] as number;
      this.distF[v] = Infinity;
      this.distB[v] = Infinity;
      this.predNodeF[v] = -1;
      this.predEdgeF[v] = -1;
      this.predNodeB[v] = -1;
      this.predEdgeB[v] = -1;
      this.settledF[v] = 0;
      this.settledB[v] = 0;
      if (this.landmarks) this.hval[v] = NaN;
    }
    this.touchedCount = 0;
    this.heapF.clear();
    this.heapB.clear();
    this.heapA.clear();
  }
}

/** Length of geometry segment i → i+1, metres. */
function segLen(g: RoadGraph, i: number): number {
  return segmentMetres(g.geomLng[i] as number, g.geomLat[i] as number, g.geomLng[i + 1] as number, g.geomLat[i + 1] as number);
}

/** Nodes a snapped point can drive to directly, with the minutes. */
function accessOut(g: RoadGraph, s: Snap): [number, number][] {
  const e = s.edge;
  const f = s.lengthM > 0 ? s.alongM / s.lengthM : 0;
  const out: [number, number][] = [];
  const fwd = g.edgeMinutesFwd[e] as number;
  const bwd = g.edgeMinutesBwd[e] as number;
  if (Number.isFinite(fwd)) out.push([g.edgeTo[e] as number, (1 - f) * fwd]);
  if (Number.isFinite(bwd)) out.push([g.edgeFrom[e] as number, f * bwd]);
  // A point exactly at an end is at that node, whichever way the edge may be driven.
  if (s.alongM <= 0) out.push([g.edgeFrom[e] as number, 0]);
  if (s.alongM >= s.lengthM) out.push([g.edgeTo[e] as number, 0]);
  return out;
}

/** Nodes from which a snapped point is reached directly, with the minutes. */
function accessIn(g: RoadGraph, s: Snap): [number, number][] {
  const e = s.edge;
  const f = s.lengthM > 0 ? s.alongM / s.lengthM : 0;
  const out: [number, number][] = [];
  const fwd = g.edgeMinutesFwd[e] as number;
  const bwd = g.edgeMinutesBwd[e] as number;
  if (Number.isFinite(fwd)) out.push([g.edgeFrom[e] as number, f * fwd]);
  if (Number.isFinite(bwd)) out.push([g.edgeTo[e] as number, (1 - f) * bwd]);
  if (s.alongM <= 0) out.push([g.edgeFrom[e] as number, 0]);
  if (s.alongM >= s.lengthM) out.push([g.edgeTo[e] as number, 0]);
  return out;
}

/** Along-distance of the end of the origin's edge through which the route leaves for node v. */
function leaveAlong(g: RoadGraph, s: Snap, v: number): number {
  const e = s.edge;
  const f = s.lengthM > 0 ? s.alongM / s.lengthM : 0;
  const viaTo = g.edgeTo[e] !== v ? Infinity : s.alongM >= s.lengthM ? 0 : (1 - f) * (g.edgeMinutesFwd[e] as number);
  const viaFrom = g.edgeFrom[e] !== v ? Infinity : s.alongM <= 0 ? 0 : f * (g.edgeMinutesBwd[e] as number);
  return viaTo <= viaFrom ? s.lengthM : 0;
}

/** Along-distance of the end of the destination's edge through which the route arrives from node v. */
function arriveAlong(g: RoadGraph, s: Snap, v: number): number {
  const e = s.edge;
  const f = s.lengthM > 0 ? s.alongM / s.lengthM : 0;
  const viaFrom = g.edgeFrom[e] !== v ? Infinity : s.alongM <= 0 ? 0 : f * (g.edgeMinutesFwd[e] as number);
  const viaTo = g.edgeTo[e] !== v ? Infinity : s.alongM >= s.lengthM ? 0 : (1 - f) * (g.edgeMinutesBwd[e] as number);
  return viaFrom <= viaTo ? 0 : s.lengthM;
}

/** Points of edge e between two along-distances (metres from its `from` node), in travel order. */
export function edgePart(g: RoadGraph, e: number, fromAlong: number, toAlong: number): [number, number][] {
  const start = g.geomStart[e] as number;
  const end = g.geomStart[e + 1] as number;
  const lo = Math.min(fromAlong, toAlong);
  const hi = Math.max(fromAlong, toAlong);
  const pts: [number, number][] = [];
  let acc = 0;
  for (let i = start; i < end - 1; i++) {
    const len = segLen(g, i);
    const s0 = acc;
    const s1 = acc + len;
    const ax = g.geomLng[i] as number;
    const ay = g.geomLat[i] as number;
    const bx = g.geomLng[i + 1] as number;
    const by = g.geomLat[i + 1] as number;
    const at = (d: number): [number, number] => {
      const t = len > 0 ? (d - s0) / len : 0;
      return [ax + t * (bx - ax), ay + t * (by - ay)];
    };
    if (s1 >= lo && s0 <= hi) {
      if (pts.length === 0) pts.push(at(Math.max(lo, s0)));
      if (s1 <= hi) pts.push([bx, by]);
      else {
        pts.push(at(hi));
        break;
      }
    }
    acc = s1;
  }
  if (pts.length === 0) pts.push([g.geomLng[start] as number, g.geomLat[start] as number]);
  return fromAlong <= toAlong ? pts : pts.reverse();
}

/** A Flatbush R-tree over the bounding boxes of the graph's edges (item i is edge i); its `data` buffer can be stored with the graph. */
export function buildEdgeIndex(g: RoadGraph): Flatbush {
  const index = new Flatbush(Math.max(1, g.edgeCount));
  for (let e = 0; e < g.edgeCount; e++) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = g.geomStart[e] as number, end = g.geomStart[e + 1] as number; i < end; i++) {
      const x = g.geomLng[i] as number;
      const y = g.geomLat[i] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    index.add(minX, minY, maxX, maxY);
  }
  if (g.edgeCount === 0) index.add(0, 0, 0, 0);
  index.finish();
  return index;
}
