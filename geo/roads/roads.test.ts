import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKWARD, buildRoadGraph, FORWARD, type RawRoads } from './build.ts';
import { clipWays, insideBoxes } from './clip.ts';
import { wayCentroid } from './facilities.ts';
import { edgeGeometry } from './graph.ts';
import { segmentMetres } from './measure.ts';
import { MAIN_ROADS_PROFILE, parseMaxspeed, wayRule, type RoadProfile } from './profile.ts';
import { computeLandmarks } from './landmarks.ts';
import { reverseArcs } from './graph.ts';
import { RoadRouter } from './route.ts';

const P = MAIN_ROADS_PROFILE;

describe('maxspeed', () => {
  it.each([
    ['60', 60],
    ['60 km/h', 60],
    ['50 mph', 50 * 1.609344],
    ['10 knots', 18.52],
    ['none', 'none'],
    ['walk', 5],
    ['CN:urban', 50],
    ['CN:rural', 70],
    ['CN:motorway', 120],
    ['60;80', 60],
    ['none;80', 80],
    ['DE:urban', null],
    ['signals', null],
    ['fast', null],
    ['60;fast', null],
    ['0', null],
    ['', null],
  ] as const)('%s → %s', (raw, expected) => {
    const v = parseMaxspeed(raw);
    if (typeof expected === 'number') expect(v).toBeCloseTo(expected, 9);
    else expect(v).toBe(expected);
  });
});

describe('way rules', () => {
  const rule = (tags: Record<string, string>, profile: RoadProfile = P) => wayRule(tags, profile);
  it('keeps the profile classes and drops the others', () => {
    expect(rule({ highway: 'primary' })).toMatchObject({ keep: true, forward: true, backward: true, kmhForward: 65 });
    expect(rule({ highway: 'residential' })).toEqual({ keep: false, reason: 'class' });
    expect(rule({ highway: 'footway' })).toEqual({ keep: false, reason: 'class' });
    expect(rule({ building: 'yes' })).toEqual({ keep: false, reason: 'class' });
    expect(rule({ highway: 'primary', area: 'yes' })).toEqual({ keep: false, reason: 'area' });
  });
  it('reads oneway yes/true/1, -1/reverse and no, and drops reversible ways', () => {
    for (const v of ['yes', 'true', '1'])
      expect(rule({ highway: 'secondary', oneway: v })).toMatchObject({ forward: true, backward: false });
    for (const v of ['-1', 'reverse']) expect(rule({ highway: 'secondary', oneway: v })).toMatchObject({ forward: false, backward: true });
    for (const v of ['no', 'false', '0'])
      expect(rule({ highway: 'secondary', oneway: v })).toMatchObject({ forward: true, backward: true });
    expect(rule({ highway: 'secondary', oneway: 'reversible' })).toEqual({ keep: false, reason: 'reversible' });
    expect(rule({ highway: 'secondary', oneway: 'alternating' })).toEqual({ keep: false, reason: 'reversible' });
    expect(rule({ highway: 'secondary', oneway: 'yes;no' })).toMatchObject({ forward: true, backward: true, badOneway: true });
  });
  it('implies oneway on roundabouts, motorways and motorway links unless tagged otherwise', () => {
    expect(rule({ highway: 'tertiary', junction: 'roundabout' })).toMatchObject({ forward: true, backward: false });
    expect(rule({ highway: 'tertiary', junction: 'circular' })).toMatchObject({ forward: true, backward: false });
    expect(rule({ highway: 'motorway' })).toMatchObject({ forward: true, backward: false });
    expect(rule({ highway: 'motorway_link' })).toMatchObject({ forward: true, backward: false });
    expect(rule({ highway: 'motorway', oneway: 'no' })).toMatchObject({ forward: true, backward: true });
    expect(rule({ highway: 'motorway_link', oneway: '-1' })).toMatchObject({ forward: false, backward: true });
    expect(rule({ highway: 'trunk' })).toMatchObject({ forward: true, backward: true });
  });
  it('closes private and no-motor-vehicle ways unless a more specific tag opens them', () => {
    expect(rule({ highway: 'tertiary', access: 'private' })).toEqual({ keep: false, reason: 'access' });
    expect(rule({ highway: 'tertiary', access: 'no' })).toEqual({ keep: false, reason: 'access' });
    expect(rule({ highway: 'tertiary', motor_vehicle: 'no' })).toEqual({ keep: false, reason: 'access' });
    expect(rule({ highway: 'tertiary', motorcar: 'no' })).toEqual({ keep: false, reason: 'access' });
    expect(rule({ highway: 'tertiary', vehicle: 'no' })).toEqual({ keep: false, reason: 'access' });
    expect(rule({ highway: 'tertiary', access: 'private', motor_vehicle: 'yes' })).toMatchObject({ keep: true });
    expect(rule({ highway: 'tertiary', access: 'no', motorcar: 'destination' })).toMatchObject({ keep: true });
    expect(rule({ highway: 'tertiary', access: 'destination' })).toMatchObject({ keep: true });
    expect(rule({ highway: 'tertiary', motor_vehicle: 'no', motorcar: 'yes' })).toMatchObject({ keep: true });
  });
  it('caps the class speed by a lower maxspeed only, per direction where tagged', () => {
    expect(rule({ highway: 'primary', maxspeed: '40' })).toMatchObject({ kmhForward: 40, kmhBackward: 40 });
    expect(rule({ highway: 'primary', maxspeed: '120' })).toMatchObject({ kmhForward: 65, kmhBackward: 65 });
    expect(rule({ highway: 'primary', maxspeed: 'none' })).toMatchObject({ kmhForward: 65 });
    expect(rule({ highway: 'primary', maxspeed: 'CN:urban' })).toMatchObject({ kmhForward: 50 });
    expect(rule({ highway: 'primary', maxspeed: 'fast' })).toMatchObject({ kmhForward: 65, badMaxspeed: 1 });
    expect(rule({ highway: 'primary', maxspeed: '60', 'maxspeed:backward': '30' })).toMatchObject({ kmhForward: 60, kmhBackward: 30 });
    expect(rule({ highway: 'primary', 'maxspeed:forward': 'bad', maxspeed: '50' })).toMatchObject({ kmhForward: 50, badMaxspeed: 1 });
  });
});

