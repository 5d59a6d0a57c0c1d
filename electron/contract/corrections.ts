/**
 * Park position corrections (issue 14): a park manager knows where the park is. A correction is
 * given in WGS-84, GCJ-02 (AMap, Tencent) or BD-09 (Baidu), stored in WGS-84 with its date and a
 * note, used everywhere positions are (network, scoring, reports), and undone by resetting.
 */
import { z } from 'zod';
import { LngLatArg, NoArgs } from './common.ts';
import { method } from './define.ts';
import { CrsSchema } from './imports.ts';

export const ParkCorrection = z.object({
  park_id: z.string(),
  catalogue_code: z.string().nullable(),
  name_zh: z.string(),
  name_en: z.string(),
  /** WGS-84 `[lng, lat]`. */
  position: LngLatArg,
  crs: CrsSchema,
  /** The numbers as the user gave them, in `crs`. */
  given: LngLatArg,
  source: z.enum(['user', 'OpenStreetMap']),
  osm_id: z.string().nullable(),
  note: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  /** The county the corrected position falls in, and whether it is the park's own. */
  county: z.string().nullable(),
  inOwnCounty: z.boolean(),
});
export type ParkCorrection = z.infer<typeof ParkCorrection>;

/** A park by its id (park-…) or its catalogue code (S437065). */
const ParkRef = z.string().trim().min(1).max(100);

export const CORRECTION_METHODS = {
  listParkCorrections: method(NoArgs, z.array(ParkCorrection)),
  setParkPosition: method(
    z
      .object({
        park: ParkRef,
        position: LngLatArg,
        crs: CrsSchema.default('wgs84'),
        note: z.string().trim().max(500).default(''),
      })
      .strict(),
    ParkCorrection,
    { writes: true },
  ),
  resetParkPosition: method(z.object({ park: ParkRef }).strict(), z.object({ reset: z.boolean() }), { writes: true }),
};
