/**
 * The printable side-by-side report of a two-network comparison: one park's rank, total and
 * travel times on each network, each column headed by the network it comes from (its name, the
 * data's as-of date and the scenario year), then the map of the time saved and the rank-change
 * table. Printed like the other reports: the `.report` page, the print bar, the print stylesheet.
 */
import { useTranslation } from 'react-i18next';
import type { CompareNetworksResult } from '../../../../electron/contract/api.ts';
import { localName } from '../../../../geo/local-name.ts';
import { NetworkLabelLine, networkLabelText } from '../../components/network-label.tsx';
import { PrintBar } from '../reports/print-bar.tsx';
import { useCriterionLabel } from '../scoring/use-criterion-label.ts';
import { TimeSavedLegend } from './time-saved-legend.tsx';
import { changeText, minutesText, RankChangeTable } from './year-compare-panel.tsx';

export function YearCompareReport({
  result,
  park,
  mapImage,
  onClose,
}: {
  result: CompareNetworksResult;
  park: string;
  mapImage: string | null;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const label = useCriterionLabel();
  const row = result.rows.find((r) => r.id === park);
  const title = t('years.report.title');
  const credits = [result.a.attribution, result.b.attribution].filter((c, i, all): c is string => c !== null && all.indexOf(c) === i);
  return (
    <div className="report" role="dialog" aria-modal="true" aria-labelledby="year-report-title" data-testid="year-report">
      <PrintBar fileName={title} onClose={onClose} testId="year-report" />
      <article className="report-page">
        <h1 id="year-report-title">{title}</h1>
        <p className="muted">
          {t('years.report.subtitle', {
            method: t(`scoring.methods.${result.method}`),
            date: new Date().toLocaleDateString(i18n.language === 'en' ? 'en' : 'zh-CN'),
          })}
        </p>
        {row && (
          <section data-testid="year-report-park">
            <h2>{localName(row, i18n.language)}</h2>
            <table className="side-by-side">
              <thead>
                <tr>
                  <th scope="col">{t('years.report.figure')}</th>
                  <th scope="col">
                    {t('years.compare.side_a')}
                    <NetworkLabelLine label={result.a} testId="year-report-label-a" />
                  </th>
                  <th scope="col">
                    {t('years.compare.side_b')}
                    <NetworkLabelLine label={result.b} testId="year-report-label-b" />
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('years.report.rank')}</th>
                  <td>{row.a.rank ?? t('years.compare.unranked')}</td>
                  <td>
                    {row.b.rank ?? t('years.compare.unranked')} ({changeText(row.change)})
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t('years.report.total')}</th>
                  <td>{row.a.total === null ? '—' : row.a.total.toFixed(3)}</td>
                  <td>{row.b.total === null ? '—' : row.b.total.toFixed(3)}</td>
                </tr>
                {Object.entries(row.minutes).map(([c, m]) => (
                  <tr key={c} data-testid="year-report-minutes">
                    <th scope="row">{t('years.report.minutes', { criterion: label(c) })}</th>
                    {/* Every figure carries its network, so a copied cell is never read against the other one. */}
                    <td title={networkLabelText(result.a, t, i18n.language)}>{minutesText(m.a)}</td>
                    <td title={networkLabelText(result.b, t, i18n.language)}>{minutesText(m.b)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">{t('years.report.nullNote')}</p>
          </section>
        )}
        <section>
          <h2>{t('years.report.mapHeading')}</h2>
          {mapImage && (
            <figure className="report-map">
              <img src={mapImage} alt={t('years.report.mapAlt')} />
            </figure>
          )}
          <TimeSavedLegend result={result} />
        </section>
        <section>
          <h2>{t('years.report.tableHeading', { changed: result.changed, count: result.rows.length })}</h2>
          <RankChangeTable result={result} rows={result.rows} testId="year-report-table" />
        </section>
        {credits.length > 0 && (
          <p className="small" data-testid="year-report-credit">
            {credits.join(' · ')}
          </p>
        )}
      </article>
    </div>
  );
}
