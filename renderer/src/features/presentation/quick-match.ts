/**
 * Visitor quick-match: a visitor taps an industry (and, optionally, export markets); the plan's
 * preset profile for that industry is ranked by the same `scoreSites` as the scoring screen, and
 * the top three parks come with the two or three criteria that contribute most to their score.
 */
import type { Profile, RankingResult } from '../../../../electron/contract/api.ts';

export const MARKETS = ['gba', 'changsha', 'asean', 'europe'] as const;
export type Market = (typeof MARKETS)[number];

/** The preset profile with the markets the visitor chose raised to the highest importance (5). */
export function visitorProfile(preset: Profile, markets: readonly Market[]): Profile {
  const next = structuredClone(preset);
  for (const m of markets) next.markets[m] = 5;
  if (markets.length > 0) next.exportOriented = next.exportOriented || markets.some((m) => m !== 'changsha');
  return next;
}

export interface Reason {
  criterion: string;
  raw: number | null;
  unit: string;
  contribution: number;
}

/** The criteria that add most to a candidate's score (known values only), largest first. */
export function reasonsFor(candidate: RankingResult['candidates'][number], n = 3): Reason[] {
  return candidate.criteria
    .filter((c) => c.raw !== null && (c.contribution ?? 0) > 0)
    .sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0))
    .slice(0, n)
    .map((c) => ({ criterion: c.id, raw: c.raw, unit: c.unit, contribution: c.contribution ?? 0 }));
}

/** The first three ranked parks (own sites and excluded candidates left out). */
export function topParks(result: RankingResult, n = 3): RankingResult['candidates'] {
  return result.candidates.filter((c) => c.rank !== null && c.kind === 'park').slice(0, n);
}
