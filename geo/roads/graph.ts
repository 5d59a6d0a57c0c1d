/**
 * The routable road graph: compact typed arrays, nothing else, so it serialises as a handful of
 * buffers and reloads without parsing.
 *
 * Nodes are road junctions, dead ends and interchanges (OSM nodes where the degree-2 chains
 * were cut). Edges are the merged chains between them, each with its full geometry. Arcs are the
 * directions in which an edge may be driven, in CSR order (all arcs leaving node v are
 * `outStart[v] … outStart[v + 1] − 1`).
 */

/** The graph as stored. Positions are WGS-84 degrees; lengths metres; times minutes. */
export interface RoadGraph {
  nodeCount: number;
  edgeCount: number;
  /** Per node: position and the OSM node id (exact up to 2^53). */
  nodeLng: Float64Array;
  nodeLat: Float64Array;
  nodeOsmId: Float64Array;
  /** Per edge: ends, length, driving minutes in the drawing direction (from → to) and against it (Infinity when closed). */
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeLengthM: Float64Array;
  edgeMinutesFwd: Float64Array;
  edgeMinutesBwd: Float64Array;
  /** Code in ROAD_CLASSES. */
  edgeClass: Uint8Array;
  /** OSM id of the (first) way the edge comes from. */
  edgeWayId: Float64Array;
  /** Index into `strings` of the way's name and ref, or -1. */
  edgeName: Int32Array;
  edgeRef: Int32Array;
  /** Geometry of edge e: points geomStart[e] … geomStart[e+1]−1 of geomLng/geomLat (from the `from` node to the `to` node). */
  geomStart: Int32Array;
  geomLng: Float64Array;
  geomLat: Float64Array;
  /** Out-arcs in CSR order: head node, edge, minutes. */
  outStart: Int32Array;
  outHead: Int32Array;
  outEdge: Int32Array;
  outMinutes: Float64Array;
  /** Names and refs of ways. */
  strings: string[];
  /**
   * Per edge, its opening (geo/network/years.ts): status code in OPENING_STATUSES (0 open,
   * 1 under construction, 2 planned) and year (0 when no source gives one). Absent in networks
   * imported before opening years were kept: every edge is then open, year unknown.
   */
  edgeStatus?: Uint8Array;
  edgeYear?: Int16Array;
}

/** The optional per-edge arrays a graph may carry, serialised when present. */
export const ROAD_GRAPH_OPTIONAL_ARRAYS = ['edgeStatus', 'edgeYear'] as const;

/** The typed arrays of a graph, by name, in a fixed order (what the serialiser writes). */
export const ROAD_GRAPH_ARRAYS = [
  'nodeLng',
  'nodeLat',
  'nodeOsmId',
  'edgeFrom',
  'edgeTo',
  'edgeLengthM',
  'edgeMinutesFwd',
  'edgeMinutesBwd',
  'edgeClass',
  'edgeWayId',
  'edgeName',
  'edgeRef',
  'geomStart',
  'geomLng',
  'geomLat',
  'outStart',
  'outHead',
  'outEdge',
  'outMinutes',
] as const;

export type RoadGraphArrayName = (typeof ROAD_GRAPH_ARRAYS)[number];

/** In-arcs (the reverse graph) for backward searches: tail node, edge, minutes. Derived, never stored. */
export interface ReverseArcs {
  inStart: Int32Array;
  inTail: Int32Array;
  inEdge: Int32Array;
  inMinutes: Float64Array;
}

/** Builds the reverse CSR of a graph's out-arcs in O(arcs). */
export function reverseArcs(g: RoadGraph): ReverseArcs {
  const n = g.nodeCount;
  const m = g.outHead.length;
  const inStart = new Int32Array(n + 1);
  for (let a = 0; a < m; a++) inStart[(g.outHead[a] as number) + 1]!++;
  for (let v = 0; v < n; v++) inStart[v + 1]! += inStart[v] as number;
  const fill = inStart.slice(0, n);
  const inTail = new Int32Array(m);
  const inEdge = new Int32Array(m);
  const inMinutes = new Float64Array(m);
  for (let u = 0; u < n; u++) {
    for (let a = g.outStart[u] as number, end = g.outStart[u + 1] as number; a < end; a++) {
      const v = g.outHead[a] as number;
      const k = fill[v]!++;
      inTail[k] = u;
      inEdge[k] = g.outEdge[a] as number;
      inMinutes[k] = g.outMinutes[a] as number;
    }
  }
  return { inStart, inTail, inEdge, inMinutes };
}

/** The bounding box of a graph's nodes, `[west, south, east, north]` in degrees (WGS-84); all Infinity-signed when empty. */
export function nodeBounds(g: RoadGraph): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let v = 0; v < g.nodeCount; v++) {
    const x = g.nodeLng[v] as number;
    const y = g.nodeLat[v] as number;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/** Total length in km per class code of a graph's edges. */
export function kmByClass(g: RoadGraph): Map<number, number> {
  const km = new Map<number, number>();
  for (let e = 0; e < g.edgeCount; e++) {
    const c = g.edgeClass[e] as number;
    km.set(c, (km.get(c) ?? 0) + (g.edgeLengthM[e] as number) / 1000);
  }
  return km;
}

/** Geometry of edge e as `[lng, lat]` positions, from its `from` node to its `to` node. */
export function edgeGeometry(g: RoadGraph, e: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = g.geomStart[e] as number, end = g.geomStart[e + 1] as number; i < end; i++)
    out.push([g.geomLng[i] as number, g.geomLat[i] as number]);
  return out;
}
