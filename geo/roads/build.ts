/**
 * From kept OSM ways and their node positions to the routable {@link RoadGraph}:
 *
 * 1. every pair of consecutive way nodes with known positions is a *segment*, carrying its way's
 *    class, directions and speeds;
 * 2. strongly connected components of the segment graph (Tarjan, iterative, typed arrays): only
 *    the largest is kept, so every kept node can reach every other; the rest is reported;
 * 3. chains of segments through nodes of degree 2 whose two segments have the same class,
 *    directions and speeds are merged into one edge, keeping every point of the chain for
 *    drawing and snapping; nodes listed in `keepNodes` (interchanges) are never merged away,
 *    and ways of different openings (status and year) are never merged into one edge;
 * 4. arcs in CSR order for the searches.
 */
import type { RoadGraph } from './graph.ts';
import { segmentMetres } from './measure.ts';

/** Kept ways with node references resolved to indexes of the node arrays. */
export interface RawRoads {
  /** Per node (index): OSM id and position (NaN when the extract lacks the node). */
  nodeId: Float64Array;
  nodeLng: Float64Array;
  nodeLat: Float64Array;
  /** Per way: OSM id, class code, flags (bit 0 forward allowed, bit 1 backward allowed), speeds km/h, name/ref string indexes (-1 none). */
  wayId: Float64Array;
  wayClass: Uint8Array;
  wayFlags: Uint8Array;
  wayKmhFwd: Float64Array;
  wayKmhBwd: Float64Array;
  wayName: Int32Array;
  wayRef: Int32Array;
  /** Node indexes of way w: refs[wayStart[w] … wayStart[w+1]−1]. */
  wayStart: Int32Array;
  refs: Int32Array;
  strings: string[];
  /** Node indexes that must stay graph nodes (e.g. motorway_junction). */
  keepNodes?: Int32Array;
  /** Per way, its opening (geo/network/years.ts): status code (0 open, 1 construction, 2 planned) and year (0 unknown). Absent: all open, year unknown. */
  wayStatus?: Uint8Array;
  wayYear?: Int16Array;
}

export const FORWARD = 1;
export const BACKWARD = 2;

/** What the build kept and dropped. */
export interface BuildReport {
  segments: number;
  /** Strongly connected components other than the largest, their nodes (OSM nodes) and km. */
  droppedComponents: number;
  droppedNodes: number;
  droppedKm: number;
  /** Segments whose ends were missing from the extract. */
  missingNodeSegments: number;
}

/**
 * Builds the graph; see the module comment. An input with no segment gives an empty graph.
 * `inNetwork[v]` is 1 for each node of `raw` in the kept (largest) component: a segment is in the
 * network exactly when both its nodes are (what the road map draws, geo/roads/road-layer.ts).
 */
