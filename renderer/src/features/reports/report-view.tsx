/**
 * The printable report (PDF): map snapshot, ranking, the method with its parameters and value
 * functions, the method-agreement verdict, the leader's explanation, sensitivity chart, the
 * comparison when parks were compared, the user's own criteria with their sources, the
 * assumptions and the data sources with their as-of dates, in the current language. Its numbers
 * are the results already on screen (scoreSites, compareParks); the one call it makes is the
 * method agreement on the inputs that ranking was computed from. Electron saves it with
 * printToPDF, the browser edition prints it through the print stylesheet (everything else is
 * hidden on paper).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AgreementResult,
  AppInfo,
  CompareResult,
  LayerSummary,
  RankingResult,
  ScenarioPayload,
  StampArgs,
} from '../../../../electron/contract/api.ts';
import { reportLedger } from '../../../../geo/scoring/ledger.ts';
import { localName, localText } from '../../../../geo/local-name.ts';
import { useMethodAgreement } from '../../api/mutations.ts';
import { useCustomCriteria, useLayerFeatures, useNetworkInfo } from '../../api/queries.ts';
import { CompareRadar, CompareTables, MoveUp } from '../compare/comparison-view.tsx';
import { ApproximateTag, ExplanationTable, formatRaw } from '../scoring/ranking-view.tsx';
import { agreementArgs, type RankInputs } from '../scoring/scoring-state.ts';
import { StabilityChart, stabilityBars } from '../scoring/stability-chart.tsx';
import { useCriterionLabel } from '../scoring/use-criterion-label.ts';
import { methodSummary } from './method-summary.ts';
import { PrintBar } from './print-bar.tsx';
import { RegistryList } from '../about/registry-list.tsx';
import { StampLine, useReportSeal } from './report-stamp.tsx';
import { NetworkLabelLine } from '../../components/network-label.tsx';
import { criterionOrigin } from '../scoring/criterion-origin.ts';

/** The verdict of every method on the inputs the ranking used; null while asked or when there is none. */
function useReportAgreement(inputs: RankInputs | null): { agreement: AgreementResult | null; failed: string | null } {
  const ask = useMethodAgreement();
  const [agreement, setAgreement] = useState<AgreementResult | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (!inputs) return;
    let live = true;
    ask(agreementArgs(inputs)).then(
      (a) => live && setAgreement(a),
      (e: unknown) => live && setFailed((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [ask, inputs]);
  return { agreement, failed };
}

const TOP = 15;
type ParkSource = { id: string; source: string; as_of: string; precision: string };

export function ReportView({
  info,
  layers,
  ranking,
  comparison,
  rankedInputs,
  mapImage,
  title,
  payload,
  monteCarloSamples,
  onClose,
}: {
  info: AppInfo;
  layers: LayerSummary[];
  ranking: RankingResult;
  comparison: CompareResult | null;
  /** What the ranking was computed from (the method agreement runs on the same). */
  rankedInputs: RankInputs | null;
  mapImage: string | null;
  title: string;
  /** What the ranking was computed from (the stamp hashes it; the PDF carries it). */
  payload: ScenarioPayload | null;
  /** The Monte-Carlo samples the ranking was computed with. */
  monteCarloSamples: number;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const label = useCriterionLabel();
  const { agreement, failed } = useReportAgreement(rankedInputs);
  const custom = (useCustomCriteria().data ?? []).filter((c) => (ranking.weights[c.id] ?? 0) > 0);
  const summary = methodSummary(t, label, ranking, rankedInputs);
  const en = i18n.language === 'en';
  const name = (c: { name_zh: string; name_en: string }) => localName(c, i18n.language);
  const assumptions = useNetworkInfo().data?.assumptions as Record<string, number> | undefined;
  const parks = useLayerFeatures('parks').data;
  const sources = useMemo(
    (): ParkSource[] =>
      (parks?.features ?? []).map((f) => ({
        id: String(f.properties['id']),
        source: String(f.properties['source'] ?? ''),
        as_of: String(f.properties['as_of'] ?? ''),
        precision: String(f.properties['precision'] ?? ''),
      })),
    [parks],
  );
  const top = ranking.candidates.filter((c) => c.rank !== null).slice(0, TOP);
  const leader = top[0];
  const stability = ranking.sensitivity?.stability;
  const bars = useMemo(
    () =>
      stability
        ? stabilityBars(stability, (id) =>
            localName(ranking.candidates.find((x) => x.id === id) ?? { name_zh: id, name_en: id }, i18n.language),
          )
        : [],
    [stability, ranking, i18n.language],
  );
  const sourceOf = new Map(sources.map((s) => [s.id, s]));
  const subject = useMemo(
    (): StampArgs | null =>
      payload ? { kind: 'pdf-report', report: { payload, language: en ? 'en' : 'zh', labels: {} }, monteCarloSamples } : null,
    [payload, en, monteCarloSamples],
  );
  const ledger = useMemo(() => reportLedger(ranking, comparison), [ranking, comparison]);
  const { stamp, seal } = useReportSeal(subject, ledger);
  return (
    <div className="report" role="dialog" aria-modal="true" aria-labelledby="report-title" data-testid="report">
      <PrintBar fileName={title} onClose={onClose} testId="report" seal={seal} />
      <article className="report-page">
        <header>
          <h1 id="report-title">{title}</h1>
          <p className="muted">
            {t('app.title')} · {t('reports.generated', { date: new Date().toLocaleDateString(en ? 'en-GB' : 'zh-CN') })} ·{' '}
            {t(`scoring.methods.${ranking.method}`)}
          </p>
          <NetworkLabelLine label={ranking.network} testId="report-network" />
        </header>
        {mapImage && (
          <figure className="report-map">
            <img src={mapImage} alt={t('reports.mapAlt')} />
            <figcaption className="muted small">{t('reports.mapCaption')}</figcaption>
          </figure>
        )}
        <section>
          <h2>{t('reports.ranking', { n: top.length })}</h2>
          <table className="criteria-table" data-testid="report-ranking">
            <thead>
              <tr>
                <th scope="col">{t('scoring.rank')}</th>
                <th scope="col">{t('scoring.site')}</th>
                <th scope="col">{t('scoring.total')}</th>
                <th scope="col">{t('criteria.t-interchange')}</th>
                <th scope="col">{t('criteria.t-gba')}</th>
                <th scope="col">{t('criteria.labour')}</th>
              </tr>
            </thead>
            <tbody>
              {top.map((c) => (
                <tr key={c.id}>
                  <td className="num">{c.rank}</td>
                  <td>
                    {name(c)} <ApproximateTag candidate={c} />
                  </td>
                  <td className="num">{c.total?.toFixed(1)}</td>
                  {(['t-interchange', 't-gba', 'labour'] as const).map((id) => {
                    const x = c.criteria.find((y) => y.id === id);
                    return (
                      <td key={id} className="num">
                        {formatRaw(x?.raw ?? null, x?.unit ?? '', t, i18n.language, x?.approximate === true)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {top.some((c) => c.approximate) && <p className="note small">{t('scoring.approxNote')}</p>}
        </section>
        <section data-testid="report-method">
          <h2>{t('mcda.report.methodTitle')}</h2>
          <dl className="report-assumptions">
            {summary.map((l) => (
              <div key={l.label}>
                <dt>{l.label}</dt>
                <dd>{l.value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section data-testid="report-agreement">
          <h2>{t('mcda.report.agreementTitle')}</h2>
          {agreement ? (
            <>
              <p className="verdict" data-testid="report-verdict">
                {localText(agreement.verdict, 'text', i18n.language)}
              </p>
              <table className="criteria-table small">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.columns.method')}</th>
                    {[1, 2, 3].map((k) => (
                      <th key={k} scope="col">
                        {t('mcda.report.place', { k })}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[
                    ...agreement.methods.map((m) => ({ key: m.method, label: t(`scoring.methods.${m.method}`), ids: m.ranking })),
                    { key: 'borda', label: t('reports.columns.borda'), ids: agreement.borda },
                    { key: 'copeland', label: t('reports.columns.copeland'), ids: agreement.copeland },
                  ].map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{row.label}</th>
                      {row.ids.slice(0, 3).map((id) => {
                        const c = ranking.candidates.find((x) => x.id === id);
                        return <td key={id}>{c ? name(c) : id}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p className="muted">{failed ? t('mcda.report.noAgreement', { message: failed }) : t('app.loading')}</p>
          )}
        </section>
        {leader && (
          <section>
            <h2>{t('scoring.why', { name: name(leader) })}</h2>
            <ExplanationTable candidate={leader} method={ranking.method} weightedOnly />
          </section>
        )}
        {stability && (
          <section className="report-chart">
            <h2>{t('reports.sensitivity')}</h2>
            <StabilityChart bars={bars} samples={stability.samples} />
          </section>
        )}
        {comparison && (
          <section className="report-compare">
            <h2>{t('compare.title')}</h2>
            <MoveUp result={comparison} />
            <CompareRadar result={comparison} />
            <CompareTables result={comparison} />
          </section>
        )}
        {custom.length > 0 && (
          <section data-testid="report-custom">
            <h2>{t('mcda.report.customTitle')}</h2>
            <table className="criteria-table small sources-table">
              <thead>
                <tr>
                  <th scope="col">{t('scoring.criterion')}</th>
                  <th scope="col">{t('mcda.custom.unit')}</th>
                  <th scope="col">{t('mcda.custom.direction')}</th>
                  <th scope="col">{t('scoring.weight')}</th>
                  <th scope="col">{t('reports.columns.source')}</th>
                  <th scope="col">{t('reports.columns.asOf')}</th>
                </tr>
              </thead>
              <tbody>
                {custom.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {name(c)}
                      <span className="block muted">{criterionOrigin(c, t)}</span>
                    </td>
                    <td>{c.unit}</td>
                    <td>{t(`mcda.vf.${c.type}`)}</td>
                    <td className="num">{(ranking.weights[c.id] ?? 0).toFixed(1)}%</td>
                    <td className="source-cell">{c.source}</td>
                    <td>{c.as_of ?? t('info.unknown')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <section>
          <h2>{t('access.assumptions')}</h2>
          <dl className="report-assumptions">
            {assumptions &&
              Object.entries(assumptions).map(([k, v]) => (
                <div key={k}>
                  <dt>{t(`assumptions.${k}`)}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
          </dl>
          <p className="muted small">{t('assumptions.note')}</p>
        </section>
        <section data-testid="report-sources">
          <h2>{t('reports.sources')}</h2>
          <ul className="small">
            {info.reference.sources.map((s) => (
              <li key={s.id}>
                {localName(s, i18n.language)}: {localText(s, 'origin', i18n.language)} ({s.as_of ?? localText(s, 'vintage', i18n.language)})
              </li>
            ))}
            <li>
              {t('reports.layersLine', {
                list: layers
                  .filter((l) => l.kind !== 'user')
                  .map((l) => `${localName(l, i18n.language)} ${l.featureCount}`)
                  .join(' · '),
              })}
            </li>
          </ul>
          <RegistryList registry={info.reference.registry} headingId="report-registry-title" />
          <table className="criteria-table small sources-table">
            <thead>
              <tr>
                <th scope="col">{t('scoring.site')}</th>
                <th scope="col">{t('reports.columns.source')}</th>
                <th scope="col">{t('reports.columns.asOf')}</th>
                <th scope="col">{t('reports.columns.precision')}</th>
              </tr>
            </thead>
            <tbody>
              {top
                .filter((c) => c.kind === 'park')
                .map((c) => {
                  const s = sourceOf.get(c.id);
                  return (
                    <tr key={c.id}>
                      <td>{name(c)}</td>
                      <td className="source-cell">{s?.source ?? t('info.unknown')}</td>
                      <td>{s?.as_of ?? t('info.unknown')}</td>
                      <td>{s ? t(`values.precision.${s.precision}`, { defaultValue: s.precision }) : ''}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </section>
        <StampLine stamp={stamp} network={ranking.network} />
      </article>
    </div>
  );
}
