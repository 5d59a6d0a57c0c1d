/**
 * An imported road network (OpenStreetMap, geo/roads) behind the {@link TravelNetwork} interface,
 * in one scenario year (road-view.ts).
 *
 * - Interchanges are the extract's `highway=motorway_junction` nodes. A trip reaches an
 *   interchange when it reaches the junction node or any node of its ramps (the `motorway_link` /
 *   `trunk_link` ways joined to it), i.e. when it is on the expressway at that interchange, from
 *   either side. A junction with no open edge in the year (a motorway still being built) is closed.
 * - Every other facility (stations, airports, bonded zones, ports, logistics hubs, the user's
 *   facilities) and every market is snapped to the nearest open edge; one farther than
 *   FACILITY_SNAP_LIMIT_M (2 km) is listed with a warning and not connected, so no time is given to it.
 * - Time from a point to a class: one backward multi-source Dijkstra per class from all its
 *   facilities (cached), then the point's off-road leg and the legs to the ends of its edge.
 * - Fields over grids (isochrones, surfaces, catchments, the labour pool): edge-field.ts.
 */
import type { LngLat } from '../lnglat.ts';
import { lngLatProblem } from '../lnglat.ts';
import { ROAD_CLASSES } from '../roads/profile.ts';
import { nodeBounds } from '../roads/graph.ts';
import type { Snap } from '../roads/route.ts';
import { catchment, type Catchment, type PopulationRaster } from '../surfaces/catchment.ts';
import { CellSnaps, fieldFromTree, type FieldEnd } from '../surfaces/edge-field.ts';
import { gridOver, KM_PER_DEGREE, type Grid } from '../surfaces/grid.ts';
import { checkThresholds, contourField, type IsochroneFeature } from '../surfaces/isochrone.ts';
import { DESTINATION_CLASSES, type FacilityClass, type PointInput } from './graph.ts';
import { FACILITY_SNAP_LIMIT_M, MAX_OFF_ROAD_M, offRoadMinutes, type RoadSeed, type RoadTree, type RoadView } from './road-view.ts';
import { UnreachableError } from './shortest-paths.ts';
import type {
  CellOptions,
  NetworkLabel,
  NetworkTimes,
  PlaceSnap,
  SurfaceDestination,
  TravelNetwork,
  TravelTimesOnly,
} from './travel-network.ts';
import type { Reached } from './travel-times.ts';

/** An interchange of the extract: a `motorway_junction` node (OSM node id, name, ref). */
export interface RoadJunction {
  osmId: number;
  name: string | null;
  nameEn: string | null;
  ref: string | null;
}

/** Snapping a facility: how far to look for a road at all (to report its distance), metres. */
const REPORT_SNAP_M = 100_000;
/** At most this many ramp nodes belong to one interchange (a cloverleaf has a few dozen). */
const MAX_RAMP_NODES = 64;
/** At most this many via names per route. */
const MAX_VIA = 6;

const RAMP_CLASSES = new Set(['motorway_link', 'trunk_link'].map((c) => (ROAD_CLASSES as readonly string[]).indexOf(c)));

interface Junction {
  id: string;
  name_zh: string;
  name_en: string;
  node: number;
  /** The junction node and its ramps' nodes. */
  nodes: number[];
}

interface Place extends PlaceSnap {
  snap: Snap | null;
  offMinutes: number;
}

/** The label of a junction: its name, else its exit ref, else its OSM id. */
function junctionName(j: RoadJunction): { zh: string; en: string } {
  const zh = j.name ?? (j.ref ? `出口 ${j.ref}` : `互通 ${j.osmId}`);
  const en = j.nameEn ?? j.name ?? (j.ref ? `Exit ${j.ref}` : `Junction ${j.osmId}`);
  return { zh, en };
}

