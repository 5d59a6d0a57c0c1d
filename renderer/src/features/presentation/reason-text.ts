/** A quick-match reason as a visitor reads it. */
import { formatRaw } from '../scoring/ranking-view.tsx';

/** A reason as a visitor reads it: match levels in words, other criteria as "name: value". */
export function reasonText(
  r: { criterion: string; raw: number | null; unit: string },
  t: (k: string, o?: Record<string, unknown>) => string,
  language: string,
): string {
  if (r.unit === 'match' && r.raw !== null) return t(`present.reasons.${r.criterion}.${r.raw >= 1 ? 'full' : 'partial'}`);
  return `${t(`criteria.${r.criterion}`)}: ${formatRaw(r.raw, r.unit, t, language)}`;
}
