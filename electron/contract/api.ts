/**
 * The one API contract. Every method has a zod schema for its argument and its result; the
 * handlers (electron/handlers) implement `Api`, and both transports (Electron IPC and the
 * browser edition's HTTP server) call them through `dispatch`, which validates every call.
 *
 * The renderer imports types from here only (lint enforces it).
 */
import { z } from 'zod';
import type { MethodName } from './methods.ts';

export const Language = z.enum(['zh', 'en']);
export type Language = z.infer<typeof Language>;

export const Edition = z.enum(['electron', 'web', 'cli']);

/** Where a reference dataset comes from and under which terms. */
export const DataSourceInfo = z.object({
  id: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  origin_zh: z.string(),
  origin_en: z.string(),
  terms_zh: z.string(),
  terms_en: z.string(),
  /** Date the data refers to, ISO; null when unknown (shown as unknown, never guessed). */
  as_of: z.string().nullable(),
  /** What is known about the data's vintage when `as_of` is not. */
  vintage_zh: z.string(),
  vintage_en: z.string(),
  crs_zh: z.string(),
  crs_en: z.string(),
});

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  edition: Edition,
  dataDir: z.string(),
  userSchemaVersion: z.number().int(),
  reference: z.object({
    builtAt: z.string(),
    bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    zoneBounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    minzoom: z.number().int(),
    maxzoom: z.number().int(),
    sources: z.array(DataSourceInfo),
  }),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Feature count of a layer broken down by a grouping key (e.g. counties per prefecture). */
export const LayerBreakdown = z.object({ key: z.string(), name_zh: z.string(), name_en: z.string(), count: z.number().int() });

export const LayerSummary = z.object({
  id: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  /** `basemap`: drawn from the vector tiles; `reference`: a dataset shipped with the app; `user`: made by the user. */
  kind: z.enum(['basemap', 'reference', 'user']),
  geometry: z.enum(['polygon', 'line', 'point', 'mixed']),
  featureCount: z.number().int().nonnegative(),
  source: z.string().nullable(),
  breakdown: z.array(LayerBreakdown).optional(),
  /** Features listed without a position (unknown: shown in lists, not drawn). */
  unlocated: z.number().int().nonnegative().optional(),
  /** User layers: how the rest of the app uses it, and its colour. */
  role: z.enum(['reference', 'candidates', 'competitors', 'facilities']).optional(),
  colour: z.string().optional(),
});
export type LayerSummary = z.infer<typeof LayerSummary>;

/** The promotion agent's contact, printed on visitor brochures (and in their QR code). */
export const AgentContact = z
  .object({
    name: z.string().trim().max(60).default(''),
    organisation: z.string().trim().max(120).default(''),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[0-9+()\s-]*$/, 'phone: digits, spaces, + - ( ) only')
      .default(''),
    email: z.union([z.literal(''), z.email('email: not an e-mail address')]).default(''),
  })
  .strict();
/** Seconds without a touch before presentation mode returns to the tour's first stop. */
const IdleSeconds = z.number().int().min(10, 'idle time: at least 10 s').max(3600, 'idle time: at most 3600 s');
export const Settings = z.object({
  language: Language,
  agent: AgentContact,
  presentationPinSet: z.boolean(),
  presentationIdleSeconds: IdleSeconds,
});
export type Settings = z.infer<typeof Settings>;
/** What updateSettings accepts: the language, the agent's contact, and the presentation PIN (4–8 digits; "" removes it). */
export const SettingsChanges = z
  .object({
    language: Language,
    agent: AgentContact,
    presentationIdleSeconds: IdleSeconds,
    presentationPin: z.union([z.literal(''), z.string().regex(/^\d{4,8}$/, 'the PIN must be 4 to 8 digits')]),
  })
  .partial()
  .strict();

/** One stop of a guided tour: where the camera goes, what is shown and highlighted, the caption. */
export const TourStop = z
  .object({
    center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
    zoom: z.number().min(0).max(22),
    bearing: z.number().min(-360).max(360).default(0),
    pitch: z.number().min(0).max(85).default(0),
    /** Reference layer ids shown at this stop (the others are hidden); empty: leave as they are. */
    layers: z.array(z.string().min(1)).default([]),
    /** Feature ids highlighted at this stop. */
    highlight: z.array(z.string().min(1)).default([]),
    caption_zh: z.string().trim().min(1).max(300),
    caption_en: z.string().trim().min(1).max(400),
    /** Seconds the stop stays on screen when the tour plays by itself. */
    seconds: z.number().int().min(3).max(120).default(10),
  })
  .strict();
