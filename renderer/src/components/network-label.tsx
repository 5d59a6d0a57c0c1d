/**
 * The network a figure comes from, named beside every travel time, ranking and report (issue 16):
 * its name in the reader's language, the data's as-of date and the scenario year.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { NetworkLabel } from '../../../electron/contract/api.ts';
import { localName } from '../../../geo/local-name.ts';

/** One line of text: "路网：示意路网（高速公路与铁路）· 数据截至 2024-06 · 情景年份 2030". */
export function networkLabelText(label: NetworkLabel, t: TFunction, language: string): string {
  const parts = [t('networkLabel.name', { name: localName(label, language) })];
  parts.push(label.asOf ? t('networkLabel.asOf', { date: label.asOf }) : t('networkLabel.asOfUnknown'));
  parts.push(label.year === null ? t('networkLabel.yearNow') : t('networkLabel.year', { year: label.year }));
  return parts.join(' · ');
}

/** The label as a small line of text; `testId` lets tests find the one beside a given figure. */
export function NetworkLabelLine({ label, testId }: { label: NetworkLabel | null | undefined; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!label) return null;
  return (
    <p className="network-label" data-testid={testId ?? 'network-label'} data-network-kind={label.kind}>
      {networkLabelText(label, t, i18n.language)}
    </p>
  );
}
