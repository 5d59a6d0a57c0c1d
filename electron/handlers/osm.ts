/**
 * The imported extract beside the routing graph (issue 16): its road layer, a clicked road's or
 * junction's tags, and the park and station matches the user reviews.
 */
import type { LayerFeature } from '../../data/schema/layers.ts';
import {
  MATCH_THRESHOLDS,
  proposeMatches,
  segmentMetres,
  wayRule,
  type CatalogueFeature,
  type MatchKind,
  type MatchProposal,
  type OsmFeature,
} from '../../geo/roads/index.ts';
import type { OsmMatch, OsmMatchesResult, RoadFeature, RoadLayerInfo } from '../contract/api.ts';
import type { MatchDecisionRow } from '../db/osm-match-store.ts';
import { NotFoundError, UserInputError } from '../errors.ts';
import type { OsmPlace } from '../roads/extras.ts';
import type { Context, Handlers } from './context.ts';

/** The reference layer each kind of match corrects. */
const LAYER: Record<MatchKind, 'parks' | 'rail-stations'> = { park: 'parks', station: 'rail-stations' };
const PLACE_KIND: Record<MatchKind, OsmPlace['kind']> = { park: 'industrial', station: 'station' };

function osmUrl(type: string, id: number): string {
  return `https://www.openstreetmap.org/${type}/${id}`;
}

function roadLayerInfo(ctx: Context): RoadLayerInfo {
  const osm = ctx.roads.osm();
  const extras = osm ? ctx.roads.extras() : null;
  const available = ctx.roads.active() === 'osm' && extras !== null;
  return {
    available,
    tiles: available && extras ? `/tiles/roads/${extras.tileVersion}/{z}/{x}/{y}.pbf` : null,
    minzoom: extras?.header.tiles.minzoom ?? 0,
    maxzoom: extras?.header.tiles.maxzoom ?? 0,
    bbox: osm?.meta.bbox ?? null,
    attribution: available ? (osm?.meta.attribution ?? null) : null,
    speeds_kmh: osm?.meta.speedsKmh ?? {},
    km_by_class: osm?.meta.kmByClass ?? {},
    as_of: osm?.meta.asOf ?? null,
  };
}

/** @throws NotFoundError when no extract was imported or it has no such road or junction */
function roadFeature(ctx: Context, { kind, id }: { kind: 'way' | 'junction'; id: number }): RoadFeature {
  const osm = ctx.roads.osm();
  const extras = osm ? ctx.roads.extras() : null;
  if (!osm || !extras) throw new NotFoundError('no OpenStreetMap network with its road layer has been imported');
  const common = { attribution: osm.meta.attribution, as_of: osm.meta.asOf };
  if (kind === 'junction') {
    const j = extras.junction(id);
    if (!j) throw new NotFoundError(`the imported network has no motorway junction node/${id}`);
    const tags: Record<string, string> = { highway: 'motorway_junction' };
    if (j.name) tags['name'] = j.name;
    if (j.ref) tags['ref'] = j.ref;
    return {
      kind,
      osm_id: id,
      osm_url: osmUrl('node', id),
      tags,
      class_speed_kmh: null,
      speed_kmh: null,
      position: [j.lng, j.lat],
      ...common,
    };
  }
  const way = extras.way(id);
  if (!way) throw new NotFoundError(`the imported network has no road way/${id}`);
  const tags = { highway: way.highway, ...way.tags };
  // The same rule the import applied, on the stored tags: the speed each direction is driven at.
  const verdict = wayRule(tags, osm.meta.profile);
  return {
    kind,
    osm_id: id,
    osm_url: osmUrl('way', id),
    tags,
    class_speed_kmh: osm.meta.speedsKmh[way.highway] ?? null,
    speed_kmh: verdict.keep
      ? { forward: verdict.forward ? verdict.kmhForward : null, backward: verdict.backward ? verdict.kmhBackward : null }
      : null,
    position: null,
    ...common,
  };
}

