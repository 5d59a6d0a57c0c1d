/** Schemas more than one domain of the contract uses. */
import { z } from 'zod';

export const Language = z.enum(['zh', 'en']);
export type Language = z.infer<typeof Language>;

export const Edition = z.enum(['electron', 'web', 'cli']);

/** `[longitude, latitude]` in degrees, WGS-84. Ranges are checked by the handler, which can say "swapped?". */
export const LngLatArg = z.tuple([z.number(), z.number()]);

export const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const NoArgs = z.object({}).strict();

/** True when a text holds no control characters (U+0000–U+001F, U+007F): they garble lists and break SQLite's text checks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const hasNoControl = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);
/** The name of something a user makes (a layer, a scenario, a site): trimmed, 1–100 characters, no control characters. */
export const UserName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine(hasNoControl, 'a name must not contain control characters (tabs, line breaks, NUL)');

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
  /** A user layer's stored features that could not be read and were left out (see appInfo's `damaged`). */
  skipped: z.array(z.object({ feature: z.number().int(), problem: z.string() })).optional(),
});
export type FeatureCollectionResult = z.infer<typeof FeatureCollectionResult>;

/**
 * File bytes as base64 (RFC 4648, standard alphabet, padded): checked, because a decoder skips
 * whatever is not base64 and would stage a different file than the one sent. One character class
 * and the length, not zod's `z.base64()` pattern, which takes ten times as long on a 4 MB chunk.
 */
export const Base64 = z
  .string()
  .min(1)
  .refine(
    (s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s),
    'not base64 (RFC 4648: A–Z, a–z, 0–9, + and /, padded with = to a multiple of 4)',
  );

/** A file handed back to the caller (a report, a project file, an exported layer). */
export const FileResult = z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() });

export const NamedNode = z.object({ id: z.string(), name_zh: z.string(), name_en: z.string() });

export const Deleted = z.object({ deleted: z.boolean() });
export const IdArg = z.object({ id: z.string().min(1) }).strict();