export function buildRoadGraph(raw: RawRoads): { graph: RoadGraph; report: BuildReport; inNetwork: Uint8Array } {
  const nNodes = raw.nodeId.length;
  const nWays = raw.wayId.length;

  // 1. Segments.
  let segCount = 0;
  let missing = 0;
  for (let w = 0; w < nWays; w++) {
    for (let i = (raw.wayStart[w] as number) + 1, end = raw.wayStart[w + 1] as number; i < end; i++) {
      const a = raw.refs[i - 1] as number;
      const b = raw.refs[i] as number;
      if (a === b) continue;
      if (a < 0 || b < 0 || Number.isNaN(raw.nodeLng[a] as number) || Number.isNaN(raw.nodeLng[b] as number)) {
        missing++;
        continue;
      }
      segCount++;
    }
  }
  const segA = new Int32Array(segCount);
  const segB = new Int32Array(segCount);
  const segWay = new Int32Array(segCount);
  {
    let s = 0;
    for (let w = 0; w < nWays; w++) {
      for (let i = (raw.wayStart[w] as number) + 1, end = raw.wayStart[w + 1] as number; i < end; i++) {
        const a = raw.refs[i - 1] as number;
        const b = raw.refs[i] as number;
        if (a === b || a < 0 || b < 0 || Number.isNaN(raw.nodeLng[a] as number) || Number.isNaN(raw.nodeLng[b] as number)) continue;
        segA[s] = a;
        segB[s] = b;
        segWay[s] = w;
        s++;
      }
    }
  }
  const segFlagArr = new Uint8Array(segCount);
  for (let s = 0; s < segCount; s++) segFlagArr[s] = raw.wayFlags[segWay[s] as number] as number;
  const segFlags = (s: number): number => segFlagArr[s] as number;

  // Incidence lists: segments touching each node.
  const incidence = (alive: Uint8Array | null): { start: Int32Array; seg: Int32Array } => {
    const start = new Int32Array(nNodes + 1);
    for (let s = 0; s < segCount; s++) {
      if (alive && !alive[s]) continue;
      start[(segA[s] as number) + 1]!++;
      start[(segB[s] as number) + 1]!++;
    }
    for (let v = 0; v < nNodes; v++) start[v + 1]! += start[v] as number;
    const fill = start.slice(0, nNodes);
    const seg = new Int32Array(start[nNodes] as number);
    for (let s = 0; s < segCount; s++) {
      if (alive && !alive[s]) continue;
      seg[fill[segA[s] as number]!++] = s;
      seg[fill[segB[s] as number]!++] = s;
    }
    return { start, seg };
  };
  // 2. Strongly connected components, in a function of their own so that their working arrays
  // (and the first incidence lists) are garbage before the merge allocates.
  const { comp, compCount, compSize } = components(nNodes, incidence(null), segA, segB, segFlagArr);
  let largest = -1;
  for (let c = 0; c < compCount; c++) if (largest < 0 || (compSize[c] as number) > (compSize[largest] as number)) largest = c;
  const alive = new Uint8Array(segCount);
  let droppedKm = 0;
  for (let s = 0; s < segCount; s++) {
    const a = segA[s] as number;
    const b = segB[s] as number;
    if (comp[a] === largest && comp[b] === largest) alive[s] = 1;
    else
      droppedKm +=
        segmentMetres(raw.nodeLng[a] as number, raw.nodeLat[a] as number, raw.nodeLng[b] as number, raw.nodeLat[b] as number) / 1000;
  }
  let droppedNodes = 0;
  const inNetwork = new Uint8Array(nNodes);
  for (let v = 0; v < nNodes; v++) {
    if ((comp[v] as number) >= 0 && comp[v] !== largest) droppedNodes++;
    if (largest >= 0 && comp[v] === largest) inNetwork[v] = 1;
  }
  const report: BuildReport = {
    segments: segCount,
    droppedComponents: Math.max(0, compCount - 1),
    droppedNodes,
    droppedKm,
    missingNodeSegments: missing,
  };

  // 3. Degree-2 merging over the kept segments.
  const kept = incidence(alive);
  const keep = new Uint8Array(nNodes);
  if (raw.keepNodes) for (const v of raw.keepNodes) if (v >= 0 && v < nNodes) keep[v] = 1;
  /** Flags of segment s read in the direction that leaves node v. */
  const flagsFrom = (s: number, v: number): number => {
    const f = segFlags(s);
    return segA[s] === v ? f : ((f & FORWARD) << 1) | ((f & BACKWARD) >> 1);
  };
  const kmhFrom = (s: number, v: number, forward: boolean): number => {
    const w = segWay[s] as number;
    const alongDrawing = (segA[s] === v) === forward;
    return (alongDrawing ? raw.wayKmhFwd[w] : raw.wayKmhBwd[w]) as number;
  };
  const isGraphNode = new Uint8Array(nNodes);
  for (let v = 0; v < nNodes; v++) {
    const deg = (kept.start[v + 1] as number) - (kept.start[v] as number);
    if (deg === 0) continue;
    if (deg !== 2 || keep[v]) {
      isGraphNode[v] = 1;
      continue;
    }
    const s1 = kept.seg[kept.start[v] as number] as number;
    const s2 = kept.seg[(kept.start[v] as number) + 1] as number;
    const u = segA[s1] === v ? (segB[s1] as number) : (segA[s1] as number);
    const w = segA[s2] === v ? (segB[s2] as number) : (segA[s2] as number);
    // Travelling u → v → w: s1 is read arriving at v, s2 leaving v.
    const f1 = flagsFrom(s1, u);
    const f2 = flagsFrom(s2, v);
    const way1 = segWay[s1] as number;
    const way2 = segWay[s2] as number;
    const same =
      u !== w &&
      raw.wayClass[way1] === raw.wayClass[way2] &&
      (raw.wayStatus?.[way1] ?? 0) === (raw.wayStatus?.[way2] ?? 0) &&
      (raw.wayYear?.[way1] ?? 0) === (raw.wayYear?.[way2] ?? 0) &&
      f1 === f2 &&
      kmhFrom(s1, u, true) === kmhFrom(s2, v, true) &&
      kmhFrom(s1, u, false) === kmhFrom(s2, v, false);
    if (!same) isGraphNode[v] = 1;
  }

  const graphIndex = new Int32Array(nNodes).fill(-1);
  let nodeCount = 0;
  for (let v = 0; v < nNodes; v++) if (isGraphNode[v]) graphIndex[v] = nodeCount++;

  const used = new Uint8Array(segCount);
  let usedCount = 0;
  // At most one edge per kept segment, and at most one point per segment plus one per edge.
  // Each edge leaves a graph node through one kept segment, so the edges number half the graph
  // nodes' degrees, plus one per ring; each edge has one point more than it has segments.
  let degreeSum = 0;
  let keptSegments = 0;
  for (let v = 0; v < nNodes; v++) if (isGraphNode[v]) degreeSum += (kept.start[v + 1] as number) - (kept.start[v] as number);
  for (let s = 0; s < segCount; s++) keptSegments += alive[s] as number;
  let cap = Math.ceil(degreeSum / 2) + 16;
  let edgeFrom = new Int32Array(cap);
  let edgeTo = new Int32Array(cap);
  let edgeLen = new Float64Array(cap);
  let edgeFwd = new Float64Array(cap);
  let edgeBwd = new Float64Array(cap);
  let edgeClass = new Uint8Array(cap);
  let edgeWay = new Int32Array(cap);
  let geomStart = new Int32Array(cap + 1);
  let geom = new Int32Array(keptSegments + cap); // node indexes of the raw arrays, turned into positions below
  let edgeCount = 0;
  let geomCount = 0;
  const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, n: number): T => {
    const b = new (a.constructor as new (n: number) => T)(n);
    b.set(a);
    return b;
  };

  const walk = (start: number, firstSeg: number): void => {
    let v = start;
    let s = firstSeg;
    const flags = flagsFrom(s, v);
    const cls = raw.wayClass[segWay[s] as number] as number;
    let len = 0;
    let fwd = 0;
    let bwd = 0;
    // A walk adds at most one point per remaining segment, plus its first point.
    if (geom.length - geomCount < keptSegments - usedCount + 1) geom = grow(geom, geomCount + keptSegments - usedCount + 1 + 1024);
    geom[geomCount++] = v;
    for (;;) {
      used[s] = 1;
      usedCount++;
      const w = segA[s] === v ? (segB[s] as number) : (segA[s] as number);
      const m = segmentMetres(raw.nodeLng[v] as number, raw.nodeLat[v] as number, raw.nodeLng[w] as number, raw.nodeLat[w] as number);
      len += m;
      fwd += (m / 1000 / kmhFrom(s, v, true)) * 60;
      bwd += (m / 1000 / kmhFrom(s, v, false)) * 60;
      geom[geomCount++] = w;
      v = w;
      if (isGraphNode[v]) break;
      const k = kept.start[v] as number;
      const next = kept.seg[k] === s ? (kept.seg[k + 1] as number) : (kept.seg[k] as number);
      if (used[next]) break;
      s = next;
    }
    if (edgeCount === cap) {
      // Only rings (cut below) can exceed the estimate.
      cap = Math.ceil(cap * 1.5);
      edgeFrom = grow(edgeFrom, cap);
      edgeTo = grow(edgeTo, cap);
      edgeLen = grow(edgeLen, cap);
      edgeFwd = grow(edgeFwd, cap);
      edgeBwd = grow(edgeBwd, cap);
      edgeClass = grow(edgeClass, cap);
      edgeWay = grow(edgeWay, cap);
      geomStart = grow(geomStart, cap + 1);
    }
    const e = edgeCount++;
    edgeFrom[e] = graphIndex[start] as number;
    edgeTo[e] = graphIndex[v] as number;
    edgeLen[e] = len;
    edgeFwd[e] = flags & FORWARD ? fwd : Infinity;
    edgeBwd[e] = flags & BACKWARD ? bwd : Infinity;
    edgeClass[e] = cls;
    edgeWay[e] = segWay[firstSeg] as number;
    geomStart[e + 1] = geomCount;
  };
  for (let v = 0; v < nNodes; v++) {
    if (!isGraphNode[v]) continue;
    for (let k = kept.start[v] as number, end = kept.start[v + 1] as number; k < end; k++) {
      const s = kept.seg[k] as number;
      if (!used[s]) walk(v, s);
    }
  }
  // Rings made only of degree-2 nodes: cut each at one of its nodes.
  for (let s = 0; s < segCount; s++) {
    if (!alive[s] || used[s]) continue;
    const v = segA[s] as number;
    isGraphNode[v] = 1;
    graphIndex[v] = nodeCount++;
    walk(v, s);
  }

  // 4. Arrays and arcs.
  const graphNodes = new Int32Array(nodeCount);
  for (let v = 0; v < nNodes; v++) if ((graphIndex[v] as number) >= 0) graphNodes[graphIndex[v] as number] = v;
  const outStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    if (Number.isFinite(edgeFwd[e] as number)) outStart[(edgeFrom[e] as number) + 1]!++;
    if (Number.isFinite(edgeBwd[e] as number)) outStart[(edgeTo[e] as number) + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) outStart[v + 1]! += outStart[v] as number;
  const arcs = outStart[nodeCount] as number;
  const outHead = new Int32Array(arcs);
  const outEdge = new Int32Array(arcs);
  const outMinutes = new Float64Array(arcs);
  const fill = outStart.slice(0, nodeCount);
  for (let e = 0; e < edgeCount; e++) {
    if (Number.isFinite(edgeFwd[e] as number)) {
      const k = fill[edgeFrom[e] as number]!++;
      outHead[k] = edgeTo[e] as number;
      outEdge[k] = e;
      outMinutes[k] = edgeFwd[e] as number;
    }
    if (Number.isFinite(edgeBwd[e] as number)) {
      const k = fill[edgeTo[e] as number]!++;
      outHead[k] = edgeFrom[e] as number;
      outEdge[k] = e;
      outMinutes[k] = edgeBwd[e] as number;
    }
  }
  const wayOf = edgeWay.subarray(0, edgeCount);
  // Plain loops: TypedArray.from with a mapping function is several times slower in V8.
  const gather = (index: Int32Array, from: Float64Array): Float64Array => {
    const out = new Float64Array(index.length);
    for (let i = 0; i < index.length; i++) out[i] = from[index[i] as number] as number;
    return out;
  };
  const gatherInt = (index: Int32Array, from: Int32Array): Int32Array => {
    const out = new Int32Array(index.length);
    for (let i = 0; i < index.length; i++) out[i] = from[index[i] as number] as number;
    return out;
  };
  const points = geom.subarray(0, geomCount);
  const graph: RoadGraph = {
    nodeCount,
    edgeCount,
    nodeLng: gather(graphNodes, raw.nodeLng),
    nodeLat: gather(graphNodes, raw.nodeLat),
    nodeOsmId: gather(graphNodes, raw.nodeId),
    edgeFrom: edgeFrom.slice(0, edgeCount),
    edgeTo: edgeTo.slice(0, edgeCount),
    edgeLengthM: edgeLen.slice(0, edgeCount),
    edgeMinutesFwd: edgeFwd.slice(0, edgeCount),
    edgeMinutesBwd: edgeBwd.slice(0, edgeCount),
    edgeClass: edgeClass.slice(0, edgeCount),
    edgeWayId: gather(wayOf, raw.wayId),
    edgeName: gatherInt(wayOf, raw.wayName),
    edgeRef: gatherInt(wayOf, raw.wayRef),
    geomStart: geomStart.slice(0, edgeCount + 1),
    geomLng: gather(points, raw.nodeLng),
    geomLat: gather(points, raw.nodeLat),
    outStart,
    outHead,
    outEdge,
    outMinutes,
    strings: raw.strings,
  };
  if (raw.wayStatus && raw.wayYear) {
    const status = new Uint8Array(edgeCount);
    const year = new Int16Array(edgeCount);
    for (let e = 0; e < edgeCount; e++) {
      status[e] = raw.wayStatus[wayOf[e] as number] as number;
      year[e] = raw.wayYear[wayOf[e] as number] as number;
    }
    graph.edgeStatus = status;
    graph.edgeYear = year;
  }
  return { graph, report, inNetwork };
}

