/**
 * The team workspace's methods (issue 20): the service in electron/team does the work; here the
 * analysis gets the parks (with their corrections) and, for minutes, their isochrones on the
 * active network in the stored year, the same areas the map draws.
 */
import type { TravelNetwork } from '../../geo/index.ts';
import type { TeamCountResult, TeamKindName } from '../contract/api.ts';
import { NotFoundError, UserInputError } from '../errors.ts';
import { countWithinKm, countWithinMinutes, storeCatchments, storedCatchments, type CatchmentKey } from '../team/analysis.ts';
import type { Context, Handlers } from './context.ts';
import { dataVersions, networkVersion } from './stamp-inputs.ts';

/** Isochrone cells for a stored catchment, km (the map's default; geo/surfaces/isochrone.ts). */
const CATCHMENT_CELL_KM = 2;

const teamStatus = (ctx: Context) => ctx.team.status();
const teamConfigure = (ctx: Context, args: { url: string; password?: string | undefined; forgetPassword?: boolean | undefined }) =>
  ctx.team.configure(args);
const teamConnect = (ctx: Context) => ctx.team.connect();
const teamInit = (ctx: Context) => ctx.team.init();
const teamPush = (ctx: Context) => ctx.team.push();
const teamPull = (ctx: Context) => ctx.team.pull();
const teamSync = (ctx: Context) => ctx.team.sync();
const teamConflicts = (ctx: Context) => ctx.team.conflicts();
const teamResolve = (ctx: Context, { kind, id, choice }: { kind: TeamKindName; id: string; choice: 'mine' | 'theirs' }) =>
  ctx.team.resolve(kind, id, choice);
const teamLog = (ctx: Context, { limit }: { limit: number }) => ctx.team.readLog(limit);

/** The zone's parks that have a position, corrections applied. */
function parkPoints(ctx: Context) {
  return (ctx.layers().get('parks')?.collection.features ?? []).flatMap((f) =>
    f.geometry?.type === 'Point'
      ? [
          {
            id: String(f.properties.id),
            name_zh: String(f.properties.name_zh ?? ''),
            name_en: String(f.properties.name_en ?? ''),
            position: f.geometry.coordinates as [number, number],
          },
        ]
      : [],
  );
}

/**
 * The active network in the stored year, and the key its stored catchments go under: the network's kind, a hash of its
 * data (the report stamp's), the year and the cell size. A catchment computed on another network, in another year or
 * on data since replaced is never reused.
 */
export function catchmentNetwork(ctx: Context): { travel: TravelNetwork; key: string; name: string } {
  const travel = ctx.network.travel();
  const { label } = travel;
  const version = networkVersion(ctx, dataVersions(ctx), label.year);
  const year = label.year ?? 'data';
  return {
    travel,
    key: `${label.kind}/${version.hash.slice(0, 12)}/${year}/${CATCHMENT_CELL_KM}km`,
    name: `${label.name_en}${label.asOf ? `, as of ${label.asOf}` : ''}${label.year !== null ? `, in ${label.year}` : ''}; ${CATCHMENT_CELL_KM} km cells`,
  };
}

async function teamCountNear(
  ctx: Context,
  { layerId, km, minutes }: { layerId: string; km?: number | undefined; minutes?: number | undefined },
): Promise<TeamCountResult> {
  if ((km === undefined) === (minutes === undefined)) throw new UserInputError('give either km or minutes, not both or neither');
  const parks = parkPoints(ctx);
  return ctx.team.withSession(async (s) => {
    const known = await s.client.query<{ n: number }>('SELECT count(*)::integer AS n FROM team.layers WHERE id = $1 AND NOT deleted', [
      layerId,
    ]);
    if (!known.rows[0]?.n) throw new NotFoundError(`the team server has no layer "${layerId}" (push it first)`);
    const names = new Map(parks.map((p) => [p.id, p]));
    const named = (rows: { id: string; count: number }[]) =>
      rows.map((r) => ({ id: r.id, name_zh: names.get(r.id)?.name_zh ?? r.id, name_en: names.get(r.id)?.name_en ?? r.id, count: r.count }));
    if (km !== undefined) {
      const started = performance.now();
      const counts = await countWithinKm(s, layerId, parks, km);
      return {
        layerId,
        unit: 'km',
        value: km,
        network: null,
        computedCatchments: 0,
        counts: named(counts),
        serverMs: performance.now() - started,
      };
    }
    const m = minutes as number;
    const { travel, key, name } = catchmentNetwork(ctx);
    const keys: CatchmentKey[] = parks.map((p) => ({
      parkId: p.id,
      network: `${key}/${p.position[0].toFixed(5)},${p.position[1].toFixed(5)}`,
    }));
    const have = await storedCatchments(s, m, keys);
    const missing = keys.filter((k) => !have.has(k.parkId));
    const polygons = missing.flatMap((k) => {
      const park = names.get(k.parkId) as { position: [number, number] };
      try {
        const [area] = travel.isochrones(park.position, [m], { cellKm: CATCHMENT_CELL_KM });
        return area && area.geometry.coordinates.length > 0 ? [{ ...k, geometry: area.geometry }] : [];
      } catch {
        // A park the network does not reach has no catchment: it counts 0.
        return [];
      }
    });
    await storeCatchments(s, m, polygons);
    const started = performance.now();
    const counts = await countWithinMinutes(s, layerId, m, keys);
    return {
      layerId,
      unit: 'minutes',
      value: m,
      network: name,
      computedCatchments: polygons.length,
      counts: named(counts),
      serverMs: performance.now() - started,
    };
  });
}

export const teamHandlers = {
  teamStatus,
  teamConfigure,
  teamConnect,
  teamInit,
  teamPush,
  teamPull,
  teamSync,
  teamConflicts,
  teamResolve,
  teamLog,
  teamCountNear,
} satisfies Handlers<
  | 'teamStatus'
  | 'teamConfigure'
  | 'teamConnect'
  | 'teamInit'
  | 'teamPush'
  | 'teamPull'
  | 'teamSync'
  | 'teamConflicts'
  | 'teamResolve'
  | 'teamLog'
  | 'teamCountNear'
>;
