/**
 * PROMETHEE II (Brans, J.P. & Vincke, Ph. 1985, "A preference ranking organisation method (the
 * PROMETHEE method for multiple criteria decision-making)", Management Science 31(6), 647–656;
 * Brans, J.P. & Mareschal, B. 2005, "PROMETHEE methods", in Figueira, Greco & Ehrgott (eds)
 * *Multiple Criteria Decision Analysis: State of the Art Surveys*, Springer, 163–195).
 *
 * For each criterion j and ordered pair (a, b), d_j = g_j(a) − g_j(b) (the raw values, negated for
 * a cost criterion) in the criterion's own unit, and the preference degree P_j(a, b) = F_j(d_j):
 *
 * | function   | parameters | F(d)                                                         | Brans & Vincke type |
 * | ---------- | ---------- | ------------------------------------------------------------ | ------------------- |
 * | `usual`    | –          | 0 if d ≤ 0, else 1                                           | I                   |
 * | `u-shape`  | q          | 0 if d ≤ q, else 1                                           | II (quasi-criterion)|
 * | `v-shape`  | p          | 0 if d ≤ 0, d/p if 0 < d ≤ p, else 1                         | III                 |
 * | `level`    | q < p      | 0 if d ≤ q, ½ if q < d ≤ p, else 1                           | IV                  |
 * | `linear`   | q < p      | 0 if d ≤ q, (d − q)/(p − q) if q < d ≤ p, else 1             | V                   |
 * | `gaussian` | s          | 0 if d ≤ 0, else 1 − exp(−d²/(2s²))                           | VI                  |
 *
 * q (indifference), p (preference) and s are in the criterion's unit. With weights w normalised to
 * sum 1: π(a, b) = Σ_j w_j P_j(a, b); over the m alternatives the leaving flow
 * φ⁺(a) = Σ_x π(a, x)/(m − 1), the entering flow φ⁻(a) = Σ_x π(x, a)/(m − 1) and the net flow
 * φ = φ⁺ − φ⁻ ∈ [−1, 1]; PROMETHEE II ranks by φ, highest first. With one alternative every flow is 0.
 */
import { checkWeightedProblem } from './problem.ts';
import { rankByTotal } from './wsm.ts';

export type PreferenceFunction =
  | { type: 'usual' }
  | { type: 'u-shape'; q: number }
  | { type: 'v-shape'; p: number }
  | { type: 'level'; q: number; p: number }
  | { type: 'linear'; q: number; p: number }
  | { type: 'gaussian'; s: number };

export type PreferenceFunctionType = PreferenceFunction['type'];

export const PREFERENCE_FUNCTION_TYPES: readonly PreferenceFunctionType[] = ['usual', 'u-shape', 'v-shape', 'level', 'linear', 'gaussian'];

import { finite } from './problem.ts';

/** The first problem with a preference function's thresholds, or null. */
export function preferenceFunctionProblem(f: PreferenceFunction): string | null {
  switch (f.type) {
    case 'usual':
      return null;
    case 'u-shape':
      return finite(f.q) && f.q >= 0 ? null : `u-shape needs an indifference threshold q ≥ 0, got ${f.q}`;
    case 'v-shape':
      return finite(f.p) && f.p > 0 ? null : `v-shape needs a preference threshold p > 0, got ${f.p}`;
    case 'level':
    case 'linear':
      if (!finite(f.q) || f.q < 0) return `${f.type} needs an indifference threshold q ≥ 0, got ${f.q}`;
      if (!finite(f.p) || !(f.p > f.q)) return `${f.type} needs a preference threshold p > q, got q ${f.q} and p ${f.p}`;
      return null;
    case 'gaussian':
      return finite(f.s) && f.s > 0 ? null : `gaussian needs s > 0, got ${f.s}`;
    default:
      return `unknown preference function "${String((f as { type: unknown }).type)}"`;
  }
}

/** The preference degree F(d) in [0, 1] for a difference d (criterion units, already oriented so more is better). */
export function preferenceDegree(f: PreferenceFunction, d: number): number {
  switch (f.type) {
    case 'usual':
      return d > 0 ? 1 : 0;
    case 'u-shape':
      return d > f.q ? 1 : 0;
    case 'v-shape':
      return d <= 0 ? 0 : d >= f.p ? 1 : d / f.p;
    case 'level':
      return d <= f.q ? 0 : d <= f.p ? 0.5 : 1;
    case 'linear':
      return d <= f.q ? 0 : d >= f.p ? 1 : (d - f.q) / (f.p - f.q);
    case 'gaussian':
      return d <= 0 ? 0 : 1 - Math.exp(-(d * d) / (2 * f.s * f.s));
  }
}

export interface PrometheeResult {
  phiPlus: number[];
  phiMinus: number[];
  phi: number[];
  /** Alternative indexes by net flow, best first (ties keep input order). */
  ranking: number[];
  /** pi[a][b]: the aggregated preference of a over b (0 on the diagonal). */
  pi: number[][];
  /** Weights as used (normalised to sum 1). */
  weights: number[];
}

/**
 * @param matrix - rows are alternatives, columns criteria; finite raw values in each criterion's unit
 * @param weights - one per criterion, non-negative, not all zero
 * @param types - 1 benefit (more is better), −1 cost
 * @param functions - one preference function per criterion, thresholds in that criterion's unit
 * @throws RangeError naming the problem
 */
export function promethee(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
  types: readonly number[],
  functions: readonly PreferenceFunction[],
): PrometheeResult {
  const m = matrix.length;
  const n = weights.length;
  const w = checkWeightedProblem(matrix, weights, types, { 'preference functions': functions });
  functions.forEach((f, j) => {
    const problem = preferenceFunctionProblem(f);
    if (problem) throw new RangeError(`criterion ${j + 1}: ${problem}`);
  });

  const pi = matrix.map((a, i) =>
    matrix.map((b, k) => {
      if (i === k) return 0;
      let s = 0;
      for (let j = 0; j < n; j++)
        s +=
          (w[j] as number) *
          preferenceDegree(functions[j] as PreferenceFunction, (types[j] as number) * ((a[j] as number) - (b[j] as number)));
      return s;
    }),
  );
  const scale = m > 1 ? 1 / (m - 1) : 0;
  const phiPlus = pi.map((row) => row.reduce((s, v) => s + v, 0) * scale);
  const phiMinus = pi.map((_, i) => pi.reduce((s, row) => s + (row[i] as number), 0) * scale);
  const phi = phiPlus.map((p, i) => p - (phiMinus[i] as number));
  return { phiPlus, phiMinus, phi, ranking: rankByTotal(phi), pi, weights: w };
}
