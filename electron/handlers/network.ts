/**
 * The transport network built from the zone's layers, and the API methods over it: travel
 * times, isochrones, catchments, and the network itself for export and for the renderer's
 * surface worker. Networks are cached per set of assumptions.
 */
import { booleanPointInPolygon, point } from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  buildNetwork,
  catchment,
  DEFAULT_ASSUMPTIONS,
  gridOver,
  isochrones,
  lngLatProblem,
  populationRaster,
  rasterize,
  shortestPaths,
  originLinks,
  timeField,
  travelTimes,
  UnreachableError,
  linkCells,
  fieldFromLinks,
  type CellLinks,
  type PopulationRaster,
  type FacilityClass,
  type LineInput,
  type LngLat,
  type Network,
  type NetworkAssumptions,
  type NetworkInput,
  type PointInput,
  type Rings,
} from '../../geo/index.ts';
import type { Api, NetworkDataResult, TravelTimesResult } from '../contract/api.ts';
import type { LayerFeature, LayerId } from '../../data/schema/layers.ts';
import type { HandlerDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import type { ReferenceLayer } from './reference-layers.ts';

export interface Market {
  id: string;
  name_zh: string;
  name_en: string;
  node: string;
}

export interface ZoneCounty {
  adcode: string;
  name_zh: string;
  name_en: string;
  prefecture_adcode: string;
  population: number | null;
  feature: Feature<Polygon | MultiPolygon>;
}

export interface ZoneData {
  counties: ZoneCounty[];
  bbox: [number, number, number, number];
  markets: Market[];
}

/** Grid cell for catchments, km: fine enough for county-level apportionment. */
export const CATCHMENT_CELL_KM = 1;

/** Reads the zone's county polygons (built by build:data) and joins 2020 populations (data/counties.json). */
export function loadZone(zoneFile: string, countiesFile: string, marketsFile: string): ZoneData {
  const polygons = JSON.parse(readFileSync(zoneFile, 'utf8')) as { features: Feature<Polygon | MultiPolygon, Record<string, string>>[] };
  const table = JSON.parse(readFileSync(countiesFile, 'utf8')) as {
    counties: { adcode: string; name_zh: string; population_2020: number | null }[];
  };
  // Boundary data predates 2019 (邵东县, 祁阳县): match on adcode, then on the name without its unit.
  const stem = (name: string) => name.replace(/(自治县|县|市|区)$/u, '');
  const counties = polygons.features.map((f) => {
    const p = f.properties;
    const row =
      table.counties.find((c) => c.adcode === p['adcode']) ?? table.counties.find((c) => stem(c.name_zh) === stem(p['name_zh'] ?? ''));
    return {
      adcode: p['adcode'] ?? '',
      name_zh: p['name_zh'] ?? '',
      name_en: p['name_en'] ?? '',
      prefecture_adcode: p['prefecture_adcode'] ?? '',
      population: row?.population_2020 ?? null,
      feature: f,
    };
  });
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const c of counties) {
    const rings = c.feature.geometry.type === 'Polygon' ? c.feature.geometry.coordinates : c.feature.geometry.coordinates.flat();
    for (const ring of rings)
      for (const [x = 0, y = 0] of ring) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
  }
  const markets = (JSON.parse(readFileSync(marketsFile, 'utf8')) as { markets: Market[] }).markets;
  return { counties, bbox: [w, s, e, n], markets };
}

const located = (f: LayerFeature): f is LayerFeature & { geometry: { type: 'Point'; coordinates: [number, number] } } =>
  f.geometry?.type === 'Point';

function stationClasses(f: LayerFeature, markets: ReadonlySet<string>, international: ReadonlySet<string>): FacilityClass[] {
  const kind = String(f.properties['kind']);
  const classes: FacilityClass[] = [];
  if (kind.includes('hsr')) classes.push('hsr-station');
  if (kind === 'freight') classes.push('freight');
  if (international.has(f.properties.id)) classes.push('international-rail');
  if (markets.has(f.properties.id)) classes.push('market');
  return classes;
}

