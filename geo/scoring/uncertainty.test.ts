/**
 * Rank ranges: with no uncertainty SMAA ranks exactly as the ranking under every method (the
 * per-sample methods mirror scoreCandidates); each source of spread (position draws, assumption
 * scenarios, unknown values, the user's ranges) shows where it acts; Latin hypercube sets use each
 * stratum once and repeat with their seed.
 */
import { describe, expect, it } from 'vitest';
import { NO_FOCUS, onlyWeights, ROAD_ONLY_PROFILE } from './testing.ts';
import { METHODS, type CandidateFacts, type ScoreOptions } from './score.ts';
import { assumptionScenarios, rankUncertainty } from './uncertainty.ts';

const profile = ROAD_ONLY_PROFILE;
const plan = NO_FOCUS;
const only = onlyWeights;

function site(
  id: string,
  interchange: number | null,
  gba: number | null,
  labour: number | null,
  level: 'national' | 'provincial' = 'provincial',
): CandidateFacts {
  return {
    id,
    name_zh: id,
    name_en: id,
    kind: 'park',
    position: [112 + id.charCodeAt(0) / 100, 26],
    level,
    prefectureAdcode: null,
    industries: [],
    labour,
    labourUnknown: [],
    minutes: { interchange, freight: null, 'intl-rail': null, airport: null, bonded: null, port: null, gba, changsha: null, hsr: null },
  };
}
const sites = [
  site('a', 10, 300, 100_000),
  site('b', 20, 250, 300_000, 'national'),
  site('c', 40, 200, 200_000),
  site('d', 15, null, 150_000),
  site('e', 30, 280, 250_000, 'national'),
];
const weights = only({ 't-interchange': 30, 't-gba': 20, labour: 30, 'park-level': 20 });
const none = { scenarios: 1, draws: new Map() };

describe('rank ranges (SMAA over the ranking)', () => {
  it('ranks exactly as the ranking under every method when nothing is uncertain', () => {
    for (const method of METHODS) {
      const options: ScoreOptions =
        method === 'ahp'
          ? {
              method,
              weights,
              ahp: {
                criteria: ['t-interchange', 'labour'],
                matrix: [
                  [1, 2],
                  [0.5, 1],
                ],
              },
            }
          : { method, weights };
      const r = rankUncertainty(profile, sites, plan, options, none, { samples: 50, seed: 1, weights: 'fixed', keepUnknown: ['t-gba'] });
      for (const c of r.candidates) {
        expect(c.acceptability[c.rank - 1], `${method} ${c.id}`).toBe(1);
        expect([c.p5, c.p95]).toEqual([c.rank, c.rank]);
      }
    }
  });

  it('spreads an unknown value over the others’ range unless it is kept unknown', () => {
    const spread = rankUncertainty(profile, sites, plan, { method: 'wsm', weights }, none, { samples: 500, seed: 2, weights: 'fixed' });
    const d = spread.candidates.find((c) => c.id === 'd');
    expect(d?.ranges).toEqual([{ criterion: 't-gba', lo: 200, hi: 300, sources: ['unknown'] }]);
    expect(spread.counts.unknown).toBe(1);
    const kept = rankUncertainty(profile, sites, plan, { method: 'wsm', weights }, none, {
      samples: 500,
      seed: 2,
      weights: 'fixed',
      keepUnknown: ['t-gba'],
    });
    expect(kept.candidates.find((c) => c.id === 'd')?.ranges).toEqual([]);
  });

  it('moves every position-based value of a candidate together across its draws, and marks the assumptions', () => {
    // Two positions for "a" (one good, one poor), each under two assumption sets.
    const at = (interchange: number, gba: number, labour: number) => ({ ...site('a', interchange, gba, labour) });
    const variants = {
      scenarios: 2,
      draws: new Map([
        [
          'a',
          [
            [at(5, 190, 400_000), at(6, 200, 380_000)],
            [at(60, 320, 50_000), at(70, 330, 40_000)],
          ],
        ],
      ]),
    };
    const r = rankUncertainty(profile, sites, plan, { method: 'wsm', weights }, variants, {
      samples: 4000,
      seed: 3,
      weights: 'fixed',
      keepUnknown: ['t-gba'],
    });
    const a = r.candidates.find((c) => c.id === 'a');
    const interchange = a?.ranges.find((x) => x.criterion === 't-interchange');
    expect(interchange).toEqual({ criterion: 't-interchange', lo: 5, hi: 70, sources: ['position', 'assumptions'] });
    // At the good position a is first, at the poor one last: about half the samples each.
    expect(a?.acceptability[0]).toBeGreaterThan(0.4);
    expect(a?.acceptability[4]).toBeGreaterThan(0.4);
    expect([a?.p5, a?.p95]).toEqual([1, 5]);
  });

  it('takes the user’s ranges on a custom criterion: a spread around each value, or an interval per candidate', () => {
    const custom = [
      {
        id: 'custom-land' as const,
        unit: '元/亩',
        type: 'cost' as const,
        values: new Map<string, number | null>([
          ['a', 10],
          ['b', 20],
          ['c', 15],
          ['d', null],
          ['e', 12],
        ]),
      },
    ];
    const options: ScoreOptions = { method: 'wsm', weights: { ...weights, 'custom-land': 20 }, custom };
    const r = rankUncertainty(profile, sites, plan, options, none, {
      samples: 200,
      seed: 4,
      keepUnknown: ['t-gba', 'custom-land'],
      customRanges: new Map([['custom-land', { spread: 0.1, values: new Map([['b', [5, 25] as const]]) }]]),
    });
    const land = (id: string) => r.candidates.find((c) => c.id === id)?.ranges.find((x) => x.criterion === 'custom-land');
    expect(land('a')).toEqual({ criterion: 'custom-land', lo: 9, hi: 11, sources: ['custom'] });
    expect(land('b')).toEqual({ criterion: 'custom-land', lo: 5, hi: 25, sources: ['custom'] });
    expect(land('d')).toBeUndefined();
    expect(r.weights).toBe('centred');
    expect(r.concentration).toBe(50);
  });

  it('repeats its numbers for the same seed', () => {
    const run = () => rankUncertainty(profile, sites, plan, { method: 'topsis', weights }, none, { samples: 300, seed: 99 });
    expect(run()).toEqual(run());
  });
});

describe('assumption sets (Latin hypercube)', () => {
  it('uses every stratum of every range once, inside the range, and repeats with its seed', () => {
    const ranges = { detourFactor: { lo: 1.2, hi: 1.45 }, ordinaryRoadKmh: { lo: 30, hi: 60 } };
    const sets = assumptionScenarios(ranges, 8, 1);
    expect(sets).toHaveLength(8);
    for (const [key, r] of Object.entries(ranges) as [keyof typeof ranges, { lo: number; hi: number }][]) {
      const strata = sets.map((s) => Math.floor((((s[key] as number) - r.lo) / (r.hi - r.lo)) * 8)).sort((x, y) => x - y);
      expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    }
    expect(assumptionScenarios(ranges, 8, 1)).toEqual(sets);
    expect(assumptionScenarios(ranges, 8, 2)).not.toEqual(sets);
    expect(() => assumptionScenarios({ detourFactor: { lo: 2, hi: 1 } }, 4, 1)).toThrow(/lo must not exceed hi/);
  });
});
