/**
 * Target site: "find parks like this one". Alternatives are ranked by their distance to a chosen
 * alternative (the target) over chosen criteria, and each carries the criteria on which it differs
 * most from the target.
 *
 * Distance (the definition used here): each criterion is min–max normalised over the alternatives,
 * z_ij = (x_ij − min_j)/(max_j − min_j) (a criterion on which all known values are equal gives
 * z = 0 for everyone and so never separates anyone), and
 *
 *   d(a, t) = √( Σ_j w_j (z_aj − z_tj)² / Σ_j w_j ),   the sums over criteria known for both a and t,
 *
 * a weighted Euclidean distance in [0, 1]: 0 for a twin, 1 for an alternative at the opposite end of
 * every criterion. Direction (benefit or cost) does not matter: being like the target is the aim.
 * Weights default to equal. Because the ranges come from the candidate set, adding or removing
 * candidates changes the distances (the same caveat as candidate-set normalisation in
 * value-functions.ts).
 */

import { finite } from './problem.ts';

export interface CriterionDifference {
  /** Criterion index (into the matrix columns). */
  criterion: number;
  /** z_a − z_t: positive when the alternative has more of it than the target, in normalised units (−1…1). */
  normalised: number;
  /** x_a − x_t in the criterion's own unit. */
  raw: number;
  /** w_j (z_a − z_t)² / Σ w over the compared criteria: the contributions add up to distance². */
  contribution: number;
}

export interface SimilarAlternative {
  index: number;
  /** Distance to the target in [0, 1]; null when no chosen criterion is known for both. */
  distance: number | null;
  /** Criteria known for both, largest contribution first. */
  differences: CriterionDifference[];
  /** How many chosen criteria were known for both (the distance uses only these). */
  compared: number;
}

export interface SimilarityResult {
  target: number;
  criteria: number[];
  /** Weights as used, one per chosen criterion, normalised to sum 1. */
  weights: number[];
  /** Every alternative except the target, nearest first; unknown distances last; ties keep input order. */
  ranking: SimilarAlternative[];
}

/**
 * @param matrix - rows are alternatives, columns criteria, raw values in each criterion's unit; null for unknown
 * @param target - row index of the alternative to resemble
 * @param options - `criteria`: column indexes to compare (default all); `weights`: one per chosen criterion,
 *   non-negative, not all zero (default equal)
 * @throws RangeError for a bad target, criterion index or weights
 */
export function similarTo(
  matrix: readonly (readonly (number | null)[])[],
  target: number,
  options: { criteria?: readonly number[]; weights?: readonly number[] } = {},
): SimilarityResult {
  const m = matrix.length;
  if (m === 0) throw new RangeError('the decision matrix has no alternatives');
  const n = (matrix[0] as readonly (number | null)[]).length;
  matrix.forEach((row, i) => {
    if (row.length !== n) throw new RangeError(`alternative ${i + 1} has ${row.length} values; expected ${n}`);
  });
  if (!Number.isInteger(target) || target < 0 || target >= m)
    throw new RangeError(`the target must be a row index 0…${m - 1}, got ${target}`);
  const criteria = options.criteria ? [...options.criteria] : Array.from({ length: n }, (_, j) => j);
  if (criteria.length === 0) throw new RangeError('choose at least one criterion to compare');
  criteria.forEach((j) => {
    if (!Number.isInteger(j) || j < 0 || j >= n) throw new RangeError(`criterion index must be 0…${n - 1}, got ${j}`);
  });
  if (new Set(criteria).size !== criteria.length) throw new RangeError('a criterion is chosen twice');
  const raw = options.weights ?? criteria.map(() => 1);
  if (raw.length !== criteria.length) throw new RangeError(`${raw.length} weights for ${criteria.length} chosen criteria`);
  if (raw.some((w) => !finite(w) || w < 0)) throw new RangeError('weights must be non-negative numbers');
  const total = raw.reduce((s, w) => s + w, 0);
  if (total <= 0) throw new RangeError('weights must not all be zero');
  const weights = raw.map((w) => w / total);

  const z = criteria.map((j) => {
    const col = matrix.map((r) => r[j] ?? null);
    const known = col.filter(finite);
    const lo = known.length ? Math.min(...known) : 0;
    const span = known.length ? Math.max(...known) - lo : 0;
    return col.map((x) => (finite(x) ? (span > 0 ? (x - lo) / span : 0) : null));
  });
  const t = matrix[target] as readonly (number | null)[];
  const ranking: SimilarAlternative[] = [];
  for (let a = 0; a < m; a++) {
    if (a === target) continue;
    const row = matrix[a] as readonly (number | null)[];
    const differences: CriterionDifference[] = [];
    let wKnown = 0;
    criteria.forEach((j, k) => {
      const za = (z[k] as (number | null)[])[a];
      const zt = (z[k] as (number | null)[])[target];
      if (za === null || za === undefined || zt === null || zt === undefined) return;
      wKnown += weights[k] as number;
      differences.push({
        criterion: j,
        normalised: za - zt,
        raw: (row[j] as number) - (t[j] as number),
        contribution: (weights[k] as number) * (za - zt) ** 2,
      });
    });
    const distance = wKnown > 0 ? Math.sqrt(differences.reduce((s, d) => s + d.contribution, 0) / wKnown) : null;
    // Contributions are reported relative to the weights of the criteria actually compared.
    if (wKnown > 0) for (const d of differences) d.contribution /= wKnown;
    differences.sort((x, y) => y.contribution - x.contribution || x.criterion - y.criterion);
    ranking.push({ index: a, distance, differences, compared: differences.length });
  }
  ranking.sort((x, y) => (x.distance ?? Infinity) - (y.distance ?? Infinity) || x.index - y.index);
  return { target, criteria, weights, ranking };
}
