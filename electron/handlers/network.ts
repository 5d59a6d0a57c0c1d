/** The transport network's methods: travel times, isochrones, catchments, surfaces, and the network itself. */
import {
  catchment as catchmentOf,
  DEFAULT_ASSUMPTIONS,
  distanceMetres,
  lngLatProblem,
  minutesAt,
  originLinks,
  pathTo,
  shortestPaths,
  type LngLat,
  type PopulationRaster,
  type SurfaceDestination,
  type TravelNetwork,
} from '../../geo/index.ts';
import { roadNetworkGeoJSON } from '../../geo/roads/index.ts';
import type {
  Assumptions,
  NetworkDataResult,
  RoadNetworkInfo,
  RouteResult,
  TravelTimesResult,
  FeatureCollectionResult,
} from '../contract/api.ts';
import { NotFoundError, UserInputError } from '../errors.ts';
import { OFF_ROAD_KMH, type NetworkKind } from '../network/roads.ts';
import { asUserInput, CATCHMENT_CELL_KM, checkedYear, NETWORK_YEAR_SETTING, type NetworkChoice } from '../network/service.ts';
import { networkInfo as osmInfo } from '../roads/store.ts';
import type { Context, Handlers } from './context.ts';

type Overrides = Partial<Assumptions> | undefined;
type Choice = { assumptions?: Overrides; asOf?: number | null | undefined; network?: NetworkKind | undefined };

