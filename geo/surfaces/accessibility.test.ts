import { describe, expect, it } from 'vitest';
import { twoInterchangeNetwork } from '../network/testing.ts';
import { travelTimes } from '../network/travel-times.ts';
import { accessibilitySurface } from './accessibility.ts';
import { cellCentre, gridOver } from './grid.ts';

const net = twoInterchangeNetwork();

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
