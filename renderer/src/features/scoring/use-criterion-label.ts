/** The criterion labeller of the current language, knowing the project's own criteria (criterion-label.ts). */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomCriteria } from '../../api/queries.ts';
import { criterionLabel, type NamedCriterion } from './criterion-label.ts';

const NONE: NamedCriterion[] = [];

/** `(id) => label` for every criterion, built-in or the user's own. */
export function useCriterionLabel(): (id: string) => string {
  const { t, i18n } = useTranslation();
  const list = useCustomCriteria().data ?? NONE;
  const byId = useMemo(() => new Map(list.map((c) => [c.id as string, c])), [list]);
  return useCallback((id: string) => criterionLabel(t, byId, id, i18n.language), [t, byId, i18n.language]);
}
