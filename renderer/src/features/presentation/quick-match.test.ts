import { describe, expect, it } from 'vitest';
import type { Profile, RankingResult } from '../../../../electron/contract/api.ts';
import { reasonsFor, topParks, visitorProfile } from './quick-match.ts';

describe('visitor quick-match', () => {
  const preset = {
    industry: 'equipment',
    markets: { gba: 1, changsha: 2, asean: 0, europe: 0 },
    exportOriented: false,
  } as unknown as Profile;
  it('raises the chosen markets to the highest importance, without changing the preset', () => {
    const p = visitorProfile(preset, ['asean', 'europe']);
    expect(p.markets).toEqual({ gba: 1, changsha: 2, asean: 5, europe: 5 });
    expect(p.exportOriented).toBe(true);
    expect(preset.markets.asean).toBe(0);
    expect(visitorProfile(preset, ['changsha']).exportOriented).toBe(false);
  });

  it('gives the top three parks with the criteria that add most to their score', () => {
    const criterion = (id: string, raw: number | null, contribution: number) => ({
      id,
      raw,
      unit: 'min',
      type: 'cost',
      score: 0,
      weight: 10,
      contribution,
    });
    const candidate = (id: string, rank: number | null, kind: 'park' | 'custom' = 'park') =>
      ({
        id,
        rank,
        kind,
        criteria: [
          criterion('t-gba', 200, 5),
          criterion('labour', null, 9),
          criterion('t-interchange', 10, 8),
          criterion('cluster', 2, 1),
          criterion('t-hsr', 30, 0),
        ],
      }) as unknown as RankingResult['candidates'][number];
    const result = {
      candidates: [
        candidate('a', 1),
        candidate('s', 2, 'custom'),
        candidate('b', 3),
        candidate('x', null),
        candidate('c', 4),
        candidate('d', 5),
      ],
    } as RankingResult;
    expect(topParks(result).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(reasonsFor(result.candidates[0] as RankingResult['candidates'][number]).map((r) => r.criterion)).toEqual([
      't-interchange',
      't-gba',
      'cluster',
    ]);
  });
});
