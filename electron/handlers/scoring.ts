/**
 * Ranking candidate sites for an enterprise profile: parks from the zone layer plus the sites a
 * user added. Site facts that do not depend on the profile (travel times, labour pool) are
 * computed once and cached; a ranking is then a pure computation in geo/scoring.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  defaultWeights,
  moveUp,
  prefectureOf,
  scoreCandidates,
  toPercent,
  travelTimes,
  type CandidateFacts,
  type CriterionId,
  type EnterpriseProfile,
  type LngLat,
  type PlanFocus,
} from '../../geo/index.ts';
import type { Api, RankingResult } from '../contract/api.ts';
import type { HandlerDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import { asBadArgument, type ZoneNetworkService } from './network.ts';

/** Labour pool: residents within this many minutes. */
export const LABOUR_MINUTES = 60;

interface PlanFile {
  source: string;
  industries: { id: string; name_zh: string; name_en: string; sublines: { id: string; name_zh: string; name_en: string }[] }[];
  prefectures: { adcode: string; focus_industries: string[]; focus_sublines: string[] }[];
}

export function scoringHandlers(
  deps: HandlerDeps,
  network: ZoneNetworkService,
): Pick<
  Api,
  'planTaxonomy' | 'profilePresets' | 'scoreSites' | 'compareParks' | 'listCandidateSites' | 'addCandidateSite' | 'deleteCandidateSite'
