import { booleanPointInPolygon, point as turfPoint } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRoadGraph, type RawRoads } from '../roads/build.ts';
import type { RoadGraph } from '../roads/graph.ts';
import { projectOnSegment, segmentMetres } from '../roads/measure.ts';
import { RoadRouter } from '../roads/route.ts';
import { populationRaster } from '../surfaces/catchment.ts';
import { cellCentre, gridOver } from '../surfaces/grid.ts';
import { MinHeap } from './heap.ts';
import { RoadTravelNetwork, type RoadJunction } from './road-network.ts';
import { FACILITY_SNAP_LIMIT_M, offRoadMinutes, RoadView } from './road-view.ts';
import { point, roadGrid } from './testing.ts';
import type { NetworkLabel } from './travel-network.ts';

const LABEL: NetworkLabel = { kind: 'osm', name_zh: '测试', name_en: 'test', asOf: '2025-01-01', year: null, attribution: null };

function viewOf(raw: RawRoads, asOf: number | null = null): RoadView {
  return new RoadView(new RoadRouter(buildRoadGraph(raw).graph), asOf);
}

/** The nearest open edge point by looking at every segment (no spatial index). */
function bruteSnap(view: RoadView, lng: number, lat: number): { edge: number; alongM: number; lengthM: number; distanceM: number } | null {
  const g = view.graph;
  let best: { edge: number; alongM: number; lengthM: number; distanceM: number } | null = null;
  for (let e = 0; e < g.edgeCount; e++) {
    if (!view.open[e]) continue;
    let along = 0;
    for (let i = g.geomStart[e] as number, end = (g.geomStart[e + 1] as number) - 1; i < end; i++) {
      const [ax, ay, bx, by] = [g.geomLng[i], g.geomLat[i], g.geomLng[i + 1], g.geomLat[i + 1]] as number[];
      const q = projectOnSegment(lng, lat, ax as number, ay as number, bx as number, by as number);
      const len = segmentMetres(ax as number, ay as number, bx as number, by as number);
      if (!best || q.distanceM < best.distanceM - 1e-9)
        best = {
          edge: e,
          alongM: Math.min(along + q.t * len, g.edgeLengthM[e] as number),
          lengthM: g.edgeLengthM[e] as number,
          distanceM: q.distanceM,
        };
      along += len;
    }
  }
  return best;
}

/**
 * Minutes from point a to point b (each snapped to an edge) by plain Dijkstra on a copy of the
 * graph in which both snaps are nodes of their own, splitting their edges: no interpolation.
 */
function bruteMinutes(view: RoadView, a: { edge: number; alongM: number }, b: { edge: number; alongM: number }): number {
  const g: RoadGraph = view.graph;
  const A = g.nodeCount;
  const B = g.nodeCount + 1;
  const adj: [number, number][][] = Array.from({ length: g.nodeCount + 2 }, () => []);
  for (let e = 0; e < g.edgeCount; e++) {
    if (!view.open[e]) continue;
    const L = g.edgeLengthM[e] as number;
    const points: [number, number][] = [[0, g.edgeFrom[e] as number]];
    if (a.edge === e) points.push([a.alongM, A]);
    if (b.edge === e) points.push([b.alongM, B]);
    points.push([L, g.edgeTo[e] as number]);
    points.sort((x, y) => x[0] - y[0]);
    for (let k = 1; k < points.length; k++) {
      const [p0, u] = points[k - 1] as [number, number];
      const [p1, v] = points[k] as [number, number];
      const frac = L > 0 ? (p1 - p0) / L : 0;
      // Two points at the same place (a snap at a node) are one place, whichever way the edge runs.
      if (frac === 0) {
        adj[u]?.push([v, 0]);
        adj[v]?.push([u, 0]);
      }
      if (Number.isFinite(view.fwd[e] as number)) adj[u]?.push([v, frac * (view.fwd[e] as number)]);
      if (Number.isFinite(view.bwd[e] as number)) adj[v]?.push([u, frac * (view.bwd[e] as number)]);
    }
  }
  const dist = new Float64Array(g.nodeCount + 2).fill(Infinity);
  const heap = new MinHeap();
  dist[A] = 0;
  heap.push(A, 0);
  while (heap.size > 0) {
    const u = heap.pop();
    if (heap.lastKey > (dist[u] as number)) continue;
    for (const [v, w] of adj[u] ?? []) {
      const d = (dist[u] as number) + w;
      if (d < (dist[v] as number)) {
        dist[v] = d;
        heap.push(v, d);
      }
    }
  }
  return dist[B] as number;
}

