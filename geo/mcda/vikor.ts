/**
 * VIKOR (Opricovic, S. & Tzeng, G.-H. 2004, "Compromise solution by MCDM methods: A comparative
 * analysis of VIKOR and TOPSIS", European J. Operational Research 156(2), 445–455; 2007,
 * "Extended VIKOR method in comparison with outranking methods", EJOR 178(2), 514–529).
 *
 * With f*_j the best and f⁻_j the worst value of criterion j over the alternatives (max and min for
 * a benefit criterion, the reverse for a cost), and weights w normalised to sum 1:
 *
 *   S_i = Σ_j w_j (f*_j − f_ij)/(f*_j − f⁻_j)      group utility (lower is better)
 *   R_i = max_j w_j (f*_j − f_ij)/(f*_j − f⁻_j)    individual regret (lower is better)
 *   Q_i = v (S_i − S*)/(S⁻ − S*) + (1 − v)(R_i − R*)/(R⁻ − R*),   S* = min S, S⁻ = max S, likewise R
 *
 * v (default 0.5, "by consensus") weighs the strategy of the majority of criteria against the
 * regret. A criterion on which all alternatives are equal contributes 0 to S and R, and a term of
 * Q whose range is 0 (every S, or every R, equal) contributes 0: that avoids 0/0 and matches the
 * idea that a criterion that does not discriminate cannot favour anyone.
 *
 * Ranking by Q, lowest first. With a′ and a″ the first and second by Q and m alternatives:
 * - C1, acceptable advantage: Q(a″) − Q(a′) ≥ DQ, DQ = 1/(m − 1);
 * - C2, acceptable stability in decision making: a′ is also best (lowest, ties allowed) by S or by R.
 * The compromise set is {a′} when both hold; {a′, a″} when only C2 fails; and when C1 fails, a′ and
 * every next alternative a(k) by Q with Q(a(k)) − Q(a′) < DQ (Opricovic & Tzeng 2004, section 3).
 */

import { checkWeightedProblem } from './problem.ts';
import { finite } from './problem.ts';

export interface VikorResult {
  S: number[];
  R: number[];
  Q: number[];
  /** Alternative indexes by Q, best (lowest) first; ties keep input order. */
  ranking: number[];
  conditions: {
    /** C1: Q(a″) − Q(a′) ≥ DQ (true when there is a single alternative). */
    acceptableAdvantage: boolean;
    /** C2: the best by Q is also best by S or by R. */
    acceptableStability: boolean;
    /** DQ = 1/(m − 1); 0 for a single alternative. */
    dq: number;
  };
  /** The compromise solution(s), alternative indexes in ranking order. */
  compromise: number[];
  /** Weights as used (normalised to sum 1). */
  weights: number[];
  v: number;
}

/** Indexes by ascending value; ties keep input order. */
const ascending = (values: readonly number[]) =>
  values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);

/**
 * @param matrix - rows are alternatives, columns criteria; finite raw values in each criterion's unit
 * @param weights - one per criterion, non-negative, not all zero
 * @param types - 1 benefit (more is better), −1 cost
 * @param options - `v` in [0, 1], default 0.5
 * @throws RangeError naming the problem
 */
export function vikor(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
  types: readonly number[],
  options: { v?: number } = {},
): VikorResult {
  const v = options.v ?? 0.5;
  if (!finite(v) || v < 0 || v > 1) throw new RangeError(`v must lie in 0…1, got ${v}`);
  const m = matrix.length;
  const w = checkWeightedProblem(matrix, weights, types);

  const best = w.map((_, j) => {
    const col = matrix.map((r) => r[j] as number);
    return types[j] === 1 ? Math.max(...col) : Math.min(...col);
  });
  const worst = w.map((_, j) => {
    const col = matrix.map((r) => r[j] as number);
    return types[j] === 1 ? Math.min(...col) : Math.max(...col);
  });
  const regrets = matrix.map((row) =>
    row.map((x, j) => {
      const span = (best[j] as number) - (worst[j] as number);
      // The share of the span first, then the weight: w·(f* − x) could underflow to a subnormal
      // number with too few digits left and come out above w (found with values near 1e-305).
      return span === 0 ? 0 : (w[j] as number) * Math.min(1, Math.max(0, ((best[j] as number) - x) / span));
    }),
  );
  const S = regrets.map((r) => r.reduce((s, x) => s + x, 0));
  const R = regrets.map((r) => r.reduce((s, x) => Math.max(s, x), 0));
  const sBest = Math.min(...S);
  const sWorst = Math.max(...S);
  const rBest = Math.min(...R);
  const rWorst = Math.max(...R);
  const Q = S.map((s, i) => {
    const qs = sWorst === sBest ? 0 : (s - sBest) / (sWorst - sBest);
    const qr = rWorst === rBest ? 0 : ((R[i] as number) - rBest) / (rWorst - rBest);
    return v * qs + (1 - v) * qr;
  });

  const ranking = ascending(Q);
  const first = ranking[0] as number;
  const dq = m > 1 ? 1 / (m - 1) : 0;
  const acceptableAdvantage = m === 1 || (Q[ranking[1] as number] as number) - (Q[first] as number) >= dq;
  const acceptableStability = (S[first] as number) === sBest || (R[first] as number) === rBest;
  let compromise: number[];
  if (!acceptableAdvantage) compromise = ranking.filter((i) => (Q[i] as number) - (Q[first] as number) < dq);
  else if (!acceptableStability) compromise = ranking.slice(0, 2);
  else compromise = [first];
  return { S, R, Q, ranking, conditions: { acceptableAdvantage, acceptableStability, dq }, compromise, weights: w, v };
}
