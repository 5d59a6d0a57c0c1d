/**
 * The user's own criteria (issue 17): values per park or site from a column of an imported layer
 * (joined by catalogue code, name, or the nearest point within a radius) or typed in a grid; each
 * with a name, unit, direction or value function, source and as-of date. They are scored beside
 * the fourteen built-in criteria.
 */
import { z } from 'zod';
import { Deleted, NoArgs } from './common.ts';
import { method } from './define.ts';
import { CustomCriterionIdSchema, ValueFunctionSchema } from './scoring.ts';

const Values = z.record(z.string().min(1).max(200), z.number().finite().nullable());

export const JoinRule = z.discriminatedUnion('by', [
  z.object({ by: z.literal('catalogue-code') }).strict(),
  z.object({ by: z.literal('name') }).strict(),
  z.object({ by: z.literal('nearest'), radiusKm: z.number().positive().max(50) }).strict(),
]);
export type JoinRule = z.infer<typeof JoinRule>;

export const CriterionOrigin = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('typed') }).strict(),
  z.object({ kind: z.literal('layer'), layerId: z.string(), layerName: z.string(), column: z.string(), join: JoinRule }).strict(),
]);

const Definition = {
  name_zh: z.string().trim().min(1, 'a criterion needs a name').max(100),
  name_en: z.string().trim().max(100).optional(),
  unit: z.string().trim().max(40),
  type: z.enum(['benefit', 'cost']),
  valueFunction: ValueFunctionSchema.nullable().optional(),
  /** Where the numbers come from: a citation a reader can follow (a document, a price list, "park survey 2026-11"). */
  source: z.string().trim().min(1, 'say where the values come from (source)').max(500),
  as_of: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'as-of date: YYYY, YYYY-MM or YYYY-MM-DD')
    .nullable()
    .optional(),
};

export const CustomCriterionSchema = z.object({
  id: CustomCriterionIdSchema,
  name_zh: z.string(),
  name_en: z.string(),
  unit: z.string(),
  type: z.enum(['benefit', 'cost']),
  valueFunction: ValueFunctionSchema.nullable(),
  source: z.string(),
  as_of: z.string().nullable(),
  origin: CriterionOrigin,
  /** Raw value per candidate id; candidates not listed are unknown. */
  values: Values,
  created_at: z.string(),
  updated_at: z.string(),
});
export type CustomCriterionRecord = z.infer<typeof CustomCriterionSchema>;

export const JoinReport = z.object({
  rows: z.number().int(),
  matched: z.array(
    z.object({
      row: z.string(),
      candidate: z.string(),
      name_zh: z.string(),
      value: z.number().nullable(),
      distanceKm: z.number().nullable(),
    }),
  ),
  /** `kind` says why in a form the UI can put in the reader's language; `reason` says it in English for the CLI. */
  unmatched: z.array(
    z.object({
      row: z.string(),
      kind: z.enum(['no-code', 'no-position', 'none-within', 'no-such-code', 'no-such-name']),
      reason: z.string(),
    }),
  ),
  ambiguous: z.array(z.object({ row: z.string(), candidates: z.array(z.string()) })),
  /** Candidates that several rows matched; the first row's value is kept. */
  duplicates: z.array(z.object({ candidate: z.string(), rows: z.array(z.string()) })),
});
export type JoinReport = z.infer<typeof JoinReport>;

export const CRITERIA_METHODS = {
  listCustomCriteria: method(NoArgs, z.array(CustomCriterionSchema)),
  /** A criterion typed per park or site (the grid); with `id`, replaces that criterion. */
  saveCustomCriterion: method(
    z.object({ id: CustomCriterionIdSchema.optional(), ...Definition, values: Values }).strict(),
    CustomCriterionSchema,
    {
      writes: true,
    },
  ),
  /** A criterion from a column of an imported layer; `dryRun` returns the join report and saves nothing. */
  criterionFromLayer: method(
    z
      .object({
        id: CustomCriterionIdSchema.optional(),
        ...Definition,
        layerId: z.string().min(1),
        column: z.string().min(1),
        join: JoinRule,
        dryRun: z.boolean().default(false),
      })
      .strict(),
    z.object({ criterion: CustomCriterionSchema.nullable(), report: JoinReport }),
    { writes: true },
  ),
  deleteCustomCriterion: method(z.object({ id: CustomCriterionIdSchema }).strict(), Deleted, { writes: true }),
};