describe('cost field of a road network', () => {
  it('gives every cell the brute-force time: off-road to its nearest open edge, then the network (from an origin and to facilities)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 30 }), fc.boolean(), (seed, oneways) => {
        // Way 3 is a planned road (closed as mapped), way 5 opened in 2010.
        const raw = roadGrid(6, seed, {
          oneways,
          openings: [
            { way: 3, status: 2, year: 2030 },
            { way: 5, status: 0, year: 2010 },
          ],
        });
        const view = viewOf(raw, 2020);
        const origin: [number, number] = [112.021, 26.018];
        const stations = [point('s1', [112.04, 26.035], ['hsr-station']), point('s2', [112.005, 26.045], ['hsr-station'])];
        const net = new RoadTravelNetwork(view, stations, [], LABEL);
        const grid = gridOver([111.995, 25.995, 112.055, 26.055], 0.7);
        const from = net.fieldFrom(origin, grid);
        const to = net.fieldTo({ class: 'hsr-station' }, grid);
        const o = bruteSnap(view, origin[0], origin[1]);
        if (!o) throw new Error('origin not snapped');
        const targets = stations.map((s) => bruteSnap(view, s.position[0], s.position[1]));
        for (let j = 0; j < grid.ny; j++)
          for (let i = 0; i < grid.nx; i++) {
            const [lng, lat] = cellCentre(grid, i, j);
            const c = bruteSnap(view, lng, lat);
            if (!c) throw new Error('cell not snapped');
            const expectedFrom = offRoadMinutes(o.distanceM) + bruteMinutes(view, o, c) + offRoadMinutes(c.distanceM);
            const got = from[j * grid.nx + i] as number;
            if (Number.isFinite(expectedFrom)) expect(got).toBeCloseTo(expectedFrom, 3);
            else expect(got).toBe(Infinity);
            let expectedTo = Infinity;
            targets.forEach((t) => {
              if (t && t.distanceM <= FACILITY_SNAP_LIMIT_M)
                expectedTo = Math.min(expectedTo, offRoadMinutes(c.distanceM) + bruteMinutes(view, c, t) + offRoadMinutes(t.distanceM));
            });
            const gotTo = to[j * grid.nx + i] as number;
            if (Number.isFinite(expectedTo)) expect(gotTo).toBeCloseTo(expectedTo, 3);
            else expect(gotTo).toBe(Infinity);
          }
      }),
      { numRuns: 12 },
    );
  });

  it('agrees with the point-to-point router on a point query (time to the nearest facility)', () => {
    const view = viewOf(roadGrid(8, 17, { oneways: true }));
    const station = point('s', [112.05, 26.06], ['freight']);
    const net = new RoadTravelNetwork(view, [station], [], LABEL);
    const router = view.router;
    for (const from of [
      [112.012, 26.003],
      [112.066, 26.041],
      [112.031, 26.07],
    ] as [number, number][]) {
      const r = router.route(from, station.position);
      const a = router.snap(from) as NonNullable<ReturnType<RoadRouter['snap']>>;
      const b = router.snap(station.position) as NonNullable<ReturnType<RoadRouter['snap']>>;
      const expected = (r?.minutes ?? NaN) + offRoadMinutes(a.distanceM) + offRoadMinutes(b.distanceM);
      expect(net.travelTimes(from).facilities.freight?.minutes).toBeCloseTo(expected, 6);
    }
  });
});

