/** The transport network: travel times, isochrones, catchments and the network itself. */
import { z } from 'zod';
import type { NetworkAssumptions } from '../../geo/network/assumptions.ts';
import { DESTINATION_CLASSES } from '../../geo/network/graph.ts';
import type { NetworkLabel as GeoNetworkLabel } from '../../geo/network/travel-network.ts';
import { YEAR_RANGE } from '../../geo/network/years.ts';
import { BBox, FeatureCollectionResult, LngLatArg, NamedNode, NoArgs } from './common.ts';
import { method, type Assert, type Equals } from './define.ts';

/** Network assumptions (see geo/network/assumptions.ts); any subset overrides the defaults. */
export const Assumptions = z
  .object({
    expresswayKmh: z.number().positive().max(200),
    hsrKmh: z.number().positive().max(400),
    conventionalRailKmh: z.number().positive().max(200),
    ordinaryRoadKmh: z.number().positive().max(120),
    detourFactor: z.number().min(1).max(4),
    accessNeighbours: z.number().int().min(1).max(20),
    maxAccessKm: z.number().positive().max(300),
  })
  .strict();
export type Assumptions = z.infer<typeof Assumptions>;
export type _AssumptionsMatchGeo = Assert<Equals<Assumptions, NetworkAssumptions>>;

/** Facility classes a travel-time query answers (geo's list without markets). */
export const FACILITY_CLASS_IDS = DESTINATION_CLASSES;
export const FacilityClassSchema = z.enum(FACILITY_CLASS_IDS);

/** A facility reached; `approximate` when its position is a stand-in (the time is then approximate too). */
export const Reached = NamedNode.extend({ minutes: z.number().nonnegative(), via: z.array(NamedNode), approximate: z.boolean() });
export type Reached = z.infer<typeof Reached>;

/** The network a figure comes from (geo/network/travel-network.ts `NetworkLabel`): named beside every travel time and in every report. */
export const NetworkLabelSchema = z.object({
  kind: z.enum(['osm', 'schematic']),
  name_zh: z.string(),
  name_en: z.string(),
  /** The data's as-of date: the schematic layers' latest record date, or the OSM extract's timestamp. */
  asOf: z.string().nullable(),
  /** The scenario year, or null: the network as its data stands. */
  year: z.number().int().nullable(),
  attribution: z.string().nullable(),
});
export type NetworkLabel = z.infer<typeof NetworkLabelSchema>;
export type _NetworkLabelMatchesGeo = Assert<Equals<NetworkLabel, GeoNetworkLabel>>;

/** A scenario year (geo/network/years.ts): lines and facilities open in that year; null: as the data stands; absent: the stored year. */
export const AsOfArg = z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max).nullable().optional();
/** Which network: the active one when absent. */
const NetworkArg = z.enum(['osm', 'schematic']).optional();

/** A facility too far from the network to be connected (more than 2 km from a drivable road), listed instead of silently joined. */
export const Unconnected = NamedNode.extend({ classes: z.array(z.string()), distance_m: z.number().nullable() });

export const TravelTimesResult = z.object({
  from: LngLatArg,
  facilities: z.record(FacilityClassSchema, Reached.nullable()),
  markets: z.record(z.string(), Reached.nullable()),
  network: NetworkLabelSchema,
  /** How the point joins a road network: metres to its nearest open road and the off-road minutes (included in every time); null on the schematic network. */
  origin: z.object({ distance_m: z.number(), minutes: z.number() }).nullable(),
  /** Facilities of the network too far from any road to be reached (warning). */
  unconnected: z.array(Unconnected),
});
export type TravelTimesResult = z.infer<typeof TravelTimesResult>;

const Minutes = z
  .array(
    z
      .number()
      .positive()
      .max(24 * 60),
  )
  .min(1, 'at least one threshold (minutes) is needed')
  .max(12);

export const CatchmentResult = z.array(
  z.object({
    minutes: z.number(),
    population: z.number().int().nonnegative(),
    unknownCounties: z.array(z.string()),
    countiesReached: z.number().int(),
    /** The network the minutes are on (the same on every threshold). */
    network: NetworkLabelSchema,
  }),
);

