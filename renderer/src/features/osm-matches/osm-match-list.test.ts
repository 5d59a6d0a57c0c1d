import { describe, expect, it } from 'vitest';
import { changeText } from '../years/year-compare-panel.tsx';
import { distanceText } from './osm-match-list.tsx';

describe('figures of the review list and the rank-change table', () => {
  it('gives a distance in metres under a kilometre, else in km to 0.1', () => {
    expect(distanceText(38, 'zh')).toBe('38 m');
    expect(distanceText(999.6, 'en')).toBe('1 km');
    expect(distanceText(2900, 'zh')).toBe('2.9 km');
    expect(distanceText(12345, 'en')).toBe('12.3 km');
    expect(distanceText(null, 'zh')).toBe('—');
  });

  it('signs a rank change: places gained, places lost, none, or unranked', () => {
    expect(changeText(3)).toBe('+3');
    expect(changeText(-2)).toBe('−2');
    expect(changeText(0)).toBe('0');
    expect(changeText(null)).toBe('—');
  });
});
