/**
 * The scoring panel's state as a pure reducer: profile, method, weights (always 100 %), AHP
 * judgements, the ranking, the parks picked for comparison and the comparison. What each input
 * means for the backend is read from the state by the selectors below; use-scoring.ts only runs
 * the calls and dispatches their outcome.
 */
import type { ArgsOf, CompareResult, Profile, RankingResult, ScenarioPayload } from '../../../../electron/contract/api.ts';
import {
  defaultWeights,
  rebalance,
  type CriterionId,
  type CriterionKey,
  type EnterpriseProfile,
  type Method,
} from '../../../../geo/index.ts';

export type { Method };
export type Weights = Record<CriterionId, number>;

/** Criteria compared pairwise by default under AHP (up to 6 keep the judgements manageable). */
export const DEFAULT_AHP_CRITERIA: CriterionId[] = ['industry-match', 't-interchange', 't-gba', 'labour', 'park-level'];

/** At most this many parks side by side. */
export const MAX_COMPARED = 6;

/** Samples of the Monte-Carlo rank stability run with every ranking. */
export const MONTE_CARLO_SAMPLES = 5000;

/** n×n judgements all "equally important" (1): the starting point of the AHP editor. */
export function equalJudgements(n: number): number[][] {
  return Array.from({ length: n }, () => new Array<number>(n).fill(1));
}

/** The profile's default weights (geo/scoring), as the sliders start. */
export function weightsFor(profile: Profile): Weights {
  return defaultWeights(profile as EnterpriseProfile);
}

export interface ScoringState {
  profile: Profile | null;
  method: Method;
  weights: Weights | null;
  ahpCriteria: CriterionKey[];
  ahpMatrix: number[][];
  result: RankingResult | null;
  error: string | null;
  running: boolean;
  /** Parks chosen for the side-by-side comparison (2–6), the own park among them, the result. */
  compareIds: string[];
  own: string | null;
  comparison: CompareResult | null;
  view: 'ranking' | 'compare';
}

export const INITIAL_SCORING_STATE: ScoringState = {
  profile: null,
  method: 'wsm',
  weights: null,
  ahpCriteria: DEFAULT_AHP_CRITERIA,
  ahpMatrix: equalJudgements(DEFAULT_AHP_CRITERIA.length),
  result: null,
  error: null,
  running: false,
  compareIds: [],
  own: null,
  comparison: null,
  view: 'ranking',
};

export type ScoringAction =
  /** The presets arrived: the first one is where the panel starts (once). */
  | { type: 'presetsLoaded'; first: Profile | null }
  /** A preset chosen: its profile (copied) and its default weights. */
  | { type: 'presetChosen'; profile: Profile }
  /** The profile edited in the form: the weights stay as the user set them. */
  | { type: 'profileEdited'; profile: Profile }
  | { type: 'methodChosen'; method: Method }
  /** One slider moved; the others rescale so the total stays 100 %. */
  | { type: 'weightMoved'; id: CriterionId; value: number }
  /** New AHP criteria start from equal judgements. */
  | { type: 'ahpCriteriaChosen'; ids: CriterionKey[] }
  /** Judgement a_ij = value, and its reciprocal a_ji. */
  | { type: 'judgementSet'; i: number; j: number; value: number }
  | { type: 'rankStarted' }
  | { type: 'rankSucceeded'; result: RankingResult }
  | { type: 'rankFailed'; message: string }
  | { type: 'compareToggled'; id: string }
  | { type: 'ownChosen'; id: string | null }
  | { type: 'compareStarted' }
  | { type: 'compareSucceeded'; comparison: CompareResult }
  | { type: 'compareFailed'; message: string }
  | { type: 'viewChosen'; view: ScoringState['view'] }
  /** A saved scenario opened: its inputs replace the screen's (the ranking follows). */
  | { type: 'scenarioOpened'; payload: ScenarioPayload };

