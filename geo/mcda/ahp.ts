/**
 * Analytic Hierarchy Process (Saaty): weights from a pairwise comparison matrix on the 1–9
 * scale, by the principal right eigenvector (Saaty 1980) or by the row geometric mean
 * (Crawford, G. & Williams, C. 1985, "A note on the analysis of subjective judgement matrices",
 * J. Mathematical Psychology 29, 387–405); consistency by λmax, CI and CR.
 *
 *   eigen:    A w = λmax w
 *   geomean:  w_i = (Π_j a_ij)^(1/n) / Σ_k (Π_j a_kj)^(1/n)
 *   both:     λmax = mean_i((A w)_i / w_i),  CI = (λmax − n) / (n − 1),  CR = CI / RI(n)
 *
 * CR is computed the same way for both methods, from the weights that method produced: for the
 * eigenvector, mean((A w)_i / w_i) is exactly λmax; for the geometric mean it is the usual
 * estimate of λmax from a priority vector (Saaty's "consistency vector"). The two methods agree
 * exactly on consistent matrices and for n ≤ 3 (Crawford & Williams 1985), and differ otherwise.
 *
 * RI: Saaty's random consistency index (Saaty, T.L. 1980, *The Analytic Hierarchy Process*,
 * McGraw-Hill, table 1.7; also Saaty 1987/2008). CR > 0.10 calls for revising the judgements.
 */

/** Saaty's random index RI(n) for n = 1…10 (Saaty 1980). */
export const SAATY_RI: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/** Saaty's threshold for an acceptable consistency ratio. */
export const CR_THRESHOLD = 0.1;

/** How the weights are derived from the judgements. */
export type AhpMethod = 'eigen' | 'geomean';

/** The methods, for option lists and validation. */
export const AHP_METHODS: readonly AhpMethod[] = ['eigen', 'geomean'];

/**
 * Relative tolerance on judgements, at the ends of Saaty's scale and in the reciprocity check
 * a_ij · a_ji = 1. 2.5 % accepts values written with rounding: three decimals of any fraction
 * (0.111111 or 0.111 for 1/9, 0.333 for 1/3, 0.143 for 1/7) and two decimals of 1/3, 1/7, 1/9
 * (0.33, 0.14, 0.11; 0.14 is 2 % below 1/7). Values are used as given, not snapped to a fraction.
 */
export const JUDGEMENT_TOLERANCE = 0.025;

export interface AhpResult {
  /** Which derivation produced `weights` (default `eigen`). */
  method: AhpMethod;
  weights: number[];
  lambdaMax: number;
  ci: number;
  /** Consistency ratio; 0 for n ≤ 2 (always consistent). */
  cr: number;
  consistent: boolean;
  /**
   * The judgement furthest from what the weights imply: a[i][j] against w[i]/w[j]
   * (ratio ≥ 1 either way). Null for n ≤ 2.
   */
  mostInconsistent: { i: number; j: number; given: number; implied: number; ratio: number } | null;
}

/** Checks a comparison matrix; returns the first problem found or null. */
export function pairwiseProblem(a: readonly (readonly number[])[]): string | null {
  const n = a.length;
  if (n === 0) return 'the matrix is empty';
  if (n > SAATY_RI.length)
    return `at most ${SAATY_RI.length} criteria can be compared (Saaty's random index is tabulated to n = ${SAATY_RI.length}), got ${n}`;
  for (let i = 0; i < n; i++) {
    const row = a[i];
    if (!row || row.length !== n) return `row ${i + 1} has ${row?.length ?? 0} values; the matrix must be ${n}×${n}`;
    for (let j = 0; j < n; j++) {
      const v = row[j] as number;
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
        return `entry (${i + 1}, ${j + 1}) must be a positive number, got ${String(v)}`;
      if (v < (1 / 9) * (1 - JUDGEMENT_TOLERANCE) || v > 9 * (1 + JUDGEMENT_TOLERANCE))
        return `entry (${i + 1}, ${j + 1}) = ${v} is outside Saaty's scale 1/9…9`;
    }
    if (Math.abs((row[i] as number) - 1) > 1e-9) return `diagonal entry (${i + 1}, ${i + 1}) must be 1, got ${row[i]}`;
  }
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const aij = a[i]?.[j] as number;
      const aji = a[j]?.[i] as number;
      if (Math.abs(aij * aji - 1) > JUDGEMENT_TOLERANCE)
        return `entries (${i + 1}, ${j + 1}) = ${aij} and (${j + 1}, ${i + 1}) = ${aji} are not reciprocal`;
    }
  return null;
}

/** Principal right eigenvector by power iteration (A is positive, so it converges: Perron–Frobenius). */
function eigenWeights(a: readonly (readonly number[])[]): number[] {
  const n = a.length;
  let w = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 10_000; iter++) {
    const next = a.map((row) => row.reduce((s, v, j) => s + v * (w[j] as number), 0));
    const sum = next.reduce((s, v) => s + v, 0);
    const normalised = next.map((v) => v / sum);
    const delta = normalised.reduce((m, v, i) => Math.max(m, Math.abs(v - (w[i] as number))), 0);
    w = normalised;
    if (delta < 1e-14) break;
  }
  return w;
}

/** Row geometric means, normalised to sum 1 (logarithms avoid overflow for large n). */
function geomeanWeights(a: readonly (readonly number[])[]): number[] {
  const n = a.length;
  const g = a.map((row) => Math.exp(row.reduce((s, v) => s + Math.log(v), 0) / n));
  const sum = g.reduce((s, v) => s + v, 0);
  return g.map((v) => v / sum);
}

/**
 * AHP weights and consistency.
 * @param a - n×n positive reciprocal matrix of judgements on Saaty's 1/9…9 scale (within {@link JUDGEMENT_TOLERANCE})
 * @param options - `method`: `eigen` (default, principal eigenvector) or `geomean` (row geometric mean)
 * @throws RangeError naming the problem for a matrix that is not square, reciprocal, positive and on the 1/9…9 scale,
 *   or for an unknown method
 */
export function ahp(a: readonly (readonly number[])[], options: { method?: AhpMethod } = {}): AhpResult {
  const method = options.method ?? 'eigen';
  if (!AHP_METHODS.includes(method)) throw new RangeError(`AHP method must be eigen or geomean, got "${String(method)}"`);
  const problem = pairwiseProblem(a);
  if (problem) throw new RangeError(problem);
  const n = a.length;
  const w = method === 'eigen' ? eigenWeights(a) : geomeanWeights(a);
  const aw = a.map((row) => row.reduce((s, v, j) => s + v * (w[j] as number), 0));
  const lambdaMax = aw.reduce((s, v, i) => s + v / (w[i] as number), 0) / n;
  const ci = n > 1 ? (lambdaMax - n) / (n - 1) : 0;
  const ri = SAATY_RI[n - 1] as number;
  const cr = ri > 0 ? ci / ri : 0;
  let mostInconsistent: AhpResult['mostInconsistent'] = null;
  if (n > 2) {
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const given = a[i]?.[j] as number;
        const implied = (w[i] as number) / (w[j] as number);
        const ratio = Math.max(given / implied, implied / given);
        if (!mostInconsistent || ratio > mostInconsistent.ratio) mostInconsistent = { i, j, given, implied, ratio };
      }
  }
  return { method, weights: w, lambdaMax, ci, cr, consistent: cr <= CR_THRESHOLD, mostInconsistent };
}
