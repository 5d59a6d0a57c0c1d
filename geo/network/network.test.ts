import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LngLat } from '../lnglat.ts';
import { accessMinutes, DEFAULT_ASSUMPTIONS, minutesAt } from './assumptions.ts';
import { distanceMetres, haversineMetres } from './distance.ts';
import { buildNetwork, type LineInput, type Network, type PointInput } from './graph.ts';
import { MinHeap } from './heap.ts';
import { originLinks, shortestPaths, UnreachableError } from './shortest-paths.ts';
import { point, twoInterchangeNetwork } from './testing.ts';
import { travelTimes } from './travel-times.ts';

const A: LngLat = [112, 26];
const B: LngLat = [113, 26];

describe('distance', () => {
  it('stays within 0.3 % of the great circle below 300 km at the zone latitudes', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 108, max: 115, noNaN: true }),
        fc.double({ min: 24, max: 30, noNaN: true }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        (lng, lat, dx, dy) => {
          const a: LngLat = [lng, lat];
          const b: LngLat = [lng + dx, lat + dy];
          const h = haversineMetres(a, b);
          fc.pre(h > 1000 && h < 300_000);
          expect(Math.abs(distanceMetres(a, b) - h) / h).toBeLessThan(0.003);
        },
      ),
    );
  });
});

describe('MinHeap', () => {
  it('pops keys in ascending order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 200 }), (keys) => {
        const heap = new MinHeap();
        keys.forEach((k, i) => heap.push(i, k));
        const popped: number[] = [];
        while (heap.size > 0) {
          heap.pop();
          popped.push(heap.lastKey);
        }
        expect(popped).toEqual([...keys].sort((x, y) => x - y));
      }),
    );
  });
});

describe('hand-built network with known times', () => {
  const net = twoInterchangeNetwork();
  const a = DEFAULT_ASSUMPTIONS;
  const road = distanceMetres(A, B);

  it('times the expressway edge at the expressway speed over its polyline length', () => {
    const edge = net.edges.find((e) => e.mode === 'expressway');
    expect(edge?.minutes).toBeCloseTo(minutesAt(road, a.expresswayKmh), 9);
    // 1° of longitude at 26°N is about 100 km: about 66.7 minutes at 90 km/h.
    expect(edge?.minutes).toBeGreaterThan(66);
    expect(edge?.minutes).toBeLessThan(67.5);
  });

  it('routes a point near A to the airport by A → X → B → airport and names the route', () => {
    const from: LngLat = [112, 26.05];
    const result = travelTimes(net, from);
    const expected =
      accessMinutes(distanceMetres(from, A), a) + minutesAt(road, a.expresswayKmh) + accessMinutes(distanceMetres(B, [113, 26.1]), a);
    expect(result.facilities.airport?.minutes).toBeCloseTo(expected, 6);
    expect(result.facilities.airport?.id).toBe('F');
    expect(result.facilities.airport?.via.map((v) => v.id)).toEqual(['A', 'B']);
    expect(result.facilities.interchange).toMatchObject({ id: 'A', minutes: accessMinutes(distanceMetres(from, A), a) });
    expect(result.markets['M']?.via.map((v) => v.id)).toEqual(['A', 'B']);
  });

  it('says "no facility" for a class the network does not have', () => {
    expect(travelTimes(net, [112, 26.05]).facilities.port).toBeNull();
  });

  it('uses a faster detour when the assumptions change', () => {
    const slow = twoInterchangeNetwork({ ...a, expresswayKmh: 45 });
    expect(travelTimes(slow, [112, 26.05]).facilities.airport?.minutes).toBeGreaterThan(
      travelTimes(net, [112, 26.05]).facilities.airport?.minutes ?? Infinity,
    );
  });

  it('refuses NaN, swapped coordinates and unreachable points with clear errors', () => {
    expect(() => travelTimes(net, [Number.NaN, 26])).toThrow(/longitude must be a finite number/);
    expect(() => travelTimes(net, [26, 112])).toThrow(/swapped/);
    expect(() => travelTimes(net, [100, 40])).toThrow(UnreachableError);
    expect(() => travelTimes(net, [100, 40])).toThrow(/no network node within 80 km/);
  });

  it('refuses bad assumptions and broken lines', () => {
    expect(() => twoInterchangeNetwork({ ...a, detourFactor: 0.5 })).toThrow(/detourFactor must be at least 1/);
    expect(() => twoInterchangeNetwork({ ...a, ordinaryRoadKmh: 0 })).toThrow(/ordinaryRoadKmh must be a positive number/);
    expect(() =>
      buildNetwork(
        {
          interchanges: [point('A', A), point('B', B)],
          expressways: [{ id: 'X', name_zh: 'X', coordinates: [A, [112.5, 26.2]], stops: ['A', 'B'], mode: 'expressway' }],
          facilities: [],
          railLines: [],
        },
        a,
      ),
    ).toThrow(/X lists "B" but does not pass through its position/);
  });

  it('lets a point on the carriageway drive along it', () => {
    const onRoad: LngLat = [112.5, 26];
    expect(travelTimes(net, onRoad).facilities.interchange?.minutes).toBeCloseTo(minutesAt(distanceMetres(onRoad, B), a.expresswayKmh), 3);
  });
});

