/**
 * Rankings that carry their uncertainty: the stored ranges (getDataRanges, setDataRanges), the
 * rank ranges by SMAA-2 over data and weights (rankUncertainty) and the combined gap analysis of
 * one park under each of the plan's ten industry presets (gapAnalysis). The maths is in
 * geo/scoring/uncertainty.ts and geo/scoring/gap.ts; the facts under uncertainty come from
 * electron/scoring/data-ranges.ts.
 */
import {
  assumptionRangesProblem,
  DEFAULT_ASSUMPTION_RANGES,
  defaultWeights,
  gapAnalysis as gapFor,
  RANGED_ASSUMPTIONS,
  rankUncertainty as uncertaintyOf,
  type AssumptionRange,
  type CriterionKey,
  type CustomCriterionId,
  type CustomRange as GeoCustomRange,
  type RangedAssumption,
} from '../../geo/index.ts';
import {
  CustomRangeSchema,
  type CustomRange,
  type DataRangesResult,
  type GapResult,
  type UncertaintyArgs,
  type UncertaintyResult,
} from '../contract/api.ts';
import { CriterionKeySchema } from '../contract/scoring.ts';
import { NotFoundError, UserInputError } from '../errors.ts';
import { asUserInput } from '../network/service.ts';
import { factVariants, rangesWithDefaults } from '../scoring/data-ranges.ts';
import type { Context, Handlers } from './context.ts';
import { checkProfile, optionsFor } from './scoring.ts';

const KEEP_UNKNOWN = 'keep-unknown';
const assumptionKey = (k: RangedAssumption) => `assumption:${k}`;
const customKey = (id: string) => `custom:${id}`;

/** The stored ranges, each read with its schema (a value another version wrote that no longer parses is its default). */
function storedRanges(ctx: Context): {
  assumptions: Partial<Record<RangedAssumption, AssumptionRange>>;
  custom: Map<CustomCriterionId, CustomRange>;
  keepUnknown: CriterionKey[];
} {
  const all = ctx.stores.ranges.all();
  const assumptions: Partial<Record<RangedAssumption, AssumptionRange>> = {};
  for (const k of RANGED_ASSUMPTIONS) {
    const v = all[assumptionKey(k)] as AssumptionRange | undefined;
    if (v && typeof v.lo === 'number' && typeof v.hi === 'number' && assumptionRangesProblem({ [k]: v }) === null) assumptions[k] = v;
  }
  // Ranges of a criterion that was deleted are not shown (they go with it when it is saved again under the same id).
  const existing = new Set(ctx.stores.criteria.list().map((c) => c.id));
  const custom = new Map<CustomCriterionId, CustomRange>();
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('custom:')) continue;
    const id = key.slice('custom:'.length);
    const parsed = CustomRangeSchema.safeParse(value);
    if (parsed.success && existing.has(id)) custom.set(id as CustomCriterionId, parsed.data);
  }
  const keep = CriterionKeySchema.array().safeParse(all[KEEP_UNKNOWN]);
  return { assumptions, custom, keepUnknown: keep.success ? keep.data : [] };
}

export function getDataRanges(ctx: Context): DataRangesResult {
  const s = storedRanges(ctx);
  const inUse = rangesWithDefaults(s.assumptions);
  return {
    assumptions: Object.fromEntries(
      RANGED_ASSUMPTIONS.map((k) => [k, { ...inUse[k], isDefault: s.assumptions[k] === undefined }]),
    ) as DataRangesResult['assumptions'],
    defaults: Object.fromEntries(RANGED_ASSUMPTIONS.map((k) => [k, { ...DEFAULT_ASSUMPTION_RANGES[k] }])) as DataRangesResult['defaults'],
    custom: Object.fromEntries(s.custom),
    keepUnknown: s.keepUnknown,
  };
}

