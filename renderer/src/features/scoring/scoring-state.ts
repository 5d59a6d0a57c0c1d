/**
 * The scoring panel's state as a pure reducer: profile, method and its options, weights over every
 * criterion (the fourteen built-in ones and the project's own, always 100 %), value functions, AHP
 * judgements, the ranking, the parks picked for comparison and the comparison, the method agreement
 * and the target-site search. What each input means for the backend is read from the state by the
 * selectors below; use-scoring.ts only runs the calls and dispatches their outcome.
 */
import type {
  AgreementResult,
  ArgsOf,
  CompareResult,
  CustomCriterionRecord,
  Profile,
  RankingResult,
  ResultOf,
  ScenarioPayload,
  ScoreArgs,
} from '../../../../electron/contract/api.ts';
import {
  CRITERION_IDS,
  defaultWeights,
  rebalance,
  toPercent,
  type CriterionKey,
  type CustomCriterionId,
  type EnterpriseProfile,
  type Method,
} from '../../../../geo/index.ts';

export type { Method };
/** Percent per criterion, built-in and the user's own; the sliders keep the total at 100. */
export type Weights = Record<CriterionKey, number>;
export type MethodOptions = NonNullable<ScoreArgs['methodOptions']>;
/** Value functions as the contract carries them (geo's ValueFunction with plain arrays). */
export type ValueFunctions = NonNullable<ScoreArgs['valueFunctions']>;
export type CriterionValueFunction = NonNullable<ValueFunctions[CriterionKey]>;
export type SimilarResult = ResultOf<'similarSites'>;

/** Criteria compared pairwise by default under AHP (up to 6 keep the judgements manageable). */
export const DEFAULT_AHP_CRITERIA: CriterionKey[] = ['industry-match', 't-interchange', 't-gba', 'labour', 'park-level'];

/** At most this many parks side by side. */
export const MAX_COMPARED = 6;

/** Samples of the Monte-Carlo rank stability run with every ranking. */
export const MONTE_CARLO_SAMPLES = 5000;

/** n×n judgements all "equally important" (1): the starting point of the AHP editor. */
export function equalJudgements(n: number): number[][] {
  return Array.from({ length: n }, () => new Array<number>(n).fill(1));
}

/** The profile's default weights (geo/scoring), as the sliders start; the user's own criteria start at 0. */
export function weightsFor(profile: Profile, customIds: readonly CustomCriterionId[] = []): Weights {
  const w = { ...defaultWeights(profile as EnterpriseProfile) } as Weights;
  for (const id of customIds) w[id] = 0;
  return w;
}

/** Every criterion the sliders cover: the built-in ones, then the project's own in list order. */
export function weightKeys(s: Pick<ScoringState, 'customIds'>): CriterionKey[] {
  return [...CRITERION_IDS, ...s.customIds];
}

/**
 * Weights over `keys` totalling 100 % (0.1 % steps): missing keys weigh 0. When every weight is 0
 * (a deleted criterion carried them all) the profile's defaults are the fallback.
 */
export function weightsOver(weights: Partial<Weights>, keys: readonly CriterionKey[], profile: Profile | null): Weights {
  const full = Object.fromEntries(keys.map((k) => [k, Math.max(0, weights[k] ?? 0)])) as Weights;
  if (keys.some((k) => (full[k] ?? 0) > 0)) return toPercent(full, keys);
  return profile
    ? weightsFor(
        profile,
        keys.filter((k): k is CustomCriterionId => k.startsWith('custom-')),
      )
    : full;
}