export const Tour = z.object({
  id: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  builtIn: z.boolean(),
  stops: z.array(TourStop).min(1),
});
export type Tour = z.infer<typeof Tour>;
export type TourStop = z.infer<typeof TourStop>;

/** A GeoJSON FeatureCollection (WGS-84) with each feature's attributes as published. */
export const FeatureCollectionResult = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }).nullable(),
      properties: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type FeatureCollectionResult = z.infer<typeof FeatureCollectionResult>;

export const PlaceHit = z.object({
  layer: z.string(),
  id: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  /** What the hit is, e.g. 县 / 机场, in each language. */
  detail_zh: z.string(),
  detail_en: z.string(),
  center: z.tuple([z.number(), z.number()]).nullable(),
});
export type PlaceHit = z.infer<typeof PlaceHit>;

/** `[longitude, latitude]` in degrees, WGS-84. Ranges are checked by the handler, which can say "swapped?". */
export const LngLatArg = z.tuple([z.number(), z.number()]);

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

export const FACILITY_CLASS_IDS = [
  'interchange',
  'hsr-station',
  'freight',
  'international-rail',
  'airport',
  'airport-cargo',
  'bonded-zone',
  'port',
  'logistics-hub',
  'user-facility',
] as const;

const NamedNode = z.object({ id: z.string(), name_zh: z.string(), name_en: z.string() });
export const Reached = NamedNode.extend({ minutes: z.number().nonnegative(), via: z.array(NamedNode) });
export type Reached = z.infer<typeof Reached>;