/** Strongly connected components (iterative Tarjan over the incidence lists); `comp[v]` is -1 for nodes without segments. */
function components(
  nNodes: number,
  inc: { start: Int32Array; seg: Int32Array },
  segA: Int32Array,
  segB: Int32Array,
  segFlagArr: Uint8Array,
): { comp: Int32Array; compCount: number; compSize: number[] } {
  const comp = new Int32Array(nNodes).fill(-1);
  const index = new Int32Array(nNodes).fill(-1);
  const low = new Int32Array(nNodes);
  const onStack = new Uint8Array(nNodes);
  const stack = new Int32Array(nNodes);
  const callNode = new Int32Array(nNodes);
  const callNext = new Int32Array(nNodes);
  let sp = 0;
  let counter = 0;
  let compCount = 0;
  const compSize: number[] = [];
  for (let root = 0; root < nNodes; root++) {
    if (index[root] !== -1 || inc.start[root] === inc.start[root + 1]) continue;
    let depth = 0;
    callNode[0] = root;
    callNext[0] = inc.start[root] as number;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth] as number;
      const next = callNext[depth] as number;
      if (next < (inc.start[v + 1] as number)) {
        callNext[depth] = next + 1;
        const s = inc.seg[next] as number;
        const flags = segFlagArr[s] as number;
        let w: number;
        if (segA[s] === v) {
          if (!(flags & FORWARD)) continue;
          w = segB[s] as number;
        } else {
          if (!(flags & BACKWARD)) continue;
          w = segA[s] as number;
        }
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callNext[depth] = inc.start[w] as number;
        } else if (onStack[w] && (index[w] as number) < (low[v] as number)) {
          low[v] = index[w] as number;
        }
      } else {
        if (low[v] === index[v]) {
          let size = 0;
          let w: number;
          do {
            w = stack[--sp] as number;
            onStack[w] = 0;
            comp[w] = compCount;
            size++;
          } while (w !== v);
          compSize.push(size);
          compCount++;
        }
        depth--;
        if (depth >= 0) {
          const parent = callNode[depth] as number;
          if ((low[v] as number) < (low[parent] as number)) low[parent] = low[v] as number;
        }
      }
    }
  }
  return { comp, compCount, compSize };
}
