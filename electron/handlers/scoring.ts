/**
 * Ranking candidate sites for an enterprise profile: the zone's parks plus the sites a user
 * added and imported candidates; comparing parks; the user's own sites. Profile-independent facts
 * come from electron/scoring (computed once); the ranking itself is geo/scoring.
 */
import { randomUUID } from 'node:crypto';
import {
  agreement,
  defaultWeights,
  METHODS,
  moveUp,
  ranksFromOrder,
  rankingCriteria,
  scoreCandidates,
  similarTo,
  toPercent,
  verdictText,
  type CriterionId,
  type CriterionKey,
  type Method,
  type ScoreOptions,
} from '../../geo/index.ts';
import type { AgreementResult, CompareResult, Profile, RankingResult, ScoreArgs } from '../contract/api.ts';
import { forScoring, toRecord } from '../scoring/custom-criteria.ts';
import { NotFoundError, UserInputError } from '../errors.ts';
import { asUserInput, type NetworkChoice } from '../network/service.ts';
import type { Context, Handlers } from './context.ts';

type Choice = Pick<ScoreArgs, 'method' | 'weights' | 'ahp' | 'valueFunctions' | 'methodOptions' | 'asOf'>;

/** The network choice of a ranking: the active network, in the year asked for (else the stored one). */
export function networkChoice(asOf: number | null | undefined): NetworkChoice {
  return asOf === undefined ? {} : { asOf };
}

export function checkProfile(ctx: Context, profile: Profile): void {
  const { industryIds, sublineIds } = ctx.reference.plan;
  if (!industryIds.has(profile.industry)) {
    throw new UserInputError(
      `profile.industry "${profile.industry}" is not one of the plan's ten industries (${[...industryIds].join(', ')})`,
    );
  }
  if (profile.subline !== null && !sublineIds.has(profile.subline))
    throw new UserInputError(`profile.subline "${profile.subline}" is not a sub-line of the plan`);
  if (profile.subline !== null && !profile.subline.startsWith(`${profile.industry}.`)) {
    throw new UserInputError(`profile.subline "${profile.subline}" does not belong to industry "${profile.industry}"`);
  }
}

/**
 * The ranking's options from the API's arguments: weights in percent over the profile's defaults
 * (the user's own criteria weigh 0 until given a weight), the project's custom criteria with their
 * value functions, and the method's parameters.
 */
export function optionsFor(ctx: Context, profile: Profile, a: Choice): ScoreOptions {
  const custom = ctx.stores.criteria.list().map(toRecord);
  const given = { ...defaultWeights(profile), ...pickBuiltIn(a.weights) } as Record<CriterionId, number>;
  // Percent of the whole: the built-in weights keep the share they were given beside the user's own
  // criteria (sliders over all criteria total 100 %), and may all be 0 when only custom ones weigh.
  const share = Object.values(given).reduce((s, w) => s + Math.max(0, w), 0);
  const builtIn = share > 0 ? asUserInput(() => toPercent(given)) : given;
  const weights: Partial<Record<CriterionKey, number>> = {};
  for (const [id, w] of Object.entries(builtIn)) weights[id as CriterionId] = share > 0 ? (w * share) / 100 : 0;
  for (const c of custom) weights[c.id] = a.weights?.[c.id] ?? 0;
  const valueFunctions: Partial<Record<CriterionKey, NonNullable<ScoreArgs['valueFunctions']>[CriterionKey]>> = {};
  for (const c of custom) if (c.valueFunction) valueFunctions[c.id] = c.valueFunction;
  Object.assign(valueFunctions, a.valueFunctions ?? {});
  return {
    method: a.method,
    weights,
    custom: custom.map(forScoring),
    valueFunctions,
    ...(a.methodOptions ? { methodOptions: a.methodOptions } : {}),
    ...(a.ahp ? { ahp: { criteria: a.ahp.criteria, matrix: a.ahp.matrix } } : {}),
  };
}

/** The weights given for built-in criteria (custom ones are added beside the percentages). */
function pickBuiltIn(weights: ScoreArgs['weights']): Partial<Record<CriterionId, number>> {
  return Object.fromEntries(Object.entries(weights ?? {}).filter(([id]) => !id.startsWith('custom-')));
}

