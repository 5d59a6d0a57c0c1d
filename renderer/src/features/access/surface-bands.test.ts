import { describe, expect, it } from 'vitest';
import type { ResultOf } from '../../../../electron/contract/api.ts';
import { SURFACE_BANDS, surfaceBands } from './surface-bands.ts';

type Band = ResultOf<'surface'>;

const network: Band['network'] = {
  kind: 'osm',
  name_zh: 'OpenStreetMap 路网（z.osm.pbf）',
  name_en: 'OpenStreetMap road network (z.osm.pbf)',
  asOf: '2025-06-01',
  year: 2030,
  attribution: '© OpenStreetMap contributors',
};
const grid: Band['grid'] = { west: 110, north: 27, dLng: 0.01, dLat: 0.01, nx: 7, ny: 45, cellKm: 1 };
// A whole grid as the backend would give it: some cells outside the zone (null, not counted), the rest minutes.
const whole = Array.from({ length: grid.nx * grid.ny }, (_, c) => (c % 5 === 0 ? null : (c * 7) % 131));
const inZone = (c: number) => c % 5 !== 0;

/** The backend's `surface` for rows [first, end): those rows of the whole grid. */
function backend(calls: [number, number][]) {
  return async (rows: [number, number]): Promise<Band> => {
    calls.push(rows);
    const minutes = whole.slice(rows[0] * grid.nx, rows[1] * grid.nx);
    let cells = 0;
    for (let c = rows[0] * grid.nx; c < rows[1] * grid.nx; c++) if (inZone(c)) cells++;
    return { network, grid, rows, minutes, cells };
  };
}

describe('a zone surface fetched in bands of rows', () => {
  it('puts the bands together into the whole grid, with the max, the cells in the zone and the network', async () => {
    const calls: [number, number][] = [];
    const progress: number[] = [];
    const s = await surfaceBands(backend(calls), { onProgress: (f) => progress.push(f) });
    expect(s).not.toBeNull();
    expect(Array.from(s?.minutes ?? [], (m) => (Number.isNaN(m) ? null : m))).toEqual(whole);
    expect(s?.max).toBe(Math.max(...whole.filter((m): m is number => m !== null)));
    expect(s?.cells).toBe(whole.filter((_, c) => inZone(c)).length);
    expect(s?.network).toEqual(network);
    // One row to learn the grid, then every row once, in order, in about SURFACE_BANDS bands.
    expect(calls[0]).toEqual([0, 1]);
    for (let k = 1; k < calls.length; k++) expect(calls[k]?.[0]).toBe(calls[k - 1]?.[1]);
    expect(calls.at(-1)?.[1]).toBe(grid.ny);
    expect(calls.length - 1).toBeLessThanOrEqual(SURFACE_BANDS);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it('stops at the next band when cancelled, asking for nothing more', async () => {
    const calls: [number, number][] = [];
    let cancel = false;
    const fetchRows = backend(calls);
    const s = await surfaceBands(
      async (rows) => {
        const band = await fetchRows(rows);
        if (calls.length === 3) cancel = true;
        return band;
      },
      { cancelled: () => cancel },
    );
    expect(s).toBeNull();
    expect(calls.length).toBe(3);
  });

  it('passes a refusal on (a class no facility of which is on the network)', async () => {
    await expect(surfaceBands(() => Promise.reject(new Error('no airport is on the imported network')))).rejects.toThrow(/no airport/);
  });
});
