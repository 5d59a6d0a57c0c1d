/**
 * `npx tsx data/build/build-rail.ts`: updates data/layers/rail-lines.geojson and
 * rail-stations.geojson from the rail extracts (see extracts.ts):
 *
 * - 京广 and 沪昆 high-speed lines follow their OpenStreetMap alignments (hsr-*-osm.json,
 *   © OpenStreetMap contributors, ODbL 1.0); their stations sit on the OSM station nodes that
 *   end each section, so every station is a vertex of its line.
 * - Conventional and 衡柳 stations the layer lacked come from the WGS-84 column of the station
 *   table (listenzcc/China-rail-way-stations-data, c. 2016): STATIONS_FROM_TABLE.
 * - Every station name is checked against the current 12306 list (pomerun/china-railway-station),
 *   kept in data/reference/rail-names-12306.json; `in_12306` records the result.
 * - Every other line is a chord through its listed stations, in order (`schematic: true`).
 *
 * The layers' other facts (opening dates, design speeds, notes) are kept as they are.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance, point } from '@turf/turf';
import type { LayerCollection, LayerFeature } from '../schema/layers.ts';
import { dataPath, readCsv, readJson } from './extracts.ts';
import { countyContaining, round6 } from './zone-geometry.ts';

interface OsmExtract {
  source: string;
  sections: { id: string; km: number; polyline: [number, number][] }[];
}

/** The OSM-aligned lines: which extract, and the first and last section used. */
const OSM_LINES: Record<string, { file: string; from: string; to: string; tailNote: string }> = {
  'rail-jingguang-hsr': {
    file: 'hsr-jingguang-hunan-osm.json',
    from: 'chang-sha-nan-zhu-zhou-xi',
    to: 'le-chang-dong-shao-guan',
    tailNote:
      'South of 韶关 (outside the zone) the extract ends; 韶关 → 英德西 → 清远 → 广州北 → 广州南 stay straight segments between OSM station nodes.',
  },
  'rail-hukun-hsr': {
    file: 'hsr-hukun-hunan-osm.json',
    from: 'chang-sha-nan-xiang-tan-bei',
    to: 'zhi-jiang-xin-huang-xi',
    tailNote: 'The line continues west into Guizhou (not drawn).',
  },
};

/** OSM section end points that are stations of the layer (the extract names sections by their end stations). */
const OSM_STATION_NODES: Record<string, string> = {
  'chang-sha-nan': 'station-changsha-south',
  'heng-shan-xi': 'station-hengshan-west',
  'heng-yang-dong': 'station-hengyang-east',
  'lei-yang-xi': 'station-leiyang-west',
  'chen-zhou-xi': 'station-chenzhou-west',
  'shao-yang-bei': 'station-shaoyang-north',
  'xu-pu-nan': 'station-xupu-south',
  'huai-hua-nan': 'station-huaihua-south',
  'zhi-jiang': 'station-zhijiang',
  'xin-huang-xi': 'station-xinhuang-west',
};

interface TableStation {
  id: string;
  name_en: string;
  kind: 'conventional' | 'hsr' | 'hsr+conventional';
  lines: string[];
  note: string;
}

