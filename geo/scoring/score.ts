/**
 * Ranks candidate sites for an enterprise profile. Every criterion keeps its raw value and unit
 * next to its normalised score; with the weighted sum (and AHP weights) each criterion's
 * contribution is shown and the contributions add up to the total. Hard limits exclude a
 * candidate and say which rule did. See geo/README.md for the method.
 */
import { distanceMetres } from '../network/distance.ts';
import type { LngLat } from '../lnglat.ts';
import { ahp, type AhpMethod, type AhpResult } from '../mcda/ahp.ts';
import { electreIv } from '../mcda/electre.ts';
import { owa } from '../mcda/owa.ts';
import { promethee, type PreferenceFunction } from '../mcda/promethee.ts';
import { topsis } from '../mcda/topsis.ts';
import { scoreColumn, type ValueFunction } from '../mcda/value-functions.ts';
import { vikor } from '../mcda/vikor.ts';
import { monteCarloStability, normaliseColumn, weightedSum, weightStability, type StabilityResult } from '../mcda/wsm.ts';
import { CRITERIA, type CriterionId, type EnterpriseProfile } from './criteria.ts';

/** Facts about a candidate that do not depend on the profile (computed once per site). */
export interface CandidateFacts {
  id: string;
  name_zh: string;
  name_en: string;
  kind: 'park' | 'custom';
  position: LngLat;
  level: 'national' | 'provincial' | null;
  prefectureAdcode: string | null;
  industries: readonly { industry_id: string | null; subline_id: string | null; text_zh?: string }[];
  /** The catalogue's 主导产业 wording, verbatim (parks); the industry match quotes it. */
  industriesText?: string | null;
  /** Minutes by road; null when no such facility with a known position is reachable. */
  minutes: Record<'interchange' | 'freight' | 'intl-rail' | 'airport' | 'bonded' | 'port' | 'gba' | 'changsha' | 'hsr', number | null>;
  /** Residents within 60 minutes (lower bound when `labourUnknown` lists counties). */
  labour: number | null;
  labourUnknown: readonly string[];
  /** The candidate's position is a stand-in (a park on its county seat): every position-based value is approximate. */
  approximate?: boolean;
  /** Times whose destination is a stand-in (e.g. an interchange on a county seat). */
  approximateMinutes?: Partial<Record<keyof CandidateFacts['minutes'], boolean>>;
}

/** The plan's focus industries per prefecture (data/plan.json). */
export interface PlanFocus {
  prefectures: readonly { adcode: string; focus_industries: readonly string[]; focus_sublines: readonly string[] }[];
}

/**
 * The ranking methods (geo/README.md): weighted sum, AHP-weighted sum, TOPSIS, OWA, PROMETHEE II,
 * VIKOR and ELECTRE I with vetoes. All but TOPSIS work on the criteria's scores (0…1, 1 best,
 * from each criterion's value function); TOPSIS on the raw values.
 */
export const METHODS = ['wsm', 'ahp', 'topsis', 'owa', 'promethee', 'vikor', 'electre'] as const;
export type Method = (typeof METHODS)[number];

/** Methods that compare every pair of candidates (time and memory grow with the square of their number). */
export const PAIRWISE_METHODS: readonly Method[] = ['promethee', 'electre'];
/** Most candidates a pairwise method ranks at once (beyond it a ranking takes seconds and the tables hundreds of MB). */
export const MAX_PAIRWISE_CANDIDATES = 3000;

/** Id of a criterion the user defined (from an imported layer's column or typed per park). */
export type CustomCriterionId = `custom-${string}`;
/** Any criterion: one of the fourteen built-in ones or the user's own. */
export type CriterionKey = CriterionId | CustomCriterionId;

/** A criterion the user defined: raw values per candidate id (null or missing: unknown), in its own unit. */
export interface CustomCriterion {
  id: CustomCriterionId;
  unit: string;
  type: 'benefit' | 'cost';
  values: ReadonlyMap<string, number | null>;
}

/** Parameters of the methods beyond the weights; every field has a documented default. */
export interface MethodOptions {
  /** AHP weights by principal eigenvector (default) or row geometric mean. */
  ahpMethod?: AhpMethod;
  /** OWA over the weighted criteria: order weights (largest score first, one per weighted criterion) or an orness (default 0.5, the weighted mean). */
  owa?: { orness?: number; orderWeights?: readonly number[] };
  /** PROMETHEE II preference function per criterion, thresholds in score units (0…1); default `usual`. */
  promethee?: { functions?: Readonly<Partial<Record<CriterionKey, PreferenceFunction>>> };
  /** VIKOR's weight of the strategy of the majority, 0…1 (default 0.5). */
  vikor?: { v?: number };
  /** ELECTRE Iv: concordance threshold (default 0.7) and veto thresholds in score units per criterion (default none). */
  electre?: { concordance?: number; veto?: Readonly<Partial<Record<CriterionKey, number | null>>> };
}