export function scoringReducer(state: ScoringState, action: ScoringAction): ScoringState {
  switch (action.type) {
    case 'presetsLoaded':
      if (state.profile || !action.first) return state;
      return { ...state, profile: action.first, weights: weightsFor(action.first) };
    case 'presetChosen': {
      const profile = structuredClone(action.profile);
      return { ...state, profile, weights: weightsFor(profile) };
    }
    case 'profileEdited':
      return { ...state, profile: action.profile };
    case 'methodChosen':
      return { ...state, method: action.method };
    case 'weightMoved':
      return state.weights ? { ...state, weights: rebalance(state.weights, action.id, action.value) } : state;
    case 'ahpCriteriaChosen':
      return { ...state, ahpCriteria: action.ids, ahpMatrix: equalJudgements(action.ids.length) };
    case 'judgementSet': {
      const { i, j, value } = action;
      const ahpMatrix = state.ahpMatrix.map((row, r) =>
        row.map((v, c) => (r === i && c === j ? value : r === j && c === i ? 1 / value : v)),
      );
      return { ...state, ahpMatrix };
    }
    case 'rankStarted':
      return { ...state, running: true, error: null };
    case 'rankSucceeded':
      return { ...state, running: false, result: action.result };
    case 'rankFailed':
      return { ...state, running: false, error: action.message };
    case 'compareToggled': {
      const ids = state.compareIds;
      const compareIds = ids.includes(action.id)
        ? ids.filter((x) => x !== action.id)
        : ids.length >= MAX_COMPARED
          ? ids
          : [...ids, action.id];
      return compareIds === ids ? state : { ...state, compareIds };
    }
    case 'ownChosen':
      return { ...state, own: action.id };
    case 'compareStarted':
      return { ...state, error: null, comparison: null, view: 'compare' };
    case 'compareSucceeded':
      return { ...state, comparison: action.comparison };
    case 'compareFailed':
      return { ...state, error: action.message, view: 'ranking' };
    case 'viewChosen':
      return { ...state, view: action.view };
    case 'scenarioOpened': {
      const p = action.payload;
      return {
        ...state,
        profile: p.profile,
        method: p.method,
        weights: scenarioWeights(p),
        ...(p.ahp ? { ahpCriteria: p.ahp.criteria, ahpMatrix: p.ahp.matrix } : {}),
        compareIds: p.compare?.ids ?? [],
        own: p.compare?.own ?? null,
        view: 'ranking',
        comparison: null,
      };
    }
  }
}

/** A scenario's weights over the profile's defaults (a scenario may carry only some). */
function scenarioWeights(p: ScenarioPayload): Weights {
  return { ...weightsFor(p.profile), ...(p.weights ?? {}) } as Weights;
}

/** Everything one ranking is computed from. */
export interface RankInputs {
  profile: Profile;
  method: Method;
  weights: Weights;
  ahp: { criteria: CriterionKey[]; matrix: number[][] } | null;
}

/** What the screen ranks now; null until there is a profile. */
export function selectRankInputs(s: ScoringState): RankInputs | null {
  return s.profile && s.weights
    ? { profile: s.profile, method: s.method, weights: s.weights, ahp: { criteria: s.ahpCriteria, matrix: s.ahpMatrix } }
    : null;
}

/** What a saved scenario ranks (its own AHP judgements, or none). */
export function scenarioRankInputs(p: ScenarioPayload): RankInputs {
  return { profile: p.profile, method: p.method, weights: scenarioWeights(p), ahp: p.ahp ?? null };
}

/** The scoreSites call for these inputs: AHP judgements only under AHP. */
export function rankArgs(a: RankInputs): ArgsOf<'scoreSites'> {
  return {
    profile: a.profile,
    method: a.method,
    weights: a.weights,
    ...(a.method === 'ahp' && a.ahp ? { ahp: a.ahp } : {}),
    monteCarloSamples: MONTE_CARLO_SAMPLES,
  };
}

/** Everything a scenario or a report needs to reproduce what is on screen. */
export function selectPayload(s: ScoringState): ScenarioPayload | null {
  if (!s.profile || !s.weights) return null;
  return {
    profile: s.profile,
    method: s.method,
    weights: s.weights,
    ...(s.method === 'ahp' ? { ahp: { criteria: s.ahpCriteria, matrix: s.ahpMatrix } } : {}),
    // Filled in by the backend from the project's own criteria when the scenario is saved.
    customCriteria: [],
    ...(s.compareIds.length >= 2
      ? { compare: { ids: s.compareIds, ...(s.own && s.compareIds.includes(s.own) ? { own: s.own } : {}) } }
      : {}),
    sites: [],
  };
}

/** The compareParks call for the picked parks, with `own` as the own park; null with fewer than two. */
export function selectCompareArgs(s: ScoringState, own: string | null): ArgsOf<'compareParks'> | null {
  const p = selectPayload(s);
  if (!p || s.compareIds.length < 2) return null;
  return {
    profile: p.profile,
    method: p.method,
    ...(p.weights ? { weights: p.weights } : {}),
    ...(p.ahp ? { ahp: p.ahp } : {}),
    ids: s.compareIds,
    ...(own && s.compareIds.includes(own) ? { own } : {}),
  };
}
