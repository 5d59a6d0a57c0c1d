import { describe, expect, it } from 'vitest';
import { bboxOf, lngLatProblem } from './lnglat.ts';

describe('lngLatProblem', () => {
  it('accepts a point in the zone', () => {
    expect(lngLatProblem([112.57, 26.89])).toBeNull();
  });
  it.each([
    [[Number.NaN, 26], /longitude must be a finite number/],
    [[112, Number.POSITIVE_INFINITY], /latitude must be a finite number/],
    [[200, 26], /longitude 200 is outside/],
    [[26.89, 112.57], /swapped/],
    [[112], /\[longitude, latitude\]/],
    ['112,26', /\[longitude, latitude\]/],
  ])('names the problem with %j', (value, message) => {
    expect(lngLatProblem(value)).toMatch(message);
  });
});

describe('bboxOf', () => {
  it('spans the positions', () => {
    expect(
      bboxOf([
        [110, 25],
        [112, 27],
        [111, 24],
      ]),
    ).toEqual([110, 24, 112, 27]);
  });
  it('refuses an empty list', () => {
    expect(() => bboxOf([])).toThrow(RangeError);
  });
});
