/** State of the scoring panel: profile, method, weights (always 100 %), AHP judgements, result. */
import { useCallback, useEffect, useState } from 'react';
import type { Profile, RankingResult } from '../../../../electron/contract/api.ts';
import { defaultWeights, rebalance, type CriterionId, type EnterpriseProfile } from '../../../../geo/index.ts';
import { call } from '../../api/client.ts';

export type Method = 'wsm' | 'ahp' | 'topsis';
export type Weights = Record<CriterionId, number>;

/** Criteria compared pairwise by default under AHP (up to 6 keep the judgements manageable). */
export const DEFAULT_AHP_CRITERIA: CriterionId[] = ['industry-match', 't-interchange', 't-gba', 'labour', 'park-level'];

/** n×n judgements all "equally important" (1): the starting point of the AHP editor. */
export function equalJudgements(n: number): number[][] {
  return Array.from({ length: n }, () => new Array<number>(n).fill(1));
}

export function useScoring() {
  const [presets, setPresets] = useState<{ id: string; name_zh: string; name_en: string; profile: Profile }[]>([]);
  const [taxonomy, setTaxonomy] = useState<{ id: string; name_zh: string; name_en: string; sublines: { id: string; name_zh: string; name_en: string }[] }[]>([]);
  const [profile, setProfileState] = useState<Profile | null>(null);
  const [method, setMethod] = useState<Method>('wsm');
  const [weights, setWeights] = useState<Weights | null>(null);
  const [ahpCriteria, setAhpCriteria] = useState<CriterionId[]>(DEFAULT_AHP_CRITERIA);
  const [ahpMatrix, setAhpMatrix] = useState<number[][]>(equalJudgements(DEFAULT_AHP_CRITERIA.length));
  const [result, setResult] = useState<RankingResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    void Promise.all([call('profilePresets'), call('planTaxonomy')]).then(([p, t]) => {
      setPresets(p);
      setTaxonomy(t.industries);
      const first = p[0]?.profile ?? null;
      setProfileState(first);
      if (first) setWeights(defaultWeights(first as EnterpriseProfile));
    });
  }, []);

  const setProfile = useCallback((next: Profile, resetWeights = true) => {
    setProfileState(next);
    if (resetWeights) setWeights(defaultWeights(next as EnterpriseProfile));
  }, []);

  const applyPreset = useCallback(
    (id: string) => {
      const preset = presets.find((p) => p.id === id);
      if (preset) setProfile(structuredClone(preset.profile));
    },
    [presets, setProfile],
  );

  const setWeight = useCallback((id: CriterionId, value: number) => setWeights((w) => (w ? rebalance(w, id, value) : w)), []);

  const setJudgement = useCallback((i: number, j: number, value: number) => {
    setAhpMatrix((m) => m.map((row, r) => row.map((v, c) => (r === i && c === j ? value : r === j && c === i ? 1 / value : v))));
  }, []);

  const run = useCallback(async () => {
    if (!profile || !weights) return;
    setRunning(true);
    setError(null);
    try {
      const r = await call('scoreSites', {
        profile,
        method,
        weights,
        ...(method === 'ahp' ? { ahp: { criteria: ahpCriteria, matrix: ahpMatrix } } : {}),
        monteCarloSamples: 5000,
      });
      setResult(r);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  }, [profile, weights, method, ahpCriteria, ahpMatrix]);

  const chooseAhpCriteria = useCallback((ids: CriterionId[]) => {
    setAhpCriteria(ids);
    setAhpMatrix(equalJudgements(ids.length));
  }, []);

  return { presets, taxonomy, profile, setProfile, applyPreset, method, setMethod, weights, setWeight, ahpCriteria, chooseAhpCriteria, ahpMatrix, setJudgement, result, error, running, run };
}