export const NetworkDataResult = z.object({
  input: z
    .object({
      interchanges: z.array(z.unknown()),
      expressways: z.array(z.unknown()),
      facilities: z.array(z.unknown()),
      railLines: z.array(z.unknown()),
    })
    .passthrough(),
  assumptions: Assumptions,
  zone: z.object({
    bbox: BBox,
    counties: z.array(
      z.object({
        adcode: z.string(),
        name_zh: z.string(),
        population: z.number().nullable(),
        geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
      }),
    ),
  }),
  markets: z.array(z.object({ id: z.string(), name_zh: z.string(), name_en: z.string(), node: z.string() })),
});
/** `input` is geo's NetworkInput (geo/network/graph.ts); the schema checks its outline only. */
export type NetworkDataResult = z.infer<typeof NetworkDataResult>;

const AssumptionOverrides = Assumptions.partial().optional();

export const NetworkKindSchema = z.enum(['osm', 'schematic']);

/** Where an imported extract is cut: the zone and its corridors (default), a box, or nothing. */
export const ClipSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('zone') }).strict(),
  z.object({ mode: z.literal('bbox'), bbox: BBox }).strict(),
  z.object({ mode: z.literal('whole') }).strict(),
]);

/** An imported OpenStreetMap network as `network info` shows it (electron/roads/store.ts). */
export const OsmNetworkInfo = z.object({
  kind: z.literal('osm'),
  source: z.string(),
  format: z.string(),
  as_of: z.string().nullable(),
  attribution: z.string(),
  bbox: BBox,
  covers_zone: z.boolean(),
  clip: z.object({ mode: z.enum(['zone', 'bbox', 'whole']), boxes: z.array(BBox).nullable() }),
  nodes: z.number().int(),
  edges: z.number().int(),
  km_by_class: z.record(z.string(), z.number()),
  speeds_kmh: z.record(z.string(), z.number()),
  profile: z.string(),
  counts: z.record(z.string(), z.unknown()),
  facilities: z.record(z.string(), z.number()),
  imported_at: z.string(),
  import_seconds: z.number(),
});

export const RoadNetworkInfo = z.object({
  active: NetworkKindSchema,
  /** The licence notice to show while the OSM network is active; null for the schematic one. */
  attribution: z.string().nullable(),
  osm: OsmNetworkInfo.nullable(),
  schematic: z.object({ nodes: z.number().int(), edges: z.number().int(), assumptions: Assumptions }),
});
export type RoadNetworkInfo = z.infer<typeof RoadNetworkInfo>;

const Snapped = z.object({ distance_m: z.number(), access_minutes: z.number() });
export const RouteResult = z.object({
  network: NetworkKindSchema,
  minutes: z.number(),
  km: z.number(),
  /** Kilometres per road class (OSM) or per edge mode (schematic). */
  classes_km: z.record(z.string(), z.number()),
  /** How far each end lies from the network and the off-road minutes that adds (included in `minutes`). */
  snap: z.object({ from: Snapped, to: Snapped }),
  geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(z.tuple([z.number(), z.number()])) }).nullable(),
});
export type RouteResult = z.infer<typeof RouteResult>;

export const RoadImportStatus = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  phase: z.string().nullable(),
  fraction: z.number(),
  bytesRead: z.number(),
  totalBytes: z.number(),
  etaSeconds: z.number().nullable(),
  error: z.string().nullable(),
  info: OsmNetworkInfo.nullable(),
});
const JobArg = z.object({ jobId: z.string().min(1).max(100) }).strict();

/** A grid as the surface worker and the map use it (geo/surfaces/grid.ts). */
export const GridSchema = z.object({
  west: z.number(),
  north: z.number(),
  dLng: z.number(),
  dLat: z.number(),
  nx: z.number().int(),
  ny: z.number().int(),
  cellKm: z.number(),
});

/** What a zone surface measures the time to: the nearest facility of a class, or one market. */
export const SurfaceTarget = z.union([z.object({ class: FacilityClassSchema }).strict(), z.object({ market: z.string().min(1) }).strict()]);

