/**
 * Rank ranges: the ranking's data and weights made uncertain and run through SMAA-2
 * (geo/mcda/smaa.ts). Where each raw value's spread comes from, and how it is sampled:
 *
 * - **approximate position** (a park on its county-seat stand-in): the candidate's facts at each
 *   of several populated cells of its county — travel times, labour pool and cluster count move
 *   together, because they are one position (joint draws);
 * - **network assumptions** (detour factor, ordinary-road and expressway speeds): the facts of
 *   every candidate under K assumption sets drawn once over the Assumptions panel's ranges
 *   (Latin hypercube, {@link assumptionScenarios}); one set is shared by all candidates in a sample;
 * - **unknown value**: uniform over the range of the other candidates' known values, unless the
 *   user keeps that criterion's unknowns unknown (they then score 0, as in the ranking);
 * - **custom criterion**: the ranges the user typed — a relative spread (±) around every value,
 *   or an interval per candidate.
 *
 * The weights are Dirichlet(κ·w) around the ranking's weights (as the Monte-Carlo), or uniform over
 * the weighted criteria (SMAA-2 without preference information). Hard-limit exclusions are those of
 * the ranking. The method is the ranking's; the pairwise ones (PROMETHEE, ELECTRE) take at most
 * {@link PAIRWISE_SMAA_SAMPLES} samples.
 */
import type { NetworkAssumptions, RangedAssumption, AssumptionRange } from '../network/assumptions.ts';
import { electreIv } from '../mcda/electre.ts';
import { owa } from '../mcda/owa.ts';
import { promethee, type PreferenceFunction } from '../mcda/promethee.ts';
import { smaa, type SmaaAggregate, type SmaaResult } from '../mcda/smaa.ts';
import { topsis } from '../mcda/topsis.ts';
import { vikor } from '../mcda/vikor.ts';
import { mulberry32 } from '../mcda/wsm.ts';
import type { EnterpriseProfile } from './criteria.ts';
import {
  clusterParks,
  DEFAULT_CONCORDANCE,
  PAIRWISE_METHODS,
  rankingCriteria,
  rawValues,
  scoreCandidates,
  type CandidateFacts,
  type CriterionKey,
  type CustomCriterionId,
  type PlanFocus,
  type ScoreOptions,
} from './score.ts';

/** Most samples a pairwise method (PROMETHEE, ELECTRE) is given: each sample compares every pair. */
export const PAIRWISE_SMAA_SAMPLES = 1000;
/** Dirichlet concentration of the weights when none is given: the Monte-Carlo's (geo/mcda/wsm.ts). */
export const DEFAULT_SMAA_CONCENTRATION = 50;

/** Why a raw value has a spread. */
export type RangeSource = 'position' | 'assumptions' | 'unknown' | 'custom';

/** The facts of candidates under uncertainty: per candidate, joint draws × scenarios. */
export interface FactVariants {
  /** Number of global scenarios (assumption sets), ≥ 1. */
  scenarios: number;
  /** Per candidate id: its joint draws (positions), each with one facts record per scenario; missing: its facts in every scenario. */
  draws: ReadonlyMap<string, readonly (readonly CandidateFacts[])[]>;
}

/** The user's ranges for a custom criterion: a relative spread (0.1 = ±10 %) and/or intervals per candidate. */
export interface CustomRange {
  spread?: number;
  values?: ReadonlyMap<string, readonly [number, number]>;
}

export interface UncertaintyOptions {
  samples: number;
  seed: number;
  /** `fixed`: the ranking's weights as they are (data uncertainty alone). */
  weights?: 'centred' | 'uniform' | 'fixed';
  concentration?: number;
  customRanges?: ReadonlyMap<CustomCriterionId, CustomRange>;
  /** Criteria whose unknown values stay unknown (score 0) instead of spreading over the others' range. */
  keepUnknown?: readonly CriterionKey[];
}

export interface CandidateUncertainty {
  id: string;
  /** The ranking's rank (no uncertainty). */
  rank: number;
  p5: number;
  p50: number;
  p95: number;
  /** Share of samples at each rank (index 0 = first). */
  acceptability: number[];
  /** Central weights in percent per criterion, or null when the candidate is never first. */
  centralWeights: Partial<Record<CriterionKey, number>> | null;
  confidence: number | null;
  /** Raw values that vary: their range over every draw, scenario and interval, and why. */
  ranges: { criterion: CriterionKey; lo: number; hi: number; sources: RangeSource[] }[];
}