export class RoadTravelNetwork implements TravelNetwork {
  readonly label: NetworkLabel;
  readonly view: RoadView;
  private readonly junctions: Junction[];
  /** Junctions in the extract that are not graph nodes (dropped with a small component) or have no open edge this year. */
  readonly closedJunctions: number;
  private readonly placeList: Place[];
  private readonly junctionAt = new Map<number, Junction>();
  private readonly trees = new Map<string, { tree: RoadTree; targets: FieldEnd[] } | null>();
  private readonly snapsByGrid = new Map<string, CellSnaps>();
  private readonly fieldBuffers = new Map<string, Float32Array>();
  private isoGrids = new Map<number, Grid>();
  readonly years: readonly number[];
  readonly closed: number;

  /**
   * @param view - the road graph in the scenario year
   * @param places - facilities and markets to snap (their `interchange` class is ignored: interchanges come from `junctions`)
   * @param junctions - the extract's motorway_junction nodes
   */
  constructor(view: RoadView, places: readonly PointInput[], junctions: readonly RoadJunction[], label: NetworkLabel) {
    this.view = view;
    this.label = label;
    const g = view.graph;
    const years = new Set<number>();
    if (g.edgeYear) for (const y of g.edgeYear) if (y > 0) years.add(y);
    this.years = [...years].sort((a, b) => a - b);
    this.closed = view.closedEdges;
    // Graph node of each junction's OSM node id (one pass over the nodes).
    const wanted = new Map<number, RoadJunction>();
    for (const j of junctions) wanted.set(j.osmId, j);
    const found: Junction[] = [];
    for (let v = 0; v < g.nodeCount && wanted.size > 0; v++) {
      const j = wanted.get(g.nodeOsmId[v] as number);
      if (!j) continue;
      wanted.delete(j.osmId);
      const nodes = this.ramps(v);
      if (nodes.length === 0) continue;
      const name = junctionName(j);
      found.push({ id: `osm-node-${j.osmId}`, name_zh: name.zh, name_en: name.en, node: v, nodes });
    }
    this.junctions = found;
    this.closedJunctions = junctions.length - found.length;
    for (const j of found) this.junctionAt.set(j.node, j);
    this.placeList = places
      .map((p): Omit<Place, 'snap' | 'offMinutes' | 'distanceM' | 'connected'> => ({
        id: p.id,
        name_zh: p.name_zh,
        name_en: p.name_en,
        classes: p.classes.filter((c) => c !== 'interchange'),
        position: p.position,
        approximate: p.approximate === true,
      }))
      .filter((p) => p.classes.length > 0)
      .map((p) => {
        const snap = view.snap(p.position[0], p.position[1], REPORT_SNAP_M);
        const connected = snap !== null && snap.distanceM <= FACILITY_SNAP_LIMIT_M;
        return {
          ...p,
          snap: connected ? snap : null,
          distanceM: snap ? snap.distanceM : null,
          connected,
          offMinutes: snap ? offRoadMinutes(snap.distanceM) : Infinity,
        };
      });
  }

  /** The junction node and the nodes of its ramps reached through open link edges; empty when the node has no open edge. */
  private ramps(v: number): number[] {
    const view = this.view;
    const g = view.graph;
    const incident = (u: number, visit: (edge: number, other: number) => void): void => {
      for (let a = g.outStart[u] as number, end = g.outStart[u + 1] as number; a < end; a++)
        visit(g.outEdge[a] as number, g.outHead[a] as number);
      for (let a = view.inStart[u] as number, end = view.inStart[u + 1] as number; a < end; a++)
        visit(view.inEdge[a] as number, view.inTail[a] as number);
    };
    let anyOpen = false;
    incident(v, (e) => (anyOpen ||= view.open[e] === 1));
    if (!anyOpen) return [];
    const seen = new Set<number>([v]);
    const queue = [v];
    while (queue.length > 0 && seen.size < MAX_RAMP_NODES) {
      const u = queue.shift() as number;
      incident(u, (e, w) => {
        if (view.open[e] !== 1 || !RAMP_CLASSES.has(g.edgeClass[e] as number) || seen.has(w) || seen.size >= MAX_RAMP_NODES) return;
        seen.add(w);
        queue.push(w);
      });
    }
    return [...seen];
  }