interface MatchContext {
  extras: NonNullable<ReturnType<Context['roads']['extras']>>;
  meta: NonNullable<ReturnType<Context['roads']['osm']>>['meta'];
  features: Map<string, LayerFeature>;
  places: Map<string, OsmPlace>;
}

function matchContext(ctx: Context): MatchContext | null {
  const osm = ctx.roads.osm();
  const extras = osm ? ctx.roads.extras() : null;
  if (!osm || !extras) return null;
  const features = new Map<string, LayerFeature>();
  for (const kind of ['park', 'station'] as const)
    // The shipped positions: a proposal says how far the data is from OSM, whatever was corrected since.
    for (const f of ctx.reference.layers.get(LAYER[kind])?.collection.features ?? []) features.set(`${kind}:${f.properties.id}`, f);
  const places = new Map(extras.header.places.map((p) => [`${p.osmType}/${p.osmId}`, p]));
  return { extras, meta: osm.meta, features, places };
}

function namesOf(f: LayerFeature): string[] {
  const p = f.properties as Record<string, unknown>;
  return ['name_zh', 'name_en', 'current_name_zh', 'current_name_en']
    .map((k) => p[k])
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

function placeNames(p: OsmPlace): string[] {
  return [p.name, p.tags['name:zh'], p.tags['name:en'], p.tags['old_name']].filter((v): v is string => typeof v === 'string' && v !== '');
}

function matchId(kind: MatchKind, featureId: string, osmKey: string): string {
  return `${kind}:${featureId}:${osmKey}`;
}

function parseMatchId(id: string): { kind: MatchKind; featureId: string; osmType: 'node' | 'way' | 'relation'; osmId: number } {
  const m = /^(park|station):([^:]+):(node|way|relation)\/(\d+)$/.exec(id);
  if (!m) throw new UserInputError(`"${id}" is not a match id (kind:feature-id:type/osm-id)`);
  return { kind: m[1] as MatchKind, featureId: m[2] as string, osmType: m[3] as 'node' | 'way' | 'relation', osmId: Number(m[4]) };
}

/** Current proposals of both kinds, leaving out rejected pairs and the features and elements of accepted ones. */
function proposals(m: MatchContext, decisions: readonly MatchDecisionRow[]): MatchProposal[] {
  const rejected = new Set(decisions.filter((d) => d.decision === 'rejected').map((d) => `${d.feature_id} ${d.osm_type}/${d.osm_id}`));
  const accepted = decisions.filter((d) => d.decision === 'accepted');
  const out: MatchProposal[] = [];
  for (const kind of ['park', 'station'] as const) {
    const done = new Set(accepted.filter((d) => d.feature_kind === kind).map((d) => d.feature_id));
    const used = new Set(accepted.map((d) => `${d.osm_type}/${d.osm_id}`));
    const catalogue: CatalogueFeature[] = [];
    for (const [key, f] of m.features) {
      if (!key.startsWith(`${kind}:`) || done.has(f.properties.id) || f.geometry?.type !== 'Point') continue;
      catalogue.push({
        id: f.properties.id,
        names: namesOf(f),
        position: f.geometry.coordinates as [number, number],
        approximate: f.properties['precision'] !== 'exact',
      });
    }
    const osm: OsmFeature[] = [];
    for (const [key, p] of m.places)
      if (p.kind === PLACE_KIND[kind] && !used.has(key)) osm.push({ key, names: placeNames(p), position: p.position });
    out.push(...proposeMatches(kind, catalogue, osm, rejected));
  }
  return out;
}

function describe(
  m: MatchContext,
  kind: MatchKind,
  featureId: string,
  osmType: 'node' | 'way' | 'relation',
  osmId: number,
  status: OsmMatch['status'],
  figures: {
    distance_m: number | null;
    name_score: number | null;
    score: number | null;
    decided_at: string | null;
    osm_name?: string | null;
  },
): OsmMatch {
  const f = m.features.get(`${kind}:${featureId}`);
  const p = m.places.get(`${osmType}/${osmId}`);
  const fp = (f?.properties ?? {}) as Record<string, unknown>;
  return {
    id: matchId(kind, featureId, `${osmType}/${osmId}`),
    kind,
    status,
    feature: {
      id: featureId,
      name_zh: typeof fp['name_zh'] === 'string' ? fp['name_zh'] : featureId,
      name_en: typeof fp['name_en'] === 'string' ? fp['name_en'] : featureId,
      position: f?.geometry?.type === 'Point' ? (f.geometry.coordinates as [number, number]) : null,
      precision: String(fp['precision'] ?? 'unknown'),
    },
    osm: {
      type: osmType,
      id: osmId,
      name: p?.name ?? figures.osm_name ?? null,
      name_en: p?.tags['name:en'] ?? null,
      position: p?.position ?? null,
      area_m2: p?.areaM2 ?? null,
      url: osmUrl(osmType, osmId),
      tags: p?.tags ?? {},
    },
    distance_m: figures.distance_m,
    name_score: figures.name_score,
    score: figures.score,
    decided_at: figures.decided_at,
  };
}

function osmMatches(ctx: Context, { include }: { include: 'pending' | 'all' }): OsmMatchesResult {
  const m = matchContext(ctx);
  const counts = (k: OsmPlace['kind']) => (m ? m.extras.header.places.filter((p) => p.kind === k).length : 0);
  const base = {
    source: m?.meta.source.file ?? null,
    as_of: m?.meta.asOf ?? null,
    attribution: m?.meta.attribution ?? null,
    candidates: { industrial: counts('industrial'), station: counts('station') },
  };
  if (!m) return { available: false, matches: [], ...base };
  const decisions = ctx.stores.matches.list();
  const pending = proposals(m, decisions).map((p) => {
    const [type, id] = p.osmKey.split('/') as ['node' | 'way' | 'relation', string];
    return describe(m, p.kind, p.featureId, type, Number(id), 'pending', {
      distance_m: Math.round(p.distanceM),
      name_score: Math.round(p.nameScore * 1000) / 1000,
      score: Math.round(p.score * 1000) / 1000,
      decided_at: null,
    });
  });
  const decided =
    include === 'all'
      ? decisions.map((d) =>
          describe(m, d.feature_kind, d.feature_id, d.osm_type, d.osm_id, d.decision, {
            distance_m: d.distance_m,
            name_score: null,
            score: d.score,
            decided_at: d.decided_at,
            osm_name: d.osm_name,
          }),
        )
      : [];
  // Best first: the review starts with the surest proposals.
  pending.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.id.localeCompare(b.id));
  return { available: true, matches: [...pending, ...decided], ...base };
}

