/**
 * Reads, cached by key (keys.ts): what components use instead of calling the backend. Hooks for
 * what a component shows; `useLoaders` for what an event handler needs once (through the same
 * cache, so a layer fetched for the map is not fetched again for a tour).
 */
import { queryOptions, skipToken, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from './client.ts';
import { queryKeys } from './keys.ts';
import type { ArgsOf } from '../../../electron/contract/api.ts';

type LngLat = readonly [number, number];

export const queries = {
  appInfo: () => queryOptions({ queryKey: queryKeys.appInfo, queryFn: () => call('appInfo') }),
  layers: () => queryOptions({ queryKey: queryKeys.layers, queryFn: () => call('listLayers') }),
  layerFeatures: (id: string, version = 0) =>
    queryOptions({ queryKey: queryKeys.layerFeatures(id, version), queryFn: () => call('getLayer', { id }) }),
  settings: () => queryOptions({ queryKey: queryKeys.settings, queryFn: () => call('getSettings') }),
  tours: () => queryOptions({ queryKey: queryKeys.tours, queryFn: () => call('listTours') }),
  networkInfo: () => queryOptions({ queryKey: queryKeys.networkInfo, queryFn: () => call('networkInfo') }),
  networkData: () => queryOptions({ queryKey: queryKeys.networkData, queryFn: () => call('networkData') }),
  roadNetwork: () => queryOptions({ queryKey: queryKeys.roadNetwork, queryFn: () => call('roadNetworkInfo') }),
  roadLayer: () => queryOptions({ queryKey: queryKeys.roadLayer, queryFn: () => call('roadLayerInfo') }),
  parkCorrections: () => queryOptions({ queryKey: queryKeys.parkCorrections, queryFn: () => call('listParkCorrections') }),
  travelTimes: (from: LngLat) =>
    queryOptions({ queryKey: queryKeys.travelTimes(from), queryFn: () => call('travelTimes', { from: [from[0], from[1]] }) }),
  planTaxonomy: () => queryOptions({ queryKey: queryKeys.planTaxonomy, queryFn: () => call('planTaxonomy') }),
  profilePresets: () => queryOptions({ queryKey: queryKeys.profilePresets, queryFn: () => call('profilePresets') }),
  scenarios: () => queryOptions({ queryKey: queryKeys.scenarios, queryFn: () => call('listScenarios') }),
  basemaps: () => queryOptions({ queryKey: queryKeys.basemaps, queryFn: () => call('listBasemaps') }),
  customCriteria: () => queryOptions({ queryKey: queryKeys.customCriteria, queryFn: () => call('listCustomCriteria') }),
  sites: () => queryOptions({ queryKey: queryKeys.sites, queryFn: () => call('listCandidateSites') }),
  teamStatus: () => queryOptions({ queryKey: queryKeys.teamStatus, queryFn: () => call('teamStatus') }),
  teamConflicts: () => queryOptions({ queryKey: queryKeys.teamConflicts, queryFn: () => call('teamConflicts') }),
  teamLog: () => queryOptions({ queryKey: queryKeys.teamLog, queryFn: () => call('teamLog', { limit: 30 }) }),
  dataRanges: () => queryOptions({ queryKey: queryKeys.dataRanges, queryFn: () => call('getDataRanges') }),
  osmMatches: () => queryOptions({ queryKey: queryKeys.osmMatches, queryFn: () => call('osmMatches', { include: 'all' }) }),
};

export const useAppInfo = () => useQuery(queries.appInfo());
export const useLayers = () => useQuery(queries.layers());
export const useSettings = () => useQuery(queries.settings());
export const useTours = () => useQuery(queries.tours());
export const useNetworkInfo = () => useQuery(queries.networkInfo());
export const useRoadNetwork = () => useQuery(queries.roadNetwork());
/** The imported network's road layer (tiles, legend figures); `available` is false while the schematic network is active. */
export const useRoadLayer = () => useQuery(queries.roadLayer());
/** A clicked road or interchange, or nothing asked while `target` is null. */
export function useRoadFeature(target: { kind: 'way' | 'junction'; id: number } | null) {
  return useQuery({
    queryKey: target ? queryKeys.roadFeature(target.kind, target.id) : ['network', 'road-feature'],
    queryFn: target ? () => call('roadFeature', target) : skipToken,
  });
}
export const useParkCorrections = () => useQuery(queries.parkCorrections());
export const usePlanTaxonomy = () => useQuery(queries.planTaxonomy());
export const useProfilePresets = () => useQuery(queries.profilePresets());
export const useScenarios = () => useQuery(queries.scenarios());
export const useBasemaps = () => useQuery(queries.basemaps());
/** The user's own criteria (definitions and values per park or site). */
export const useCustomCriteria = () => useQuery(queries.customCriteria());
export const useCandidateSites = () => useQuery(queries.sites());
export const useTeamConflicts = (enabled: boolean) => useQuery({ ...queries.teamConflicts(), enabled });
/** The team log is the server's: read when asked (the dialog is open and connected), never kept stale. */
export const useTeamLog = (enabled: boolean) => useQuery({ ...queries.teamLog(), enabled, staleTime: 0 });
/**
 * The team status is local (nothing is sent), but a push or pull runs on in the backend: while
 * one runs, the status is read often for its progress.
 */
export const useTeamStatus = (polling: boolean) => useQuery({ ...queries.teamStatus(), refetchInterval: polling ? 300 : false });
export const useDataRanges = () => useQuery(queries.dataRanges());
/** Proposed OpenStreetMap matches and the decisions taken (include: all). */
export const useOsmMatches = () => useQuery(queries.osmMatches());
/** Today's stamp for a printed page's choices, asked afresh each time a page opens. */
export const useStampOf = (subject: ArgsOf<'reportStamp'> | null) =>
  useQuery({
    queryKey: queryKeys.reportStamp(JSON.stringify(subject)),
    queryFn: subject ? () => call('reportStamp', subject) : skipToken,
    gcTime: 0,
    staleTime: 0,
  });

/** One layer's features; `version` (a user layer's feature count) fetches them again when it changes. */
export const useLayerFeatures = (id: string, version = 0) => useQuery(queries.layerFeatures(id, version));

/** One layer's features, or nothing asked while `id` is null. */
export function useLayerFeaturesOf(id: string | null, version = 0) {
  return useQuery(id ? queries.layerFeatures(id, version) : { queryKey: queryKeys.layerFeatures('', version), queryFn: skipToken });
}

/** Several shipped layers' features at once, in the order asked. */
export function useLayersFeatures(ids: readonly string[]) {
  return useQueries({ queries: ids.map((id) => queries.layerFeatures(id)) });
}

/** Places matching a query (empty: nothing asked). */
export function useSearchPlaces(query: string) {
  return useQuery({
    queryKey: queryKeys.search(query),
    queryFn: query === '' ? skipToken : () => call('searchPlaces', { query, limit: 10 }),
  });
}

/** Travel times from a point (none asked while `from` is null). */
export function useTravelTimes(from: LngLat | null) {
  return useQuery(from ? queries.travelTimes(from) : { queryKey: queryKeys.travelTimes([Number.NaN, Number.NaN]), queryFn: skipToken });
}

/** Travel times from several points, in the order given. */
export function useTravelTimesFrom(points: readonly LngLat[]) {
  return useQueries({ queries: points.map((p) => queries.travelTimes(p)) });
}

/** Population within each of `minutes` of a point. */
export function useCatchment(from: LngLat | null, minutes: readonly number[]) {
  return useQuery({
    queryKey: queryKeys.catchment(from ?? [Number.NaN, Number.NaN], minutes),
    queryFn: from ? () => call('catchment', { from: [from[0], from[1]], minutes: [...minutes] }) : skipToken,
  });
}

/** Isochrones of a point for `minutes` (none asked while `from` is null). */
export function useIsochrones(from: LngLat | null, minutes: readonly number[]) {
  return useQuery({
    queryKey: queryKeys.isochrone(from ?? [Number.NaN, Number.NaN], minutes),
    queryFn: from ? () => call('isochrone', { from: [from[0], from[1]], minutes: [...minutes] }) : skipToken,
  });
}

/** Reads an event handler needs once, through the cache (a cached answer comes back at once). */
export function useLoaders() {
  const client = useQueryClient();
  return useMemo(
    () => ({
      settings: () => client.fetchQuery(queries.settings()),
      tours: () => client.fetchQuery(queries.tours()),
      layerFeatures: (id: string) => client.fetchQuery(queries.layerFeatures(id)),
      networkData: () => client.fetchQuery(queries.networkData()),
      profilePresets: () => client.fetchQuery(queries.profilePresets()),
      // Not cached: a zone surface is fetched in row bands once per run (use-surface.ts).
      surfaceRows: (args: ArgsOf<'surface'>) => call('surface', args),
    }),
    [client],
  );
}
