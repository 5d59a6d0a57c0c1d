import { describe, expect, it } from 'vitest';
import { sameNetwork, sliderRange } from './year-range.ts';

describe('the year slider span', () => {
  it('runs from the year before the first opening to five years after the last', () => {
    expect(sliderRange([2012, 1935, 2023], null)).toEqual({ min: 1934, max: 2028 });
  });

  it('does not move when a year inside it is chosen, its first year among them', () => {
    expect(sliderRange([1935, 2023], 1934)).toEqual({ min: 1934, max: 2028 });
    expect(sliderRange([1935, 2023], 2028)).toEqual({ min: 1934, max: 2028 });
  });

  it('reaches a stored year outside it, within the years the app accepts', () => {
    expect(sliderRange([1935, 2023], 2050)).toEqual({ min: 1934, max: 2050 });
    expect(sliderRange([2098], null)).toEqual({ min: 2097, max: 2100 });
  });

  it('is a single year when the network has no opening years', () => {
    expect(sliderRange([], null)).toEqual({ min: 1900, max: 1900 });
    expect(sliderRange([], 2030)).toEqual({ min: 2030, max: 2030 });
  });
});

describe('sameNetwork', () => {
  it('compares the kind and the year only', () => {
    expect(sameNetwork({ kind: 'osm', year: 2030 }, { kind: 'osm', year: 2030 })).toBe(true);
    expect(sameNetwork({ kind: 'osm', year: 2030 }, { kind: 'osm', year: null })).toBe(false);
    expect(sameNetwork({ kind: 'schematic', year: null }, { kind: 'osm', year: null })).toBe(false);
    expect(sameNetwork(undefined, { kind: 'osm', year: null })).toBe(false);
  });
});
