/**
 * "What would move us up": for one candidate, the smallest improvement of a single criterion that
 * lifts it one place in the ranking, stated in the criterion's own unit (minutes, parks, persons,
 * level, match). Discrete criteria (industry match, prefecture focus, park level) are tried level
 * by level (CRITERION_LEVELS). Each criterion is searched on its own, with everything else held, by re-ranking
 * with the candidate's raw value moved toward the best value observed among the ranked candidates.
 * With min-max normalisation the candidate's score never falls as its value improves (when it
 * defines the worst end of the span, the span moves with it and the score stays 0 until it passes
 * the next candidate), so its rank only improves and bisection finds the threshold. A criterion
 * that cannot lift it even at the best observed value is listed as not enough on its own.
 */
import type { EnterpriseProfile } from './criteria.ts';
import {
  CRITERION_LEVELS,
  rankingCriteria,
  scoreCandidates,
  type CandidateFacts,
  type CriterionKey,
  type PlanFocus,
  type Ranking,
  type ScoreOptions,
} from './score.ts';

export interface MoveUpStep {
  criterion: CriterionKey;
  unit: string;
  /** Raw value now and the value that would lift the candidate one place. */
  from: number;
  to: number;
  /** to − from: negative for a time (fewer minutes), positive for counts, population, level, match. */
  change: number;
  /** |change| as a share of the span between this candidate and the best observed value (0…1]. */
  effort: number;
}

export interface MoveUpResult {
  id: string;
  rank: number | null;
  /** The candidate one place above, which the steps overtake; null when first or excluded. */
  above: { id: string; name_zh: string; name_en: string; total: number | null } | null;
  /** One step per criterion that can do it alone, least effort first. */
  steps: MoveUpStep[];
  /** Criteria with weight that cannot do it alone, even at the best observed value. */
  notEnough: CriterionKey[];
  /** Criteria with weight whose raw value is unknown for this candidate. */
  unknown: CriterionKey[];
  /**
   * Criteria with weight whose value function is not linear (an ideal value, a target, a step …):
   * more is not always better there, so no single direction to search exists.
   */
  notSearched: CriterionKey[];
}

/** Counts, population and minutes are stated in whole units (discrete criteria move by level). */
function roundUp(value: number, unit: string, direction: 1 | -1): number {
  const step = unit === 'match' ? 0.01 : 1;
  return direction > 0 ? Math.ceil(value / step - 1e-9) * step : Math.floor(value / step + 1e-9) * step;
}

/**
 * @param options the ranking's options (method, weights, AHP matrix, cluster radius)
 * @throws RangeError when `id` is not among the candidates
 */
export function moveUp(
  profile: EnterpriseProfile,
  facts: readonly CandidateFacts[],
  plan: PlanFocus,
  options: ScoreOptions,
  id: string,
): MoveUpResult {
  const base: ScoreOptions = { ...options, sensitivity: false };
  delete base.monteCarlo;
  const ranking = scoreCandidates(profile, facts, plan, base);
  const me = ranking.candidates.find((c) => c.id === id);
  if (!me) throw new RangeError(`no candidate "${id}" in the ranking`);
  const result: MoveUpResult = { id, rank: me.rank, above: null, steps: [], notEnough: [], unknown: [], notSearched: [] };
  if (me.rank === null || me.rank === 1) return result;
  const aboveCandidate = ranking.candidates.find((c) => c.rank === (me.rank as number) - 1);
  if (aboveCandidate)
    result.above = { id: aboveCandidate.id, name_zh: aboveCandidate.name_zh, name_en: aboveCandidate.name_en, total: aboveCandidate.total };
  const ranked = ranking.candidates.filter((c) => c.rank !== null);
  const rankWith = (criterion: CriterionKey, value: number): number => {
    const r: Ranking = scoreCandidates(profile, facts, plan, { ...base, rawOverrides: new Map([[id, { [criterion]: value }]]) });
    return r.candidates.find((c) => c.id === id)?.rank ?? Infinity;
  };
  for (const [j, crit] of rankingCriteria(options.custom).entries()) {
    const mine = me.criteria[j];
    if (!mine || mine.weight <= 0) continue;
    const f = options.valueFunctions?.[crit.id];
    if (f && f.kind !== 'linear') {
      result.notSearched.push(crit.id);
      continue;
    }
    if (mine.raw === null) {
      result.unknown.push(crit.id);
      continue;
    }
    const from = mine.raw;
    const levels = CRITERION_LEVELS[crit.id];
    if (levels) {
      // A discrete criterion moves level by level: the lowest higher level that does it.
      const to = levels.filter((l) => l > from).find((l) => rankWith(crit.id, l) < (me.rank as number));
      if (to === undefined) result.notEnough.push(crit.id);
      else
        result.steps.push({
          criterion: crit.id,
          unit: crit.unit,
          from,
          to,
          change: to - from,
          effort: (to - from) / ((levels[levels.length - 1] as number) - from),
        });
      continue;
    }
    const known = ranked.map((c) => c.criteria[j]?.raw).filter((v): v is number => v !== null && v !== undefined);
    const type = f?.kind === 'linear' ? f.direction : crit.type;
    const best = type === 'cost' ? Math.min(...known) : Math.max(...known);
    if (best === from || rankWith(crit.id, best) >= (me.rank as number)) {
      result.notEnough.push(crit.id);
      continue;
    }
    // Bisection on the share t of the way from `from` to `best`.
    let lo = 0;
    let hi = 1;
    for (let k = 0; k < 30; k++) {
      const mid = (lo + hi) / 2;
      if (rankWith(crit.id, from + mid * (best - from)) < (me.rank as number)) hi = mid;
      else lo = mid;
    }
    const direction = best > from ? 1 : -1;
    let to = roundUp(from + hi * (best - from), crit.unit, direction);
    // Whole units may overshoot the best value; never past it.
    if ((to - best) * direction > 0) to = best;
    if (rankWith(crit.id, to) >= (me.rank as number)) to = best;
    result.steps.push({
      criterion: crit.id,
      unit: crit.unit,
      from,
      to,
      change: to - from,
      effort: Math.abs(to - from) / Math.abs(best - from),
    });
  }
  result.steps.sort((a, b) => a.effort - b.effort);
  return result;
}
