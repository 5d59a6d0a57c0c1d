import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from './extracts.ts';
import { PREFECTURE_TOTALS_2020 } from './validate.ts';

interface Row {
  adcode: string;
  basemap_adcode: string;
  name_zh: string;
  prefecture_adcode: string;
  population_2020: number;
  population_2020_own: number;
  functional_zones_included: { code: string; population: number }[];
}
const table = JSON.parse(readFileSync(dataPath('counties.json'), 'utf8')) as {
  counties: Row[];
  functional_zones: { code: string; counted_in_zh: string }[];
};
const row = (name: string) => table.counties.find((c) => c.name_zh === name) as Row;

describe('2020 census per county-level unit (data/counties.json)', () => {
  it('has all 66 units, each with a population', () => {
    expect(table.counties).toHaveLength(66);
    for (const c of table.counties) expect(Number.isInteger(c.population_2020) && c.population_2020 > 0).toBe(true);
  });

  it('sums to each prefecture’s official total', () => {
    for (const [prefecture, total] of Object.entries(PREFECTURE_TOTALS_2020)) {
      expect(table.counties.filter((c) => c.prefecture_adcode === prefecture).reduce((s, c) => s + c.population_2020, 0)).toBe(total);
    }
  });

  it('folds each functional zone into one host and matches the prefecture bulletins where they fold it the same way', () => {
    expect(table.functional_zones.map((z) => `${z.code}→${z.counted_in_zh}`).sort()).toEqual(
      ['430471→雁峰区', '430472→蒸湘区', '430473→石鼓区', '431171→冷水滩区', '431172→祁阳县', '431173→江永县', '431271→洪江市'].sort(),
    );
    // 永州市七普公报(第一号) 2021-06-16 and 衡阳 bulletin figures (registry census-2020-bulletins).
    expect(row('冷水滩区').population_2020).toBe(583_136);
    expect(row('祁阳市').population_2020).toBe(832_813);
    expect(row('蒸湘区').population_2020).toBe(478_072);
    // Units without a functional zone keep their own figure.
    expect(row('鹤城区').population_2020).toBe(row('鹤城区').population_2020_own);
  });
});