  places(): PlaceSnap[] {
    const interchanges: PlaceSnap[] = this.junctions.map((j) => ({
      id: j.id,
      name_zh: j.name_zh,
      name_en: j.name_en,
      classes: ['interchange'],
      position: [this.view.graph.nodeLng[j.node] as number, this.view.graph.nodeLat[j.node] as number],
      approximate: false,
      distanceM: 0,
      connected: true,
    }));
    return [...interchanges, ...this.placeList.map(({ snap: _s, offMinutes: _o, ...p }) => p)];
  }

  /** Interchanges open in this year. */
  get interchangeCount(): number {
    return this.junctions.length;
  }

  /**
   * The backward tree to a class (or to one place by id), with the destinations' snaps; null when
   * nothing of it is on the network. Labels index `junctions` for interchanges, `placeList` otherwise.
   */
  private treeTo(key: string): { tree: RoadTree; targets: FieldEnd[] } | null {
    if (this.trees.has(key)) return this.trees.get(key) ?? null;
    const seeds: RoadSeed[] = [];
    const targets: FieldEnd[] = [];
    if (key === 'class:interchange') {
      this.junctions.forEach((j, k) => {
        for (const node of j.nodes) seeds.push({ node, minutes: 0, label: k });
      });
    } else {
      const cls = key.startsWith('class:') ? (key.slice(6) as FacilityClass) : null;
      const id = key.startsWith('node:') ? key.slice(5) : null;
      this.placeList.forEach((p, k) => {
        if (!p.snap || (cls !== null && !p.classes.includes(cls)) || (id !== null && p.id !== id)) return;
        for (const [node, t] of this.view.accessIn(p.snap)) seeds.push({ node, minutes: t + p.offMinutes, label: k });
        targets.push({ snap: p.snap, offMinutes: p.offMinutes });
      });
    }
    const result = seeds.length > 0 ? { tree: this.view.tree(seeds, 'backward'), targets } : null;
    this.trees.set(key, result);
    return result;
  }

  /** The snap of a point, or UnreachableError when no open road is within MAX_OFF_ROAD_M. */
  private snapOrThrow(from: LngLat): Snap {
    const problem = lngLatProblem(from);
    if (problem) throw new RangeError(problem);
    const s = this.view.snap(from[0], from[1], MAX_OFF_ROAD_M);
    if (!s)
      throw new UnreachableError(
        `no road of the imported network lies within ${MAX_OFF_ROAD_M / 1000} km of [${from[0]}, ${from[1]}]: the point is outside the network's coverage`,
      );
    return s;
  }

