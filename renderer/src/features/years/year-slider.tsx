/**
 * Side-panel section: the scenario year every figure is computed in (setNetworkYear). A range
 * input over the years around the network's opening years (keyboard: arrows, Home, End), the
 * opening years as buttons, "as the data stands", and what the chosen year closes. Every answer
 * computed on the network is refetched (keys.ts invalidates the network family); the ranking on
 * screen is ranked again by the scoring hook when the network's label changes.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetNetworkYear } from '../../api/mutations.ts';
import { useNetworkInfo } from '../../api/queries.ts';
import { NetworkLabelLine } from '../../components/network-label.tsx';
import { openYearCompare } from './use-year-compare.ts';
import { sliderRange } from './year-range.ts';

/** How long the slider rests before its year is sent: a drag or held arrow key asks once. */
const SETTLE_MS = 350;

export function YearSlider() {
  const { t } = useTranslation();
  const info = useNetworkInfo();
  const setYear = useSetNetworkYear();
  const stored = info.data?.year ?? null;
  const years = info.data?.years ?? [];
  const range = sliderRange(years, stored);
  /** The year shown while the slider moves, before it is sent. */
  const [draft, setDraft] = useState<number | null | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const shown = draft === undefined ? stored : draft;

  const send = (year: number | null) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setYear.mutate({ asOf: year }, { onSettled: () => setDraft(undefined) });
  };
  const slide = (year: number) => {
    setDraft(year);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => send(year), SETTLE_MS);
  };

  return (
    <section className="panel-section year-slider" aria-labelledby="years-heading" data-testid="year-slider">
      <h2 id="years-heading">{t('years.heading')}</h2>
      <p className="year-now" aria-live="polite" data-testid="year-value" data-year={shown ?? 'now'}>
        {shown === null ? t('years.asData') : t('years.year', { year: shown })}
      </p>
      <input
        type="range"
        min={range.min}
        max={range.max}
        step={1}
        value={shown ?? (years.length ? Math.max(...years) : range.max)}
        disabled={!info.data || range.min === range.max}
        onChange={(e) => slide(Number(e.currentTarget.value))}
        aria-label={t('years.sliderLabel')}
        aria-valuetext={shown === null ? t('years.asData') : t('years.year', { year: shown })}
        list="network-years"
        data-testid="year-range"
      />
      <datalist id="network-years">
        {years.map((y) => (
          <option key={y} value={y} />
        ))}
      </datalist>
      <div className="year-scale muted small" aria-hidden="true">
        <span>{range.min}</span>
        <span>{range.max}</span>
      </div>
      <div className="year-buttons" role="group" aria-label={t('years.openingYears')}>
        <button type="button" aria-pressed={shown === null} onClick={() => (setDraft(null), send(null))} data-testid="year-now">
          {t('years.asData')}
        </button>
        {years.map((y) => (
          <button key={y} type="button" aria-pressed={shown === y} onClick={() => (setDraft(y), send(y))} data-testid={`year-${y}`}>
            {y}
          </button>
        ))}
      </div>
      {info.data && (
        <p className="small" data-testid="year-closed">
          {info.data.closed === 0 ? t('years.noneClosed') : t('years.closed', { count: info.data.closed })}
        </p>
      )}
      {years.length === 0 && info.data && <p className="muted small">{t('years.noYears')}</p>}
      {setYear.error && (
        <p role="alert" className="load-error small">
          {t('years.failed', { message: setYear.error.message })}
        </p>
      )}
      <NetworkLabelLine label={info.data?.network} testId="year-network-label" />
      <button type="button" onClick={() => openYearCompare()} data-testid="year-compare-open">
        {t('years.compareOpen')}
      </button>
    </section>
  );
}
