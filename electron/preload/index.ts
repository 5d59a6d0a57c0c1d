/**
 * Preload (sandboxed, context-isolated). Exposes one named function per API method on
 * `window.siteselect`; never ipcRenderer itself, and only channels built from the method list.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ArgsOf, Bridge, Envelope, ResultOf } from '../contract/api.ts';
import type { DesktopBridge } from '../contract/desktop.ts';
import { CHANNEL_PREFIX, PRESENT_CHANNEL, PRINT_CHANNEL, type MethodName } from '../contract/methods.ts';

function call<M extends MethodName>(method: M) {
  return (args?: ArgsOf<M>) => ipcRenderer.invoke(`${CHANNEL_PREFIX}${method}`, args ?? {}) as Promise<Envelope<ResultOf<M>>>;
}

const bridge = {
  appInfo: call('appInfo'),
  listLayers: call('listLayers'),
  getLayer: call('getLayer'),
  searchPlaces: call('searchPlaces'),
  listParkCorrections: call('listParkCorrections'),
  setParkPosition: call('setParkPosition'),
  resetParkPosition: call('resetParkPosition'),
  getSettings: call('getSettings'),
  updateSettings: call('updateSettings'),
  checkPresentationPin: call('checkPresentationPin'),
  listTours: call('listTours'),
  saveTour: call('saveTour'),
  deleteTour: call('deleteTour'),
  networkInfo: call('networkInfo'),
  setNetworkYear: call('setNetworkYear'),
  surface: call('surface'),
  compareNetworks: call('compareNetworks'),
  travelTimes: call('travelTimes'),
  isochrone: call('isochrone'),
  catchment: call('catchment'),
  networkData: call('networkData'),
  exportNetwork: call('exportNetwork'),
  roadNetworkInfo: call('roadNetworkInfo'),
  useNetwork: call('useNetwork'),
  route: call('route'),
  importRoadNetwork: call('importRoadNetwork'),
  roadImportStatus: call('roadImportStatus'),
  cancelRoadImport: call('cancelRoadImport'),
  roadLayerInfo: call('roadLayerInfo'),
  roadFeature: call('roadFeature'),
  osmMatches: call('osmMatches'),
  decideOsmMatch: call('decideOsmMatch'),
  planTaxonomy: call('planTaxonomy'),
  profilePresets: call('profilePresets'),
  scoreSites: call('scoreSites'),
  compareParks: call('compareParks'),
  methodAgreement: call('methodAgreement'),
  similarSites: call('similarSites'),
  listCustomCriteria: call('listCustomCriteria'),
  saveCustomCriterion: call('saveCustomCriterion'),
  criterionFromLayer: call('criterionFromLayer'),
  deleteCustomCriterion: call('deleteCustomCriterion'),
  listScenarios: call('listScenarios'),
  saveScenario: call('saveScenario'),
  openScenario: call('openScenario'),
  duplicateScenario: call('duplicateScenario'),
  renameScenario: call('renameScenario'),
  deleteScenario: call('deleteScenario'),
  compareScenarios: call('compareScenarios'),
  exportReport: call('exportReport'),
  exportProject: call('exportProject'),
  importProject: call('importProject'),
  listCandidateSites: call('listCandidateSites'),
  addCandidateSite: call('addCandidateSite'),
  deleteCandidateSite: call('deleteCandidateSite'),
  beginUpload: call('beginUpload'),
  uploadChunk: call('uploadChunk'),
  discardUpload: call('discardUpload'),
  previewImport: call('previewImport'),
  startImport: call('startImport'),
  importStatus: call('importStatus'),
  cancelImport: call('cancelImport'),
  renameLayer: call('renameLayer'),
  setLayerStyle: call('setLayerStyle'),
  deleteLayer: call('deleteLayer'),
  exportLayer: call('exportLayer'),
  listBasemaps: call('listBasemaps'),
  addBasemap: call('addBasemap'),
  removeBasemap: call('removeBasemap'),
  teamStatus: call('teamStatus'),
  teamConfigure: call('teamConfigure'),
  teamConnect: call('teamConnect'),
  teamInit: call('teamInit'),
  teamPush: call('teamPush'),
  teamPull: call('teamPull'),
  teamSync: call('teamSync'),
  teamConflicts: call('teamConflicts'),
  teamResolve: call('teamResolve'),
  teamLog: call('teamLog'),
  teamCountNear: call('teamCountNear'),
  getDataRanges: call('getDataRanges'),
  setDataRanges: call('setDataRanges'),
  rankUncertainty: call('rankUncertainty'),
  gapAnalysis: call('gapAnalysis'),
  reportStamp: call('reportStamp'),
  verifyReport: call('verifyReport'),
  methodSelfTest: call('methodSelfTest'),
  sealPdf: call('sealPdf'),
} satisfies Bridge;

contextBridge.exposeInMainWorld('siteselect', bridge);
// Desktop-only functions, typed by the contract (electron/contract/desktop.ts), which the renderer reads through renderer/src/api/desktop.ts.
const desktop = {
  siteselectPresent: { setKiosk: (on: boolean) => ipcRenderer.invoke(PRESENT_CHANNEL, on === true) as Promise<void> },
  siteselectPrint: {
    toPdf: (fileName: string, seal?: unknown) => ipcRenderer.invoke(PRINT_CHANNEL, fileName, seal) as Promise<{ saved: string | null }>,
  },
} satisfies DesktopBridge;
for (const [name, value] of Object.entries(desktop)) contextBridge.exposeInMainWorld(name, value);