/** The network's input from the reference layers: only features with a known position take part. */
export function zoneNetworkInput(layers: ReadonlyMap<LayerId, ReferenceLayer>, markets: readonly Market[]): NetworkInput {
  const features = (id: LayerId) => layers.get(id)?.collection.features ?? [];
  const marketNodes = new Set(markets.map((m) => m.node));
  const international = new Set(markets.filter((m) => m.id === 'huaihua-international-rail').map((m) => m.node));
  const pointOf = (f: LayerFeature, classes: FacilityClass[]): PointInput => ({
    id: f.properties.id,
    name_zh: f.properties.name_zh,
    name_en: f.properties.name_en,
    position: (f.geometry as { coordinates: [number, number] }).coordinates,
    classes: marketNodes.has(f.properties.id) && !classes.includes('market') ? [...classes, 'market'] : classes,
  });
  const interchanges = features('interchanges')
    .filter(located)
    .map((f) => pointOf(f, ['interchange']));
  const facilities: PointInput[] = [
    ...features('rail-stations')
      .filter(located)
      .map((f) => pointOf(f, stationClasses(f, marketNodes, international))),
    ...features('airports')
      .filter(located)
      .map((f) => pointOf(f, f.properties['cargo'] ? ['airport', 'airport-cargo'] : ['airport'])),
    ...features('bonded-zones')
      .filter(located)
      .map((f) => pointOf(f, ['bonded-zone'])),
    ...features('ports')
      .filter(located)
      .map((f) => pointOf(f, ['port'])),
    // Hubs and logistics parks are destinations; international train services are not places (their
    // departure yard is a station already).
    ...features('logistics-hubs')
      .filter((f) => located(f) && f.properties['kind'] !== 'rail-service')
      .map((f) => pointOf(f, ['logistics-hub'])),
  ];
  const known = new Set([...interchanges, ...facilities].map((p) => p.id));
  const lines = (id: LayerId, stopsKey: 'interchanges' | 'stations', mode: (f: LayerFeature) => LineInput['mode']): LineInput[] =>
    features(id)
      .filter((f) => f.geometry?.type === 'LineString')
      .map((f) => ({
        id: f.properties.id,
        name_zh: f.properties.name_zh,
        coordinates: (f.geometry as { coordinates: LngLat[] }).coordinates,
        // Stops without a known position are skipped: the line joins the located ones.
        stops: (f.properties[stopsKey] as string[]).filter((s) => known.has(s)),
        mode: mode(f),
      }))
      .filter((l) => l.stops.length >= 2);
  return {
    interchanges,
    expressways: lines('expressways', 'interchanges', () => 'expressway'),
    facilities,
    railLines: lines('rail-lines', 'stations', (f) => (f.properties['kind'] === 'hsr' ? 'hsr' : 'rail')),
  };
}

const AssumptionKeys = Object.keys(DEFAULT_ASSUMPTIONS) as (keyof NetworkAssumptions)[];

/** Grid cell for the labour criterion of the ranking, km: coarse enough for thousands of sites. */
export const LABOUR_CELL_KM = 5;

/**
 * The zone's network, cached per set of assumptions, with the population rasters used for
 * catchments. Shared by the network and scoring handlers.
 */
export interface ZoneNetworkService {
  input: NetworkInput;
  networkFor(overrides?: Partial<NetworkAssumptions>): Network;
  /** Population raster at `cellKm`, built on first use. */
  population(cellKm: number): PopulationRaster;
  /** Residents within `minutes` of a position on the default network (stored cell links, fast). */
  labourWithin(position: LngLat, minutes: number): ReturnType<typeof catchment>;
  /** Checks a position and that it lies in the zone; throws BAD_ARGUMENT naming the problem. */
  inZone(from: readonly number[]): LngLat;
  /** The zone county containing a position, or undefined. */
  countyAt(position: LngLat): ZoneCounty | undefined;
}