/**
 * @throws UserInputError for a match that is not proposed (accept, reject) or not decided (undo)
 */
function decideOsmMatch(ctx: Context, { id, decision }: { id: string; decision: 'accept' | 'reject' | 'undo' }): OsmMatch {
  const m = matchContext(ctx);
  if (!m) throw new NotFoundError('no OpenStreetMap extract with industrial areas and stations has been imported');
  const { kind, featureId, osmType, osmId } = parseMatchId(id);
  const decisions = ctx.stores.matches.list();
  const key = { feature_kind: kind, feature_id: featureId, osm_type: osmType, osm_id: osmId };
  const existing = decisions.find(
    (d) => d.feature_kind === kind && d.feature_id === featureId && d.osm_type === osmType && d.osm_id === osmId,
  );
  if (decision === 'undo') {
    if (!existing) throw new UserInputError(`the match ${id} has not been decided, so there is nothing to undo`);
    ctx.userDb.transaction(() => {
      ctx.stores.matches.remove(key);
      // An accepted match's correction goes with it (only if it is still that match's correction).
      const c = ctx.stores.corrections.get(featureId);
      if (existing.decision === 'accepted' && c?.source === 'OpenStreetMap' && c.osm_id === `${osmType}/${osmId}`)
        ctx.stores.corrections.remove(featureId);
    })();
    const again = proposals(m, ctx.stores.matches.list()).find((p) => p.featureId === featureId && p.osmKey === `${osmType}/${osmId}`);
    return describe(m, kind, featureId, osmType, osmId, 'pending', {
      distance_m: again ? Math.round(again.distanceM) : null,
      name_score: again ? Math.round(again.nameScore * 1000) / 1000 : null,
      score: again ? Math.round(again.score * 1000) / 1000 : null,
      decided_at: null,
    });
  }
  const proposal = proposals(m, decisions).find((p) => p.kind === kind && p.featureId === featureId && p.osmKey === `${osmType}/${osmId}`);
  if (!proposal)
    throw new UserInputError(
      existing
        ? `the match ${id} was already ${existing.decision}; undo it first to decide again`
        : `the match ${id} is not proposed for the imported extract (list the proposals with osmMatches)`,
    );
  const place = m.places.get(`${osmType}/${osmId}`) as OsmPlace;
  const row: Omit<MatchDecisionRow, 'decided_at'> = {
    ...key,
    decision: decision === 'accept' ? 'accepted' : 'rejected',
    osm_name: place.name,
    distance_m: Math.round(proposal.distanceM),
    score: Math.round(proposal.score * 1000) / 1000,
  };
  ctx.userDb.transaction(() => {
    ctx.stores.matches.put(row);
    if (decision !== 'accept') return;
    const [lng, lat] = place.position;
    const what = place.kind === 'industrial' ? `landuse=industrial “${place.name ?? ''}”` : `railway station “${place.name ?? ''}”`;
    const size = place.areaM2 !== null ? `, centroid of ${(place.areaM2 / 1e6).toFixed(2)} km²` : '';
    ctx.stores.corrections.put({
      park_id: featureId,
      feature_kind: kind,
      lng,
      lat,
      crs: 'wgs84',
      given_lng: lng,
      given_lat: lat,
      source: 'OpenStreetMap',
      osm_id: `${osmType}/${osmId}`,
      note: `OSM ${what}${size}; extract ${m.meta.source.file}${m.meta.asOf ? ` of ${m.meta.asOf.slice(0, 10)}` : ''}`.slice(0, 500),
      citation: osmUrl(osmType, osmId),
      credit: m.meta.attribution,
    });
  })();
  const stored = ctx.stores.matches
    .list()
    .find((d) => d.feature_kind === kind && d.feature_id === featureId && d.osm_type === osmType && d.osm_id === osmId);
  return describe(m, kind, featureId, osmType, osmId, row.decision, {
    distance_m: row.distance_m,
    name_score: Math.round(proposal.nameScore * 1000) / 1000,
    score: row.score,
    decided_at: stored?.decided_at ?? null,
  });
}

/**
 * Why a station correction from a project file is not taken, or null: the station must be one of
 * the reference stations and the position within the farthest station match distance of its
 * shipped position (MATCH_THRESHOLDS: what an accepted match can move it).
 */
export function stationCorrectionProblem(ctx: Context, id: string, position: [number, number]): string | null {
  const f = ctx.reference.layers.get('rail-stations')?.collection.features.find((s) => s.properties.id === id);
  if (!f || f.geometry?.type !== 'Point') return `the reference data has no station "${id}"`;
  const [x, y] = f.geometry.coordinates as [number, number];
  const km = segmentMetres(x, y, position[0], position[1]) / 1000;
  const max = MATCH_THRESHOLDS.station.approximate.maxKm;
  return km > max
    ? `the corrected position is ${km.toFixed(1)} km from the station; a station correction moves it at most ${max} km`
    : null;
}

export const osmHandlers = { roadLayerInfo, roadFeature, osmMatches, decideOsmMatch } satisfies Handlers<
  'roadLayerInfo' | 'roadFeature' | 'osmMatches' | 'decideOsmMatch'
>;
