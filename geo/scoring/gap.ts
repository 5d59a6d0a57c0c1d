/**
 * Combined gap analysis: the smallest combined change across criteria that lifts one candidate to
 * rank k under the weighted sum, where each criterion's change costs the user's effort per unit of
 * the criterion's own unit (minutes, parks, persons, levels, match), and some criteria cannot
 * change at all.
 *
 * The model. With min–max normalisation (or a linear value function with fixed bounds) a
 * candidate's score on a criterion is linear in its raw value as long as the normalisation bounds
 * do not move. The candidate's value may move toward the best value observed among the others
 * (never past it, as in "what would move us up"), which keeps the bounds where the others put
 * them. One case moves them: a candidate that is the worst on a criterion defines that end, and
 * while it stays the worst its own score stays 0 and only the others' scores shrink — a gain that
 * comes from rescaling, not from being better. Such a criterion either stays as it is or jumps
 * to the worst value of the others (the bounds then become the others', computed exactly) and
 * moves on linearly from there. Discrete criteria (industry match, prefecture focus, park level)
 * take their levels, each combination scored exactly.
 *
 * For each combination of levels and jumps (a *regime*) the rivals' totals are fixed and the
 * candidate's total grows linearly, so reaching rank k is one linear constraint:
 *
 *     minimise Σ_j e_j δ_j   subject to   Σ_j g_j δ_j ≥ G,   0 ≤ δ_j ≤ u_j
 *
 * with e_j the effort per unit, g_j the points per unit (100 · w_j / span_j), G the gap to the
 * rival now at rank k, u_j the room to the best value. Its LP optimum is the greedy fill by g_j/e_j
 * (the continuous knapsack, Dantzig 1957); in whole units (1 minute, park, person or level; 0.01 of a
 * match or a custom criterion's unit) it is solved exactly by branch and bound on that LP. The
 * cheapest regime wins; the answer is checked by ranking again with the changed values.
 */
import { normaliseColumn } from '../mcda/wsm.ts';
import { scoreColumn } from '../mcda/value-functions.ts';
import type { EnterpriseProfile } from './criteria.ts';
import {
  CRITERION_LEVELS,
  rankingCriteria,
  scoreCandidates,
  type CandidateFacts,
  type CriterionKey,
  type PlanFocus,
  type RankedCandidate,
  type ScoreOptions,
} from './score.ts';

export interface GapOptions {
  /** The rank to reach (1 = first). */
  target: number;
  /** Effort per unit of each criterion's own unit; default 100 ÷ the criterion's observed range (100 = crossing it). */
  effort?: Readonly<Partial<Record<CriterionKey, number>>>;
  /** Criteria that cannot change. */
  fixed?: readonly CriterionKey[];
}

export interface GapChange {
  criterion: CriterionKey;
  unit: string;
  from: number;
  to: number;
  /** to − from in the criterion's unit (negative for fewer minutes). */
  change: number;
  /** Effort spent on this criterion. */
  effort: number;
}

export interface GapResult {
  id: string;
  rank: number | null;
  target: number;
  /** Ranked candidates in all. */
  of: number;
  /** `done`: already at or above the target; `found`: the changes below do it; `impossible`: no allowed change does; `excluded`: a hard limit excludes it. */
  status: 'done' | 'found' | 'impossible' | 'excluded';
  /** Total effort of the changes (0 when done), null when impossible or excluded. */
  effort: number | null;
  changes: GapChange[];
  /** Rank after the changes, ranked again by scoreCandidates. */
  confirmedRank: number | null;
  /** Effort per unit used for each criterion that could change. */
  effortPerUnit: Partial<Record<CriterionKey, number>>;
  fixed: CriterionKey[];
  unknown: CriterionKey[];
  /** Criteria whose value function is not linear (no single direction to move), left as they are. */
  notSearched: CriterionKey[];
}

/** Step of a criterion in whole units: 0.01 for a match or a custom criterion, else 1. */
export function gapStep(id: CriterionKey, unit: string): number {
  return unit === 'match' || id.startsWith('custom-') ? 0.01 : 1;
}