> {
  const plan = JSON.parse(readFileSync(deps.files.plan, 'utf8')) as PlanFile;
  const presets = (
    JSON.parse(readFileSync(deps.files.presets, 'utf8')) as {
      presets: { id: string; name_zh: string; name_en: string; profile: EnterpriseProfile }[];
    }
  ).presets;
  const focus: PlanFocus = { prefectures: plan.prefectures };
  const marketNode = (id: string) => deps.zone.markets.find((m) => m.id === id)?.node;
  const industryIds = new Set(plan.industries.map((i) => i.id));
  const sublineIds = new Set(plan.industries.flatMap((i) => i.sublines.map((s) => s.id)));

  const listSites = deps.userDb.prepare(
    'SELECT id, name, lng, lat, created_at FROM candidate_sites WHERE project_id = 1 ORDER BY created_at, id',
  );
  const insertSite = deps.userDb.prepare('INSERT INTO candidate_sites (id, project_id, name, lng, lat) VALUES (?, 1, ?, ?, ?)');
  const deleteSite = deps.userDb.prepare('DELETE FROM candidate_sites WHERE id = ?');
  // Points of imported layers whose role is "candidates" join the ranking too; "competitors" join
  // comparisons (a park manager's rivals), not the enterprise's ranking.
  const importedWithRole = deps.userDb.prepare(`
    SELECT f.id, f.geometry, f.properties, l.name AS layer FROM user_features f JOIN user_layers l ON l.id = f.layer_id
    WHERE l.role = ? ORDER BY l.created_at, f.id`);

  /** Facts of one site on the default network. */
  const factsAt = (base: Omit<CandidateFacts, 'minutes' | 'labour' | 'labourUnknown'>): CandidateFacts => {
    const net = network.networkFor();
    const t = asBadArgument(() => travelTimes(net, base.position));
    const market = (id: string) => {
      const node = marketNode(id);
      return node ? (t.markets[node]?.minutes ?? null) : null;
    };
    const gz = market('guangzhou');
    const sz = market('shenzhen');
    const labour = network.labourWithin(base.position, LABOUR_MINUTES);
    return {
      ...base,
      minutes: {
        interchange: t.facilities.interchange?.minutes ?? null,
        freight: t.facilities.freight?.minutes ?? null,
        'intl-rail': t.facilities['international-rail']?.minutes ?? null,
        airport: t.facilities['airport-cargo']?.minutes ?? null,
        bonded: t.facilities['bonded-zone']?.minutes ?? null,
        port: t.facilities.port?.minutes ?? null,
        gba: gz === null && sz === null ? null : Math.min(gz ?? Infinity, sz ?? Infinity),
        changsha: market('changsha'),
        hsr: t.facilities['hsr-station']?.minutes ?? null,
      },
      labour: labour.population,
      labourUnknown: labour.unknownCounties,
    };
  };

  let parkFacts: CandidateFacts[] | undefined;
  const parks = (): CandidateFacts[] => {
    parkFacts ??= (deps.layers.get('parks')?.collection.features ?? [])
      .filter((f) => f.geometry?.type === 'Point')
      .map((f) => {
        const adcode = f.properties['adcode'];
        return factsAt({
          id: f.properties.id,
          name_zh: f.properties.name_zh,
          name_en: f.properties.name_en,
          kind: 'park',
          position: (f.geometry as { coordinates: [number, number] }).coordinates,
          level: f.properties['level'] as 'national' | 'provincial',
          prefectureAdcode: typeof adcode === 'string' ? prefectureOf(adcode) : null,
          industries: (f.properties['industries'] as { industry_id: string | null; subline_id: string | null }[]) ?? [],
        });
      });
    return parkFacts;
  };
  const siteFacts = new Map<string, CandidateFacts>();
  const imported = (role: 'candidates' | 'competitors'): { id: string; name: string; lng: number; lat: number }[] =>
    (importedWithRole.all(role) as { id: number; geometry: string; properties: string; layer: string }[]).flatMap((r, i) => {
      const g = JSON.parse(r.geometry) as { type: string; coordinates: [number, number] };
      if (g.type !== 'Point') return [];
      const p = JSON.parse(r.properties) as Record<string, unknown>;
      const name = [p['name'], p['名称'], p['name_zh'], p['title']].find((v) => typeof v === 'string' && v.trim() !== '') as
        string | undefined;
      return [{ id: `imported-${r.id}`, name: name ?? `${r.layer} #${i + 1}`, lng: g.coordinates[0], lat: g.coordinates[1] }];
    });
  const sitesFacts = (rows: { id: string; name: string; lng: number; lat: number }[]): CandidateFacts[] =>
    rows.flatMap((row) => {
      const key = `${row.id}|${row.lng}|${row.lat}|${row.name}`;
      let f = siteFacts.get(key);
      if (!f) {
        const position: LngLat = [row.lng, row.lat];
        const county = network.countyAt(position);
        if (!county) return []; // imported points outside the zone are not candidates here
        try {
          f = factsAt({
            id: row.id,
            name_zh: row.name,
            name_en: row.name,
            kind: 'custom',
            position,
            level: null,
            prefectureAdcode: county.prefecture_adcode,
            industries: [],
          });
        } catch {
          return []; // out of the network's reach: cannot be scored
        }
        siteFacts.set(key, f);
      }
      return [f];
    });
  const customSites = () =>
    sitesFacts([...(listSites.all() as { id: string; name: string; lng: number; lat: number }[]), ...imported('candidates')]);

  const checkProfile = (profile: { industry: string; subline: string | null }) => {
    if (!industryIds.has(profile.industry))
      throw new ApiError(
        'BAD_ARGUMENT',
        `profile.industry "${profile.industry}" is not one of the plan's ten industries (${[...industryIds].join(', ')})`,
      );
    if (profile.subline !== null && !sublineIds.has(profile.subline))
      throw new ApiError('BAD_ARGUMENT', `profile.subline "${profile.subline}" is not a sub-line of the plan`);
    if (profile.subline !== null && !profile.subline.startsWith(`${profile.industry}.`))
      throw new ApiError('BAD_ARGUMENT', `profile.subline "${profile.subline}" does not belong to industry "${profile.industry}"`);
  };
  /** The ranking's options from the API's arguments (weights in percent over the profile's defaults). */
  const optionsFor = (
    profile: EnterpriseProfile,
    a: {
      method: 'wsm' | 'ahp' | 'topsis';
      weights?: Partial<Record<CriterionId, number>> | undefined;
      ahp?: { criteria: CriterionId[]; matrix: number[][] } | undefined;
    },
  ) => ({
    method: a.method,
    weights: asBadArgument(() => toPercent({ ...defaultWeights(profile), ...(a.weights ?? {}) } as Record<CriterionId, number>)),
    ...(a.ahp ? { ahp: { criteria: a.ahp.criteria, matrix: a.ahp.matrix } } : {}),
  });

  return {
    planTaxonomy() {
      return {
        industries: plan.industries.map((i) => ({
          id: i.id,
          name_zh: i.name_zh,
          name_en: i.name_en,
          sublines: i.sublines.map((s) => ({ id: s.id, name_zh: s.name_zh, name_en: s.name_en })),
        })),
        source: plan.source,
      };
    },

    profilePresets() {
      return presets;
    },

    scoreSites({ profile, method, weights, ahp, monteCarloSamples }): RankingResult {
      checkProfile(profile);
      const defaults = defaultWeights(profile as EnterpriseProfile);
      const ranking = asBadArgument(() =>
        scoreCandidates(profile as EnterpriseProfile, [...parks(), ...customSites()], focus, {
          ...optionsFor(profile as EnterpriseProfile, { method, weights, ahp }),
          ...(monteCarloSamples > 0 ? { monteCarlo: { samples: monteCarloSamples, seed: 1 } } : {}),
        }),
      );
      return {
        ...ranking,
        defaultWeights: defaults,
        candidates: ranking.candidates.map((c) => ({ ...c, position: [c.position[0], c.position[1]] as [number, number] })),
      };
    },

    compareParks({ profile, method, weights, ahp, ids, own }) {
      checkProfile(profile);
      // Every park and site in the zone, plus imported competitors: ranks are places among all of them.
      const pool = [...parks(), ...customSites(), ...sitesFacts(imported('competitors'))];
      const known = new Set(pool.map((c) => c.id));
      const missing = ids.filter((id) => !known.has(id));
      if (missing.length > 0)
        throw new ApiError(
          'NOT_FOUND',
          `not a park or site that can be compared (unknown, unlocated or outside the zone): ${missing.join(', ')}`,
        );
      if (new Set(ids).size !== ids.length) throw new ApiError('BAD_ARGUMENT', 'each park may be chosen once');
      if (own !== undefined && !ids.includes(own)) throw new ApiError('BAD_ARGUMENT', `own park "${own}" must be one of the compared ids`);
      const options = optionsFor(profile as EnterpriseProfile, { method, weights, ahp });
      const ranking = asBadArgument(() => scoreCandidates(profile as EnterpriseProfile, pool, focus, { ...options, sensitivity: false }));
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
        return {
          id: p.id,
          name_zh: p.name_zh,
          name_en: p.name_en,
          ranks: Object.fromEntries(ids.map((id) => [id, ranks.get(id) ?? null])),
        };
      });
      const target = own ?? ids[0];
      return {
        method: ranking.method,
        weights: ranking.weights,
        of: ranking.candidates.filter((c) => c.rank !== null).length,
        parks: ids.map((id) => {
          const c = byId.get(id) as (typeof ranking.candidates)[number];
          return { ...c, position: [c.position[0], c.position[1]] as [number, number] };
        }),
        presets: presetRanks,
        moveUp: target === undefined ? null : asBadArgument(() => moveUp(profile as EnterpriseProfile, pool, focus, options, target)),
      };
    },

    listCandidateSites() {
      return (listSites.all() as { id: string; name: string; lng: number; lat: number; created_at: string }[]).map((r) => ({
        id: r.id,
        name: r.name,
        position: [r.lng, r.lat] as [number, number],
        created_at: r.created_at,
      }));
    },

    addCandidateSite({ name, position }) {
      const at = network.inZone(position);
      asBadArgument(() => travelTimes(network.networkFor(), at)); // refuse a site that cannot reach the network
      const id = `site-${randomUUID()}`;
      insertSite.run(id, name, at[0], at[1]);
      const row = deps.userDb.prepare('SELECT created_at FROM candidate_sites WHERE id = ?').get(id) as { created_at: string };
      return { id, name, position: [at[0], at[1]], created_at: row.created_at };
    },

    deleteCandidateSite({ id }) {
      return { deleted: deleteSite.run(id).changes > 0 };
    },
  };
}
