/**
 * Analytic Hierarchy Process (Saaty): weights from a pairwise comparison matrix on the 1–9
 * scale, by the principal right eigenvector; consistency by λmax, CI and CR.
 *
 *   A w = λmax w,   CI = (λmax − n) / (n − 1),   CR = CI / RI(n)
 *
 * RI: Saaty's random consistency index (Saaty, T.L. 1980, *The Analytic Hierarchy Process*,
 * McGraw-Hill, table 1.7; also Saaty 1987/2008). CR > 0.10 calls for revising the judgements.
 */

/** Saaty's random index RI(n) for n = 1…10 (Saaty 1980). */
export const SAATY_RI: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/** Saaty's threshold for an acceptable consistency ratio. */
export const CR_THRESHOLD = 0.1;

export interface AhpResult {
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
      if (v < 1 / 9 - 1e-9 || v > 9 + 1e-9) return `entry (${i + 1}, ${j + 1}) = ${v} is outside Saaty's scale 1/9…9`;
    }
    if (Math.abs((row[i] as number) - 1) > 1e-9) return `diagonal entry (${i + 1}, ${i + 1}) must be 1, got ${row[i]}`;
  }
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const aij = a[i]?.[j] as number;
      const aji = a[j]?.[i] as number;
      // 1% tolerance accepts judgements written with rounding (0.333 for 1/3).
      if (Math.abs(aij * aji - 1) > 0.01)
        return `entries (${i + 1}, ${j + 1}) = ${aij} and (${j + 1}, ${i + 1}) = ${aji} are not reciprocal`;
    }
  return null;
}

/**
 * AHP weights and consistency.
 * @throws RangeError naming the problem for a matrix that is not square, reciprocal, positive and on the 1/9…9 scale
 */
export function ahp(a: readonly (readonly number[])[]): AhpResult {
  const problem = pairwiseProblem(a);
  if (problem) throw new RangeError(problem);
  const n = a.length;
  // Power iteration for the principal eigenvector (A is positive, so it converges: Perron–Frobenius).
  let w = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 10_000; iter++) {
    const next = a.map((row) => row.reduce((s, v, j) => s + v * (w[j] as number), 0));
    const sum = next.reduce((s, v) => s + v, 0);
    const normalised = next.map((v) => v / sum);
    const delta = normalised.reduce((m, v, i) => Math.max(m, Math.abs(v - (w[i] as number))), 0);
    w = normalised;
    if (delta < 1e-14) break;
  }
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
  return { weights: w, lambdaMax, ci, cr, consistent: cr <= CR_THRESHOLD, mostInconsistent };
}