describe('opening years on a road network', () => {
  // A straight slow road (40 km/h) from west to east, and a fast planned bypass (90 km/h) of the same line.
  const raw: RawRoads = {
    nodeId: Float64Array.from([1, 2, 3, 4]),
    nodeLng: Float64Array.from([112, 112.2, 112, 112.2]),
    nodeLat: Float64Array.from([26, 26, 26.001, 26.001]),
    wayId: Float64Array.from([10, 11, 12, 13]),
    wayClass: Uint8Array.from([8, 0, 8, 8]),
    wayFlags: Uint8Array.from([3, 3, 3, 3]),
    wayKmhFwd: Float64Array.from([40, 90, 40, 40]),
    wayKmhBwd: Float64Array.from([40, 90, 40, 40]),
    wayName: Int32Array.from([-1, -1, -1, -1]),
    wayRef: Int32Array.from([-1, -1, -1, -1]),
    wayStart: Int32Array.from([0, 2, 4, 6, 8]),
    refs: Int32Array.from([0, 1, 2, 3, 0, 2, 1, 3]),
    strings: [],
    // The bypass (way 1, nodes 3–4) is being built, to open in 2028.
    wayStatus: Uint8Array.from([0, 1, 0, 0]),
    wayYear: Int16Array.from([0, 2028, 0, 0]),
  };
  const market = point('m', [112.2, 25.999], ['market']);
  const minutesIn = (asOf: number | null) =>
    new RoadTravelNetwork(viewOf(raw, asOf), [market], [], LABEL).travelTimes([112, 26.0015]).markets['m']?.minutes as number;

  it('switches an edge on from its year, and keeps it off without a year', () => {
    expect(minutesIn(2028)).toBeLessThan(minutesIn(2027) - 5);
    expect(minutesIn(null)).toBeCloseTo(minutesIn(2027), 9);
    expect(minutesIn(2040)).toBeCloseTo(minutesIn(2028), 9);
    const noYear = { ...raw, wayYear: Int16Array.from([0, 0, 0, 0]) };
    const t = (asOf: number) =>
      new RoadTravelNetwork(viewOf(noYear, asOf), [market], [], LABEL).travelTimes([112, 26.0015]).markets['m']?.minutes;
    expect(t(2100)).toBeCloseTo(minutesIn(2027), 9);
  });

  it('counts an edge closed before its year and snaps nothing to it', () => {
    const view = viewOf(raw, 2027);
    expect(view.closedEdges).toBe(1);
    const s = view.snap(112.1, 26.0011);
    expect(s && view.graph.edgeClass[s.edge]).toBe(8);
  });
});

