/**
 * The network room: the zone's transport network, built from the reference layers and the
 * user's imported facilities, with the population rasters used for catchments and the labour
 * pool. Shared by the network and scoring handlers.
 *
 * `travel()` is the *active* network every travel time comes from (geo's TravelNetwork): the
 * imported OpenStreetMap network when it is active (electron/network/roads.ts), the schematic one
 * otherwise, in the scenario year asked for (or the one stored in the settings). Networks are
 * cached per (network, file, assumptions, year); the schematic `Network` itself stays available
 * (`networkFor`) for what is about that graph only (its export, its route).
 *
 * It throws domain errors (UserInputError: a position outside the zone, an unreachable point,
 * bad assumptions); only the handler boundary turns them into API codes.
 */
import { booleanPointInPolygon, point } from '@turf/turf';
import {
  buildNetwork,
  catchment,
  DEFAULT_ASSUMPTIONS,
  gridOver,
  lngLatProblem,
  networkInputAsOf,
  openIn,
  openingYears,
  populationRaster,
  rasterize,
  RoadTravelNetwork,
  RoadView,
  SchematicTravelNetwork,
  UnreachableError,
  YEAR_RANGE,
  type LngLat,
  type Network,
  type NetworkAssumptions,
  type NetworkInput,
  type NetworkLabel,
  type PointInput,
  type PopulationRaster,
  type Rings,
  type TravelNetwork,
} from '../../geo/index.ts';
import type { LayerStore } from '../db/layer-store.ts';
import { UserInputError } from '../errors.ts';
import { featureName } from '../imports/feature-name.ts';
import type { Reference, ZoneCounty } from '../reference/index.ts';
import type { LayerId } from '../../data/schema/layers.ts';
import type { LoadedRoadNetwork } from '../roads/store.ts';
import type { NetworkKind } from './roads.ts';
import { zoneNetworkInput } from './zone-input.ts';

/** Grid cell for catchments, km: fine enough for county-level apportionment. */
export const CATCHMENT_CELL_KM = 1;
/** Grid cell for the labour criterion of the ranking, km: coarse enough for thousands of sites. */
export const LABOUR_CELL_KM = 5;

const AssumptionKeys = Object.keys(DEFAULT_ASSUMPTIONS) as (keyof NetworkAssumptions)[];

/** Which network a computation uses: the active one unless `network` says otherwise, in the stored year unless `asOf` is given. */
export interface NetworkChoice {
  network?: NetworkKind | undefined;
  /** A calendar year, or null for the network as its data stands; undefined: the year in the settings. */
  asOf?: number | null | undefined;
  /** Overrides of the schematic network's assumptions (the OpenStreetMap network has its own class speeds). */
  assumptions?: Partial<NetworkAssumptions> | undefined;
}

/** What the service needs to know about the imported road network and the stored year. */
export interface NetworkSources {
  /** The active kind ('osm' only when one is loaded) and the loaded network with a stamp that changes when it is re-imported. */
  roads?: { active(): NetworkKind; osm(): LoadedRoadNetwork | null };
  /** The stored scenario year (null: as the data stands). */
  year?: () => number | null;
}

export interface ZoneNetworkService {
  input: NetworkInput;
  /** The schematic graph itself (for its export and routes). */
  networkFor(overrides?: Partial<NetworkAssumptions>): Network;
  /**
   * The network travel times come from: the active one (or `choice.network`) in the chosen year.
   * @throws UserInputError for bad assumptions, a year outside 1900–2100, or OSM asked for when none is imported
   */
  travel(choice?: NetworkChoice): TravelNetwork;
  /** The stored year, or null. */
  year(): number | null;
  /** Population raster at `cellKm`, built on first use. */
  population(cellKm: number): PopulationRaster;
  /** Residents within `minutes` of a position on the chosen network (5 km grid). */
  labourWithin(position: LngLat, minutes: number, choice?: NetworkChoice): ReturnType<typeof catchment>;
  /** Checks a position and that it lies in the zone; throws UserInputError naming the problem. */
  inZone(from: readonly number[]): LngLat;
  /** The zone county containing a position, or undefined. */
  countyAt(position: LngLat): ZoneCounty | undefined;
}

/** Runs a geo computation, turning "unreachable" and bad-input errors (RangeError) into UserInputError. */
export function asUserInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UnreachableError || error instanceof RangeError) throw new UserInputError(error.message, { cause: error });
    throw error;
  }
}

/**
 * @param referenceLayers - the zone's layers as they stand now (with the user's park corrections);
 *   the network is rebuilt when it returns a different map
 */