/** Stations taken from the WGS-84 station table, keyed by the table's 站名. */
const STATIONS_FROM_TABLE: Record<string, TableStation> = {
  怀化: {
    id: 'station-huaihua',
    name_en: 'Huaihua',
    kind: 'conventional',
    lines: ['rail-hukun', 'rail-jiaoliu'],
    note: 'the conventional 怀化站 (鹤州路1号), hub of the 沪昆 (湘黔), 焦柳 and 渝怀 lines',
  },
  辰溪: {
    id: 'station-chenxi',
    name_en: 'Chenxi',
    kind: 'conventional',
    lines: ['rail-hukun'],
    note: '沪昆铁路 (湘黔线) station at 火马冲',
  },
  溆浦: { id: 'station-xupu', name_en: 'Xupu', kind: 'conventional', lines: ['rail-hukun'], note: '沪昆铁路 (湘黔线) station at 卢峰镇' },
  会同: { id: 'station-huitong', name_en: 'Huitong', kind: 'conventional', lines: ['rail-jiaoliu'], note: '焦柳铁路 station at 林城镇' },
  靖州: {
    id: 'station-jingzhou',
    name_en: 'Jingzhou',
    kind: 'conventional',
    lines: ['rail-jiaoliu'],
    note: '焦柳铁路 station at 渠阳镇 (opened 1978 as 靖县城, renamed 1987)',
  },
  通道: { id: 'station-tongdao', name_en: 'Tongdao', kind: 'conventional', lines: ['rail-jiaoliu'], note: '焦柳铁路 station at 县溪镇' },
  麻阳: { id: 'station-mayang', name_en: 'Mayang', kind: 'conventional', lines: ['rail-jiaoliu'], note: '焦柳铁路 station at 高村镇' },
  猛洞河: {
    id: 'station-mengdonghe',
    name_en: 'Mengdonghe',
    kind: 'conventional',
    lines: ['rail-jiaoliu'],
    note: '焦柳铁路 station at 古丈县罗依溪镇',
  },
  吉首: {
    id: 'station-jishou',
    name_en: 'Jishou',
    kind: 'conventional',
    lines: ['rail-jiaoliu'],
    note: '焦柳铁路 station on 光明东路 (the conventional station, not 吉首东 of the 张吉怀 line)',
  },
  祁东: {
    id: 'station-qidong',
    name_en: 'Qidong',
    kind: 'hsr',
    lines: ['rail-hengliu'],
    note: '衡柳铁路 station (双桥镇林星村); the old 湘桂 station of that name is 祁东北 since 2013',
  },
  祁阳: {
    id: 'station-qiyang',
    name_en: 'Qiyang',
    kind: 'hsr',
    lines: ['rail-hengliu'],
    note: '衡柳铁路 station (浯溪镇长虹村); the old 湘桂 station is 祁阳北',
  },
  东安东: {
    id: 'station-dongan-east',
    name_en: "Dong'an East",
    kind: 'hsr',
    lines: ['rail-hengliu'],
    note: '衡柳铁路 station on 舜黄大道',
  },
  衡山: {
    id: 'station-hengshan',
    name_en: 'Hengshan',
    kind: 'conventional',
    lines: ['rail-jingguang'],
    note: '京广铁路 station (the conventional line, not 衡山西 of the high-speed line)',
  },
  耒阳: { id: 'station-leiyang', name_en: 'Leiyang', kind: 'conventional', lines: ['rail-jingguang'], note: '京广铁路 station on 车站路' },
  邵东: {
    id: 'station-shaodong',
    name_en: 'Shaodong',
    kind: 'conventional',
    lines: ['rail-luozhan'],
    note: '娄邵 (洛湛) line station at 两市镇; whether 怀邵衡 trains (since 2018) use the same station is not stated by the table',
  },
  双牌: { id: 'station-shuangpai', name_en: 'Shuangpai', kind: 'conventional', lines: ['rail-luozhan'], note: '洛湛铁路 station (双白路)' },
  道州: {
    id: 'station-daozhou',
    name_en: 'Daozhou',
    kind: 'conventional',
    lines: ['rail-luozhan'],
    note: '洛湛铁路 station for 道县 (营江乡)',
  },
  江永: {
    id: 'station-jiangyong',
    name_en: 'Jiangyong',
    kind: 'conventional',
    lines: ['rail-luozhan'],
    note: '洛湛铁路 station at 上江圩镇',
  },
  江华: { id: 'station-jianghua', name_en: 'Jianghua', kind: 'conventional', lines: ['rail-luozhan'], note: '洛湛铁路 station (江华大道)' },
};

