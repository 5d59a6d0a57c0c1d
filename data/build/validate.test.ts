import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../electron/testing/temp-backend.ts';
import type { LayerCollection, LayerId } from '../schema/layers.ts';
import { collectBoundaries } from './build-basemap.ts';
import { readLayers, validateLayers, type CountyPolygon, type Layers, type RuleId } from './validate.ts';

const FIXTURES = join(REPO_ROOT, 'tests/fixtures/layers');
let counties: CountyPolygon[];
beforeAll(() => {
  counties = collectBoundaries().layers['counties'] as unknown as CountyPolygon[];
}, 60_000);

function validFixtures(): Layers {
  return readLayers(join(FIXTURES, 'valid')).layers;
}

interface BrokenFixture {
  rule: RuleId;
  layer: LayerId;
  feature: { properties: { id: string } };
}

describe('validate:data rules', () => {
  it('accept the valid fixture set', () => {
    expect(validateLayers(validFixtures(), counties)).toEqual([]);
  });

  const broken = readdirSync(join(FIXTURES, 'broken')).filter((f) => f.endsWith('.json'));
  it('has a broken fixture for every rule', () => {
    expect(broken.map((f) => f.replace('.json', '')).sort()).toEqual([
      'in-zone',
      'line-stops',
      'park-county',
      'reference',
      'schema',
      'source',
      'unique-id',
    ]);
  });

  it.each(broken)('%s fails its rule, naming the feature', (file) => {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, 'broken', file), 'utf8')) as BrokenFixture;
    const layers = validFixtures();
    const collection = (layers[fixture.layer] ?? { type: 'FeatureCollection', features: [] }) as LayerCollection;
    collection.features.push(fixture.feature as never);
    layers[fixture.layer] = collection;
    const problems = validateLayers(layers, counties);
    expect(problems.map((p) => p.rule)).toContain(fixture.rule);
    expect(problems.find((p) => p.rule === fixture.rule)?.id).toBe(fixture.feature.properties.id);
  });

  it('reports a file that is not a FeatureCollection', () => {
    expect(validateLayers({ parks: { type: 'Feature' } }, counties)).toMatchObject([{ rule: 'schema', layer: 'parks' }]);
  });

  it('passes on the repository data', () => {
    const { layers, problems } = readLayers(join(REPO_ROOT, 'data/layers'));
    expect([...problems, ...validateLayers(layers, counties)]).toEqual([]);
  });
});
