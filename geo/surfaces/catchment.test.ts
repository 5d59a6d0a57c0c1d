import { describe, expect, it } from 'vitest';
import { catchment, populationRaster } from './catchment.ts';
import { gridOver } from './grid.ts';

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
