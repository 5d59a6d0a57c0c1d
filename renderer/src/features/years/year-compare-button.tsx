/** Opens the two-network comparison (from the ranking and the park comparison). */
import { useTranslation } from 'react-i18next';
import { openYearCompare } from './use-year-compare.ts';

export function YearCompareButton({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" onClick={() => openYearCompare()} data-testid={testId}>
      {t('years.compareOpen')}
    </button>
  );
}
