import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LayerCollection } from '../schema/layers.ts';
import { dataPath } from './extracts.ts';
import { EXACT, mapIndustryItem, mapMainIndustries, NOT_IN_PLAN, splitMainIndustries } from './industry-map.ts';

const plan = JSON.parse(readFileSync(dataPath('plan.json'), 'utf8')) as { industries: { id: string; sublines: { id: string }[] }[] };

describe('catalogue main industries → plan taxonomy', () => {
  it('splits on the enumeration comma and keeps each item verbatim', () => {
    expect(splitMainIndustries('生物医药、电子信息、 新能源')).toEqual(['生物医药', '电子信息', '新能源']);
  });

  it('maps exact items to an industry and, where the plan names the line, a sub-line', () => {
    expect(mapIndustryItem('电子元器件')).toEqual({
      text_zh: '电子元器件',
      industry_id: 'next-gen-it',
      subline_id: 'next-gen-it.core-electronic-components',
    });
    expect(mapIndustryItem('机械')).toEqual({ text_zh: '机械', industry_id: 'equipment', subline_id: null });
    expect(mapIndustryItem('木材加工')).toMatchObject({
      industry_id: 'modern-agriculture',
      subline_id: 'modern-agriculture.specialty-agri-product-deep-processing',
    });
  });

  it('maps by pattern where no exact key applies', () => {
    expect(mapIndustryItem('有色金属精深加工')).toMatchObject({ industry_id: 'mining', subline_id: 'mining.nonferrous-metal-minerals' });
    expect(mapIndustryItem('汽车电子设备')).toMatchObject({ industry_id: 'next-gen-it' });
  });

  it('leaves industries the plan does not name, and unknown words, with null ids', () => {
    for (const item of [...NOT_IN_PLAN, '航天'])
      expect(mapIndustryItem(item)).toEqual({ text_zh: item, industry_id: null, subline_id: null });
    expect(mapMainIndustries('化工、医药')).toEqual([
      { text_zh: '化工', industry_id: null, subline_id: null },
      { text_zh: '医药', industry_id: 'biomedicine', subline_id: null },
    ]);
  });

  it('uses only ids that exist in data/plan.json', () => {
    const industries = new Set(plan.industries.map((i) => i.id));
    const sublines = new Set(plan.industries.flatMap((i) => i.sublines.map((s) => s.id)));
    for (const [industry, subline] of Object.values(EXACT)) {
      expect(industries.has(industry)).toBe(true);
      if (subline) expect(sublines.has(subline)).toBe(true);
    }
  });

  it('leaves no catalogue item of the parks layer unmapped unless the plan lacks it', () => {
    const parks = JSON.parse(readFileSync(dataPath('layers/parks.geojson'), 'utf8')) as LayerCollection;
    const unmapped = parks.features
      .flatMap((f) => f.properties['plan_industries'] as { text_zh: string; industry_id: string | null }[])
      .filter((x) => x.industry_id === null)
      .map((x) => x.text_zh);
    expect([...new Set(unmapped)].filter((x) => !NOT_IN_PLAN.includes(x))).toEqual([]);
  });
});
