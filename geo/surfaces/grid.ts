/**
 * Regular grids of square-ish cells over a bounding box, in WGS-84 degrees. Cell (i, j) has its
 * centre at `[west + (i + 0.5)·dLng, north − (j + 0.5)·dLat]`; row 0 is the northernmost.
 */
import { EARTH_RADIUS_M } from '../network/distance.ts';

export interface Grid {
  west: number;
  north: number;
  /** Cell size in degrees of longitude and latitude. */
  dLng: number;
  dLat: number;
  nx: number;
  ny: number;
  /** Nominal cell size in kilometres (north–south). */
  cellKm: number;
}

/** Kilometres per degree of latitude on the mean-radius sphere. */
export const KM_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180 / 1000;

/**
 * A grid of `cellKm` cells covering `bbox` (`[west, south, east, north]`, degrees). Longitude
 * steps are widened by 1/cos(mid-latitude) so cells are about `cellKm` wide on the ground.
 * @throws RangeError for a non-positive cell size or more than 4 million cells
 */
export function gridOver(bbox: readonly [number, number, number, number], cellKm: number): Grid {
  if (!(cellKm > 0) || !Number.isFinite(cellKm)) throw new RangeError(`cell size must be a positive number of km, got ${cellKm}`);
  const [west, south, east, north] = bbox;
  const dLat = cellKm / KM_PER_DEGREE;
  const dLng = dLat / Math.cos((((south + north) / 2) * Math.PI) / 180);
  const nx = Math.max(1, Math.ceil((east - west) / dLng));
  const ny = Math.max(1, Math.ceil((north - south) / dLat));
  if (nx * ny > 4_000_000) throw new RangeError(`a ${cellKm} km grid over this area has ${nx * ny} cells; use a larger cell size`);
  return { west, north, dLng, dLat, nx, ny, cellKm };
}

/**
 * Centre of cell (i, j): `[lng, lat]` in WGS-84 degrees; i counts columns from the west, j rows
 * from the north (row 0 is the northernmost).
 */
export function cellCentre(grid: Grid, i: number, j: number): [number, number] {
  return [grid.west + (i + 0.5) * grid.dLng, grid.north - (j + 0.5) * grid.dLat];
}
