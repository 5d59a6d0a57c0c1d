/**
 * One interface for every travel time the app shows, whichever network is active: the schematic
 * network (expressways and rail between stand-in nodes, schematic-network.ts) or an imported
 * road network (OpenStreetMap, road-network.ts). Click cards, facility classes, isochrones, zone
 * surfaces, labour catchments and every scoring criterion go through it, so each figure comes from
 * the same network and can name it ({@link NetworkLabel}).
 */
import type { LngLat } from '../lnglat.ts';
import type { Catchment, PopulationRaster } from '../surfaces/catchment.ts';
import type { Grid } from '../surfaces/grid.ts';
import type { IsochroneFeature } from '../surfaces/isochrone.ts';
import type { DestinationClass, FacilityClass } from './graph.ts';
import type { TravelTimes } from './travel-times.ts';

export type NetworkKind = 'schematic' | 'osm';

/** What produced a figure: shown beside every travel time and in every report. */
export interface NetworkLabel {
  kind: NetworkKind;
  name_zh: string;
  name_en: string;
  /** The data's as-of date (ISO 8601 date), null when its source gives none. */
  asOf: string | null;
  /** The scenario year the network stands in, or null: as its data stands. */
  year: number | null;
  /** The licence notice the data requires (OpenStreetMap's ODbL), or null. */
  attribution: string | null;
}

/** Where a facility joins the network. */
export interface PlaceSnap {
  id: string;
  name_zh: string;
  name_en: string;
  classes: readonly FacilityClass[];
  position: LngLat;
  approximate: boolean;
  /** Metres from the facility to the network (its snap), or null on the schematic network (linked by access legs) or when no road is within 100 km. */
  distanceM: number | null;
  /** False when it is too far from the network and was left out (warning). */
  connected: boolean;
}

/** The result of a point query: times to every class and market, and how the point joins the network. */
export interface NetworkTimes extends TravelTimes {
  /** The off-road leg of the origin (road network), or null (schematic: access legs are part of each time). */
  origin: { distanceM: number; minutes: number } | null;
}

/** The classes and markets (node ids) a travel-time query needs. */
export interface TravelTimesOnly {
  classes: readonly DestinationClass[];
  markets: readonly string[];
}

/** Which cells to compute. */
export interface CellOptions {
  /** Cells with a mask value < 0 are NaN (outside the zone). */
  mask?: Int32Array;
  /** Rows `[first, end)` to compute (default all); the result holds only these rows. */
  rows?: readonly [number, number];
  /** Cells farther than this in minutes may be given any value above it (work is cut to what can be reached). */
  limit?: number;
}

/** Destination of a zone surface: every node of a class, or one node (a market) by id. */
export type SurfaceDestination = { class: FacilityClass } | { node: string };

export interface TravelNetwork {
  readonly label: NetworkLabel;
  /**
   * Minutes from `from` to the nearest facility of every class and to every market.
   * @param options.via - name the interchanges and stations each route passes (default true)
   * @param options.only - compute only these classes and markets (by node id); the others may come back null. A
   *   road network builds one search tree per class and market on first use, so a caller that needs a few saves
   *   the others (a ranking after a year change).
   * @throws RangeError for an invalid position; UnreachableError when the point cannot reach the network
   */
  travelTimes(from: LngLat, options?: { via?: boolean; only?: TravelTimesOnly }): NetworkTimes;
  /**
   * Minutes from `from` to every cell (row-major, row 0 north; only `options.rows`).
   * @throws UnreachableError when the point cannot reach the network
   */
  fieldFrom(from: LngLat, grid: Grid, options?: CellOptions): Float32Array;
  /**
   * Minutes from every cell to the nearest destination (only `options.rows`).
   * @throws Error when no destination is on the network
   */
  fieldTo(destination: SurfaceDestination, grid: Grid, options?: CellOptions): Float32Array;
  /** Isochrone polygons from `from` at each threshold (minutes, ascending), nested. */
  isochrones(from: LngLat, thresholds: readonly number[], options?: { cellKm?: number }): IsochroneFeature[];
  /** Residents (of `raster`) whose trip to `position` takes at most `minutes`. */
  labourWithin(position: LngLat, minutes: number, raster: PopulationRaster): Catchment;
  /** Every facility and market, with where it joins the network. */
  places(): PlaceSnap[];
  /** Years in which something of the network opens or is to open (where a scenario can change). */
  readonly years: readonly number[];
  /** Lines, roads and facilities of the data that are closed in this network's year. */
  readonly closed: number;
}

/** Rows `[first, end)` of a grid as a grid of their own, and of its mask. */
export function gridRows(grid: Grid, rows: readonly [number, number] | undefined, mask?: Int32Array): { grid: Grid; mask?: Int32Array } {
  const [first, end] = rows ?? [0, grid.ny];
  if (!(first >= 0 && end <= grid.ny && first < end && Number.isInteger(first) && Number.isInteger(end)))
    throw new RangeError(`rows [${first}, ${end}) are not rows of a grid with ${grid.ny} rows`);
  if (first === 0 && end === grid.ny) return mask ? { grid, mask } : { grid };
  const sub: Grid = { ...grid, north: grid.north - first * grid.dLat, ny: end - first };
  return mask ? { grid: sub, mask: mask.subarray(first * grid.nx, end * grid.nx) } : { grid: sub };
}
