/**
 * A zone surface fetched in bands of rows (the backend's `surface` method takes `rows`), put
 * together into one grid: what lets a long computation show progress and stop part-way.
 */
import type { NetworkLabel, ResultOf } from '../../../../electron/contract/api.ts';

type Band = ResultOf<'surface'>;

/** How many bands a surface is fetched in: enough for a moving bar, few enough that each call's overhead stays small. */
export const SURFACE_BANDS = 20;

export interface AssembledSurface {
  /** Minutes per cell, row-major from the north-west; NaN outside the zone or out of reach. */
  minutes: Float32Array;
  grid: Band['grid'];
  /** The largest finite minutes. */
  max: number;
  /** Cells inside the zone. */
  cells: number;
  network: NetworkLabel;
}

/**
 * Fetches every row of a surface, band by band. The first call asks for one row, to learn the
 * grid; the rest follow in {@link SURFACE_BANDS} bands.
 *
 * @param fetchRows - one `surface` call for rows `[first, end)`
 * @returns the surface, or null when `cancelled()` became true (checked before each call and after it)
 */
export async function surfaceBands(
  fetchRows: (rows: [number, number]) => Promise<Band>,
  options: { onProgress?: (fraction: number) => void; cancelled?: () => boolean } = {},
): Promise<AssembledSurface | null> {
  const cancelled = options.cancelled ?? (() => false);
  const first = await fetchRows([0, 1]);
  if (cancelled()) return null;
  const { grid, network } = first;
  const minutes = new Float32Array(grid.nx * grid.ny).fill(Number.NaN);
  let cells = 0;
  let max = 0;
  const put = (band: Band) => {
    const offset = band.rows[0] * grid.nx;
    band.minutes.forEach((m, c) => {
      if (m === null) return;
      minutes[offset + c] = m;
      if (m > max) max = m;
    });
    cells += band.cells;
  };
  put(first);
  const step = Math.max(1, Math.ceil(grid.ny / SURFACE_BANDS));
  for (let row = 1; row < grid.ny; row += step) {
    options.onProgress?.(row / grid.ny);
    if (cancelled()) return null;
    const band = await fetchRows([row, Math.min(grid.ny, row + step)]);
    if (cancelled()) return null;
    put(band);
  }
  options.onProgress?.(1);
  return { minutes, grid, max, cells, network };
}
