/**
 * The span of the year slider: from the year before the network's first opening (the network
 * before anything in its data opened) to a few years after its last one, or the chosen year when
 * it lies outside.
 */
import { YEAR_RANGE } from '../../../../geo/network/years.ts';

/** Years after the last opening the slider still reaches (the example compares 2025 with 2030). */
const AFTER_LAST = 5;

export function sliderRange(years: readonly number[], chosen: number | null): { min: number; max: number } {
  const all = chosen === null ? [...years] : [...years, chosen];
  if (all.length === 0) return { min: YEAR_RANGE.min, max: YEAR_RANGE.min };
  const min = Math.max(YEAR_RANGE.min, Math.min(...years, chosen ?? Infinity) - (years.length ? 1 : 0));
  const max = Math.min(YEAR_RANGE.max, Math.max(...all) + (years.length ? AFTER_LAST : 0));
  return { min, max };
}

/** Whether `a` and `b` name the same network in the same year (the ranking is stale otherwise). */
export function sameNetwork(
  a: { kind: string; year: number | null } | undefined,
  b: { kind: string; year: number | null } | undefined,
): boolean {
  return a?.kind === b?.kind && a?.year === b?.year;
}
