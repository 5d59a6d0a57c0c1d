/**
 * The stamp a printed page carries (the PDF report, the brochure): the short hash of its inputs,
 * the app and method versions, the network and the data with their as-of dates, and how to verify
 * it. The seal (the scenario, the stamp and the numbers the page shows) goes with the PDF the
 * desktop edition saves; the browser edition offers it as a .json file beside its print dialog.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkLabel, ReportSeal, Stamp, StampArgs } from '../../../../electron/contract/api.ts';
import { localName } from '../../../../geo/local-name.ts';
import { useStampOf } from '../../api/queries.ts';

/** The hash as printed: 3f9a·12c4·be07 (electron/reports/stamp.ts prints it the same way). */
export const groupedHash = (hash: string) => hash.match(/.{1,4}/g)?.join('·') ?? hash;

/**
 * Today's stamp for a page's choices, and its seal with the numbers it shows. Fetched afresh each
 * time a page opens (no cache), since any change to the project's data changes it.
 */
export function useReportSeal(
  subject: StampArgs | null,
  ledger: Record<string, number | null> | null,
): { stamp: Stamp | undefined; seal: ReportSeal | null } {
  const q = useStampOf(subject);
  const seal = useMemo(
    (): ReportSeal | null => (q.data && subject && ledger ? { format: 'siteselect-report/1', subject, stamp: q.data, ledger } : null),
    [q.data, subject, ledger],
  );
  return { stamp: q.data, seal };
}

/**
 * The stamp's lines. `network` is the label of the network the page's figures come from: when it
 * is the stamped one, the stamp names it (file name and all), not just its kind.
 */
export function StampLine({ stamp, network }: { stamp: Stamp | undefined; network?: NetworkLabel | null }) {
  const { t, i18n } = useTranslation();
  if (!stamp) return null;
  const dated = stamp.data.map((d) => d.as_of).filter((d): d is string => d !== null);
  const latest = dated.length > 0 ? dated.reduce((a, b) => (b > a ? b : a)) : null;
  return (
    <footer className="report-stamp small" data-testid="report-stamp" data-hash={stamp.hash}>
      <p>
        {t('verify.stamp', {
          hash: groupedHash(stamp.hash),
          app: `${stamp.appName} ${stamp.appVersion}`,
          methods: Object.values(stamp.methodVersions).join(', '),
          network: network && network.kind === stamp.network.kind ? localName(network, i18n.language) : stamp.network.kind,
          asOf: stamp.network.as_of ?? t('verify.unknownDate'),
        })}
      </p>
      <p>{t('verify.dataAsOf', { count: stamp.data.length, date: latest ?? t('verify.unknownDate') })}</p>
      <p className="muted">{t('verify.howTo')}</p>
    </footer>
  );
}