export function zoneNetworkService(deps: Pick<HandlerDeps, 'layers' | 'zone'> & Partial<Pick<HandlerDeps, 'userDb'>>): ZoneNetworkService {
  const base = zoneNetworkInput(deps.layers, deps.zone.markets);
  // Points of imported layers with the role "facilities" join the network as destinations.
  const facilityRows = deps.userDb?.prepare(`
    SELECT f.id, f.geometry, f.properties, l.name AS layer FROM user_features f JOIN user_layers l ON l.id = f.layer_id
    WHERE l.role = 'facilities' ORDER BY f.id`);
  const facilitySignature = deps.userDb
    ?.prepare(
      "SELECT count(*) || ':' || coalesce(max(f.id), 0) FROM user_features f JOIN user_layers l ON l.id = f.layer_id WHERE l.role = 'facilities'",
    )
    .pluck();
  let input = base;
  let inputSignature = '';
  const currentInput = (): NetworkInput => {
    const signature = String(facilitySignature?.get() ?? '');
    if (signature !== inputSignature) {
      inputSignature = signature;
      const user = ((facilityRows?.all() ?? []) as { id: number; geometry: string; properties: string; layer: string }[]).flatMap(
        (r): PointInput[] => {
          const g = JSON.parse(r.geometry) as { type: string; coordinates: [number, number] };
          if (g.type !== 'Point') return [];
          const p = JSON.parse(r.properties) as Record<string, unknown>;
          const name = [p['name'], p['名称'], p['name_zh']].find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
          return [
            {
              id: `user-facility-${r.id}`,
              name_zh: name ?? `${r.layer} ${r.id}`,
              name_en: name ?? `${r.layer} ${r.id}`,
              position: g.coordinates,
              classes: ['user-facility'],
            },
          ];
        },
      );
      input = { ...base, facilities: [...base.facilities, ...user] };
      cache.clear();
    }
    return input;
  };
  const cache = new Map<string, Network>();
  const networkFor = (overrides: Partial<NetworkAssumptions> = {}): Network => {
    const current = currentInput();
    const assumptions = { ...DEFAULT_ASSUMPTIONS, ...overrides };
    const key = AssumptionKeys.map((k) => assumptions[k]).join('|');
    let net = cache.get(key);
    if (!net) {
      try {
        net = buildNetwork(current, assumptions);
      } catch (error) {
        throw new ApiError('BAD_ARGUMENT', (error as Error).message);
      }
      if (cache.size > 8) cache.clear();
      cache.set(key, net);
    }
    return net;
  };
  const rasters = new Map<number, PopulationRaster>();
  const population = (cellKm: number): PopulationRaster => {
    let raster = rasters.get(cellKm);
    if (!raster) {
      const grid = gridOver(deps.zone.bbox, cellKm);
      const rings = deps.zone.counties.map(
        (c) =>
          (c.feature.geometry.type === 'Polygon'
            ? c.feature.geometry.coordinates
            : c.feature.geometry.coordinates.flat()) as unknown as Rings,
      );
      raster = populationRaster(
        grid,
        rasterize(grid, rings),
        deps.zone.counties.map((c) => ({ adcode: c.adcode, name_zh: c.name_zh, population: c.population })),
      );
      rasters.set(cellKm, raster);
    }
    return raster;
  };
  let labourLinks: CellLinks | undefined;
  let linkedNet: Network | undefined;
  let labourField: Float32Array | undefined;
  const exactCountyAt = (position: LngLat) => {
    const p = point([position[0], position[1]]);
    return deps.zone.counties.find((c) => booleanPointInPolygon(p, c.feature));
  };
  /** County by a 1 km raster lookup, exact polygon test only where the raster has no county. */
  const countyAt = (position: LngLat) => {
    const { grid, county } = population(CATCHMENT_CELL_KM);
    const i = Math.floor((position[0] - grid.west) / grid.dLng);
    const j = Math.floor((grid.north - position[1]) / grid.dLat);
    const k = i >= 0 && i < grid.nx && j >= 0 && j < grid.ny ? (county[j * grid.nx + i] as number) : -1;
    return k >= 0 ? deps.zone.counties[k] : exactCountyAt(position);
  };
  return {
    get input() {
      return currentInput();
    },
    networkFor,
    population,
    labourWithin(position, minutes) {
      const net = networkFor();
      const raster = population(LABOUR_CELL_KM);
      // Links hold node indexes: rebuild them when the network was rebuilt (user facilities changed).
      if (!labourLinks || linkedNet !== net) {
        labourLinks = linkCells(net, raster.grid, raster.county);
        linkedNet = net;
      }
      const tree = shortestPaths(net, originLinks(net, position));
      // Only cells within reach at the fastest speed can count: skip the rest.
      const fastestKmh = Math.max(net.assumptions.expresswayKmh, net.assumptions.ordinaryRoadKmh);
      labourField ??= new Float32Array(raster.grid.nx * raster.grid.ny).fill(Number.NaN);
      const field = fieldFromLinks(net, labourLinks, tree.minutes, position, { minutes, fastestKmh }, labourField);
      return catchment(raster, field, minutes, labourLinks.cells);
    },
    inZone(from) {
      const problem = lngLatProblem(from);
      if (problem) throw new ApiError('BAD_ARGUMENT', problem);
      if (!exactCountyAt(from as unknown as LngLat)) {
        throw new ApiError(
          'BAD_ARGUMENT',
          `point [${from[0]}, ${from[1]}] is outside the demonstration zone (衡阳, 郴州, 永州, 邵阳, 怀化, 湘西州)`,
        );
      }
      return from as unknown as LngLat;
    },
    countyAt,
  };
}

