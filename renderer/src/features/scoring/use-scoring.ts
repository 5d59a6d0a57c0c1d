/**
 * The scoring panel's state (scoring-state.ts) with the calls that fill it: the presets, a
 * ranking, a comparison, a saved scenario reopened.
 */
import { useCallback, useEffect, useReducer, type Dispatch } from 'react';
import type { Scenario } from '../../../../electron/contract/api.ts';
import { useCompareParks, useScoreSites } from '../../api/mutations.ts';
import { useLoaders, usePlanTaxonomy, useProfilePresets } from '../../api/queries.ts';
import {
  INITIAL_SCORING_STATE,
  rankArgs,
  scenarioRankInputs,
  scoringReducer,
  selectCompareArgs,
  selectRankInputs,
  type RankInputs,
  type ScoringAction,
  type ScoringState,
} from './scoring-state.ts';

export interface Scoring {
  state: ScoringState;
  presets: NonNullable<ReturnType<typeof useProfilePresets>['data']>;
  taxonomy: NonNullable<ReturnType<typeof usePlanTaxonomy>['data']>['industries'];
  dispatch: Dispatch<ScoringAction>;
  /** Ranks what is on screen. */
  run(): Promise<void>;
  /** Compares the picked parks, `own` (by default the chosen one) as the own park. */
  runCompare(own?: string | null): Promise<void>;
  /** Restores a saved scenario and ranks it. */
  openScenario(scenario: Scenario): void;
}

const NO_PRESETS: Scoring['presets'] = [];
const NO_INDUSTRIES: Scoring['taxonomy'] = [];

export function useScoring(): Scoring {
  const [state, dispatch] = useReducer(scoringReducer, INITIAL_SCORING_STATE);
  const presets = useProfilePresets().data ?? NO_PRESETS;
  const taxonomy = usePlanTaxonomy().data?.industries ?? NO_INDUSTRIES;
  const load = useLoaders();
  const scoreSites = useScoreSites().mutateAsync;
  const compareParks = useCompareParks().mutateAsync;

  useEffect(() => {
    void load.profilePresets().then(
      (p) => dispatch({ type: 'presetsLoaded', first: p[0]?.profile ?? null }),
      () => undefined,
    );
  }, [load]);

  const rank = useCallback(
    async (inputs: RankInputs) => {
      dispatch({ type: 'rankStarted' });
      try {
        dispatch({ type: 'rankSucceeded', result: await scoreSites(rankArgs(inputs)) });
      } catch (e) {
        dispatch({ type: 'rankFailed', message: (e as Error).message });
      }
    },
    [scoreSites],
  );

  const run = useCallback(async () => {
    const inputs = selectRankInputs(state);
    if (inputs) await rank(inputs);
  }, [rank, state]);

  const runCompare = useCallback(
    async (own: string | null = state.own) => {
      const args = selectCompareArgs(state, own);
      if (!args) return;
      dispatch({ type: 'compareStarted' });
      try {
        dispatch({ type: 'compareSucceeded', comparison: await compareParks(args) });
      } catch (e) {
        dispatch({ type: 'compareFailed', message: (e as Error).message });
      }
    },
    [compareParks, state],
  );

  const openScenario = useCallback(
    (scenario: Scenario) => {
      dispatch({ type: 'scenarioOpened', payload: scenario.payload });
      void rank(scenarioRankInputs(scenario.payload));
    },
    [rank],
  );

  return { state, presets, taxonomy, dispatch, run, runCompare, openScenario };
}