/** A RawRoads from positions and ways written compactly: [refs, flags, kmh fwd, kmh bwd, class]. */
function raw(points: [number, number][], ways: [number[], number, number, number, number][], keepNodes?: number[]): RawRoads {
  const refs: number[] = [];
  const starts = [0];
  for (const w of ways) {
    refs.push(...w[0]);
    starts.push(refs.length);
  }
  const r: RawRoads = {
    nodeId: Float64Array.from(points, (_, i) => 1000 + i),
    nodeLng: Float64Array.from(points, (p) => p[0]),
    nodeLat: Float64Array.from(points, (p) => p[1]),
    wayId: Float64Array.from(ways, (_, i) => i + 1),
    wayClass: Uint8Array.from(ways, (w) => w[4]),
    wayFlags: Uint8Array.from(ways, (w) => w[1]),
    wayKmhFwd: Float64Array.from(ways, (w) => w[2]),
    wayKmhBwd: Float64Array.from(ways, (w) => w[3]),
    wayName: new Int32Array(ways.length).fill(-1),
    wayRef: new Int32Array(ways.length).fill(-1),
    wayStart: Int32Array.from(starts),
    refs: Int32Array.from(refs),
    strings: [],
  };
  if (keepNodes) r.keepNodes = Int32Array.from(keepNodes);
  return r;
}
const BOTH = FORWARD | BACKWARD;