/** The zone layers the schematic network is built from (its as-of date and data hash are theirs). */
export const SCHEMATIC_NETWORK_LAYERS: readonly LayerId[] = [
  'expressways',
  'interchanges',
  'rail-lines',
  'rail-stations',
  'airports',
  'bonded-zones',
  'ports',
  'logistics-hubs',
];

/** The schematic network's label: its name and the latest as-of date of the records it is built from. */
export function schematicLabel(layers: Reference['layers'], year: number | null): NetworkLabel {
  let asOf: string | null = null;
  for (const id of SCHEMATIC_NETWORK_LAYERS) {
    for (const f of layers.get(id)?.collection.features ?? []) {
      const d = f.properties['as_of'];
      if (typeof d === 'string' && /^\d{4}/.test(d) && (asOf === null || d > asOf)) asOf = d;
    }
  }
  return {
    kind: 'schematic',
    name_zh: '示意路网（高速公路与铁路）',
    name_en: 'Schematic network (expressways and rail)',
    asOf,
    year,
    attribution: null,
  };
}

/** An imported network's label: the extract's file and its OSM as-of date. */
export function osmLabel(osm: LoadedRoadNetwork, year: number | null): NetworkLabel {
  const file = osm.meta.source.file;
  return {
    kind: 'osm',
    name_zh: `OpenStreetMap 路网（${file}）`,
    name_en: `OpenStreetMap road network (${file})`,
    asOf: osm.meta.asOf ? osm.meta.asOf.slice(0, 10) : null,
    year,
    attribution: osm.meta.attribution,
  };
}

/** The settings key of the scenario year every figure is computed in (null or absent: as the data stands). */
export const NETWORK_YEAR_SETTING = 'networkYear';

/** The stored year when it is one, else null (a value written by something else counts as not set). */
export function storedYear(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= YEAR_RANGE.min && value <= YEAR_RANGE.max ? value : null;
}

/** Checks a scenario year; throws UserInputError naming the problem. */
export function checkedYear(asOf: number | null): number | null {
  if (asOf === null) return null;
  if (!Number.isInteger(asOf) || asOf < YEAR_RANGE.min || asOf > YEAR_RANGE.max)
    throw new UserInputError(
      `asOf must be a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}, or null for the network as its data stands; got ${asOf}`,
    );
  return asOf;
}