/** The chord lines' station order (schematic: straight segments between these stations). */
const CHORDS: Record<string, { stations: string[]; name_zh?: string; name_en?: string }> = {
  'rail-hengliu': {
    stations: [
      'station-hengyang-east',
      'station-qidong',
      'station-qiyang',
      'station-yongzhou',
      'station-dongan-east',
      'station-guilin-north',
    ],
  },
  'rail-jingguang': {
    stations: ['station-hengshan', 'station-hengyang', 'station-leiyang', 'station-chenzhou'],
    name_zh: '京广铁路（衡山—郴州段）',
    name_en: 'Beijing–Guangzhou Railway (Hengshan–Chenzhou section)',
  },
  'rail-hukun': {
    stations: ['station-xupu', 'station-chenxi', 'station-huaihua', 'station-zhijiang-west', 'station-xinhuang'],
    name_zh: '沪昆铁路（溆浦—新晃段，原湘黔铁路）',
    name_en: 'Shanghai–Kunming Railway (Xupu–Xinhuang section, former Hunan–Guizhou Railway)',
  },
  'rail-jiaoliu': {
    stations: [
      'station-zhangjiajie',
      'station-mengdonghe',
      'station-jishou',
      'station-mayang',
      'station-huaihua',
      'station-huitong',
      'station-jingzhou',
      'station-tongdao',
    ],
    name_zh: '焦柳铁路（张家界—通道段）',
    name_en: 'Jiaozuo–Liuzhou Railway (Zhangjiajie–Tongdao section)',
  },
  'rail-luozhan': {
    stations: [
      'station-shaodong',
      'station-shaoyang',
      'station-yongzhou',
      'station-shuangpai',
      'station-daozhou',
      'station-jiangyong',
      'station-jianghua',
    ],
    name_zh: '洛湛铁路（邵东—江华段，含娄邵、邵永段）',
    name_en: 'Luoyang–Zhanjiang Railway (Shaodong–Jianghua section, incl. the Loudi–Shaoyang and Shaoyang–Yongzhou sections)',
  },
  'rail-xianggui': { stations: ['station-hengyang', 'station-yongzhou', 'station-guilin-north'] },
  'rail-huaishaoheng': { stations: ['station-huaihua-south', 'station-shaoyang', 'station-hengyang-east'] },
  'rail-zhangjihuai-hsr': { stations: ['station-fenghuang-gucheng', 'station-mayang-west', 'station-huaihua-south'] },
  'rail-guangshengang-hsr': { stations: ['station-guangzhou-south', 'station-shenzhen-north'] },
};

const same = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];

/** The OSM polyline from section `from` to section `to`, joined without repeating shared end points. */
export function osmPolyline(extract: OsmExtract, from: string, to: string): [number, number][] {
  const i = extract.sections.findIndex((s) => s.id === from);
  const j = extract.sections.findIndex((s) => s.id === to);
  if (i < 0 || j < i) throw new Error(`sections ${from}…${to} not found in order`);
  const out: [number, number][] = [];
  for (const s of extract.sections.slice(i, j + 1)) {
    const first = s.polyline[0];
    const last = out[out.length - 1];
    if (last && first && !same(last, first)) throw new Error(`section ${s.id} does not start where the previous one ends`);
    out.push(...(last ? s.polyline.slice(1) : s.polyline));
  }
  return out;
}

type Feature = LayerFeature;

