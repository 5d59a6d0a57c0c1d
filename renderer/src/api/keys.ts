/**
 * Query keys, and which of them each write makes stale. A key's first element is its family:
 * the part of the backend's state a write can change. A write invalidates whole families, so a
 * new read of the same family can never miss it; what each write touches is written down once, in
 * {@link INVALIDATES}, instead of as refresh callbacks passed between components. The table must name
 * every method the contract declares `writes: true` (a compile-time check).
 *
 * The app's own writes are the only writers of its user data, so nothing is refetched on a timer
 * or on window focus (query-client.ts): a cached answer stays until a write invalidates it.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { WriteMethodName } from '../../../electron/contract/api.ts';
import type { MethodName } from '../../../electron/contract/methods.ts';

type LngLat = readonly [number, number];

export const queryKeys = {
  appInfo: ['app', 'info'],
  /** The layer list (reference, basemap and the user's own layers, with their counts and styles). */
  layers: ['layers'],
  /**
   * One layer's features. A family of its own: renaming or restyling a layer must not refetch the
   * shipped layers' GeoJSON (or 100,000 imported points). `version` is the user layer's feature
   * count, so a layer whose features change is fetched again; shipped layers never change.
   */
  layerFeatures: (id: string, version = 0) => ['layer-features', id, version],
  /** Every cached version of one layer's features. */
  layerFeaturesOf: (id: string) => ['layer-features', id],
  search: (query: string) => ['search', query],
  settings: ['settings'],
  customCriteria: ['custom-criteria'],
  parkCorrections: ['park-corrections'],
  tours: ['tours'],
  /** The routable network and every answer computed on it; imported facilities join it. */
  network: ['network'],
  networkInfo: ['network', 'info'],
  networkData: ['network', 'data'],
  /** Which network is active, and the imported OpenStreetMap network's provenance. */
  roadNetwork: ['network', 'roads'],
  /** The imported network's road tiles (their versioned URL) and legend figures. */
  roadLayer: ['network', 'road-layer'],
  /** A clicked road or interchange of the imported network: its OSM tags and speeds. */
  roadFeature: (kind: 'way' | 'junction', id: number) => ['network', 'road-feature', kind, id],
  travelTimes: (from: LngLat) => ['network', 'travel-times', from[0], from[1]],
  catchment: (from: LngLat, minutes: readonly number[]) => ['network', 'catchment', from[0], from[1], ...minutes],
  isochrone: (from: LngLat, minutes: readonly number[]) => ['network', 'isochrone', from[0], from[1], ...minutes],
  /** The plan's industries and the presets built on them: shipped, never written. */
  planTaxonomy: ['plan', 'taxonomy'],
  profilePresets: ['plan', 'presets'],
  scenarios: ['scenarios'],
  /** The candidate sites a user placed (scenarios and project files restore them). */
  sites: ['sites'],
  basemaps: ['basemaps'],
  /** The team workspace: its status (settings, pending, conflicts), the conflicts and the log. */
  team: ['team'],
  teamStatus: ['team', 'status'],
  teamConflicts: ['team', 'conflicts'],
  teamLog: ['team', 'log'],
  /** The ranges behind the rank ranges (Assumptions panel, custom criteria). */
  dataRanges: ['data-ranges'],
  /** Proposed OpenStreetMap matches of parks and stations, with the user's decisions. */
  osmMatches: ['osm-matches'],
  /** A printed page's stamp, by its choices (never cached: any write may change it). */
  reportStamp: (subject: string) => ['report-stamp', subject],
} as const;

/** What a pull (or a choice of the server's copy) may change: any shared record, and so the network (facilities) and the parks (corrections). */
const PULLED = [
  queryKeys.team,
  queryKeys.layers,
  queryKeys.network,
  queryKeys.scenarios,
  queryKeys.sites,
  queryKeys.tours,
  queryKeys.customCriteria,
  queryKeys.parkCorrections,
  ['layer-features'],
] as const;

