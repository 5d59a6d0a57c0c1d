import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORT_FIXTURES, importFixture } from '../testing/imports.ts';
import { EXPORT_FORMATS, exportFeatures, safeCell } from './export.ts';

const fx = importFixture();
const { importBytes, layerFeatures } = fx;
const FIXTURES = IMPORT_FIXTURES;
afterAll(() => fx.dispose());

describe('round trips: import → export → import gives the same features', () => {
  it.each(EXPORT_FORMATS)('%s', async (format) => {
    const first = await importBytes('utf8.csv', readFileSync(join(FIXTURES, 'good/utf8.csv')), 'wgs84');
    const original = await layerFeatures(first.layerId);
    const bytes = await exportFeatures('round-trip', original, format);
    const again = await importBytes(`round-trip.${format}`, bytes, 'wgs84');
    const back = await layerFeatures(again.layerId);
    expect(back).toHaveLength(original.length);
    back.forEach((f, i) => {
      const [x, y] = f.geometry?.coordinates as [number, number];
      const [x0, y0] = original[i]?.geometry?.coordinates as [number, number];
      expect(Math.abs(x - x0)).toBeLessThan(1e-9);
      expect(Math.abs(y - y0)).toBeLessThan(1e-9);
      // Original attributes (the 名称 column) survive every format.
      expect(JSON.stringify(f.properties)).toContain(String(original[i]?.properties['名称']));
    });
  });

  it('escapes spreadsheet formulas on export (CSV injection)', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(safeCell('+1')).toBe("'+1");
    expect(safeCell('-1+1')).toBe("'-1+1");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell(-1)).toBe(-1);
    expect(safeCell('衡阳')).toBe('衡阳');
  });
});
