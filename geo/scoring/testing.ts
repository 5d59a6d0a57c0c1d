/** Profiles and weights shared by the scoring tests (test input, not data). */
import { CRITERION_IDS, type CriterionId, type EnterpriseProfile } from './criteria.ts';
import type { PlanFocus } from './score.ts';

/** An equipment maker that ships by road only and sells to the Greater Bay Area; no hard limits. */
export const ROAD_ONLY_PROFILE: EnterpriseProfile = {
  industry: 'equipment',
  subline: null,
  exportOriented: false,
  freight: { road: 5, rail: 0, internationalRail: 0, air: 0, water: 0 },
  markets: { gba: 3, changsha: 0, asean: 0, europe: 0 },
  needsBondedZone: false,
  staffHsr: false,
  workforce: 100,
  pollution: 'low',
  minParkLevel: 'any',
  limits: {},
};

/** A plan that favours no prefecture. */
export const NO_FOCUS: PlanFocus = { prefectures: [] };

/** Weights for every built-in criterion: the given ones, 0 for the rest. */
export const onlyWeights = (w: Partial<Record<CriterionId, number>>) =>
  Object.fromEntries(CRITERION_IDS.map((id) => [id, w[id] ?? 0])) as Record<CriterionId, number>;
