/**
 * The schematic network behind the {@link TravelNetwork} interface: the expressways and rail lines
 * of the zone's layers between their interchanges and stations, every point joined by ordinary-road
 * access legs (graph.ts, shortest-paths.ts). The computations are those of travel-times.ts and
 * surfaces/; this only adapts them.
 */
import type { LngLat } from '../lnglat.ts';
import { accessibilitySurface } from '../surfaces/accessibility.ts';
import { catchment, type Catchment, type PopulationRaster } from '../surfaces/catchment.ts';
import type { Grid } from '../surfaces/grid.ts';
import { isochrones } from '../surfaces/isochrone.ts';
import { fieldFromLinks, linkCells, timeField, type CellLinks } from '../surfaces/time-field.ts';
import type { Network } from './graph.ts';
import { originLinks, shortestPaths } from './shortest-paths.ts';
import {
  gridRows,
  type CellOptions,
  type NetworkLabel,
  type NetworkTimes,
  type PlaceSnap,
  type SurfaceDestination,
  type TravelNetwork,
} from './travel-network.ts';
import { travelTimes } from './travel-times.ts';

export class SchematicTravelNetwork implements TravelNetwork {
  readonly label: NetworkLabel;
  readonly net: Network;
  private labour: { raster: PopulationRaster; links: CellLinks; field: Float32Array } | undefined;

  readonly years: readonly number[];
  readonly closed: number;

  /** @param scenario - the opening years of the whole input and how many of its lines and facilities the year leaves out */
  constructor(net: Network, label: NetworkLabel, scenario: { years: readonly number[]; closed: number } = { years: [], closed: 0 }) {
    this.net = net;
    this.label = label;
    this.years = scenario.years;
    this.closed = scenario.closed;
  }

  travelTimes(from: LngLat): NetworkTimes {
    return { ...travelTimes(this.net, from), origin: null };
  }

  fieldFrom(from: LngLat, grid: Grid, options: CellOptions = {}): Float32Array {
    const tree = shortestPaths(this.net, originLinks(this.net, from));
    const part = gridRows(grid, options.rows, options.mask);
    return timeField(this.net, part.grid, tree.minutes, {
      origin: from,
      ...(part.mask ? { mask: part.mask } : {}),
      ...(options.limit !== undefined ? { prune: { minutes: options.limit, fastestKmh: this.fastestKmh() } } : {}),
    });
  }

  fieldTo(destination: SurfaceDestination, grid: Grid, options: CellOptions = {}): Float32Array {
    const part = gridRows(grid, options.rows, options.mask);
    return accessibilitySurface(this.net, part.grid, destination, part.mask ? { mask: part.mask } : {}).minutes;
  }

  isochrones(from: LngLat, thresholds: readonly number[], options: { cellKm?: number } = {}) {
    return isochrones(this.net, from, thresholds, options.cellKm !== undefined ? { cellKm: options.cellKm } : {});
  }

  labourWithin(position: LngLat, minutes: number, raster: PopulationRaster): Catchment {
    // Cell links hold node indexes of this network: made once per network and raster.
    if (this.labour?.raster !== raster) {
      this.labour = {
        raster,
        links: linkCells(this.net, raster.grid, raster.county),
        field: new Float32Array(raster.grid.nx * raster.grid.ny).fill(Number.NaN),
      };
    }
    const { links, field } = this.labour;
    const tree = shortestPaths(this.net, originLinks(this.net, position));
    // Only cells within reach at the fastest road speed can count: the rest are skipped.
    fieldFromLinks(this.net, links, tree.minutes, position, { minutes, fastestKmh: this.fastestKmh() }, field);
    return catchment(raster, field, minutes, links.cells);
  }

  places(): PlaceSnap[] {
    return this.net.nodes.map((n) => ({
      id: n.id,
      name_zh: n.name_zh,
      name_en: n.name_en,
      classes: n.classes,
      position: n.position,
      approximate: n.approximate === true,
      distanceM: null,
      connected: true,
    }));
  }

  private fastestKmh(): number {
    return Math.max(this.net.assumptions.expresswayKmh, this.net.assumptions.ordinaryRoadKmh);
  }
}
