/**
 * The rank ranges (SMAA-2) of the ranking on screen: run on demand with a sample count, a seed and a
 * weight mode, kept until the ranking changes (then shown as stale), and the map's colouring mode.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ArgsOf, RankingResult, UncertaintyResult } from '../../../../electron/contract/api.ts';
import { useRankUncertainty } from '../../api/mutations.ts';
import { rankArgs, selectRankInputs } from './scoring-state.ts';
import type { Scoring } from './use-scoring.ts';

export type WeightMode = NonNullable<ArgsOf<'rankUncertainty'>['weightMode']>;

export interface UncertaintyOptions {
  samples: number;
  seed: number;
  weightMode: WeightMode;
}

/** Defaults: the bench's 10,000 samples take about a second; 5,000 keep the screen quick. */
export const DEFAULT_UNCERTAINTY_OPTIONS: UncertaintyOptions = { samples: 5000, seed: 1, weightMode: 'centred' };

export interface Uncertainty {
  options: UncertaintyOptions;
  setOptions(o: UncertaintyOptions): void;
  /** The result for the ranking on screen, or null (none yet, or the ranking changed since). */
  result: UncertaintyResult | null;
  /** A result exists but belongs to an earlier ranking. */
  stale: boolean;
  running: boolean;
  error: string | null;
  run(): Promise<void>;
  /** Rank ranges by candidate id, for the table and the map. */
  ranges: ReadonlyMap<string, { p5: number; p95: number }> | null;
  mapMode: boolean;
  setMapMode(on: boolean): void;
}

export function useUncertainty(scoring: Scoring): Uncertainty {
  const rank = useRankUncertainty().mutateAsync;
  const [options, setOptions] = useState(DEFAULT_UNCERTAINTY_OPTIONS);
  const [done, setDone] = useState<{ result: UncertaintyResult; of: RankingResult | null } | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mapMode, setMapMode] = useState(false);
  const onScreen = scoring.state.result;
  const run = useCallback(async () => {
    const inputs = selectRankInputs(scoring.state);
    if (!inputs) return;
    const { monteCarloSamples: _mc, ...choice } = rankArgs(inputs);
    setRunning(true);
    setError(null);
    try {
      const result = await rank({ ...choice, ...options });
      setDone({ result, of: scoring.state.result });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  }, [rank, options, scoring.state]);
  const result = done && done.of === onScreen ? done.result : null;
  const ranges = useMemo(() => (result ? new Map(result.candidates.map((c) => [c.id, { p5: c.p5, p95: c.p95 }])) : null), [result]);
  return { options, setOptions, result, stale: done !== null && result === null, running, error, run, ranges, mapMode, setMapMode };
}
