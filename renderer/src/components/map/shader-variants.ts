/**
 * Fewer shader programs for the same drawing.
 *
 * MapLibre compiles one WebGL program per layer type and per pattern of how each of its paint
 * properties is fed (maplibre-gl src/data/program_configuration.ts): a value the same for every
 * feature is a uniform (`u_`), one that depends on the feature an attribute (`a_`), and one that
 * depends on the feature and the zoom an attribute pair interpolated by zoom (`z_`). The first view
 * used 18 programs, against the plain reference page's 7 (issue 19's trace), and with software WebGL
 * each new program costs ~25 ms of compiling on the first frame that needs it.
 *
 * `unifyPaint` rewrites the paint properties that vary between our layers of one type so that every
 * layer of that type feeds them the same way: a constant or zoom-only value is written so that it
 * is evaluated per feature, with the same result. What a layer draws does not change.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

type Feed = 'source' | 'composite';

/**
 * How each layer type's varying properties are fed, and their style-spec defaults (the value a
 * layer that leaves the property unset draws with: maplibre-gl-style-spec v8.json, paint_*).
 */
const FEEDS: Record<string, Record<string, { feed: Feed; default: number | string }>> = {
  line: {
    'line-color': { feed: 'source', default: '#000000' },
    'line-opacity': { feed: 'source', default: 1 },
    'line-width': { feed: 'composite', default: 1 },
  },
  circle: {
    'circle-radius': { feed: 'composite', default: 5 },
    'circle-color': { feed: 'source', default: '#000000' },
    'circle-stroke-color': { feed: 'source', default: '#000000' },
    'circle-stroke-width': { feed: 'source', default: 0 },
  },
  symbol: {
    'text-color': { feed: 'source', default: '#000000' },
  },
};

/** Expression operators that read the feature (a value using one is fed per feature). */
const FEATURE_OPERATORS = new Set(['get', 'has', 'properties', 'feature-state', 'id', 'geometry-type']);

function uses(value: unknown, test: (op: string) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  if (typeof value[0] === 'string' && value[0] !== 'literal' && test(value[0])) return true;
  return value[0] !== 'literal' && value.some((v) => uses(v, test));
}

const isExpression = (value: unknown): value is unknown[] => Array.isArray(value) && typeof value[0] === 'string';
const readsFeature = (value: unknown) => isExpression(value) && uses(value, (op) => FEATURE_OPERATORS.has(op));
const readsZoom = (value: unknown) => isExpression(value) && uses(value, (op) => op === 'zoom');

/**
 * `value`, written so that MapLibre evaluates it for each feature: both branches are `value`, so
 * every feature gets exactly `value`.
 */
function perFeature(value: unknown): ExpressionSpecification {
  return ['case', ['has', 'id'], value, value] as ExpressionSpecification;
}

/** A zoom curve (`interpolate`/`step` on `['zoom']`) with each output fed per feature. */
function curveOutputsPerFeature(curve: unknown[]): ExpressionSpecification {
  const [op] = curve;
  if (op === 'step') {
    // ['step', ['zoom'], out0, z1, out1, …]
    return curve.map((v, i) => (i >= 2 && i % 2 === 0 ? perFeature(v) : v)) as ExpressionSpecification;
  }
  // ['interpolate', type, ['zoom'], z1, out1, z2, out2, …]
  return curve.map((v, i) => (i >= 4 && i % 2 === 0 ? perFeature(v) : v)) as ExpressionSpecification;
}

const isZoomCurve = (value: unknown): value is unknown[] =>
  isExpression(value) &&
  (value[0] === 'interpolate' || value[0] === 'interpolate-hcl' || value[0] === 'interpolate-lab' || value[0] === 'step') &&
  JSON.stringify(value[value[0] === 'step' ? 1 : 2]) === '["zoom"]';

/**
 * The same property value, fed as `feed`. Returns `value` itself when it already is, or when it
 * cannot be rewritten without changing what it means (a legacy function object, a value that needs
 * the zoom where the feed has none).
 */
export function feedAs(value: unknown, feed: Feed): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
  const feature = readsFeature(value);
  const zoom = readsZoom(value);
  if (feed === 'source') {
    if (zoom) return value;
    return feature ? value : perFeature(value);
  }
  if (feature && zoom) return value;
  if (zoom) return isZoomCurve(value) ? curveOutputsPerFeature(value) : value;
  const each = feature ? value : perFeature(value);
  return ['interpolate', ['linear'], ['zoom'], 0, each, 24, each] as ExpressionSpecification;
}

/** The feed a property of a layer type is given here, if it is one of those unified. */
export function feedOf(type: string, property: string): Feed | undefined {
  return FEEDS[type]?.[property]?.feed;
}

/**
 * A layer's paint with the properties of its type that vary between our layers fed the one way
 * (unset ones are set to their default, fed that way). Other properties, and layers of other types,
 * are returned unchanged.
 */
export function unifyPaint<L extends { type: string; paint?: object }>(layer: L): L {
  const feeds = FEEDS[layer.type];
  if (!feeds) return layer;
  const paint: Record<string, unknown> = { ...(layer.paint as Record<string, unknown> | undefined) };
  for (const [property, { feed, default: fallback }] of Object.entries(feeds)) {
    paint[property] = feedAs(paint[property] ?? fallback, feed);
  }
  return { ...layer, paint };
}

/** The value to pass to `setPaintProperty` for a layer of `type`: unset goes back to the default, fed the one way. */
export function unifiedPaintValue(type: string, property: string, value: unknown): unknown {
  const spec = FEEDS[type]?.[property];
  return spec ? feedAs(value ?? spec.default, spec.feed) : value;
}