/** ELECTRE's concordance threshold when none is given: a team default, a common choice in the literature (Figueira et al. 2016). */
export const DEFAULT_CONCORDANCE = 0.7;

export interface ScoreOptions {
  method: Method;
  /** Percent per criterion (built-in and custom ids); missing criteria weigh 0; normalised to 100. */
  weights: Readonly<Partial<Record<CriterionKey, number>>>;
  /** For `ahp`: pairwise comparison matrix over `criteria`. */
  ahp?: { criteria: CriterionKey[]; matrix: number[][] };
  /** The user's own criteria, scored beside the built-in ones. */
  custom?: readonly CustomCriterion[];
  /** Value function per criterion (default: linear between the candidates' worst and best). */
  valueFunctions?: Readonly<Partial<Record<CriterionKey, ValueFunction>>>;
  methodOptions?: MethodOptions;
  /** Radius for the industry cluster count, km (default 50). */
  clusterKm?: number;
  monteCarlo?: { samples: number; seed?: number; concentration?: number };
  /** Weight ranges and Monte-Carlo (default true); what-if searches switch them off. */
  sensitivity?: boolean;
  /** Raw values to use instead of the computed ones, per candidate id (what-if analysis). */
  rawOverrides?: ReadonlyMap<string, Partial<Record<CriterionKey, number>>>;
}

/** The rule the plan states in 二(二) 基本原则: "严禁转入高耗能、高排放、高污染的落后产能". */
export const POLLUTION_RULE = {
  id: 'no-high-energy-emission-pollution',
  section: '湘政发〔2020〕4号 二(二)',
  quote_zh: '严禁转入高耗能、高排放、高污染的落后产能',
  text_en: 'Transfer of backward capacity with high energy use, high emissions or high pollution is strictly prohibited',
} as const;

export interface CriterionResult {
  id: CriterionKey;
  raw: number | null;
  unit: string;
  type: 'benefit' | 'cost';
  score: number;
  weight: number;
  /** weight × score, in points of 100 (WSM/AHP); null for TOPSIS, whose closeness is not additive. */
  contribution: number | null;
  /**
   * The raw value rests on a stand-in position: the candidate's own (a park on its county seat) for
   * every position-based criterion, or the destination's for a time. Shown as approximate (≈).
   */
  approximate: boolean;
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
  /** The candidate's position is a stand-in (see CandidateFacts.approximate). */
  approximate: boolean;
  /** What the industry match rests on: the catalogue wording and the items of it that matched. */
  industryBasis: IndustryBasis;
}

/** The evidence behind the industry-match value, quoted from the park's catalogue entry. */
export interface IndustryBasis {
  /** The catalogue's 主导产业, verbatim; null for a site without one. */
  quote: string | null;
  /** The catalogue items that matched the profile's sub-line (`level: 'subline'`) or else its industry. */
  matched: string[];
  level: 'subline' | 'industry' | null;
}

/** What a method computed besides the totals, per ranked candidate in `ids` order. */
export type MethodDetail =
  | { method: 'owa'; ids: string[]; orderWeights: number[]; orness: number; tradeoff: number; criteria: CriterionKey[] }
  | { method: 'promethee'; ids: string[]; phiPlus: number[]; phiMinus: number[]; phi: number[] }
  | {
      method: 'vikor';
      ids: string[];
      S: number[];
      R: number[];
      Q: number[];
      v: number;
      conditions: { acceptableAdvantage: boolean; acceptableStability: boolean; dq: number };
      compromise: string[];
    }
  | {
      method: 'electre';
      ids: string[];
      concordance: number;
      kernel: string[];
      kernelIsExact: boolean;
      cycles: string[][];
      outranks: [string, string][];
    };

export interface Ranking {
  method: Method;
  weights: Record<CriterionKey, number>;
  candidates: RankedCandidate[];
  /** Method-specific results (flows, S/R/Q, the outranking kernel, order weights); null for WSM, AHP, TOPSIS. */
  detail: MethodDetail | null;
  /** Set when the profile falls under the plan's prohibition; every candidate is then excluded. */
  profileFlag: typeof POLLUTION_RULE | null;
  ahp: AhpResult | null;
  sensitivity: {
    /** For each weight, the range (percent) over which the top candidate stays first. */
    ranges: { id: CriterionKey; weight: number; lo: number; hi: number }[];
    stability: (StabilityResult & { ids: string[] }) | null;
  } | null;
}

