/**
 * SMAA-2, Stochastic Multicriteria Acceptability Analysis (Lahdelma, R. & Salminen, P. 2001,
 * "SMAA-2: Stochastic multicriteria acceptability analysis for group decision making",
 * Operations Research 49(3), 444–454, doi:10.1287/opre.49.3.444.11220). The criteria values and
 * the weights are both uncertain; they are sampled together, each sample is ranked, and the
 * samples are summarised as
 *
 * - the **rank acceptability index** b_i^r: the share of samples in which alternative i takes
 *   rank r (each row and each column of b sums to 1);
 * - the **central weight vector** w_i^c: the mean weight vector of the samples in which i ranks
 *   first (the "typical" preferences that make it the best; undefined when it never does);
 * - the **confidence factor** p_i^c: the share of data samples in which i ranks first when the
 *   weights are fixed at its central weight vector (how far the data alone can carry it).
 *
 * The data model is built for spatial rankings: every alternative has one or more *joint draws*
 * (e.g. the populated cells of its county when its position is approximate), each giving the
 * values of all criteria under each of S global *scenarios* (e.g. sets of network assumptions,
 * shared by every alternative in a sample); single cells may also be independent uniform
 * intervals (a range typed by the user, an unknown value spread over the others' range). One
 * sample draws a scenario, one joint draw per alternative, then the intervals, then the weights.
 *
 * Reproducible: the data and the weights come from two seeded mulberry32 streams, so the same
 * seed gives the same numbers on every machine; the confidence factors replay the data stream.
 */
import { resolveValueFunction, valueOf, type ResolvedValueFunction, type ValueFunction } from './value-functions.ts';
import { gamma, mulberry32 } from './wsm.ts';

/** The version of this module's method, printed on reports (bump when its numbers would change). */
export const SMAA_VERSION = 'smaa-2/1';

export interface SmaaCriterion {
  type: 'benefit' | 'cost';
  /** As in the ranking: default min–max over the alternatives of the sample. */
  valueFunction?: ValueFunction;
}

/**
 * How the weights are sampled:
 * - `centred`: Dirichlet(κ·w) around the chosen weights (κ = concentration; the app's Monte-Carlo);
 * - `uniform`: uniformly over the simplex of the `active` criteria, SMAA-2's case of no preference
 *   information (Dirichlet(1, …, 1));
 * - `fixed`: the weights as given (data uncertainty alone).
 */
export type SmaaWeights =
  | { kind: 'centred'; weights: readonly number[]; concentration: number }
  | { kind: 'uniform'; active: readonly boolean[] }
  | { kind: 'fixed'; weights: readonly number[] };

/**
 * Totals of one sample (higher is better): `scores` and `raw` are n × m row-major (raw NaN =
 * unknown, scores already 0…1 with unknowns 0), `w` sums to 1; write one total per alternative.
 */
export type SmaaAggregate = (scores: Float64Array, raw: Float64Array, w: Float64Array, n: number, m: number, totals: Float64Array) => void;

export interface SmaaProblem {
  criteria: readonly SmaaCriterion[];
  /** Number of global scenarios (≥ 1) every joint draw has values for. */
  scenarios: number;
  /** draws[i]: alternative i's joint draws (≥ 1), each `scenarios × m` values, scenario-major; NaN = unknown. */
  draws: readonly (readonly Float64Array[])[];
  /** Cells that take an independent uniform value in [lo, hi] in every sample (lo ≤ hi). */
  intervals?: readonly { i: number; j: number; lo: number; hi: number }[];
  weights: SmaaWeights;
  /** The ranking method; default the weighted sum of the scores. */
  aggregate?: SmaaAggregate;
}

export interface SmaaOptions {
  samples: number;
  seed: number;
}

