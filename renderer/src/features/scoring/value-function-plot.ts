/**
 * Geometry of the value-function editor's plot: the raw-value axis (in the criterion's unit) across,
 * the score 0…1 up; the curve, the candidates' values as dots on it, and the handles of a
 * piecewise-linear function that the user drags or moves with the arrow keys. Values come from
 * geo's own evaluation (`valueOf`), so what is drawn is what the ranking scores.
 */
import {
  resolveValueFunction,
  valueFunctionProblem,
  valueOf,
  type ResolvedValueFunction,
  type ValueFunction,
  type ValueFunctionKind,
} from '../../../../geo/index.ts';

/** Drawing area in SVG user units; the margins hold the axes' labels. */
export interface PlotBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const PLOT_BOX: PlotBox = { width: 560, height: 260, left: 48, right: 16, top: 14, bottom: 40 };

/** The raw-value range drawn, in the criterion's unit. */
export interface Domain {
  lo: number;
  hi: number;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The x values a function's shape turns at (its corners, threshold, centre and spread), to keep them in view. */
function anchors(f: ValueFunction): number[] {
  switch (f.kind) {
    case 'linear':
      return f.bounds === 'candidates' ? [] : [f.bounds.min, f.bounds.max];
    case 'trapezoid':
      return [f.a, f.b, f.c, f.d];
    case 'ideal':
      return [f.ideal - f.tolerance, f.ideal + f.tolerance];
    case 'step':
      return [f.threshold];
    case 'logistic':
      // Where the curve has come within about 2 % of 0 and 1.
      return [f.midpoint - 4 / Math.abs(f.slope), f.midpoint + 4 / Math.abs(f.slope)];
    case 'gaussian':
      return [f.target - 3 * f.spread, f.target + 3 * f.spread];
    case 'piecewise':
      return f.points.map((p) => p[0]);
    case 'levels':
      return f.levels.map((l) => l.value);
  }
}

/**
 * The range to draw: every candidate's known value and the function's anchors, with 5 % either
 * side; one value alone gets ±1.
 */
export function plotDomain(f: ValueFunction, values: readonly (number | null)[]): Domain {
  const xs = [...values.filter(finite), ...anchors(f).filter(finite)];
  if (xs.length === 0) return { lo: 0, hi: 1 };
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  if (hi === lo) return { lo: lo - 1, hi: hi + 1 };
  const pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  return { lo, hi };
}

export const xToPx = (x: number, d: Domain, b: PlotBox = PLOT_BOX) => b.left + ((x - d.lo) / (d.hi - d.lo)) * (b.width - b.left - b.right);
export const yToPx = (v: number, b: PlotBox = PLOT_BOX) => b.height - b.bottom - v * (b.height - b.top - b.bottom);
export const pxToX = (px: number, d: Domain, b: PlotBox = PLOT_BOX) =>
  d.lo + ((px - b.left) / (b.width - b.left - b.right)) * (d.hi - d.lo);
export const pxToY = (py: number, b: PlotBox = PLOT_BOX) => (b.height - b.bottom - py) / (b.height - b.top - b.bottom);

/** Where the curve breaks or turns, so a sampled path keeps its corners and jumps exact. */
function breaks(f: ResolvedValueFunction): number[] {
  if (f.kind === 'linear') return [f.bounds.min, f.bounds.max];
  if (f.kind === 'step') return [f.threshold];
  if (f.kind === 'levels') return [];
  return anchors(f);
}

/**
 * The SVG path of the curve across the domain (sampled, with its corners exact; a step's jump is
 * drawn upright). Levels have no curve between them: empty.
 */
export function curvePath(f: ResolvedValueFunction, d: Domain, b: PlotBox = PLOT_BOX, samples = 200): string {
  if (f.kind === 'levels') return '';
  const xs = new Set<number>();
  for (let i = 0; i <= samples; i++) xs.add(d.lo + ((d.hi - d.lo) * i) / samples);
  for (const x of breaks(f)) if (finite(x) && x > d.lo && x < d.hi) xs.add(x);
  const sorted = [...xs].sort((p, q) => p - q);
  const parts: string[] = [];
  const to = (x: number, v: number) => parts.push(`${parts.length ? 'L' : 'M'}${xToPx(x, d, b).toFixed(1)},${yToPx(v, b).toFixed(1)}`);
  for (const x of sorted) {
    // A step scores its threshold as passing: the jump is drawn upright at the threshold itself.
    if (f.kind === 'step' && x === f.threshold) {
      const [first, second] = f.pass === 'above' ? [0, 1] : [1, 0];
      to(x, first);
      to(x, second);
      continue;
    }
    to(x, valueOf(f, x) as number);
  }
  return parts.join(' ');
}

export interface PlotDot {
  index: number;
  raw: number;
  score: number;
  x: number;
  y: number;
}

/** One dot per candidate with a known value, on the curve; a value that is not one of the levels has no score and no dot. */
export function plotDots(f: ResolvedValueFunction, values: readonly (number | null)[], d: Domain, b: PlotBox = PLOT_BOX): PlotDot[] {
  const dots: PlotDot[] = [];
  values.forEach((raw, index) => {
    if (!finite(raw)) return;
    let score: number | null;
    try {
      score = valueOf(f, raw);
    } catch {
      score = null;
    }
    if (score !== null) dots.push({ index, raw, score, x: xToPx(raw, d, b), y: yToPx(score, b) });
  });
  return dots;
}

/** Evenly spaced axis ticks, "nice" steps of 1, 2 or 5 × 10^k. */
export function ticks(d: Domain, count = 5): number[] {
  const span = d.hi - d.lo;
  if (!(span > 0)) return [d.lo];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let k = Math.ceil(d.lo / step - 1e-9); k * step <= d.hi + step * 1e-9; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

type Points = [number, number][];

/** Smallest gap kept between two neighbouring points, as a share of the domain. */
const MIN_GAP = 1 / 500;

/**
 * Moves point `i` to (x, y): y clamped to 0…1, x kept strictly between its neighbours, so the
 * function stays valid (geo's rule: points by increasing x, scores in 0…1).
 */
export function movePoint(points: readonly (readonly [number, number])[], i: number, x: number, y: number, d: Domain): Points {
  const gap = (d.hi - d.lo) * MIN_GAP;
  const prev = points[i - 1];
  const next = points[i + 1];
  const lo = prev ? prev[0] + gap : -Infinity;
  const hi = next ? next[0] - gap : Infinity;
  const nx = Math.min(hi, Math.max(lo, x));
  const ny = Math.min(1, Math.max(0, y));
  return points.map((p, k) => (k === i ? [nx, ny] : [p[0], p[1]]));
}

/** The arrow keys on a handle: ← → move it 1 % of the domain (10 % with Shift), ↑ ↓ the score by 0.05 (0.25). */
export function nudgePoint(
  points: readonly (readonly [number, number])[],
  i: number,
  key: string,
  d: Domain,
  large = false,
): Points | null {
  const p = points[i];
  if (!p) return null;
  const dx = (d.hi - d.lo) * (large ? 0.1 : 0.01);
  const dy = large ? 0.25 : 0.05;
  const moves: Record<string, [number, number]> = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, dy], ArrowDown: [0, -dy] };
  const m = moves[key];
  if (!m) return null;
  return movePoint(points, i, p[0] + m[0], Math.round((p[1] + m[1]) * 1000) / 1000, d);
}

