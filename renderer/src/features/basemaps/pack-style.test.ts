import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { packLayers, packSchema } from './pack-style.ts';

const OMT = [
  'water',
  'waterway',
  'landcover',
  'landuse',
  'park',
  'transportation',
  'transportation_name',
  'boundary',
  'place',
  'building',
  'poi',
];
const PROTOMAPS = ['earth', 'landcover', 'landuse', 'water', 'roads', 'boundaries', 'places', 'buildings', 'pois', 'transit'];
const SHORTBREAD = [
  'ocean',
  'water_polygons',
  'water_lines',
  'land',
  'streets',
  'street_labels',
  'boundaries',
  'place_labels',
  'buildings',
  'sites',
];

/** A whole style around the layers, checked by MapLibre's own style validator. */
function problems(layers: ReturnType<typeof packLayers>['layers']): string[] {
  const style = {
    version: 8,
    sources: { pack: { type: 'vector', tiles: ['http://127.0.0.1/tiles/pack/x/{z}/{x}/{y}'] } },
    layers,
  } as StyleSpecification;
  return validateStyleMin(style).map((e) => e.message);
}

describe('vector basemap packs', () => {
  it('recognises the three public tile schemas by their layer names', () => {
    expect(packSchema(OMT)).toBe('openmaptiles');
    expect(packSchema(PROTOMAPS)).toBe('protomaps');
    expect(packSchema(SHORTBREAD)).toBe('shortbread');
    expect(packSchema(['counties', 'prefectures'])).toBe('generic');
    expect(packSchema([])).toBe('generic');
  });

  it.each([
    ['openmaptiles', OMT],
    ['protomaps', PROTOMAPS],
    ['shortbread', SHORTBREAD],
  ])('styles %s with water, roads by class, railways, boundaries and Chinese place labels, valid for MapLibre', (schema, names) => {
    const { schema: found, layers } = packLayers(names);
    expect(found).toBe(schema);
    expect(problems(layers)).toEqual([]);
    const types = layers.map((l) => l.type);
    expect(types).toContain('fill');
    expect(types).toContain('line');
    const label = layers.find((l) => l.type === 'symbol');
    expect(JSON.stringify(label?.layout?.['text-field'])).toContain('name:zh');
    // Every styled source layer is one the schema has.
    for (const l of layers) expect(names).toContain((l as { 'source-layer': string })['source-layer']);
    // Motorways are drawn above minor roads.
    const order = layers.map((l) => l.id);
    expect(order.findIndex((i) => /motorway|highway/.test(i))).toBeGreaterThan(order.findIndex((i) => /minor/.test(i)));
  });

  it('gives any other schema a fill, a line and a point layer per source layer', () => {
    const { schema, layers } = packLayers(['counties', 'prefectures']);
    expect(schema).toBe('generic');
    expect(layers.map((l) => l.id)).toEqual(
      ['counties-fill', 'counties-line', 'counties-point', 'prefectures-fill', 'prefectures-line', 'prefectures-point'].map(
        (s) => `pack-layer-${s}`,
      ),
    );
    expect(problems(layers)).toEqual([]);
  });
});