export interface SmaaResult {
  samples: number;
  seed: number;
  /** acceptability[i][r]: share of samples in which alternative i has rank r + 1. */
  acceptability: number[][];
  /** Rank percentiles per alternative (1 = best): 5th, median and 95th. */
  ranks: { p5: number; p50: number; p95: number }[];
  /** Mean weights of the samples where i ranks first (sums to 1), or null if it never does. */
  centralWeights: (number[] | null)[];
  /** Share of data samples in which i is first under its central weights, or null. */
  confidence: (number | null)[];
}

/** Most alternatives × criteria one run accepts (keeps the per-sample buffers small). */
export const SMAA_MAX_CELLS = 2_000_000;

/** Names the first problem with a problem's shape, or null. */
export function smaaProblem(p: SmaaProblem, o: SmaaOptions): string | null {
  const n = p.draws.length;
  const m = p.criteria.length;
  if (n === 0) return 'SMAA needs at least one alternative';
  if (m === 0) return 'SMAA needs at least one criterion';
  if (n * m > SMAA_MAX_CELLS) return `${n} alternatives × ${m} criteria is more than SMAA takes at once (${SMAA_MAX_CELLS} cells)`;
  if (!Number.isInteger(p.scenarios) || p.scenarios < 1) return `scenarios must be a positive integer, got ${p.scenarios}`;
  if (!Number.isInteger(o.samples) || o.samples < 1) return `samples must be a positive integer, got ${o.samples}`;
  if (!Number.isInteger(o.seed)) return `seed must be an integer, got ${o.seed}`;
  for (let i = 0; i < n; i++) {
    const d = p.draws[i] as readonly Float64Array[];
    if (d.length === 0) return `alternative ${i + 1} has no draw`;
    for (const row of d)
      if (row.length !== p.scenarios * m) return `alternative ${i + 1} has a draw of ${row.length} values, expected ${p.scenarios * m}`;
  }
  for (const c of p.intervals ?? []) {
    if (!(c.i >= 0 && c.i < n && c.j >= 0 && c.j < m)) return `interval at (${c.i}, ${c.j}) is outside the table`;
    if (!Number.isFinite(c.lo) || !Number.isFinite(c.hi) || c.lo > c.hi) return `interval at (${c.i}, ${c.j}) must have finite lo ≤ hi`;
  }
  const w = p.weights;
  const vector = w.kind === 'uniform' ? w.active.map((a) => (a ? 1 : 0)) : w.weights;
  if (vector.length !== m) return `${vector.length} weights for ${m} criteria`;
  if (vector.some((x) => !Number.isFinite(x) || x < 0) || !(vector.reduce((s, x) => s + x, 0) > 0))
    return 'weights must be non-negative and not all zero';
  if (w.kind === 'centred' && !(w.concentration > 0)) return `the concentration must be positive, got ${w.concentration}`;
  return null;
}

/** Weighted sum of the scores: Σ_j w_j s_ij. */
export const weightedSumAggregate: SmaaAggregate = (scores, _raw, w, n, m, totals) => {
  for (let i = 0; i < n; i++) {
    let t = 0;
    const o = i * m;
    for (let j = 0; j < m; j++) t += (scores[o + j] as number) * (w[j] as number);
    totals[i] = t;
  }
};

/**
 * Whether alternative i is first under the weighted sum with weights w (ties to the earlier
 * alternative). `hint` is the alternative that beat i last time, tried first: the same one
 * usually does again, which saves the other totals. Returns -1 when i is first, else who beat it.
 */
function beaterUnderWeightedSum(scores: Float64Array, w: Float64Array, n: number, m: number, i: number, hint: number): number {
  // No closures here: this runs once per sample and candidate, and a bundler that keeps function
  // names (tsx, esbuild's keepNames) wraps every closure it creates in a call that renames it.
  const ti = totalOf(scores, w, m, i);
  if (hint >= 0 && hint !== i && beats(totalOf(scores, w, m, hint), hint, ti, i)) return hint;
  for (let k = 0; k < n; k++) if (k !== i && k !== hint && beats(totalOf(scores, w, m, k), k, ti, i)) return k;
  return -1;
}

