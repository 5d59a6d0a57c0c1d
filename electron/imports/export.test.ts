import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORT_FIXTURES, importFixture } from '../testing/imports.ts';
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { csvCell, EXPORT_FORMATS, exportFeatures, safeCell } from './export.ts';
import { parseFile } from './parse.ts';

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
    expect(csvCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    // Issue 13 item 11: "+1" is a plain number, which no spreadsheet executes; it is no longer escaped (it was "'+1").
    expect(csvCell('+1')).toBe('+1');
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1)).toBe(-1);
    expect(csvCell('衡阳')).toBe('衡阳');
  });
});

describe('exports keep ordinary data and stay valid (issue 13 items 10 and 11)', () => {
  const point = (properties: Record<string, unknown>) => [{ geometry: { type: 'Point', coordinates: [112.6, 26.9] }, properties }];

  it('KML drops the control characters XML 1.0 forbids, keeping tab, LF and CR', async () => {
    const bytes = await exportFeatures('ctl\u0001', point({ name: 'a\u0000b\u0007c', note: 'x\ty\nz\u001f', '\u0002k': 1 }), 'kml');
    const errors: string[] = [];
    new DOMParser({ onError: (level, msg) => level !== 'warning' && errors.push(String(msg)) }).parseFromString(
      new TextDecoder().decode(bytes),
      'text/xml',
    );
    expect(errors).toEqual([]);
    const back = await parseFile('ctl.kml', bytes);
    expect(back.features[0]?.properties).toMatchObject({ name: 'abc', note: 'x\ty\nz', k: '1' });
  });

  it('CSV escapes only what a spreadsheet would execute; numbers and phone numbers stay as they are', () => {
    for (const plain of ['-5', '+86', '-0.5', '1e3', '+1.5E-3', '衡阳', "'abc", '', 'a=b']) expect(csvCell(plain)).toBe(plain);
    for (const formula of ['=1+1', '+86 138 0000 0000', '-5+A1', '@A1', '\t=1', '\r1', '-', '+'])
      expect(csvCell(formula)).toBe(`'${formula}`);
    // A leading quote before a formula character is data too: doubled, so the importer can undo exactly one.
    expect(csvCell("'=1")).toBe("''=1");
  });

  it('XLSX writes strings as strings, never formulas, so nothing is escaped there', async () => {
    expect(safeCell('=1+1')).toBe('=1+1');
    expect(safeCell('-5')).toBe('-5');
    const bytes = await exportFeatures('x', point({ a: '-5', b: '+86 138 0000 0000', c: '=HYPERLINK("http://x")' }), 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const row = book.worksheets[0]?.getRow(2);
    const cells = [3, 4, 5].map((i) => row?.getCell(i));
    expect(cells.map((c) => c?.value)).toEqual(['-5', '+86 138 0000 0000', '=HYPERLINK("http://x")']);
    expect(cells.map((c) => c?.type)).toEqual([ExcelJS.ValueType.String, ExcelJS.ValueType.String, ExcelJS.ValueType.String]);
  });

  it.each(['csv', 'xlsx'] as const)('%s round trips are stable: what is exported comes back as it was', async (format) => {
    const values = { n: '-5', phone: '+86 138 0000 0000', f: '=1+1', q: "'=1", qq: "''@x", t: '\tx', plain: '衡阳' };
    const first = await parseFile(`rt.${format}`, await exportFeatures('rt', point(values), format));
    expect(first.problems).toEqual([]);
    expect(first.features[0]?.properties).toMatchObject(values);
    const second = await exportFeatures('rt', first.features, format);
    expect(new TextDecoder().decode(second)).toBe(
      new TextDecoder().decode(await exportFeatures('rt', point({ ...first.features[0]?.properties }), format)),
    );
  });
});
