/**
 * Ordered weighted averaging (Yager, R.R. 1988, "On ordered weighted averaging aggregation
 * operators in multicriteria decision making", IEEE Trans. Systems, Man and Cybernetics 18(1),
 * 183–190). Each alternative's scores (already on one scale, e.g. 0…1) are sorted LARGEST FIRST,
 * b_1 ≥ b_2 ≥ … ≥ b_n, and aggregated with order weights w: OWA = Σ_k w_k b_k. So w = (1, 0, …, 0)
 * is the maximum (OR), (0, …, 0, 1) the minimum (AND) and (1/n, …, 1/n) the mean.
 *
 * Beware: TerrSet/IDRISI lists order weights the other way round (its "1st" order weight goes to
 * the LOWEST factor value; Eastman, J.R. 2001, *Guide to GIS and Image Processing* vol. 2, Clark
 * Labs, "Decision Strategy Analysis"), and R's agop package changed its convention between
 * versions. Reverse TerrSet's list to use it here.
 *
 * Measures of the order weights:
 * - orness(w) = Σ_k (n − k)/(n − 1) · w_k (Yager 1988); andness = 1 − orness. 1 for max, 0 for min, ½ for the mean.
 * - dispersion(w) = −Σ_k w_k ln w_k (Yager 1988, the entropy of w, in nats; 0 … ln n).
 * - tradeoff(w) = 1 − √( n Σ_k (w_k − 1/n)² / (n − 1) ) (TerrSet's trade-off: Jiang, H. & Eastman,
 *   J.R. 2000, "Application of fuzzy measures in multi-criteria evaluation in GIS", Int. J.
 *   Geographical Information Science 14(2), 173–184; formula as transcribed from the IDRISI
 *   documentation). 1 for equal weights (full trade-off), 0 when one weight is 1 (none).
 *
 * Order weights from an orness α: the maximum-entropy weights of O'Hagan (1988, "Aggregating
 * template or rule antecedents in real-time expert systems with fuzzy set logic", Proc. 22nd
 * Asilomar Conf. on Signals, Systems and Computers, 681–689): maximise dispersion subject to
 * orness = α. The solution is geometric, w_k ∝ t^(k−1) (Filev, D. & Yager, R.R. 1995, "Analytic
 * properties of maximum entropy OWA operators", Information Sciences 85, 11–27; Fullér, R. &
 * Majlender, P. 2001, "An analytic approach for obtaining maximal entropy OWA operator weights",
 * Fuzzy Sets and Systems 124, 53–57); t is found here by bisection on orness(t).
 *
 * Criterion weights (optional) are combined with the order weights by Torra's weighted OWA
 * (Torra, V. 1997, "The weighted OWA operator", Int. J. Intelligent Systems 12, 153–166) with a
 * piecewise-linear interpolation W* through (k/n, w_1 + … + w_k): with equal criterion weights it is
 * the OWA, with equal order weights the weighted mean. (Torra suggests a smooth monotone W*; the
 * piecewise-linear one keeps both properties exactly.)
 */
import { normaliseColumn, rankByTotal } from './wsm.ts';

import { checkMatrix, finite } from './problem.ts';

/** @throws RangeError unless w is a non-empty list of non-negative numbers summing to 1 (±1e-6) */
function checkOrderWeights(w: readonly number[]): void {
  if (w.length === 0) throw new RangeError('at least one order weight is needed');
  if (w.some((x) => !finite(x) || x < 0)) throw new RangeError('order weights must be non-negative numbers');
  const sum = w.reduce((s, x) => s + x, 0);
  if (Math.abs(sum - 1) > 1e-6) throw new RangeError(`order weights must sum to 1, got ${sum}`);
}

/**
 * Yager's orness of order weights (largest first): 1 for max, 0 for min, ½ for the mean; ½ for n = 1.
 * @throws RangeError for weights that are not a distribution
 */
export function orness(w: readonly number[]): number {
  checkOrderWeights(w);
  const n = w.length;
  if (n === 1) return 0.5;
  return w.reduce((s, x, k) => s + ((n - 1 - k) / (n - 1)) * x, 0);
}

/** Yager's dispersion (entropy) −Σ w ln w, in nats, 0 … ln n. @throws RangeError for weights that are not a distribution */
export function dispersion(w: readonly number[]): number {
  checkOrderWeights(w);
  return w.reduce((s, x) => (x > 0 ? s - x * Math.log(x) : s), 0);
}

/** TerrSet's trade-off, 1 − √(n Σ (w − 1/n)² / (n − 1)): 1 for equal weights, 0 for one weight of 1; 1 for n = 1. */
export function tradeoff(w: readonly number[]): number {
  checkOrderWeights(w);
  const n = w.length;
  if (n === 1) return 1;
  const ss = w.reduce((s, x) => s + (x - 1 / n) ** 2, 0);
  return 1 - Math.sqrt((n * ss) / (n - 1));
}

/** w_k ∝ t^(k−1), k = 1…n, normalised. */
function geometric(n: number, t: number): number[] {
  const w = Array.from({ length: n }, (_, k) => t ** k);
  const sum = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / sum);
}

/**
 * O'Hagan's maximum-entropy order weights for a given orness (largest first).
 * @param n - number of criteria (≥ 1)
 * @param alpha - orness in [0, 1]: 1 gives (1, 0, …, 0), 0 gives (0, …, 0, 1), ½ equal weights
 * @returns n weights summing to 1 whose orness is alpha (to about 1e-12)
 * @throws RangeError for n < 1 or alpha outside [0, 1]
 */
