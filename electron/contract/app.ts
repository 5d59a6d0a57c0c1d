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

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  edition: Edition,
  dataDir: z.string(),
  userSchemaVersion: z.number().int(),
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
