import { describe, expect, it } from 'vitest';
import { carriagewayLinks, originLinks, shortestPaths } from '../network/shortest-paths.ts';
import { twoInterchangeNetwork } from '../network/testing.ts';
import { travelTimes } from '../network/travel-times.ts';
import { accessibilitySurface } from './accessibility.ts';
import { cellCentre, gridOver, KM_PER_DEGREE } from './grid.ts';
import { fieldFromLinks, linkCells, timeField } from './time-field.ts';

const net = twoInterchangeNetwork();

describe('time field', () => {
  // Rows of 0.04° down from 26.1°N: row 2's centres lie on the expressway A–B (26°N).
  const grid = gridOver([112.2, 25.9, 112.8, 26.1], 0.04 * KM_PER_DEGREE);
  const onRoad = (i: number) => cellCentre(grid, i, 2);

  it('links a cell on a carriageway to the expressway, exactly as a point query does', () => {
    const centre = onRoad(3);
    expect(Math.abs(centre[1] - 26)).toBeLessThan(1e-9);
    expect(carriagewayLinks(net, centre).length).toBe(2);
    const surface = accessibilitySurface(net, grid, { class: 'interchange' });
    for (let i = 0; i < grid.nx; i++) {
      const expected = travelTimes(net, onRoad(i)).facilities.interchange?.minutes as number;
      expect(surface.minutes[2 * grid.nx + i]).toBeCloseTo(expected, 4);
    }
    // On the carriageway the interchange is reached along the expressway (90 km/h), far sooner
    // than by ordinary road (×1.3 at 40 km/h): the cell must not miss that link.
    expect(surface.minutes[2 * grid.nx + 3]).toBeLessThan(
      travelTimes(net, cellCentre(grid, 3, 0)).facilities.interchange?.minutes as number,
    );
  });

  it('gives the same times from stored cell links as from a direct field', () => {
    const from = onRoad(5);
    const tree = shortestPaths(net, originLinks(net, from));
    const direct = timeField(net, grid, tree.minutes, { origin: from });
    const stored = fieldFromLinks(
      net,
      linkCells(net, grid),
      tree.minutes,
      from,
      { minutes: 1e9, fastestKmh: 90 },
      new Float32Array(grid.nx * grid.ny),
    );
    for (let c = 0; c < direct.length; c++) expect(stored[c]).toBeCloseTo(direct[c] as number, 4);
  });
});