export const TravelTimesResult = z.object({
  from: LngLatArg,
  facilities: z.record(z.enum(FACILITY_CLASS_IDS), Reached.nullable()),
  markets: z.record(z.string(), Reached.nullable()),
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
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
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

export const CRITERION_IDS = [
  'industry-match',
  'prefecture-focus',
  'cluster',
  't-interchange',
  't-freight',
  't-intl-rail',
  't-airport',
  't-bonded',
  't-port',
  't-gba',
  't-changsha',
  't-hsr',
  'park-level',
  'labour',
] as const;
export const CriterionIdSchema = z.enum(CRITERION_IDS);

const Importance = z.number().min(0).max(5);
const LimitMinutes = z
  .number()
  .positive()
  .max(24 * 60)
  .nullable()
  .optional();

/** An enterprise profile (documented in README: the profile file format). */
export const Profile = z
  .object({
    name: z.string().max(200).optional(),
    industry: z.string().min(1),
    subline: z.string().min(1).nullable().default(null),
    exportOriented: z.boolean().default(false),
    freight: z.object({ road: Importance, rail: Importance, internationalRail: Importance, air: Importance, water: Importance }).strict(),
    markets: z.object({ gba: Importance, changsha: Importance, asean: Importance, europe: Importance }).strict(),
    needsBondedZone: z.boolean().default(false),
    staffHsr: z.boolean().default(false),
    workforce: z.number().int().nonnegative().max(1_000_000).default(100),
    pollution: z.enum(['low', 'medium', 'high']).default('low'),
    minParkLevel: z.enum(['any', 'provincial', 'national']).default('any'),
    limits: z
      .object({
        maxInterchangeMinutes: LimitMinutes,
        maxFreightMinutes: LimitMinutes,
        maxAirportMinutes: LimitMinutes,
        maxBondedMinutes: LimitMinutes,
      })
      .strict()
      .default({}),
  })
  .strict();
export type Profile = z.infer<typeof Profile>;

export const Weights = z.partialRecord(CriterionIdSchema, z.number().min(0).max(100));

export const ScoreArgs = z
  .object({
    profile: Profile,
    method: z.enum(['wsm', 'ahp', 'topsis']).default('wsm'),
    /** Percent per criterion; missing criteria take the profile's default weights. */
    weights: Weights.optional(),
    ahp: z
      .object({ criteria: z.array(CriterionIdSchema).min(2).max(10), matrix: z.array(z.array(z.number())) })
      .strict()
      .optional(),
    monteCarloSamples: z.number().int().min(0).max(100_000).default(2000),
  })
  .strict();

const Bilingual = z.object({ rule: z.string(), message_zh: z.string(), message_en: z.string() });
export const RankingResult = z.object({
  method: z.enum(['wsm', 'ahp', 'topsis']),
  weights: z.record(CriterionIdSchema, z.number()),
  defaultWeights: z.record(CriterionIdSchema, z.number()),
  profileFlag: z.object({ id: z.string(), section: z.string(), quote_zh: z.string(), text_en: z.string() }).nullable(),
  ahp: z
    .object({
      weights: z.array(z.number()),
      lambdaMax: z.number(),
      ci: z.number(),
      cr: z.number(),
      consistent: z.boolean(),
      mostInconsistent: z.object({ i: z.number(), j: z.number(), given: z.number(), implied: z.number(), ratio: z.number() }).nullable(),
    })
    .nullable(),
  candidates: z.array(
    z.object({
      id: z.string(),
      name_zh: z.string(),
      name_en: z.string(),
      kind: z.enum(['park', 'custom']),
      position: z.tuple([z.number(), z.number()]),
      rank: z.number().int().nullable(),
      total: z.number().nullable(),
      exclusions: z.array(Bilingual),
      notes: z.array(z.string()),
      criteria: z.array(
        z.object({
          id: CriterionIdSchema,
          raw: z.number().nullable(),
          unit: z.string(),
          type: z.enum(['benefit', 'cost']),
          score: z.number(),
          weight: z.number(),
          contribution: z.number().nullable(),
        }),
      ),
    }),
  ),
  sensitivity: z
    .object({
      ranges: z.array(z.object({ id: CriterionIdSchema, weight: z.number(), lo: z.number(), hi: z.number() })),
      stability: z
        .object({ samples: z.number(), first: z.array(z.number()), top3: z.array(z.number()), ids: z.array(z.string()) })
        .nullable(),
    })
    .nullable(),
});
export type RankingResult = z.infer<typeof RankingResult>;

/** One candidate as ranked (a RankingResult row). */
const RankedRow = RankingResult.shape.candidates.element;
export const CompareArgs = ScoreArgs.omit({ monteCarloSamples: true })
  .extend({
    /** 2–6 parks or sites: zone parks, the user's sites, imported candidates or competitors. */
    ids: z.array(z.string().min(1)).min(2, 'choose at least 2 parks to compare').max(6, 'compare at most 6 parks'),
    /** The user's own park, for "what would move us up" (default: the first id). */
    own: z.string().min(1).optional(),
  })
  .strict();
export const CompareResult = z.object({
  method: z.enum(['wsm', 'ahp', 'topsis']),
  weights: z.record(CriterionIdSchema, z.number()),
  /** Ranked candidates in all (the places ranks are out of). */
  of: z.number().int(),
  parks: z.array(RankedRow),
  /** Rank of each compared park under each of the plan's ten industry presets. */
  presets: z.array(
    z.object({ id: z.string(), name_zh: z.string(), name_en: z.string(), ranks: z.record(z.string(), z.number().int().nullable()) }),
  ),
  moveUp: z
    .object({
      id: z.string(),
      rank: z.number().int().nullable(),
      above: z.object({ id: z.string(), name_zh: z.string(), name_en: z.string(), total: z.number().nullable() }).nullable(),
      steps: z.array(
        z.object({
          criterion: CriterionIdSchema,
          unit: z.string(),
          from: z.number(),
          to: z.number(),
          change: z.number(),
          effort: z.number(),
        }),
      ),
      notEnough: z.array(CriterionIdSchema),
      unknown: z.array(CriterionIdSchema),
    })
    .nullable(),
});

export type CompareResult = z.infer<typeof CompareResult>;
export type Scenario = z.infer<typeof Scenario>;

/** What a scenario keeps: everything the ranking and comparison need, and the user's own sites. */
export const ScenarioPayload = z
  .object({
    profile: Profile,
    method: z.enum(['wsm', 'ahp', 'topsis']).default('wsm'),
    weights: Weights.optional(),
    ahp: z
      .object({ criteria: z.array(CriterionIdSchema).min(2).max(10), matrix: z.array(z.array(z.number())) })
      .strict()
      .optional(),
    compare: z
      .object({ ids: z.array(z.string().min(1)).max(6), own: z.string().min(1).optional() })
      .strict()
      .optional(),
    /** Filled in by saveScenario from the project's sites; given values are replaced. */
    sites: z.array(z.object({ id: z.string(), name: z.string(), position: z.tuple([z.number(), z.number()]) }).strict()).default([]),
  })
  .strict();
export type ScenarioPayload = z.infer<typeof ScenarioPayload>;
export const Scenario = z.object({
  id: z.string(),
  name: z.string(),
  notes: z.string(),
  payload: ScenarioPayload,
  created_at: z.string(),
  updated_at: z.string(),
});
const ScenarioName = z.string().trim().min(1, 'a scenario needs a name').max(100);
const FileResult = z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() });

