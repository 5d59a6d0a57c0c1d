import { describe, expect, it } from 'vitest';
import { isInZone, prefectureOf, ZONE_PREFECTURES } from './zone.ts';

describe('zone', () => {
  it('has the six prefectures of the plan', () => {
    expect(ZONE_PREFECTURES.map((p) => p.name_zh)).toEqual(['衡阳市', '郴州市', '永州市', '邵阳市', '怀化市', '湘西土家族苗族自治州']);
  });
  it('knows a county by its adcode', () => {
    expect(prefectureOf('430405')).toBe('430400');
    expect(isInZone('430405')).toBe(true); // 珠晖区, Hengyang
    expect(isInZone('433101')).toBe(true); // 吉首市, Xiangxi
    expect(isInZone('430102')).toBe(false); // 芙蓉区, Changsha
  });
  it('rejects a malformed adcode', () => {
    expect(() => prefectureOf('4304')).toThrow(/6 digits/);
  });
});
