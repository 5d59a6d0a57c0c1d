/**
 * What changes between two networks (compareNetworks): two years of the active network (default
 * 2025 against 2030) or the schematic network against the imported extract, ranked on the inputs
 * of the ranking on screen (or the first preset). A rank-change table with the minutes of every
 * travel-time criterion on each side, the time saved drawn on the map with its legend, and a
 * printable side-by-side report of one park. Each side names its network.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArgsOf, CompareNetworksResult } from '../../../../electron/contract/api.ts';
import { localName } from '../../../../geo/local-name.ts';
import { YEAR_RANGE } from '../../../../geo/network/years.ts';
import { useCompareNetworks } from '../../api/mutations.ts';
import { useNetworkInfo, useRoadNetwork } from '../../api/queries.ts';
import { CardHeader } from '../../components/card-header.tsx';
import { NetworkLabelLine } from '../../components/network-label.tsx';
import { rankArgs, selectRankInputs } from '../scoring/scoring-state.ts';
import type { Scoring } from '../scoring/use-scoring.ts';
import { useCriterionLabel } from '../scoring/use-criterion-label.ts';
import { useTimeSavedLayer } from './time-saved-layer.ts';
import { TimeSavedLegend } from './time-saved-legend.tsx';
import { closeYearCompare, DEFAULT_PAIR, NETWORKS_PAIR, type Side, type YearCompareRequest } from './use-year-compare.ts';
import { sliderRange } from './year-range.ts';

type Row = CompareNetworksResult['rows'][number];

/** The compareNetworks arguments for the inputs on screen (or the first preset's profile). */
function compareArgs(scoring: Scoring, pair: YearCompareRequest): ArgsOf<'compareNetworks'> | null {
  const inputs = scoring.state.rankedInputs ?? selectRankInputs(scoring.state);
  if (inputs) {
    const { monteCarloSamples: _samples, asOf: _asOf, ...rest } = rankArgs(inputs);
    return { ...rest, ...pair };
  }
  const preset = scoring.presets[0];
  return preset ? { profile: preset.profile, ...pair } : null;
}

export const minutesText = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1));

/** "+3" (up three places), "−2", "0", or "—" when unranked on a side. */
export function changeText(change: number | null): string {
  if (change === null) return '—';
  return change > 0 ? `+${change}` : change < 0 ? `−${-change}` : '0';
}