/** A new point in the middle of the widest gap, on the current line (at most 20 points, geo's limit). */
export function addPoint(points: readonly (readonly [number, number])[]): Points {
  const copy: Points = points.map((p) => [p[0], p[1]]);
  if (copy.length >= 20 || copy.length < 2) return copy;
  let at = 1;
  for (let k = 1; k < copy.length; k++)
    if (
      (copy[k] as [number, number])[0] - (copy[k - 1] as [number, number])[0] >
      (copy[at] as [number, number])[0] - (copy[at - 1] as [number, number])[0]
    )
      at = k;
  const [x0, y0] = copy[at - 1] as [number, number];
  const [x1, y1] = copy[at] as [number, number];
  copy.splice(at, 0, [(x0 + x1) / 2, (y0 + y1) / 2]);
  return copy;
}

/** Removes point `i`, keeping at least two. */
export function removePoint(points: readonly (readonly [number, number])[], i: number): Points {
  const copy: Points = points.map((p) => [p[0], p[1]]);
  if (copy.length > 2) copy.splice(i, 1);
  return copy;
}

/** Rounds a parameter for display and defaults: 3 significant digits. */
const nice = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(3)));

/**
 * A sensible starting function of each kind for a criterion, from its candidates' values and
 * direction (benefit: more is better). Levels come from the criterion's known levels, or its
 * distinct values (up to 20), scored evenly from worst to best.
 */
export function defaultFunction(
  kind: ValueFunctionKind,
  values: readonly (number | null)[],
  type: 'benefit' | 'cost',
  levels?: readonly number[],
): ValueFunction {
  const known = values.filter(finite).sort((a, b) => a - b);
  const lo = known[0] ?? 0;
  const hi = known[known.length - 1] ?? 1;
  const span = hi > lo ? hi - lo : 1;
  const q = (p: number) =>
    known.length ? (known[Math.min(known.length - 1, Math.floor(p * (known.length - 1)))] as number) : lo + p * span;
  const benefit = type === 'benefit';
  switch (kind) {
    case 'linear':
      return { kind, direction: type, bounds: 'candidates' };
    case 'trapezoid': {
      const [a, b, c, d] = [q(0.1), q(0.35), q(0.65), q(0.9)].map(nice) as [number, number, number, number];
      return a <= b && b <= c && c <= d ? { kind, a, b, c, d } : { kind, a: lo, b: lo + span / 3, c: lo + (2 * span) / 3, d: lo + span };
    }
    case 'ideal':
      return { kind, ideal: nice(q(0.5)), tolerance: nice(span / 2) };
    case 'step':
      return { kind, threshold: nice(q(0.5)), pass: benefit ? 'above' : 'below' };
    case 'logistic':
      return { kind, midpoint: nice(q(0.5)), slope: nice(((benefit ? 1 : -1) * 8) / span) };
    case 'gaussian':
      return { kind, target: nice(q(0.5)), spread: nice(span / 4) };
    case 'piecewise':
      return {
        kind,
        points: [
          [nice(lo), benefit ? 0 : 1],
          [nice(lo + span / 2), 0.5],
          [nice(lo + span), benefit ? 1 : 0],
        ],
      };
    case 'levels': {
      const distinct = levels ?? [...new Set(known)].slice(0, 20);
      const n = distinct.length;
      const list = (n ? distinct : [0, 1]).map((value, i, all) => {
        const t = all.length > 1 ? i / (all.length - 1) : 1;
        return { value, score: Math.round((benefit ? t : 1 - t) * 100) / 100 };
      });
      return { kind, levels: list };
    }
  }
}

/** The function resolved for drawing, or the problem with its parameters (then nothing is drawn). */
export function resolveForPlot(
  f: ValueFunction,
  values: readonly (number | null)[],
): { ok: true; f: ResolvedValueFunction } | { ok: false; problem: string } {
  const problem = valueFunctionProblem(f);
  return problem ? { ok: false, problem } : { ok: true, f: resolveValueFunction(f, values) };
}
