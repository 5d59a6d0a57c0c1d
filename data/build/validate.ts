/**
 * `npm run validate:data`: checks every reference layer in data/layers/ against its schema and
 * the data rules. Each rule has a deliberately broken fixture in tests/fixtures/layers/broken/
 * that proves it fails when it should (validate.test.ts).
 *
 * Rules
 * - schema:        each layer file is a FeatureCollection whose features match data/schema/layers.ts
 * - source:        no feature without `source` (also part of the schema; reported on its own)
 * - unique-id:     ids are unique across all layers
 * - in-zone:       every point lies in one of the zone's 66 county-level units, or is marked
 *                  `external_hub: true` (Guangzhou, Shenzhen, Changsha, Guilin, …)
 * - park-county:   a park lies in the county polygon of the adcode it declares, within
 *                  PARK_COUNTY_TOLERANCE_M (the boundary data's 1/1024° grid is ~100 m, and a park's
 *                  administrative centre can sit on a county line)
 * - line-stops:    a rail line passes within LINE_STOP_TOLERANCE_M of every station it lists, an
 *                  expressway of every interchange it lists
 * - reference:     every id a feature refers to (a station's lines, a line's stations, an
 *                  expressway's interchanges) exists
 *
 * Rules that also need the registry, the census table and the catalogue list (ValidationData):
 * - source-id:     every feature's `source_ids` resolve to entries of data/sources.json
 * - source-path:   no feature's `source`, and no registry citation, is a local file path
 * - catalogue:     the parks are exactly the zones of the 2018 catalogue list (codes and names, no
 *                  duplicates), and the list has CATALOGUE_ZONE_COUNT zones (4 national, 62
 *                  provincial); a park outside the catalogue says so (`in_catalogue: false`)
 * - park-position: a park placed by geocode lies inside its county polygon (no tolerance) and is
 *                  `exact`; a park on a county seat or a text position is `approximate`; a county-
 *                  seat park sits on the seat of its county
 * - bonded-zone:   every bonded zone names a catalogue park (catalogue_code, park_id) that points
 *                  back to it and has the same position
 * - census:        every county polygon of the zone has a 2020 population, and each prefecture's
 *                  units sum to its official total (PREFECTURE_TOTALS_2020)
 * - attribution:   every source that requires attribution (OpenStreetMap's ODbL) and is cited by a
 *                  feature carries its attribution text in the registry and in data/SOURCES.md
 * - industry-map:  a park's `plan_industries` are its catalogue items mapped by industry-map.ts,
 *                  and every id exists in data/plan.json
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, point, pointToLineDistance, pointToPolygonDistance, lineString, multiLineString } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { LAYER_IDS, LAYERS, type LayerCollection, type LayerFeature, type LayerId } from '../schema/layers.ts';
import { isLocalPath, OSM_ATTRIBUTION, type SourcesRegistry } from '../schema/sources.ts';
import { mapMainIndustries } from './industry-map.ts';

/** Zones of the six prefectures in the 2018 catalogue (4 national, 62 provincial). */
export const CATALOGUE_ZONE_COUNT = 66;
/** Official 2020 resident population per prefecture adcode (七普 bulletins; registry census-2020-bulletins). */
export const PREFECTURE_TOTALS_2020: Readonly<Record<string, number>> = {
  '430400': 6_645_243,
  '431000': 4_667_134,
  '431100': 5_289_824,
  '430500': 6_563_520,
  '431200': 4_587_594,
  '433100': 2_488_105,
};
/** A county-seat park lies within this distance of its county's seat point, metres (rounding only). */
export const SEAT_TOLERANCE_M = 5;

export interface CatalogueList {
  zones: { code: string; name_zh: string; level: 'national' | 'provincial' }[];
}
export interface CountiesTable {
  counties: { adcode: string; basemap_adcode?: string; name_zh: string; prefecture_adcode: string; population_2020: number | null }[];
}
export interface PlanTaxonomy {
  industries: { id: string; sublines: { id: string }[] }[];
}
/** The data the cross-file rules need; a rule runs only when its data is given. */
export interface ValidationData {
  registry?: SourcesRegistry;
  counties?: CountiesTable;
  catalogue?: CatalogueList;
  /** Expected number of catalogue zones (CATALOGUE_ZONE_COUNT for the repository). */
  catalogueCount?: number;
  sourcesMd?: string;
  plan?: PlanTaxonomy;
  /** County seat points by basemap adcode. */
  seats?: ReadonlyMap<string, [number, number]>;
}