  travelTimes(from: LngLat, options: { via?: boolean; only?: TravelTimesOnly } = {}): NetworkTimes {
    const s = this.snapOrThrow(from);
    const off = offRoadMinutes(s.distanceM);
    const legs = this.view.accessOut(s);
    const via = options.via ?? true;
    const best = (key: string): { minutes: number; node: number; label: number } | null => {
      const t = this.treeTo(key);
      if (!t) return null;
      let r = { minutes: Infinity, node: -1, label: -1 };
      for (const [v, leg] of legs) {
        const m = leg + (t.tree.minutes[v] as number);
        if (m < r.minutes) r = { minutes: m, node: v, label: t.tree.label[v] as number };
      }
      // A destination on the point's own edge may be reached straight along it.
      if (key !== 'class:interchange')
        this.placeList.forEach((p, k) => {
          if (!p.snap || p.snap.edge !== s.edge) return;
          if (!t.targets.some((x) => x.snap === p.snap)) return;
          const m = this.view.along(s, p.snap) + p.offMinutes;
          if (m < r.minutes) r = { minutes: m, node: -1, label: k };
        });
      return Number.isFinite(r.minutes) ? { ...r, minutes: r.minutes + off } : null;
    };
    const reachedOf = (key: string, hit: { minutes: number; node: number; label: number }): Reached => {
      const isJunction = key === 'class:interchange';
      const target = isJunction ? (this.junctions[hit.label] as Junction) : (this.placeList[hit.label] as Place);
      return {
        minutes: hit.minutes,
        id: target.id,
        name_zh: target.name_zh,
        name_en: target.name_en,
        via: via && hit.node >= 0 ? this.viaNames(this.treeTo(key)?.tree as RoadTree, hit.node, isJunction ? target.id : null) : [],
        approximate: !isJunction && (target as Place).approximate,
      };
    };
    const facilities = {} as NetworkTimes['facilities'];
    const only = options.only;
    for (const cls of DESTINATION_CLASSES) {
      const key = `class:${cls}`;
      const hit = only && !only.classes.includes(cls) ? null : best(key);
      facilities[cls] = hit ? reachedOf(key, hit) : null;
    }
    const markets: NetworkTimes['markets'] = {};
    for (const p of this.placeList) {
      if (!p.classes.includes('market') || (only && !only.markets.includes(p.id))) continue;
      const key = `node:${p.id}`;
      const hit = best(key);
      markets[p.id] = hit ? reachedOf(key, hit) : null;
    }
    return { from, facilities, markets, origin: { distanceM: s.distanceM, minutes: off } };
  }

  /** Interchanges passed from node v to the tree's destination (backward tree: `prev` leads to it), excluding `except`. */
  private viaNames(tree: RoadTree, v: number, except: string | null): Reached['via'] {
    const out: Reached['via'] = [];
    const seen = new Set<string>();
    for (let u = v, steps = 0; u >= 0 && steps < this.view.graph.nodeCount; u = tree.prev[u] as number, steps++) {
      const j = this.junctionAt.get(u);
      if (j && j.id !== except && !seen.has(j.id)) {
        seen.add(j.id);
        out.push({ id: j.id, name_zh: j.name_zh, name_en: j.name_en });
        if (out.length >= MAX_VIA) break;
      }
    }
    return out;
  }

  private snapsFor(grid: Grid): CellSnaps {
    const key = `${grid.west}|${grid.north}|${grid.dLng}|${grid.dLat}|${grid.nx}|${grid.ny}`;
    let snaps = this.snapsByGrid.get(key);
    if (!snaps) {
      if (this.snapsByGrid.size >= 6) this.snapsByGrid.delete(this.snapsByGrid.keys().next().value as string);
      snaps = new CellSnaps(this.view, grid);
      this.snapsByGrid.set(key, snaps);
    }
    return snaps;
  }

  /** Cells of the rows (mask ≥ 0 only) and the full-grid buffer to write them into. */
  private cellsOf(grid: Grid, options: CellOptions): { cells: Int32Array; first: number; end: number } {
    const [first, end] = options.rows ?? [0, grid.ny];
    if (!(first >= 0 && end <= grid.ny && first < end))
      throw new RangeError(`rows [${first}, ${end}) are not rows of a grid with ${grid.ny} rows`);
    const cells: number[] = [];
    for (let c = first * grid.nx; c < end * grid.nx; c++) if (!options.mask || (options.mask[c] as number) >= 0) cells.push(c);
    return { cells: Int32Array.from(cells), first, end };
  }

  private rowsOut(grid: Grid, first: number, end: number, full: Float32Array, options: CellOptions): Float32Array {
    const out = full.slice(first * grid.nx, end * grid.nx);
    if (options.mask) for (let c = 0; c < out.length; c++) if ((options.mask[first * grid.nx + c] as number) < 0) out[c] = Number.NaN;
    return out;
  }

