/**
 * What changes between two networks: two years of one network (2025 vs 2030, lines and roads
 * opening), or the schematic network beside an imported one, for the same profile and method.
 */
import { z } from 'zod';
import { YEAR_RANGE } from '../../geo/network/years.ts';
import { method } from './define.ts';
import { GridSchema, NetworkLabelSchema, SurfaceTarget } from './network.ts';
import { CriterionIdSchema, MethodSchema, ScoreArgs } from './scoring.ts';

/** One side of the comparison: a network (default the active one) in a year (null: as its data stands). */
export const NetworkChoiceSchema = z
  .object({
    network: z.enum(['osm', 'schematic']).optional(),
    asOf: z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max).nullable(),
  })
  .strict();

export const CompareNetworksArgs = ScoreArgs.omit({ monteCarloSamples: true, asOf: true })
  .extend({
    a: NetworkChoiceSchema,
    b: NetworkChoiceSchema,
    /** What the time-saved map measures the time to (default: the nearest interchange). */
    target: SurfaceTarget.default({ class: 'interchange' }),
    /** Cell of the time-saved map, km. */
    cellKm: z.number().min(1).max(10).default(5),
  })
  .strict();
export type CompareNetworksArgs = z.output<typeof CompareNetworksArgs>;

const Side = z.object({ rank: z.number().int().nullable(), total: z.number().nullable() });

export const CompareNetworksResult = z.object({
  a: NetworkLabelSchema,
  b: NetworkLabelSchema,
  method: MethodSchema,
  /** Every candidate ranked on either side, in b's order (unranked last). */
  rows: z.array(
    z.object({
      id: z.string(),
      name_zh: z.string(),
      name_en: z.string(),
      kind: z.enum(['park', 'custom']),
      a: Side,
      b: Side,
      /** Places gained from a to b (a's rank − b's rank); null when unranked on either side. */
      change: z.number().int().nullable(),
      /** Travel-time criteria (minutes) on each side. */
      minutes: z.partialRecord(CriterionIdSchema, z.object({ a: z.number().nullable(), b: z.number().nullable() })),
    }),
  ),
  /** Candidates whose rank differs. */
  changed: z.number().int(),
  /** Minutes saved from a to b (a − b) on each cell of the zone grid to the target; null outside the zone or where either side has no time. */
  timeSaved: z.object({
    target: SurfaceTarget,
    grid: GridSchema,
    minutes: z.array(z.number().nullable()),
    /** Largest saving and largest loss (negative), minutes. */
    max: z.number(),
    min: z.number(),
  }),
});
export type CompareNetworksResult = z.infer<typeof CompareNetworksResult>;

export const YEAR_METHODS = {
  compareNetworks: method(CompareNetworksArgs, CompareNetworksResult),
};