export const CandidateSite = z.object({
  id: z.string(),
  name: z.string(),
  position: z.tuple([z.number(), z.number()]),
  created_at: z.string(),
});

export const LayerRoleSchema = z.enum(['reference', 'candidates', 'competitors', 'facilities']);
const CrsChoice = z.enum(['auto', 'wgs84', 'gcj02', 'bd09']);
const FileArgs = {
  name: z.string().min(1).max(255),
  /** The file's bytes, base64 (small files); or… */
  dataBase64: z.string().min(1).optional(),
  /** …a file staged with beginUpload/uploadChunk (any size; large CSV/GeoJSON are streamed). */
  uploadId: z.uuid().optional(),
  lngColumn: z.string().optional(),
  latColumn: z.string().optional(),
  swap: z.boolean().optional(),
  crs: CrsChoice.default('auto'),
};
/** Exactly one of dataBase64 and uploadId. */
const oneFile = (a: { dataBase64?: string | undefined; uploadId?: string | undefined }) =>
  (a.dataBase64 === undefined) !== (a.uploadId === undefined);
const ONE_FILE = { message: 'give the file either as dataBase64 or as uploadId (one of them)' };
const Problem = z.object({ where: z.string(), message: z.string() });
export const PreviewResult = z.object({
  format: z.string(),
  encoding: z.string().nullable(),
  features: z.number().int().nullable(),
  streamed: z.boolean(),
  fields: z.array(z.string()),
  columns: z.object({ lng: z.string(), lat: z.string(), name: z.string().nullable() }).nullable(),
  problems: z.array(Problem),
  swapSuggested: z.boolean(),
  detection: z.object({
    crs: z.enum(['wgs84', 'gcj02', 'bd09']),
    basis: z.enum(['names', 'none']),
    matched: z.array(z.object({ name: z.string(), reference: z.string() })),
    evidence: z.array(z.object({ crs: z.string(), medianMetres: z.number().nullable() })),
  }),
  sample: z.array(
    z.object({ geometry: z.object({ type: z.string(), coordinates: z.unknown() }), properties: z.record(z.string(), z.unknown()) }),
  ),
});
export type PreviewResult = z.infer<typeof PreviewResult>;
export const ImportJobResult = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  fraction: z.number(),
  summary: z.object({ layerId: z.string(), name: z.string(), features: z.number().int(), crs: z.string() }).passthrough().nullable(),
  error: z.string().nullable(),
});

export const BasemapPack = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  container: z.enum(['mbtiles', 'pmtiles']),
  tileType: z.enum(['raster', 'vector']),
  format: z.string(),
  minzoom: z.number().int(),
  maxzoom: z.number().int(),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  layers: z.array(z.string()),
});
export type BasemapPack = z.infer<typeof BasemapPack>;

const NoArgs = z.object({}).strict();