  fieldFrom(from: LngLat, grid: Grid, options: CellOptions = {}): Float32Array {
    const s = this.snapOrThrow(from);
    const off = offRoadMinutes(s.distanceM);
    const seeds = this.view.accessOut(s).map(([node, t]) => ({ node, minutes: t + off, label: 0 }));
    const tree = options.limit !== undefined ? this.view.scratch(seeds, 'forward', options.limit) : this.view.tree(seeds, 'forward');
    const { cells, first, end } = this.cellsOf(grid, options);
    const full = new Float32Array(grid.nx * grid.ny);
    fieldFromTree(this.snapsFor(grid), tree, 'forward', cells, full, [{ snap: s, offMinutes: off }]);
    return this.rowsOut(grid, first, end, full, options);
  }

  fieldTo(destination: SurfaceDestination, grid: Grid, options: CellOptions = {}): Float32Array {
    const key = 'class' in destination ? `class:${destination.class}` : `node:${destination.node}`;
    const t = this.treeTo(key);
    if (!t)
      throw new Error(
        `no ${'class' in destination ? destination.class : destination.node} is on the imported network (none within ${FACILITY_SNAP_LIMIT_M / 1000} km of a road open in this year)`,
      );
    const { cells, first, end } = this.cellsOf(grid, options);
    const full = new Float32Array(grid.nx * grid.ny);
    fieldFromTree(this.snapsFor(grid), t.tree, 'backward', cells, full, t.targets);
    return this.rowsOut(grid, first, end, full, options);
  }

  /**
   * Isochrones on a grid of `cellKm` cells aligned on the network's extent (so cells keep their
   * snaps from one origin to the next), over the window the longest threshold can reach.
   */
  isochrones(from: LngLat, thresholds: readonly number[], options: { cellKm?: number } = {}): IsochroneFeature[] {
    checkThresholds(thresholds);
    const cellKm = options.cellKm ?? 2;
    const s = this.snapOrThrow(from);
    const off = offRoadMinutes(s.distanceM);
    const longest = thresholds[thresholds.length - 1] as number;
    const tree = this.view.scratch(
      this.view.accessOut(s).map(([node, t]) => ({ node, minutes: t + off, label: 0 })),
      'forward',
      longest,
    );
    const global = this.isoGrid(cellKm);
    // Nothing lies farther than the longest time at the fastest speed, plus a cell.
    const reachKm = (longest / 60) * Math.max(this.view.fastestKmh, 1) + cellKm;
    const dLatReach = reachKm / KM_PER_DEGREE;
    const dLngReach = dLatReach / Math.cos((from[1] * Math.PI) / 180);
    const i0 = Math.max(0, Math.floor((from[0] - dLngReach - global.west) / global.dLng));
    const i1 = Math.min(global.nx, Math.ceil((from[0] + dLngReach - global.west) / global.dLng) + 1);
    const j0 = Math.max(0, Math.floor((global.north - (from[1] + dLatReach)) / global.dLat));
    const j1 = Math.min(global.ny, Math.ceil((global.north - (from[1] - dLatReach)) / global.dLat) + 1);
    const window: Grid = {
      ...global,
      west: global.west + i0 * global.dLng,
      north: global.north - j0 * global.dLat,
      nx: Math.max(1, i1 - i0),
      ny: Math.max(1, j1 - j0),
    };
    const cells = new Int32Array(window.nx * window.ny);
    for (let j = 0; j < window.ny; j++) for (let i = 0; i < window.nx; i++) cells[j * window.nx + i] = (j0 + j) * global.nx + (i0 + i);
    const full = this.buffer(global);
    fieldFromTree(this.snapsFor(global), tree, 'forward', cells, full, [{ snap: s, offMinutes: off }]);
    const field = new Float32Array(cells.length);
    for (let q = 0; q < cells.length; q++) field[q] = full[cells[q] as number] as number;
    return contourField(field, window, thresholds).map((coordinates, i) => ({
      type: 'Feature',
      properties: { minutes: thresholds[i] as number, from, cellKm },
      geometry: { type: 'MultiPolygon', coordinates },
    }));
  }

