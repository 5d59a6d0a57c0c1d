/** The transport network's methods: travel times, isochrones, catchments, and the network itself. */
import {
  catchment as catchmentOf,
  DEFAULT_ASSUMPTIONS,
  isochrones,
  originLinks,
  shortestPaths,
  timeField,
  travelTimes as timesFrom,
} from '../../geo/index.ts';
import type { Assumptions, FeatureCollectionResult, NetworkDataResult, TravelTimesResult } from '../contract/api.ts';
import { asUserInput, CATCHMENT_CELL_KM } from '../network/service.ts';
import type { Context, Handlers } from './context.ts';

type Overrides = Partial<Assumptions> | undefined;

function networkInfo(ctx: Context) {
  const net = ctx.network.networkFor();
  const counts: Record<string, number> = {};
  for (const n of net.nodes) for (const c of n.classes) counts[c] = (counts[c] ?? 0) + 1;
  return {
    assumptions: { ...DEFAULT_ASSUMPTIONS },
    nodes: net.nodes.length,
    edges: net.edges.length,
    classCounts: counts,
    markets: ctx.reference.zone.markets.map(({ id, name_zh, name_en }) => ({ id, name_zh, name_en })),
  };
}

function travelTimes(ctx: Context, { from, assumptions }: { from: [number, number]; assumptions?: Overrides }): TravelTimesResult {
  const position = ctx.network.inZone(from);
  const result = asUserInput(() => timesFrom(ctx.network.networkFor(assumptions), position));
  const markets: TravelTimesResult['markets'] = {};
  for (const m of ctx.reference.zone.markets) markets[m.id] = result.markets[m.node] ?? null;
  return { from: [position[0], position[1]], facilities: result.facilities, markets };
}

function isochrone(
  ctx: Context,
  { from, minutes, cellKm, assumptions }: { from: [number, number]; minutes: number[]; cellKm: number; assumptions?: Overrides },
): FeatureCollectionResult {
  const position = ctx.network.inZone(from);
  const features = asUserInput(() => isochrones(ctx.network.networkFor(assumptions), position, minutes, { cellKm }));
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { ...f.properties } })),
  };
}

function catchment(ctx: Context, { from, minutes, assumptions }: { from: [number, number]; minutes: number[]; assumptions?: Overrides }) {
  const position = ctx.network.inZone(from);
  const net = ctx.network.networkFor(assumptions);
  const raster = ctx.network.population(CATCHMENT_CELL_KM);
  const tree = asUserInput(() => shortestPaths(net, originLinks(net, position)));
  const field = timeField(net, raster.grid, tree.minutes, { mask: raster.county, origin: position });
  return minutes.map((m) => catchmentOf(raster, field, m));
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

export const networkHandlers = { networkInfo, travelTimes, isochrone, catchment, networkData, exportNetwork } satisfies Handlers<
  'networkInfo' | 'travelTimes' | 'isochrone' | 'catchment' | 'networkData' | 'exportNetwork'
>;