export const NETWORK_METHODS = {
  networkInfo: method(
    NoArgs,
    z.object({
      assumptions: Assumptions,
      nodes: z.number().int(),
      edges: z.number().int(),
      classCounts: z.record(z.string(), z.number().int()),
      markets: z.array(NamedNode),
      /** The active network in the stored year, and that year. */
      network: NetworkLabelSchema,
      year: z.number().int().nullable(),
      /** Years in which a line, road or facility of the network opens (or is to open): where a scenario can change. */
      years: z.array(z.number().int()),
      /** Lines and roads closed in the stored year (not yet open, or being built without a year). */
      closed: z.number().int(),
      unconnected: z.array(Unconnected),
      /** On an imported network: the off-road speed and the class speeds used, km/h; null on the schematic one. */
      roadSpeeds: z.object({ offRoadKmh: z.number(), classes: z.record(z.string(), z.number()) }).nullable(),
    }),
  ),
  travelTimes: method(
    z.object({ from: LngLatArg, assumptions: AssumptionOverrides, asOf: AsOfArg, network: NetworkArg }).strict(),
    TravelTimesResult,
  ),
  isochrone: method(
    z
      .object({
        from: LngLatArg,
        minutes: Minutes.default([30, 60, 90, 120]),
        cellKm: z.number().min(0.5).max(10).default(2),
        assumptions: AssumptionOverrides,
        asOf: AsOfArg,
      })
      .strict(),
    FeatureCollectionResult.extend({ network: NetworkLabelSchema }),
  ),
  catchment: method(
    z.object({ from: LngLatArg, minutes: Minutes.default([30, 60, 90]), assumptions: AssumptionOverrides, asOf: AsOfArg }).strict(),
    CatchmentResult,
  ),
  /** Sets the scenario year every figure is computed in (null: the network as its data stands). */
  setNetworkYear: method(
    z.object({ asOf: z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max).nullable() }).strict(),
    z.object({ year: z.number().int().nullable() }),
    {
      writes: true,
    },
  ),
  /**
   * A zone surface, some rows at a time (the renderer asks row by row, so it shows progress and
   * can stop): minutes from every cell of the zone grid to the target on the active network.
   */
  surface: method(
    z
      .object({
        target: SurfaceTarget,
        cellKm: z.number().min(0.5).max(10).default(1),
        /** Rows `[first, end)` of the grid; default all. */
        rows: z.tuple([z.number().int().nonnegative(), z.number().int().positive()]).optional(),
        asOf: AsOfArg,
      })
      .strict(),
    z.object({
      network: NetworkLabelSchema,
      grid: GridSchema,
      rows: z.tuple([z.number().int(), z.number().int()]),
      /** Minutes per cell of the rows (row-major, 0.1 min), null outside the zone or where nothing is reached. */
      minutes: z.array(z.number().nullable()),
      /** Cells of the rows inside the zone. */
      cells: z.number().int(),
    }),
  ),
  networkData: method(NoArgs, NetworkDataResult),
  exportNetwork: method(z.object({ assumptions: AssumptionOverrides }).strict(), FeatureCollectionResult),
  roadNetworkInfo: method(NoArgs, RoadNetworkInfo),
  useNetwork: method(z.object({ network: NetworkKindSchema }).strict(), RoadNetworkInfo, { writes: true }),
  route: method(z.object({ from: LngLatArg, to: LngLatArg, geometry: z.boolean().default(false) }).strict(), RouteResult),
  /** Imports a staged OpenStreetMap extract (.osm.pbf, .osm, .osm.gz, .osm.bz2) in a worker; the previous network stays until it succeeds. */
  importRoadNetwork: method(
    z.object({ uploadId: z.uuid(), clip: ClipSchema.default({ mode: 'zone' }) }).strict(),
    z.object({ jobId: z.string() }),
  ),
  roadImportStatus: method(JobArg, RoadImportStatus),
  cancelRoadImport: method(JobArg, z.object({ cancelled: z.boolean() })),
};