const withPlainPosition = <C extends { position: readonly [number, number] }>(c: C) => ({
  ...c,
  position: [c.position[0], c.position[1]] as [number, number],
});

function planTaxonomy(ctx: Context) {
  const { plan } = ctx.reference.plan;
  return {
    industries: plan.industries.map((i) => ({
      id: i.id,
      name_zh: i.name_zh,
      name_en: i.name_en,
      sublines: i.sublines.map((s) => ({ id: s.id, name_zh: s.name_zh, name_en: s.name_en })),
    })),
    source: plan.source,
  };
}

function profilePresets(ctx: Context) {
  return ctx.reference.plan.presets;
}

export function scoreSites(ctx: Context, args: ScoreArgs): RankingResult {
  return rankOn(ctx, args, networkChoice(args.asOf));
}

/** The ranking of every park and site on a chosen network (scoreSites on the active one; compareNetworks on two). */
export function rankOn(
  ctx: Context,
  { profile, method, weights, ahp, valueFunctions, methodOptions, monteCarloSamples }: Omit<ScoreArgs, 'asOf'>,
  choice: NetworkChoice,
): RankingResult {
  checkProfile(ctx, profile);
  const pool = [...ctx.facts.parks(choice), ...ctx.facts.customSites(choice)];
  const ranking = asUserInput(() =>
    scoreCandidates(profile, pool, ctx.reference.plan.focus, {
      ...optionsFor(ctx, profile, { method, weights, ahp, valueFunctions, methodOptions }),
      ...(monteCarloSamples > 0 ? { monteCarlo: { samples: monteCarloSamples, seed: 1 } } : {}),
    }),
  );
  return {
    network: ctx.facts.network(choice),
    uncovered: ctx.facts.uncovered(choice).length,
    ...ranking,
    defaultWeights: defaultWeights(profile),
    candidates: ranking.candidates.map(withPlainPosition),
  };
}

