import { booleanPointInPolygon, point as turfPoint } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoInterchangeNetwork } from '../network/testing.ts';
import { travelTimes } from '../network/travel-times.ts';
import { isochrones } from './isochrone.ts';

const net = twoInterchangeNetwork();

describe('isochrones', () => {
  const from: [number, number] = [112.1, 26.05];

  it('draws one polygon per threshold, in order', () => {
    const features = isochrones(net, from, [30, 60, 90], { cellKm: 3 });
    expect(features.map((f) => f.properties.minutes)).toEqual([30, 60, 90]);
    for (const f of features) expect(f.geometry.coordinates.length).toBeGreaterThan(0);
  });

  it('nests: every vertex of a shorter isochrone lies inside the longer one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 112.0, max: 113.0, noNaN: true }),
        fc.double({ min: 25.8, max: 26.3, noNaN: true }),
        fc.integer({ min: 10, max: 60 }),
        (lng, lat, t) => {
          const [inner, outer] = isochrones(net, [lng, lat], [t, t + 30], { cellKm: 4 });
          if (!inner || !outer) throw new Error('missing isochrone');
          for (const polygon of inner.geometry.coordinates)
            for (const ring of polygon)
              for (const v of ring) expect(booleanPointInPolygon(turfPoint(v), outer.geometry as never)).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('contains points whose travel time is under the threshold', () => {
    const [iso] = isochrones(net, from, [60], { cellKm: 2 });
    const near: [number, number] = [112.2, 26.1];
    expect(travelTimes(net, near).facilities.interchange?.minutes).toBeLessThan(60);
    expect(booleanPointInPolygon(turfPoint(near), iso?.geometry as never)).toBe(true);
  });

  it('refuses an empty, unsorted or non-positive threshold list', () => {
    expect(() => isochrones(net, from, [])).toThrow(/at least one threshold/);
    expect(() => isochrones(net, from, [60, 30])).toThrow(/ascending/);
    expect(() => isochrones(net, from, [0, 30])).toThrow(/positive/);
    expect(() => isochrones(net, [Number.NaN, 26], [30])).toThrow(/finite/);
  });
});
