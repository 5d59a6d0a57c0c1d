/** Scoring: the plan's taxonomy, profiles, rankings, park comparison and the user's own sites. */
import { z } from 'zod';
import { AHP_METHODS } from '../../geo/mcda/ahp.ts';
import type { PreferenceFunction } from '../../geo/mcda/promethee.ts';
import { valueFunctionProblem, type ValueFunction } from '../../geo/mcda/value-functions.ts';
import { CRITERION_IDS, type EnterpriseProfile } from '../../geo/scoring/criteria.ts';
import { METHODS, type CustomCriterionId, type MethodOptions } from '../../geo/scoring/score.ts';
import { Deleted, IdArg, LngLatArg, NoArgs } from './common.ts';
import { method, type Assert, type Equals, type Extends } from './define.ts';
import { AsOfArg, NetworkLabelSchema } from './network.ts';

export { CRITERION_IDS };
export const CriterionIdSchema = z.enum(CRITERION_IDS);
export const MethodSchema = z.enum(METHODS);
/** `custom-` and 1–64 lower-case letters, digits or hyphens. */
export const CustomCriterionIdSchema = z.templateLiteral(['custom-', z.string().regex(/^[a-z0-9-]{1,64}$/)], {
  error: 'a custom criterion id is "custom-" and lower-case letters, digits or hyphens',
});
export type _CustomIdMatchesGeo = Assert<Equals<z.output<typeof CustomCriterionIdSchema>, CustomCriterionId>>;
/** A built-in criterion or one of the user's own. */
export const CriterionKeySchema = z.union([CriterionIdSchema, CustomCriterionIdSchema]);

const Bounds = z.union([z.literal('candidates'), z.object({ min: z.number(), max: z.number() }).strict()]);
/** A value function (geo/mcda/value-functions.ts); its parameters are checked by geo's own rule. */
export const ValueFunctionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('linear'), direction: z.enum(['benefit', 'cost']), bounds: Bounds }).strict(),
    z.object({ kind: z.literal('trapezoid'), a: z.number(), b: z.number(), c: z.number(), d: z.number() }).strict(),
    z.object({ kind: z.literal('ideal'), ideal: z.number(), tolerance: z.number() }).strict(),
    z.object({ kind: z.literal('step'), threshold: z.number(), pass: z.enum(['above', 'below']) }).strict(),
    z.object({ kind: z.literal('logistic'), midpoint: z.number(), slope: z.number() }).strict(),
    z.object({ kind: z.literal('gaussian'), target: z.number(), spread: z.number() }).strict(),
    z
      .object({
        kind: z.literal('piecewise'),
        points: z
          .array(z.tuple([z.number(), z.number()]))
          .min(2)
          .max(20),
      })
      .strict(),
    z
      .object({
        kind: z.literal('levels'),
        levels: z
          .array(z.object({ value: z.number(), score: z.number() }).strict())
          .min(1)
          .max(20),
      })
      .strict(),
  ])
  .superRefine((f, ctx) => {
    const problem = valueFunctionProblem(f);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
/** Parsed value functions are geo's (its arrays are readonly, so the check is one-way). */
export type _ValueFunctionMatchesGeo = Assert<Extends<z.output<typeof ValueFunctionSchema>, ValueFunction>>;

export const PreferenceFunctionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('usual') }).strict(),
  z.object({ type: z.literal('u-shape'), q: z.number().min(0) }).strict(),
  z.object({ type: z.literal('v-shape'), p: z.number().positive() }).strict(),
  z.object({ type: z.literal('level'), q: z.number().min(0), p: z.number().positive() }).strict(),
  z.object({ type: z.literal('linear'), q: z.number().min(0), p: z.number().positive() }).strict(),
  z.object({ type: z.literal('gaussian'), s: z.number().positive() }).strict(),
]);
export type _PreferenceFunctionMatchesGeo = Assert<Equals<z.output<typeof PreferenceFunctionSchema>, PreferenceFunction>>;

