/**
 * Ranks candidate sites for an enterprise profile. Every criterion keeps its raw value and unit
 * next to its normalised score; with the weighted sum (and AHP weights) each criterion's
 * contribution is shown and the contributions add up to the total. Hard limits exclude a
 * candidate and say which rule did. See geo/README.md for the method.
 */
import { distanceMetres } from '../network/distance.ts';
import type { LngLat } from '../lnglat.ts';
import { ahp, type AhpResult } from '../mcda/ahp.ts';
import { topsis } from '../mcda/topsis.ts';
import { monteCarloStability, normaliseColumn, weightedSum, weightStability, type StabilityResult } from '../mcda/wsm.ts';
import { CRITERIA, CRITERION_IDS, type CriterionId, type EnterpriseProfile } from './criteria.ts';

/** Facts about a candidate that do not depend on the profile (computed once per site). */
export interface CandidateFacts {
  id: string;
  name_zh: string;
  name_en: string;
  kind: 'park' | 'custom';
  position: LngLat;
  level: 'national' | 'provincial' | null;
  prefectureAdcode: string | null;
  industries: readonly { industry_id: string | null; subline_id: string | null }[];
  /** Minutes by road; null when no such facility with a known position is reachable. */
  minutes: Record<'interchange' | 'freight' | 'intl-rail' | 'airport' | 'bonded' | 'port' | 'gba' | 'changsha' | 'hsr', number | null>;
  /** Residents within 60 minutes (lower bound when `labourUnknown` lists counties). */
  labour: number | null;
  labourUnknown: readonly string[];
}

/** The plan's focus industries per prefecture (data/plan.json). */
export interface PlanFocus {
  prefectures: readonly { adcode: string; focus_industries: readonly string[]; focus_sublines: readonly string[] }[];
}

/** The ranking methods: weighted sum, AHP-weighted sum and TOPSIS (geo/README.md). */
export const METHODS = ['wsm', 'ahp', 'topsis'] as const;
export type Method = (typeof METHODS)[number];

export interface ScoreOptions {
  method: Method;
  /** Percent per criterion; normalised to 100. */
  weights: Record<CriterionId, number>;
  /** For `ahp`: pairwise comparison matrix over `ahpCriteria`. */
  ahp?: { criteria: CriterionId[]; matrix: number[][] };
  /** Radius for the industry cluster count, km (default 50). */
  clusterKm?: number;
  monteCarlo?: { samples: number; seed?: number; concentration?: number };
  /** Weight ranges and Monte-Carlo (default true); what-if searches switch them off. */
  sensitivity?: boolean;
  /** Raw values to use instead of the computed ones, per candidate id (what-if analysis). */
  rawOverrides?: ReadonlyMap<string, Partial<Record<CriterionId, number>>>;
}

/** The rule the plan states in 二(二) 基本原则: "严禁转入高耗能、高排放、高污染的落后产能". */
export const POLLUTION_RULE = {
  id: 'no-high-energy-emission-pollution',
  section: '湘政发〔2020〕4号 二(二)',
  quote_zh: '严禁转入高耗能、高排放、高污染的落后产能',
  text_en: 'Transfer of backward capacity with high energy use, high emissions or high pollution is strictly prohibited',
} as const;

export interface CriterionResult {
  id: CriterionId;
  raw: number | null;
  unit: string;
  type: 'benefit' | 'cost';
  score: number;
  weight: number;
  /** weight × score, in points of 100 (WSM/AHP); null for TOPSIS, whose closeness is not additive. */
  contribution: number | null;
}

export interface Exclusion {
  rule: string;
  message_zh: string;
  message_en: string;
}

export interface RankedCandidate {
  id: string;
  name_zh: string;
  name_en: string;
  kind: 'park' | 'custom';
  position: LngLat;
  rank: number | null;
  /** 0…100: weighted sum (WSM/AHP) or closeness × 100 (TOPSIS); null when excluded. */
  total: number | null;
  criteria: CriterionResult[];
  exclusions: Exclusion[];
  notes: string[];
}

