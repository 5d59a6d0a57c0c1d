import { area as turfArea, centroid as turfCentroid, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { areaCentroid, assembleRings, ringAreaM2, type LngLatPoint } from './osm-areas.ts';

const square = (x: number, y: number, d: number): LngLatPoint[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

describe('OSM areas', () => {
  it('joins split and reversed member ways into rings, and counts chains that do not close', () => {
    // A ring 1-2-3-4-1 drawn as two ways, the second one backwards; a closed way; a dangling way.
    const { rings, unclosed } = assembleRings([
      [1, 2, 3],
      [1, 4, 3],
      [10, 11, 12, 10],
      [20, 21],
    ]);
    expect(rings).toEqual([
      [1, 2, 3, 4, 1],
      [10, 11, 12, 10],
    ]);
    expect(unclosed).toBe(1);
  });

  it('measures rings as PostGIS does on the ellipsoid, within 1e-5', () => {
    // ST_Area(ST_GeogFromText('POLYGON((…))')) of PostGIS 3 (geodesic area on WGS-84), run once on this machine.
    expect(ringAreaM2(square(112.9, 27.0, 0.01)) / 1099731.2595133781).toBeCloseTo(1, 5);
    expect(ringAreaM2(square(109.9, 27.5, 0.05)) / 27367697.946638107).toBeCloseTo(1, 5);
    // Orientation does not matter.
    expect(ringAreaM2([...square(112.9, 27, 0.01)].reverse())).toBeCloseTo(ringAreaM2(square(112.9, 27, 0.01)), 6);
  });

  it('differs from @turf/area (a sphere of radius 6 371 008.8 m) by the ellipsoid’s curvature at the latitude', () => {
    // Gaussian curvature radius √(M·N) at 26.0° N from the WGS-84 constants.
    const e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
    const s2 = Math.sin((26 * Math.PI) / 180) ** 2;
    const mn = (6378137 ** 2 * (1 - e2)) / (1 - e2 * s2) ** 2;
    const triangle: LngLatPoint[] = [
      [112, 26],
      [112.03, 26.001],
      [112.01, 26.02],
      [112, 26],
    ];
    expect(ringAreaM2(triangle) / turfArea(polygon([triangle]))).toBeCloseTo(mn / 6371008.8 ** 2, 3);
  });

  it('places a square at its centre, subtracts a hole, and weights several outer rings by area', () => {
    const c = areaCentroid([square(112.9, 27.0, 0.02)]);
    expect(c?.position[0]).toBeCloseTo(112.91, 6);
    expect(c?.position[1]).toBeCloseTo(27.01, 5);
    // A centred hole keeps the centre and removes a quarter of the area.
    const holed = areaCentroid([square(112.9, 27.0, 0.02)], [square(112.905, 27.005, 0.01)]);
    expect(holed?.position[0]).toBeCloseTo(112.91, 6);
    expect((holed?.areaM2 ?? 0) / (c?.areaM2 ?? 1)).toBeCloseTo(0.75, 3);
    // Two squares, one four times the area of the other: the centroid is a fifth of the way from the big one's centre.
    const two = areaCentroid([square(112.9, 27.0, 0.02), square(113.0, 27.0, 0.01)]);
    const expectedX = (112.91 * 4 + 113.005 * 1) / 5;
    expect(two?.position[0]).toBeCloseTo(expectedX, 4);
    // The same point turf finds for the L-shaped ring (its centroid of the vertices differs; compare with the planar centroid of turf's area-weighted "centerOfMass" is not in scope, so check against hand arithmetic).
    const l: LngLatPoint[] = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ].map(([x, y]) => [112 + (x as number) * 0.001, 27 + (y as number) * 0.001]);
    const lc = areaCentroid([l]);
    // L of three unit squares: centroid at (5/6, 5/6) units.
    expect(lc?.position[0]).toBeCloseTo(112 + (5 / 6) * 0.001, 7);
    expect(lc?.position[1]).toBeCloseTo(27 + (5 / 6) * 0.001, 7);
    expect(turfCentroid(polygon([l])).geometry.coordinates[0]).not.toBeCloseTo(lc?.position[0] ?? 0, 7);
    expect(areaCentroid([])).toBeNull();
  });
});
