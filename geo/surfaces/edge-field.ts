/**
 * The cost field of a road network over a grid, from its edges: each cell's time is the time to
 * reach the nearest point of an open edge from the cell's centre, on the straight line at the
 * off-road speed, plus the time along the network, interpolated along that edge from its end
 * nodes' times:
 *
 *     t(c) = d(c, p) / OFF_ROAD_KMH + min( T(from) + f · minutesFwd(e),  T(to) + (1 − f) · minutesBwd(e) )
 *
 * for a field *from* an origin (T: minutes from it to every node; p on edge e at fraction f), and
 * with the legs turned round for a field *to* destinations (T: minutes from every node to the
 * nearest destination). A cell whose nearest open edge is farther than MAX_OFF_ROAD_M has no time
 * (Infinity). So a cell's time is exactly the point query at its centre, and isochrones drawn from
 * the field follow the roads: a cell is near a short time only where a road is.
 */
import type { Snap } from '../roads/route.ts';
import { MAX_OFF_ROAD_M, offRoadMinutes, type RoadTree, type RoadView } from '../network/road-view.ts';
import type { Grid } from './grid.ts';

/** Cells not yet snapped. */
const UNKNOWN = -2;
/** Cells with no open edge within MAX_OFF_ROAD_M. */
const NONE = -1;

/**
 * The snap of each cell centre of a grid to a road view's nearest open edge, computed on first
 * use, cell by cell (a field over part of the grid snaps only that part).
 */
export class CellSnaps {
  readonly grid: Grid;
  readonly view: RoadView;
  /** Edge per cell; -1 none within reach, -2 not computed yet. */
  readonly edge: Int32Array;
  /** Fraction along the edge from its `from` node (0…1). */
  readonly frac: Float64Array;
  /** Bit 1: the snap is at the edge's `from` node; bit 2: at its `to` node. */
  readonly ends: Uint8Array;
  /** Off-road minutes from the cell centre to its snap. */
  readonly off: Float64Array;
  /** Metres along the edge, for cells on the same edge as an origin or destination. */
  readonly alongM: Float64Array;
  computed = 0;

  constructor(view: RoadView, grid: Grid) {
    this.view = view;
    this.grid = grid;
    const n = grid.nx * grid.ny;
    this.edge = new Int32Array(n).fill(UNKNOWN);
    this.frac = new Float64Array(n);
    this.ends = new Uint8Array(n);
    this.off = new Float64Array(n);
    this.alongM = new Float64Array(n);
  }

  /** Snaps cell `c` (row-major index) if it has not been. */
  ensure(c: number): void {
    if (this.edge[c] !== UNKNOWN) return;
    const g = this.grid;
    const i = c % g.nx;
    const j = (c - i) / g.nx;
    const s = this.view.snap(g.west + (i + 0.5) * g.dLng, g.north - (j + 0.5) * g.dLat, MAX_OFF_ROAD_M);
    this.computed++;
    if (!s) {
      this.edge[c] = NONE;
      return;
    }
    this.edge[c] = s.edge;
    this.frac[c] = s.lengthM > 0 ? s.alongM / s.lengthM : 0;
    this.ends[c] = (s.alongM <= 0 ? 1 : 0) | (s.alongM >= s.lengthM ? 2 : 0);
    this.off[c] = offRoadMinutes(s.distanceM);
    this.alongM[c] = s.alongM;
  }
}

/** A point on the network a field starts from or leads to, for cells on its own edge (driven straight along it). */
export interface FieldEnd {
  snap: Snap;
  /** Minutes between the point itself and its snap (its off-road leg). */
  offMinutes: number;
}

/**
 * Minutes for the listed cells from a search tree (see the module comment), written into `out`.
 *
 * @param tree - a forward tree (times from an origin) or a backward tree (times to destinations), as `direction` says
 * @param cells - row-major cell indexes to compute; the others of `out` are left as they are
 * @param ends - the origin (forward) or the destinations (backward), for cells on their edge
 */
export function fieldFromTree(
  snaps: CellSnaps,
  tree: RoadTree,
  direction: 'forward' | 'backward',
  cells: ArrayLike<number>,
  out: Float32Array,
  ends: readonly FieldEnd[] = [],
): void {
  const view = snaps.view;
  const g = view.graph;
  const T = tree.minutes;
  const forward = direction === 'forward';
  const endEdges = new Map<number, FieldEnd[]>();
  for (const end of ends) endEdges.set(end.snap.edge, [...(endEdges.get(end.snap.edge) ?? []), end]);
  for (let q = 0; q < cells.length; q++) {
    const c = cells[q] as number;
    snaps.ensure(c);
    const e = snaps.edge[c] as number;
    if (e < 0) {
      out[c] = Infinity;
      continue;
    }
    const f = snaps.frac[c] as number;
    const from = g.edgeFrom[e] as number;
    const to = g.edgeTo[e] as number;
    const mf = view.fwd[e] as number;
    const mb = view.bwd[e] as number;
    const tf = T[from] as number;
    const tt = T[to] as number;
    let best = Infinity;
    if (forward) {
      if (mf < Infinity) best = tf + f * mf;
      if (mb < Infinity) best = Math.min(best, tt + (1 - f) * mb);
    } else {
      if (mf < Infinity) best = (1 - f) * mf + tt;
      if (mb < Infinity) best = Math.min(best, f * mb + tf);
    }
    const at = snaps.ends[c] as number;
    if (at & 1) best = Math.min(best, tf);
    if (at & 2) best = Math.min(best, tt);
    const onEdge = endEdges.get(e);
    if (onEdge) {
      const here: Snap = {
        edge: e,
        alongM: snaps.alongM[c] as number,
        lengthM: g.edgeLengthM[e] as number,
        distanceM: 0,
        point: [0, 0],
      };
      for (const end of onEdge) {
        const d = forward ? view.along(end.snap, here) : view.along(here, end.snap);
        best = Math.min(best, end.offMinutes + d);
      }
    }
    out[c] = (snaps.off[c] as number) + best;
  }
}
