import { describe, expect, it } from 'vitest';
import type { CompareResult, Profile, RankingResult, ScenarioPayload } from '../../../../electron/contract/api.ts';
import shipped from '../../../../data/profile-presets.json';
import { CRITERION_IDS } from '../../../../geo/index.ts';
import {
  INITIAL_SCORING_STATE,
  rankArgs,
  rankingWithStability,
  scenarioRankInputs,
  scoringReducer,
  selectCompareArgs,
  selectPayload,
  selectRankInputs,
  selectStability,
  weightsFor,
  type ScoringAction,
  type ScoringState,
} from './scoring-state.ts';

/** Two of the shipped presets (data/profile-presets.json): where the panel really starts. */
function preset(id: string): Profile {
  const found = shipped.presets.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found.profile as Profile;
}
const equipment = preset('equipment');
const exporter = preset('next-gen-it');

const run = (actions: ScoringAction[], from: ScoringState = INITIAL_SCORING_STATE) => actions.reduce(scoringReducer, from);
const total = (w: Record<string, number> | null) => Math.round(CRITERION_IDS.reduce((s, id) => s + (w?.[id] ?? 0), 0) * 10) / 10;
const loaded = run([{ type: 'presetsLoaded', first: equipment }]);

describe('scoring state: profile and weights', () => {
  it('starts from the first preset with its default weights, once', () => {
    expect(loaded.profile).toBe(equipment);
    expect(loaded.weights).toEqual(weightsFor(equipment));
    expect(total(loaded.weights)).toBe(100);
    expect(scoringReducer(loaded, { type: 'presetsLoaded', first: exporter })).toBe(loaded);
    expect(scoringReducer(INITIAL_SCORING_STATE, { type: 'presetsLoaded', first: null })).toBe(INITIAL_SCORING_STATE);
  });

  it('a chosen preset brings its own weights and is a copy; an edited profile keeps the weights', () => {
    const moved = run([{ type: 'weightMoved', id: 'labour', value: 40 }], loaded);
    const chosen = scoringReducer(moved, { type: 'presetChosen', profile: exporter });
    expect(chosen.weights).toEqual(weightsFor(exporter));
    expect(chosen.profile).toEqual(exporter);
    expect(chosen.profile).not.toBe(exporter);
    const asean = exporter.markets.asean;
    chosen.profile!.markets.asean = (asean + 1) % 6;
    expect(exporter.markets.asean).toBe(asean);
    const edited = scoringReducer(moved, { type: 'profileEdited', profile: exporter });
    expect(edited.weights).toBe(moved.weights);
  });

  it('moving one weight rescales the others to keep 100 %', () => {
    const moved = run([{ type: 'weightMoved', id: 'labour', value: 40 }], loaded);
    expect(moved.weights?.labour).toBe(40);
    expect(total(moved.weights)).toBe(100);
    expect(scoringReducer(INITIAL_SCORING_STATE, { type: 'weightMoved', id: 'labour', value: 40 })).toBe(INITIAL_SCORING_STATE);
  });

  it('a judgement sets its reciprocal; new criteria start from equal judgements', () => {
    const judged = run([{ type: 'judgementSet', i: 0, j: 2, value: 5 }], loaded);
    expect(judged.ahpMatrix[0]?.[2]).toBe(5);
    expect(judged.ahpMatrix[2]?.[0]).toBeCloseTo(0.2, 12);
    expect(judged.ahpMatrix[1]?.[2]).toBe(1);
    const chosen = scoringReducer(judged, { type: 'ahpCriteriaChosen', ids: ['industry-match', 'labour', 't-gba'] });
    expect(chosen.ahpCriteria).toEqual(['industry-match', 'labour', 't-gba']);
    expect(chosen.ahpMatrix).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });
});