export function buildRail(
  lines: LayerCollection,
  stations: LayerCollection,
  table: Record<string, string>[],
  names12306: ReadonlySet<string>,
): { lines: LayerCollection; stations: LayerCollection; log: string[] } {
  const log: string[] = [];
  const stationById = new Map(stations.features.map((f) => [f.properties.id, f]));

  // OSM station nodes: the end points of the extract's sections.
  const nodes = new Map<string, [number, number]>();
  for (const file of new Set(Object.values(OSM_LINES).map((l) => l.file))) {
    for (const s of readJson<OsmExtract>(file).sections) {
      const first = s.polyline[0];
      const last = s.polyline[s.polyline.length - 1];
      for (const [key, stationId] of Object.entries(OSM_STATION_NODES)) {
        if (first && s.id.startsWith(`${key}-`)) nodes.set(stationId, first);
        if (last && s.id.endsWith(`-${key}`)) nodes.set(stationId, last);
      }
    }
  }
  for (const [id, position] of nodes) {
    const f = stationById.get(id);
    if (!f) throw new Error(`OSM node for ${id}, which is not in the layer`);
    const old = f.geometry?.coordinates as [number, number] | undefined;
    const moved = old ? distance(point(old), point(position), { units: 'meters' }) : Number.NaN;
    if (moved > 1) log.push(`${id}: moved ${moved.toFixed(0)} m to its OSM node`);
    f.geometry = { type: 'Point', coordinates: position };
    f.properties['position_source_ids'] = ['osm'];
    f.properties['source_ids'] = [...new Set(['osm', ...((f.properties['source_ids'] as string[] | undefined) ?? [])])];
    f.properties['precision'] = 'exact';
    f.properties['precision_note'] =
      'OpenStreetMap station node (© OpenStreetMap contributors, ODbL 1.0) at the end of the line’s OSM section in the extract of 2026-09-04 (5 decimals, about 1 m); marks the OSM node, not necessarily the entrance.';
  }

  // Stations from the WGS-84 table.
  for (const [name, spec] of Object.entries(STATIONS_FROM_TABLE)) {
    const row = table.find((r) => r['站名'] === name && (r['省'] ?? '').startsWith('湖南'));
    if (!row) throw new Error(`station ${name} not in the station table`);
    const position = round6([Number(row['WGS84_Lng']), Number(row['WGS84_Lat'])]);
    const county = countyContaining(position);
    if (!county) throw new Error(`station ${name} at ${position.join(',')} is outside the zone`);
    const existing = stationById.get(spec.id);
    const props = {
      ...(existing?.properties ?? {}),
      id: spec.id,
      name_zh: name,
      name_en: spec.name_en,
      kind: spec.kind,
      lines: spec.lines,
      prefecture: county.prefecture_zh,
      county: county.name_zh,
      opened: existing?.properties['opened'] ?? null,
      external_hub: false,
      address_zh: row['车站地址'] ?? null,
      source: `https://github.com/listenzcc/China-rail-way-stations-data src/station.csv, row 站名 ${name} (${row['车站地址'] ?? ''}, ${row['铁路局'] ?? ''}), column WGS84_Lng/WGS84_Lat`,
      source_ids: ['rail-stations-listenzcc'],
      as_of: '2016',
      precision: 'exact' as const,
      precision_note: `WGS-84 position from the station table (c. 2016; its WGS-84 column agrees with OpenStreetMap to within 10–60 m where both exist): ${spec.note}. Falls in ${county.name_zh} (point-in-polygon on the basemap).`,
    };
    const feature: Feature = { type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: props };
    if (existing) Object.assign(existing, feature);
    else {
      stations.features.push(feature);
      stationById.set(spec.id, feature);
    }
  }

  // The 12306 check.
  for (const f of stations.features) {
    const name = f.properties.name_zh.replace(/（.*）$/u, '');
    const listed = names12306.has(name);
    f.properties['in_12306'] = listed;
    f.properties['source_ids'] = [...new Set([...((f.properties['source_ids'] as string[] | undefined) ?? []), 'rail-names-12306'])];
    if (!listed && f.properties['kind'] !== 'freight') log.push(`${f.properties.id} ${name}: not in the current 12306 passenger list`);
  }

  // Lines.
  for (const line of lines.features) {
    const id = line.properties.id;
    const osm = OSM_LINES[id];
    const chord = CHORDS[id];
    const stops = chord?.stations ?? (line.properties['stations'] as string[]);
    const positions = stops.map((s) => {
      const g = stationById.get(s)?.geometry;
      if (g?.type !== 'Point') throw new Error(`${id}: station ${s} has no position`);
      return g.coordinates as [number, number];
    });
    if (osm) {
      const polyline = osmPolyline(readJson<OsmExtract>(osm.file), osm.from, osm.to);
      const old = line.geometry?.coordinates as [number, number][];
      const end = polyline[polyline.length - 1] as [number, number];
      // Beyond the extract, keep the old straight vertices from where the OSM polyline ends.
      const k = old.findIndex((c) => same(c, end));
      const tail = k >= 0 ? old.slice(k + 1) : [];
      line.geometry = { type: 'LineString', coordinates: [...polyline, ...tail] };
      for (const [s, p] of stops.map((s, i) => [s, positions[i]] as const)) {
        if (!polyline.some((c) => p && same(c, p)) && !tail.some((c) => p && same(c, p)))
          throw new Error(`${id}: station ${s} is not a vertex`);
      }
      line.properties['schematic'] = false;
      line.properties['source_ids'] = [...new Set(['osm', ...((line.properties['source_ids'] as string[] | undefined) ?? [])])];
      line.properties['precision'] = 'exact';
      line.properties['precision_note'] =
        `Alignment from OpenStreetMap (© OpenStreetMap contributors, ODbL 1.0; Geofabrik China extract of 2026-09-04, simplified to about 4 km between points in footpoint-atlas js/rail-route-data.js), sections ${osm.from} … ${osm.to}. ${osm.tailNote}`;
      const osmCitation = 'OpenStreetMap via https://github.com/JerryTheAlpaca/footpoint-atlas js/rail-route-data.js (commit 13b20974)';
      const parts = String(line.properties['source'] ?? '')
        .split(' ; ')
        .filter((x) => x !== '' && x !== osmCitation);
      line.properties['source'] = [...parts, osmCitation].join(' ; ');
      log.push(`${id}: ${polyline.length} OSM vertices + ${tail.length} straight`);
    } else {
      line.geometry = { type: 'LineString', coordinates: positions };
      line.properties['schematic'] = true;
      line.properties['precision'] = 'approximate';
      line.properties['precision_note'] = `Schematic: straight segments between its stations (${stops.length}), not the real alignment.`;
      line.properties['source_ids'] = [
        ...new Set(['transport-networks-ma-tang-2024', ...((line.properties['source_ids'] as string[] | undefined) ?? [])]),
      ];
    }
    line.properties['stations'] = stops;
    if (chord?.name_zh) line.properties.name_zh = chord.name_zh;
    if (chord?.name_en) line.properties.name_en = chord.name_en;
  }
  // A station lists exactly the lines that list it.
  for (const s of stations.features) {
    s.properties['lines'] = lines.features
      .filter((l) => (l.properties['stations'] as string[]).includes(s.properties.id))
      .map((l) => l.properties.id);
  }
  return { lines, stations, log };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const read = (f: string) => JSON.parse(readFileSync(dataPath(f), 'utf8')) as LayerCollection;
  const names = new Set((JSON.parse(readFileSync(dataPath('reference/rail-names-12306.json'), 'utf8')) as { names: string[] }).names);
  const result = buildRail(
    read('layers/rail-lines.geojson'),
    read('layers/rail-stations.geojson'),
    readCsv('rail-stations-zone-bbox.csv'),
    names,
  );
  writeFileSync(dataPath('layers/rail-lines.geojson'), `${JSON.stringify(result.lines, null, 2)}\n`);
  writeFileSync(dataPath('layers/rail-stations.geojson'), `${JSON.stringify(result.stations, null, 2)}\n`);
  for (const line of result.log) console.log(line);
  console.log(`rail: ${result.lines.features.length} lines, ${result.stations.features.length} stations`);
}