export interface Ranking {
  method: Method;
  weights: Record<CriterionId, number>;
  candidates: RankedCandidate[];
  /** Set when the profile falls under the plan's prohibition; every candidate is then excluded. */
  profileFlag: typeof POLLUTION_RULE | null;
  ahp: AhpResult | null;
  sensitivity: {
    /** For each weight, the range (percent) over which the top candidate stays first. */
    ranges: { id: CriterionId; weight: number; lo: number; hi: number }[];
    stability: (StabilityResult & { ids: string[] }) | null;
  } | null;
}

/** How well a site's industries fit: 1 sub-line match, 0.6 sector match, 0 none. */
export function industryMatch(p: EnterpriseProfile, industries: CandidateFacts['industries']): number {
  if (p.subline && industries.some((x) => x.subline_id === p.subline)) return 1;
  if (industries.some((x) => x.industry_id === p.industry)) return 0.6;
  return 0;
}

/** The values the discrete criteria can take (industry match, prefecture focus, park level), lowest first. */
export const CRITERION_LEVELS: Partial<Record<CriterionId, readonly number[]>> = {
  'industry-match': [0, 0.6, 1],
  'prefecture-focus': [0, 0.7, 1],
  'park-level': [0, 1, 2],
};

/** Whether the prefecture's plan focus names the sub-line (1), the industry (0.7), or neither (0). */
export function prefectureFocus(p: EnterpriseProfile, plan: PlanFocus, adcode: string | null): number {
  const pref = plan.prefectures.find((x) => x.adcode === adcode);
  if (!pref) return 0;
  if (p.subline && pref.focus_sublines.includes(p.subline)) return 1;
  if (pref.focus_industries.includes(p.industry)) return 0.7;
  return 0;
}

const LIMITS: { key: keyof EnterpriseProfile['limits']; minutes: keyof CandidateFacts['minutes']; zh: string; en: string }[] = [
  { key: 'maxInterchangeMinutes', minutes: 'interchange', zh: '高速互通', en: 'an expressway interchange' },
  { key: 'maxFreightMinutes', minutes: 'freight', zh: '铁路货场', en: 'a rail freight yard' },
  { key: 'maxAirportMinutes', minutes: 'airport', zh: '有货运的机场', en: 'an airport with cargo' },
  { key: 'maxBondedMinutes', minutes: 'bonded', zh: '综合保税区', en: 'a bonded zone' },
];

/**
 * The hard limits a candidate breaks: the plan's pollution rule, the profile's minimum park level
 * and each maximum travel time (minutes, on the candidate's facts). Where a limit is set and no
 * such facility is reachable at all, the candidate is excluded too, with a message saying so.
 *
 * @returns one entry per broken rule, with its message in Chinese and English; empty when none
 */
export function exclusionsFor(p: EnterpriseProfile, c: CandidateFacts): Exclusion[] {
  const out: Exclusion[] = [];
  if (p.pollution === 'high') {
    out.push({
      rule: POLLUTION_RULE.id,
      message_zh: `规划禁止：${POLLUTION_RULE.quote_zh}（${POLLUTION_RULE.section}）`,
      message_en: `Prohibited by the plan: ${POLLUTION_RULE.text_en} (${POLLUTION_RULE.section})`,
    });
  }
  const levelOrder = { any: 0, provincial: 1, national: 2 } as const;
  const have = c.level === 'national' ? 2 : c.level === 'provincial' ? 1 : 0;
  if (have < levelOrder[p.minParkLevel]) {
    out.push({
      rule: 'min-park-level',
      message_zh: `园区级别不足：要求${p.minParkLevel === 'national' ? '国家级' : '省级及以上'}，该地点为${c.level === 'national' ? '国家级' : c.level === 'provincial' ? '省级' : '非园区地点'}`,
      message_en: `Park level too low: ${p.minParkLevel} or above required, this site is ${c.level ?? 'not a park'}`,
    });
  }
  for (const l of LIMITS) {
    const limit = p.limits[l.key];
    if (limit === undefined || limit === null) continue;
    const t = c.minutes[l.minutes];
    if (t === null)
      out.push({
        rule: l.key,
        message_zh: `没有可达的${l.zh}（限 ${limit} 分钟）`,
        message_en: `No reachable ${l.en} (limit ${limit} min)`,
      });
    else if (t > limit)
      out.push({
        rule: l.key,
        message_zh: `到${l.zh} ${Math.round(t)} 分钟，超过限值 ${limit} 分钟`,
        message_en: `${Math.round(t)} min to ${l.en}, over the limit of ${limit} min`,
      });
  }
  return out;
}

