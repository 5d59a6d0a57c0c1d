/** Schemas more than one domain of the contract uses. */
import { z } from 'zod';

export const Language = z.enum(['zh', 'en']);
export type Language = z.infer<typeof Language>;

export const Edition = z.enum(['electron', 'web', 'cli']);

/** `[longitude, latitude]` in degrees, WGS-84. Ranges are checked by the handler, which can say "swapped?". */
export const LngLatArg = z.tuple([z.number(), z.number()]);

export const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const NoArgs = z.object({}).strict();

/** A GeoJSON FeatureCollection (WGS-84) with each feature's attributes as published. */
export const FeatureCollectionResult = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }).nullable(),
      properties: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type FeatureCollectionResult = z.infer<typeof FeatureCollectionResult>;

/** A file handed back to the caller (a report, a project file, an exported layer). */
export const FileResult = z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() });

export const NamedNode = z.object({ id: z.string(), name_zh: z.string(), name_en: z.string() });

export const Deleted = z.object({ deleted: z.boolean() });
export const IdArg = z.object({ id: z.string().min(1) }).strict();
