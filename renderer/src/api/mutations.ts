/**
 * Writes, each invalidating the query families it changes (keys.ts), and the calls that answer a
 * click (rank these inputs, export this file): those run when asked and are not cached, so they are
 * mutations too, with nothing to invalidate.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ArgsOf, ResultOf } from '../../../electron/contract/api.ts';
import type { MethodName } from '../../../electron/contract/methods.ts';
import { call } from './client.ts';
import { invalidateAfter, queryKeys, type WriteMethod } from './keys.ts';
import { stageFile } from './uploads.ts';

function useWrite<M extends WriteMethod>(method: M) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: ArgsOf<M>): Promise<ResultOf<M>> => call(method, args),
    onSuccess: () => invalidateAfter(client, method),
  });
}

function useAction<M extends MethodName>(method: M) {
  return useMutation({ mutationFn: (args: ArgsOf<M>): Promise<ResultOf<M>> => call(method, args) });
}

/**
 * A computation whose progress its caller keeps itself (the scoring panel's reducer): a stable
 * function and no mutation state, so the caller (the whole app, for the scoring hook) is not
 * re-rendered when a call starts and when it ends.
 */
function useCompute<M extends MethodName>(method: M): (args: ArgsOf<M>) => Promise<ResultOf<M>> {
  return useCallback((args: ArgsOf<M>) => call(method, args), [method]);
}

export const useUpdateSettings = () => useWrite('updateSettings');
export const useSaveTour = () => useWrite('saveTour');
export const useAddCandidateSite = () => useWrite('addCandidateSite');
export const useSaveScenario = () => useWrite('saveScenario');
export const useOpenScenario = () => useWrite('openScenario');
export const useDuplicateScenario = () => useWrite('duplicateScenario');
export const useRenameScenario = () => useWrite('renameScenario');
export const useDeleteScenario = () => useWrite('deleteScenario');
export const useRenameLayer = () => useWrite('renameLayer');
export const useSetLayerStyle = () => useWrite('setLayerStyle');
export const useAddBasemap = () => useWrite('addBasemap');
export const useSetDataRanges = () => useWrite('setDataRanges');

/** Deletes a user layer; its features leave the cache with it. */
export function useDeleteLayer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: ArgsOf<'deleteLayer'>) => call('deleteLayer', args),
    onSuccess: async (_result, { id }) => {
      client.removeQueries({ queryKey: queryKeys.layerFeaturesOf(id) });
      await invalidateAfter(client, 'deleteLayer');
    },
  });
}

/** Opens a colleague's project file: staged like an import, then merged into this project. */
export function useImportProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const uploadId = await stageFile(
        file,
        () => undefined,
        () => false,
      );
      return call('importProject', { uploadId });
    },
    onSuccess: () => invalidateAfter(client, 'importProject'),
  });
}

export interface ImportProgress {
  id: string;
  fraction: number;
}

/** How often a running import is asked for its progress. */
const POLL_MS = 150;

/**
 * Starts an import job and follows it to its end (done, cancelled or failed), reporting progress;
 * resolves the job's last status. A finished import invalidates the layers and the network.
 */
export function useImportJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ args, onProgress }: { args: ArgsOf<'startImport'>; onProgress(job: ImportProgress): void }) => {
      const { jobId } = await call('startImport', args);
      onProgress({ id: jobId, fraction: 0 });
      for (;;) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        const status = await call('importStatus', { jobId });
        onProgress({ id: jobId, fraction: status.fraction });
        if (status.status !== 'running') return status;
      }
    },
    onSuccess: (status) => (status.status === 'done' ? invalidateAfter(client, 'startImport') : undefined),
  });
}

export const useCancelImport = () => useAction('cancelImport');
export const useUseNetwork = () => useWrite('useNetwork');
export const useSetParkPosition = () => useWrite('setParkPosition');
export const useResetParkPosition = () => useWrite('resetParkPosition');
export const useCancelRoadImport = () => useAction('cancelRoadImport');

export interface RoadImportProgress {
  /** Staging the file, then the import's own phases (ways, nodes, graph, write). */
  phase: string;
  fraction: number;
  etaSeconds: number | null;
  jobId: string | null;
}

/**
 * Imports an OpenStreetMap extract: the file is staged in chunks, then read in the backend's
 * worker; progress is polled. When it is done, every answer computed on a network is stale.
 */
export function useRoadImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      file,
      clip,
      onProgress,
      cancelled,
    }: {
      file: File;
      clip: ArgsOf<'importRoadNetwork'>['clip'];
      onProgress(p: RoadImportProgress): void;
      cancelled(): boolean;
    }) => {
      const uploadId = await stageFile(file, (f) => onProgress({ phase: 'upload', fraction: f, etaSeconds: null, jobId: null }), cancelled);
      const { jobId } = await call('importRoadNetwork', { uploadId, ...(clip ? { clip } : {}) });
      for (;;) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        const status = await call('roadImportStatus', { jobId });
        onProgress({ phase: status.phase ?? 'start', fraction: status.fraction, etaSeconds: status.etaSeconds, jobId });
        if (status.status !== 'running') return status;
      }
    },
    onSuccess: (status) => (status.status === 'done' ? client.invalidateQueries({ queryKey: queryKeys.network }) : undefined),
  });
}
export const usePreviewImport = () => useAction('previewImport');
export const useExportLayer = () => useAction('exportLayer');
export const useScoreSites = () => useCompute('scoreSites');
export const useCompareParks = () => useCompute('compareParks');
export const useCompareScenarios = () => useAction('compareScenarios');
export const useExportReport = () => useAction('exportReport');
export const useExportProject = () => useAction('exportProject');
export const useCheckPresentationPin = () => useAction('checkPresentationPin');
export const useMethodAgreement = () => useCompute('methodAgreement');
export const useSimilarSites = () => useCompute('similarSites');
export const useSaveCustomCriterion = () => useWrite('saveCustomCriterion');
export const useDeleteCustomCriterion = () => useWrite('deleteCustomCriterion');

/** A criterion from a layer's column: a dry run only reports the join, so it leaves the cache alone. */
export function useCriterionFromLayer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: ArgsOf<'criterionFromLayer'>) => call('criterionFromLayer', args),
    onSuccess: (_result, args) => (args.dryRun ? undefined : invalidateAfter(client, 'criterionFromLayer')),
  });
}

export const useTeamConfigure = () => useWrite('teamConfigure');
export const useTeamPush = () => useWrite('teamPush');
export const useTeamPull = () => useWrite('teamPull');
export const useTeamSync = () => useWrite('teamSync');
export const useTeamResolve = () => useWrite('teamResolve');

/** Connects to the team server (a test of the settings); the status it returns replaces the cached one. */
export function useTeamConnect() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('teamConnect', {}),
    onSuccess: async (status) => {
      client.setQueryData(queryKeys.teamStatus, status);
      await client.invalidateQueries({ queryKey: queryKeys.teamLog });
    },
  });
}
export const useRankUncertainty = () => useAction('rankUncertainty');
export const useGapAnalysis = () => useAction('gapAnalysis');
export const useMethodSelfTest = () => useAction('methodSelfTest');
export const useReportStamp = () => useAction('reportStamp');
/** The scenario year every figure is computed in (null: the network as its data stands). */
export const useSetNetworkYear = () => useWrite('setNetworkYear');
/** Two networks (two years, or schematic and OSM) ranked side by side, with the time saved. */
export const useCompareNetworks = () => useAction('compareNetworks');
/** Accept, reject or undo a proposed OpenStreetMap match. */
export const useDecideOsmMatch = () => useWrite('decideOsmMatch');