/** Parks whose leading industries include the profile's industry (the cluster for `rawValues`). */
export function clusterParks(p: EnterpriseProfile, all: readonly CandidateFacts[]): CandidateFacts[] {
  return all.filter((o) => o.kind === 'park' && o.industries.some((x) => x.industry_id === p.industry));
}

/** Raw value of each criterion for one candidate. */
export function rawValues(
  p: EnterpriseProfile,
  c: CandidateFacts,
  cluster: readonly CandidateFacts[],
  plan: PlanFocus,
  clusterKm: number,
): Record<CriterionId, number | null> {
  let nearby = 0;
  for (const o of cluster) if (o.id !== c.id && distanceMetres(o.position, c.position) <= clusterKm * 1000) nearby++;
  return {
    'industry-match': industryMatch(p, c.industries),
    'prefecture-focus': prefectureFocus(p, plan, c.prefectureAdcode),
    cluster: nearby,
    't-interchange': c.minutes.interchange,
    't-freight': c.minutes.freight,
    't-intl-rail': c.minutes['intl-rail'],
    't-airport': c.minutes.airport,
    't-bonded': c.minutes.bonded,
    't-port': c.minutes.port,
    't-gba': c.minutes.gba,
    't-changsha': c.minutes.changsha,
    't-hsr': c.minutes.hsr,
    'park-level': c.level === 'national' ? 2 : c.level === 'provincial' ? 1 : 0,
    labour: c.labour,
  };
}

/**
 * @throws RangeError for bad weights or an invalid AHP matrix (the message names the problem)
 */