/** Tolerance for a park's point against its declared county polygon, metres. */
export const PARK_COUNTY_TOLERANCE_M = 1000;
/** Tolerance for a station or interchange against the line that lists it, metres. */
export const LINE_STOP_TOLERANCE_M = 50;

export type RuleId =
  | 'schema'
  | 'source'
  | 'unique-id'
  | 'in-zone'
  | 'park-county'
  | 'line-stops'
  | 'reference'
  | 'source-id'
  | 'source-path'
  | 'catalogue'
  | 'park-position'
  | 'bonded-zone'
  | 'census'
  | 'attribution'
  | 'industry-map';

export interface Problem {
  rule: RuleId;
  /** The layer, or the data file ('counties', 'sources', 'catalogue') the problem is in. */
  layer: LayerId | 'counties' | 'sources' | 'catalogue';
  id: string;
  message: string;
}

export type CountyPolygon = Feature<Polygon | MultiPolygon, { adcode: string; name_zh: string; group: string }>;

export type Layers = Partial<Record<LayerId, unknown>>;

/** County seat points (the boundary data's label point `cp`, WGS-84) by adcode. */
export function countySeats(
  labels: readonly { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[],
): Map<string, [number, number]> {
  return new Map(labels.map((f) => [String(f.properties['adcode']), f.geometry.coordinates as [number, number]]));
}

/** Reads every layer file that exists; a file that is not valid JSON is reported, not thrown. */
export function readLayers(dir: string): { layers: Layers; problems: Problem[]; missing: LayerId[] } {
  const layers: Layers = {};
  const problems: Problem[] = [];
  const missing: LayerId[] = [];
  for (const id of LAYER_IDS) {
    const file = join(dir, LAYERS[id].file);
    if (!existsSync(file)) {
      missing.push(id);
      continue;
    }
    try {
      layers[id] = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push({ rule: 'schema', layer: id, id: LAYERS[id].file, message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  return { layers, problems, missing };
}

const idOf = (f: unknown, i: number): string => {
  const id = (f as { properties?: { id?: unknown } })?.properties?.id;
  return typeof id === 'string' ? id : `#${i}`;
};

/** Checks the layers against the rules above; returns every problem found (empty when valid). */
export function validateLayers(layers: Layers, counties: readonly CountyPolygon[], data: ValidationData = {}): Problem[] {
  const problems: Problem[] = [];
  const valid: Partial<Record<LayerId, LayerFeature[]>> = {};

  for (const layer of LAYER_IDS) {
    const raw = layers[layer];
    if (raw === undefined) continue;
    const collection = raw as Partial<LayerCollection>;
    if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
      problems.push({ rule: 'schema', layer, id: LAYERS[layer].file, message: 'not a GeoJSON FeatureCollection' });
      continue;
    }
    const good: LayerFeature[] = [];
    collection.features.forEach((f, i) => {
      const id = idOf(f, i);
      const source = (f as LayerFeature)?.properties?.['source'];
      if (typeof source !== 'string' || source.trim() === '')
        problems.push({ rule: 'source', layer, id, message: 'feature has no source' });
      const parsed = LAYERS[layer].feature.safeParse(f);
      if (!parsed.success) {
        const issues = parsed.error.issues.filter((x) => x.path.join('.') !== 'properties.source');
        if (issues.length > 0)
          problems.push({ rule: 'schema', layer, id, message: issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
        return;
      }
      good.push(f as LayerFeature);
    });
    valid[layer] = good;
  }

  const seen = new Map<string, LayerId>();
  for (const [layer, features] of Object.entries(valid) as [LayerId, LayerFeature[]][]) {
    for (const f of features) {
      const other = seen.get(f.properties.id);
      if (other) problems.push({ rule: 'unique-id', layer, id: f.properties.id, message: `id also used in ${other}` });
      else seen.set(f.properties.id, layer);
    }
  }

  const zone = counties.filter((c) => c.properties.group === 'zone');
  const byAdcode = new Map(counties.map((c) => [c.properties.adcode, c]));
  for (const [layer, features] of Object.entries(valid) as [LayerId, LayerFeature[]][]) {
    for (const f of features) {
      if (f.geometry?.type !== 'Point' || f.properties['external_hub'] === true) continue;
      const p = point(f.geometry.coordinates as [number, number]);
      if (!zone.some((c) => booleanPointInPolygon(p, c))) {
        problems.push({
          rule: 'in-zone',
          layer,
          id: f.properties.id,
          message: `point ${JSON.stringify(f.geometry.coordinates)} is outside the zone's counties and not marked external_hub`,
        });
      }
    }
  }

  for (const park of valid.parks ?? []) {
    if (park.geometry?.type !== 'Point') continue;
    const adcode = park.properties['adcode'];
    if (typeof adcode !== 'string') {
      problems.push({ rule: 'park-county', layer: 'parks', id: park.properties.id, message: 'has a position but no county adcode' });
      continue;
    }
    const county = byAdcode.get(adcode);
    if (!county) {
      problems.push({
        rule: 'park-county',
        layer: 'parks',
        id: park.properties.id,
        message: `declared adcode ${adcode} is not a county in the boundary data`,
      });
      continue;
    }
    const p = point(park.geometry.coordinates as [number, number]);
    if (booleanPointInPolygon(p, county)) continue;
    const metres = pointToPolygonDistance(p, county, { units: 'meters' });
    if (metres > PARK_COUNTY_TOLERANCE_M) {
      problems.push({
        rule: 'park-county',
        layer: 'parks',
        id: park.properties.id,
        message: `lies ${(metres / 1000).toFixed(1)} km outside its declared county ${county.properties.name_zh} (${adcode})`,
      });
    }
  }

  const checkStops = (lineLayer: LayerId, stopLayer: LayerId, key: 'stations' | 'interchanges') => {
    const stops = new Map((valid[stopLayer] ?? []).map((s) => [s.properties.id, s]));
    for (const line of valid[lineLayer] ?? []) {
      if (!line.geometry) continue;
      const geom =
        line.geometry.type === 'LineString'
          ? lineString(line.geometry.coordinates as [number, number][])
          : multiLineString(line.geometry.coordinates as [number, number][][]);
      const parts = geom.geometry.type === 'LineString' ? [geom.geometry.coordinates] : (geom.geometry.coordinates as [number, number][][]);
      for (const stopId of line.properties[key] as string[]) {
        const stop = stops.get(stopId);
        if (!stop) {
          problems.push({
            rule: 'reference',
            layer: lineLayer,
            id: line.properties.id,
            message: `lists ${key.slice(0, -1)} "${stopId}", which is not in ${stopLayer}`,
          });
          continue;
        }
        if (stop.geometry?.type !== 'Point') continue;
        const p = point(stop.geometry.coordinates as [number, number]);
        const metres = Math.min(...parts.map((c) => pointToLineDistance(p, lineString(c), { units: 'meters' })));
        if (metres > LINE_STOP_TOLERANCE_M) {
          problems.push({
            rule: 'line-stops',
            layer: lineLayer,
            id: line.properties.id,
            message: `passes ${Math.round(metres)} m from ${stopId} (tolerance ${LINE_STOP_TOLERANCE_M} m)`,
          });
        }
      }
    }
  };
  checkStops('rail-lines', 'rail-stations', 'stations');
  checkStops('expressways', 'interchanges', 'interchanges');

  const lineIds = new Set((valid['rail-lines'] ?? []).map((l) => l.properties.id));
  if (valid['rail-lines']) {
    for (const s of valid['rail-stations'] ?? []) {
      for (const lineId of s.properties['lines'] as string[]) {
        if (!lineIds.has(lineId))
          problems.push({
            rule: 'reference',
            layer: 'rail-stations',
            id: s.properties.id,
            message: `lists line "${lineId}", which is not in rail-lines`,
          });
      }
    }
  }
  problems.push(...validateData(valid, counties, data));
  return problems;
}

function validateData(
  valid: Partial<Record<LayerId, LayerFeature[]>>,
  counties: readonly CountyPolygon[],
  data: ValidationData,
): Problem[] {
  const problems: Problem[] = [];
  const all = (Object.entries(valid) as [LayerId, LayerFeature[]][]).flatMap(([layer, fs]) => fs.map((f) => ({ layer, f })));

  for (const { layer, f } of all) {
    if (isLocalPath(String(f.properties['source'] ?? '')))
      problems.push({
        rule: 'source-path',
        layer,
        id: f.properties.id,
        message: 'source cites a local file path; cite the public source instead',
      });
  }
  if (data.registry) {
    const known = new Set(data.registry.sources.map((s) => s.id));
    for (const s of data.registry.sources)
      if (isLocalPath(s.citation))
        problems.push({ rule: 'source-path', layer: 'sources', id: s.id, message: 'registry citation is a local file path' });
    for (const { layer, f } of all) {
      const unknown = ((f.properties['source_ids'] as string[]) ?? []).filter((id) => !known.has(id));
      if (unknown.length > 0)
        problems.push({
          rule: 'source-id',
          layer,
          id: f.properties.id,
          message: `source_ids ${unknown.join(', ')} not in data/sources.json`,
        });
    }
    const cited = new Set(all.flatMap(({ f }) => (f.properties['source_ids'] as string[]) ?? []));
    for (const s of data.registry.sources) {
      const needs = s.licence.includes('ODbL');
      if (!needs || !cited.has(s.id)) continue;
      const text = s.id === 'osm' ? OSM_ATTRIBUTION : (s.attribution ?? '');
      if (!s.attribution || (s.id === 'osm' && s.attribution !== OSM_ATTRIBUTION))
        problems.push({
          rule: 'attribution',
          layer: 'sources',
          id: s.id,
          message: `ODbL source without its attribution text (${OSM_ATTRIBUTION})`,
        });
      else if (data.sourcesMd !== undefined && !data.sourcesMd.includes(text))
        problems.push({
          rule: 'attribution',
          layer: 'sources',
          id: s.id,
          message: `data/SOURCES.md does not show the attribution "${text}"`,
        });
    }
  }

  const parks = valid.parks ?? [];
  if (data.catalogue) {
    const list = data.catalogue.zones;
    const expected = data.catalogueCount ?? CATALOGUE_ZONE_COUNT;
    if (list.length !== expected)
      problems.push({
        rule: 'catalogue',
        layer: 'catalogue',
        id: 'catalogue-2018',
        message: `catalogue list has ${list.length} zones, expected ${expected}`,
      });
    const byCode = new Map(list.map((z) => [z.code, z]));
    const seen = new Set<string>();
    for (const p of parks) {
      const code = p.properties['catalogue_code'] as string | null;
      if (code === null) {
        if (p.properties['in_catalogue'] !== false)
          problems.push({
            rule: 'catalogue',
            layer: 'parks',
            id: p.properties.id,
            message: 'no catalogue_code but not marked in_catalogue: false',
          });
        continue;
      }
      const zone = byCode.get(code);
      if (!zone)
        problems.push({
          rule: 'catalogue',
          layer: 'parks',
          id: p.properties.id,
          message: `catalogue_code ${code} is not in the catalogue list`,
        });
      else if (zone.name_zh !== p.properties.name_zh)
        problems.push({
          rule: 'catalogue',
          layer: 'parks',
          id: p.properties.id,
          message: `name_zh "${p.properties.name_zh}" differs from the catalogue's "${zone.name_zh}"`,
        });
      if (seen.has(code))
        problems.push({ rule: 'catalogue', layer: 'parks', id: p.properties.id, message: `catalogue_code ${code} used twice` });
      seen.add(code);
    }
    for (const z of list)
      if (!seen.has(z.code))
        problems.push({ rule: 'catalogue', layer: 'catalogue', id: z.code, message: `catalogue zone ${z.code} ${z.name_zh} has no park` });
  }

  const byAdcode = new Map(counties.map((c) => [c.properties.adcode, c]));
  for (const p of parks) {
    if (p.geometry?.type !== 'Point') continue;
    const basis = p.properties['position_basis'];
    const position = p.geometry.coordinates as [number, number];
    const county = byAdcode.get(String(p.properties['adcode']));
    if (basis === 'geocode') {
      if (p.properties['precision'] !== 'exact')
        problems.push({ rule: 'park-position', layer: 'parks', id: p.properties.id, message: 'a geocoded park is marked approximate' });
      if (county && !booleanPointInPolygon(point(position), county))
        problems.push({
          rule: 'park-position',
          layer: 'parks',
          id: p.properties.id,
          message: `geocode lies outside its county ${county.properties.name_zh}`,
        });
    } else {
      if (p.properties['precision'] !== 'approximate')
        problems.push({
          rule: 'park-position',
          layer: 'parks',
          id: p.properties.id,
          message: `a park placed on a ${String(basis)} position must be approximate`,
        });
      const seat = data.seats?.get(String(p.properties['adcode']));
      if (basis === 'county-seat' && seat) {
        const metres = pointToLineDistance(point(position), lineString([seat, [seat[0] + 1e-9, seat[1]]]), { units: 'meters' });
        if (metres > SEAT_TOLERANCE_M)
          problems.push({
            rule: 'park-position',
            layer: 'parks',
            id: p.properties.id,
            message: `marked county-seat but ${Math.round(metres)} m from the seat of its county`,
          });
      }
    }
  }

  const bonded = valid['bonded-zones'] ?? [];
  for (const b of bonded) {
    const park = parks.find((p) => p.properties.id === b.properties['park_id']);
    if (
      !park ||
      park.properties['catalogue_code'] !== b.properties['catalogue_code'] ||
      park.properties['bonded_zone_id'] !== b.properties.id
    ) {
      problems.push({
        rule: 'bonded-zone',
        layer: 'bonded-zones',
        id: b.properties.id,
        message: `park_id/catalogue_code do not name a park that points back to this bonded zone`,
      });
    } else if (JSON.stringify(park.geometry) !== JSON.stringify(b.geometry)) {
      problems.push({
        rule: 'bonded-zone',
        layer: 'bonded-zones',
        id: b.properties.id,
        message: `position differs from its park ${park.properties.id}`,
      });
    }
  }

  if (data.counties) {
    const rows = data.counties.counties;
    for (const c of counties.filter((x) => x.properties.group === 'zone')) {
      const row = rows.find((r) => (r.basemap_adcode ?? r.adcode) === c.properties.adcode);
      if (!row || !Number.isInteger(row.population_2020) || (row.population_2020 as number) <= 0)
        problems.push({
          rule: 'census',
          layer: 'counties',
          id: c.properties.adcode,
          message: `${c.properties.name_zh} has no 2020 population`,
        });
    }
    for (const [prefecture, total] of Object.entries(PREFECTURE_TOTALS_2020)) {
      const sum = rows.filter((r) => r.prefecture_adcode === prefecture).reduce((s, r) => s + (r.population_2020 ?? 0), 0);
      if (sum !== total)
        problems.push({
          rule: 'census',
          layer: 'counties',
          id: prefecture,
          message: `county populations sum to ${sum}, the official 2020 total is ${total}`,
        });
    }
  }

  if (data.plan) {
    const industries = new Set(data.plan.industries.map((i) => i.id));
    const sublines = new Set(data.plan.industries.flatMap((i) => i.sublines.map((s) => s.id)));
    for (const p of parks) {
      const items = p.properties['plan_industries'] as { text_zh: string; industry_id: string | null; subline_id: string | null }[];
      const text = p.properties['main_industries_zh'];
      if (typeof text === 'string' && JSON.stringify(items) !== JSON.stringify(mapMainIndustries(text)))
        problems.push({
          rule: 'industry-map',
          layer: 'parks',
          id: p.properties.id,
          message: 'plan_industries are not the mapping of main_industries_zh (data/build/industry-map.ts)',
        });
      for (const x of items) {
        if ((x.industry_id && !industries.has(x.industry_id)) || (x.subline_id && !sublines.has(x.subline_id)))
          problems.push({
            rule: 'industry-map',
            layer: 'parks',
            id: p.properties.id,
            message: `${x.text_zh}: ids ${x.industry_id}/${x.subline_id} not in data/plan.json`,
          });
      }
    }
  }
  return problems;
}

/** Reads the data the cross-file rules need from a folder laid out like data/. */
export function readValidationData(dir: string, counties: readonly CountyPolygon[]): ValidationData {
  const json = <T>(file: string): T | undefined =>
    existsSync(join(dir, file)) ? (JSON.parse(readFileSync(join(dir, file), 'utf8')) as T) : undefined;
  void counties;
  const out: ValidationData = {};
  const registry = json<SourcesRegistry>('sources.json');
  if (registry) out.registry = registry;
  const table = json<CountiesTable>('counties.json');
  if (table) out.counties = table;
  const catalogue = json<CatalogueList>('reference/catalogue-2018.json');
  if (catalogue) out.catalogue = catalogue;
  const plan = json<PlanTaxonomy>('plan.json');
  if (plan) out.plan = plan;
  if (existsSync(join(dir, 'SOURCES.md'))) out.sourcesMd = readFileSync(join(dir, 'SOURCES.md'), 'utf8');
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { collectBoundaries } = await import('./build-basemap.ts');
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const { layers, problems: readProblems, missing } = readLayers(join(root, 'data/layers'));
  const build = collectBoundaries();
  const counties = build.layers['counties'] as unknown as CountyPolygon[];
  const data = readValidationData(join(root, 'data'), counties);
  data.seats = countySeats(build.layers['county_labels'] as never);
  const problems = [...readProblems, ...validateLayers(layers, counties, data)];
  for (const id of LAYER_IDS) {
    const features = (layers[id] as LayerCollection | undefined)?.features ?? [];
    const unlocated = features.filter((f) => f?.geometry === null).length;
    console.log(
      `${id.padEnd(15)} ${missing.includes(id) ? 'missing' : `${features.length} features${unlocated ? ` (${unlocated} without a position)` : ''}`}`,
    );
  }
  for (const p of problems) console.error(`✗ [${p.rule}] ${p.layer} ${p.id}: ${p.message}`);
  if (problems.length > 0) {
    console.error(`validate:data: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`validate:data: all present layers pass${missing.length ? `; missing: ${missing.join(', ')}` : ''}`);
}