/** The network a call computes on: the active one (or the one asked for) in the year asked for, else the stored year. */
function travelOf(ctx: Context, { assumptions, asOf, network }: Choice): TravelNetwork {
  const choice: NetworkChoice = {
    ...(assumptions ? { assumptions } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(network ? { network } : {}),
  };
  return ctx.network.travel(choice);
}

/** Facilities of a network left out because no road is within 2 km of them (the warning every answer carries). */
export function unconnectedOf(travel: TravelNetwork): TravelTimesResult['unconnected'] {
  return travel
    .places()
    .filter((p) => !p.connected)
    .map((p) => ({ id: p.id, name_zh: p.name_zh, name_en: p.name_en, classes: [...p.classes], distance_m: p.distanceM }));
}

function networkInfo(ctx: Context) {
  const net = ctx.network.networkFor();
  const travel = ctx.network.travel();
  const counts: Record<string, number> = {};
  for (const p of travel.places()) if (p.connected) for (const c of p.classes) counts[c] = (counts[c] ?? 0) + 1;
  const osm = travel.label.kind === 'osm' ? ctx.roads.osm() : null;
  return {
    assumptions: { ...DEFAULT_ASSUMPTIONS },
    nodes: osm ? osm.graph.nodeCount : net.nodes.length,
    edges: osm ? osm.graph.edgeCount : net.edges.length,
    classCounts: counts,
    markets: ctx.reference.zone.markets.map(({ id, name_zh, name_en }) => ({ id, name_zh, name_en })),
    network: travel.label,
    year: ctx.network.year(),
    years: [...travel.years],
    closed: travel.closed,
    unconnected: unconnectedOf(travel),
    roadSpeeds: osm ? { offRoadKmh: OFF_ROAD_KMH, classes: { ...osm.meta.speedsKmh } } : null,
  };
}

function setNetworkYear(ctx: Context, { asOf }: { asOf: number | null }) {
  const year = checkedYear(asOf);
  ctx.stores.settings.write({ [NETWORK_YEAR_SETTING]: year });
  return { year };
}

export function travelTimes(
  ctx: Context,
  args: { from: [number, number]; assumptions?: Overrides; asOf?: number | null | undefined; network?: NetworkKind | undefined },
): TravelTimesResult {
  const position = ctx.network.inZone(args.from);
  const travel = travelOf(ctx, args);
  const result = asUserInput(() => travel.travelTimes(position));
  const markets: TravelTimesResult['markets'] = {};
  for (const m of ctx.reference.zone.markets) markets[m.id] = result.markets[m.node] ?? null;
  return {
    from: [position[0], position[1]],
    facilities: result.facilities,
    markets,
    network: travel.label,
    origin: result.origin ? { distance_m: result.origin.distanceM, minutes: result.origin.minutes } : null,
    unconnected: unconnectedOf(travel),
  };
}

function isochrone(
  ctx: Context,
  args: { from: [number, number]; minutes: number[]; cellKm: number; assumptions?: Overrides; asOf?: number | null | undefined },
) {
  const position = ctx.network.inZone(args.from);
  const travel = travelOf(ctx, args);
  const features = asUserInput(() => travel.isochrones(position, args.minutes, { cellKm: args.cellKm }));
  return {
    type: 'FeatureCollection' as const,
    features: features.map((f) => ({ type: 'Feature' as const, geometry: f.geometry, properties: { ...f.properties } })),
    network: travel.label,
  };
}

function catchment(
  ctx: Context,
  args: { from: [number, number]; minutes: number[]; assumptions?: Overrides; asOf?: number | null | undefined },
) {
  const position = ctx.network.inZone(args.from);
  const travel = travelOf(ctx, args);
  const raster = ctx.network.population(CATCHMENT_CELL_KM);
  const field = asUserInput(() => travel.fieldFrom(position, raster.grid, { mask: raster.county, limit: Math.max(...args.minutes) }));
  return args.minutes.map((m) => ({ ...catchmentOf(raster, field, m), network: travel.label }));
}

/** The destination of a surface target: a class, or a market's node. */
export function surfaceDestination(ctx: Context, target: { class: string } | { market: string }): SurfaceDestination {
  if ('class' in target) return { class: target.class as Extract<SurfaceDestination, { class: unknown }>['class'] };
  const market = ctx.reference.zone.markets.find((m) => m.id === target.market);
  if (!market) throw new NotFoundError(`no market "${target.market}" (markets: ${ctx.reference.zone.markets.map((m) => m.id).join(', ')})`);
  return { node: market.node };
}

/**
 * Minutes from the cells of a zone raster's rows to a destination on a network.
 * @throws UserInputError when no destination is on the network (e.g. none within 2 km of a road)
 */
export function surfaceField(
  travel: TravelNetwork,
  destination: SurfaceDestination,
  raster: PopulationRaster,
  rows?: readonly [number, number],
): Float32Array {
  try {
    return travel.fieldTo(destination, raster.grid, { mask: raster.county, ...(rows ? { rows } : {}) });
  } catch (error) {
    if (error instanceof Error && /^no /.test(error.message)) throw new UserInputError(error.message, { cause: error });
    throw error;
  }
}

function surface(
  ctx: Context,
  args: {
    target: { class: string } | { market: string };
    cellKm: number;
    rows?: [number, number] | undefined;
    asOf?: number | null | undefined;
  },
) {
  const travel = travelOf(ctx, args);
  const raster = ctx.network.population(args.cellKm);
  const grid = raster.grid;
  const rows: [number, number] = args.rows ?? [0, grid.ny];
  if (rows[0] >= rows[1] || rows[1] > grid.ny)
    throw new UserInputError(`rows [${rows[0]}, ${rows[1]}) are not rows of the ${args.cellKm} km zone grid (${grid.ny} rows)`);
  const field = surfaceField(travel, surfaceDestination(ctx, args.target), raster, rows);
  let cells = 0;
  const minutes = Array.from(field, (v, c) => {
    if ((raster.county[rows[0] * grid.nx + c] as number) >= 0) cells++;
    return Number.isFinite(v) ? Math.round(v * 10) / 10 : null;
  });
  return { network: travel.label, grid: { ...grid }, rows, minutes, cells };
}

function networkData(ctx: Context): NetworkDataResult {
  const { zone } = ctx.reference;
  return {
    input: ctx.network.input as unknown as NetworkDataResult['input'],
    assumptions: { ...DEFAULT_ASSUMPTIONS },
    zone: {
      bbox: zone.bbox,
      counties: zone.counties.map((c) => ({
        adcode: c.adcode,
        name_zh: c.name_zh,
        population: c.population,
        geometry: c.feature.geometry,
      })),
    },
    markets: zone.markets,
  };
}

function exportNetwork(ctx: Context, { assumptions }: { assumptions?: Overrides }): FeatureCollectionResult {
  // The active network: an imported OSM network's edges (with their class, speed and OSM ids), or the schematic graph.
  const osm = ctx.roads.active() === 'osm' ? ctx.roads.osm() : null;
  if (osm) return roadNetworkGeoJSON(osm.graph, { nodes: true }) as FeatureCollectionResult;
  const net = ctx.network.networkFor(assumptions);
  const marketByNode = new Map(ctx.reference.zone.markets.map((m) => [m.node, m]));
  return {
    type: 'FeatureCollection',
    features: [
      ...net.nodes.map((n) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point', coordinates: [n.position[0], n.position[1]] },
        properties: {
          id: n.id,
          name_zh: n.name_zh,
          name_en: n.name_en,
          classes: [...n.classes],
          road: n.road,
          market: marketByNode.get(n.id)?.id ?? null,
        },
      })),
      ...net.edges.map((e) => {
        const a = net.nodes[e.from];
        const b = net.nodes[e.to];
        return {
          type: 'Feature' as const,
          geometry: { type: 'LineString', coordinates: [a?.position ?? [0, 0], b?.position ?? [0, 0]] },
          properties: {
            from: a?.id,
            to: b?.id,
            length_m: Math.round(e.lengthMetres),
            minutes: Math.round(e.minutes * 100) / 100,
            mode: e.mode,
            via: e.via,
          },
        };
      }),
    ],
  };
}