export function maxEntropyOrderWeights(n: number, alpha: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`the number of criteria must be a positive integer, got ${n}`);
  if (!finite(alpha) || alpha < 0 || alpha > 1) throw new RangeError(`orness must lie in 0…1, got ${alpha}`);
  if (n === 1) return [1];
  if (alpha < 0.5) return maxEntropyOrderWeights(n, 1 - alpha).reverse();
  if (alpha === 1) return Array.from({ length: n }, (_, k) => (k === 0 ? 1 : 0));
  // orness(geometric(t)) falls from 1 (t → 0) to ½ (t = 1): bisect on t in (0, 1].
  let lo = 0;
  let hi = 1;
  for (let iter = 0; iter < 200 && hi - lo > 1e-16; iter++) {
    const mid = (lo + hi) / 2;
    if (orness(geometric(n, mid)) > alpha) lo = mid;
    else hi = mid;
  }
  return geometric(n, (lo + hi) / 2);
}

export interface OwaResult {
  /** One aggregated score per alternative, on the scale of the (normalised) inputs. */
  scores: number[];
  /** Alternative indexes, best first (ties keep input order). */
  ranking: number[];
  /** The order weights used, largest value first. */
  orderWeights: number[];
  /** Criterion weights as used (normalised to sum 1), or null for a plain OWA. */
  weights: number[] | null;
  /**
   * effective[i][j]: the weight criterion j finally carried for alternative i (each row sums to 1),
   * so scores[i] = Σ_j effective[i][j] · value[i][j] and a UI can show each criterion's share.
   */
  effective: number[][];
  orness: number;
  dispersion: number;
  tradeoff: number;
}

/**
 * OWA (or weighted OWA) of every row of a matrix.
 * @param matrix - rows are alternatives, columns criteria; finite scores already on one scale (or use `normalise`)
 * @param options - `orderWeights` (largest first, summing to 1) or `orness` (maximum-entropy weights), not both;
 *   `weights`: optional criterion weights (non-negative, not all zero); `normalise`: min–max each column to 0…1
 *   over the alternatives first (a constant column scores 1), every column treated as a benefit
 * @throws RangeError naming the problem
 */
export function owa(
  matrix: readonly (readonly number[])[],
  options: { orderWeights?: readonly number[]; orness?: number; weights?: readonly number[]; normalise?: boolean },
): OwaResult {
  const m = matrix.length;
  if (m === 0) throw new RangeError('the decision matrix has no alternatives');
  const n = (matrix[0] as readonly number[]).length;
  if (n === 0) throw new RangeError('the decision matrix has no criteria');
  checkMatrix(matrix, n, false);
  if ((options.orderWeights === undefined) === (options.orness === undefined))
    throw new RangeError('give either order weights or an orness, not both and not neither');
  let w: number[];
  if (options.orderWeights) {
    if (options.orderWeights.length !== n) throw new RangeError(`${options.orderWeights.length} order weights for ${n} criteria`);
    checkOrderWeights(options.orderWeights);
    w = [...options.orderWeights];
  } else w = maxEntropyOrderWeights(n, options.orness as number);

  let p: number[] | null = null;
  if (options.weights) {
    if (options.weights.length !== n) throw new RangeError(`${options.weights.length} criterion weights for ${n} criteria`);
    if (options.weights.some((x) => !finite(x) || x < 0)) throw new RangeError('criterion weights must be non-negative numbers');
    const total = options.weights.reduce((s, x) => s + x, 0);
    if (total <= 0) throw new RangeError('criterion weights must not all be zero');
    p = options.weights.map((x) => x / total);
  }

  const values = options.normalise
    ? (() => {
        const cols = Array.from({ length: n }, (_, j) =>
          normaliseColumn(
            matrix.map((r) => r[j] as number),
            'benefit',
          ),
        );
        return matrix.map((_, i) => cols.map((c) => c[i] as number));
      })()
    : matrix.map((r) => [...r]);

  // W*: piecewise-linear through (k/n, w_1 + … + w_k), k = 0…n.
  const cumulative = [0];
  for (const x of w) cumulative.push((cumulative[cumulative.length - 1] as number) + x);
  const wStar = (x: number): number => {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    const k = Math.min(n - 1, Math.floor(x * n));
    const c0 = cumulative[k] as number;
    return c0 + ((cumulative[k + 1] as number) - c0) * (x * n - k);
  };

  const effective = values.map((row) => {
    const order = row.map((_, j) => j).sort((a, b) => (row[b] as number) - (row[a] as number) || a - b);
    const e = new Array<number>(n).fill(0);
    if (!p) order.forEach((j, k) => (e[j] = w[k] as number));
    else {
      let before = 0;
      for (const j of order) {
        const after = before + (p[j] as number);
        e[j] = wStar(after) - wStar(before);
        before = after;
      }
    }
    return e;
  });
  const scores = values.map((row, i) => row.reduce((s, v, j) => s + v * ((effective[i] as number[])[j] as number), 0));
  return {
    scores,
    ranking: rankByTotal(scores),
    orderWeights: w,
    weights: p,
    effective,
    orness: orness(w),
    dispersion: dispersion(w),
    tradeoff: tradeoff(w),
  };
}
