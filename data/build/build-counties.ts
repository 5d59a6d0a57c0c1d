/**
 * `npx tsx data/build/build-counties.ts`: fills the 2020 census fields of data/counties.json from
 * the county census extract (NBS 《中国人口普查分县资料2020》 via tudigong input/population.csv).
 *
 * The division list, names and areas of data/counties.json are kept as they are; this build
 * writes `population_2020` and its provenance for every one of the 66 county-level units, and
 * the functional zones and prefecture totals.
 *
 * Functional zones (衡阳高新区 430472, 永州经开区 431171, 洪江管理区 431271 …) are statistical
 * units of the census with no polygon in the basemap, whose boundary data predate them. The
 * rule (FUNCTIONAL_ZONE_RULE): a functional zone's population is added to the basemap county
 * that holds the largest part of the zone's own polygon (tudigong's 2021 county polygons, which
 * carve the zones out of their host districts). It is the county that still draws the zone's
 * area, so residents are counted where the map puts them. The prefecture bulletins do the same
 * for the zones they fold in (冷水滩区 583,136 = 536,025 + 永州经开区 47,111; 祁阳 832,813 =
 * 791,939 + 金洞 40,874; 蒸湘区 478,072 = 294,386 + 衡阳高新区 183,686), which the test checks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { area, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ZONE_PREFECTURES } from '../../geo/zone.ts';
import { dataPath, readCsv, readJson } from './extracts.ts';
import { zoneCounties } from './zone-geometry.ts';

/** Official 2020 resident population per prefecture (七普 bulletins; source census-2020-bulletins). */
export const PREFECTURE_TOTALS_2020: Readonly<Record<string, number>> = {
  '430400': 6_645_243,
  '431000': 4_667_134,
  '431100': 5_289_824,
  '430500': 6_563_520,
  '431200': 4_587_594,
  '433100': 2_488_105,
};

export const FUNCTIONAL_ZONE_RULE =
  'A functional zone (NBS statistical unit without a polygon of its own in the basemap) is added to the basemap county that holds the largest share of its own polygon (tudigong 2021 county polygons).';

/** Basemap adcodes that predate a change of status (邵东县 → 邵东市 2019, 祁阳县 → 祁阳市 2021). */
const RENUMBERED: Record<string, string> = { '430582': '430521', '431181': '431121' };

interface CountyRow {
  adcode: string;
  name_zh: string;
  prefecture_adcode: string;
  [key: string]: unknown;
}

interface CensusRow {
  code: string;
  name_zh: string;
  population: number;
}

export interface FunctionalZoneShare {
  code: string;
  name_zh: string;
  population: number;
  host_basemap_adcode: string;
  host_name_zh: string;
  /** Share of the zone's polygon inside its host (0–1). */
  share: number;
}

/** Assigns each functional zone to the basemap county holding most of its polygon. */
export function assignFunctionalZones(
  zones: CensusRow[],
  zonePolygons: Feature<Polygon | MultiPolygon, { CODE: number }>[],
): FunctionalZoneShare[] {
  const counties = zoneCounties();
  return zones.map((z) => {
    const poly = zonePolygons.find((f) => String(f.properties.CODE) === z.code);
    if (!poly) throw new Error(`functional zone ${z.code} ${z.name_zh} has no polygon in the extract`);
    const total = area(poly);
    let best = { adcode: '', name: '', share: 0 };
    const prefecture: string = `${z.code.slice(0, 4)}00`;
    for (const c of counties.filter((x) => x.prefecture_adcode === prefecture)) {
      const part = intersect(featureCollection([poly, c.polygon]));
      const share = part ? area(part) / total : 0;
      if (share > best.share) best = { adcode: c.adcode, name: c.name_zh, share };
    }
    if (best.share < 0.5)
      throw new Error(`functional zone ${z.code} ${z.name_zh}: no county holds half its polygon (best ${best.name} ${best.share})`);
    return {
      code: z.code,
      name_zh: z.name_zh,
      population: z.population,
      host_basemap_adcode: best.adcode,
      host_name_zh: best.name,
      share: Math.round(best.share * 1000) / 1000,
    };
  });
}