/** Whether alternative k (total tk) ranks before alternative i (total ti); ties go to the earlier one. */
function beats(tk: number, k: number, ti: number, i: number): boolean {
  return tk > ti || (tk === ti && k < i);
}

/** Σ_j w_j s_kj for alternative k (scores row-major, m criteria). */
function totalOf(scores: Float64Array, w: Float64Array, m: number, k: number): number {
  let t = 0;
  for (let j = 0, o = k * m; j < m; j++) t += (scores[o + j] as number) * (w[j] as number);
  return t;
}

/**
 * Runs SMAA-2.
 *
 * @throws RangeError naming the problem (see {@link smaaProblem}) or a value function's problem
 */
export function smaa(p: SmaaProblem, o: SmaaOptions): SmaaResult {
  const problem = smaaProblem(p, o);
  if (problem) throw new RangeError(problem);
  const n = p.draws.length;
  const m = p.criteria.length;
  const S = p.scenarios;
  const aggregate = p.aggregate ?? weightedSumAggregate;
  // Per criterion: inline min–max (the default, or a linear function with candidate bounds), or a
  // function that does not depend on the alternatives, resolved once.
  const fixed: (ResolvedValueFunction | null)[] = p.criteria.map((c) =>
    c.valueFunction && !(c.valueFunction.kind === 'linear' && c.valueFunction.bounds === 'candidates')
      ? resolveValueFunction(c.valueFunction)
      : null,
  );
  const benefit = p.criteria.map((c) =>
    c.valueFunction?.kind === 'linear' ? c.valueFunction.direction === 'benefit' : c.type === 'benefit',
  );
  const intervals = p.intervals ?? [];

  const raw = new Float64Array(n * m);
  const scores = new Float64Array(n * m);
  const totals = new Float64Array(n);
  const order = new Int32Array(n);
  const w = new Float64Array(m);

  /** Draws one data sample into `raw` and scores it into `scores`. */
  const drawData = (rand: () => number) => {
    const s = S > 1 ? Math.min(S - 1, Math.floor(rand() * S)) : 0;
    for (let i = 0; i < n; i++) {
      const ds = p.draws[i] as readonly Float64Array[];
      const row = (ds.length > 1 ? ds[Math.min(ds.length - 1, Math.floor(rand() * ds.length))] : ds[0]) as Float64Array;
      // A copy by hand: a subarray per row and sample was a tenth of the run.
      for (let j = 0, from = s * m, to = i * m; j < m; j++) raw[to + j] = row[from + j] as number;
    }
    for (const c of intervals) raw[c.i * m + c.j] = c.lo + rand() * (c.hi - c.lo);
    for (let j = 0; j < m; j++) {
      const f = fixed[j];
      if (f) {
        for (let i = 0; i < n; i++) {
          const x = raw[i * m + j] as number;
          scores[i * m + j] = Number.isNaN(x) ? 0 : (valueOf(f, x) ?? 0);
        }
        continue;
      }
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < n; i++) {
        const x = raw[i * m + j] as number;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      const span = hi - lo;
      for (let i = 0; i < n; i++) {
        const x = raw[i * m + j] as number;
        scores[i * m + j] = Number.isNaN(x) ? 0 : span === 0 ? 1 : benefit[j] ? (x - lo) / span : (hi - x) / span;
      }
    }
  };

  const weightKind = p.weights;
  const centre = weightKind.kind === 'uniform' ? weightKind.active.map((a) => (a ? 1 : 0)) : weightKind.weights;
  const centreSum = centre.reduce((s, x) => s + x, 0);
  const drawWeights = (rand: () => number) => {
    let sum = 0;
    for (let j = 0; j < m; j++) {
      const c = (centre[j] as number) / centreSum;
      let g: number;
      if (weightKind.kind === 'fixed') g = c;
      else if (c <= 0) g = 0;
      else g = weightKind.kind === 'uniform' ? -Math.log(1 - rand()) : gamma(weightKind.concentration * c, rand);
      w[j] = g;
      sum += g;
    }
    for (let j = 0; j < m; j++) w[j] = (w[j] as number) / sum;
  };

  /** Ranks `totals` into `order` (best first; ties keep the alternatives' order). */
  const rank = () => {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => (totals[b] as number) - (totals[a] as number) || a - b);
  };

  const counts = new Float64Array(n * n);
  const central = new Float64Array(n * m);
  const dataSeed = o.seed >>> 0;
  // A second stream for the weights, so the confidence pass can replay the data alone.
  const weightSeed = (o.seed ^ 0x9e3779b9) >>> 0;
  let dataRand = mulberry32(dataSeed);
  const weightRand = mulberry32(weightSeed);
  for (let s = 0; s < o.samples; s++) {
    drawData(dataRand);
    drawWeights(weightRand);
    aggregate(scores, raw, w, n, m, totals);
    rank();
    for (let r = 0; r < n; r++) counts[(order[r] as number) * n + r] = (counts[(order[r] as number) * n + r] as number) + 1;
    const first = order[0] as number;
    for (let j = 0; j < m; j++) central[first * m + j] = (central[first * m + j] as number) + (w[j] as number);
  }

  const acceptability = Array.from({ length: n }, (_, i) => Array.from(counts.subarray(i * n, i * n + n), (c) => c / o.samples));
  const centralWeights = acceptability.map((row, i) => {
    const firsts = (row[0] as number) * o.samples;
    return firsts > 0 ? Array.from(central.subarray(i * m, i * m + m), (x) => x / firsts) : null;
  });

  // Confidence factors: replay the data stream, rank under each central weight vector.
  const withCentral = centralWeights.flatMap((cw, i) => (cw ? [i] : []));
  const firstUnder = new Float64Array(n);
  const lastBeater = new Int32Array(n).fill(-1);
  if (withCentral.length > 0) {
    dataRand = mulberry32(dataSeed);
    for (let s = 0; s < o.samples; s++) {
      drawData(dataRand);
      for (const i of withCentral) {
        w.set(centralWeights[i] as number[]);
        if (!p.aggregate) {
          // The weighted sum, one total at a time: stop at the first alternative that beats i
          // (the same sums, in the same order, as weightedSumAggregate, so the same answer).
          const k = beaterUnderWeightedSum(scores, w, n, m, i, lastBeater[i] as number);
          if (k < 0) firstUnder[i] = (firstUnder[i] as number) + 1;
          else lastBeater[i] = k;
          continue;
        }
        aggregate(scores, raw, w, n, m, totals);
        // i is first when no one beats it (ties go to the earlier alternative, as in the ranking).
        const ti = totals[i] as number;
        let best = true;
        for (let k = 0; k < n && best; k++) {
          if (k === i) continue;
          const tk = totals[k] as number;
          if (tk > ti || (tk === ti && k < i)) best = false;
        }
        if (best) firstUnder[i] = (firstUnder[i] as number) + 1;
      }
    }
  }
  return {
    samples: o.samples,
    seed: o.seed,
    acceptability,
    ranks: acceptability.map((row) => ({ p5: quantileRank(row, 0.05), p50: quantileRank(row, 0.5), p95: quantileRank(row, 0.95) })),
    centralWeights,
    confidence: centralWeights.map((cw, i) => (cw ? (firstUnder[i] as number) / o.samples : null)),
  };
}

/**
 * The smallest rank r (1-based) whose cumulative acceptability reaches `q` (a lower quantile of
 * the rank distribution; 1e-9 absorbs the rounding of the shares).
 */
export function quantileRank(acceptability: readonly number[], q: number): number {
  let cumulative = 0;
  for (let r = 0; r < acceptability.length; r++) {
    cumulative += acceptability[r] as number;
    if (cumulative >= q - 1e-9) return r + 1;
  }
  return acceptability.length;
}
