/** Scenarios, their comparison, the Excel report and project files. */
import { z } from 'zod';
import { Deleted, FileResult, IdArg, NoArgs, hasNoControl } from './common.ts';
import { method } from './define.ts';
import { CustomCriterionSchema } from './criteria.ts';
import { AsOfArg } from './network.ts';
import { AhpJudgements, MethodOptionsSchema, MethodSchema, Profile, ValueFunctions, Weights } from './scoring.ts';

/** What a scenario keeps: everything the ranking and comparison need, and the user's own sites. */
export const ScenarioPayload = z
  .object({
    profile: Profile,
    method: MethodSchema.default('wsm'),
    weights: Weights.optional(),
    ahp: AhpJudgements.optional(),
    valueFunctions: ValueFunctions.optional(),
    methodOptions: MethodOptionsSchema.optional(),
    /** The scenario year of the travel times (absent: the year stored in the settings). */
    asOf: AsOfArg,
    compare: z
      .object({ ids: z.array(z.string().min(1)).max(6), own: z.string().min(1).optional() })
      .strict()
      .optional(),
    /** Filled in by saveScenario from the project's sites; given values are replaced. */
    sites: z.array(z.object({ id: z.string(), name: z.string(), position: z.tuple([z.number(), z.number()]) }).strict()).default([]),
    /** Filled in by saveScenario from the project's own criteria (definitions and values); given values are replaced. */
    customCriteria: z.array(CustomCriterionSchema).max(100).default([]),
  })
  .strict();
export type ScenarioPayload = z.infer<typeof ScenarioPayload>;
export const Scenario = z.object({
  id: z.string(),
  name: z.string(),
  notes: z.string(),
  payload: ScenarioPayload,
  created_at: z.string(),
  updated_at: z.string(),
});
export type Scenario = z.infer<typeof Scenario>;
export const ScenarioName = z
  .string()
  .trim()
  .min(1, 'a scenario needs a name')
  .max(100)
  .refine(hasNoControl, 'a name must not contain control characters (tabs, line breaks, NUL)');
export const ScenarioNotes = z.string().max(5000);

const ScenarioRef = z.object({ id: z.string(), name: z.string(), method: z.string() });
const RankTotal = z.object({ rank: z.number().int().nullable(), total: z.number().nullable() });

export const ExportReportArgs = z
  .object({
    payload: ScenarioPayload,
    language: z.enum(['zh', 'en']),
    /** Sheet, column, criterion and unit names in the report's language (the renderer's i18n). */
    labels: z.record(z.string(), z.string()),
    fileName: z
      .string()
      .regex(/^[^/\\:*?"<>|]{1,80}$/, 'a file name without path characters')
      .optional(),
  })
  .strict();
export type ExportReportArgs = z.output<typeof ExportReportArgs>;

export const SCENARIO_METHODS = {
  listScenarios: method(NoArgs, z.array(Scenario)),
  saveScenario: method(
    z.object({ id: z.string().min(1).optional(), name: ScenarioName, notes: ScenarioNotes.default(''), payload: ScenarioPayload }).strict(),
    Scenario,
    { writes: true },
  ),
  /** Writes: a scenario's sites that are no longer in the project come back. */
  openScenario: method(IdArg, Scenario, { writes: true }),
  duplicateScenario: method(z.object({ id: z.string().min(1), name: ScenarioName.optional() }).strict(), Scenario, { writes: true }),
  renameScenario: method(z.object({ id: z.string().min(1), name: ScenarioName, notes: ScenarioNotes.optional() }).strict(), Scenario, {
    writes: true,
  }),
  deleteScenario: method(IdArg, Deleted, { writes: true }),
  compareScenarios: method(
    z.object({ a: z.string().min(1), b: z.string().min(1) }).strict(),
    z.object({
      a: ScenarioRef,
      b: ScenarioRef,
      rows: z.array(z.object({ id: z.string(), name_zh: z.string(), name_en: z.string(), a: RankTotal, b: RankTotal })),
    }),
  ),
  exportReport: method(ExportReportArgs, FileResult),
  exportProject: method(NoArgs, FileResult),
  importProject: method(
    z.object({ uploadId: z.uuid() }).strict(),
    z.object({
      scenarios: z.number().int(),
      sites: z.number().int(),
      layers: z.number().int(),
      criteria: z.number().int(),
      corrections: z.number().int(),
    }),
    { writes: true },
  ),
};
