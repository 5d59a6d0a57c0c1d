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
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, point, pointToLineDistance, pointToPolygonDistance, lineString, multiLineString } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { LAYER_IDS, LAYERS, type LayerCollection, type LayerFeature, type LayerId } from '../schema/layers.ts';

/** Tolerance for a park's point against its declared county polygon, metres. */
export const PARK_COUNTY_TOLERANCE_M = 1000;
/** Tolerance for a station or interchange against the line that lists it, metres. */
export const LINE_STOP_TOLERANCE_M = 50;

export type RuleId = 'schema' | 'source' | 'unique-id' | 'in-zone' | 'park-county' | 'line-stops' | 'reference';

export interface Problem {
  rule: RuleId;
  layer: LayerId;
  id: string;
  message: string;
}

export type CountyPolygon = Feature<Polygon | MultiPolygon, { adcode: string; name_zh: string; group: string }>;

export type Layers = Partial<Record<LayerId, unknown>>;

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
export function validateLayers(layers: Layers, counties: readonly CountyPolygon[]): Problem[] {
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
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { collectBoundaries } = await import('./build-basemap.ts');
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const { layers, problems: readProblems, missing } = readLayers(join(root, 'data/layers'));
  const counties = collectBoundaries().layers['counties'] as unknown as CountyPolygon[];
  const problems = [...readProblems, ...validateLayers(layers, counties)];
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