describe('graph build', () => {
  const line: [number, number][] = [
    [112, 26],
    [112.01, 26],
    [112.02, 26.001],
    [112.03, 26],
    [112.02, 26.01],
  ];
  it('merges degree-2 nodes of equal attributes and keeps their geometry', () => {
    const { graph } = buildRoadGraph(
      raw(line, [
        [[0, 1, 2, 3], BOTH, 60, 60, 4],
        [[2, 4], BOTH, 60, 60, 4],
      ]),
    );
    // Node 1 has degree 2: merged away; node 2 has degree 3: kept.
    expect(Array.from(graph.nodeOsmId).sort()).toEqual([1000, 1002, 1003, 1004]);
    const e = Array.from({ length: graph.edgeCount }, (_, i) => i).find(
      (i) => graph.nodeOsmId[graph.edgeFrom[i] as number] === 1000,
    ) as number;
    expect(edgeGeometry(graph, e)).toEqual([line[0], line[1], line[2]]);
    const len = segmentMetres(112, 26, 112.01, 26) + segmentMetres(112.01, 26, 112.02, 26.001);
    expect(graph.edgeLengthM[e]).toBeCloseTo(len, 9);
    expect(graph.edgeMinutesFwd[e]).toBeCloseTo((len / 1000 / 60) * 60, 9);
  });
  it('does not merge where the speed, class or direction changes, nor at kept nodes', () => {
    const ways: [number[], number, number, number, number][] = [
      [[0, 1], BOTH, 60, 60, 4],
      [[1, 2], BOTH, 50, 50, 4],
    ];
    expect(buildRoadGraph(raw(line, ways)).graph.nodeCount).toBe(3);
    expect(
      buildRoadGraph(
        raw(line, [
          [[0, 1], BOTH, 60, 60, 4],
          [[1, 2], BOTH, 60, 60, 6],
        ]),
      ).graph.nodeCount,
    ).toBe(3);
    expect(buildRoadGraph(raw(line, [[[0, 1, 2], BOTH, 60, 60, 4]], [1])).graph.nodeCount).toBe(3);
    expect(buildRoadGraph(raw(line, [[[0, 1, 2], BOTH, 60, 60, 4]])).graph.nodeCount).toBe(2);
    // A oneway chain merges when both halves point the same way (way 2 drawn backwards, tagged -1).
    const chain = buildRoadGraph(
      raw(line, [
        [[0, 1], FORWARD, 60, 60, 4],
        [[2, 1], BACKWARD, 60, 60, 4],
        [[2, 0], BOTH, 60, 60, 4],
      ]),
    );
    expect(chain.graph.nodeCount).toBe(2);
  });
  it('keeps the largest strongly connected component and reports the rest', () => {
    const pts: [number, number][] = [...line, [113, 27], [113.01, 27]];
    const { graph, report } = buildRoadGraph(
      raw(pts, [
        [[0, 1, 2, 3], BOTH, 60, 60, 4],
        [[3, 4], FORWARD, 60, 60, 4], // a oneway dead end: node 4 cannot come back
        [[5, 6], BOTH, 60, 60, 4], // an island
      ]),
    );
    expect(report.droppedComponents).toBe(2);
    expect(report.droppedNodes).toBe(3);
    expect(report.droppedKm).toBeCloseTo((segmentMetres(112.03, 26, 112.02, 26.01) + segmentMetres(113, 27, 113.01, 27)) / 1000, 9);
    expect(Array.from(graph.nodeOsmId).sort()).toEqual([1000, 1003]);
  });
  it('cuts a ring of degree-2 nodes at one node', () => {
    const ring: [number, number][] = [
      [112, 26],
      [112.01, 26],
      [112.01, 26.01],
    ];
    const { graph } = buildRoadGraph(raw(ring, [[[0, 1, 2, 0], FORWARD, 60, 60, 4]]));
    expect(graph.nodeCount).toBe(1);
    expect(graph.edgeCount).toBe(1);
  });
  it('clips ways to a region, splitting them where they leave it', () => {
    const r = raw(line, [[[0, 1, 2, 3], BOTH, 60, 60, 4]]);
    const clipped = clipWays(r, (x) => x !== 112.02);
    expect(Array.from(clipped.wayStart)).toEqual([0, 2]);
    expect(Array.from(clipped.refs)).toEqual([0, 1]);
    expect(insideBoxes(112.5, 26, [[112, 25, 113, 27]])).toBe(true);
  });
  it('places an area at its centroid', () => {
    const c = wayCentroid([0, 2, 2, 0, 0], [0, 0, 2, 2, 0]);
    expect(c).toEqual([1, 1]);
    expect(wayCentroid([0, 2], [0, 0])).toEqual([1, 0]);
  });
});

/** A random jittered grid network; `oneways` makes some edges oneway. */
function grid(n: number, seed: number, oneways: boolean): RawRoads {
  let s = seed >>> 0 || 1;
  const rnd = (): number => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  const pts: [number, number][] = [];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) pts.push([112 + i * 0.01 + (rnd() - 0.5) * 0.004, 26 + j * 0.01 + (rnd() - 0.5) * 0.004]);
  const ways: [number[], number, number, number, number][] = [];
  const speeds = [90, 65, 55, 40];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const v = j * n + i;
      for (const w of [i + 1 < n ? v + 1 : -1, j + 1 < n ? v + n : -1]) {
        if (w < 0 || rnd() < 0.15) continue;
        const kmh = speeds[Math.floor(rnd() * speeds.length)] as number;
        const flags = oneways && rnd() < 0.25 ? (rnd() < 0.5 ? FORWARD : BACKWARD) : BOTH;
        ways.push([[v, w], flags, kmh, kmh, 4]);
      }
    }
  return raw(pts, ways);
}