function roadNetworkInfo(ctx: Context): RoadNetworkInfo {
  const osm = ctx.roads.osm();
  const active = ctx.roads.active();
  const schematic = ctx.network.networkFor();
  return {
    active,
    attribution: active === 'osm' && osm ? osm.meta.attribution : null,
    osm: osm ? (osmInfo(osm) as RoadNetworkInfo['osm']) : null,
    schematic: { nodes: schematic.nodes.length, edges: schematic.edges.length, assumptions: { ...DEFAULT_ASSUMPTIONS } },
  };
}

function useNetwork(ctx: Context, { network }: { network: NetworkKind }): RoadNetworkInfo {
  ctx.roads.use(network);
  return roadNetworkInfo(ctx);
}

function checked(p: readonly number[], what: string): LngLat {
  const problem = lngLatProblem(p);
  if (problem) throw new UserInputError(`${what}: ${problem}`);
  return [p[0] as number, p[1] as number];
}

/** Point-to-point driving time on the active network, with snap distances and the classes used. */
function route(ctx: Context, { from, to, geometry }: { from: [number, number]; to: [number, number]; geometry: boolean }): RouteResult {
  const a = checked(from, 'from');
  const b = checked(to, 'to');
  const osm = ctx.roads.active() === 'osm' ? ctx.roads.osm() : null;
  if (osm) {
    const r = osm.router.route(a, b, { geometry });
    if (!r)
      throw new UserInputError(
        `no road connects [${a.join(', ')}] and [${b.join(', ')}] on the imported network (each point must lie within 100 km of a road of the network)`,
      );
    const leg = (m: number) => ({ distance_m: m, access_minutes: minutesAt(m, OFF_ROAD_KMH) });
    const snap = { from: leg(r.from.distanceM), to: leg(r.to.distanceM) };
    return {
      network: 'osm',
      minutes: r.minutes + snap.from.access_minutes + snap.to.access_minutes,
      km: r.km,
      classes_km: r.classesKm as Record<string, number>,
      snap,
      geometry: r.geometry ? { type: 'LineString', coordinates: [a as [number, number], ...r.geometry, b as [number, number]] } : null,
    };
  }
  // The schematic network: the best of (a's links → tree → b's links), or the direct ordinary-road leg.
  const net = ctx.network.networkFor();
  const tree = asUserInput(() => shortestPaths(net, originLinks(net, a)));
  const linksB = asUserInput(() => originLinks(net, b));
  let best = { minutes: Number.POSITIVE_INFINITY, node: -1, leg: 0 };
  for (const l of linksB) {
    const t = (tree.minutes[l.node] as number) + l.minutes;
    if (t < best.minutes) best = { minutes: t, node: l.node, leg: l.minutes };
  }
  const nodes = best.node >= 0 ? pathTo(tree, best.node) : [];
  const kmOf: Record<string, number> = {};
  for (let k = 1; k < nodes.length; k++) {
    const e = net.edges.filter((x) => x.from === nodes[k - 1] && x.to === nodes[k]).sort((x, y) => x.minutes - y.minutes)[0];
    if (e) kmOf[e.mode] = (kmOf[e.mode] ?? 0) + e.lengthMetres / 1000;
  }
  const first = nodes[0] === undefined ? null : net.nodes[nodes[0]];
  const last = best.node >= 0 ? net.nodes[best.node] : null;
  const legKm = (p: LngLat, n: { position: LngLat } | null | undefined) =>
    n ? (distanceMetres(p, n.position) * net.assumptions.detourFactor) / 1000 : 0;
  kmOf['access'] = (kmOf['access'] ?? 0) + legKm(a, first) + legKm(b, last);
  if (!Number.isFinite(best.minutes))
    throw new UserInputError(`no route between [${a.join(', ')}] and [${b.join(', ')}] on the schematic network`);
  const snapA = first ? distanceMetres(a, first.position) : 0;
  const snapB = last ? distanceMetres(b, last.position) : 0;
  return {
    network: 'schematic',
    minutes: best.minutes,
    km: Object.values(kmOf).reduce((s, x) => s + x, 0),
    classes_km: kmOf,
    snap: {
      from: {
        distance_m: snapA,
        access_minutes: nodes[0] === undefined ? 0 : (tree.minutes[nodes[0]] as number),
      },
      to: { distance_m: snapB, access_minutes: best.leg },
    },
    geometry: geometry
      ? {
          type: 'LineString',
          coordinates: [a as [number, number], ...nodes.map((i) => net.nodes[i]?.position as [number, number]), b as [number, number]],
        }
      : null,
  };
}