/** A continuous item of one regime: steps of `q`, gaining `a` points and costing `c` each, at most `n`. */
interface Item {
  j: number;
  a: number;
  c: number;
  n: number;
  q: number;
}

/**
 * Smallest-cost whole numbers of steps with Σ a_j n_j ≥ need, 0 ≤ n_j ≤ N_j: branch and bound on
 * the LP relaxation (greedy by a/c), branching on its one fractional item.
 *
 * @returns steps per item and their cost, or null when even every item at its bound falls short
 */
export function coverCheapest(items: readonly Item[], need: number): { steps: number[]; cost: number } | null {
  const order = items
    .map((_, k) => k)
    .sort((x, y) => (items[y] as Item).a / (items[y] as Item).c - (items[x] as Item).a / (items[x] as Item).c || x - y);
  let best: { steps: number[]; cost: number } | null = null;
  const lo = items.map(() => 0);
  const hi = items.map((it) => it.n);
  const solve = (depth: number) => {
    if (depth > 200) return; // a safeguard; each branch shrinks a finite box, so this is never reached in practice
    // The LP with bounds: every item at its lower bound, then fill the best ratios.
    const x = lo.slice();
    let gained = 0;
    let cost = 0;
    items.forEach((it, k) => {
      gained += it.a * (lo[k] as number);
      cost += it.c * (lo[k] as number);
    });
    let fractional = -1;
    for (const k of order) {
      if (gained >= need - 1e-9) break;
      const it = items[k] as Item;
      const room = (hi[k] as number) - (lo[k] as number);
      if (room <= 0) continue;
      const want = (need - gained) / it.a;
      const take = Math.min(room, want);
      x[k] = (lo[k] as number) + take;
      gained += it.a * take;
      cost += it.c * take;
      if (take < room && Math.abs(take - Math.round(take)) > 1e-9) fractional = k;
    }
    if (gained < need - 1e-9) return; // infeasible in this box
    if (best && cost >= best.cost - 1e-12) return; // cannot beat the best whole solution
    if (fractional < 0) {
      const steps = x.map((v) => Math.round(v));
      best = { steps, cost: steps.reduce((s, v, k) => s + v * (items[k] as Item).c, 0) };
      return;
    }
    const v = x[fractional] as number;
    const [oldLo, oldHi] = [lo[fractional] as number, hi[fractional] as number];
    // Up first: it finds a whole solution quickly, which prunes the down branch.
    lo[fractional] = Math.ceil(v);
    solve(depth + 1);
    lo[fractional] = oldLo;
    hi[fractional] = Math.floor(v);
    solve(depth + 1);
    hi[fractional] = oldHi;
  };
  solve(0);
  return best;
}

/**
 * The smallest combined change (in effort) that lifts candidate `id` to rank `target` under the
 * weighted sum with `options.weights` (see the module comment for the model).
 *
 * @throws RangeError when `id` is not a candidate, `target` is not a positive integer, an effort is
 *   not a positive number, or the method is not the weighted sum (`wsm`)
 */
