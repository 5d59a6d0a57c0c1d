import fc from 'fast-check';
import type { LngLat } from '../lnglat.ts';
import { describe, expect, it } from 'vitest';
import { distanceMetres, haversineMetres } from './distance.ts';

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