export interface ScoringState {
  profile: Profile | null;
  method: Method;
  weights: Weights | null;
  /** The project's own criteria, in the order the backend lists them. */
  customIds: CustomCriterionId[];
  /** Value function per criterion the user changed (the others are linear between the candidates' worst and best). */
  valueFunctions: ValueFunctions;
  /** Every method's parameters (kept when switching methods, sent for the method chosen). */
  methodOptions: MethodOptions;
  ahpCriteria: CriterionKey[];
  ahpMatrix: number[][];
  result: RankingResult | null;
  /** What the ranking on screen was computed from (a report's method agreement uses the same). */
  rankedInputs: RankInputs | null;
  error: string | null;
  running: boolean;
  /** Rankings finished (succeeded or failed) since the panel opened: lets a watcher tell a new answer from the last. */
  rankings: number;
  /**
   * The Monte-Carlo rank stability, asked after the ranking so the table does not wait for it: `of`
   * is the ranking it was computed for (an earlier one while the current one's is computed), `value`
   * null when it could not be computed.
   */
  stability: { of: RankingResult; value: RankStability | null } | null;
  /** Parks chosen for the side-by-side comparison (2–6), the own park among them, the result. */
  compareIds: string[];
  own: string | null;
  comparison: CompareResult | null;
  /** Every method on the same table; `agreementRunning` while it is asked. */
  agreement: AgreementResult | null;
  agreementRunning: boolean;
  similar: SimilarResult | null;
  similarRunning: boolean;
  view: ResultsView;
}

/** The results side's tabs. */
export const RESULTS_VIEWS = ['ranking', 'criteria', 'agreement', 'similar', 'compare'] as const;
export type ResultsView = (typeof RESULTS_VIEWS)[number];