function setDataRanges(
  ctx: Context,
  args: {
    assumptions?: Partial<Record<RangedAssumption, AssumptionRange | null>> | undefined;
    custom?: Record<string, CustomRange | null> | undefined;
    keepUnknown?: CriterionKey[] | undefined;
  },
): DataRangesResult {
  const changes: Record<string, unknown> = {};
  for (const [k, r] of Object.entries(args.assumptions ?? {}) as [RangedAssumption, AssumptionRange | null][]) {
    if (r) {
      const problem = assumptionRangesProblem({ [k]: r });
      if (problem) throw new UserInputError(`assumptions.${k}: ${problem}`);
      const d = DEFAULT_ASSUMPTION_RANGES[k];
      // Kept only when it differs from the default, so a later change of the default reaches it.
      changes[assumptionKey(k)] = r.lo === d.lo && r.hi === d.hi ? null : r;
    } else changes[assumptionKey(k)] = null;
  }
  const existing = new Set(ctx.stores.criteria.list().map((c) => c.id));
  for (const [id, r] of Object.entries(args.custom ?? {})) {
    if (r && !existing.has(id)) throw new NotFoundError(`no custom criterion "${id}" to give ranges to`);
    changes[customKey(id)] = r;
  }
  if (args.keepUnknown) changes[KEEP_UNKNOWN] = [...new Set(args.keepUnknown)];
  ctx.stores.ranges.write(changes);
  return getDataRanges(ctx);
}

export function rankUncertainty(ctx: Context, a: UncertaintyArgs): UncertaintyResult {
  const t0 = performance.now();
  checkProfile(ctx, a.profile);
  const stored = storedRanges(ctx);
  const ranges = rangesWithDefaults(stored.assumptions);
  const candidates = [...ctx.facts.parks(), ...ctx.facts.customSites()];
  const variants = factVariants(ctx.reference, ctx.network, candidates, { ranges, sets: a.assumptionSets, cells: a.positionCells });
  const customRanges = new Map<CustomCriterionId, GeoCustomRange>(
    [...stored.custom].map(([id, r]) => [
      id,
      {
        ...(r.spread !== undefined ? { spread: r.spread } : {}),
        ...(r.values ? { values: new Map(Object.entries(r.values)) } : {}),
      },
    ]),
  );
  const result = asUserInput(() =>
    uncertaintyOf(a.profile, candidates, ctx.reference.plan.focus, optionsFor(ctx, a.profile, a), variants, {
      samples: a.samples,
      seed: a.seed,
      weights: a.weightMode,
      ...(a.concentration !== undefined ? { concentration: a.concentration } : {}),
      customRanges,
      keepUnknown: stored.keepUnknown,
    }),
  );
  return { ...result, positionCells: a.positionCells, assumptionRanges: ranges, ms: Math.round(performance.now() - t0) };
}

export function gapAnalysis(
  ctx: Context,
  a: { park: string; target: number; effort?: Partial<Record<CriterionKey, number>> | undefined; fixed: CriterionKey[] },
): GapResult {
  const t0 = performance.now();
  // The pool of the comparison: every park and site, plus imported competitors.
  const pool = [...ctx.facts.parks(), ...ctx.facts.customSites(), ...ctx.facts.competitors()];
  const park = pool.find((c) => c.id === a.park);
  if (!park) throw new NotFoundError(`not a park or site that can be analysed (unknown, unlocated or outside the zone): ${a.park}`);
  const industries = ctx.reference.plan.presets.map((p) => {
    // Each preset with its default weights under the weighted sum (the gap analysis's method).
    const r = asUserInput(() =>
      gapFor(p.profile, pool, ctx.reference.plan.focus, { method: 'wsm', weights: defaultWeights(p.profile) }, a.park, {
        target: a.target,
        fixed: a.fixed,
        ...(a.effort ? { effort: a.effort } : {}),
      }),
    );
    return {
      id: p.id,
      name_zh: p.name_zh,
      name_en: p.name_en,
      rank: r.rank,
      of: r.of,
      status: r.status,
      effort: r.effort,
      changes: r.changes,
      confirmedRank: r.confirmedRank,
      effortPerUnit: r.effortPerUnit,
      fixed: r.fixed,
      unknown: r.unknown,
      notSearched: r.notSearched,
    };
  });
  return {
    park: { id: park.id, name_zh: park.name_zh, name_en: park.name_en },
    target: a.target,
    industries,
    ms: Math.round(performance.now() - t0),
  };
}

export const uncertaintyHandlers = { getDataRanges, setDataRanges, rankUncertainty, gapAnalysis } satisfies Handlers<
  'getDataRanges' | 'setDataRanges' | 'rankUncertainty' | 'gapAnalysis'
>;
