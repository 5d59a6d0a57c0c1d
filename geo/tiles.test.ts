import { describe, expect, it } from 'vitest';
import { flipTileRow, lngLatToTile, tilesCoveringBBox } from './tiles.ts';

describe('lngLatToTile', () => {
  it('puts the origin tile at 0/0/0 and the map corners at the ends of the range', () => {
    expect(lngLatToTile(0, 0, 0)).toEqual({ z: 0, x: 0, y: 0 });
    expect(lngLatToTile(-180, 85, 2)).toEqual({ z: 2, x: 0, y: 0 });
    expect(lngLatToTile(179.99, -85, 2)).toEqual({ z: 2, x: 3, y: 3 });
  });
  it('finds Hengyang city at zoom 10 (x from the longitude formula, y from Mercator)', () => {
    // x = floor((112.57 + 180) / 360 · 1024) = 832; y = floor((1 − ln(tan φ + sec φ)/π) / 2 · 1024) = 432
    expect(lngLatToTile(112.57, 26.89, 10)).toEqual({ z: 10, x: 832, y: 432 });
  });
  it('rejects bad zooms and non-finite coordinates', () => {
    expect(() => lngLatToTile(0, 0, 1.5)).toThrow(RangeError);
    expect(() => lngLatToTile(Number.NaN, 0, 3)).toThrow(/finite/);
  });
});

describe('tilesCoveringBBox', () => {
  it('covers a box with a full rectangle of tiles', () => {
    const tiles = tilesCoveringBBox([108.8, 24.6, 114.2, 29.6], 6);
    const xs = new Set(tiles.map((t) => t.x));
    const ys = new Set(tiles.map((t) => t.y));
    expect(tiles).toHaveLength(xs.size * ys.size);
    expect(tiles).toContainEqual(lngLatToTile(112.57, 26.89, 6));
  });
  it('rejects an inverted box', () => {
    expect(() => tilesCoveringBBox([114, 24, 108, 29], 6)).toThrow(/west, south, east, north/);
  });
});

describe('flipTileRow', () => {
  it('is its own inverse and maps the top row to the bottom one', () => {
    expect(flipTileRow(0, 3)).toBe(7);
    expect(flipTileRow(flipTileRow(5, 10), 10)).toBe(5);
  });
});