export function zoneNetworkService(
  reference: Pick<Reference, 'layers' | 'zone'>,
  layers?: Pick<LayerStore, 'pointsWithRole' | 'roleSignature'>,
  referenceLayers: () => Reference['layers'] = () => reference.layers,
  sources: NetworkSources = {},
): ZoneNetworkService {
  const { zone } = reference;
  let baseLayers = referenceLayers();
  let base = zoneNetworkInput(baseLayers, zone.markets);
  let input = base;
  let inputSignature = '';
  const cache = new Map<string, Network>();
  // Points of imported layers with the role "facilities" join the network as destinations.
  const currentInput = (): NetworkInput => {
    const now = referenceLayers();
    if (now !== baseLayers) {
      baseLayers = now;
      base = zoneNetworkInput(now, zone.markets);
      inputSignature = '\u0000'; // rebuild below
    }
    const signature = layers?.roleSignature('facilities') ?? '';
    if (signature !== inputSignature) {
      inputSignature = signature;
      const user = (layers?.pointsWithRole('facilities') ?? []).map((p): PointInput => {
        const name = featureName(p.properties) ?? `${p.layer} ${p.id}`;
        return { id: `user-facility-${p.id}`, name_zh: name, name_en: name, position: p.position, classes: ['user-facility'] };
      });
      input = { ...base, facilities: [...base.facilities, ...user] };
      cache.clear();
      travelCache.clear();
    }
    return input;
  };
  const travelCache = new Map<string, TravelNetwork>();
  const year = () => sources.year?.() ?? null;
  const travel = (choice: NetworkChoice = {}): TravelNetwork => {
    const current = currentInput();
    const asOf = checkedYear(choice.asOf === undefined ? year() : choice.asOf);
    const active = sources.roads?.active() ?? 'schematic';
    const kind = choice.network ?? active;
    const osm = kind === 'osm' ? (sources.roads?.osm() ?? null) : null;
    if (kind === 'osm' && !osm)
      throw new UserInputError('no OpenStreetMap network has been imported yet: import an extract first (导入路网…)');
    if (osm) {
      const key = `osm|${osm.meta.importedAt}|${osm.meta.source.file}|${asOf}`;
      let t = travelCache.get(key);
      if (!t) {
        // Facilities not open in the year (a port still planned) are not destinations; markets always are.
        const places = [
          ...current.facilities.filter((p) => p.classes.includes('market') || openIn(p.opening, asOf)),
          ...current.interchanges.filter((p) => p.classes.includes('market')),
        ];
        const junctions = osm.facilities
          .filter((f) => f.kind === 'interchange')
          .map((f) => ({ osmId: f.osmId, name: f.name, nameEn: f.nameEn, ref: f.ref }));
        t = new RoadTravelNetwork(new RoadView(osm.router, asOf), places, junctions, osmLabel(osm, asOf));
        // Each road view holds the year's arcs and class trees (tens of MB on a province): keep a few.
        for (const k of [...travelCache.keys()])
          if (k.startsWith('osm|') && !k.startsWith(`osm|${osm.meta.importedAt}|`)) travelCache.delete(k);
        if ([...travelCache.keys()].filter((k) => k.startsWith('osm|')).length >= 3)
          travelCache.delete([...travelCache.keys()].find((k) => k.startsWith('osm|')) as string);
        travelCache.set(key, t);
      }
      return t;
    }
    const assumptions = { ...DEFAULT_ASSUMPTIONS, ...(choice.assumptions ?? {}) };
    const key = `schematic|${AssumptionKeys.map((k) => assumptions[k]).join('|')}|${asOf}`;
    let t = travelCache.get(key);
    if (!t) {
      let net: Network;
      try {
        net = asOf === null && !choice.assumptions ? networkFor() : buildNetwork(networkInputAsOf(current, asOf), assumptions);
      } catch (error) {
        throw new UserInputError((error as Error).message, { cause: error });
      }
      if (travelCache.size > 12) travelCache.clear();
      const openings = [...current.expressways, ...current.railLines, ...current.facilities].map((x) => x.opening);
      const closed = openings.filter((o) => !openIn(o, asOf)).length;
      t = new SchematicTravelNetwork(net, schematicLabel(baseLayers, asOf), { years: openingYears(openings), closed });
      travelCache.set(key, t);
    }
    return t;
  };
  const networkFor = (overrides: Partial<NetworkAssumptions> = {}): Network => {
    const current = currentInput();
    const assumptions = { ...DEFAULT_ASSUMPTIONS, ...overrides };
    const key = AssumptionKeys.map((k) => assumptions[k]).join('|');
    let net = cache.get(key);
    if (!net) {
      try {
        // As the data stands: open lines and facilities only (a planned port is not a destination).
        net = buildNetwork(networkInputAsOf(current, null), assumptions);
      } catch (error) {
        throw new UserInputError((error as Error).message, { cause: error });
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
      const grid = gridOver(zone.bbox, cellKm);
      const rings = zone.counties.map(
        (c) =>
          (c.feature.geometry.type === 'Polygon'
            ? c.feature.geometry.coordinates
            : c.feature.geometry.coordinates.flat()) as unknown as Rings,
      );
      raster = populationRaster(
        grid,
        rasterize(grid, rings),
        zone.counties.map((c) => ({ adcode: c.adcode, name_zh: c.name_zh, population: c.population })),
      );
      rasters.set(cellKm, raster);
    }
    return raster;
  };
  const exactCountyAt = (position: LngLat) => {
    const p = point([position[0], position[1]]);
    return zone.counties.find((c) => booleanPointInPolygon(p, c.feature));
  };
  /** County by a 1 km raster lookup, exact polygon test only where the raster has no county. */
  const countyAt = (position: LngLat) => {
    const { grid, county } = population(CATCHMENT_CELL_KM);
    const i = Math.floor((position[0] - grid.west) / grid.dLng);
    const j = Math.floor((grid.north - position[1]) / grid.dLat);
    const k = i >= 0 && i < grid.nx && j >= 0 && j < grid.ny ? (county[j * grid.nx + i] as number) : -1;
    return k >= 0 ? zone.counties[k] : exactCountyAt(position);
  };
  return {
    get input() {
      return currentInput();
    },
    networkFor,
    travel,
    year,
    population,
    labourWithin(position, minutes, choice) {
      return travel(choice).labourWithin(position, minutes, population(LABOUR_CELL_KM));
    },
    inZone(from) {
      const problem = lngLatProblem(from);
      if (problem) throw new UserInputError(problem);
      const position: LngLat = [from[0] as number, from[1] as number];
      if (!exactCountyAt(position)) {
        throw new UserInputError(`point [${from[0]}, ${from[1]}] is outside the demonstration zone (衡阳, 郴州, 永州, 邵阳, 怀化, 湘西州)`);
      }
      return position;
    },
    countyAt,
  };
}
