import { booleanPointInPolygon, point as turfPoint } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isochrones } from '../network/isochrone.ts';
import { twoInterchangeNetwork } from '../network/testing.ts';
import { travelTimes } from '../network/travel-times.ts';
import { accessibilitySurface } from './accessibility.ts';
import { catchment, populationRaster } from './catchment.ts';
import { cellCentre, gridOver } from './grid.ts';
import { rasterize, type Rings } from './rasterize.ts';

const net = twoInterchangeNetwork();

describe('grid and rasterize', () => {
  it('makes cells about cellKm on the ground', () => {
    const grid = gridOver([112, 26, 113, 27], 1);
    expect(grid.ny).toBe(Math.ceil(111.195));
    // At 26.5°N a degree of longitude is about 99.5 km.
    expect(grid.nx).toBeGreaterThan(99);
    expect(grid.nx).toBeLessThan(101);
    expect(() => gridOver([112, 26, 113, 27], 0)).toThrow(/positive/);
    expect(() => gridOver([100, 20, 120, 35], 0.01)).toThrow(/larger cell size/);
  });

  it('fills the cells whose centres are inside a polygon, leaving holes empty', () => {
    const grid = gridOver([0, 0, 10, 10], 111.195); // 1° cells
    const square: Rings = [
      [
        [2, 2],
        [8, 2],
        [8, 8],
        [2, 8],
        [2, 2],
      ],
      [
        [4, 4],
        [6, 4],
        [6, 6],
        [4, 6],
        [4, 4],
      ],
    ];
    const raster = rasterize(grid, [square]);
    const inside = (lng: number, lat: number) => {
      const i = Math.floor((lng - grid.west) / grid.dLng);
      const j = Math.floor((grid.north - lat) / grid.dLat);
      return raster[j * grid.nx + i];
    };
    expect(inside(3.5, 3.5)).toBe(0);
    expect(inside(5.0, 5.0)).toBe(-1); // hole
    expect(inside(1.0, 1.0)).toBe(-1);
    expect([...raster].filter((v) => v === 0).length).toBe(36 - 4);
  });
});

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

describe('accessibility surface', () => {
  it('equals the point query at every sampled cell centre', () => {
    const grid = gridOver([111.9, 25.8, 113.2, 26.3], 5);
    const surface = accessibilitySurface(net, grid, { class: 'airport' });
    for (let j = 0; j < grid.ny; j += 3)
      for (let i = 0; i < grid.nx; i += 4) {
        const centre = cellCentre(grid, i, j);
        const expected = travelTimes(net, centre).facilities.airport?.minutes;
        expect(surface.minutes[j * grid.nx + i]).toBeCloseTo(expected as number, 2);
      }
    expect(surface.max).toBeGreaterThan(0);
  });

  it('reports progress and can be cancelled', () => {
    const grid = gridOver([111.9, 25.8, 113.2, 26.3], 2);
    const seen: number[] = [];
    accessibilitySurface(net, grid, { class: 'airport' }, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(2);
    let calls = 0;
    expect(() => accessibilitySurface(net, grid, { class: 'airport' }, { shouldCancel: () => ++calls > 2 })).toThrow(/cancelled/);
  });

  it('refuses a destination with no known position', () => {
    expect(() => accessibilitySurface(net, gridOver([112, 26, 113, 27], 10), { class: 'bonded-zone' })).toThrow(
      /no bonded-zone with a known position/,
    );
  });
});

describe('catchment', () => {
  it('spreads county population evenly over its cells and sums what is reached', () => {
    const grid = gridOver([0, 0, 2, 1], 111.195); // two 1° cells side by side
    const county = Int32Array.from([0, 1]);
    const raster = populationRaster(grid, county, [
      { adcode: '1', name_zh: '甲县', population: 1000 },
      { adcode: '2', name_zh: '乙县', population: null },
    ]);
    expect(catchment(raster, Float32Array.from([10, 50]), 30)).toEqual({
      minutes: 30,
      population: 1000,
      unknownCounties: [],
      countiesReached: 1,
    });
    expect(catchment(raster, Float32Array.from([10, 50]), 60)).toEqual({
      minutes: 60,
      population: 1000,
      unknownCounties: ['乙县'],
      countiesReached: 2,
    });
  });
});