export function scoreCandidates(
  profile: EnterpriseProfile,
  facts: readonly CandidateFacts[],
  plan: PlanFocus,
  options: ScoreOptions,
): Ranking {
  const clusterKm = options.clusterKm ?? 50;
  let ahpResult: AhpResult | null = null;
  let weights = options.weights;
  if (options.method === 'ahp') {
    if (!options.ahp) throw new RangeError('the AHP method needs a pairwise comparison matrix');
    if (options.ahp.criteria.length !== options.ahp.matrix.length)
      throw new RangeError(
        `${options.ahp.criteria.length} criteria named but the matrix is ${options.ahp.matrix.length}×${options.ahp.matrix.length}`,
      );
    ahpResult = ahp(options.ahp.matrix);
    const w = Object.fromEntries(CRITERION_IDS.map((id) => [id, 0])) as Record<CriterionId, number>;
    options.ahp.criteria.forEach((id, i) => (w[id] = (ahpResult?.weights[i] as number) * 100));
    weights = w;
  }
  const weightVector = CRITERION_IDS.map((id) => Math.max(0, weights[id] ?? 0));
  const weightTotal = weightVector.reduce((s, w) => s + w, 0);
  if (!(weightTotal > 0) || weightVector.some((w) => !Number.isFinite(w)))
    throw new RangeError('weights must be non-negative and not all zero');
  const w = weightVector.map((x) => x / weightTotal);

  const cluster = clusterParks(profile, facts);
  const rows = facts.map((c) => ({
    c,
    raw: { ...rawValues(profile, c, cluster, plan, clusterKm), ...options.rawOverrides?.get(c.id) },
    exclusions: exclusionsFor(profile, c),
  }));
  const included = rows.filter((r) => r.exclusions.length === 0);
  const columns = CRITERIA.map((crit) =>
    normaliseColumn(
      included.map((r) => r.raw[crit.id]),
      crit.type,
    ),
  );
  const scores = included.map((_, i) => columns.map((col) => col[i] as number));

  let totals: number[] = [];
  let contributions: (number[] | null)[] = [];
  if (included.length > 0) {
    if (options.method === 'topsis') {
      // Unknown raw values count as the worst observed value (TOPSIS needs a number).
      const worst = CRITERIA.map((crit) => {
        const known = included.map((x) => x.raw[crit.id]).filter((x): x is number => x !== null);
        return crit.type === 'cost' ? known.reduce((m, v) => Math.max(m, v), 0) : 0;
      });
      const matrix = included.map((r) => CRITERIA.map((crit, j) => r.raw[crit.id] ?? (worst[j] as number)));
      // Criteria that are zero everywhere (or weightless) cannot be vector-normalised: drop them.
      const keep = CRITERIA.map((_, j) => (w[j] as number) > 0 && matrix.some((row) => (row[j] as number) !== 0));
      const t = topsis(
        matrix.map((row) => row.filter((_, j) => keep[j])),
        w.filter((_, j) => keep[j]),
        CRITERIA.filter((_, j) => keep[j]).map((c) => (c.type === 'benefit' ? 1 : -1)),
      );
      totals = t.closeness.map((x) => x * 100);
      contributions = included.map(() => null);
    } else {
      const r = weightedSum(scores, w);
      totals = r.totals.map((x) => x * 100);
      contributions = r.contributions.map((row) => row.map((x) => x * 100));
    }
  }
  const order = totals.map((_, i) => i).sort((a, b) => (totals[b] as number) - (totals[a] as number) || a - b);
  const rankOf = new Map(order.map((i, k) => [i, k + 1]));
  const includedIndex = new Map(included.map((r, i) => [r, i]));

  const candidates: RankedCandidate[] = rows.map((r) => {
    const i = includedIndex.get(r);
    const notes: string[] = [];
    if (r.c.labourUnknown.length > 0) notes.push(`labour is a lower bound: population unknown for ${r.c.labourUnknown.join(', ')}`);
    if (r.c.kind === 'custom' && r.c.industries.length === 0) notes.push('custom site: no leading industries, industry match is 0');
    return {
      id: r.c.id,
      name_zh: r.c.name_zh,
      name_en: r.c.name_en,
      kind: r.c.kind,
      position: r.c.position,
      rank: i === undefined ? null : (rankOf.get(i) ?? null),
      total: i === undefined ? null : (totals[i] as number),
      exclusions: r.exclusions,
      notes,
      criteria: CRITERIA.map((crit, j) => ({
        id: crit.id,
        raw: r.raw[crit.id],
        unit: crit.unit,
        type: crit.type,
        score: i === undefined ? 0 : ((scores[i] as number[])[j] as number),
        weight: (w[j] as number) * 100,
        contribution: i === undefined ? null : ((contributions[i] as number[] | null)?.[j] ?? null),
      })),
    };
  });
  candidates.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.id.localeCompare(b.id));

  let sensitivity: Ranking['sensitivity'] = null;
  if (included.length >= 2 && options.method !== 'topsis' && options.sensitivity !== false) {
    const ranges = CRITERION_IDS.map((id, j) => {
      const r = weightStability(scores, w, j);
      return { id, weight: (w[j] as number) * 100, lo: r.lo * 100, hi: r.hi * 100 };
    });
    const mc = options.monteCarlo ? monteCarloStability(scores, w, options.monteCarlo) : null;
    sensitivity = { ranges, stability: mc ? { ...mc, ids: included.map((r) => r.c.id) } : null };
  }
  return {
    method: options.method,
    weights: Object.fromEntries(CRITERION_IDS.map((id, j) => [id, (w[j] as number) * 100])) as Record<CriterionId, number>,
    candidates,
    profileFlag: profile.pollution === 'high' ? POLLUTION_RULE : null,
    ahp: ahpResult,
    sensitivity,
  };
}
