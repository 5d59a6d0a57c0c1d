/**
 * Parks side by side: every criterion with its raw value and unit, a radar chart of normalised
 * scores, each park's rank under the plan's ten industry presets, and what would lift the own
 * park one place. All numbers come from the `compareParks` handler (the same scoring as the
 * ranking screen).
 */
import { YearCompareButton } from '../years/year-compare-button.tsx';
import { RadarChart } from 'echarts/charts';
import { LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../../components/use-echart.ts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkLabelLine } from '../../components/network-label.tsx';
import type { CompareResult } from '../../../../electron/contract/api.ts';
import { formatRaw } from '../scoring/ranking-view.tsx';
import { useCriterionLabel } from '../scoring/use-criterion-label.ts';
import { GapAnalysis } from './gap-analysis.tsx';
import { localName } from '../../../../geo/local-name.ts';

registerEcharts([RadarChart, RadarComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Comparison = CompareResult;
const COLOURS = ['#b3541e', '#2f6b8f', '#2f6b2f', '#7a4f9a', '#a08a1e', '#8f2f4f'];

/** Radar of normalised scores (0…1) on the weighted criteria. */
export function CompareRadar({ result }: { result: Comparison }) {
  const { t, i18n } = useTranslation();
  const label = useCriterionLabel();
  const { el, chart } = useEChart();
  useEffect(() => {
    const criteria = (result.parks[0]?.criteria ?? []).filter((c) => c.weight > 0);
    chart.current?.setOption(
      {
        animation: false,
        color: COLOURS,
        legend: { bottom: 0, textStyle: { fontSize: 13 } },
        tooltip: {},
        radar: {
          radius: '62%',
          indicator: criteria.map((c) => ({ name: label(c.id), max: 1, min: 0 })),
          axisName: { fontSize: 12, color: '#3b3530' },
        },
        series: [
          {
            type: 'radar',
            data: result.parks.map((p) => ({
              name: localName(p, i18n.language),
              value: criteria.map((c) => p.criteria.find((x) => x.id === c.id)?.score ?? 0),
              areaStyle: { opacity: 0.08 },
              lineStyle: { width: 2 },
            })),
          },
        ],
      },
      true,
    );
  }, [chart, result, label, i18n.language]);
  return (
    <figure className="chart" aria-label={t('compare.radarCaption')} data-testid="compare-radar">
      <div ref={el} style={{ width: '100%', height: '420px' }} />
      <figcaption className="muted small">{t('compare.radarCaption')}</figcaption>
    </figure>
  );
}

/** "What would move us up", one sentence per criterion that can do it alone. */
export function MoveUp({ result }: { result: Comparison }) {
  const { t, i18n } = useTranslation();
  const label = useCriterionLabel();
  const en = i18n.language === 'en';
  const m = result.moveUp;
  if (!m) return null;
  const own = result.parks.find((p) => p.id === m.id);
  const ownName = own ? localName(own, i18n.language) : m.id;
  if (m.rank === null)
    return (
      <p className="muted" data-testid="move-up">
        {t('compare.moveUpExcluded', { name: ownName })}
      </p>
    );
  if (!m.above) return <p data-testid="move-up">{t('compare.moveUpFirst', { name: ownName })}</p>;
  const amount = (s: (typeof m.steps)[number]) => {
    const d = Math.abs(s.change);
    if (s.unit === 'min') return t('compare.lessMinutes', { n: Math.round(d) });
    if (s.unit === 'persons') return t('compare.morePeople', { n: d.toLocaleString(en ? 'en' : 'zh') });
    if (s.unit === 'parks') return t('compare.moreParks', { n: d });
    if (s.unit === 'level') return t('compare.higherLevel', { to: t(`scoring.levelValue.${s.to}`) });
    if (s.unit === 'match') return t('compare.moreMatch', { from: s.from.toFixed(1), to: s.to.toFixed(1) });
    // The user's own criteria, in their own unit.
    return t(s.change < 0 ? 'compare.lessOwn' : 'compare.moreOwn', { n: formatRaw(d, s.unit, t, i18n.language) });
  };
  return (
    <section className="move-up" data-testid="move-up" aria-labelledby="move-up-title">
      <h3 id="move-up-title">{t('compare.moveUpTitle', { name: ownName, rank: m.rank, above: localName(m.above, i18n.language) })}</h3>
      {m.steps.length === 0 ? (
        <p className="muted">{t('compare.noSingleStep')}</p>
      ) : (
        <ul>
          {m.steps.map((s) => (
            <li key={s.criterion} data-criterion={s.criterion}>
              <strong>{label(s.criterion)}</strong>: {amount(s)}{' '}
              <span className="muted small">
                ({formatRaw(s.from, s.unit, t, i18n.language)} → {formatRaw(s.to, s.unit, t, i18n.language)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {m.notEnough.length > 0 && (
        <p className="muted small">{t('compare.notEnough', { list: m.notEnough.map(label).join(t('app.listSeparator')) })}</p>
      )}
      {m.unknown.length > 0 && (
        <p className="muted small">{t('compare.unknown', { list: m.unknown.map(label).join(t('app.listSeparator')) })}</p>
      )}
      {m.notSearched.length > 0 && (
        <p className="muted small" data-testid="move-up-not-searched">
          {t('compare.notSearched', { list: m.notSearched.map(label).join(t('app.listSeparator')) })}
        </p>
      )}
      <NetworkLabelLine label={result.network} testId="move-up-network" />
    </section>
  );
}

/** Criteria × parks with raw values and normalised scores; ranks under the ten presets. */
export function CompareTables({ result }: { result: Comparison }) {
  const { t, i18n } = useTranslation();
  const label = useCriterionLabel();
  const name = (p: { name_zh: string; name_en: string }) => localName(p, i18n.language);
  const rows = result.parks[0]?.criteria ?? [];
  return (
    <>
      <table className="criteria-table compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">{t('scoring.criterion')}</th>
            {result.parks.map((p) => (
              <th key={p.id} scope="col" data-park={p.id}>
                {name(p)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="total-row">
            <th scope="row">{t('compare.rankOf', { n: result.of })}</th>
            {result.parks.map((p) => (
              <td key={p.id} className="num" data-rank={p.rank ?? ''}>
                {p.rank ?? t('scoring.excluded')}
              </td>
            ))}
          </tr>
          <tr className="total-row">
            <th scope="row">{t('scoring.total')}</th>
            {result.parks.map((p) => (
              <td key={p.id} className="num">
                {p.total === null ? '—' : p.total.toFixed(1)}
              </td>
            ))}
          </tr>
          {rows.map((c, j) => (
            <tr key={c.id} data-criterion={c.id}>
              <th scope="row">
                {label(c.id)} <span className="muted small">{c.weight.toFixed(0)}%</span>
              </th>
              {result.parks.map((p) => {
                const x = p.criteria[j];
                return (
                  <td key={p.id} className="num">
                    {formatRaw(x?.raw ?? null, c.unit, t, i18n.language, x?.approximate === true)}{' '}
                    <span className="muted small">{(x?.score ?? 0).toFixed(2)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('compare.presetsTitle')}</h3>
      <table className="criteria-table heat-table" data-testid="preset-ranks">
        <thead>
          <tr>
            <th scope="col">{t('compare.preset')}</th>
            {result.parks.map((p) => (
              <th key={p.id} scope="col">
                {name(p)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.presets.map((pr) => (
            <tr key={pr.id} data-preset={pr.id}>
              <th scope="row">{localName(pr, i18n.language)}</th>
              {result.parks.map((p) => {
                const r = pr.ranks[p.id] ?? null;
                // Darker green for a better place among all ranked candidates.
                const share = r === null ? 0 : 1 - (r - 1) / Math.max(1, result.of - 1);
                return (
                  <td
                    key={p.id}
                    className="num heat"
                    style={{
                      background: r === null ? '#eeeeee' : `rgba(47, 107, 47, ${(0.1 + 0.75 * share).toFixed(2)})`,
                      color: share > 0.55 ? '#ffffff' : '#222222',
                    }}
                  >
                    {r ?? '—'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ComparisonView({
  result,
  own,
  onOwn,
  onBack,
}: {
  result: Comparison | null;
  own: string | null;
  onOwn(id: string): void;
  onBack(): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="comparison" data-testid="comparison">
      <div className="comparison-head">
        <button type="button" onClick={onBack} data-testid="compare-back">
          {t('compare.back')}
        </button>
        <YearCompareButton testId="comparison-year-compare" />
        {result && (
          <label className="field inline">
            <span>{t('compare.own')}</span>
            <select value={own ?? result.parks[0]?.id ?? ''} onChange={(e) => onOwn(e.currentTarget.value)} data-testid="compare-own">
              {result.parks.map((p) => (
                <option key={p.id} value={p.id}>
                  {localName(p, i18n.language)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!result ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <p className="method-used muted small" data-testid="compare-method">
            {t('mcda.methodUsed', { method: t(`scoring.methods.${result.method}`) })}
          </p>
          <NetworkLabelLine label={result.network} testId="compare-network" />
          <MoveUp result={result} />
          {result.moveUp && <GapAnalysis park={result.moveUp.id} />}
          <CompareRadar result={result} />
          <CompareTables result={result} />
        </>
      )}
    </div>
  );
}
