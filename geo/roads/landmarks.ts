/**
 * ALT landmarks (Goldberg & Harrelson 2005, "Computing the shortest path: A* search meets graph
 * theory", SODA): for a few landmark nodes L, the minutes d(L, v) from L and d(v, L) to L for every
 * node v. By the triangle inequality, for any nodes v and u,
 *
 *     d(v, u) ≥ max_L max( d(L, u) − d(L, v),  d(v, L) − d(u, L) )
 *
 * a lower bound that makes A* settle far fewer nodes than Dijkstra on road networks. Landmarks are
 * chosen farthest-first: each new one is the node farthest (in minutes) from the landmarks so far.
 *
 * Distances are stored as Float32Array to halve the memory; their rounding (≤ 1.2e-7 relative)
 * can make the bound exceed the true distance by a hair, so the search subtracts
 * {@link LANDMARK_SLACK} minutes and reopens nodes whose distance improves, which keeps A* exact.
 */
import type { ReverseArcs, RoadGraph } from './graph.ts';

export interface Landmarks {
  /** Landmark node indexes. */
  nodes: Int32Array;
  /** d(L_k, v) at [k · nodeCount + v], minutes (Infinity when unreachable). */
  from: Float32Array;
  /** d(v, L_k) at [k · nodeCount + v]. */
  to: Float32Array;
}

/** Minutes subtracted from every landmark bound to absorb the Float32 rounding (0.01 min = 0.6 s). */
export const LANDMARK_SLACK = 0.01;

/** Minutes from `start` to every node over the arcs given in CSR form (Dijkstra, binary heap). */
export function minutesFrom(start: number, n: number, first: Int32Array, head: Int32Array, minutes: Float64Array): Float64Array {
  const dist = new Float64Array(n).fill(Infinity);
  const heap = new Int32Array(n);
  const pos = new Int32Array(n).fill(-1);
  let size: number;
  const up = (i: number): void => {
    const v = heap[i] as number;
    const k = dist[v] as number;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pv = heap[p] as number;
      if ((dist[pv] as number) <= k) break;
      heap[i] = pv;
      pos[pv] = i;
      i = p;
    }
    heap[i] = v;
    pos[v] = i;
  };
  dist[start] = 0;
  heap[0] = start;
  pos[start] = 0;
  size = 1;
  while (size > 0) {
    const u = heap[0] as number;
    pos[u] = -2;
    const last = heap[--size] as number;
    if (size > 0) {
      // Sift the last element down from the root.
      let i = 0;
      const k = dist[last] as number;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && (dist[heap[c + 1] as number] as number) < (dist[heap[c] as number] as number)) c++;
        const cv = heap[c] as number;
        if ((dist[cv] as number) >= k) break;
        heap[i] = cv;
        pos[cv] = i;
        i = c;
      }
      heap[i] = last;
      pos[last] = i;
    }
    const du = dist[u] as number;
    for (let a = first[u] as number, end = first[u + 1] as number; a < end; a++) {
      const v = head[a] as number;
      const nd = du + (minutes[a] as number);
      if (nd < (dist[v] as number)) {
        dist[v] = nd;
        if ((pos[v] as number) < 0) {
          heap[size] = v;
          pos[v] = size++;
        }
        up(pos[v] as number);
      }
    }
  }
  return dist;
}

/**
 * Chooses `count` landmarks farthest-first and computes their distance tables.
 * @param count - number of landmarks (capped at the node count)
 */
export function computeLandmarks(g: RoadGraph, reverse: ReverseArcs, count: number): Landmarks {
  const n = g.nodeCount;
  const k = Math.min(count, n);
  const nodes = new Int32Array(k);
  const from = new Float32Array(k * n);
  const to = new Float32Array(k * n);
  if (k === 0) return { nodes, from, to };
  // Minutes from each node to its nearest chosen landmark (either direction): the next landmark maximises it.
  const nearest = new Float64Array(n).fill(Infinity);
  // The first landmark: the node farthest from node 0.
  let next = 0;
  {
    const d = minutesFrom(0, n, g.outStart, g.outHead, g.outMinutes);
    let best = -1;
    for (let v = 0; v < n; v++) {
      if (Number.isFinite(d[v] as number) && (d[v] as number) > best) {
        best = d[v] as number;
        next = v;
      }
    }
  }
  for (let i = 0; i < k; i++) {
    nodes[i] = next;
    const df = minutesFrom(next, n, g.outStart, g.outHead, g.outMinutes);
    const dt = minutesFrom(next, n, reverse.inStart, reverse.inTail, reverse.inMinutes);
    from.set(df, i * n);
    to.set(dt, i * n);
    let best = -1;
    for (let v = 0; v < n; v++) {
      const d = Math.min(df[v] as number, dt[v] as number);
      if (d < (nearest[v] as number)) nearest[v] = d;
      if (Number.isFinite(nearest[v] as number) && (nearest[v] as number) > best) {
        best = nearest[v] as number;
        next = v;
      }
    }
  }
  return { nodes, from, to };
}
