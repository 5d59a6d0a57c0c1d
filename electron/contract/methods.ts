/**
 * The API's method names, with no dependencies, so the sandboxed preload can import them without
 * pulling zod (or anything else) into its bundle. `api.ts` checks at compile time that these are
 * exactly the contract's methods.
 */
export const METHOD_NAMES = [
  'appInfo',
  'listLayers',
  'getLayer',
  'searchPlaces',
  'listParkCorrections',
  'setParkPosition',
  'resetParkPosition',
  'getSettings',
  'updateSettings',
  'checkPresentationPin',
  'listTours',
  'saveTour',
  'deleteTour',
  'networkInfo',
  'setNetworkYear',
  'surface',
  'compareNetworks',
  'travelTimes',
  'isochrone',
  'catchment',
  'networkData',
  'exportNetwork',
  'roadNetworkInfo',
  'useNetwork',
  'route',
  'importRoadNetwork',
  'roadImportStatus',
  'cancelRoadImport',
  'roadLayerInfo',
  'roadFeature',
  'osmMatches',
  'decideOsmMatch',
  'planTaxonomy',
  'profilePresets',
  'scoreSites',
  'compareParks',
  'methodAgreement',
  'similarSites',
  'listCustomCriteria',
  'saveCustomCriterion',
  'criterionFromLayer',
  'deleteCustomCriterion',
  'listScenarios',
  'saveScenario',
  'openScenario',
  'duplicateScenario',
  'renameScenario',
  'deleteScenario',
  'compareScenarios',
  'exportReport',
  'exportProject',
  'importProject',
  'listCandidateSites',
  'addCandidateSite',
  'deleteCandidateSite',
  'beginUpload',
  'uploadChunk',
  'discardUpload',
  'previewImport',
  'startImport',
  'importStatus',
  'cancelImport',
  'renameLayer',
  'setLayerStyle',
  'deleteLayer',
  'exportLayer',
  'listBasemaps',
  'addBasemap',
  'removeBasemap',
  'teamStatus',
  'teamConfigure',
  'teamConnect',
  'teamInit',
  'teamPush',
  'teamPull',
  'teamSync',
  'teamConflicts',
  'teamResolve',
  'teamLog',
  'teamCountNear',
  'getDataRanges',
  'setDataRanges',
  'rankUncertainty',
  'gapAnalysis',
  'reportStamp',
  'verifyReport',
  'methodSelfTest',
  'sealPdf',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/** IPC channels outside the API: the report view's "save as PDF" (Electron's printToPDF). */
export const PRINT_CHANNEL = 'siteselect-print:pdf';
/** Presentation mode's kiosk switch (Electron only). */
export const PRESENT_CHANNEL = 'siteselect-present:kiosk';

/** IPC channel prefix: the preload only ever invokes channels it builds from these names. */
export const CHANNEL_PREFIX = 'siteselect:';

export function isMethodName(value: string): value is MethodName {
  return (METHOD_NAMES as readonly string[]).includes(value);
}