function importRoadNetwork(ctx: Context, { uploadId, clip }: { uploadId: string; clip: Parameters<Context['roads']['startImport']>[1] }) {
  const staged = ctx.uploads.complete(uploadId);
  // The staged copy is removed when the import ends, whatever its outcome (a borrowed file, the CLI's, is left alone).
  const jobId = ctx.roads.startImport({ path: staged.path, name: staged.name }, clip, () => ctx.uploads.discard(uploadId));
  return { jobId };
}

function roadImportStatus(ctx: Context, { jobId }: { jobId: string }) {
  const job = ctx.roads.status(jobId);
  return {
    id: job.id,
    status: job.status,
    phase: job.progress?.phase ?? null,
    fraction: job.status === 'done' ? 1 : (job.progress?.fraction ?? 0),
    bytesRead: job.progress?.bytesRead ?? 0,
    totalBytes: job.progress?.totalBytes ?? 0,
    etaSeconds: job.progress?.etaSeconds ?? null,
    error: job.error,
    info: job.meta ? (osmInfo(job.meta) as RoadNetworkInfo['osm']) : null,
  };
}

function cancelRoadImport(ctx: Context, { jobId }: { jobId: string }) {
  return { cancelled: ctx.roads.cancel(jobId) };
}

export const networkHandlers = {
  networkInfo,
  setNetworkYear,
  travelTimes,
  isochrone,
  catchment,
  surface,
  networkData,
  exportNetwork,
  roadNetworkInfo,
  useNetwork,
  route,
  importRoadNetwork,
  roadImportStatus,
  cancelRoadImport,
} satisfies Handlers<
  | 'networkInfo'
  | 'setNetworkYear'
  | 'travelTimes'
  | 'isochrone'
  | 'catchment'
  | 'surface'
  | 'networkData'
  | 'exportNetwork'
  | 'roadNetworkInfo'
  | 'useNetwork'
  | 'route'
  | 'importRoadNetwork'
  | 'roadImportStatus'
  | 'cancelRoadImport'
>;