export function buildCounties(table: { counties: CountyRow[] } & Record<string, unknown>) {
  const prefectures = new Set<string>(ZONE_PREFECTURES.map((p) => p.adcode));
  const census: CensusRow[] = readCsv('census-2020-counties-six-prefectures.csv')
    .map((r) => ({ code: r['CODE'] ?? '', name_zh: r['NAME'] ?? '', population: Number(r['POPU']) }))
    .filter((r) => prefectures.has(`${r.code.slice(0, 4)}00`));
  for (const r of census) if (!Number.isInteger(r.population) || r.population <= 0) throw new Error(`census ${r.code}: bad POPU`);
  const basemap = new Map(zoneCounties().map((c) => [c.adcode, c]));
  const basemapOf = (adcode: string) => RENUMBERED[adcode] ?? adcode;
  const censusOf = (adcode: string) =>
    census.find((r) => r.code === adcode) ??
    census.find((r) => r.code === basemapOf(adcode)) ??
    census.find((r) => basemapOf(r.code) === adcode);
  const isFunctional = (code: string) => /^\d{4}7\d$/.test(code);
  const zones = census.filter((r) => isFunctional(r.code));
  const polygons = readJson<{ features: Feature<Polygon | MultiPolygon, { CODE: number }>[] }>(
    'county-polygons-six-prefectures.geojson',
  ).features;
  const shares = assignFunctionalZones(zones, polygons);
  const unmatched = census.filter((r) => !isFunctional(r.code) && !table.counties.some((c) => censusOf(c.adcode) === r));
  if (unmatched.length > 0) throw new Error(`census rows with no county in counties.json: ${unmatched.map((r) => r.code).join(', ')}`);

  const counties = table.counties.map((c) => {
    const own = censusOf(c.adcode);
    if (!own) throw new Error(`county ${c.adcode} ${c.name_zh} has no census row`);
    const basemapAdcode = basemapOf(c.adcode);
    if (!basemap.has(basemapAdcode)) throw new Error(`county ${c.adcode} has no basemap polygon (${basemapAdcode})`);
    const folded = shares.filter((s) => s.host_basemap_adcode === basemapAdcode);
    const population = own.population + folded.reduce((s, z) => s + z.population, 0);
    const rest = Object.fromEntries(
      Object.entries(c).filter(([k]) => !k.startsWith('population') && k !== 'note' && k !== 'basemap_adcode'),
    );
    return {
      ...(rest as { adcode: string; name_zh: string; prefecture_adcode: string }),
      basemap_adcode: basemapAdcode,
      population_2020: population,
      population_2020_own: own.population,
      functional_zones_included: folded.map((z) => ({ code: z.code, name_zh: z.name_zh, population: z.population })),
      population_source_ids: ['census-2020-nbs', 'census-2020-tudigong', ...(folded.length ? ['county-polygons-tudigong'] : [])],
      population_note:
        folded.length === 0
          ? `2020 census resident population of ${own.name_zh} (${own.code}).`
          : `2020 census resident population of ${own.name_zh} (${own.code}) ${own.population}, plus the functional zone(s) whose area the basemap draws inside it: ${folded
              .map((z) => `${z.name_zh} ${z.code} ${z.population} (${Math.round(z.share * 100)}% of its polygon)`)
              .join('; ')}.`,
    };
  });

  const totals = ZONE_PREFECTURES.map((p) => {
    const sum = counties.filter((c) => c['prefecture_adcode'] === p.adcode).reduce((s, c) => s + c.population_2020, 0);
    const official = PREFECTURE_TOTALS_2020[p.adcode] as number;
    if (sum !== official) throw new Error(`${p.name_zh}: county sum ${sum} ≠ official total ${official}`);
    return {
      prefecture_adcode: p.adcode,
      prefecture_zh: p.name_zh,
      population_2020: official,
      source_ids: ['census-2020-bulletins'],
      sum_check: `passes: the ${counties.filter((c) => c['prefecture_adcode'] === p.adcode).length} county-level units (functional zones folded in) sum to ${sum}`,
    };
  });

  return {
    source:
      '《中国人口普查分县资料2020》 (NBS), county table as published in https://github.com/thebamboogrove/tudigong input/population.csv; prefecture totals from the 七普 bulletins (census-2020-bulletins)',
    source_ids: ['census-2020-nbs', 'census-2020-tudigong', 'county-polygons-tudigong', 'census-2020-bulletins'],
    as_of: '2020-11-01',
    notes: `66 county-level administrative units (13 districts, 38 counties, 7 autonomous counties, 8 county-level cities), each with its 2020 census resident population (常住人口). ${FUNCTIONAL_ZONE_RULE} basemap_adcode is the code of the unit's polygon in the basemap, whose data predate 邵东市 (2019) and 祁阳市 (2021). area_km2 sources are heterogeneous and of mixed vintage. Written by data/build/build-counties.ts.`,
    functional_zone_rule: FUNCTIONAL_ZONE_RULE,
    counties,
    functional_zones: shares.map((z) => ({
      code: z.code,
      name_zh: z.name_zh,
      prefecture_adcode: `${z.code.slice(0, 4)}00`,
      kind: 'functional zone (NBS statistical unit, not an administrative division)',
      population_2020: z.population,
      counted_in_basemap_adcode: z.host_basemap_adcode,
      counted_in_zh: z.host_name_zh,
      polygon_share_in_host: z.share,
      source_ids: ['census-2020-nbs', 'census-2020-tudigong', 'county-polygons-tudigong'],
    })),
    prefecture_totals_2020: totals,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = dataPath('counties.json');
  const table = JSON.parse(readFileSync(file, 'utf8')) as { counties: CountyRow[] };
  const built = buildCounties(table);
  writeFileSync(file, `${JSON.stringify(built, null, 2)}\n`);
  for (const z of built.functional_zones)
    console.log(`${z.code} ${z.name_zh} ${z.population_2020} → ${z.counted_in_zh} (${z.polygon_share_in_host})`);
  for (const t of built.prefecture_totals_2020) console.log(`${t.prefecture_zh} ${t.population_2020} ${t.sum_check}`);
}