export interface UncertaintyResult {
  method: ScoreOptions['method'];
  samples: number;
  seed: number;
  weights: 'centred' | 'uniform' | 'fixed';
  concentration: number | null;
  scenarios: number;
  criteria: CriterionKey[];
  /** Ranked candidates, in the ranking's order. */
  candidates: CandidateUncertainty[];
  /** Candidates excluded by a hard limit (not sampled). */
  excluded: string[];
  /** How many raw values carry a spread, by source. */
  counts: Record<RangeSource, number>;
}

/**
 * K assumption sets over the given ranges by Latin hypercube sampling (McKay, Beckman & Conover
 * 1979): each range is cut into K equal strata and every stratum is used once, paired at random
 * across the assumptions; within a stratum the value is uniform. Seeded (mulberry32), so the
 * same seed always gives the same sets.
 *
 * @param ranges - per assumption, [lo, hi] in its unit (ratio, km/h); lo = hi fixes it
 * @returns K partial assumption sets (only the ranged keys)
 * @throws RangeError for K < 1 or a range with lo > hi
 */
export function assumptionScenarios(
  ranges: Readonly<Partial<Record<RangedAssumption, AssumptionRange>>>,
  k: number,
  seed: number,
): Partial<NetworkAssumptions>[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`the number of assumption sets must be a positive integer, got ${k}`);
  const rand = mulberry32(seed);
  const sets: Partial<NetworkAssumptions>[] = Array.from({ length: k }, () => ({}));
  for (const [key, r] of Object.entries(ranges) as [RangedAssumption, AssumptionRange][]) {
    if (!(r.lo <= r.hi)) throw new RangeError(`${key}: lo must not exceed hi`);
    const strata = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [strata[i], strata[j]] = [strata[j] as number, strata[i] as number];
    }
    strata.forEach((s, i) => ((sets[i] as Partial<NetworkAssumptions>)[key] = r.lo + ((s + rand()) / k) * (r.hi - r.lo)));
  }
  return sets;
}

/**
 * The ranking's method applied to one sample (mirrors scoreCandidates; a test checks that with no
 * uncertainty the two rank alike for every method).
 */
function aggregateFor(
  options: ScoreOptions,
  ids: readonly CriterionKey[],
  types: readonly ('benefit' | 'cost')[],
): SmaaAggregate | undefined {
  const o = options.methodOptions;
  const rows = (a: Float64Array, n: number, m: number, keep: readonly boolean[]) =>
    Array.from({ length: n }, (_, i) => {
      const row: number[] = [];
      for (let j = 0; j < m; j++) if (keep[j]) row.push(a[i * m + j] as number);
      return row;
    });
  const pick = (w: Float64Array, keep: readonly boolean[]) => Array.from(w).filter((_, j) => keep[j]);
  const all = ids.map(() => true);
  const benefit = ids.map(() => 1);
  switch (options.method) {
    case 'wsm':
    case 'ahp':
      return undefined;
    case 'topsis':
      return (_scores, raw, w, n, m, totals) => {
        // Unknown raw values count as the worst observed value, as in the ranking.
        const matrix = Array.from({ length: n }, (_, i) => Array.from(raw.subarray(i * m, i * m + m)));
        for (let j = 0; j < m; j++) {
          let worst = 0;
          if (types[j] === 'cost') for (const row of matrix) if (!Number.isNaN(row[j] as number)) worst = Math.max(worst, row[j] as number);
          for (const row of matrix) if (Number.isNaN(row[j] as number)) row[j] = worst;
        }
        const keep = ids.map((_, j) => (w[j] as number) > 0 && matrix.some((row) => (row[j] as number) !== 0));
        const t = topsis(
          matrix.map((row) => row.filter((_, j) => keep[j])),
          pick(w, keep),
          types.filter((_, j) => keep[j]).map((c) => (c === 'benefit' ? 1 : -1)),
        );
        t.closeness.forEach((c, i) => (totals[i] = c));
      };
    case 'owa':
      return (scores, _raw, w, n, m, totals) => {
        const used = Array.from(w, (x) => x > 0);
        const r = owa(rows(scores, n, m, used), {
          weights: pick(w, used),
          ...(o?.owa?.orderWeights ? { orderWeights: o.owa.orderWeights } : { orness: o?.owa?.orness ?? 0.5 }),
        });
        r.scores.forEach((s, i) => (totals[i] = s));
      };
    case 'promethee': {
      const functions = ids.map((id): PreferenceFunction => o?.promethee?.functions?.[id] ?? { type: 'usual' });
      return (scores, _raw, w, n, m, totals) =>
        promethee(rows(scores, n, m, all), Array.from(w), benefit, functions).phi.forEach((x, i) => (totals[i] = x));
    }
    case 'vikor':
      return (scores, _raw, w, n, m, totals) => {
        const r = vikor(rows(scores, n, m, all), Array.from(w), benefit, { v: o?.vikor?.v ?? 0.5 });
        // VIKOR ranks by its own order (Q, then the tie rules); totals that keep that order.
        r.ranking.forEach((i, k) => (totals[i] = n - k));
      };
    case 'electre':
      return (scores, _raw, w, n, m, totals) => {
        const r = electreIv(rows(scores, n, m, all), Array.from(w), benefit, {
          concordance: o?.electre?.concordance ?? DEFAULT_CONCORDANCE,
          veto: ids.map((id) => o?.electre?.veto?.[id] ?? null),
        });
        const inKernel = new Set(r.kernel);
        // Kernel first, then by net outranking (as the ranking); the kernel flag dominates the net count.
        r.outranks.forEach((row, a) => {
          const net = row.filter(Boolean).length - r.outranks.filter((other) => other[a]).length;
          totals[a] = (inKernel.has(a) ? 4 * n : 0) + net;
        });
      };
  }
}