describe('routing properties', () => {
  const arb = fc.record({ seed: fc.integer({ min: 1, max: 1 << 30 }), n: fc.integer({ min: 3, max: 9 }), oneways: fc.boolean() });
  it('obeys the triangle inequality, and one-to-all agrees with point-to-point', () => {
    fc.assert(
      fc.property(arb, fc.nat(), fc.nat(), fc.nat(), ({ seed, n, oneways }, x, y, z) => {
        const { graph } = buildRoadGraph(grid(n, seed, oneways));
        if (graph.nodeCount < 2) return;
        const r = new RoadRouter(graph);
        const [a, b, c] = [x, y, z].map((k) => k % graph.nodeCount) as [number, number, number];
        const ab = r.routeNodes(a, b)?.minutes ?? NaN;
        const bc = r.routeNodes(b, c)?.minutes ?? NaN;
        const ac = r.routeNodes(a, c)?.minutes ?? NaN;
        expect(ac).toBeLessThanOrEqual(ab + bc + 1e-9);
        const tree = r.tree(a);
        expect(tree[b]).toBeCloseTo(ab, 9);
        expect(tree[c]).toBeCloseTo(ac, 9);
      }),
      { numRuns: 60 },
    );
  });
  it('finds the same times with ALT landmarks (A*) as with bidirectional Dijkstra, between nodes and between points', () => {
    fc.assert(
      fc.property(
        arb,
        fc.integer({ min: 1, max: 8 }),
        fc.nat(),
        fc.nat(),
        fc.double({ min: 111.99, max: 112.1, noNaN: true }),
        fc.double({ min: 25.99, max: 26.1, noNaN: true }),
        ({ seed, n, oneways }, k, x, y, px, py) => {
          const { graph } = buildRoadGraph(grid(n, seed, oneways));
          if (graph.nodeCount < 2) return;
          const plain = new RoadRouter(graph);
          const alt = new RoadRouter(graph, undefined, computeLandmarks(graph, reverseArcs(graph), k));
          const a = x % graph.nodeCount;
          const b = y % graph.nodeCount;
          expect(alt.routeNodes(a, b)?.minutes).toBeCloseTo(plain.routeNodes(a, b)?.minutes ?? NaN, 9);
          expect(alt.route([px, py], [112.03, 26.03])?.minutes).toBeCloseTo(plain.route([px, py], [112.03, 26.03])?.minutes ?? NaN, 9);
          expect(alt.route([px, py], [112.03, 26.03])?.km).toBeCloseTo(plain.route([px, py], [112.03, 26.03])?.km ?? NaN, 6);
        },
      ),
      { numRuns: 80 },
    );
  });
  it('is symmetric where nothing is oneway', () => {
    fc.assert(
      fc.property(arb, fc.nat(), fc.nat(), ({ seed, n }, x, y) => {
        const { graph } = buildRoadGraph(grid(n, seed, false));
        if (graph.nodeCount < 2) return;
        const r = new RoadRouter(graph);
        const a = x % graph.nodeCount;
        const b = y % graph.nodeCount;
        expect(r.routeNodes(a, b)?.minutes).toBeCloseTo(r.routeNodes(b, a)?.minutes ?? NaN, 9);
      }),
      { numRuns: 60 },
    );
  });
  it('gives a route time equal to the sum of its edges, and a km figure equal to their lengths', () => {
    fc.assert(
      fc.property(arb, fc.nat(), fc.nat(), ({ seed, n, oneways }, x, y) => {
        const { graph: g } = buildRoadGraph(grid(n, seed, oneways));
        if (g.nodeCount < 2) return;
        const r = new RoadRouter(g);
        const res = r.routeNodes(x % g.nodeCount, y % g.nodeCount);
        expect(res).not.toBeNull();
        let minutes = 0;
        let km = 0;
        for (let i = 1; i < (res?.nodes.length ?? 0); i++) {
          const u = res?.nodes[i - 1] as number;
          const v = res?.nodes[i] as number;
          let best = Infinity;
          let len = 0;
          for (let k = g.outStart[u] as number; k < (g.outStart[u + 1] as number); k++) {
            if (g.outHead[k] === v && (g.outMinutes[k] as number) < best) {
              best = g.outMinutes[k] as number;
              len = g.edgeLengthM[g.outEdge[k] as number] as number;
            }
          }
          minutes += best;
          km += len / 1000;
        }
        expect(res?.minutes).toBeCloseTo(minutes, 9);
        expect(res?.km).toBeCloseTo(km, 9);
        const classKm = Object.values(res?.classesKm ?? {}).reduce((s, v) => s + v, 0);
        expect(classKm).toBeCloseTo(res?.km ?? NaN, 9);
      }),
      { numRuns: 60 },
    );
  });
  it('snaps to the nearest point of any edge (checked against a scan of every segment) and routes between points consistently with the tree', () => {
    fc.assert(
      fc.property(
        arb,
        fc.double({ min: 111.99, max: 112.1, noNaN: true }),
        fc.double({ min: 25.99, max: 26.1, noNaN: true }),
        fc.double({ min: 111.99, max: 112.1, noNaN: true }),
        fc.double({ min: 25.99, max: 26.1, noNaN: true }),
        ({ seed, n, oneways }, x1, y1, x2, y2) => {
          const { graph: g } = buildRoadGraph(grid(n, seed, oneways));
          if (g.edgeCount === 0) return;
          const r = new RoadRouter(g);
          const s = r.snap([x1, y1]);
          let brute = Infinity;
          for (let e = 0; e < g.edgeCount; e++) {
            for (let i = g.geomStart[e] as number; i < (g.geomStart[e + 1] as number) - 1; i++) {
              const ax = g.geomLng[i] as number;
              const ay = g.geomLat[i] as number;
              const bx = g.geomLng[i + 1] as number;
              const by = g.geomLat[i + 1] as number;
              // Dense sampling of the segment as an independent nearest-point estimate.
              for (let t = 0; t <= 1; t += 1 / 512) brute = Math.min(brute, segmentMetres(x1, y1, ax + t * (bx - ax), ay + t * (by - ay)));
            }
          }
          expect(s).not.toBeNull();
          // Snapping measures in the plane at the query point, the scan along each segment: they agree to 0.1 %.
          expect(s?.distanceM ?? NaN).toBeLessThanOrEqual(brute * 1.001 + 0.05);
          expect(s?.distanceM ?? NaN).toBeGreaterThan(brute - 3);
          const t = r.snap([x2, y2]);
          const route = r.route([x1, y1], [x2, y2], { geometry: true });
          const tree = r.tree(s as NonNullable<typeof s>);
          expect(route?.minutes ?? NaN).toBeCloseTo(r.timeAt(tree, t as NonNullable<typeof t>, s as NonNullable<typeof s>), 6);
          const line = route?.geometry ?? [];
          expect(line[0]?.[0]).toBeCloseTo(s?.point[0] ?? NaN, 12);
          expect(line[line.length - 1]?.[1]).toBeCloseTo(t?.point[1] ?? NaN, 12);
          let len = 0;
          for (let i = 1; i < line.length; i++)
            len += segmentMetres(...(line[i - 1] as [number, number]), ...(line[i] as [number, number]));
          // The snapped points are projected in the plane at the query point: equal to well under a metre.
          expect(len / 1000).toBeCloseTo(route?.km ?? NaN, 3);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('GeoJSON export', () => {
  it('writes one LineString per edge with its class, minutes and geometry, and nodes on request', async () => {
    const { roadNetworkGeoJSON } = await import('./export.ts');
    const { graph } = buildRoadGraph(grid(4, 3, true));
    const fc1 = roadNetworkGeoJSON(graph);
    expect(fc1.features).toHaveLength(graph.edgeCount);
    const f = fc1.features[0];
    expect(f?.geometry.type).toBe('LineString');
    expect(f?.geometry.coordinates).toEqual(edgeGeometry(graph, 0));
    expect(f?.properties['class']).toBe('primary');
    const oneway = fc1.features.filter((x) => x.properties['oneway']);
    for (const x of oneway) expect([x.properties['minutes_forward'], x.properties['minutes_backward']]).toContain(null);
    expect(roadNetworkGeoJSON(graph, { nodes: true }).features).toHaveLength(graph.edgeCount + graph.nodeCount);
  });
});
