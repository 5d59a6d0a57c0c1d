/**
 * Criterion weights from a ranking or from swing points; every function returns weights that sum
 * to 1, in the order the criteria were given.
 *
 * Rank-order weights, for n criteria ranked 1 (most important) … n (Stillwell, W.G., Seaver, D.A.
 * & Edwards, W. 1981, "A comparison of weight approximation techniques in multiattribute utility
 * decision making", Organizational Behavior and Human Performance 28, 62–77; Barron, F.H. &
 * Barrett, B.E. 1996, "Decision quality using ranked attribute weights", Management Science 42(11),
 * 1515–1523):
 * - rank sum:          w_k = 2 (n + 1 − k) / (n (n + 1))
 * - rank reciprocal:   w_k = (1/k) / Σ_i (1/i)
 * - rank-order centroid (ROC, Barron & Barrett 1996): w_k = (1/n) Σ_{i=k..n} 1/i
 *
 * Ties: criteria may share a rank (1, 1, 3 or 1, 1, 2 — only the order matters). Tied criteria share
 * equally the weights of the positions they jointly occupy, so the result does not depend on how the
 * tie is broken and still sums to 1.
 *
 * Swing weighting (SMART/SMARTS, Edwards, W. & Barron, F.H. 1994, "SMARTS and SMARTER: Improved
 * simple methods for multiattribute utility measurement", Organizational Behavior and Human Decision
 * Processes 60, 306–325): the swing from worst to best on the most important criterion scores 100,
 * every other swing 0 … 100 relative to it; w_j = points_j / Σ points.
 */

export type RankWeighting = 'rank-sum' | 'rank-reciprocal' | 'rank-order-centroid';

export const RANK_WEIGHTINGS: readonly RankWeighting[] = ['rank-sum', 'rank-reciprocal', 'rank-order-centroid'];

/** Weights of positions 1…n (most important first) for a method, summing to 1. */
export function positionWeights(n: number, method: RankWeighting): number[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`the number of criteria must be a positive integer, got ${n}`);
  const k = Array.from({ length: n }, (_, i) => i + 1);
  switch (method) {
    case 'rank-sum':
      return k.map((r) => (2 * (n + 1 - r)) / (n * (n + 1)));
    case 'rank-reciprocal': {
      const h = k.reduce((s, r) => s + 1 / r, 0);
      return k.map((r) => 1 / r / h);
    }
    case 'rank-order-centroid':
      return k.map((r) => k.slice(r - 1).reduce((s, i) => s + 1 / i, 0) / n);
    default:
      throw new RangeError(`rank weighting must be rank-sum, rank-reciprocal or rank-order-centroid, got "${String(method)}"`);
  }
}

/**
 * Weights from a ranking of the criteria.
 * @param ranks - one rank per criterion, 1 = most important; positive integers, ties allowed
 * @returns one weight per criterion, in the given order, summing to 1
 * @throws RangeError for an empty list, a rank that is not a positive integer, or an unknown method
 */
export function rankWeights(ranks: readonly number[], method: RankWeighting): number[] {
  const n = ranks.length;
  if (n === 0) throw new RangeError('at least one criterion must be ranked');
  ranks.forEach((r, j) => {
    if (!Number.isInteger(r) || r < 1)
      throw new RangeError(`criterion ${j + 1} rank must be a positive integer (1 = most important), got ${r}`);
  });
  const positions = positionWeights(n, method);
  const order = ranks.map((_, j) => j).sort((a, b) => (ranks[a] as number) - (ranks[b] as number) || a - b);
  const w = new Array<number>(n).fill(0);
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && ranks[order[end + 1] as number] === ranks[order[start] as number]) end++;
    const share = positions.slice(start, end + 1).reduce((s, x) => s + x, 0) / (end - start + 1);
    for (let p = start; p <= end; p++) w[order[p] as number] = share;
    start = end + 1;
  }
  return w;
}

/**
 * Swing (SMART) weights.
 * @param points - one per criterion: 100 for the most important swing (at least one), others in 0…100
 * @returns points / Σ points, summing to 1
 * @throws RangeError when no swing scores 100, or a point is outside 0…100
 */
export function swingWeights(points: readonly number[]): number[] {
  if (points.length === 0) throw new RangeError('at least one swing is needed');
  points.forEach((p, j) => {
    if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 100)
      throw new RangeError(`criterion ${j + 1} swing must be 0…100 points, got ${p}`);
  });
  if (!points.includes(100))
    throw new RangeError(`the most important swing must score 100 (the others relative to it), got a maximum of ${Math.max(...points)}`);
  const total = points.reduce((s, p) => s + p, 0);
  return points.map((p) => p / total);
}
