/**
 * The scoring panel's state (scoring-state.ts) with the calls that fill it: the presets, a
 * ranking, a comparison, a saved scenario reopened.
 */
import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react';
import type { RankingResult, Scenario } from '../../../../electron/contract/api.ts';
import type { CriterionKey } from '../../../../geo/index.ts';
import { useCompareParks, useMethodAgreement, useScoreSites, useSimilarSites } from '../../api/mutations.ts';
import { useCustomCriteria, useLoaders, useNetworkInfo, usePlanTaxonomy, useProfilePresets } from '../../api/queries.ts';
import { useRerankOnNetworkChange } from '../years/use-rerank.ts';
import {
  agreementArgs,
  INITIAL_SCORING_STATE,
  rankArgs,
  scenarioRankInputs,
  scoringReducer,
  selectCompareArgs,
  selectRankInputs,
  type RankInputs,
  type RankStability,
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
  /** Every method on the inputs on screen: rankings, Kendall τ, consensus, verdict. */
  runAgreement(): Promise<void>;
  /** The parks and sites most like `target` over `criteria` (null: every criterion known for it). */
  runSimilar(target: string, criteria: CriterionKey[] | null): Promise<void>;
  /** Stops waiting for the agreement or the similar-sites answer (its result, when it comes, is dropped). */
  cancelPending(): void;
}

const NO_PRESETS: Scoring['presets'] = [];
const NO_INDUSTRIES: Scoring['taxonomy'] = [];
/** A ranking shows as busy (button disabled, "loading") once it has taken this long, in ms. */
const BUSY_AFTER_MS = 150;

export function useScoring(): Scoring {
  const [state, dispatch] = useReducer(scoringReducer, INITIAL_SCORING_STATE);
  const presets = useProfilePresets().data ?? NO_PRESETS;
  const taxonomy = usePlanTaxonomy().data?.industries ?? NO_INDUSTRIES;
  const load = useLoaders();
  const scoreSites = useScoreSites();
  const compareParks = useCompareParks();
  const methodAgreement = useMethodAgreement();
  const similarSites = useSimilarSites();
  const custom = useCustomCriteria().data;
  // Each long call takes a ticket; cancelling takes a new one, so an answer to an old ticket is dropped.
  const ticket = useRef(0);

  useEffect(() => {
    if (custom) dispatch({ type: 'customCriteriaLoaded', criteria: custom });
  }, [custom]);

  useEffect(() => {
    void load.profilePresets().then(
      (p) => dispatch({ type: 'presetsLoaded', first: p[0]?.profile ?? null }),
      () => undefined,
    );
  }, [load]);

  // Each ranking takes a ticket too: its stability is only asked while no newer ranking was.
  const rankTicket = useRef(0);

  // The ranking first, without the Monte-Carlo stability (5,000 samples are most of a ranking's
  // time), so the table is drawn at once; then, after that frame, the stability (the same call with
  // the samples), which replaces the previous ranking's chart.
  const rank = useCallback(
    async (inputs: RankInputs) => {
      const mine = ++rankTicket.current;
      // The busy state only for a ranking that takes a while (the first after start computes every
      // site's travel times): a quick one's answer is drawn without a re-render of the panel before it.
      const busy = setTimeout(() => dispatch({ type: 'rankStarted' }), BUSY_AFTER_MS);
      let result: RankingResult;
      try {
        result = await scoreSites(rankArgs(inputs, 0));
      } catch (e) {
        dispatch({ type: 'rankFailed', message: (e as Error).message });
        return;
      } finally {
        clearTimeout(busy);
      }
      dispatch({ type: 'rankSucceeded', result, inputs });
      if (!result.sensitivity) return;
      await afterNextFrame();
      if (rankTicket.current !== mine) return;
      let value: RankStability | null = null;
      try {
        value = (await scoreSites(rankArgs(inputs))).sensitivity?.stability ?? null;
      } catch {
        // Shown as not computed; the ranking itself stands.
      }
      dispatch({ type: 'stabilityDone', of: result, value });
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

  const runAgreement = useCallback(async () => {
    const inputs = selectRankInputs(state);
    if (!inputs) return;
    const mine = ++ticket.current;
    dispatch({ type: 'agreementStarted' });
    try {
      const agreement = await methodAgreement(agreementArgs(inputs));
      if (ticket.current === mine) dispatch({ type: 'agreementSucceeded', agreement });
    } catch (e) {
      if (ticket.current === mine) dispatch({ type: 'agreementStopped', message: (e as Error).message });
    }
  }, [methodAgreement, state]);

  const runSimilar = useCallback(
    async (target: string, criteria: CriterionKey[] | null) => {
      if (!state.profile) return;
      const mine = ++ticket.current;
      dispatch({ type: 'similarStarted' });
      try {
        const similar = await similarSites({ profile: state.profile, target, ...(criteria ? { criteria } : {}), limit: 20 });
        if (ticket.current === mine) dispatch({ type: 'similarSucceeded', similar });
      } catch (e) {
        if (ticket.current === mine) dispatch({ type: 'similarStopped', message: (e as Error).message });
      }
    },
    [similarSites, state.profile],
  );

  // A new scenario year (or network) makes the ranking on screen stale: rank its inputs again.
  useRerankOnNetworkChange(useNetworkInfo().data?.network, state, rank);

  const cancelPending = useCallback(() => {
    ticket.current++;
    dispatch({ type: 'agreementStopped', message: null });
    dispatch({ type: 'similarStopped', message: null });
  }, []);

  return { state, presets, taxonomy, dispatch, run, runCompare, openScenario, runAgreement, runSimilar, cancelPending };
}

/** Resolves once the next frame has been drawn (a timeout where frames are not drawn, as in a hidden tab). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(done, 100);
    requestAnimationFrame(() => setTimeout(done, 0));
  });
}