  /** The isochrone grid of `cellKm` over the graph's extent plus a margin. */
  private isoGrid(cellKm: number): Grid {
    let grid = this.isoGrids.get(cellKm);
    if (!grid) {
      const [w, s, e, n] = nodeBounds(this.view.graph);
      const margin = 0.1;
      grid = gridOver([w - margin, s - margin, e + margin, n + margin], cellKm);
      this.isoGrids.set(cellKm, grid);
    }
    return grid;
  }

  private buffer(grid: Grid): Float32Array {
    const key = `${grid.west}|${grid.north}|${grid.nx}|${grid.ny}`;
    let b = this.fieldBuffers.get(key);
    if (!b) {
      b = new Float32Array(grid.nx * grid.ny);
      this.fieldBuffers.set(key, b);
    }
    return b;
  }

  /**
   * The raster's zone cells, snapped, and per node the cells whose edge ends at it (CSR): a labour pool then visits
   * only the cells of edges its search reached, not the whole zone.
   */
  private labourCells: { raster: PopulationRaster; start: Int32Array; cells: Int32Array; seen: Int32Array; stamp: number } | undefined;

  private labourIndex(raster: PopulationRaster) {
    if (this.labourCells?.raster === raster) return this.labourCells;
    const snaps = this.snapsFor(raster.grid);
    const g = this.view.graph;
    const start = new Int32Array(g.nodeCount + 1);
    const zone: number[] = [];
    raster.county.forEach((k, c) => {
      if (k < 0) return;
      snaps.ensure(c);
      const e = snaps.edge[c] as number;
      if (e < 0) return; // no open edge within reach: never in a pool
      zone.push(c);
      start[(g.edgeFrom[e] as number) + 1]!++;
      start[(g.edgeTo[e] as number) + 1]!++;
    });
    for (let v = 0; v < g.nodeCount; v++) start[v + 1]! += start[v] as number;
    const fill = start.slice(0, g.nodeCount);
    const cells = new Int32Array(start[g.nodeCount] as number);
    for (const c of zone) {
      const e = snaps.edge[c] as number;
      cells[fill[g.edgeFrom[e] as number]!++] = c;
      cells[fill[g.edgeTo[e] as number]!++] = c;
    }
    this.labourCells = { raster, start, cells, seen: new Int32Array(raster.county.length), stamp: 0 };
    return this.labourCells;
  }

  labourWithin(position: LngLat, minutes: number, raster: PopulationRaster): Catchment {
    const s = this.snapOrThrow(position);
    const off = offRoadMinutes(s.distanceM);
    // The commute: from each cell to the site, so the search runs backward from the site.
    const tree = this.view.scratch(
      this.view.accessIn(s).map(([node, t]) => ({ node, minutes: t + off, label: 0 })),
      'backward',
      minutes,
    );
    // A cell within `minutes` reaches the site through an end of its edge that the search gave a time (the site's own
    // edge's ends are seeds, so its cells are among them too): only those cells are computed and counted.
    const index = this.labourIndex(raster);
    const stamp = ++index.stamp;
    const visit: number[] = [];
    for (const v of this.view.scratchNodes()) {
      for (let q = index.start[v] as number, end = index.start[v + 1] as number; q < end; q++) {
        const c = index.cells[q] as number;
        if (index.seen[c] === stamp) continue;
        index.seen[c] = stamp;
        visit.push(c);
      }
    }
    const cells = Int32Array.from(visit);
    const field = this.buffer(raster.grid);
    fieldFromTree(this.snapsFor(raster.grid), tree, 'backward', cells, field, [{ snap: s, offMinutes: off }]);
    return catchment(raster, field, minutes, cells);
  }
}
