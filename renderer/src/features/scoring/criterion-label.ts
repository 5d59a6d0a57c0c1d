/**
 * One name for every criterion wherever it is labelled (ranking, explanation, weights, comparison,
 * move-up, reports): the built-in criteria by the app's translations, the user's own by the name
 * they were given (Chinese, or English when the screen is English and one was given).
 */
import type { TFunction } from 'i18next';
import { localName } from '../../../../geo/local-name.ts';

export interface NamedCriterion {
  id: string;
  name_zh: string;
  name_en: string;
  unit: string;
}

/** Whether a criterion key is one of the user's own (`custom-…`). */
export const isCustomCriterion = (id: string): id is `custom-${string}` => id.startsWith('custom-');

/**
 * The label of a criterion in `language`.
 * @param custom - the project's own criteria by id; a custom id not among them (deleted since) shows as its id
 */
export function criterionLabel(t: TFunction, custom: ReadonlyMap<string, NamedCriterion>, id: string, language: string): string {
  if (!isCustomCriterion(id)) return t(`criteria.${id}`);
  const c = custom.get(id);
  return c ? localName(c, language) : id;
}

/** Units of the built-in criteria, which the translations name (reports.units.*). */
export const BUILT_IN_UNITS: ReadonlySet<string> = new Set(['min', 'persons', 'parks', 'level', 'match']);

/** A unit as shown: a built-in one translated, the user's own as they wrote it. */
export function unitLabel(t: TFunction, unit: string): string {
  return BUILT_IN_UNITS.has(unit) ? t(`reports.units.${unit}`) : unit;
}
