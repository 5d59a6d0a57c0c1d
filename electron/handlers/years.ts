/**
 * What changes between two networks (two scenario years, or the schematic and an imported
 * network): the ranking on each, the rank change of every candidate, and the minutes saved on
 * every cell of the zone grid to a target.
 */
import type { CompareNetworksArgs, CompareNetworksResult, RankingResult } from '../contract/api.ts';
import type { NetworkChoice } from '../network/service.ts';
import type { Context, Handlers } from './context.ts';
import { surfaceDestination, surfaceField } from './network.ts';
import { rankOn } from './scoring.ts';

const choiceOf = (c: CompareNetworksArgs['a']): NetworkChoice => ({ asOf: c.asOf, ...(c.network ? { network: c.network } : {}) });

type Row = CompareNetworksResult['rows'][number];

/** Minutes criteria of a ranked candidate, by id. */
function minutesOf(c: RankingResult['candidates'][number] | undefined): Map<string, number | null> {
  return new Map((c?.criteria ?? []).filter((x) => x.unit === 'min').map((x) => [x.id, x.raw]));
}

function compareNetworks(ctx: Context, args: CompareNetworksArgs): CompareNetworksResult {
  const { a, b, target, cellKm, ...score } = args;
  const [ra, rb] = [a, b].map((side) => rankOn(ctx, { ...score, monteCarloSamples: 0 }, choiceOf(side))) as [RankingResult, RankingResult];
  const inA = new Map(ra.candidates.map((c) => [c.id, c]));
  const inB = new Map(rb.candidates.map((c) => [c.id, c]));
  const ids = [...new Set([...rb.candidates.map((c) => c.id), ...ra.candidates.map((c) => c.id)])];
  const rows: Row[] = ids.map((id) => {
    const ca = inA.get(id);
    const cb = inB.get(id);
    const c = (cb ?? ca) as NonNullable<typeof ca>;
    const ma = minutesOf(ca);
    const mb = minutesOf(cb);
    const minutes: Row['minutes'] = {};
    for (const k of new Set([...ma.keys(), ...mb.keys()]))
      (minutes as Record<string, { a: number | null; b: number | null }>)[k] = { a: ma.get(k) ?? null, b: mb.get(k) ?? null };
    const rankA = ca?.rank ?? null;
    const rankB = cb?.rank ?? null;
    return {
      id,
      name_zh: c.name_zh,
      name_en: c.name_en,
      kind: c.kind,
      a: { rank: rankA, total: ca?.total ?? null },
      b: { rank: rankB, total: cb?.total ?? null },
      change: rankA !== null && rankB !== null ? rankA - rankB : null,
      minutes,
    };
  });
  rows.sort((x, y) => (x.b.rank ?? Infinity) - (y.b.rank ?? Infinity) || (x.a.rank ?? Infinity) - (y.a.rank ?? Infinity));

  // The time-saved map: one surface per side on the zone grid, a − b per cell.
  const raster = ctx.network.population(cellKm);
  const destination = surfaceDestination(ctx, target);
  const field = (side: CompareNetworksArgs['a']) => surfaceField(ctx.network.travel(choiceOf(side)), destination, raster);
  const [fa, fb] = [field(a), field(b)];
  let max = 0;
  let min = 0;
  const saved = Array.from(fa, (ta, c) => {
    const tb = fb[c] as number;
    if (!Number.isFinite(ta) || !Number.isFinite(tb)) return null;
    const d = Math.round((ta - tb) * 10) / 10;
    if (d > max) max = d;
    if (d < min) min = d;
    return d;
  });
  return {
    a: ra.network,
    b: rb.network,
    method: rb.method,
    rows,
    changed: rows.filter((r) => r.a.rank !== r.b.rank).length,
    timeSaved: { target, grid: { ...raster.grid }, minutes: saved, max, min },
  };
}

export const yearHandlers = { compareNetworks } satisfies Handlers<'compareNetworks'>;