/** Argument and result schema of every method. */
export const CONTRACT = {
  appInfo: { args: NoArgs, result: AppInfo },
  listLayers: { args: NoArgs, result: z.array(LayerSummary) },
  getLayer: { args: z.object({ id: z.string().min(1).max(100) }).strict(), result: FeatureCollectionResult },
  searchPlaces: {
    args: z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50).default(12) }).strict(),
    result: z.array(PlaceHit),
  },
  getSettings: { args: NoArgs, result: Settings },
  networkInfo: {
    args: NoArgs,
    result: z.object({
      assumptions: Assumptions,
      nodes: z.number().int(),
      edges: z.number().int(),
      classCounts: z.record(z.string(), z.number().int()),
      markets: z.array(NamedNode),
    }),
  },
  travelTimes: { args: z.object({ from: LngLatArg, assumptions: Assumptions.partial().optional() }).strict(), result: TravelTimesResult },
  isochrone: {
    args: z
      .object({
        from: LngLatArg,
        minutes: Minutes.default([30, 60, 90, 120]),
        cellKm: z.number().min(0.5).max(10).default(2),
        assumptions: Assumptions.partial().optional(),
      })
      .strict(),
    result: FeatureCollectionResult,
  },
  catchment: {
    args: z.object({ from: LngLatArg, minutes: Minutes.default([30, 60, 90]), assumptions: Assumptions.partial().optional() }).strict(),
    result: CatchmentResult,
  },
  networkData: { args: NoArgs, result: NetworkDataResult },
  exportNetwork: { args: z.object({ assumptions: Assumptions.partial().optional() }).strict(), result: FeatureCollectionResult },
  planTaxonomy: {
    args: NoArgs,
    result: z.object({
      industries: z.array(
        z.object({
          id: z.string(),
          name_zh: z.string(),
          name_en: z.string(),
          sublines: z.array(z.object({ id: z.string(), name_zh: z.string(), name_en: z.string() })),
        }),
      ),
      source: z.string(),
    }),
  },
  profilePresets: {
    args: NoArgs,
    result: z.array(z.object({ id: z.string(), name_zh: z.string(), name_en: z.string(), profile: Profile })),
  },
  scoreSites: { args: ScoreArgs, result: RankingResult },
  compareParks: { args: CompareArgs, result: CompareResult },
  listScenarios: { args: NoArgs, result: z.array(Scenario) },
  saveScenario: {
    args: z
      .object({ id: z.string().min(1).optional(), name: ScenarioName, notes: z.string().max(5000).default(''), payload: ScenarioPayload })
      .strict(),
    result: Scenario,
  },
  openScenario: { args: z.object({ id: z.string().min(1) }).strict(), result: Scenario },
  duplicateScenario: { args: z.object({ id: z.string().min(1), name: ScenarioName.optional() }).strict(), result: Scenario },
  renameScenario: {
    args: z.object({ id: z.string().min(1), name: ScenarioName, notes: z.string().max(5000).optional() }).strict(),
    result: Scenario,
  },
  deleteScenario: { args: z.object({ id: z.string().min(1) }).strict(), result: z.object({ deleted: z.boolean() }) },
  compareScenarios: {
    args: z.object({ a: z.string().min(1), b: z.string().min(1) }).strict(),
    result: z.object({
      a: z.object({ id: z.string(), name: z.string(), method: z.string() }),
      b: z.object({ id: z.string(), name: z.string(), method: z.string() }),
      rows: z.array(
        z.object({
          id: z.string(),
          name_zh: z.string(),
          name_en: z.string(),
          a: z.object({ rank: z.number().int().nullable(), total: z.number().nullable() }),
          b: z.object({ rank: z.number().int().nullable(), total: z.number().nullable() }),
        }),
      ),
    }),
  },
  exportReport: {
    args: z
      .object({
        payload: ScenarioPayload,
        language: z.enum(['zh', 'en']),
        /** Sheet, column, criterion and unit names in the report's language (the renderer's i18n). */
        labels: z.record(z.string(), z.string()),
        fileName: z
          .string()
          .regex(/^[^/\\:*?"<>|]{1,80}$/, 'a file name without path characters')
          .optional(),
      })
      .strict(),
    result: FileResult,
  },
  exportProject: { args: NoArgs, result: FileResult },
  importProject: {
    args: z.object({ uploadId: z.uuid() }).strict(),
    result: z.object({ scenarios: z.number().int(), sites: z.number().int(), layers: z.number().int() }),
  },
  listCandidateSites: { args: NoArgs, result: z.array(CandidateSite) },
  addCandidateSite: { args: z.object({ name: z.string().trim().min(1).max(100), position: LngLatArg }).strict(), result: CandidateSite },
  deleteCandidateSite: { args: z.object({ id: z.string().min(1) }).strict(), result: z.object({ deleted: z.boolean() }) },
  beginUpload: {
    args: z.object({ name: z.string().min(1).max(255), size: z.number().int().min(0) }).strict(),
    result: z.object({ uploadId: z.string(), chunkBytes: z.number().int() }),
  },
  uploadChunk: {
    args: z.object({ uploadId: z.uuid(), offset: z.number().int().min(0), dataBase64: z.string().min(1) }).strict(),
    result: z.object({ received: z.number().int(), complete: z.boolean() }),
  },
  discardUpload: { args: z.object({ uploadId: z.uuid() }).strict(), result: z.object({ discarded: z.boolean() }) },
  previewImport: { args: z.object(FileArgs).strict().refine(oneFile, ONE_FILE), result: PreviewResult },
  startImport: {
    args: z
      .object({ ...FileArgs, layerName: z.string().trim().min(1).max(100), role: LayerRoleSchema })
      .strict()
      .refine(oneFile, ONE_FILE),
    result: z.object({ jobId: z.string() }),
  },
  importStatus: { args: z.object({ jobId: z.string().min(1) }).strict(), result: ImportJobResult },
  cancelImport: { args: z.object({ jobId: z.string().min(1) }).strict(), result: z.object({ cancelled: z.boolean() }) },
  renameLayer: {
    args: z.object({ id: z.string().min(1), name: z.string().trim().min(1).max(100) }).strict(),
    result: z.object({ id: z.string(), name: z.string() }),
  },
  setLayerStyle: {
    args: z.object({ id: z.string().min(1), colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb') }).strict(),
    result: z.object({ id: z.string(), colour: z.string() }),
  },
  deleteLayer: { args: z.object({ id: z.string().min(1) }).strict(), result: z.object({ deleted: z.boolean() }) },
  listBasemaps: { args: NoArgs, result: z.array(BasemapPack) },
  addBasemap: { args: z.object({ path: z.string().min(1).max(4096) }).strict(), result: BasemapPack },
  removeBasemap: { args: z.object({ id: z.string().min(1) }).strict(), result: z.object({ removed: z.boolean() }) },
  exportLayer: {
    args: z.object({ id: z.string().min(1), format: z.enum(['geojson', 'csv', 'xlsx', 'kml']) }).strict(),
    result: FileResult,
  },
  updateSettings: { args: SettingsChanges, result: Settings },
  checkPresentationPin: { args: z.object({ pin: z.string().max(20) }).strict(), result: z.object({ ok: z.boolean() }) },
  listTours: { args: NoArgs, result: z.array(Tour) },
  saveTour: {
    args: z
      .object({
        id: z.string().min(1).optional(),
        name_zh: z.string().trim().min(1).max(100),
        name_en: z.string().trim().min(1).max(100),
        stops: z.array(TourStop).min(1, 'a tour needs at least one stop').max(50),
      })
      .strict(),
    result: Tour,
  },
  deleteTour: { args: z.object({ id: z.string().min(1) }).strict(), result: z.object({ deleted: z.boolean() }) },
} as const satisfies Record<MethodName, { args: z.ZodType; result: z.ZodType }>;

export type Contract = typeof CONTRACT;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>;

/** What the handlers implement: validated arguments in, a result out. */
export type Api = { [M in MethodName]: (args: z.output<Contract[M]['args']>) => ResultOf<M> | Promise<ResultOf<M>> };

export const ERROR_CODES = ['UNKNOWN_METHOD', 'BAD_ARGUMENT', 'NOT_FOUND', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A typed error as it crosses a transport: a code and a message a person can read, no stack. */
export interface ApiFailure {
  ok: false;
  error: { code: ErrorCode; message: string; issues?: string[] };
}
export interface ApiSuccess<T> {
  ok: true;
  result: T;
}
export type Envelope<T> = ApiSuccess<T> | ApiFailure;

/** What the transports expose to the renderer: every method returns an envelope, never throws. */
export type Bridge = { [M in MethodName]: (args?: ArgsOf<M>) => Promise<Envelope<ResultOf<M>>> };