/** The methods' parameters (geo/scoring/score.ts `MethodOptions`); thresholds in score units 0…1. */
export const MethodOptionsSchema = z
  .object({
    ahpMethod: z.enum(AHP_METHODS),
    owa: z
      .object({ orness: z.number().min(0).max(1), orderWeights: z.array(z.number().min(0)).min(1).max(40) })
      .partial()
      .strict(),
    promethee: z
      .object({ functions: z.partialRecord(CriterionKeySchema, PreferenceFunctionSchema) })
      .partial()
      .strict(),
    vikor: z
      .object({ v: z.number().min(0).max(1) })
      .partial()
      .strict(),
    electre: z
      .object({ concordance: z.number().gt(0).max(1), veto: z.partialRecord(CriterionKeySchema, z.number().positive().max(1).nullable()) })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type _MethodOptionsMatchGeo = Assert<Extends<z.output<typeof MethodOptionsSchema>, MethodOptions>>;

const Importance = z.number().min(0).max(5);
const LimitMinutes = z
  .number()
  .positive()
  .max(24 * 60)
  .nullable()
  .optional();

/** An enterprise profile (documented in README: the profile file format). */
export const Profile = z
  .object({
    name: z.string().max(200).optional(),
    industry: z.string().min(1),
    subline: z.string().min(1).nullable().default(null),
    exportOriented: z.boolean().default(false),
    freight: z.object({ road: Importance, rail: Importance, internationalRail: Importance, air: Importance, water: Importance }).strict(),
    markets: z.object({ gba: Importance, changsha: Importance, asean: Importance, europe: Importance }).strict(),
    needsBondedZone: z.boolean().default(false),
    staffHsr: z.boolean().default(false),
    workforce: z.number().int().nonnegative().max(1_000_000).default(100),
    pollution: z.enum(['low', 'medium', 'high']).default('low'),
    minParkLevel: z.enum(['any', 'provincial', 'national']).default('any'),
    limits: z
      .object({
        maxInterchangeMinutes: LimitMinutes,
        maxFreightMinutes: LimitMinutes,
        maxAirportMinutes: LimitMinutes,
        maxBondedMinutes: LimitMinutes,
      })
      .strict()
      .default({}),
  })
  .strict();
export type Profile = z.infer<typeof Profile>;
/** A parsed profile is exactly geo's EnterpriseProfile, so handlers pass it on without a cast. */
export type _ProfileMatchesGeo = Assert<Equals<Profile, EnterpriseProfile>>;

export const Weights = z.partialRecord(CriterionKeySchema, z.number().min(0).max(100));
export const AhpJudgements = z
  .object({ criteria: z.array(CriterionKeySchema).min(2).max(10), matrix: z.array(z.array(z.number())) })
  .strict();
export const ValueFunctions = z.partialRecord(CriterionKeySchema, ValueFunctionSchema);

export const ScoreArgs = z
  .object({
    profile: Profile,
    method: MethodSchema.default('wsm'),
    /** Percent per criterion; missing criteria take the profile's default weights. */
    weights: Weights.optional(),
    ahp: AhpJudgements.optional(),
    /** Value function per criterion (default: linear between the candidates' worst and best). */
    valueFunctions: ValueFunctions.optional(),
    methodOptions: MethodOptionsSchema.optional(),
    monteCarloSamples: z.number().int().min(0).max(100_000).default(2000),
    /** The scenario year the travel times are computed in (absent: the stored year; null: the network as its data stands). */
    asOf: AsOfArg,
  })
  .strict();
export type ScoreArgs = z.output<typeof ScoreArgs>;

const Bilingual = z.object({ rule: z.string(), message_zh: z.string(), message_en: z.string() });
const MethodDetailSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('owa'),
    ids: z.array(z.string()),
    orderWeights: z.array(z.number()),
    orness: z.number(),
    tradeoff: z.number(),
    criteria: z.array(CriterionKeySchema),
  }),
  z.object({
    method: z.literal('promethee'),
    ids: z.array(z.string()),
    phiPlus: z.array(z.number()),
    phiMinus: z.array(z.number()),
    phi: z.array(z.number()),
  }),
  z.object({
    method: z.literal('vikor'),
    ids: z.array(z.string()),
    S: z.array(z.number()),
    R: z.array(z.number()),
    Q: z.array(z.number()),
    v: z.number(),
    conditions: z.object({ acceptableAdvantage: z.boolean(), acceptableStability: z.boolean(), dq: z.number() }),
    compromise: z.array(z.string()),
  }),
  z.object({
    method: z.literal('electre'),
    ids: z.array(z.string()),
    concordance: z.number(),
    kernel: z.array(z.string()),
    kernelIsExact: z.boolean(),
    cycles: z.array(z.array(z.string())),
    outranks: z.array(z.tuple([z.string(), z.string()])),
  }),
]);

