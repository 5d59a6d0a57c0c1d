/**
 * The numbers a printed report shows, flattened to `key → value`, so a report can carry them and
 * `siteselect verify` can recompute and compare them one by one. Keys name what a number is
 * (`rank/<candidate>`, `raw/<candidate>/<criterion>`, …); values keep 9 significant digits, more
 * than any report prints, so a difference in the printed digits is never hidden.
 *
 * The version of the methods behind each number is in {@link METHOD_VERSIONS}; reports print it.
 */
import { SMAA_VERSION } from '../mcda/smaa.ts';

/**
 * A version per method, printed on every report: bump one when its numbers would change for the
 * same inputs, so `siteselect verify` can say "the method changed" rather than "the data changed".
 */
export const METHOD_VERSIONS = {
  wsm: 'wsm/1',
  ahp: 'ahp/1',
  topsis: 'topsis/1',
  owa: 'owa/1',
  promethee: 'promethee/1',
  vikor: 'vikor/1',
  electre: 'electre/1',
  'value-functions': 'value-functions/1',
  'monte-carlo': 'monte-carlo/1',
  'move-up': 'move-up/1',
  smaa: SMAA_VERSION,
  gap: 'gap/1',
} as const;

/** What the ledger reads of a ranking (the API's RankingResult has these fields). */
export interface LedgerRanking {
  candidates: readonly {
    id: string;
    rank: number | null;
    total: number | null;
    criteria: readonly { id: string; raw: number | null; score: number; weight: number; contribution: number | null }[];
  }[];
  sensitivity?: { stability: { ids: readonly string[]; first: readonly number[]; top3: readonly number[] } | null } | null;
}

/** What the ledger reads of a comparison (the API's CompareResult). */
export interface LedgerComparison {
  of: number;
  parks: LedgerRanking['candidates'];
  presets: readonly { id: string; ranks: Readonly<Record<string, number | null>> }[];
  moveUp: { steps: readonly { criterion: string; from: number; to: number }[] } | null;
}

const keep = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(9)) : null;

/**
 * The printed report's numbers: for the first `top` ranked candidates their rank, total and raw
 * values; the leader's score, weight and contribution per criterion; the Monte-Carlo shares; and,
 * with a comparison, each compared park's rank, total and raw values, its rank under each preset
 * and the "move up" steps.
 */
export function reportLedger(ranking: LedgerRanking, comparison: LedgerComparison | null, top = 15): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const ranked = ranking.candidates.filter((c) => c.rank !== null).slice(0, top);
  for (const c of ranked) {
    out[`rank/${c.id}`] = c.rank;
    out[`total/${c.id}`] = keep(c.total);
    for (const x of c.criteria) out[`raw/${c.id}/${x.id}`] = keep(x.raw);
  }
  const leader = ranked[0];
  if (leader)
    for (const x of leader.criteria) {
      out[`weight/${x.id}`] = keep(x.weight);
      out[`score/${leader.id}/${x.id}`] = keep(x.score);
      out[`contribution/${leader.id}/${x.id}`] = keep(x.contribution);
    }
  const s = ranking.sensitivity?.stability;
  if (s)
    s.ids.forEach((id, i) => {
      out[`first/${id}`] = keep(s.first[i]);
      out[`top3/${id}`] = keep(s.top3[i]);
    });
  if (comparison) {
    out['compare/of'] = comparison.of;
    for (const p of comparison.parks) {
      out[`compare/rank/${p.id}`] = p.rank;
      out[`compare/total/${p.id}`] = keep(p.total);
      for (const x of p.criteria) out[`compare/raw/${p.id}/${x.id}`] = keep(x.raw);
    }
    for (const pr of comparison.presets) for (const [id, r] of Object.entries(pr.ranks)) out[`preset/${pr.id}/${id}`] = r;
    for (const step of comparison.moveUp?.steps ?? []) out[`move-up/${step.criterion}`] = keep(step.to);
  }
  return out;
}

/** What the brochure ledger reads of a travel-times answer (the API's TravelTimesResult). */
export interface LedgerTimes {
  facilities: Readonly<Record<string, { minutes: number } | null | undefined>>;
  markets: Readonly<Record<string, { minutes: number } | null | undefined>>;
}

/**
 * The brochure's numbers: each park's rank under the visitor's profile and its minutes to
 * Guangzhou, Shenzhen and the nearest airport (null where a time is unknown).
 *
 * @param times - one answer per park, in `parks` order (null when none could be computed)
 */
export function brochureLedger(
  ranking: LedgerRanking,
  parks: readonly string[],
  times: readonly (LedgerTimes | null)[],
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  parks.forEach((id, i) => {
    out[`rank/${id}`] = ranking.candidates.find((c) => c.id === id)?.rank ?? null;
    const t = times[i];
    out[`guangzhou/${id}`] = keep(t?.markets['guangzhou']?.minutes);
    out[`shenzhen/${id}`] = keep(t?.markets['shenzhen']?.minutes);
    out[`airport/${id}`] = keep(t?.facilities['airport']?.minutes);
  });
  return out;
}
