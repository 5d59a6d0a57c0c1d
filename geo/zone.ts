/**
 * The demonstration zone's administrative make-up.
 *
 * Source: 湖南省人民政府《湘南湘西承接产业转移示范区发展规划》(湘政发〔2020〕4号, 2020-02-24),
 * section 一: "包括衡阳市、郴州市、永州市、邵阳市、怀化市、湘西自治州，共6个市州".
 * Adcodes: GB/T 2260 administrative division codes (民政部 行政区划代码).
 */
/** The six prefectures; `short_*` is the usual short form, used for map labels. */
export const ZONE_PREFECTURES = [
  { adcode: '430400', name_zh: '衡阳市', name_en: 'Hengyang', short_zh: '衡阳', short_en: 'Hengyang' },
  { adcode: '431000', name_zh: '郴州市', name_en: 'Chenzhou', short_zh: '郴州', short_en: 'Chenzhou' },
  { adcode: '431100', name_zh: '永州市', name_en: 'Yongzhou', short_zh: '永州', short_en: 'Yongzhou' },
  { adcode: '430500', name_zh: '邵阳市', name_en: 'Shaoyang', short_zh: '邵阳', short_en: 'Shaoyang' },
  { adcode: '431200', name_zh: '怀化市', name_en: 'Huaihua', short_zh: '怀化', short_en: 'Huaihua' },
  {
    adcode: '433100',
    name_zh: '湘西土家族苗族自治州',
    name_en: 'Xiangxi Tujia and Miao Autonomous Prefecture',
    short_zh: '湘西州',
    short_en: 'Xiangxi',
  },
] as const;

/** Prefecture adcode (6 digits, ending in 00) of a county-level adcode. */
export function prefectureOf(countyAdcode: string): string {
  if (!/^\d{6}$/.test(countyAdcode)) throw new RangeError(`adcode must be 6 digits, got "${countyAdcode}"`);
  return `${countyAdcode.slice(0, 4)}00`;
}

/** True when a county-level adcode belongs to one of the six prefectures of the zone. */
export function isInZone(countyAdcode: string): boolean {
  const prefecture = prefectureOf(countyAdcode);
  return ZONE_PREFECTURES.some((p) => p.adcode === prefecture);
}
