/**
 * Rankings that carry their uncertainty (issue 18): the ranges behind the rank ranges (the
 * Assumptions panel's, the user's on custom criteria), the rank ranges themselves (SMAA-2) and the
 * combined gap analysis per plan industry.
 */
import { z } from 'zod';
import { RANGED_ASSUMPTIONS } from '../../geo/network/assumptions.ts';
import { NoArgs } from './common.ts';
import { method } from './define.ts';
import { CriterionKeySchema, CustomCriterionIdSchema, ScoreArgs } from './scoring.ts';

export const RangedAssumptionSchema = z.enum(RANGED_ASSUMPTIONS);
const Range = z
  .object({ lo: z.number().finite(), hi: z.number().finite() })
  .strict()
  .refine((r) => r.lo <= r.hi, 'a range needs lo ≤ hi');

/** The user's ranges on one custom criterion: ± a share of every value, and/or [lo, hi] per candidate id. */
export const CustomRangeSchema = z
  .object({
    spread: z.number().min(0).max(10).optional(),
    values: z
      .record(
        z.string().min(1).max(200),
        z.tuple([z.number().finite(), z.number().finite()]).refine(([lo, hi]) => lo <= hi, 'a range needs lo ≤ hi'),
      )
      .optional(),
    /** Where the ranges come from (a quotation, a survey, "the land office's ±10 %"). */
    source: z.string().trim().min(1, 'say where the ranges come from (source)').max(500),
  })
  .strict();
export type CustomRange = z.infer<typeof CustomRangeSchema>;

export const DataRangesResult = z.object({
  /** The ranges in use per assumption, and their documented defaults (geo/network/assumptions.ts). */
  assumptions: z.record(RangedAssumptionSchema, z.object({ lo: z.number(), hi: z.number(), isDefault: z.boolean() })),
  defaults: z.record(RangedAssumptionSchema, z.object({ lo: z.number(), hi: z.number() })),
  custom: z.record(z.string(), CustomRangeSchema),
  /** Criteria whose unknown values stay unknown (score 0) instead of spreading over the others' range. */
  keepUnknown: z.array(CriterionKeySchema),
});
export type DataRangesResult = z.infer<typeof DataRangesResult>;

export const SetDataRangesArgs = z
  .object({
    /** A range per assumption; null goes back to the default. */
    assumptions: z.partialRecord(RangedAssumptionSchema, Range.nullable()),
    /** The user's ranges per custom criterion; null removes them. */
    custom: z.record(CustomCriterionIdSchema, CustomRangeSchema.nullable()),
    keepUnknown: z.array(CriterionKeySchema).max(100),
  })
  .partial()
  .strict();

export const UncertaintyArgs = ScoreArgs.omit({ monteCarloSamples: true })
  .extend({
    samples: z.number().int().min(100).max(50_000).default(5000),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    /** `centred`: Dirichlet around the ranking's weights; `uniform`: SMAA-2 without preferences; `fixed`: the data alone. */
    weightMode: z.enum(['centred', 'uniform', 'fixed']).default('centred'),
    concentration: z.number().positive().max(10_000).optional(),
    /** Assumption sets drawn over the ranges (Latin hypercube), and populated cells per approximate park. */
    assumptionSets: z.number().int().min(1).max(32).default(8),
    positionCells: z.number().int().min(1).max(32).default(8),
  })
  .strict();
export type UncertaintyArgs = z.output<typeof UncertaintyArgs>;

const RangeSourceSchema = z.enum(['position', 'assumptions', 'unknown', 'custom']);
export const UncertaintyResultSchema = z.object({
  method: ScoreArgs.shape.method.removeDefault(),
  samples: z.number().int(),
  seed: z.number().int(),
  weights: z.enum(['centred', 'uniform', 'fixed']),
  concentration: z.number().nullable(),
  scenarios: z.number().int(),
  positionCells: z.number().int(),
  /** The assumption ranges sampled. */
  assumptionRanges: z.record(RangedAssumptionSchema, z.object({ lo: z.number(), hi: z.number() })),
  criteria: z.array(CriterionKeySchema),
  candidates: z.array(
    z.object({
      id: z.string(),
      rank: z.number().int(),
      p5: z.number().int(),
      p50: z.number().int(),
      p95: z.number().int(),
      acceptability: z.array(z.number()),
      centralWeights: z.partialRecord(CriterionKeySchema, z.number()).nullable(),
      confidence: z.number().nullable(),
      ranges: z.array(z.object({ criterion: CriterionKeySchema, lo: z.number(), hi: z.number(), sources: z.array(RangeSourceSchema) })),
    }),
  ),
  excluded: z.array(z.string()),
  counts: z.record(RangeSourceSchema, z.number().int()),
  ms: z.number(),
});
export type UncertaintyResult = z.infer<typeof UncertaintyResultSchema>;

export const GapArgs = z
  .object({
    /** The park (or site) to lift. */
    park: z.string().min(1),
    /** The rank to reach. */
    target: z.number().int().min(1).max(1000),
    /** Effort per unit of a criterion's own unit; default 100 ÷ its observed range. */
    effort: z.partialRecord(CriterionKeySchema, z.number().positive().finite()).optional(),
    /** Criteria that cannot change; default the plan's prefecture focus, which is not the park's to change. */
    fixed: z.array(CriterionKeySchema).max(40).default(['prefecture-focus']),
  })
  .strict();
const GapChangeSchema = z.object({
  criterion: CriterionKeySchema,
  unit: z.string(),
  from: z.number(),
  to: z.number(),
  change: z.number(),
  effort: z.number(),
});
export const GapResultSchema = z.object({
  park: z.object({ id: z.string(), name_zh: z.string(), name_en: z.string() }),
  target: z.number().int(),
  industries: z.array(
    z.object({
      id: z.string(),
      name_zh: z.string(),
      name_en: z.string(),
      rank: z.number().int().nullable(),
      of: z.number().int(),
      status: z.enum(['done', 'found', 'impossible', 'excluded']),
      effort: z.number().nullable(),
      changes: z.array(GapChangeSchema),
      confirmedRank: z.number().int().nullable(),
      effortPerUnit: z.partialRecord(CriterionKeySchema, z.number()),
      fixed: z.array(CriterionKeySchema),
      unknown: z.array(CriterionKeySchema),
      notSearched: z.array(CriterionKeySchema),
    }),
  ),
  ms: z.number(),
});
export type GapResult = z.infer<typeof GapResultSchema>;

export const UNCERTAINTY_METHODS = {
  getDataRanges: method(NoArgs, DataRangesResult),
  setDataRanges: method(SetDataRangesArgs, DataRangesResult, { writes: true }),
  rankUncertainty: method(UncertaintyArgs, UncertaintyResultSchema),
  gapAnalysis: method(GapArgs, GapResultSchema),
};
