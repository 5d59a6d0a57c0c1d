/**
 * Value functions: each maps a criterion's raw value (in the criterion's own unit: minutes,
 * 元/亩, persons, a level code …) to a score in [0, 1], 1 best. The shapes are the usual ones of
 * suitability modelling (the transformations of ArcGIS Pro's Suitability Modeler; Malczewski, J. &
 * Rinner, C. 2015, *Multicriteria Decision Analysis in Geographic Information Science*, Springer):
 *
 * | kind        | parameters                     | v(x)                                                                 |
 * | ----------- | ------------------------------ | -------------------------------------------------------------------- |
 * | `linear`    | direction, bounds              | benefit (x − lo)/(hi − lo), cost (hi − x)/(hi − lo), clamped to 0…1 |
 * | `trapezoid` | a ≤ b ≤ c ≤ d (a, d may be ∓∞) | 0 below a, rises to 1 at b, 1 on [b, c], falls to 0 at d, 0 above d |
 * | `ideal`     | ideal, tolerance               | the triangle trapezoid(ideal − tolerance, ideal, ideal, ideal + tolerance) |
 * | `step`      | threshold, above/below         | 1 when x ≥ threshold (`above`) or x ≤ threshold (`below`), else 0   |
 * | `logistic`  | midpoint, slope                | 1 / (1 + exp(−slope (x − midpoint))); slope < 0 for "less is better" |
 * | `gaussian`  | target, spread σ               | exp(−(x − target)² / (2σ²))                                          |
 * | `piecewise` | points (x, v) by increasing x | linear between points, constant beyond the first and last            |
 * | `levels`    | (value, score) pairs           | the score of the level x equals; other x are refused                |
 *
 * Bounds: only `linear` needs them. `{ min, max }` fixes them (values outside are clamped), and
 * `'candidates'` takes them from the candidates being scored (min–max normalisation). The choice
 * matters: with candidate bounds a candidate's score depends on who else is in the set, so adding
 * or removing a candidate — even one that ranks last — can reverse the order of two others (rank
 * reversal); with fixed bounds each score depends on the candidate alone. See geo/mcda/README.md.
 *
 * Unknown raw values (null or not finite) stay null: the caller decides what an unknown scores
 * (the weighted sum today scores it 0).
 */

export type Bounds = 'candidates' | { min: number; max: number };

export type ValueFunction =
  | { kind: 'linear'; direction: 'benefit' | 'cost'; bounds: Bounds }
  | { kind: 'trapezoid'; a: number; b: number; c: number; d: number }
  | { kind: 'ideal'; ideal: number; tolerance: number }
  | { kind: 'step'; threshold: number; pass: 'above' | 'below' }
  | { kind: 'logistic'; midpoint: number; slope: number }
  | { kind: 'gaussian'; target: number; spread: number }
  | { kind: 'piecewise'; points: readonly (readonly [number, number])[] }
  | { kind: 'levels'; levels: readonly { value: number; score: number }[] };

export type ValueFunctionKind = ValueFunction['kind'];

/** Every kind, in the order a UI lists them. */
export const VALUE_FUNCTION_KINDS: readonly ValueFunctionKind[] = [
  'linear',
  'trapezoid',
  'ideal',
  'step',
  'logistic',
  'gaussian',
  'piecewise',
  'levels',
];

/** A value function whose bounds are numbers, ready to evaluate one value at a time (and to plot). */
export type ResolvedValueFunction =
  Exclude<ValueFunction, { kind: 'linear' }> | { kind: 'linear'; direction: 'benefit' | 'cost'; bounds: { min: number; max: number } };

/** Two raw values closer than this are the same level (levels are codes such as 0, 0.6, 1). */
const LEVEL_EPSILON = 1e-9;

import { finite } from './problem.ts';

/** The first problem with a value function's parameters, or null. Infinite a or d are allowed (open shoulders). */
export function valueFunctionProblem(f: ValueFunction): string | null {
  switch (f.kind) {
    case 'linear':
      if (f.direction !== 'benefit' && f.direction !== 'cost')
        return `linear direction must be benefit or cost, got "${String(f.direction)}"`;
      if (f.bounds === 'candidates') return null;
      if (!finite(f.bounds.min) || !finite(f.bounds.max)) return 'linear bounds must be finite numbers';
      if (!(f.bounds.max > f.bounds.min)) return `linear bounds need max > min, got min ${f.bounds.min} and max ${f.bounds.max}`;
      return null;
    case 'trapezoid': {
      const { a, b, c, d } = f;
      if ([a, b, c, d].some((v) => typeof v !== 'number' || Number.isNaN(v))) return 'trapezoid corners a, b, c, d must be numbers';
      if (!(a <= b && b <= c && c <= d)) return `trapezoid corners need a ≤ b ≤ c ≤ d, got ${a}, ${b}, ${c}, ${d}`;
      if (!finite(b) || !finite(c)) return 'trapezoid corners b and c (the ideal range) must be finite';
      return null;
    }
    case 'ideal':
      if (!finite(f.ideal)) return 'the ideal value must be a finite number';
      if (!finite(f.tolerance) || f.tolerance <= 0) return `the tolerance around the ideal must be positive, got ${f.tolerance}`;
      return null;
    case 'step':
      if (!finite(f.threshold)) return 'the step threshold must be a finite number';
      if (f.pass !== 'above' && f.pass !== 'below') return `a step passes "above" or "below" its threshold, got "${String(f.pass)}"`;
      return null;
    case 'logistic':
      if (!finite(f.midpoint)) return 'the logistic midpoint must be a finite number';
      if (!finite(f.slope) || f.slope === 0) return `the logistic slope must be a non-zero number, got ${f.slope}`;
      return null;
    case 'gaussian':
      if (!finite(f.target)) return 'the Gaussian target must be a finite number';
      if (!finite(f.spread) || f.spread <= 0) return `the Gaussian spread must be positive, got ${f.spread}`;
      return null;
    case 'piecewise': {
      if (!Array.isArray(f.points) || f.points.length < 2) return 'a piecewise-linear function needs at least two points';
      for (let i = 0; i < f.points.length; i++) {
        const p = f.points[i] as readonly [number, number];
        if (!finite(p[0]) || !finite(p[1])) return `point ${i + 1} must be two finite numbers`;
        if (p[1] < 0 || p[1] > 1) return `point ${i + 1} has score ${p[1]}; scores must lie in 0…1`;
        if (i > 0 && !(p[0] > (f.points[i - 1] as readonly [number, number])[0]))
          return `point ${i + 1} must lie to the right of point ${i}`;
      }
      return null;
    }
    case 'levels': {
      if (!Array.isArray(f.levels) || f.levels.length === 0) return 'a levels function needs at least one level';
      for (let i = 0; i < f.levels.length; i++) {
        const l = f.levels[i] as { value: number; score: number };
        if (!finite(l.value) || !finite(l.score)) return `level ${i + 1} must have a finite value and score`;
        if (l.score < 0 || l.score > 1) return `level ${i + 1} has score ${l.score}; scores must lie in 0…1`;
        if (f.levels.some((o, k) => k < i && Math.abs(o.value - l.value) <= LEVEL_EPSILON)) return `level value ${l.value} is listed twice`;
      }
      return null;
    }
    default:
      return `unknown value function "${String((f as { kind: unknown }).kind)}"`;
  }
}