export function gapAnalysis(
  profile: EnterpriseProfile,
  facts: readonly CandidateFacts[],
  plan: PlanFocus,
  options: ScoreOptions,
  id: string,
  g: GapOptions,
): GapResult {
  if (options.method !== 'wsm') throw new RangeError(`the gap analysis works on the weighted sum (wsm), not ${options.method}`);
  if (!Number.isInteger(g.target) || g.target < 1) throw new RangeError(`the target rank must be a positive integer, got ${g.target}`);
  for (const [k, e] of Object.entries(g.effort ?? {}))
    if (!(typeof e === 'number' && e > 0 && Number.isFinite(e)))
      throw new RangeError(`effort for ${k} must be a positive number, got ${String(e)}`);
  const base: ScoreOptions = { ...options, sensitivity: false };
  delete base.monteCarlo;
  const ranking = scoreCandidates(profile, facts, plan, base);
  const me = ranking.candidates.find((c) => c.id === id);
  if (!me) throw new RangeError(`no candidate "${id}" in the ranking`);
  const ranked = ranking.candidates.filter((c) => c.rank !== null);
  const criteria = rankingCriteria(options.custom);
  const result: GapResult = {
    id,
    rank: me.rank,
    target: g.target,
    of: ranked.length,
    status: 'done',
    effort: 0,
    changes: [],
    confirmedRank: me.rank,
    effortPerUnit: {},
    fixed: [],
    unknown: [],
    notSearched: [],
  };
  if (me.rank === null) return { ...result, status: 'excluded', effort: null, confirmedRank: null };
  if (me.rank <= g.target) return result;

  const p = ranked.indexOf(me);
  const w = criteria.map((c) => (ranking.weights[c.id] ?? 0) / 100);
  const rawOf = (c: RankedCandidate, j: number) => c.criteria[j]?.raw ?? null;
  // What may move: a weighted criterion that is not fixed, known, and linear.
  type Move =
    | { kind: 'levels'; j: number; levels: number[] }
    | { kind: 'line'; j: number; sign: 1 | -1; jump: number | null; best: number; slope: number; q: number; e: number };
  const moves: Move[] = [];
  criteria.forEach((crit, j) => {
    if ((w[j] as number) <= 0) return;
    if (g.fixed?.includes(crit.id)) {
      result.fixed.push(crit.id);
      return;
    }
    const f = options.valueFunctions?.[crit.id];
    if (f && f.kind !== 'linear') {
      result.notSearched.push(crit.id);
      return;
    }
    const from = rawOf(me, j);
    if (from === null) {
      result.unknown.push(crit.id);
      return;
    }
    const known = ranked.map((c) => rawOf(c, j)).filter((v): v is number => v !== null);
    const span = Math.max(...known) - Math.min(...known);
    const e = g.effort?.[crit.id] ?? (span > 0 ? 100 / span : 100);
    result.effortPerUnit[crit.id] = e;
    const levels = CRITERION_LEVELS[crit.id];
    if (levels) {
      const higher = levels.filter((l) => l > from + 1e-9);
      if (higher.length > 0) moves.push({ kind: 'levels', j, levels: [from, ...higher] });
      return;
    }
    const sign: 1 | -1 = (f?.kind === 'linear' ? f.direction : crit.type) === 'benefit' ? 1 : -1;
    // In "better" units u = sign · value, so more u is always better.
    const u = sign * from;
    const others = ranked.filter((_, i) => i !== p).flatMap((c) => (rawOf(c, j) === null ? [] : [sign * (rawOf(c, j) as number)]));
    if (others.length === 0) return;
    let low: number;
    let high: number;
    if (f?.kind === 'linear' && f.bounds !== 'candidates') {
      // Fixed bounds: the score rises between them and is clamped outside.
      low = sign > 0 ? f.bounds.min : -f.bounds.max;
      high = Math.min(sign > 0 ? f.bounds.max : -f.bounds.min, Math.max(...others));
    } else {
      low = Math.min(...others);
      high = Math.max(...others);
    }
    if (u >= high) return; // already at the best: nothing to gain without moving the bounds
    const slopeSpan = f?.kind === 'linear' && f.bounds !== 'candidates' ? f.bounds.max - f.bounds.min : high - low;
    moves.push({
      kind: 'line',
      j,
      sign,
      jump: u < low ? low : null,
      best: high,
      slope: slopeSpan > 0 ? 1 / slopeSpan : 0,
      q: gapStep(crit.id, crit.unit),
      e,
    });
  });

  // Scores every ranked candidate with the candidate's raw row replaced by `row` (exactly as the ranking does).
  const totalsWith = (row: (number | null)[]): number[] => {
    const totals = ranked.map(() => 0);
    criteria.forEach((crit, j) => {
      if ((w[j] as number) <= 0) return;
      const values = ranked.map((c, i) => (i === p ? (row[j] ?? null) : rawOf(c, j)));
      const f = options.valueFunctions?.[crit.id];
      const col = f ? scoreColumn(values, f).map((v) => v ?? 0) : normaliseColumn(values, crit.type);
      col.forEach((s, i) => (totals[i] = (totals[i] as number) + 100 * (w[j] as number) * s));
    });
    return totals;
  };

  const myRow = criteria.map((_, j) => rawOf(me, j));
  // Regimes: a level per discrete criterion, stay or jump per criterion where the candidate is the worst.
  const choices: number[][] = moves.map((mv) => (mv.kind === 'levels' ? mv.levels.map((_, k) => k) : mv.jump === null ? [0] : [0, 1]));
  let best: { effort: number; row: (number | null)[]; changes: GapChange[] } | null = null;
  const pick = new Array<number>(moves.length).fill(0);
  const visit = (k: number) => {
    if (k < moves.length) {
      for (const c of choices[k] as number[]) {
        pick[k] = c;
        visit(k + 1);
      }
      return;
    }
    const row = myRow.slice();
    let fixedEffort = 0;
    const items: Item[] = [];
    const itemMove: Extract<Move, { kind: 'line' }>[] = [];
    moves.forEach((mv, k2) => {
      const from = myRow[mv.j] as number;
      if (mv.kind === 'levels') {
        const to = mv.levels[pick[k2] as number] as number;
        row[mv.j] = to;
        fixedEffort += (result.effortPerUnit[criteria[mv.j]?.id as CriterionKey] as number) * (to - from);
        return;
      }
      let start = mv.sign * from;
      if (mv.jump !== null) {
        if (pick[k2] === 0) return; // stays the worst: no move on this criterion
        fixedEffort += mv.e * (mv.jump - start);
        start = mv.jump;
        row[mv.j] = mv.sign * start;
      }
      const n = Math.floor((mv.best - start) / mv.q + 1e-9);
      if (n > 0 && mv.slope > 0) {
        items.push({ j: mv.j, a: 100 * (w[mv.j] as number) * mv.slope * mv.q, c: mv.e * mv.q, n, q: mv.q });
        itemMove.push(mv);
      }
    });
    if (best && fixedEffort >= best.effort - 1e-12) return;
    const totals = totalsWith(row);
    const rivals = totals.filter((_, i) => i !== p).sort((x, y) => y - x);
    // Beating the rival now at rank k (strictly: ties would keep the input order) reaches rank k.
    const need = (rivals[g.target - 1] ?? -Infinity) - (totals[p] as number) + 1e-7;
    const cover = need <= 0 ? { steps: items.map(() => 0), cost: 0 } : coverCheapest(items, need);
    if (!cover) return;
    const effort = fixedEffort + cover.cost;
    if (best && effort >= best.effort - 1e-12) return;
    cover.steps.forEach((s, k2) => {
      const mv = itemMove[k2] as Extract<Move, { kind: 'line' }>;
      if (s > 0) row[mv.j] = (row[mv.j] as number) + mv.sign * s * mv.q;
    });
    const changes: GapChange[] = [];
    criteria.forEach((crit, j) => {
      const from = myRow[j] as number;
      const to = row[j] as number;
      if (to === from) return;
      const rounded = Math.round(to * 1e6) / 1e6;
      changes.push({
        criterion: crit.id,
        unit: crit.unit,
        from,
        to: rounded,
        change: Math.round((rounded - from) * 1e6) / 1e6,
        effort: Math.abs(rounded - from) * (result.effortPerUnit[crit.id] as number),
      });
    });
    best = { effort, row, changes };
  };
  visit(0);
  if (!best) return { ...result, status: 'impossible', effort: null, confirmedRank: null };
  const found = best as { effort: number; row: (number | null)[]; changes: GapChange[] };
  const overrides = Object.fromEntries(found.changes.map((c) => [c.criterion, c.to]));
  const again = scoreCandidates(profile, facts, plan, { ...base, rawOverrides: new Map([[id, overrides]]) });
  return {
    ...result,
    status: 'found',
    effort: found.effort,
    changes: found.changes,
    confirmedRank: again.candidates.find((c) => c.id === id)?.rank ?? null,
  };
}