/** A random network: interchanges in the zone's bbox, a chain of straight expressway edges through some of them. */
const arbitraryNetwork = fc
  .record({
    positions: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 50 })), {
      minLength: 3,
      maxLength: 12,
      selector: ([x, y]) => `${x},${y}`,
    }),
    facilities: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 50 })), { maxLength: 5 }),
  })
  .map(({ positions, facilities }) => {
    const pos = (x: number, y: number): LngLat => [108.8 + x / 10, 24.6 + y / 10];
    const interchanges: PointInput[] = positions.map(([x, y], i) => point(`I${i}`, pos(x, y)));
    const expressways: LineInput[] = [];
    for (let i = 1; i < interchanges.length; i += 1) {
      const p = interchanges[i - 1] as PointInput;
      const q = interchanges[i] as PointInput;
      expressways.push({ id: `E${i}`, name_zh: `E${i}`, coordinates: [p.position, q.position], stops: [p.id, q.id], mode: 'expressway' });
    }
    const fac = facilities.map(([x, y], i) => point(`F${i}`, pos(x + 0.5, y + 0.5), ['airport']));
    return buildNetwork({ interchanges, expressways, facilities: fac, railLines: [] }, DEFAULT_ASSUMPTIONS);
  });

function allPairs(net: Network): Float64Array[] {
  return net.nodes.map((n) => shortestPaths(net, [{ node: n.index, minutes: 0 }]).minutes);
}

describe('properties', () => {
  it('times are never negative and satisfy the triangle inequality', () => {
    fc.assert(
      fc.property(arbitraryNetwork, (net) => {
        const d = allPairs(net);
        const n = net.nodes.length;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            expect(d[i]?.[j]).toBeGreaterThanOrEqual(0);
            for (let k = 0; k < n; k++)
              expect(d[i]?.[k] as number).toBeLessThanOrEqual((d[i]?.[j] as number) + (d[j]?.[k] as number) + 1e-9);
          }
      }),
      { numRuns: 60 },
    );
  });

  it('is symmetric (the network is undirected)', () => {
    fc.assert(
      fc.property(arbitraryNetwork, (net) => {
        const d = allPairs(net);
        for (let i = 0; i < net.nodes.length; i++)
          for (let j = 0; j < net.nodes.length; j++) expect(d[i]?.[j]).toBeCloseTo(d[j]?.[i] as number, 9);
      }),
      { numRuns: 40 },
    );
  });

  it('moving a point along an expressway toward an interchange never increases its time to it', () => {
    fc.assert(
      fc.property(
        arbitraryNetwork,
        fc.integer({ min: 0, max: 50 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }),
        (net, edgePick, ts) => {
          fc.pre(net.carriageways.length > 0);
          const edge = net.carriageways[edgePick % net.carriageways.length];
          if (!edge) return;
          const [p, q] = edge.coordinates as [LngLat, LngLat];
          const target = net.nodes[edge.to];
          if (!target) return;
          // Points from p toward q (the interchange `to`), ever closer.
          const times = [...ts]
            .sort((x, y) => x - y)
            .map((t) => {
              const at: LngLat = [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
              return shortestPaths(net, originLinks(net, at)).minutes[target.index] as number;
            });
          for (let i = 1; i < times.length; i++) expect(times[i] as number).toBeLessThanOrEqual((times[i - 1] as number) + 1e-9);
        },
      ),
      { numRuns: 80 },
    );
  });
});
