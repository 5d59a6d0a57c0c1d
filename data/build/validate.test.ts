import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../electron/testing/temp-backend.ts';
import type { LayerCollection, LayerId } from '../schema/layers.ts';
import { collectBoundaries } from './build-basemap.ts';
import {
  CATALOGUE_ZONE_COUNT,
  countySeats,
  readLayers,
  readValidationData,
  validateLayers,
  type CountyPolygon,
  type Layers,
  type RuleId,
  type ValidationData,
} from './validate.ts';

const FIXTURES = join(REPO_ROOT, 'tests/fixtures/layers');
let counties: CountyPolygon[];
let seats: Map<string, [number, number]>;
beforeAll(() => {
  const build = collectBoundaries();
  counties = build.layers['counties'] as unknown as CountyPolygon[];
  seats = countySeats(build.layers['county_labels'] as never);
}, 60_000);

function validFixtures(): Layers {
  return readLayers(join(FIXTURES, 'valid')).layers;
}
function validData(): ValidationData {
  return { ...readValidationData(join(FIXTURES, 'valid'), counties), catalogueCount: 1, seats };
}

interface BrokenFixture {
  rule: RuleId;
  layer?: LayerId;
  feature?: { properties: { id: string } };
  /** Changes to the valid fixture's data files instead of an added feature. */
  patch?: { counties?: { basemap_adcode: string; population_2020: number }; sources_md?: string };
  /** The id the rule must name when the fixture patches data rather than adding a feature. */
  expect_id?: string;
}

describe('validate:data rules', () => {
  it('accept the valid fixture set', () => {
    expect(validateLayers(validFixtures(), counties, validData())).toEqual([]);
  });

  const broken = readdirSync(join(FIXTURES, 'broken')).filter((f) => f.endsWith('.json'));
  it('has a broken fixture for every rule', () => {
    expect(broken.map((f) => f.replace('.json', '')).sort()).toEqual(
      [
        'attribution',
        'bonded-zone',
        'catalogue',
        'census',
        'in-zone',
        'industry-map',
        'line-stops',
        'park-county',
        'park-position',
        'reference',
        'schema',
        'source',
        'source-id',
        'source-path',
        'unique-id',
      ].sort(),
    );
  });

  it.each(broken)('%s fails its rule, naming the feature', (file) => {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, 'broken', file), 'utf8')) as BrokenFixture;
    const layers = validFixtures();
    const data = validData();
    if (fixture.feature && fixture.layer) {
      const collection = (layers[fixture.layer] ?? { type: 'FeatureCollection', features: [] }) as LayerCollection;
      collection.features.push(fixture.feature as never);
      layers[fixture.layer] = collection;
    }
    const patch = fixture.patch?.counties;
    if (patch && data.counties) {
      const row = data.counties.counties.find((r) => r.basemap_adcode === patch.basemap_adcode);
      if (!row) throw new Error(`fixture patches unknown county ${patch.basemap_adcode}`);
      row.population_2020 = patch.population_2020;
    }
    if (fixture.patch?.sources_md !== undefined) data.sourcesMd = fixture.patch.sources_md;
    const problems = validateLayers(layers, counties, data);
    expect(problems.map((p) => p.rule)).toContain(fixture.rule);
    expect(problems.find((p) => p.rule === fixture.rule)?.id).toBe(fixture.expect_id ?? fixture.feature?.properties.id);
  });

  it('reports a file that is not a FeatureCollection', () => {
    expect(validateLayers({ parks: { type: 'Feature' } }, counties)).toMatchObject([{ rule: 'schema', layer: 'parks' }]);
  });

  it('passes on the repository data, with the full catalogue, census, registry and attribution rules', () => {
    const { layers, problems } = readLayers(join(REPO_ROOT, 'data/layers'));
    const data = { ...readValidationData(join(REPO_ROOT, 'data'), counties), seats };
    expect(data.registry && data.counties && data.catalogue && data.sourcesMd && data.plan).toBeTruthy();
    expect(data.catalogue?.zones).toHaveLength(CATALOGUE_ZONE_COUNT);
    expect([...problems, ...validateLayers(layers, counties, data)]).toEqual([]);
  });

  it('counts 4 national and 62 provincial zones in the catalogue list, one park for each code', () => {
    const data = readValidationData(join(REPO_ROOT, 'data'), counties);
    const zones = data.catalogue?.zones ?? [];
    expect(zones.filter((z) => z.level === 'national')).toHaveLength(4);
    expect(zones.filter((z) => z.level === 'provincial')).toHaveLength(62);
    const parks = (readLayers(join(REPO_ROOT, 'data/layers')).layers.parks as LayerCollection).features;
    expect(parks.map((p) => p.properties['catalogue_code']).sort()).toEqual(zones.map((z) => z.code).sort());
  });
});