/**
 * Fixes the bounds of a `linear` function from the candidates' known values when they are
 * `'candidates'` (other kinds are returned as they are). When every known value is equal (or none
 * is known) the criterion cannot discriminate: the bounds become [x − 1, x] for benefit and
 * [x, x + 1] for cost, so every candidate scores 1, as `normaliseColumn` does.
 * @throws RangeError naming the problem with the function's parameters
 */
export function resolveValueFunction(f: ValueFunction, values: readonly (number | null)[] = []): ResolvedValueFunction {
  const problem = valueFunctionProblem(f);
  if (problem) throw new RangeError(problem);
  if (f.kind !== 'linear' || f.bounds !== 'candidates') return f as ResolvedValueFunction;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values)
    if (finite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  if (min === Infinity) min = max = 0;
  if (max === min) return { ...f, bounds: f.direction === 'benefit' ? { min: min - 1, max } : { min, max: max + 1 } };
  return { ...f, bounds: { min, max } };
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * The score in [0, 1] of one raw value.
 * @param f - a resolved function (see {@link resolveValueFunction}); its parameters are in the criterion's unit
 * @returns null for an unknown (null or not finite) value
 * @throws RangeError for a `levels` value that is not one of the levels (the message lists them)
 */
export function valueOf(f: ResolvedValueFunction, x: number | null): number | null {
  if (!finite(x)) return null;
  switch (f.kind) {
    case 'linear': {
      const t = (x - f.bounds.min) / (f.bounds.max - f.bounds.min);
      return clamp01(f.direction === 'benefit' ? t : 1 - t);
    }
    case 'trapezoid': {
      const { a, b, c, d } = f;
      // An infinite a or d is an open shoulder: no falling edge on that side.
      if (x < a || x > d) return 0;
      if (x < b) return a === -Infinity ? 1 : clamp01((x - a) / (b - a));
      if (x <= c) return 1;
      return d === Infinity ? 1 : clamp01((d - x) / (d - c));
    }
    case 'ideal':
      return clamp01(1 - Math.abs(x - f.ideal) / f.tolerance);
    case 'step':
      return (f.pass === 'above' ? x >= f.threshold : x <= f.threshold) ? 1 : 0;
    case 'logistic':
      return 1 / (1 + Math.exp(-f.slope * (x - f.midpoint)));
    case 'gaussian':
      return Math.exp(-((x - f.target) ** 2) / (2 * f.spread ** 2));
    case 'piecewise': {
      const pts = f.points;
      const first = pts[0] as readonly [number, number];
      const last = pts[pts.length - 1] as readonly [number, number];
      if (x <= first[0]) return first[1];
      if (x >= last[0]) return last[1];
      for (let i = 1; i < pts.length; i++) {
        const [x1, y1] = pts[i] as readonly [number, number];
        if (x <= x1) {
          const [x0, y0] = pts[i - 1] as readonly [number, number];
          // Between its two ends (y0 + (y1 − y0)·t can round to just below 0, e.g. −1e-16, when
          // the points are a hair apart), and never outside 0…1.
          const t = Math.min(1, Math.max(0, (x - x0) / (x1 - x0)));
          return clamp01(y0 * (1 - t) + y1 * t);
        }
      }
      return last[1];
    }
    case 'levels': {
      const level = f.levels.find((l) => Math.abs(l.value - x) <= LEVEL_EPSILON);
      if (!level) throw new RangeError(`${x} is not one of the levels ${f.levels.map((l) => l.value).join(', ')}`);
      return level.score;
    }
  }
}

/**
 * Scores a whole criterion column: resolves candidate bounds from `values`, then maps each value.
 * @param values - raw values of the candidates, in the criterion's unit; null for unknown
 * @returns one score in [0, 1] per value, null where the value is unknown
 * @throws RangeError for bad parameters or a value that is not one of the levels
 */
export function scoreColumn(values: readonly (number | null)[], f: ValueFunction): (number | null)[] {
  const resolved = resolveValueFunction(f, values);
  return values.map((x) => valueOf(resolved, x));
}
