/**
 * Population within reach. Method: each county's 2020 census population is spread evenly over
 * the grid cells whose centres fall in the county (apportionment by area, i.e. uniform density
 * within a county); the catchment is the sum over cells reached within the time limit. Counties
 * whose population is unknown contribute nothing and are listed, so the figure is a lower bound
 * whenever that list is not empty.
 */
import type { Grid } from './grid.ts';

export interface CountyPopulation {
  adcode: string;
  name_zh: string;
  /** Resident population, or null when unknown. */
  population: number | null;
}

export interface PopulationRaster {
  grid: Grid;
  /** County index per cell (-1 outside every county), from `rasterize`. */
  county: Int32Array;
  counties: readonly CountyPopulation[];
  /** Persons per cell for each county (0 when its population is unknown). */
  perCell: Float64Array;
}

/**
 * Spreads each county's population evenly over its cells of `county` (from {@link rasterize}).
 * A county whose population is unknown contributes 0 persons and is listed by the catchment.
 *
 * @param county - county index per cell, -1 outside every county
 */
export function populationRaster(grid: Grid, county: Int32Array, counties: readonly CountyPopulation[]): PopulationRaster {
  const cells = new Float64Array(counties.length);
  for (const k of county) if (k >= 0) cells[k] = (cells[k] as number) + 1;
  const perCell = Float64Array.from(counties, (c, k) =>
    c.population !== null && (cells[k] as number) > 0 ? c.population / (cells[k] as number) : 0,
  );
  return { grid, county, counties, perCell };
}

export interface Catchment {
  minutes: number;
  /** Persons reached in counties with a known population. */
  population: number;
  /** Counties reached (at least one cell) whose population is unknown. */
  unknownCounties: string[];
  /** Counties reached at least in part. */
  countiesReached: number;
}

/**
 * Population in cells whose travel time (same grid) is at most `minutes`.
 * @param cells - optional list of the cells to visit (e.g. the linked cells of a zone mask)
 */
export function catchment(raster: PopulationRaster, field: Float32Array, minutes: number, cells?: Int32Array): Catchment {
  if (field.length !== raster.county.length) throw new RangeError('time field and population raster must share one grid');
  let population = 0;
  const reached = new Uint8Array(raster.counties.length);
  const n = cells ? cells.length : field.length;
  for (let q = 0; q < n; q++) {
    const c = cells ? (cells[q] as number) : q;
    const k = raster.county[c] as number;
    if (k < 0 || !((field[c] as number) <= minutes)) continue;
    population += raster.perCell[k] as number;
    reached[k] = 1;
  }
  const reachedIdx = [...reached.keys()].filter((k) => reached[k] === 1);
  const unknownCounties = reachedIdx
    .filter((k) => raster.counties[k]?.population === null)
    .map((k) => raster.counties[k]?.name_zh ?? String(k));
  return { minutes, population: Math.round(population), unknownCounties, countiesReached: reachedIdx.length };
}
