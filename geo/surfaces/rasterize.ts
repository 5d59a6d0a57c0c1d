/**
 * Burns polygons into a grid: each cell whose centre lies inside polygon k gets value k
 * (even–odd rule, so holes stay empty); cells outside every polygon get -1. Scanline fill with
 * edges bucketed by row, so the work grows with the polygons' size, not with rows × edges.
 */
import type { Grid } from './grid.ts';

/** Rings of one polygon or multipolygon: `[lng, lat]` WGS-84, outer rings and holes alike. */
export type Rings = readonly (readonly (readonly [number, number])[])[];

/**
 * For each grid cell, the index of the polygon whose area contains the cell's centre (even–odd
 * rule), or -1. Polygons are `[lng, lat]` WGS-84 rings; a later polygon wins where two overlap.
 *
 * @returns row-major Int32Array of `grid.nx × grid.ny`, row 0 north
 */
export function rasterize(grid: Grid, polygons: readonly Rings[]): Int32Array {
  const out = new Int32Array(grid.nx * grid.ny).fill(-1);
  // rows[j] collects [polygon, x-intersection in cell units] for the scanline through row j's centres.
  const rows: number[][] = Array.from({ length: grid.ny }, () => []);
  polygons.forEach((rings, k) => {
    for (const ring of rings) {
      for (let e = 0; e < ring.length - 1; e++) {
        const [x1, y1] = ring[e] as readonly [number, number];
        const [x2, y2] = ring[e + 1] as readonly [number, number];
        if (y1 === y2) continue;
        // Rows whose centre latitude lies in [min, max) of the edge.
        const lo = Math.min(y1, y2);
        const hi = Math.max(y1, y2);
        const jStart = Math.max(0, Math.ceil((grid.north - hi) / grid.dLat - 0.5));
        const jEnd = Math.min(grid.ny - 1, Math.floor((grid.north - lo) / grid.dLat - 0.5));
        for (let j = jStart; j <= jEnd; j++) {
          const lat = grid.north - (j + 0.5) * grid.dLat;
          if (lat < lo || lat >= hi) continue;
          const x = x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1);
          (rows[j] as number[]).push(k, (x - grid.west) / grid.dLng - 0.5);
        }
      }
    }
  });
  for (let j = 0; j < grid.ny; j++) {
    const row = rows[j] as number[];
    if (row.length === 0) continue;
    const byPolygon = new Map<number, number[]>();
    for (let t = 0; t < row.length; t += 2) {
      const k = row[t] as number;
      const list = byPolygon.get(k) ?? [];
      list.push(row[t + 1] as number);
      byPolygon.set(k, list);
    }
    for (const [k, xs] of byPolygon) {
      xs.sort((a, b) => a - b);
      for (let p = 0; p + 1 < xs.length; p += 2) {
        const from = Math.max(0, Math.ceil(xs[p] as number));
        const to = Math.min(grid.nx - 1, Math.floor(xs[p + 1] as number));
        for (let i = from; i <= to; i++) out[j * grid.nx + i] = k;
      }
    }
  }
  return out;
}
