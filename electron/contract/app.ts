/** The app itself: version, edition, data folder and the reference data's provenance. */
import { z } from 'zod';
import { BBox, Edition, NoArgs } from './common.ts';
import { method } from './define.ts';

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

/** One entry of the sources registry (data/sources.json): what every shipped record cites by id. */
export const RegistrySource = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  date: z.string().nullable(),
  citation: z.string(),
  licence: z.string(),
  /** A notice the licence requires to be shown (e.g. © OpenStreetMap contributors, ODbL 1.0). */
  attribution: z.string().nullable(),
  note: z.string().nullable(),
});
export type RegistrySource = z.infer<typeof RegistrySource>;
/**
 * A stored row that cannot be read (written by an older version, a broken merge or another
 * program): listings leave it out and say so here, so the UI can offer to delete it with `remove`.
 */
export const DamagedRow = z.object({
  kind: z.enum(['layer', 'feature', 'scenario', 'tour', 'basemap']),
  /** The row's id; for features, their layer's id. */
  id: z.string(),
  name: z.string(),
  problem: z.string(),
  /** The call that deletes it (for features: their layer). */
  remove: z.object({
    method: z.enum(['deleteLayer', 'deleteScenario', 'deleteTour', 'removeBasemap']),
    args: z.object({ id: z.string() }),
  }),
});
export type DamagedRow = z.infer<typeof DamagedRow>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  edition: Edition,
  dataDir: z.string(),
  userSchemaVersion: z.number().int(),
  /** Rows of the project that listings leave out because they cannot be read. */
  damaged: z.array(DamagedRow),
  reference: z.object({
    builtAt: z.string(),
    bounds: BBox,
    zoneBounds: BBox,
    minzoom: z.number().int(),
    maxzoom: z.number().int(),
    sources: z.array(DataSourceInfo),
    /** Every source the zone's data cites, by id. */
    registry: z.array(RegistrySource),
  }),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const APP_METHODS = {
  appInfo: method(NoArgs, AppInfo),
};
