/**
 * Ranks again when the network every figure is computed on changes (a new scenario year from the
 * year slider, another active network): the ranking on screen names the network it was computed
 * on, and a ranking is not cached, so nothing else would ask for it again.
 */
import { useEffect, useRef } from 'react';
import type { NetworkLabel } from '../../../../electron/contract/api.ts';
import type { RankInputs, ScoringState } from '../scoring/scoring-state.ts';
import { sameNetwork } from './year-range.ts';

export function useRerankOnNetworkChange(
  active: NetworkLabel | undefined,
  state: Pick<ScoringState, 'result' | 'rankedInputs' | 'running'>,
  rank: (inputs: RankInputs) => Promise<void>,
): void {
  // The network last asked for: a failed ranking is not asked again until the network changes once more.
  const asked = useRef<NetworkLabel | null>(null);
  const { result, rankedInputs, running } = state;
  useEffect(() => {
    if (!active || !result || !rankedInputs || running) return;
    if (sameNetwork(result.network, active) || (asked.current && sameNetwork(asked.current, active))) return;
    asked.current = active;
    void rank(rankedInputs);
  }, [active, result, rankedInputs, running, rank]);
}