export const INITIAL_SCORING_STATE: ScoringState = {
  profile: null,
  method: 'wsm',
  weights: null,
  customIds: [],
  valueFunctions: {},
  methodOptions: {},
  ahpCriteria: DEFAULT_AHP_CRITERIA,
  ahpMatrix: equalJudgements(DEFAULT_AHP_CRITERIA.length),
  result: null,
  rankedInputs: null,
  error: null,
  running: false,
  rankings: 0,
  stability: null,
  compareIds: [],
  own: null,
  comparison: null,
  agreement: null,
  agreementRunning: false,
  similar: null,
  similarRunning: false,
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
  | { type: 'weightMoved'; id: CriterionKey; value: number }
  /** Weights another mode produced (rank order, swing, AHP) put on the sliders; missing criteria weigh 0. */
  | { type: 'weightsApplied'; weights: Partial<Weights> }
  /** The project's own criteria as listed: new ones join the sliders at 0, deleted ones leave. */
  | { type: 'customCriteriaLoaded'; criteria: readonly Pick<CustomCriterionRecord, 'id'>[] }
  /** A criterion's value function (null: back to linear between the candidates' worst and best). */
  | { type: 'valueFunctionSet'; id: CriterionKey; f: CriterionValueFunction | null }
  /** One method's parameters replaced (the others kept). */
  | { type: 'methodOptionsSet'; options: MethodOptions }
  /** New AHP criteria start from equal judgements. */
  | { type: 'ahpCriteriaChosen'; ids: CriterionKey[] }
  /** Judgement a_ij = value, and its reciprocal a_ji. */
  | { type: 'judgementSet'; i: number; j: number; value: number }
  | { type: 'rankStarted' }
  | { type: 'rankSucceeded'; result: RankingResult; inputs?: RankInputs }
  | { type: 'rankFailed'; message: string }
  /** The stability of ranking `of` (null: its computation failed); dropped if another ranking is on screen. */
  | { type: 'stabilityDone'; of: RankingResult; value: RankStability | null }
  | { type: 'compareToggled'; id: string }
  | { type: 'ownChosen'; id: string | null }
  | { type: 'compareStarted' }
  | { type: 'compareSucceeded'; comparison: CompareResult }
  | { type: 'compareFailed'; message: string }
  | { type: 'viewChosen'; view: ResultsView }
  | { type: 'agreementStarted' }
  | { type: 'agreementSucceeded'; agreement: AgreementResult }
  /** Failed or given up (cancel: message null). */
  | { type: 'agreementStopped'; message: string | null }
  | { type: 'similarStarted' }
  | { type: 'similarSucceeded'; similar: SimilarResult }
  | { type: 'similarStopped'; message: string | null }
  /** A saved scenario opened: its inputs replace the screen's (the ranking follows). */
  | { type: 'scenarioOpened'; payload: ScenarioPayload };

export function scoringReducer(state: ScoringState, action: ScoringAction): ScoringState {
  switch (action.type) {
    case 'presetsLoaded':
      if (state.profile || !action.first) return state;
      return { ...state, profile: action.first, weights: weightsFor(action.first, state.customIds) };
    case 'presetChosen': {
      const profile = structuredClone(action.profile);
      return { ...state, profile, weights: weightsFor(profile, state.customIds) };
    }
    case 'profileEdited':
      return { ...state, profile: action.profile };
    case 'methodChosen':
      return { ...state, method: action.method };
    case 'weightMoved':
      return state.weights ? { ...state, weights: rebalance(state.weights, action.id, action.value, weightKeys(state)) } : state;
    case 'weightsApplied':
      return state.weights ? { ...state, weights: weightsOver(action.weights, weightKeys(state), state.profile) } : state;
    case 'customCriteriaLoaded': {
      const customIds = action.criteria.map((c) => c.id as CustomCriterionId);
      if (customIds.length === state.customIds.length && customIds.every((id, i) => id === state.customIds[i])) return state;
      const known = new Set<CriterionKey>(customIds);
      const gone = (id: CriterionKey) => id.startsWith('custom-') && !known.has(id);
      const keys = [...CRITERION_IDS, ...customIds];
      const valueFunctions = Object.fromEntries(Object.entries(state.valueFunctions).filter(([id]) => !gone(id as CriterionKey)));
      const ahpKept = state.ahpCriteria.filter((id) => !gone(id));
      const ahp =
        ahpKept.length === state.ahpCriteria.length
          ? {}
          : {
              ahpCriteria: ahpKept.length >= 2 ? ahpKept : DEFAULT_AHP_CRITERIA,
              ahpMatrix: equalJudgements(ahpKept.length >= 2 ? ahpKept.length : DEFAULT_AHP_CRITERIA.length),
            };
      const weights = state.weights && weightsOver(state.weights, keys, state.profile);
      return { ...state, customIds, weights, valueFunctions, ...ahp };
    }
    case 'valueFunctionSet': {
      const valueFunctions = { ...state.valueFunctions };
      if (action.f) valueFunctions[action.id] = action.f;
      else delete valueFunctions[action.id];
      return { ...state, valueFunctions };
    }
    case 'methodOptionsSet':
      return { ...state, methodOptions: { ...state.methodOptions, ...action.options } };
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
      return {
        ...state,
        running: false,
        error: null,
        result: action.result,
        rankedInputs: action.inputs ?? null,
        rankings: state.rankings + 1,
      };
    case 'rankFailed':
      return { ...state, running: false, error: action.message, rankings: state.rankings + 1 };
    case 'stabilityDone':
      return state.result === action.of ? { ...state, stability: { of: action.of, value: action.value } } : state;
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
    case 'agreementStarted':
      return { ...state, agreementRunning: true, error: null, view: 'agreement' };
    case 'agreementSucceeded':
      return { ...state, agreementRunning: false, agreement: action.agreement };
    case 'agreementStopped':
      return { ...state, agreementRunning: false, error: action.message };
    case 'similarStarted':
      return { ...state, similarRunning: true, error: null, view: 'similar' };
    case 'similarSucceeded':
      return { ...state, similarRunning: false, similar: action.similar };
    case 'similarStopped':
      return { ...state, similarRunning: false, error: action.message };
    case 'scenarioOpened': {
      const p = action.payload;
      const customIds = [...new Set([...state.customIds, ...p.customCriteria.map((c) => c.id as CustomCriterionId)])];
      return {
        ...state,
        profile: p.profile,
        method: p.method,
        customIds,
        weights: scenarioWeights(p, customIds),
        valueFunctions: { ...(p.valueFunctions ?? {}) } as ValueFunctions,
        methodOptions: { ...(p.methodOptions ?? {}) },
        ...(p.ahp ? { ahpCriteria: p.ahp.criteria, ahpMatrix: p.ahp.matrix } : {}),
        compareIds: p.compare?.ids ?? [],
        own: p.compare?.own ?? null,
        view: 'ranking',
        comparison: null,
        agreement: null,
        similar: null,
      };
    }
  }
}

/** A scenario's weights over the profile's defaults (a scenario may carry only some); its own criteria start at 0. */
function scenarioWeights(p: ScenarioPayload, customIds: readonly CustomCriterionId[] = []): Weights {
  return { ...weightsFor(p.profile, customIds), ...(p.weights ?? {}) } as Weights;
}

/** Everything one ranking is computed from. */
export interface RankInputs {
  profile: Profile;
  method: Method;
  weights: Weights;
  ahp: { criteria: CriterionKey[]; matrix: number[][] } | null;
  valueFunctions: ValueFunctions;
  methodOptions: MethodOptions;
}

/** What the screen ranks now; null until there is a profile. */
export function selectRankInputs(s: ScoringState): RankInputs | null {
  return s.profile && s.weights
    ? {
        profile: s.profile,
        method: s.method,
        weights: s.weights,
        ahp: { criteria: s.ahpCriteria, matrix: s.ahpMatrix },
        valueFunctions: s.valueFunctions,
        methodOptions: s.methodOptions,
      }
    : null;
}

/** What a saved scenario ranks (its own AHP judgements, or none). */
export function scenarioRankInputs(p: ScenarioPayload): RankInputs {
  return {
    profile: p.profile,
    method: p.method,
    weights: scenarioWeights(p),
    ahp: p.ahp ?? null,
    valueFunctions: (p.valueFunctions ?? {}) as ValueFunctions,
    methodOptions: p.methodOptions ?? {},
  };
}

/** The parameters the chosen method reads (the others stay on screen but are not sent). */
export function optionsFor(method: Method, o: MethodOptions): MethodOptions {
  switch (method) {
    case 'ahp':
      return o.ahpMethod ? { ahpMethod: o.ahpMethod } : {};
    case 'owa':
    case 'promethee':
    case 'vikor':
    case 'electre':
      return o[method] ? { [method]: o[method] } : {};
    default:
      return {};
  }
}

/** Value functions and method options, only when there are any (a plain ranking sends neither). */
function extras(a: Pick<RankInputs, 'valueFunctions' | 'methodOptions'>, method: Method | 'all') {
  const options = method === 'all' ? a.methodOptions : optionsFor(method, a.methodOptions);
  return {
    ...(Object.keys(a.valueFunctions).length > 0 ? { valueFunctions: a.valueFunctions } : {}),
    ...(Object.keys(options).length > 0 ? { methodOptions: options } : {}),
  };
}

/**
 * The scoreSites call for these inputs: AHP judgements only under AHP; `monteCarloSamples` the
 * stability's samples (0: the ranking alone, which the panel asks for first).
 */
export function rankArgs(a: RankInputs, monteCarloSamples = MONTE_CARLO_SAMPLES): ArgsOf<'scoreSites'> {
  return {
    profile: a.profile,
    method: a.method,
    weights: a.weights,
    ...(a.method === 'ahp' && a.ahp ? { ahp: a.ahp } : {}),
    ...extras(a, a.method),
    monteCarloSamples,
  };
}

/** The Monte-Carlo rank stability of a ranking. */
export type RankStability = NonNullable<NonNullable<RankingResult['sensitivity']>['stability']>;

/**
 * The stability to show with the ranking on screen: its own once computed (`pending` false), the
 * previous ranking's while it is computed (`pending` true, so the view marks it as not yet current),
 * none for a ranking that has no sensitivity (TOPSIS, PROMETHEE, fewer than two candidates).
 */
export function selectStability(state: Pick<ScoringState, 'result' | 'stability'>): { value: RankStability | null; pending: boolean } {
  if (!state.result?.sensitivity) return { value: null, pending: false };
  const s = state.stability;
  if (s && s.of === state.result) return { value: s.value, pending: false };
  return { value: s?.value ?? null, pending: true };
}

/** The ranking on screen with its own stability in it (what a report shows); the ranking alone while that is computed. */
export function rankingWithStability(state: Pick<ScoringState, 'result' | 'stability'>): RankingResult | null {
  const r = state.result;
  if (!r?.sensitivity || state.stability?.of !== r) return r;
  return { ...r, sensitivity: { ...r.sensitivity, stability: state.stability.value } };
}

/** Every method on the inputs on screen (AHP among them only while AHP is the method, with its judgements). */
export function agreementArgs(a: RankInputs): ArgsOf<'methodAgreement'> {
  return {
    profile: a.profile,
    weights: a.weights,
    ...(a.method === 'ahp' && a.ahp ? { ahp: a.ahp } : {}),
    ...extras(a, 'all'),
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
    ...extras(s, 'all'),
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
    ...extras(s, s.method),
    ids: s.compareIds,
    ...(own && s.compareIds.includes(own) ? { own } : {}),
  };
}
