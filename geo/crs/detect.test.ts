import { describe, expect, it } from 'vitest';
import { detectCrs, fromWgs84, looksSwapped, nameKey, toWgs84 } from './detect.ts';

const reference = [
  { name: '衡阳南岳机场', position: [112.617072, 26.72321] as [number, number] },
  { name: '衡南县', position: [112.677, 26.738] as [number, number] },
  { name: '怀化芷江机场', position: [109.69972, 27.44139] as [number, number] },
];

describe('CRS detection', () => {
  it.each(['wgs84', 'gcj02', 'bd09'] as const)('recognises points published in %s', (crs) => {
    const imported = reference.map((r) => ({ name: r.name, position: fromWgs84(r.position, crs) }));
    const d = detectCrs(imported, reference);
    expect(d.crs).toBe(crs);
    expect(d.basis).toBe('names');
    expect(d.matched).toHaveLength(3);
    const best = d.evidence.find((e) => e.crs === crs)?.medianMetres ?? Infinity;
    expect(best).toBeLessThan(20);
  });

  it('says when nothing matches and keeps WGS-84', () => {
    expect(detectCrs([{ name: '某地块', position: [112, 26] }], reference)).toMatchObject({ crs: 'wgs84', basis: 'none' });
  });

  it('round-trips conversions within a metre', () => {
    const p: [number, number] = [112.6, 26.9];
    for (const crs of ['gcj02', 'bd09'] as const) {
      const back = toWgs84(fromWgs84(p, crs), crs);
      expect(Math.abs(back[0] - p[0])).toBeLessThan(1e-5);
      expect(Math.abs(back[1] - p[1])).toBeLessThan(1e-5);
    }
  });

  it('spots swapped longitude and latitude', () => {
    expect(
      looksSwapped([
        [26.9, 112.6],
        [27.5, 110],
      ]),
    ).toBe(true);
    expect(looksSwapped([[112.6, 26.9]])).toBe(false);
  });

  it('matches names without unit words', () => {
    expect(nameKey(' 衡南县 ')).toBe(nameKey('衡南'));
  });
});
