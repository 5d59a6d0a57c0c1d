import { describe, expect, it } from 'vitest';
import { timeSavedCells } from './time-saved-layer.ts';

const grid = { west: 110, north: 28, dLng: 0.5, dLat: 0.25, nx: 3, ny: 2, cellKm: 5 };

describe('the time-saved cells', () => {
  it('draws each cell with a saving or a loss of at least half a minute, as its grid square', () => {
    const fc = timeSavedCells({ target: { class: 'interchange' }, grid, minutes: [0, 0.4, 12.5, null, -3, 0.5], max: 12.5, min: -3 });
    expect(fc.features.map((f) => f.properties.saved)).toEqual([12.5, -3, 0.5]);
    // Cell 2 is row 0, column 2: west 111, east 111.5, north 28, south 27.75 (a closed ring, [lng, lat]).
    expect(fc.features[0]?.geometry.coordinates[0]).toEqual([
      [111, 28],
      [111.5, 28],
      [111.5, 27.75],
      [111, 27.75],
      [111, 28],
    ]);
    // Cell 4 is row 1, column 1.
    expect(fc.features[1]?.geometry.coordinates[0]?.[0]).toEqual([110.5, 27.75]);
  });

  it('draws nothing when no time changes', () => {
    expect(timeSavedCells({ target: { class: 'interchange' }, grid, minutes: [0, 0, 0, 0, null, 0], max: 0, min: 0 }).features).toEqual([]);
  });
});
