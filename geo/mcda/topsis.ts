/**
 * TOPSIS (Hwang & Yoon 1981, *Multiple Attribute Decision Making*, Springer): rank alternatives
 * by relative closeness to the ideal solution.
 *
 *   r_ij = x_ij / √(Σ_i x_ij²)                      (vector normalisation)
 *   v_ij = w_j r_ij                                   (weights normalised to sum 1)
 *   A⁺_j = max_i v_ij for benefit, min_i for cost;    A⁻_j the opposite
 *   S⁺_i = ‖v_i − A⁺‖,  S⁻_i = ‖v_i − A⁻‖,  C_i = S⁻_i / (S⁺_i + S⁻_i)
 */
import { checkWeightedProblem } from './problem.ts';

export interface TopsisResult {
  closeness: number[];
  /** Alternative indexes, best first (ties keep input order). */
  ranking: number[];
  /** Weights as used (normalised to sum 1). */
  weights: number[];
}

/**
 * @param matrix - rows are alternatives, columns criteria; finite numbers
 * @param weights - one per criterion, non-negative, not all zero
 * @param types - 1 for a benefit criterion (more is better), -1 for a cost criterion
 * @throws RangeError naming the problem
 */
export function topsis(matrix: readonly (readonly number[])[], weights: readonly number[], types: readonly number[]): TopsisResult {
  const w = checkWeightedProblem(matrix, weights, types);
  const norms = w.map((_, j) => Math.sqrt(matrix.reduce((s, row) => s + (row[j] as number) ** 2, 0)));
  norms.forEach((norm, j) => {
    if (norm === 0) throw new RangeError(`criterion ${j + 1} is zero for every alternative and cannot be normalised`);
  });
  const v = matrix.map((row) => row.map((x, j) => ((w[j] as number) * x) / (norms[j] as number)));
  const best = w.map((_, j) => (types[j] === 1 ? Math.max(...v.map((r) => r[j] as number)) : Math.min(...v.map((r) => r[j] as number))));
  const worst = w.map((_, j) => (types[j] === 1 ? Math.min(...v.map((r) => r[j] as number)) : Math.max(...v.map((r) => r[j] as number))));
  const closeness = v.map((row) => {
    const sPlus = Math.sqrt(row.reduce((s, x, j) => s + (x - (best[j] as number)) ** 2, 0));
    const sMinus = Math.sqrt(row.reduce((s, x, j) => s + (x - (worst[j] as number)) ** 2, 0));
    return sPlus + sMinus === 0 ? 1 : sMinus / (sPlus + sMinus);
  });
  const ranking = closeness.map((_, i) => i).sort((a, b) => (closeness[b] as number) - (closeness[a] as number) || a - b);
  return { closeness, ranking, weights: w };
}