/**
 * The families each write makes stale. Scoring answers are not cached (each ranking is asked for),
 * so no write lists them; the scoring panel ranks again when a site is added.
 */
export const INVALIDATES = {
  updateSettings: [queryKeys.settings],
  saveTour: [queryKeys.tours],
  deleteTour: [queryKeys.tours],
  addCandidateSite: [queryKeys.sites],
  deleteCandidateSite: [queryKeys.sites],
  saveScenario: [queryKeys.scenarios],
  duplicateScenario: [queryKeys.scenarios],
  renameScenario: [queryKeys.scenarios],
  deleteScenario: [queryKeys.scenarios],
  // Opening a scenario puts back the sites and own criteria it ranked that are no longer in the project.
  openScenario: [queryKeys.sites, queryKeys.layers, queryKeys.customCriteria],
  // A colleague's project brings scenarios, sites, layers (facilities among them join the network),
  // custom criteria and park corrections (which move parks, and the bonded zones on the same place).
  importProject: [
    queryKeys.scenarios,
    queryKeys.sites,
    queryKeys.layers,
    queryKeys.network,
    queryKeys.customCriteria,
    queryKeys.parkCorrections,
    queryKeys.layerFeaturesOf('parks'),
    queryKeys.layerFeaturesOf('bonded-zones'),
  ],
  // An import job, once done: a new layer, and a new destination class if its role is "facilities".
  startImport: [queryKeys.layers, queryKeys.network],
  // A facility's layer name is how its travel times name it.
  renameLayer: [queryKeys.layers, queryKeys.network],
  setLayerStyle: [queryKeys.layers],
  deleteLayer: [queryKeys.layers, queryKeys.network],
  // The user's own criteria are listed, and ranked beside the built-in ones.
  saveCustomCriterion: [queryKeys.customCriteria],
  criterionFromLayer: [queryKeys.customCriteria],
  deleteCustomCriterion: [queryKeys.customCriteria, queryKeys.dataRanges],
  // A corrected park stands elsewhere: its layer (and the bonded zone that is the same place), and every time from it.
  setParkPosition: [
    queryKeys.parkCorrections,
    queryKeys.layerFeaturesOf('parks'),
    queryKeys.layerFeaturesOf('bonded-zones'),
    queryKeys.network,
  ],
  resetParkPosition: [
    queryKeys.parkCorrections,
    queryKeys.layerFeaturesOf('parks'),
    queryKeys.layerFeaturesOf('bonded-zones'),
    queryKeys.network,
  ],
  // Every time on screen comes from the active network.
  useNetwork: [queryKeys.network],
  // So does the scenario year they are computed in.
  setNetworkYear: [queryKeys.network],
  addBasemap: [queryKeys.basemaps],
  removeBasemap: [queryKeys.basemaps],
  teamConfigure: [queryKeys.team],
  // A push stamps the author on what it sent (the layer list shows it).
  teamPush: [queryKeys.team, queryKeys.layers],
  teamPull: PULLED,
  teamSync: PULLED,
  teamResolve: PULLED,
  setDataRanges: [queryKeys.dataRanges],
  // An accepted match is a position correction of a park or a station: like setParkPosition, and the review list.
  decideOsmMatch: [
    queryKeys.osmMatches,
    queryKeys.parkCorrections,
    queryKeys.layerFeaturesOf('parks'),
    queryKeys.layerFeaturesOf('bonded-zones'),
    queryKeys.layerFeaturesOf('rail-stations'),
    queryKeys.network,
  ],
} as const satisfies { readonly [M in MethodName]?: readonly QueryKey[] } & { readonly [M in WriteMethodName]: readonly QueryKey[] };

export type WriteMethod = keyof typeof INVALIDATES;

/** Marks every family the write touched as stale; active queries refetch, and the promise waits for them. */
export async function invalidateAfter(client: QueryClient, method: WriteMethod): Promise<void> {
  await Promise.all(INVALIDATES[method].map((queryKey) => client.invalidateQueries({ queryKey })));
}