export function compareParks(
  ctx: Context,
  {
    profile,
    method,
    weights,
    ahp,
    valueFunctions,
    methodOptions,
    ids,
    own,
    asOf,
  }: Choice & { profile: Profile; ids: string[]; own?: string | undefined },
): CompareResult {
  checkProfile(ctx, profile);
  const { focus, presets } = ctx.reference.plan;
  const choice = networkChoice(asOf);
  // Every park and site in the zone, plus imported competitors: ranks are places among all of them.
  const pool = [...ctx.facts.parks(choice), ...ctx.facts.customSites(choice), ...ctx.facts.competitors(choice)];
  const known = new Set(pool.map((c) => c.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0)
    throw new NotFoundError(`not a park or site that can be compared (unknown, unlocated or outside the zone): ${missing.join(', ')}`);
  if (new Set(ids).size !== ids.length) throw new UserInputError('each park may be chosen once');
  if (own !== undefined && !ids.includes(own)) throw new UserInputError(`own park "${own}" must be one of the compared ids`);
  const options = optionsFor(ctx, profile, { method, weights, ahp, valueFunctions, methodOptions });
  const ranking = asUserInput(() => scoreCandidates(profile, pool, focus, { ...options, sensitivity: false }));
  const byId = new Map(ranking.candidates.map((c) => [c.id, c]));
  // Each of the plan's ten industry presets with its default weights, same method (AHP's matrix belongs to
  // the user's profile, so presets use the weighted sum there).
  const presetRanks = presets.map((p) => {
    const r = scoreCandidates(p.profile, pool, focus, {
      method: method === 'ahp' ? 'wsm' : method,
      weights: defaultWeights(p.profile),
      ...(methodOptions ? { methodOptions } : {}),
      sensitivity: false,
    });
    const ranks = new Map(r.candidates.map((c) => [c.id, c.rank]));
    return { id: p.id, name_zh: p.name_zh, name_en: p.name_en, ranks: Object.fromEntries(ids.map((id) => [id, ranks.get(id) ?? null])) };
  });
  const target = own ?? ids[0];
  return {
    network: ctx.facts.network(choice),
    method: ranking.method,
    weights: ranking.weights,
    of: ranking.candidates.filter((c) => c.rank !== null).length,
    parks: ids.flatMap((id) => {
      const c = byId.get(id);
      return c ? [withPlainPosition(c)] : [];
    }),
    presets: presetRanks,
    moveUp: target === undefined ? null : asUserInput(() => moveUp(profile, pool, focus, options, target)),
  };
}

/** The method names the verdict uses, in both languages alike (they are names of methods). */
const METHOD_LABELS: Record<Method, string> = {
  wsm: 'WSM',
  ahp: 'AHP',
  topsis: 'TOPSIS',
  owa: 'OWA',
  promethee: 'PROMETHEE II',
  vikor: 'VIKOR',
  electre: 'ELECTRE Iv',
};

/**
 * Every applicable method on the same table (AHP only when a matrix is given): each ranking, the
 * Kendall τ-b between them, Borda and Copeland consensus and a verdict in both languages.
 */
export function methodAgreement(
  ctx: Context,
  {
    profile,
    methods,
    weights,
    ahp,
    valueFunctions,
    methodOptions,
    asOf,
  }: Omit<Choice, 'method'> & { profile: Profile; methods?: Method[] | undefined },
): AgreementResult {
  checkProfile(ctx, profile);
  const chosen = (methods ?? METHODS.filter((m) => m !== 'ahp' || ahp !== undefined)).filter((m, i, all) => all.indexOf(m) === i);
  if (chosen.includes('ahp') && !ahp) throw new UserInputError('AHP is among the methods but no pairwise matrix was given');
  if (chosen.length < 2) throw new UserInputError('compare at least two methods');
  const choice = networkChoice(asOf);
  const pool = [...ctx.facts.parks(choice), ...ctx.facts.customSites(choice)];
  const rankings = chosen.map((method) =>
    asUserInput(() =>
      scoreCandidates(profile, pool, ctx.reference.plan.focus, {
        ...optionsFor(ctx, profile, { method, weights, ahp, valueFunctions, methodOptions }),
        sensitivity: false,
      }),
    ),
  );
  // The same candidates are excluded under every method (exclusions do not depend on it): compare the ranked ones.
  const ranked = (rankings[0]?.candidates ?? []).filter((c) => c.rank !== null);
  if (ranked.length < 2) throw new UserInputError('fewer than two candidates are ranked under this profile; there is nothing to compare');
  const ids = ranked.map((c) => c.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const perMethod = rankings.map((r, k) => {
    const order = r.candidates.filter((c) => c.rank !== null).map((c) => index.get(c.id) as number);
    return { method: chosen[k] as Method, ranks: ranksFromOrder(order), order };
  });
  const a = agreement(perMethod.map((m) => ({ method: METHOD_LABELS[m.method], ranks: m.ranks })));
  const byLabel = new Map(chosen.map((m) => [METHOD_LABELS[m], m]));
  const leader = ranked[a.verdict.leader] as (typeof ranked)[number];
  return {
    methods: perMethod.map((m) => ({
      method: m.method,
      ranking: m.order.map((i) => ids[i] as string),
      first: m.ranks.flatMap((rank, i) => (rank === 1 ? [ids[i] as string] : [])),
    })),
    tau: a.tau.map((row) => row.map((t) => (Number.isFinite(t) ? t : null))),
    borda: a.borda.ranking.map((i) => ids[i] as string),
    copeland: a.copeland.ranking.map((i) => ids[i] as string),
    verdict: {
      leader: { id: leader.id, name_zh: leader.name_zh, name_en: leader.name_en },
      firstUnder: a.verdict.firstUnder.map((l) => byLabel.get(l) as Method),
      dissent: a.verdict.dissent.map((d) => ({
        method: byLabel.get(d.method) as Method,
        position: d.position,
        first: d.first.map((i) => ids[i] as string),
      })),
      unanimous: a.verdict.unanimous,
      text_zh: verdictText(
        a.verdict,
        'zh',
        ranked.map((c) => c.name_zh),
      ),
      text_en: verdictText(
        a.verdict,
        'en',
        ranked.map((c) => c.name_en),
      ),
    },
    candidates: ranked.length,
  };
}

/**
 * "Find parks like this one": the candidates nearest to a target over chosen criteria (raw values,
 * min–max normalised over the candidates, weighted Euclidean distance; geo/mcda/similarity.ts), each
 * with the criteria that differ most.
 */
export function similarSites(
  ctx: Context,
  {
    profile,
    target,
    criteria,
    weights,
    limit,
  }: { profile: Profile; target: string; criteria?: CriterionKey[] | undefined; weights?: ScoreArgs['weights']; limit: number },
) {
  checkProfile(ctx, profile);
  const pool = [...ctx.facts.parks(), ...ctx.facts.customSites(), ...ctx.facts.competitors()];
  const options = optionsFor(ctx, profile, { method: 'wsm', weights: undefined });
  const ranking = asUserInput(() => scoreCandidates(profile, pool, ctx.reference.plan.focus, { ...options, sensitivity: false }));
  const rows = ranking.candidates;
  const t = rows.findIndex((c) => c.id === target);
  if (t < 0) throw new NotFoundError(`no park or site "${target}" to compare with (unknown, unlocated or outside the zone)`);
  const all = rankingCriteria(options.custom).map((c) => c.id);
  const me = rows[t] as (typeof rows)[number];
  const chosen = criteria ?? all.filter((id, j) => me.criteria[j]?.raw !== null);
  const unknown = chosen.find((id) => !all.includes(id));
  if (unknown) throw new UserInputError(`"${unknown}" is not a criterion of this project`);
  const columns = chosen.map((id) => all.indexOf(id));
  const matrix = rows.map((c) => c.criteria.map((x) => x.raw));
  const w = weights ? chosen.map((id) => weights[id] ?? 0) : undefined;
  const result = asUserInput(() => similarTo(matrix, t, { criteria: columns, ...(w ? { weights: w } : {}) }));
  return {
    target: { id: me.id, name_zh: me.name_zh, name_en: me.name_en },
    criteria: chosen,
    ranking: result.ranking.slice(0, limit).map((r) => {
      const c = rows[r.index] as (typeof rows)[number];
      return {
        id: c.id,
        name_zh: c.name_zh,
        name_en: c.name_en,
        distance: r.distance,
        compared: r.compared,
        differences: r.differences.map((d) => ({
          criterion: all[d.criterion] as CriterionKey,
          normalised: d.normalised,
          raw: d.raw,
          contribution: d.contribution,
        })),
      };
    }),
  };
}

export function listCandidateSites(ctx: Context) {
  return ctx.stores.sites
    .list()
    .map((r) => ({ id: r.id, name: r.name, position: [r.lng, r.lat] as [number, number], created_at: r.created_at }));
}

function addCandidateSite(ctx: Context, { name, position }: { name: string; position: [number, number] }) {
  const at = ctx.network.inZone(position);
  asUserInput(() => ctx.network.travel().travelTimes(at, { via: false })); // refuse a site that cannot reach the active network
  const row = ctx.stores.sites.insert({ id: `site-${randomUUID()}`, name, lng: at[0], lat: at[1] });
  return { id: row.id, name: row.name, position: [row.lng, row.lat] as [number, number], created_at: row.created_at };
}

function deleteCandidateSite(ctx: Context, { id }: { id: string }) {
  return { deleted: ctx.stores.sites.remove(id) };
}

export const scoringHandlers = {
  planTaxonomy,
  profilePresets,
  scoreSites,
  compareParks,
  methodAgreement,
  similarSites,
  listCandidateSites,
  addCandidateSite,
  deleteCandidateSite,
} satisfies Handlers<
  | 'planTaxonomy'
  | 'profilePresets'
  | 'scoreSites'
  | 'compareParks'
  | 'methodAgreement'
  | 'similarSites'
  | 'listCandidateSites'
  | 'addCandidateSite'
  | 'deleteCandidateSite'
>;
