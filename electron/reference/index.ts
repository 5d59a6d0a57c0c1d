/**
 * The reference room: everything shipped with the app, loaded and validated once at start-up —
 * the basemap (MBTiles), the zone's layers, its counties and markets, the plan, the presets and
 * the default tour — plus what is derived from them once (the place search index, the named
 * places for CRS detection). Handlers receive this loaded value, never file paths.
 */
import type { MethodExamples, NamedPosition } from '../../geo/index.ts';
import type { LayerId } from '../../data/schema/layers.ts';
import type { AppPaths } from '../node/paths.ts';
import { openBasemap, type Basemap } from './basemap.ts';
import { loadReferenceLayers, type ReferenceLayer } from './layers.ts';
import { referencePlaces } from './places.ts';
import { loadPlan, type PlanData } from './plan.ts';
import { referenceSearchIndex, type SearchEntry } from './search.ts';
import { loadSources } from './sources.ts';
import { loadMethodExamples } from './method-examples.ts';
import type { RegistrySource } from '../contract/api.ts';
import { loadZone, type ZoneData } from './zone.ts';

export type { Basemap, ReferenceMeta } from './basemap.ts';
export type { ReferenceLayer } from './layers.ts';
export type { Plan, PlanData, Preset } from './plan.ts';
export type { Market, ZoneCounty, ZoneData } from './zone.ts';

export interface Reference {
  basemap: Basemap;
  /** The zone's reference layers (parks, airports, rail, …), keyed by layer id. */
  layers: ReadonlyMap<LayerId, ReferenceLayer>;
  /** The zone's county polygons, populations and markets. */
  zone: ZoneData;
  plan: PlanData;
  /** Named places with WGS-84 positions: the evidence for detecting an import's coordinate system. */
  places: readonly NamedPosition[];
  search: readonly SearchEntry[];
  /** The sources registry every record's `source_ids` refer to. */
  sources: readonly RegistrySource[];
  /** The published worked examples (data/method-examples/), for the method self-test. */
  methodExamples: MethodExamples;
  close(): void;
}

/** @throws naming the file when any reference file is missing or malformed (nothing stays open) */
export function loadReference(
  paths: Pick<
    AppPaths,
    | 'referenceFile'
    | 'layersDir'
    | 'zoneFile'
    | 'countiesFile'
    | 'marketsFile'
    | 'planFile'
    | 'presetsFile'
    | 'tourFile'
    | 'sourcesFile'
    | 'methodExamplesDir'
  >,
): Reference {
  const basemap = openBasemap(paths.referenceFile);
  try {
    const layers = loadReferenceLayers(paths.layersDir);
    return {
      basemap,
      layers,
      zone: loadZone(paths.zoneFile, paths.countiesFile, paths.marketsFile),
      plan: loadPlan({ plan: paths.planFile, presets: paths.presetsFile, tour: paths.tourFile }),
      places: referencePlaces(basemap.meta, layers),
      search: referenceSearchIndex(basemap.meta, layers),
      sources: loadSources(paths.sourcesFile),
      methodExamples: loadMethodExamples(paths.methodExamplesDir),
      close: () => basemap.close(),
    };
  } catch (error) {
    basemap.close();
    throw error;
  }
}