export const RankingResult = z.object({
  /** The network every travel time of the ranking comes from. */
  network: NetworkLabelSchema,
  /** Parks and sites left out because they lie outside the network's coverage (a partial imported extract). */
  uncovered: z.number().int(),
  method: MethodSchema,
  weights: z.record(CriterionKeySchema, z.number()),
  defaultWeights: z.record(CriterionIdSchema, z.number()),
  detail: MethodDetailSchema.nullable(),
  profileFlag: z.object({ id: z.string(), section: z.string(), quote_zh: z.string(), text_en: z.string() }).nullable(),
  ahp: z
    .object({
      method: z.enum(AHP_METHODS),
      weights: z.array(z.number()),
      lambdaMax: z.number(),
      ci: z.number(),
      cr: z.number(),
      consistent: z.boolean(),
      mostInconsistent: z.object({ i: z.number(), j: z.number(), given: z.number(), implied: z.number(), ratio: z.number() }).nullable(),
    })
    .nullable(),
  candidates: z.array(
    z.object({
      id: z.string(),
      name_zh: z.string(),
      name_en: z.string(),
      kind: z.enum(['park', 'custom']),
      position: z.tuple([z.number(), z.number()]),
      rank: z.number().int().nullable(),
      total: z.number().nullable(),
      exclusions: z.array(Bilingual),
      notes: z.array(z.string()),
      criteria: z.array(
        z.object({
          id: CriterionKeySchema,
          raw: z.number().nullable(),
          unit: z.string(),
          type: z.enum(['benefit', 'cost']),
          score: z.number(),
          weight: z.number(),
          contribution: z.number().nullable(),
          /** The raw value rests on a stand-in position (the candidate's or the destination's): shown as ≈. */
          approximate: z.boolean(),
        }),
      ),
      /** The candidate's position is a stand-in (a park on its county seat): times are "from the county seat". */
      approximate: z.boolean(),
      /** The industry match's evidence: the catalogue's 主导产业 verbatim and the items that matched. */
      industryBasis: z.object({
        quote: z.string().nullable(),
        matched: z.array(z.string()),
        level: z.enum(['subline', 'industry']).nullable(),
      }),
    }),
  ),
  sensitivity: z
    .object({
      ranges: z.array(z.object({ id: CriterionKeySchema, weight: z.number(), lo: z.number(), hi: z.number() })),
      stability: z
        .object({ samples: z.number(), first: z.array(z.number()), top3: z.array(z.number()), ids: z.array(z.string()) })
        .nullable(),
    })
    .nullable(),
});
export type RankingResult = z.infer<typeof RankingResult>;

/** One candidate as ranked (a RankingResult row). */
const RankedRow = RankingResult.shape.candidates.element;
export const CompareArgs = ScoreArgs.omit({ monteCarloSamples: true })
  .extend({
    /** 2–6 parks or sites: zone parks, the user's sites, imported candidates or competitors. */
    ids: z.array(z.string().min(1)).min(2, 'choose at least 2 parks to compare').max(6, 'compare at most 6 parks'),
    /** The user's own park, for "what would move us up" (default: the first id). */
    own: z.string().min(1).optional(),
  })
  .strict();
