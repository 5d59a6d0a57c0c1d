/**
 * The network room: the zone's transport network, built from the reference layers and the
 * user's imported facilities, cached per set of assumptions, with the population rasters used
 * for catchments and the labour pool. Shared by the network and scoring handlers.
 *
 * It throws domain errors (UserInputError: a position outside the zone, an unreachable point,
 * bad assumptions); only the handler boundary turns them into API codes.
 */
import { booleanPointInPolygon, point } from '@turf/turf';
import {
  buildNetwork,
  catchment,
  DEFAULT_ASSUMPTIONS,
  fieldFromLinks,
  gridOver,
  linkCells,
  lngLatProblem,
  originLinks,
  populationRaster,
  rasterize,
  shortestPaths,
  UnreachableError,
  type CellLinks,
  type LngLat,
  type Network,
  type NetworkAssumptions,
  type NetworkInput,
  type PointInput,
  type PopulationRaster,
  type Rings,
} from '../../geo/index.ts';
import type { LayerStore } from '../db/layer-store.ts';
import { UserInputError } from '../errors.ts';
import { featureName } from '../imports/feature-name.ts';
import type { Reference, ZoneCounty } from '../reference/index.ts';
import { zoneNetworkInput } from './zone-input.ts';

/** Grid cell for catchments, km: fine enough for county-level apportionment. */
export const CATCHMENT_CELL_KM = 1;
/** Grid cell for the labour criterion of the ranking, km: coarse enough for thousands of sites. */
export const LABOUR_CELL_KM = 5;

const AssumptionKeys = Object.keys(DEFAULT_ASSUMPTIONS) as (keyof NetworkAssumptions)[];

export interface ZoneNetworkService {
  input: NetworkInput;
  networkFor(overrides?: Partial<NetworkAssumptions>): Network;
  /** Population raster at `cellKm`, built on first use. */
  population(cellKm: number): PopulationRaster;
  /** Residents within `minutes` of a position on the default network, or on the network of other assumptions (stored cell links, fast). */
  labourWithin(position: LngLat, minutes: number, overrides?: Partial<NetworkAssumptions>): ReturnType<typeof catchment>;
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
export function zoneNetworkService(
  reference: Pick<Reference, 'layers' | 'zone'>,
  layers?: Pick<LayerStore, 'pointsWithRole' | 'roleSignature'>,
  referenceLayers: () => Reference['layers'] = () => reference.layers,
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
    }
    return input;
  };
  const networkFor = (overrides: Partial<NetworkAssumptions> = {}): Network => {
    const current = currentInput();
    const assumptions = { ...DEFAULT_ASSUMPTIONS, ...overrides };
    const key = AssumptionKeys.map((k) => assumptions[k]).join('|');
    let net = cache.get(key);
    if (!net) {
      try {
        net = buildNetwork(current, assumptions);
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
  // Links hold node indexes, so they belong to one network (rebuilt when user facilities change).
  const labourLinks = new WeakMap<Network, CellLinks>();
  let labourField: Float32Array | undefined;
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
    population,
    labourWithin(position, minutes, overrides = {}) {
      const net = networkFor(overrides);
      const raster = population(LABOUR_CELL_KM);
      let links = labourLinks.get(net);
      if (!links) {
        links = linkCells(net, raster.grid, raster.county);
        labourLinks.set(net, links);
      }
      const tree = shortestPaths(net, originLinks(net, position));
      // Only cells within reach at the fastest speed can count: skip the rest.
      const fastestKmh = Math.max(net.assumptions.expresswayKmh, net.assumptions.ordinaryRoadKmh);
      labourField ??= new Float32Array(raster.grid.nx * raster.grid.ny).fill(Number.NaN);
      const field = fieldFromLinks(net, links, tree.minutes, position, { minutes, fastestKmh }, labourField);
      return catchment(raster, field, minutes, links.cells);
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
