import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { INVALIDATES, invalidateAfter, queryKeys, type WriteMethod } from './keys.ts';

/** A cache holding one answer for every kind of key the renderer reads. */
function seeded(): { client: QueryClient; keys: Record<string, readonly unknown[]> } {
  const keys: Record<string, readonly unknown[]> = {
    appInfo: queryKeys.appInfo,
    layers: queryKeys.layers,
    parksFeatures: queryKeys.layerFeatures('parks'),
    userFeatures: queryKeys.layerFeatures('u1', 3),
    search: queryKeys.search('hengnan'),
    settings: queryKeys.settings,
    tours: queryKeys.tours,
    networkInfo: queryKeys.networkInfo,
    networkData: queryKeys.networkData,
    travelTimes: queryKeys.travelTimes([111.45, 26.55]),
    catchment: queryKeys.catchment([111.45, 26.55], [30, 60, 90]),
    isochrone: queryKeys.isochrone([111.45, 26.55], [30, 60]),
    planTaxonomy: queryKeys.planTaxonomy,
    profilePresets: queryKeys.profilePresets,
    scenarios: queryKeys.scenarios,
    sites: queryKeys.sites,
    customCriteria: queryKeys.customCriteria,
    basemaps: queryKeys.basemaps,
  };
  const client = new QueryClient();
  for (const key of Object.values(keys)) client.setQueryData(key, { cached: true });
  return { client, keys };
}

async function staleAfter(method: WriteMethod): Promise<string[]> {
  const { client, keys } = seeded();
  await invalidateAfter(client, method);
  return Object.entries(keys)
    .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
    .map(([name]) => name)
    .sort();
}

const NETWORK = ['catchment', 'isochrone', 'networkData', 'networkInfo', 'travelTimes'];

describe('query invalidation', () => {
  it('keys are distinct: no two reads share a cache entry', () => {
    const { keys } = seeded();
    const serialised = Object.values(keys).map((k) => JSON.stringify(k));
    expect(new Set(serialised).size).toBe(serialised.length);
  });

  it.each<[WriteMethod, string[]]>([
    ['updateSettings', ['settings']],
    ['saveTour', ['tours']],
    ['saveScenario', ['scenarios']],
    ['deleteScenario', ['scenarios']],
    ['addCandidateSite', ['sites']],
    ['openScenario', ['customCriteria', 'layers', 'sites']],
    ['saveCustomCriterion', ['customCriteria']],
    ['criterionFromLayer', ['customCriteria']],
    ['deleteCustomCriterion', ['customCriteria']],
    ['setLayerStyle', ['layers']],
    ['renameLayer', ['layers', ...NETWORK].sort()],
    ['deleteLayer', ['layers', ...NETWORK].sort()],
    ['startImport', ['layers', ...NETWORK].sort()],
    ['importProject', ['customCriteria', 'layers', 'parksFeatures', 'scenarios', 'sites', ...NETWORK].sort()],
    ['addBasemap', ['basemaps']],
  ])('%s makes stale exactly %j', async (method, stale) => {
    expect(await staleAfter(method)).toEqual(stale);
  });

  it('no write refetches layer features or the shipped plan', async () => {
    // Park position corrections (set, reset, brought by a project file, or an OSM match accepted or
    // undone) are the one write that changes a shipped layer's features (the parks').
    const moves = new Set<WriteMethod>(['setParkPosition', 'resetParkPosition', 'importProject', 'decideOsmMatch']);
    // A team pull (or taking the server's copy) brings teammates' corrections and may replace the
    // features of a shared layer under the same id: it refetches both.
    const pulls = new Set<WriteMethod>(['teamPull', 'teamSync', 'teamResolve']);
    for (const method of Object.keys(INVALIDATES) as WriteMethod[]) {
      const stale = await staleAfter(method);
      for (const name of ['parksFeatures', 'userFeatures', 'planTaxonomy', 'profilePresets', 'appInfo', 'search']) {
        const allowed =
          (moves.has(method) && name === 'parksFeatures') || (pulls.has(method) && (name === 'parksFeatures' || name === 'userFeatures'));
        if (!allowed) expect(stale, method).not.toContain(name);
      }
    }
    for (const method of moves) expect(await staleAfter(method), method).toContain('parksFeatures');
    for (const method of pulls) expect(await staleAfter(method), method).toEqual(expect.arrayContaining(['parksFeatures', 'userFeatures']));
  });
});
