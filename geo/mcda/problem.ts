/**
 * The checks every weighted decision method makes of its input (TOPSIS, PROMETHEE, VIKOR, ELECTRE):
 * a non-empty matrix of finite numbers with one column per weight, criterion types ±1, and
 * non-negative weights that are not all zero. One place, so every method names a problem alike.
 */

/** A finite number (not NaN, not ±Infinity). */
export const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Checks the rows of a decision matrix: at least one, each with `n` finite values.
 * @param perWeight - say "(one per weight)" in the message, for methods whose column count comes from the weights
 * @throws RangeError naming the first bad row or value (1-based)
 */
export function checkMatrix(matrix: readonly (readonly number[])[], n: number, perWeight = true): void {
  if (matrix.length === 0) throw new RangeError('the decision matrix has no alternatives');
  matrix.forEach((row, i) => {
    if (row.length !== n)
      throw new RangeError(`alternative ${i + 1} has ${row.length} values; expected ${n}${perWeight ? ' (one per weight)' : ''}`);
    row.forEach((x, j) => {
      if (!finite(x)) throw new RangeError(`value (${i + 1}, ${j + 1}) must be a finite number, got ${x}`);
    });
  });
}

/**
 * Checks a weighted problem and returns the weights normalised to sum 1.
 * @param matrix - rows are alternatives, columns criteria
 * @param weights - one per criterion, non-negative, not all zero
 * @param types - one per criterion: 1 benefit (more is better), −1 cost
 * @param extra - further per-criterion lists the method needs (e.g. veto thresholds), checked for length
 * @throws RangeError naming the problem
 */
export function checkWeightedProblem(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
  types: readonly number[],
  extra: Readonly<Record<string, readonly unknown[]>> = {},
): number[] {
  if (matrix.length === 0) throw new RangeError('the decision matrix has no alternatives');
  const n = weights.length;
  if (n === 0) throw new RangeError('at least one criterion weight is needed');
  if (types.length !== n) throw new RangeError(`${n} weights but ${types.length} criterion types`);
  for (const [what, list] of Object.entries(extra)) if (list.length !== n) throw new RangeError(`${n} weights but ${list.length} ${what}`);
  checkMatrix(matrix, n);
  types.forEach((t, j) => {
    if (t !== 1 && t !== -1) throw new RangeError(`criterion ${j + 1} type must be 1 (benefit) or -1 (cost), got ${t}`);
  });
  if (weights.some((x) => !finite(x) || x < 0)) throw new RangeError('weights must be non-negative numbers');
  const total = weights.reduce((s, x) => s + x, 0);
  if (total <= 0) throw new RangeError('weights must not all be zero');
  return weights.map((x) => x / total);
}