function SidePicker({
  which,
  side,
  years,
  osm,
  onChange,
}: {
  which: 'a' | 'b';
  side: Side;
  years: number[];
  osm: boolean;
  onChange(s: Side): void;
}) {
  const { t } = useTranslation();
  const network = side.network ?? 'active';
  return (
    <fieldset className="year-side" data-testid={`year-side-${which}`}>
      <legend>{t(`years.compare.side_${which}`)}</legend>
      <label className="field inline">
        <span>{t('years.compare.network')}</span>
        <select
          value={network}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onChange(v === 'active' ? { asOf: side.asOf } : { network: v as 'osm' | 'schematic', asOf: side.asOf });
          }}
          data-testid={`year-side-${which}-network`}
        >
          <option value="active">{t('years.compare.active')}</option>
          <option value="schematic">{t('years.compare.schematic')}</option>
          <option value="osm" disabled={!osm}>
            {t('years.compare.osm')}
          </option>
        </select>
      </label>
      <label className="field inline">
        <span>{t('years.compare.year')}</span>
        <select
          value={side.asOf === null ? 'now' : String(side.asOf)}
          onChange={(e) => onChange({ ...side, asOf: e.currentTarget.value === 'now' ? null : Number(e.currentTarget.value) })}
          data-testid={`year-side-${which}-year`}
        >
          <option value="now">{t('years.asData')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/** The rank-change table: rank on each side, the change, and minutes per travel-time criterion (a → b). */
export function RankChangeTable({ result, rows, testId }: { result: CompareNetworksResult; rows: Row[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const label = useCriterionLabel();
  const criteria = useMemo(() => [...new Set(result.rows.flatMap((r) => Object.keys(r.minutes)))], [result]);
  return (
    <table className="rank-change" data-testid={testId}>
      <caption className="sr-only">{t('years.compare.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('years.compare.candidate')}</th>
          <th scope="col">{t('years.compare.rankA')}</th>
          <th scope="col">{t('years.compare.rankB')}</th>
          <th scope="col">{t('years.compare.change')}</th>
          {criteria.map((c) => (
            <th key={c} scope="col" title={t('years.compare.minutesTitle')}>
              {label(c)}
              <span className="muted small"> {t('years.compare.minutesAB')}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid="rank-change-row" data-id={r.id} data-change={r.change ?? ''}>
            <th scope="row">{localName(r, i18n.language)}</th>
            <td>{r.a.rank ?? t('years.compare.unranked')}</td>
            <td>{r.b.rank ?? t('years.compare.unranked')}</td>
            <td className={r.change === null || r.change === 0 ? 'muted' : r.change > 0 ? 'rank-up' : 'rank-down'}>
              {changeText(r.change)}
              {r.change !== null && r.change !== 0 && (
                <span className="sr-only">
                  {t(r.change > 0 ? 'years.compare.up' : 'years.compare.down', { count: Math.abs(r.change) })}
                </span>
              )}
            </td>
            {criteria.map((c) => {
              const m = r.minutes[c as keyof Row['minutes']];
              return (
                <td key={c} className="minutes-pair">
                  {minutesText(m?.a)} → {minutesText(m?.b)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function YearComparePanel({
  request,
  scoring,
  map,
  onReport,
}: {
  request: YearCompareRequest;
  scoring: Scoring;
  map: MapLibreMap | null;
  /** Opens the printable report of `park` on both sides. */
  onReport(result: CompareNetworksResult, park: string): void;
}) {
  const { t, i18n } = useTranslation();
  const info = useNetworkInfo();
  const roads = useRoadNetwork();
  const compare = useCompareNetworks();
  const [pair, setPair] = useState<YearCompareRequest>(request);
  const [result, setResult] = useState<CompareNetworksResult | null>(null);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [park, setPark] = useState<string | null>(null);
  const osm = roads.data?.osm !== null && roads.data?.osm !== undefined;
  const known = useMemo(() => info.data?.years ?? [], [info.data]);
  const range = sliderRange(known, null);
  const years = useMemo(() => {
    const all = new Set<number>([...known, 2025, 2030]);
    for (let y = range.min; y <= range.max; y++) all.add(y);
    return [...all].filter((y) => y >= YEAR_RANGE.min && y <= YEAR_RANGE.max).sort((x, y) => x - y);
  }, [known, range.min, range.max]);
  useTimeSavedLayer(map, result);
  const panel = useRef<HTMLElement>(null);
  // The map of the time saved is framed in the part of the map the panel leaves free.
  useEffect(() => {
    if (!map || !result) return;
    const g = result.timeSaved.grid;
    const box = map.getContainer().getBoundingClientRect();
    const left = (panel.current?.getBoundingClientRect().right ?? box.left) - box.left + 16;
    if (box.width - left < 240) return;
    map.fitBounds(
      [
        [g.west, g.north - g.ny * g.dLat],
        [g.west + g.nx * g.dLng, g.north],
      ],
      { padding: { left, right: 56, top: 24, bottom: 24 }, duration: 0 },
    );
  }, [map, result]);

  const run = (p: YearCompareRequest) => {
    const args = compareArgs(scoring, p);
    if (!args) return;
    compare.mutate(args, {
      onSuccess: (r) => {
        setResult(r);
        setPark((current) =>
          current && r.rows.some((x) => x.id === current) ? current : (r.rows.find((x) => x.kind === 'park')?.id ?? null),
        );
      },
    });
  };
  // Asked once on opening (the workspace mounts the panel afresh for another pair).
  useEffect(() => {
    run(request);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run reads the inputs on screen at the moment it is asked
  }, [request]);

  const choose = (p: YearCompareRequest) => {
    setPair(p);
    run(p);
  };
  const rows = result ? (onlyChanged ? result.rows.filter((r) => r.a.rank !== r.b.rank) : result.rows) : [];

  return (
    <section ref={panel} className="year-compare-panel" aria-labelledby="year-compare-title" data-testid="year-compare">
      <CardHeader
        id="year-compare-title"
        title={t('years.compare.title')}
        closeLabel={t('years.compare.close')}
        onClose={closeYearCompare}
      />
      <div className="year-compare-body">
        <div className="year-compare-presets" role="group" aria-label={t('years.compare.presets')}>
          <button type="button" onClick={() => choose(DEFAULT_PAIR)} data-testid="year-compare-years">
            {t('years.compare.presetYears')}
          </button>
          <button type="button" disabled={!osm} onClick={() => choose(NETWORKS_PAIR)} data-testid="year-compare-networks">
            {t('years.compare.presetNetworks')}
          </button>
        </div>
        <div className="year-sides">
          <SidePicker which="a" side={pair.a} years={years} osm={osm} onChange={(a) => setPair({ ...pair, a })} />
          <SidePicker which="b" side={pair.b} years={years} osm={osm} onChange={(b) => setPair({ ...pair, b })} />
          <button
            type="button"
            className="primary"
            onClick={() => run(pair)}
            disabled={compare.isPending}
            aria-busy={compare.isPending}
            data-testid="year-compare-run"
          >
            {compare.isPending ? t('years.compare.running') : t('years.compare.run')}
          </button>
        </div>
        {compare.error && (
          <p role="alert" className="load-error small" data-testid="year-compare-error">
            {t('years.compare.failed', { message: compare.error.message })}
          </p>
        )}
        {result && (
          <>
            <div className="year-compare-labels">
              <div>
                <strong>{t('years.compare.side_a')}</strong>
                <NetworkLabelLine label={result.a} testId="year-compare-label-a" />
              </div>
              <div>
                <strong>{t('years.compare.side_b')}</strong>
                <NetworkLabelLine label={result.b} testId="year-compare-label-b" />
              </div>
            </div>
            <p data-testid="year-compare-summary">
              {t('years.compare.summary', {
                changed: result.changed,
                count: result.rows.length,
                method: t(`scoring.methods.${result.method}`),
              })}
            </p>
            {result.changed === 0 && result.timeSaved.max === 0 && result.timeSaved.min === 0 && (
              <p className="muted small" data-testid="year-compare-nothing">
                {t('years.compare.nothingChanges')}
              </p>
            )}
            <TimeSavedLegend result={result} />
            <div className="year-compare-actions">
              <label>
                <input
                  type="checkbox"
                  checked={onlyChanged}
                  onChange={(e) => setOnlyChanged(e.currentTarget.checked)}
                  data-testid="year-compare-only-changed"
                />{' '}
                {t('years.compare.onlyChanged')}
              </label>
              <label className="field inline">
                <span>{t('years.compare.reportPark')}</span>
                <select value={park ?? ''} onChange={(e) => setPark(e.currentTarget.value)} data-testid="year-compare-park">
                  {result.rows.map((r) => (
                    <option key={r.id} value={r.id}>
                      {localName(r, i18n.language)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" disabled={!park} onClick={() => park && onReport(result, park)} data-testid="year-compare-report">
                {t('years.compare.report')}
              </button>
            </div>
            <div className="rank-change-scroll">
              <RankChangeTable result={result} rows={rows} testId="rank-change-table" />
            </div>
          </>
        )}
      </div>
    </section>
  );
}
