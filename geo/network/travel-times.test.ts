import { describe, expect, it } from 'vitest';
import type { LngLat } from '../lnglat.ts';
import { accessMinutes, DEFAULT_ASSUMPTIONS, minutesAt } from './assumptions.ts';
import { distanceMetres } from './distance.ts';
import { buildNetwork } from './graph.ts';
import { UnreachableError } from './shortest-paths.ts';
import { point, twoInterchangeNetwork } from './testing.ts';
import { travelTimes } from './travel-times.ts';

const A: LngLat = [112, 26];
const B: LngLat = [113, 26];

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
