/**
 * Reports anyone can verify (issue 18): the stamp every report prints (a short hash of its inputs,
 * the app and method versions, the data and network versions), the scenario a report carries
 * (XLSX: a hidden sheet; PDF: an attached file), `verifyReport` recomputing a report from it,
 * and the method self-test.
 */
import { z } from 'zod';
import { method } from './define.ts';
import { Base64, Language } from './common.ts';
import { ExportReportArgs } from './scenarios.ts';
import { Profile } from './scoring.ts';

/** One versioned input: a dataset, the user's sites or a custom criterion, with its as-of date and content hash. */
export const DataVersion = z.object({ id: z.string(), as_of: z.string().nullable(), hash: z.string() });
export type DataVersion = z.infer<typeof DataVersion>;

export const Stamp = z.object({
  /** 12 hex digits of SHA-256 over every input below (printed grouped by four). */
  hash: z.string().regex(/^[0-9a-f]{12}$/),
  /** Hash of the choices alone (profile, method, weights, AHP judgements, value functions, parameters, compared parks). */
  inputs: z.string(),
  appName: z.string(),
  appVersion: z.string(),
  methodVersions: z.record(z.string(), z.string()),
  data: z.array(DataVersion),
  /**
   * The network the figures come from: its kind, as-of date and a hash of its data; the scenario year and its name
   * (as every figure names it). `year` and the names are absent from stamps made before they were added.
   */
  network: z.object({
    kind: z.string(),
    as_of: z.string().nullable(),
    hash: z.string(),
    year: z.number().int().nullable().optional(),
    name_zh: z.string().optional(),
    name_en: z.string().optional(),
  }),
  /** When the stamp was made (ISO); not part of the hash. */
  made: z.string(),
});
export type Stamp = z.infer<typeof Stamp>;

/** What a printed brochure ranked and timed. */
export const BrochureInputs = z.object({ profile: Profile, parks: z.array(z.string().min(1)).min(1).max(10) }).strict();

/** The choices a stamp hashes: a report's scenario, or a brochure's profile and parks. */
export const StampArgs = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('excel'), report: ExportReportArgs }).strict(),
  z.object({ kind: z.literal('pdf-report'), report: ExportReportArgs, monteCarloSamples: z.number().int().min(0).max(100_000) }).strict(),
  z.object({ kind: z.literal('brochure'), brochure: BrochureInputs, language: Language }).strict(),
]);
export type StampArgs = z.output<typeof StampArgs>;

/** The numbers a printed page shows, by what each is (geo/scoring/ledger.ts). */
export const Ledger = z.record(z.string().max(300), z.number().nullable());

/** The scenario a report file carries. */
export const ReportSeal = z.object({
  format: z.literal('siteselect-report/1'),
  subject: StampArgs,
  stamp: Stamp,
  /** PDF and brochure: the numbers the page printed (the workbook's cells are its own ledger). */
  ledger: Ledger.optional(),
});
export type ReportSeal = z.infer<typeof ReportSeal>;

export const VerifyCause = z.object({
  kind: z.enum(['data', 'network', 'app', 'method', 'scenario', 'edited', 'missing']),
  id: z.string(),
  was: z.string().nullable(),
  now: z.string().nullable(),
  message_zh: z.string(),
  message_en: z.string(),
});

export const VerifyResult = z.object({
  file: z.string(),
  kind: z.enum(['excel', 'pdf-report', 'brochure']),
  /** Every number matches and every input is the same. */
  ok: z.boolean(),
  printedHash: z.string(),
  recomputedHash: z.string(),
  /** Numbers (cells) compared. */
  compared: z.number().int(),
  differences: z.array(
    z.object({
      where: z.string(),
      found: z.union([z.number(), z.string()]).nullable(),
      expected: z.union([z.number(), z.string()]).nullable(),
    }),
  ),
  /** All differences, when more than the listed ones. */
  differencesTotal: z.number().int(),
  causes: z.array(VerifyCause),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

const Check = z.object({
  label: z.string(),
  expected: z.union([z.number(), z.boolean(), z.string()]),
  computed: z.union([z.number(), z.boolean(), z.string()]).nullable(),
  tolerance: z.number(),
  pass: z.boolean(),
});
export const SelfTestResult = z.object({
  version: z.string(),
  cases: z.array(
    z.object({
      method: z.enum(['ahp', 'topsis', 'owa', 'promethee', 'vikor', 'electre', 'weighting', 'agreement', 'network']),
      id: z.string(),
      source: z.string(),
      checks: z.array(Check),
      pass: z.boolean(),
      error: z.string().nullable(),
    }),
  ),
  checks: z.number().int(),
  failed: z.number().int(),
  pass: z.boolean(),
  ms: z.number(),
});
export type SelfTestResult = z.infer<typeof SelfTestResult>;

export const VERIFY_METHODS = {
  /** The stamp a report prints, for the renderer's PDF report and brochure (the workbook stamps itself). */
  reportStamp: method(StampArgs, Stamp),
  /** Recomputes a report file (XLSX, PDF, or a report's scenario as JSON) staged by beginUpload. */
  verifyReport: method(z.object({ uploadId: z.uuid() }).strict(), VerifyResult),
  /**
   * The published worked examples run by the app's code. `examples` replaces the shipped files
   * (file name without .json → its content), for checking a changed copy; default the shipped ones.
   */
  /** The desktop edition's printed PDF with its seal attached (main calls it after printToPDF). */
  sealPdf: method(z.object({ pdfBase64: Base64, seal: ReportSeal }).strict(), z.object({ dataBase64: z.string() }), { carriesFile: true }),
  methodSelfTest: method(
    z
      .object({
        examples: z
          .record(z.string().max(100), z.unknown())
          .refine((r) => Object.keys(r).length <= 50, 'at most 50 example files')
          .optional(),
      })
      .strict(),
    SelfTestResult,
  ),
};