describe('facilities and interchanges on a road network', () => {
  it('lists a facility more than 2 km from every road with a warning and gives it no time', () => {
    const view = viewOf(roadGrid(5, 3));
    const near = point('near', [112.02, 26.021], ['airport']);
    const far = point('far', [112.02, 26.08], ['port']); // ≈ 4 km north of the grid's last row
    const net = new RoadTravelNetwork(view, [near, far], [], LABEL);
    const list = net.places();
    const f = list.find((p) => p.id === 'far');
    expect(f?.connected).toBe(false);
    expect(f?.distanceM).toBeGreaterThan(FACILITY_SNAP_LIMIT_M);
    expect(list.find((p) => p.id === 'near')?.connected).toBe(true);
    const times = net.travelTimes([112.01, 26.01]);
    expect(times.facilities.port).toBeNull();
    expect(times.facilities.airport?.id).toBe('near');
    expect(times.origin?.distanceM).toBeGreaterThanOrEqual(0);
    expect(net.label.name_en).toBe('test');
  });

  it('reaches an interchange at its ramps, names it, and closes one whose roads are not open', () => {
    // A motorway (class 0, nodes 0–1–2, oneway east) with a junction at node 1 and a link down to a local road (nodes 3–4).
    const raw: RawRoads = {
      nodeId: Float64Array.from([1, 2, 3, 4, 5]),
      nodeLng: Float64Array.from([112, 112.05, 112.1, 112.05, 112.05]),
      nodeLat: Float64Array.from([26.02, 26.02, 26.02, 26.01, 26]),
      wayId: Float64Array.from([1, 2, 3, 4]),
      wayClass: Uint8Array.from([0, 0, 1, 8]),
      wayFlags: Uint8Array.from([1, 1, 3, 3]),
      wayKmhFwd: Float64Array.from([90, 90, 45, 40]),
      wayKmhBwd: Float64Array.from([90, 90, 45, 40]),
      wayName: Int32Array.from([-1, -1, -1, -1]),
      wayRef: Int32Array.from([-1, -1, -1, -1]),
      wayStart: Int32Array.from([0, 2, 4, 6, 8]),
      refs: Int32Array.from([0, 1, 1, 2, 1, 3, 3, 4]),
      strings: [],
      keepNodes: Int32Array.from([1]),
    };
    // The motorway's ends join the local road too, so that everything is one strongly connected piece.
    raw.wayId = Float64Array.from([1, 2, 3, 4, 5, 6]);
    raw.wayClass = Uint8Array.from([0, 0, 1, 8, 8, 8]);
    raw.wayFlags = Uint8Array.from([1, 1, 3, 3, 3, 3]);
    raw.wayKmhFwd = Float64Array.from([90, 90, 45, 40, 40, 40]);
    raw.wayKmhBwd = Float64Array.from([90, 90, 45, 40, 40, 40]);
    raw.wayName = new Int32Array(6).fill(-1);
    raw.wayRef = new Int32Array(6).fill(-1);
    raw.wayStart = Int32Array.from([0, 2, 4, 6, 8, 10, 12]);
    raw.refs = Int32Array.from([0, 1, 1, 2, 1, 3, 3, 4, 4, 0, 2, 4]);
    const junction: RoadJunction = { osmId: 2, name: '示例互通', nameEn: 'Example IC', ref: '12' };
    const net = new RoadTravelNetwork(viewOf(raw), [], [junction], LABEL);
    expect(net.interchangeCount).toBe(1);
    const times = net.travelTimes([112.05, 26.0]);
    const ic = times.facilities.interchange;
    expect(ic?.name_zh).toBe('示例互通');
    expect(ic?.name_en).toBe('Example IC');
    // Reached at the foot of the ramp (node 3, 1.1 km up the local road at 40 km/h), not by driving round to the junction node.
    const footMinutes = offRoadMinutes(times.origin?.distanceM ?? 0) + ((segmentMetres(112.05, 26, 112.05, 26.01) / 1000) * 60) / 40;
    expect(ic?.minutes).toBeCloseTo(footMinutes, 3);
    const closed = { ...raw, wayStatus: Uint8Array.from([2, 2, 2, 0, 0, 0]), wayYear: new Int16Array(6) };
    const none = new RoadTravelNetwork(viewOf(closed), [], [junction], LABEL);
    expect(none.interchangeCount).toBe(0);
    expect(none.closedJunctions).toBe(1);
    expect(none.travelTimes([112.05, 26.0]).facilities.interchange).toBeNull();
  });
});

