/**
 * What handlers receive: the loaded values a backend was opened with (`HandlerDeps`) and the
 * services built from them once (`Context`). Every handler is a top-level function
 * `(ctx, args) => result`; `createHandlers` binds them to one context.
 */
import type { z } from 'zod';
import type { PackRegistry } from '../basemaps/registry.ts';
import type { Contract, Edition, MethodName, ResultOf } from '../contract/api.ts';
import type { CorrectionStore } from '../db/correction-store.ts';
import type { MatchDecisionStore } from '../db/osm-match-store.ts';
import type { CriteriaStore } from '../db/criteria-store.ts';
import type { BasemapStore } from '../db/basemap-store.ts';
import type { Db, Migration } from '../db/index.ts';
import type { LayerStore } from '../db/layer-store.ts';
import type { RangeStore } from '../db/range-store.ts';
import type { ScenarioStore } from '../db/scenario-store.ts';
import type { SettingsStore } from '../db/settings-store.ts';
import type { SiteStore } from '../db/site-store.ts';
import type { TourStore } from '../db/tour-store.ts';
import type { ImportJobs, ImportLimits } from '../imports/jobs.ts';
import type { ParseCache } from '../imports/reader.ts';
import type { Uploads } from '../imports/uploads.ts';
import type { RoadNetworks } from '../network/roads.ts';
import type { ZoneNetworkService } from '../network/service.ts';
import type { Reference } from '../reference/index.ts';
import type { SiteFacts } from '../scoring/site-facts.ts';
import type { SecretBox } from '../team/credentials.ts';
import type { TeamService } from '../team/service.ts';
import type { OffThread } from './off-thread.ts';

/** What the handlers need, passed in so tests can build them around a temporary database. */
export interface HandlerDeps {
  userDb: Db;
  /** Everything shipped with the app, loaded and validated (electron/reference). */
  reference: Reference;
  /** Offline basemap packs the user registered. */
  packs: PackRegistry;
  info: { name: string; version: string; edition: z.infer<typeof Edition>; dataDir: string };
  /** Overrides of the import limits (tests use a small streaming threshold). */
  importLimits?: ImportLimits;
  /** The road-import worker as built for a bundled app (Electron); run from source, the default is used. */
  roadsWorkerUrl?: URL;
  /** This context runs inside the off-thread worker: no start-up clean-up, nothing sent off-thread again. */
  inWorker?: true;
  /** The team server's schema migrations this app ships (issue 20); none: the team methods know no schema. */
  teamMigrations?: readonly Migration[];
  /** The OS keychain for the team server's password (Electron safeStorage); absent in the browser edition and CLI. */
  secrets?: SecretBox;
}

export interface Stores {
  layers: LayerStore;
  sites: SiteStore;
  scenarios: ScenarioStore;
  tours: TourStore;
  settings: SettingsStore;
  criteria: CriteriaStore;
  corrections: CorrectionStore;
  /** The ranges behind the rank ranges (issue 18). */
  ranges: RangeStore;
  /** Decisions on proposed OpenStreetMap matches (accepted, rejected). */
  matches: MatchDecisionStore;
  /** Read here only to report damaged rows; the pack registry owns the packs. */
  basemaps: Pick<BasemapStore, 'damaged'>;
}

export interface Context extends HandlerDeps {
  stores: Stores;
  /** The zone's layers with the user's park corrections applied (the same map until a correction changes). */
  layers(): Reference['layers'];
  network: ZoneNetworkService;
  /** The imported OpenStreetMap network, which network is active, and road-network imports. */
  roads: RoadNetworks;
  facts: SiteFacts;
  jobs: ImportJobs;
  uploads: Uploads;
  importLimits: ImportLimits;
  /** The last file parsed whole, for the import that follows its preview. */
  parseCache: ParseCache;
  /** The worker the heavy read-only methods run in; null inside the worker and for an in-memory database. */
  offThread: OffThread | null;
  /** The team workspace: server settings, push, pull, conflicts (electron/team). */
  team: TeamService;
}

/** A group of handlers: one top-level function per method, taking the context and the parsed argument. */
export type Handlers<M extends MethodName> = {
  [K in M]: (ctx: Context, args: z.output<Contract[K]['args']>) => ResultOf<K> | Promise<ResultOf<K>>;
};
