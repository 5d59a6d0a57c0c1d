/** Layers: the basemap's, the zone's reference layers and the user's own, and place search. */
import { z } from 'zod';
import { Deleted, FeatureCollectionResult, FileResult, IdArg, NoArgs, UserName } from './common.ts';
import { method } from './define.ts';

/** How the rest of the app uses an imported layer. */
export const LAYER_ROLES = ['reference', 'candidates', 'competitors', 'facilities'] as const;
export const LayerRoleSchema = z.enum(LAYER_ROLES);
export type LayerRole = z.infer<typeof LayerRoleSchema>;

export const EXPORT_FORMATS = ['geojson', 'csv', 'xlsx', 'kml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Feature count of a layer broken down by a grouping key (e.g. counties per prefecture). */
export const LayerBreakdown = z.object({ key: z.string(), name_zh: z.string(), name_en: z.string(), count: z.number().int() });

export const LayerSummary = z.object({
  id: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  /** `basemap`: drawn from the vector tiles; `reference`: a dataset shipped with the app; `user`: made by the user. */
  kind: z.enum(['basemap', 'reference', 'user']),
  geometry: z.enum(['polygon', 'line', 'point', 'mixed']),
  featureCount: z.number().int().nonnegative(),
  source: z.string().nullable(),
  breakdown: z.array(LayerBreakdown).optional(),
  /** Features listed without a position (unknown: shown in lists, not drawn). */
  unlocated: z.number().int().nonnegative().optional(),
  /** User layers: how the rest of the app uses it, and its colour. */
  role: LayerRoleSchema.optional(),
  colour: z.string().optional(),
  /** User layers: what is wrong with the stored layer (a bad style, features that cannot be read); it still lists. */
  problems: z.array(z.string()).optional(),
  /** User layers shared on the team server: who pushed its current version (a teammate's login, or yours). */
  author: z.string().optional(),
});
export type LayerSummary = z.infer<typeof LayerSummary>;

export const PlaceHit = z.object({
  layer: z.string(),
  id: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  /** What the hit is, e.g. 县 / 机场, in each language. */
  detail_zh: z.string(),
  detail_en: z.string(),
  center: z.tuple([z.number(), z.number()]).nullable(),
});
export type PlaceHit = z.infer<typeof PlaceHit>;

export const LayerName = UserName;
/** A user layer's style as stored (`user_layers.style`, JSON). */
export const LayerStyle = z
  .object({
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb')
      .optional(),
  })
  .strict();

export const LAYER_METHODS = {
  listLayers: method(NoArgs, z.array(LayerSummary)),
  getLayer: method(z.object({ id: z.string().min(1).max(100) }).strict(), FeatureCollectionResult),
  searchPlaces: method(
    z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50).default(12) }).strict(),
    z.array(PlaceHit),
  ),
  renameLayer: method(z.object({ id: z.string().min(1), name: LayerName }).strict(), z.object({ id: z.string(), name: z.string() }), {
    writes: true,
  }),
  setLayerStyle: method(
    z.object({ id: z.string().min(1), colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb') }).strict(),
    z.object({ id: z.string(), colour: z.string() }),
    { writes: true },
  ),
  deleteLayer: method(IdArg, Deleted, { writes: true }),
  exportLayer: method(z.object({ id: z.string().min(1), format: z.enum(EXPORT_FORMATS) }).strict(), FileResult),
};
