import { describe, expect, it } from 'vitest';
import { gridOver } from './grid.ts';
import { rasterize, type Rings } from './rasterize.ts';

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
