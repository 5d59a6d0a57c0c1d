import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { REFERENCE_STYLES } from '../../features/layers/reference-style.ts';
import { basemapStyle } from './basemap-style.ts';
import { feedAs, feedOf, unifiedPaintValue, unifyPaint } from './shader-variants.ts';

// The independent check: MapLibre's own style-spec parses each rewritten value, says how it is fed
// (its `kind` decides uniform, attribute or zoom-interpolated attribute), and evaluates it.
function parse(type: string, property: string, value: unknown) {
  const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${type}`]![property]!;
  const result = createPropertyExpression(value, property, spec);
  if (result.result !== 'success') throw new Error(`${property}: ${JSON.stringify(result.value.map((e) => e.message))}`);
  return result.value;
}

const defaultOf = (type: string, property: string) =>
  (latest as unknown as Record<string, Record<string, { default?: unknown }>>)[`paint_${type}`]![property]!.default;

const features = [
  {
    type: 'LineString',
    properties: { group: 'zone', kind: 'hsr', status: 'open', point_count: 3, level: 'national', precision: 'approximate' },
  },
  {
    type: 'LineString',
    properties: { group: 'hunan', kind: 'conventional', status: 'planned', point_count: 9, level: 'provincial', precision: 'exact' },
  },
] as const;

function evaluate(type: string, property: string, value: unknown, zoom: number, feature: (typeof features)[number], hover: boolean) {
  const expression = parse(type, property, value);
  const out = (expression as { evaluate: (...a: unknown[]) => unknown }).evaluate({ zoom }, { ...feature, id: 1 }, { hover });
  return JSON.stringify(out);
}

function allLayers() {
  const basemap = basemapStyle('http://127.0.0.1/{z}/{x}/{y}.pbf', 'zh', 10, 4).layers;
  const reference = Object.values(REFERENCE_STYLES).flatMap((s) => s.layers('zh'));
  return [...basemap, ...reference.map((l) => unifyPaint(l))] as { id: string; type: string; paint?: Record<string, unknown> }[];
}

describe('unifyPaint', () => {
  it('feeds every unified property of the first view the same way in every layer of its type', () => {
    const kinds = new Map<string, Set<string>>();
    for (const layer of allLayers()) {
      for (const [property, value] of Object.entries(layer.paint ?? {})) {
        if (!feedOf(layer.type, property)) continue;
        const key = `${layer.type} ${property}`;
        (kinds.get(key) ?? kinds.set(key, new Set()).get(key)!).add(parse(layer.type, property, value).kind);
      }
    }
    expect(Object.fromEntries([...kinds].map(([k, v]) => [k, [...v]]))).toEqual({
      'line line-color': ['source'],
      'line line-opacity': ['source'],
      'line line-width': ['composite'],
      'circle circle-radius': ['composite'],
      'circle circle-color': ['source'],
      'circle circle-stroke-color': ['source'],
      'circle circle-stroke-width': ['source'],
      'symbol text-color': ['source'],
    });
  });

  it('draws what the original paint drew: same value for each feature, zoom and hover state', () => {
    // The reference layers as written (the basemap's use the same kinds of values: third test).
    const raw = Object.values(REFERENCE_STYLES).flatMap((s) => s.layers('zh')) as {
      id: string;
      type: string;
      paint?: Record<string, unknown>;
    }[];
    let compared = 0;
    for (const layer of raw) {
      const unified = unifyPaint(layer);
      for (const property of Object.keys(unified.paint ?? {})) {
        if (!feedOf(layer.type, property)) continue;
        const before = layer.paint?.[property];
        const after = unified.paint![property];
        for (const zoom of [4.5, 6.3, 7, 9.5, 13])
          for (const feature of features)
            for (const hover of [false, true]) {
              const expected =
                before === undefined
                  ? JSON.stringify(parse(layer.type, property, defaultOf(layer.type, property)).evaluate({ zoom }))
                  : evaluate(layer.type, property, before, zoom, feature, hover);
              expect(evaluate(layer.type, property, after, zoom, feature, hover), `${layer.id} ${property} z${zoom}`).toBe(expected);
              compared++;
            }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('rewrites each kind of value to the feed asked for, and leaves what it cannot rewrite', () => {
    const cases: [unknown, 'source' | 'composite', string][] = [
      ['#123456', 'source', 'source'],
      [3, 'composite', 'composite'],
      [['interpolate', ['linear'], ['zoom'], 5, 1, 9, 3], 'composite', 'composite'],
      [['step', ['zoom'], 1, 8, 2], 'composite', 'composite'],
      [['match', ['get', 'kind'], 'hsr', 3, 2], 'composite', 'composite'],
      [['match', ['get', 'kind'], 'hsr', 3, 2], 'source', 'source'],
      // Needs the zoom: cannot be fed per feature only, so stays as it was.
      [['interpolate', ['linear'], ['zoom'], 5, 1, 9, 3], 'source', 'camera'],
    ];
    for (const [value, feed, kind] of cases) {
      const property = typeof value === 'string' ? 'line-color' : 'line-width';
      expect(parse('line', property, feedAs(value, feed)).kind, JSON.stringify(value)).toBe(kind);
    }
    const legacy = {
      stops: [
        [5, 1],
        [9, 3],
      ],
    };
    expect(feedAs(legacy, 'composite')).toBe(legacy);
  });

  it('leaves other layer types and properties alone, and feeds a cleared property its default', () => {
    const fill = { id: 'f', type: 'fill', paint: { 'fill-color': '#fff' } };
    expect(unifyPaint(fill)).toBe(fill);
    expect(unifiedPaintValue('line', 'line-dasharray', [2, 2])).toEqual([2, 2]);
    expect(parse('line', 'line-color', unifiedPaintValue('line', 'line-color', undefined)).kind).toBe('source');
    expect(evaluate('line', 'line-color', unifiedPaintValue('line', 'line-color', undefined), 6, features[0], false)).toBe(
      JSON.stringify(parse('line', 'line-color', '#000000').evaluate({ zoom: 6 })),
    );
  });
});
