/** State of the scoring panel: profile, method, weights (always 100 %), AHP judgements, result. */
import { useCallback, useEffect, useState } from 'react';
import type { CompareResult, Profile, RankingResult, Scenario, ScenarioPayload } from '../../../../electron/contract/api.ts';
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
  const [taxonomy, setTaxonomy] = useState<
    { id: string; name_zh: string; name_en: string; sublines: { id: string; name_zh: string; name_en: string }[] }[]
  >([]);
  const [profile, setProfileState] = useState<Profile | null>(null);
  const [method, setMethod] = useState<Method>('wsm');
  const [weights, setWeights] = useState<Weights | null>(null);
  const [ahpCriteria, setAhpCriteria] = useState<CriterionId[]>(DEFAULT_AHP_CRITERIA);
  const [ahpMatrix, setAhpMatrix] = useState<number[][]>(equalJudgements(DEFAULT_AHP_CRITERIA.length));
  const [result, setResult] = useState<RankingResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  /** Parks chosen for the side-by-side comparison (2–6), the own park among them, the result. */
  const [compareIds, setCompareIds] = useState<string[]>([]);
  const [own, setOwn] = useState<string | null>(null);
  const [comparison, setComparison] = useState<CompareResult | null>(null);
  const [view, setView] = useState<'ranking' | 'compare'>('ranking');

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

  /** Ranks with the given inputs (the screen's state, or a scenario being opened). */
  const rank = useCallback(
    async (a: { profile: Profile; method: Method; weights: Weights; ahp: { criteria: CriterionId[]; matrix: number[][] } | null }) => {
      setRunning(true);
      setError(null);
      try {
        setResult(
          await call('scoreSites', {
            profile: a.profile,
            method: a.method,
            weights: a.weights,
            ...(a.method === 'ahp' && a.ahp ? { ahp: a.ahp } : {}),
            monteCarloSamples: 5000,
          }),
        );
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setRunning(false);
      }
    },
    [],
  );

  const run = useCallback(async () => {
    if (!profile || !weights) return;
    await rank({ profile, method, weights, ahp: { criteria: ahpCriteria, matrix: ahpMatrix } });
  }, [rank, profile, weights, method, ahpCriteria, ahpMatrix]);

  const toggleCompare = useCallback((id: string) => {
    setCompareIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : ids.length >= 6 ? ids : [...ids, id]));
  }, []);

  /** Everything a scenario or a report needs to reproduce what is on screen. */
  const payload = useCallback(
    (): ScenarioPayload | null =>
      profile && weights
        ? {
            profile,
            method,
            weights,
            ...(method === 'ahp' ? { ahp: { criteria: ahpCriteria, matrix: ahpMatrix } } : {}),
            ...(compareIds.length >= 2 ? { compare: { ids: compareIds, ...(own && compareIds.includes(own) ? { own } : {}) } } : {}),
            sites: [],
          }
        : null,
    [profile, weights, method, ahpCriteria, ahpMatrix, compareIds, own],
  );

  const runCompare = useCallback(
    async (ownId: string | null = own) => {
      const p = payload();
      if (!p || compareIds.length < 2) return;
      setError(null);
      setComparison(null);
      setView('compare');
      try {
        setComparison(
          await call('compareParks', {
            profile: p.profile,
            method: p.method,
            ...(p.weights ? { weights: p.weights } : {}),
            ...(p.ahp ? { ahp: p.ahp } : {}),
            ids: compareIds,
            ...(ownId && compareIds.includes(ownId) ? { own: ownId } : {}),
          }),
        );
      } catch (e) {
        setError((e as Error).message);
        setView('ranking');
      }
    },
    [payload, compareIds, own],
  );

  /** Restores a saved scenario (profile, method, weights, AHP judgements, compared parks). */
  const load = useCallback(
    (s: Scenario) => {
      const p = s.payload;
      setProfileState(p.profile);
      setMethod(p.method);
      setWeights({ ...defaultWeights(p.profile as EnterpriseProfile), ...(p.weights ?? {}) } as Weights);
      if (p.ahp) {
        setAhpCriteria(p.ahp.criteria);
        setAhpMatrix(p.ahp.matrix);
      }
      setCompareIds(p.compare?.ids ?? []);
      setOwn(p.compare?.own ?? null);
      setView('ranking');
      setComparison(null);
      void rank({
        profile: p.profile,
        method: p.method,
        weights: { ...defaultWeights(p.profile as EnterpriseProfile), ...(p.weights ?? {}) } as Weights,
        ahp: p.ahp ?? null,
      });
    },
    [rank],
  );

  const chooseAhpCriteria = useCallback((ids: CriterionId[]) => {
    setAhpCriteria(ids);
    setAhpMatrix(equalJudgements(ids.length));
  }, []);

  return {
    presets,
    taxonomy,
    profile,
    setProfile,
    applyPreset,
    method,
    setMethod,
    weights,
    setWeight,
    ahpCriteria,
    chooseAhpCriteria,
    ahpMatrix,
    setJudgement,
    result,
    error,
    running,
    run,
    compareIds,
    toggleCompare,
    own,
    setOwn,
    comparison,
    runCompare,
    view,
    setView,
    payload,
    load,
  };
}
