/**
 * The span of the year slider: from the year before the network's first opening (the network
 * before anything in its data opened) to a few years after its last one, or the chosen year when
 * it lies outside.
 */
import { YEAR_RANGE } from '../../../../geo/network/years.ts';

/** Years after the last opening the slider still reaches (the example compares 2025 with 2030). */
const AFTER_LAST = 5;

export function sliderRange(years: readonly number[], chosen: number | null): { min: number; max: number } {
  if (years.length === 0) return chosen === null ? { min: YEAR_RANGE.min, max: YEAR_RANGE.min } : { min: chosen, max: chosen };
  const min = Math.max(YEAR_RANGE.min, Math.min(Math.min(...years) - 1, chosen ?? Infinity));
  const max = Math.min(YEAR_RANGE.max, Math.max(Math.max(...years) + AFTER_LAST, chosen ?? -Infinity));
  return { min, max };
}

/** Whether `a` and `b` name the same network in the same year (the ranking is stale otherwise). */
export function sameNetwork(
  a: { kind: string; year: number | null } | undefined,
  b: { kind: string; year: number | null } | undefined,
): boolean {
  return a?.kind === b?.kind && a?.year === b?.year;
}