export const CompareResult = z.object({
  network: NetworkLabelSchema,
  method: MethodSchema,
  weights: z.record(CriterionKeySchema, z.number()),
  /** Ranked candidates in all (the places ranks are out of). */
  of: z.number().int(),
  parks: z.array(RankedRow),
  /** Rank of each compared park under each of the plan's ten industry presets. */
  presets: z.array(
    z.object({ id: z.string(), name_zh: z.string(), name_en: z.string(), ranks: z.record(z.string(), z.number().int().nullable()) }),
  ),
  moveUp: z
    .object({
      id: z.string(),
      rank: z.number().int().nullable(),
      above: z.object({ id: z.string(), name_zh: z.string(), name_en: z.string(), total: z.number().nullable() }).nullable(),
      steps: z.array(
        z.object({
          criterion: CriterionKeySchema,
          unit: z.string(),
          from: z.number(),
          to: z.number(),
          change: z.number(),
          effort: z.number(),
        }),
      ),
      notEnough: z.array(CriterionKeySchema),
      unknown: z.array(CriterionKeySchema),
      /** Criteria whose value function is not linear: no single direction to search. */
      notSearched: z.array(CriterionKeySchema),
    })
    .nullable(),
});
export type CompareResult = z.infer<typeof CompareResult>;

export const CandidateSite = z.object({
  id: z.string(),
  name: z.string(),
  position: z.tuple([z.number(), z.number()]),
  created_at: z.string(),
});

const Named = z.object({ id: z.string(), name_zh: z.string(), name_en: z.string() });

/** Every applicable method on one table: their rankings, Kendall τ between them, Borda and Copeland consensus, a verdict. */
export const AgreementArgs = ScoreArgs.omit({ monteCarloSamples: true })
  .extend({ methods: z.array(MethodSchema).min(2).max(METHODS.length).optional() })
  .strict();
export const AgreementResult = z.object({
  methods: z.array(z.object({ method: MethodSchema, ranking: z.array(z.string()), first: z.array(z.string()) })),
  /** tau[i][k]: Kendall τ-b between methods i and k; null where a ranking ties everything. */
  tau: z.array(z.array(z.number().nullable())),
  borda: z.array(z.string()),
  copeland: z.array(z.string()),
  verdict: z.object({
    leader: Named,
    firstUnder: z.array(MethodSchema),
    dissent: z.array(z.object({ method: MethodSchema, position: z.number().int(), first: z.array(z.string()) })),
    unanimous: z.boolean(),
    text_zh: z.string(),
    text_en: z.string(),
  }),
  candidates: z.number().int(),
});
export type AgreementResult = z.infer<typeof AgreementResult>;

export const SimilarArgs = z
  .object({
    profile: Profile,
    /** The park or site to resemble. */
    target: z.string().min(1),
    /** Criteria to compare (default: every criterion with a known value for the target). */
    criteria: z.array(CriterionKeySchema).min(1).max(40).optional(),
    /** Relative importance per compared criterion (default equal). */
    weights: Weights.optional(),
    limit: z.number().int().min(1).max(200).default(20),
  })
  .strict();
export const SimilarResult = z.object({
  target: Named,
  criteria: z.array(CriterionKeySchema),
  ranking: z.array(
    Named.extend({
      distance: z.number().nullable(),
      compared: z.number().int(),
      differences: z.array(z.object({ criterion: CriterionKeySchema, normalised: z.number(), raw: z.number(), contribution: z.number() })),
    }),
  ),
});

export const SCORING_METHODS = {
  planTaxonomy: method(NoArgs, z.object({ industries: z.array(Named.extend({ sublines: z.array(Named) })), source: z.string() })),
  profilePresets: method(NoArgs, z.array(Named.extend({ profile: Profile }))),
  scoreSites: method(ScoreArgs, RankingResult),
  compareParks: method(CompareArgs, CompareResult),
  methodAgreement: method(AgreementArgs, AgreementResult),
  similarSites: method(SimilarArgs, SimilarResult),
  listCandidateSites: method(NoArgs, z.array(CandidateSite)),
  addCandidateSite: method(z.object({ name: z.string().trim().min(1).max(100), position: LngLatArg }).strict(), CandidateSite, {
    writes: true,
  }),
  deleteCandidateSite: method(IdArg, Deleted, { writes: true }),
};