/**
 * Which catalogue items carry the industry match: those naming the profile's sub-line if any do,
 * else those naming its industry; their wording is `text_zh` (verbatim from the catalogue).
 */
export function industryBasis(p: EnterpriseProfile, c: Pick<CandidateFacts, 'industries' | 'industriesText'>): IndustryBasis {
  const sub = p.subline ? c.industries.filter((x) => x.subline_id === p.subline) : [];
  const items = sub.length > 0 ? sub : c.industries.filter((x) => x.industry_id === p.industry);
  return {
    quote: c.industriesText ?? null,
    matched: [...new Set(items.flatMap((x) => (x.text_zh ? [x.text_zh] : [])))],
    level: sub.length > 0 ? 'subline' : items.length > 0 ? 'industry' : null,
  };
}

/** How well a site's industries fit: 1 sub-line match, 0.6 sector match, 0 none. */
export function industryMatch(p: EnterpriseProfile, industries: CandidateFacts['industries']): number {
  if (p.subline && industries.some((x) => x.subline_id === p.subline)) return 1;
  if (industries.some((x) => x.industry_id === p.industry)) return 0.6;
  return 0;
}

/** The values the discrete criteria can take (industry match, prefecture focus, park level), lowest first. */
export const CRITERION_LEVELS: Partial<Record<CriterionKey, readonly number[]>> = {
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

/** The built-in criteria that depend on where a candidate is, and the travel time each reads. */
const POSITION_CRITERIA: Partial<Record<CriterionId, keyof CandidateFacts['minutes'] | 'position'>> = {
  cluster: 'position',
  labour: 'position',
  't-interchange': 'interchange',
  't-freight': 'freight',
  't-intl-rail': 'intl-rail',
  't-airport': 'airport',
  't-bonded': 'bonded',
  't-port': 'port',
  't-gba': 'gba',
  't-changsha': 'changsha',
  't-hsr': 'hsr',
};

/** Whether a candidate's raw value of a criterion rests on a stand-in position. */
export function approximateValue(c: CandidateFacts, id: CriterionKey): boolean {
  const basis = POSITION_CRITERIA[id as CriterionId];
  if (!basis) return false;
  if (c.approximate) return true;
  return basis !== 'position' && c.approximateMinutes?.[basis] === true;
}

/** A criterion as scored: built-in (from CRITERIA) or the user's own. */
interface ScoredCriterion {
  id: CriterionKey;
  unit: string;
  type: 'benefit' | 'cost';
}

/** The criteria of a ranking: the fourteen built-in ones, then the user's own in the order given. */
export function rankingCriteria(custom: readonly CustomCriterion[] = []): ScoredCriterion[] {
  return [
    ...CRITERIA.map((c) => ({ id: c.id, unit: c.unit, type: c.type })),
    ...custom.map((c) => ({ id: c.id, unit: c.unit, type: c.type })),
  ];
}

/** Ranks (1 = best) from totals, higher first; ties keep input order. */
function ranksOf(order: readonly number[]): Map<number, number> {
  return new Map(order.map((i, k) => [i, k + 1]));
}

/**
 * Ranks candidates for a profile. Every criterion keeps its raw value and unit next to its score;
 * with the weighted sum (and AHP weights) each criterion's contribution is shown and the
 * contributions add up to the total. Hard limits exclude a candidate and say which rule did.
 *
 * Totals are 0…100: the weighted sum (WSM, AHP); TOPSIS closeness × 100; the OWA score × 100;
 * PROMETHEE (φ + 1) × 50; VIKOR (1 − Q) × 100; ELECTRE 50 + 50 × (outranked − outranked by) /
 * (n − 1), with the kernel ranked first. The methods other than TOPSIS take the criteria's
 * scores (0…1 from their value functions, all "more is better"), so thresholds are in score units.
 *
 * @throws RangeError for bad weights, an invalid AHP matrix, bad method options, or too many
 *   candidates for a pairwise method (the message names the problem)
 */
export function scoreCandidates(
  profile: EnterpriseProfile,
  facts: readonly CandidateFacts[],
  plan: PlanFocus,
  options: ScoreOptions,
): Ranking {
  const clusterKm = options.clusterKm ?? 50;
  const criteria = rankingCriteria(options.custom);
  const ids = criteria.map((c) => c.id);
  let ahpResult: AhpResult | null = null;
  let weights: Readonly<Partial<Record<CriterionKey, number>>> = options.weights;
  if (options.method === 'ahp') {
    if (!options.ahp) throw new RangeError('the AHP method needs a pairwise comparison matrix');
    if (options.ahp.criteria.length !== options.ahp.matrix.length)
      throw new RangeError(
        `${options.ahp.criteria.length} criteria named but the matrix is ${options.ahp.matrix.length}×${options.ahp.matrix.length}`,
      );
    const unknown = options.ahp.criteria.find((id) => !ids.includes(id));
    if (unknown) throw new RangeError(`AHP criterion "${unknown}" is not a criterion of this ranking`);
    ahpResult = ahp(options.ahp.matrix, { method: options.methodOptions?.ahpMethod ?? 'eigen' });
    const w: Partial<Record<CriterionKey, number>> = {};
    options.ahp.criteria.forEach((id, i) => (w[id] = (ahpResult?.weights[i] as number) * 100));
    weights = w;
  }
  const weightVector = ids.map((id) => Math.max(0, weights[id] ?? 0));
  const weightTotal = weightVector.reduce((s, w) => s + w, 0);
  if (!(weightTotal > 0) || weightVector.some((w) => !Number.isFinite(w)))
    throw new RangeError('weights must be non-negative and not all zero');
  const w = weightVector.map((x) => x / weightTotal);

  const customValues = new Map((options.custom ?? []).map((c) => [c.id, c.values]));
  const cluster = clusterParks(profile, facts);
  const rows = facts.map((c) => {
    const raw: Record<CriterionKey, number | null> = { ...rawValues(profile, c, cluster, plan, clusterKm) };
    for (const [id, values] of customValues) {
      const v = values.get(c.id);
      raw[id] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
    return {
      c,
      raw: { ...raw, ...options.rawOverrides?.get(c.id) } as Record<CriterionKey, number | null>,
      exclusions: exclusionsFor(profile, c),
    };
  });
  const included = rows.filter((r) => r.exclusions.length === 0);
  if (PAIRWISE_METHODS.includes(options.method) && included.length > MAX_PAIRWISE_CANDIDATES) {
    throw new RangeError(
      `${options.method.toUpperCase()} compares every pair of candidates; ${included.length} candidates are more than the ${MAX_PAIRWISE_CANDIDATES} it ranks at once (use the weighted sum, TOPSIS, OWA or VIKOR, or fewer candidates)`,
    );
  }
  const columns = criteria.map((crit) => {
    const values = included.map((r) => r.raw[crit.id] ?? null);
    const f = options.valueFunctions?.[crit.id];
    // Unknown values score 0 (the worst) under every value function, as under min–max.
    return f ? scoreColumn(values, f).map((v) => v ?? 0) : normaliseColumn(values, crit.type);
  });
  const scores = included.map((_, i) => columns.map((col) => col[i] as number));

  let totals: number[] = [];
  let contributions: (number[] | null)[] = included.map(() => null);
  let order: number[] | null = null;
  let detail: MethodDetail | null = null;
  const includedIds = included.map((r) => r.c.id);
  const benefit = criteria.map(() => 1);
  if (included.length > 0) {
    switch (options.method) {
      case 'topsis': {
        // Unknown raw values count as the worst observed value (TOPSIS needs a number).
        const worst = criteria.map((crit) => {
          const known = included.map((x) => x.raw[crit.id]).filter((x): x is number => x !== null);
          return crit.type === 'cost' ? known.reduce((m, v) => Math.max(m, v), 0) : 0;
        });
        const matrix = included.map((r) => criteria.map((crit, j) => r.raw[crit.id] ?? (worst[j] as number)));
        // Criteria that are zero everywhere (or weightless) cannot be vector-normalised: drop them.
        const keep = criteria.map((_, j) => (w[j] as number) > 0 && matrix.some((row) => (row[j] as number) !== 0));
        const t = topsis(
          matrix.map((row) => row.filter((_, j) => keep[j])),
          w.filter((_, j) => keep[j]),
          criteria.filter((_, j) => keep[j]).map((c) => (c.type === 'benefit' ? 1 : -1)),
        );
        totals = t.closeness.map((x) => x * 100);
        break;
      }
      case 'owa': {
        // Over the weighted criteria only: a criterion of weight 0 takes no part (and no order position).
        const used = criteria.map((_, j) => (w[j] as number) > 0);
        const o = options.methodOptions?.owa;
        const r = owa(
          scores.map((row) => row.filter((_, j) => used[j])),
          {
            weights: w.filter((_, j) => used[j]),
            ...(o?.orderWeights ? { orderWeights: o.orderWeights } : { orness: o?.orness ?? 0.5 }),
          },
        );
        totals = r.scores.map((x) => x * 100);
        detail = {
          method: 'owa',
          ids: includedIds,
          orderWeights: r.orderWeights,
          orness: r.orness,
          tradeoff: r.tradeoff,
          criteria: criteria.filter((_, j) => used[j]).map((c) => c.id),
        };
        break;
      }
      case 'promethee': {
        const functions = criteria.map((c): PreferenceFunction => options.methodOptions?.promethee?.functions?.[c.id] ?? { type: 'usual' });
        const r = promethee(scores, w, benefit, functions);
        totals = r.phi.map((x) => (x + 1) * 50);
        detail = { method: 'promethee', ids: includedIds, phiPlus: r.phiPlus, phiMinus: r.phiMinus, phi: r.phi };
        break;
      }
      case 'vikor': {
        const r = vikor(scores, w, benefit, { v: options.methodOptions?.vikor?.v ?? 0.5 });
        totals = r.Q.map((q) => (1 - q) * 100);
        order = r.ranking;
        detail = {
          method: 'vikor',
          ids: includedIds,
          S: r.S,
          R: r.R,
          Q: r.Q,
          v: r.v,
          conditions: r.conditions,
          compromise: r.compromise.map((i) => includedIds[i] as string),
        };
        break;
      }
      case 'electre': {
        const e = options.methodOptions?.electre;
        const r = electreIv(scores, w, benefit, {
          concordance: e?.concordance ?? DEFAULT_CONCORDANCE,
          veto: criteria.map((c) => e?.veto?.[c.id] ?? null),
        });
        const m = included.length;
        const net = r.outranks.map((row, a) => row.filter(Boolean).length - r.outranks.filter((other) => other[a]).length);
        totals = net.map((x) => (m > 1 ? 50 + (50 * x) / (m - 1) : 100));
        const inKernel = new Set(r.kernel);
        order = totals
          .map((_, i) => i)
          .sort((a, b) => Number(inKernel.has(b)) - Number(inKernel.has(a)) || (net[b] as number) - (net[a] as number) || a - b);
        const outranks: [string, string][] = [];
        r.outranks.forEach((row, a) => row.forEach((yes, b) => yes && outranks.push([includedIds[a] as string, includedIds[b] as string])));
        detail = {
          method: 'electre',
          ids: includedIds,
          concordance: e?.concordance ?? DEFAULT_CONCORDANCE,
          kernel: r.kernel.map((i) => includedIds[i] as string),
          kernelIsExact: r.kernelIsExact,
          cycles: r.cycles.map((cycle) => cycle.map((i) => includedIds[i] as string)),
          outranks,
        };
        break;
      }
      default: {
        const r = weightedSum(scores, w);
        totals = r.totals.map((x) => x * 100);
        contributions = r.contributions.map((row) => row.map((x) => x * 100));
      }
    }
  }
  order ??= totals.map((_, i) => i).sort((a, b) => (totals[b] as number) - (totals[a] as number) || a - b);
  const rankOf = ranksOf(order);
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
      criteria: criteria.map((crit, j) => ({
        id: crit.id,
        raw: r.raw[crit.id] ?? null,
        unit: crit.unit,
        type: crit.type,
        score: i === undefined ? 0 : ((scores[i] as number[])[j] as number),
        weight: (w[j] as number) * 100,
        contribution: i === undefined ? null : ((contributions[i] as number[] | null)?.[j] ?? null),
        approximate: approximateValue(r.c, crit.id),
      })),
      approximate: r.c.approximate === true,
      industryBasis: industryBasis(profile, r.c),
    };
  });
  candidates.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.id.localeCompare(b.id));

  let sensitivity: Ranking['sensitivity'] = null;
  if (included.length >= 2 && (options.method === 'wsm' || options.method === 'ahp') && options.sensitivity !== false) {
    const ranges = ids.map((id, j) => {
      const r = weightStability(scores, w, j);
      return { id, weight: (w[j] as number) * 100, lo: r.lo * 100, hi: r.hi * 100 };
    });
    const mc = options.monteCarlo ? monteCarloStability(scores, w, options.monteCarlo) : null;
    sensitivity = { ranges, stability: mc ? { ...mc, ids: included.map((r) => r.c.id) } : null };
  }
  return {
    method: options.method,
    weights: Object.fromEntries(ids.map((id, j) => [id, (w[j] as number) * 100])) as Record<CriterionKey, number>,
    candidates,
    detail,
    profileFlag: profile.pollution === 'high' ? POLLUTION_RULE : null,
    ahp: ahpResult,
    sensitivity,
  };
}