describe('scoring state: ranking and comparison', () => {
  const result = { method: 'wsm', candidates: [] } as unknown as RankingResult;

  it('a ranking clears the last error while it runs and keeps its result or its failure', () => {
    const failed = run([{ type: 'rankStarted' }, { type: 'rankFailed', message: 'no network' }], loaded);
    expect(failed).toMatchObject({ running: false, error: 'no network', result: null });
    const started = scoringReducer(failed, { type: 'rankStarted' });
    expect(started).toMatchObject({ running: true, error: null });
    expect(scoringReducer(started, { type: 'rankSucceeded', result })).toMatchObject({ running: false, result });
    // A quick ranking is never marked busy (use-scoring.ts): its answer clears the last error itself.
    expect(scoringReducer(failed, { type: 'rankSucceeded', result })).toMatchObject({ running: false, error: null, result });
  });

  it('the stability follows its own ranking: an earlier one is shown as pending, a late answer is dropped', () => {
    const ranges = [{ id: 'labour', weight: 50, lo: 20, hi: 70 }];
    const ranking = (tag: string) =>
      ({ method: 'wsm', candidates: [], tag, sensitivity: { ranges, stability: null } }) as unknown as RankingResult;
    const stability = (first: number) => ({ samples: 5000, seed: 1, first: [first], top3: [1], ids: ['a'] }) as never;
    const first = ranking('first');
    const second = ranking('second');
    const ranked = run([{ type: 'rankSucceeded', result: first }], loaded);
    // No stability yet: pending, nothing to show.
    expect(selectStability(ranked)).toEqual({ value: null, pending: true });
    expect(rankingWithStability(ranked)).toBe(first);
    const done = scoringReducer(ranked, { type: 'stabilityDone', of: first, value: stability(0.7) });
    expect(selectStability(done)).toEqual({ value: stability(0.7), pending: false });
    expect(rankingWithStability(done)?.sensitivity).toEqual({ ranges, stability: stability(0.7) });
    // The result itself is not replaced (the map layer and the rank ranges key on it).
    expect(done.result).toBe(first);
    // A new ranking: the first one's chart stays, marked pending, until the second one's comes.
    const again = scoringReducer(done, { type: 'rankSucceeded', result: second });
    expect(selectStability(again)).toEqual({ value: stability(0.7), pending: true });
    expect(rankingWithStability(again)).toBe(second);
    // The first ranking's answer arriving late changes nothing.
    expect(scoringReducer(again, { type: 'stabilityDone', of: first, value: stability(0.1) })).toBe(again);
    const failed = scoringReducer(again, { type: 'stabilityDone', of: second, value: null });
    expect(selectStability(failed)).toEqual({ value: null, pending: false });
    // A method without sensitivity (TOPSIS) expects no stability.
    const topsis = { method: 'topsis', candidates: [], sensitivity: null } as unknown as RankingResult;
    expect(selectStability(scoringReducer(done, { type: 'rankSucceeded', result: topsis }))).toEqual({ value: null, pending: false });
  });

  it('picks at most six parks, and a second pick of a park takes it out', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const six = run(ids.map((id) => ({ type: 'compareToggled', id })));
    expect(six.compareIds).toEqual(ids);
    expect(scoringReducer(six, { type: 'compareToggled', id: 'g' })).toBe(six);
    expect(scoringReducer(six, { type: 'compareToggled', id: 'c' }).compareIds).toEqual(['a', 'b', 'd', 'e', 'f']);
  });

  it('a comparison switches the view, and a failed one switches back with its error', () => {
    const comparison = { parks: [] } as unknown as CompareResult;
    const started = run([{ type: 'rankFailed', message: 'x' }, { type: 'compareStarted' }], loaded);
    expect(started).toMatchObject({ view: 'compare', error: null, comparison: null });
    expect(scoringReducer(started, { type: 'compareSucceeded', comparison })).toMatchObject({ view: 'compare', comparison });
    expect(scoringReducer(started, { type: 'compareFailed', message: 'bad ids' })).toMatchObject({ view: 'ranking', error: 'bad ids' });
  });
});

describe('scoring state: what is sent and saved', () => {
  it('sends AHP judgements only under AHP, with the Monte-Carlo samples', () => {
    const inputs = selectRankInputs(loaded);
    expect(inputs).not.toBeNull();
    expect(rankArgs(inputs!)).toEqual({ profile: equipment, method: 'wsm', weights: loaded.weights, monteCarloSamples: 5000 });
    // The ranking the panel asks first, before its stability.
    expect(rankArgs(inputs!, 0)).toEqual({ profile: equipment, method: 'wsm', weights: loaded.weights, monteCarloSamples: 0 });
    const ahp = run([{ type: 'methodChosen', method: 'ahp' }], loaded);
    expect(rankArgs(selectRankInputs(ahp)!).ahp).toEqual({ criteria: ahp.ahpCriteria, matrix: ahp.ahpMatrix });
    expect(selectRankInputs(INITIAL_SCORING_STATE)).toBeNull();
  });

  it('saves the comparison only with two parks or more, and the own park only when it is among them', () => {
    const one = run([{ type: 'compareToggled', id: 'a' }], loaded);
    expect(selectPayload(one)).not.toHaveProperty('compare');
    expect(selectCompareArgs(one, null)).toBeNull();
    const two = run(
      [
        { type: 'compareToggled', id: 'b' },
        { type: 'ownChosen', id: 'z' },
      ],
      one,
    );
    expect(selectPayload(two)?.compare).toEqual({ ids: ['a', 'b'] });
    expect(selectPayload(run([{ type: 'ownChosen', id: 'b' }], two))?.compare).toEqual({ ids: ['a', 'b'], own: 'b' });
    expect(selectCompareArgs(two, 'b')).toMatchObject({ ids: ['a', 'b'], own: 'b', method: 'wsm' });
    expect(selectCompareArgs(two, 'z')).not.toHaveProperty('own');
    expect(selectPayload(INITIAL_SCORING_STATE)).toBeNull();
  });

  it('a reopened scenario restores its inputs over the defaults and ranks exactly them', () => {
    const payload: ScenarioPayload = {
      profile: exporter,
      customCriteria: [],
      method: 'ahp',
      weights: { labour: 30 },
      ahp: {
        criteria: ['industry-match', 'labour'],
        matrix: [
          [1, 3],
          [1 / 3, 1],
        ],
      },
      compare: { ids: ['a', 'b'], own: 'a' },
      sites: [],
    };
    const opened = run([{ type: 'compareStarted' }, { type: 'scenarioOpened', payload }], loaded);
    expect(opened).toMatchObject({ profile: exporter, method: 'ahp', compareIds: ['a', 'b'], own: 'a', view: 'ranking', comparison: null });
    expect(opened.weights).toEqual({ ...weightsFor(exporter), labour: 30 });
    expect(opened.ahpMatrix).toEqual(payload.ahp?.matrix);
    expect(rankArgs(scenarioRankInputs(payload))).toMatchObject({ method: 'ahp', ahp: payload.ahp, weights: opened.weights });
    // Without judgements of its own, a scenario leaves the editor's and ranks without any.
    const plain = run([{ type: 'scenarioOpened', payload: { ...payload, method: 'wsm', ahp: undefined } as ScenarioPayload }], opened);
    expect(plain.ahpMatrix).toBe(opened.ahpMatrix);
    expect(rankArgs(scenarioRankInputs({ ...payload, ahp: undefined } as ScenarioPayload))).not.toHaveProperty('ahp');
  });
});