/** Runs a geo computation, turning "unreachable" and bad-input errors into BAD_ARGUMENT. */
export function asBadArgument<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UnreachableError || error instanceof RangeError) throw new ApiError('BAD_ARGUMENT', error.message);
    throw error;
  }
}

export function networkHandlers(
  deps: HandlerDeps,
  service: ZoneNetworkService,
): Pick<Api, 'networkInfo' | 'travelTimes' | 'isochrone' | 'catchment' | 'networkData' | 'exportNetwork'> {
  const { networkFor, inZone } = service;
  const marketByNode = new Map(deps.zone.markets.map((m) => [m.node, m]));
  const unreachable = asBadArgument;

  return {
    networkInfo() {
      const net = networkFor();
      const counts: Record<string, number> = {};
      for (const n of net.nodes) for (const c of n.classes) counts[c] = (counts[c] ?? 0) + 1;
      return {
        assumptions: { ...DEFAULT_ASSUMPTIONS },
        nodes: net.nodes.length,
        edges: net.edges.length,
        classCounts: counts,
        markets: deps.zone.markets.map(({ id, name_zh, name_en }) => ({ id, name_zh, name_en })),
      };
    },

    travelTimes({ from, assumptions }): TravelTimesResult {
      const position = inZone(from);
      const result = unreachable(() => travelTimes(networkFor(assumptions), position));
      const markets: TravelTimesResult['markets'] = {};
      for (const m of deps.zone.markets) markets[m.id] = result.markets[m.node] ?? null;
      return { from: [position[0], position[1]], facilities: result.facilities, markets };
    },

    isochrone({ from, minutes, cellKm, assumptions }) {
      const position = inZone(from);
      const features = unreachable(() => isochrones(networkFor(assumptions), position, minutes, { cellKm }));
      return {
        type: 'FeatureCollection',
        features: features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { ...f.properties } })),
      };
    },

    catchment({ from, minutes, assumptions }) {
      const position = inZone(from);
      const net = networkFor(assumptions);
      const raster = service.population(CATCHMENT_CELL_KM);
      const tree = unreachable(() => shortestPaths(net, originLinks(net, position)));
      const field = timeField(net, raster.grid, tree.minutes, { mask: raster.county, origin: position });
      return minutes.map((m) => catchment(raster, field, m));
    },

    networkData(): NetworkDataResult {
      return {
        input: service.input as unknown as NetworkDataResult['input'],
        assumptions: { ...DEFAULT_ASSUMPTIONS },
        zone: {
          bbox: deps.zone.bbox,
          counties: deps.zone.counties.map((c) => ({
            adcode: c.adcode,
            name_zh: c.name_zh,
            population: c.population,
            geometry: c.feature.geometry,
          })),
        },
        markets: deps.zone.markets,
      };
    },

    exportNetwork({ assumptions }) {
      const net = networkFor(assumptions);
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
    },
  };
}
