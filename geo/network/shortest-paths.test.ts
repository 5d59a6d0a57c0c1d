import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LngLat } from '../lnglat.ts';
import { originLinks, shortestPaths } from './shortest-paths.ts';
import { DEFAULT_ASSUMPTIONS } from './assumptions.ts';
import { buildNetwork, type LineInput, type Network, type PointInput } from './graph.ts';
import { point } from './testing.ts';

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
