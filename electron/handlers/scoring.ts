/**
 * Ranking candidate sites for an enterprise profile: the zone's parks plus the sites a user
 * added and imported candidates; comparing parks; the user's own sites. Profile-independent facts
 * come from electron/scoring (computed once); the ranking itself is geo/scoring.
 */
import { randomUUID } from 'node:crypto';
import { defaultWeights, moveUp, scoreCandidates, toPercent, travelTimes, type CriterionId } from '../../geo/index.ts';
import type { CompareResult, Profile, RankingResult, ScoreArgs } from '../contract/api.ts';
import { NotFoundError, UserInputError } from '../errors.ts';
import { asUserInput } from '../network/service.ts';
import type { Context, Handlers } from './context.ts';

type Choice = Pick<ScoreArgs, 'method' | 'weights' | 'ahp'>;

function checkProfile(ctx: Context, profile: Profile): void {
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

/** The ranking's options from the API's arguments (weights in percent over the profile's defaults). */
function optionsFor(profile: Profile, a: Choice) {
  return {
    method: a.method,
    weights: asUserInput(() => toPercent({ ...defaultWeights(profile), ...(a.weights ?? {}) } as Record<CriterionId, number>)),
    ...(a.ahp ? { ahp: { criteria: a.ahp.criteria, matrix: a.ahp.matrix } } : {}),
  };
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

export function scoreSites(ctx: Context, { profile, method, weights, ahp, monteCarloSamples }: ScoreArgs): RankingResult {
  checkProfile(ctx, profile);
  const ranking = asUserInput(() =>
    scoreCandidates(profile, [...ctx.facts.parks(), ...ctx.facts.customSites()], ctx.reference.plan.focus, {
      ...optionsFor(profile, { method, weights, ahp }),
      ...(monteCarloSamples > 0 ? { monteCarlo: { samples: monteCarloSamples, seed: 1 } } : {}),
    }),
  );
  return { ...ranking, defaultWeights: defaultWeights(profile), candidates: ranking.candidates.map(withPlainPosition) };
}

export function compareParks(
  ctx: Context,
  { profile, method, weights, ahp, ids, own }: Choice & { profile: Profile; ids: string[]; own?: string | undefined },
): CompareResult {
  checkProfile(ctx, profile);
  const { focus, presets } = ctx.reference.plan;
  // Every park and site in the zone, plus imported competitors: ranks are places among all of them.
  const pool = [...ctx.facts.parks(), ...ctx.facts.customSites(), ...ctx.facts.competitors()];
  const known = new Set(pool.map((c) => c.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0)
    throw new NotFoundError(`not a park or site that can be compared (unknown, unlocated or outside the zone): ${missing.join(', ')}`);
  if (new Set(ids).size !== ids.length) throw new UserInputError('each park may be chosen once');
  if (own !== undefined && !ids.includes(own)) throw new UserInputError(`own park "${own}" must be one of the compared ids`);
  const options = optionsFor(profile, { method, weights, ahp });
  const ranking = asUserInput(() => scoreCandidates(profile, pool, focus, { ...options, sensitivity: false }));
  const byId = new Map(ranking.candidates.map((c) => [c.id, c]));
  // Each of the plan's ten industry presets with its default weights, same method (AHP's matrix belongs to
  // the user's profile, so presets use the weighted sum there).
  const presetRanks = presets.map((p) => {
    const r = scoreCandidates(p.profile, pool, focus, {
      method: method === 'topsis' ? 'topsis' : 'wsm',
      weights: defaultWeights(p.profile),
      sensitivity: false,
    });
    const ranks = new Map(r.candidates.map((c) => [c.id, c.rank]));
    return { id: p.id, name_zh: p.name_zh, name_en: p.name_en, ranks: Object.fromEntries(ids.map((id) => [id, ranks.get(id) ?? null])) };
  });
  const target = own ?? ids[0];
  return {
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

export function listCandidateSites(ctx: Context) {
  return ctx.stores.sites
    .list()
    .map((r) => ({ id: r.id, name: r.name, position: [r.lng, r.lat] as [number, number], created_at: r.created_at }));
}

function addCandidateSite(ctx: Context, { name, position }: { name: string; position: [number, number] }) {
  const at = ctx.network.inZone(position);
  asUserInput(() => travelTimes(ctx.network.networkFor(), at)); // refuse a site that cannot reach the network
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
  listCandidateSites,
  addCandidateSite,
  deleteCandidateSite,
} satisfies Handlers<
  'planTaxonomy' | 'profilePresets' | 'scoreSites' | 'compareParks' | 'listCandidateSites' | 'addCandidateSite' | 'deleteCandidateSite'
>;