describe('isochrones on a road network', () => {
  const view = viewOf(roadGrid(30, 5, { oneways: true }));
  const net = new RoadTravelNetwork(view, [], [], LABEL);

  it('nests: every vertex of a shorter isochrone lies inside the longer one', () => {
    fc.assert(
      fc.property(fc.double({ min: 112.03, max: 112.26, noNaN: true }), fc.double({ min: 26.03, max: 26.26, noNaN: true }), (lng, lat) => {
        const features = net.isochrones([lng, lat], [5, 10, 15, 20], { cellKm: 0.5 });
        for (let k = 0; k + 1 < features.length; k++) {
          const inner = features[k];
          const outer = features[k + 1];
          if (!inner || !outer) throw new Error('missing isochrone');
          for (const polygon of inner.geometry.coordinates)
            for (const ring of polygon)
              for (const v of ring) expect(booleanPointInPolygon(turfPoint(v), outer.geometry as never)).toBe(true);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('follows the roads: a cell is inside an isochrone exactly when its network time is below it', () => {
    const from: [number, number] = [112.15, 26.15];
    const [iso] = net.isochrones(from, [10], { cellKm: 0.5 });
    const grid = gridOver([112.05, 26.05, 112.25, 26.25], 0.5);
    const field = net.fieldFrom(from, grid);
    let agree = 0;
    let cells = 0;
    for (let j = 1; j + 1 < grid.ny; j += 3)
      for (let i = 1; i + 1 < grid.nx; i += 3) {
        const t = field[j * grid.nx + i] as number;
        if (Math.abs(t - 10) < 1.5) continue; // near the line, the contour interpolates between cells
        cells++;
        if (booleanPointInPolygon(turfPoint(cellCentre(grid, i, j)), iso?.geometry as never) === t < 10) agree++;
      }
    expect(cells).toBeGreaterThan(50);
    expect(agree / cells).toBeGreaterThan(0.97);
  });

  it('counts the labour pool from the cells whose trip to the site is within the limit (brute force)', () => {
    const grid = gridOver([112.0, 26.0, 112.3, 26.3], 1.5);
    const county = new Int32Array(grid.nx * grid.ny).fill(0);
    const raster = populationRaster(grid, county, [{ adcode: '430000', name_zh: 'x', population: county.length * 1000 }]);
    const site: [number, number] = [112.12, 26.14];
    const pool = net.labourWithin(site, 12, raster);
    const s = bruteSnap(view, site[0], site[1]);
    if (!s) throw new Error('site not snapped');
    let expected = 0;
    for (let j = 0; j < grid.ny; j++)
      for (let i = 0; i < grid.nx; i++) {
        const [lng, lat] = cellCentre(grid, i, j);
        const c = bruteSnap(view, lng, lat);
        if (c && offRoadMinutes(c.distanceM) + bruteMinutes(view, c, s) + offRoadMinutes(s.distanceM) <= 12) expected += 1000;
      }
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(county.length * 1000);
    expect(pool.population).toBe(expected);
  });

  it('counts the same pool visiting only the cells of edges its search reached, for sites anywhere and two limits (brute force)', () => {
    const grid = gridOver([112.0, 26.0, 112.3, 26.3], 2);
    // Half the grid outside the zone (county −1) and two counties, one of unknown population.
    const county = new Int32Array(grid.nx * grid.ny).map((_, c) => (c % grid.nx < grid.nx / 4 ? -1 : c % 3 === 0 ? 1 : 0));
    const raster = populationRaster(grid, county, [
      { adcode: '430001', name_zh: 'a', population: 50_000 },
      { adcode: '430002', name_zh: 'b', population: null },
    ]);
    const cellSnaps = Array.from({ length: grid.nx * grid.ny }, (_, c) => {
      const [lng, lat] = cellCentre(grid, c % grid.nx, Math.floor(c / grid.nx));
      return bruteSnap(view, lng, lat);
    });
    let partial = 0;
    for (const site of [
      [112.12, 26.14],
      [112.05, 26.27],
      [112.28, 26.02],
      [112.2, 26.2],
    ] as [number, number][]) {
      const s = bruteSnap(view, site[0], site[1]);
      if (!s) throw new Error('site not snapped');
      const times = cellSnaps.map((c) =>
        c ? offRoadMinutes(c.distanceM) + bruteMinutes(view, c, s) + offRoadMinutes(s.distanceM) : Infinity,
      );
      for (const minutes of [6, 15]) {
        const pool = net.labourWithin(site, minutes, raster);
        const reached = county.map((k, c) => (k >= 0 && (times[c] as number) <= minutes + 1e-9 ? 1 : 0));
        const perCell = raster.perCell[0] as number;
        const expected = reached.reduce((n, r, c) => n + (r && county[c] === 0 ? perCell : 0), 0);
        expect(pool.population).toBe(Math.round(expected));
        if (expected > 0 && expected < 50_000) partial++;
        expect(pool.unknownCounties).toEqual(reached.some((r, c) => r && county[c] === 1) ? ['b'] : []);
      }
    }
    // Most pools reach part of the zone, neither nothing nor all of it.
    expect(partial).toBeGreaterThanOrEqual(5);
  });
});
