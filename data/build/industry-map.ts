/**
 * Maps a park's catalogue main industries (主导产业 of 《中国开发区审核公告目录（2018年版）》) onto
 * the plan's taxonomy (data/plan.json: ten industries, their sub-lines).
 *
 * The rule, in order:
 * 1. The 主导产业 text is split on the enumeration comma 、 into items, kept verbatim.
 * 2. An item equal to one of the EXACT keys below takes that key's industry and sub-line.
 * 3. Otherwise the first PATTERNS entry whose regular expression matches the item decides.
 * 4. Otherwise, and for items listed in NOT_IN_PLAN (the plan names no such industry: 新能源,
 *    化工, 建材, 橡胶, 塑料, 纸, 资源再生 …), both ids stay null.
 *
 * A sub-line is given only where the plan names that line (三(一) of 湘政发〔2020〕4号) or a
 * clear part of it; a broader item ("机械", "电子信息") gets the industry with a null sub-line.
 * NBS industry classes (GB/T 4754-2017) decide ambiguous words: 电气机械 (C38) and 通用/专用设备
 * (C34/C35) are equipment, 非金属矿物制品 (C30) is the plan's 非金属矿产 processing, 农副食品加工
 * (C13) and 食品 (C14) are the plan's 主要农产品加工, 木材加工 (C20) is its 竹木 specialty
 * processing.
 */
import type { PLAN_INDUSTRY_IDS } from '../schema/layers.ts';

export type PlanIndustryId = (typeof PLAN_INDUSTRY_IDS)[number];

export interface PlanIndustry {
  /** The catalogue item, verbatim. */
  text_zh: string;
  industry_id: PlanIndustryId | null;
  subline_id: string | null;
}

type Target = readonly [PlanIndustryId, string | null];

const AGRI_STAPLE: Target = ['modern-agriculture', 'modern-agriculture.staple-agri-product-processing'];
const AGRI_SPECIALTY: Target = ['modern-agriculture', 'modern-agriculture.specialty-agri-product-deep-processing'];
const NONFERROUS: Target = ['mining', 'mining.nonferrous-metal-minerals'];

/** Items matched whole. */
export const EXACT: Readonly<Record<string, Target>> = {
  生物医药: ['biomedicine', null],
  医药: ['biomedicine', null],
  生物医学: ['biomedicine', null],
  中药材: AGRI_SPECIALTY, // the plan's specialty processing names 中药材 explicitly
  电子信息: ['next-gen-it', null],
  电子: ['next-gen-it', null],
  电子设备: ['next-gen-it', null],
  电子元器件: ['next-gen-it', 'next-gen-it.core-electronic-components'],
  新材料: ['new-materials', null],
  新金属材料加工: ['new-materials', 'new-materials.new-alloy-materials'],
  装备制造: ['equipment', null],
  先进制造: ['equipment', null],
  机械: ['equipment', null],
  机械设备: ['equipment', null],
  机械零部件: ['equipment', null],
  零部件: ['equipment', null],
  通用设备: ['equipment', null],
  专用设备: ['equipment', null],
  电气机械: ['equipment', null],
  电气机械器材: ['equipment', null],
  机电设备: ['equipment', null],
  智能机器: ['equipment', 'equipment.intelligent-manufacturing-equipment'],
  汽车配件: ['equipment', 'equipment.automobiles-and-parts'],
  铸造: ['equipment', 'equipment.forging-and-casting'],
  食品: AGRI_STAPLE,
  农副食品: AGRI_STAPLE,
  农副食品加工: AGRI_STAPLE,
  农产品加工: AGRI_STAPLE,
  农副产品加工: AGRI_STAPLE,
  农林产品加工: AGRI_STAPLE,
  富硒农产品加工: AGRI_SPECIALTY,
  木材加工: AGRI_SPECIALTY,
  木竹制品: AGRI_SPECIALTY,
  木竹加工: AGRI_SPECIALTY,
  木竹藤棕草制品: AGRI_SPECIALTY,
  纺织服装: ['light-textiles', null],
  纺织服饰: ['light-textiles', null],
  化纤: ['light-textiles', 'light-textiles.textiles'],
  服装: ['light-textiles', 'light-textiles.apparel'],
  轻纺制鞋: ['light-textiles', 'light-textiles.footwear-and-headwear'],
  皮具箱包: ['light-textiles', 'light-textiles.luggage-and-bags'],
  皮具: ['light-textiles', 'light-textiles.luggage-and-bags'],
  皮革: ['light-textiles', null],
  皮革制品: ['light-textiles', null],
  五金工具: ['light-textiles', 'light-textiles.small-hardware'],
  五金: ['light-textiles', 'light-textiles.small-hardware'],
  家具: ['light-textiles', null],
  家居: ['light-textiles', null],
  打火机: ['light-textiles', null],
  非金属矿物制品: ['mining', 'mining.nonmetallic-minerals'],
  非金属矿制品: ['mining', 'mining.nonmetallic-minerals'],
  矿产品: ['mining', null],
  冶金: ['mining', null],
  金属冶炼: ['mining', null],
  金属冶炼加工: ['mining', null],
  锰冶炼加工: ['mining', null], // manganese is a ferrous metal in Chinese classification, not 有色
  稀贵金属加工: ['mining', 'mining.precious-metal-minerals'],
  铝加工: NONFERROUS,
  商贸物流: ['logistics', 'logistics.commercial-trade'],
  旅游产品加工: ['culture-tourism', null],
  文化: ['culture-tourism', null],
};

/** Items matched by pattern when no exact key applies (first match wins). */
export const PATTERNS: readonly (readonly [RegExp, Target])[] = [
  [/^有色金属/u, NONFERROUS],
  [/医药|制药/u, ['biomedicine', null]],
  [/电子/u, ['next-gen-it', null]],
  [/农(副)?产品|农副食品/u, AGRI_STAPLE],
  [/机械|装备|设备/u, ['equipment', null]],
];

/** Items the plan's ten industries do not cover: both ids stay null. */
export const NOT_IN_PLAN: readonly string[] = [
  '新能源',
  '化工',
  '基础化工',
  '精细化工',
  '盐卤化工及精细化工',
  '建材',
  '橡胶制品',
  '塑料',
  '纸制品',
  '特种绝缘纸',
  '废弃资源利用',
  '再生资源利用',
];

/** Splits a 主导产业 text into its items (verbatim, empty items dropped). */
export function splitMainIndustries(text: string): string[] {
  return text
    .split('、')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Maps one catalogue item; see the module comment for the rule. */
export function mapIndustryItem(item: string): PlanIndustry {
  if (!NOT_IN_PLAN.includes(item)) {
    const target = EXACT[item] ?? PATTERNS.find(([re]) => re.test(item))?.[1];
    if (target) return { text_zh: item, industry_id: target[0], subline_id: target[1] };
  }
  return { text_zh: item, industry_id: null, subline_id: null };
}

/** Maps a whole 主导产业 text. */
export function mapMainIndustries(text: string): PlanIndustry[] {
  return splitMainIndustries(text).map(mapIndustryItem);
}