/**
 * Rank ranges of every ranked candidate under data and weight uncertainty (SMAA-2).
 *
 * @param variants - the facts per candidate, draw and scenario (from the network room)
 * @throws RangeError for the ranking's bad options, bad ranges or a bad sample count
 */
export function rankUncertainty(
  profile: EnterpriseProfile,
  facts: readonly CandidateFacts[],
  plan: PlanFocus,
  options: ScoreOptions,
  variants: FactVariants,
  u: UncertaintyOptions,
): UncertaintyResult {
  const base: ScoreOptions = { ...options, sensitivity: false };
  delete base.monteCarlo;
  const ranking = scoreCandidates(profile, facts, plan, base);
  const criteria = rankingCriteria(options.custom);
  const ids = criteria.map((c) => c.id);
  const m = ids.length;
  const S = variants.scenarios;
  const ranked = ranking.candidates.filter((c) => c.rank !== null);
  const byId = new Map(facts.map((f) => [f.id, f]));
  const cluster = clusterParks(profile, facts);
  const clusterKm = options.clusterKm ?? 50;
  const customValues = new Map((options.custom ?? []).map((c) => [c.id as CriterionKey, c.values]));
  const rowOf = (f: CandidateFacts): (number | null)[] => {
    const raw: Partial<Record<CriterionKey, number | null>> = rawValues(profile, f, cluster, plan, clusterKm);
    for (const [id, values] of customValues) {
      const v = values.get(f.id);
      raw[id] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
    return ids.map((id) => raw[id] ?? null);
  };
  const counts: Record<RangeSource, number> = { position: 0, assumptions: 0, unknown: 0, custom: 0 };
  const draws = ranked.map((c) => {
    const f = byId.get(c.id) as CandidateFacts;
    const variantsOf = variants.draws.get(c.id) ?? [Array.from({ length: S }, () => f)];
    return variantsOf.map((perScenario) => {
      if (perScenario.length !== S) throw new RangeError(`candidate ${c.id} has facts for ${perScenario.length} of ${S} scenarios`);
      const row = new Float64Array(S * m);
      perScenario.forEach((sf, s) => rowOf(sf).forEach((v, j) => (row[s * m + j] = v ?? Number.NaN)));
      return row;
    });
  });

  // Intervals: the user's ranges on custom criteria, then unknowns over the others' range.
  const intervals: { i: number; j: number; lo: number; hi: number; source: RangeSource }[] = [];
  const known = (i: number, j: number) => !Number.isNaN(draws[i]?.[0]?.[j] as number);
  ids.forEach((id, j) => {
    const range = u.customRanges?.get(id as CustomCriterionId);
    if (range) {
      if (range.spread !== undefined && !(range.spread >= 0 && Number.isFinite(range.spread)))
        throw new RangeError(`${id}: the spread must be a non-negative number, got ${range.spread}`);
      ranked.forEach((c, i) => {
        const typed = range.values?.get(c.id);
        if (typed) {
          if (!(typed[0] <= typed[1])) throw new RangeError(`${id} for ${c.id}: lo must not exceed hi`);
          intervals.push({ i, j, lo: typed[0], hi: typed[1], source: 'custom' });
        } else if (range.spread && known(i, j)) {
          const v = draws[i]?.[0]?.[j] as number;
          const d = Math.abs(v) * range.spread;
          intervals.push({ i, j, lo: v - d, hi: v + d, source: 'custom' });
        }
      });
    }
    if (u.keepUnknown?.includes(id)) return;
    let lo = Infinity;
    let hi = -Infinity;
    draws.forEach((d) => {
      for (const row of d)
        for (let s = 0; s < S; s++) {
          const v = row[s * m + j] as number;
          if (!Number.isNaN(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
    });
    if (lo > hi) return; // no candidate knows this value
    ranked.forEach((_, i) => {
      if (!known(i, j) && !intervals.some((x) => x.i === i && x.j === j)) intervals.push({ i, j, lo, hi, source: 'unknown' });
    });
  });

  const weightsMode = u.weights ?? 'centred';
  const concentration = u.concentration ?? DEFAULT_SMAA_CONCENTRATION;
  const w = ids.map((id) => (ranking.weights[id] ?? 0) / 100);
  const samples = PAIRWISE_METHODS.includes(options.method) ? Math.min(u.samples, PAIRWISE_SMAA_SAMPLES) : u.samples;
  const aggregate = aggregateFor(
    options,
    ids,
    criteria.map((c) => c.type),
  );
  let result: SmaaResult | null = null;
  if (ranked.length > 0)
    result = smaa(
      {
        criteria: criteria.map((c) => {
          const f = options.valueFunctions?.[c.id];
          return f ? { type: c.type, valueFunction: f } : { type: c.type };
        }),
        scenarios: S,
        draws,
        intervals,
        weights:
          weightsMode === 'uniform'
            ? { kind: 'uniform', active: w.map((x) => x > 0) }
            : weightsMode === 'fixed'
              ? { kind: 'fixed', weights: w }
              : { kind: 'centred', weights: w, concentration },
        ...(aggregate ? { aggregate } : {}),
      },
      { samples, seed: u.seed },
    );

  const candidates: CandidateUncertainty[] = ranked.map((c, i) => {
    const ranges: CandidateUncertainty['ranges'] = [];
    ids.forEach((id, j) => {
      const sources = new Set<RangeSource>();
      let lo = Infinity;
      let hi = -Infinity;
      const d = draws[i] as Float64Array[];
      for (let s = 0; s < S; s++)
        for (const row of d) {
          const v = row[s * m + j] as number;
          if (Number.isNaN(v)) continue;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      if (hi > lo) {
        // Which dimension moves it: the draws (position) or the scenarios (assumptions).
        const vary = (a: number, b: number) => Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a));
        if (d.some((row) => vary(row[j] as number, (d[0] as Float64Array)[j] as number))) sources.add('position');
        if (d.some((row) => Array.from({ length: S }, (_, s) => row[s * m + j] as number).some((v) => vary(v, row[j] as number))))
          sources.add('assumptions');
      }
      for (const x of intervals)
        if (x.i === i && x.j === j) {
          lo = Math.min(lo, x.lo);
          hi = Math.max(hi, x.hi);
          sources.add(x.source);
        }
      for (const s of sources) counts[s]++;
      if (sources.size > 0) ranges.push({ criterion: id, lo, hi, sources: [...sources] });
    });
    const cw = result?.centralWeights[i] ?? null;
    return {
      id: c.id,
      rank: c.rank as number,
      p5: result?.ranks[i]?.p5 ?? (c.rank as number),
      p50: result?.ranks[i]?.p50 ?? (c.rank as number),
      p95: result?.ranks[i]?.p95 ?? (c.rank as number),
      acceptability: result?.acceptability[i] ?? [],
      centralWeights: cw ? Object.fromEntries(ids.map((id, j) => [id, (cw[j] as number) * 100])) : null,
      confidence: result?.confidence[i] ?? null,
      ranges,
    };
  });
  return {
    method: options.method,
    samples,
    seed: u.seed,
    weights: weightsMode,
    concentration: weightsMode === 'centred' ? concentration : null,
    scenarios: S,
    criteria: ids,
    candidates,
    excluded: ranking.candidates.filter((c) => c.rank === null).map((c) => c.id),
    counts,
  };
}
