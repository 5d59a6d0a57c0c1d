/**
 * Side-panel section: accessibility surfaces (choose a destination, compute with progress and
 * cancel, colour legend) and the assumptions every travel time rests on.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assumptions } from '../../../../electron/contract/api.ts';
import { RAMP_STOPS } from './colour-ramp.ts';
import { AssumptionRanges } from './assumption-ranges.tsx';
import type { SurfaceState, SurfaceTarget } from './use-surface.ts';
import { localName } from '../../../../geo/local-name.ts';
import { NetworkLabelLine } from '../../components/network-label.tsx';

export const SURFACE_CLASSES = ['interchange', 'freight', 'airport', 'hsr-station', 'international-rail'] as const;

export interface AccessPanelProps {
  surface: SurfaceState;
  markets: { id: string; name_zh: string; name_en: string }[];
  assumptions: Assumptions | undefined;
  onRun(target: SurfaceTarget, label: string, cellKm: number): void;
  onCancel(): void;
  onClear(): void;
}

export function AccessPanel({ surface, markets, assumptions, onRun, onCancel, onClear }: AccessPanelProps) {
  const { t, i18n } = useTranslation();
  const [choice, setChoice] = useState<string>('class:interchange');
  const [cellKm, setCellKm] = useState(1);
  const running = surface.status === 'running';
  const run = () => {
    const [kind, id = ''] = choice.split(':');
    if (kind === 'class') {
      onRun({ class: id as (typeof SURFACE_CLASSES)[number] }, t(`classes.${id}`), cellKm);
      return;
    }
    const market = markets.find((m) => m.id === id);
    onRun({ market: id }, market ? localName(market, i18n.language) : id, cellKm);
  };
  return (
    <section className="panel-section" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('access.heading')}</h2>
      <p className="muted small">{t('access.clickHint')}</p>
      <label className="field">
        <span>{t('access.surfaceTo')}</span>
        <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)} disabled={running} data-testid="surface-choice">
          <optgroup label={t('access.facilities')}>
            {SURFACE_CLASSES.map((c) => (
              <option key={c} value={`class:${c}`}>
                {t(`classes.${c}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('access.markets')}>
            {markets.map((m) => (
              <option key={m.id} value={`market:${m.id}`}>
                {localName(m, i18n.language)}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="field">
        <span>{t('access.cell')}</span>
        <select value={cellKm} onChange={(e) => setCellKm(Number(e.currentTarget.value))} disabled={running} data-testid="surface-cell">
          {[2, 1, 0.5].map((km) => (
            <option key={km} value={km}>
              {t('access.cellKm', { km })}
            </option>
          ))}
        </select>
      </label>
      <div className="panel-actions row-actions">
        <button type="button" onClick={run} disabled={running} data-testid="surface-run">
          {t('access.compute')}
        </button>
        {running ? (
          <button type="button" onClick={onCancel} data-testid="surface-cancel">
            {t('access.cancel')}
          </button>
        ) : (
          surface.status === 'done' && (
            <button type="button" onClick={onClear}>
              {t('access.clear')}
            </button>
          )
        )}
      </div>
      {running && (
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(surface.fraction * 100)}
          aria-label={t('access.progress')}
          data-testid="surface-progress"
        >
          <div className="bar" style={{ width: `${Math.round(surface.fraction * 100)}%` }} />
        </div>
      )}
      {surface.status === 'cancelled' && <p className="muted small">{t('access.cancelled')}</p>}
      {surface.status === 'error' && (
        <p role="alert" className="load-error small">
          {surface.message}
        </p>
      )}
      {surface.status === 'done' && (
        <div data-testid="surface-legend" data-max={surface.max.toFixed(0)}>
          <p className="small">
            {t('access.surfaceDone', {
              label: surface.label,
              cells: surface.cells.toLocaleString(),
              km: surface.cellKm,
              s: (surface.ms / 1000).toFixed(1),
            })}
          </p>
          <NetworkLabelLine label={surface.network} testId="surface-network" />
          <div className="ramp" aria-hidden="true">
            {RAMP_STOPS.filter((s) => s.minutes <= Math.max(60, surface.max)).map((s) => (
              <span key={s.minutes} style={{ background: `rgb(${s.colour.join(',')})` }}>
                {s.minutes}
              </span>
            ))}
          </div>
          <p className="muted small">{t('access.rampUnit')}</p>
        </div>
      )}
      {assumptions && (
        <details className="assumptions" data-testid="assumptions">
          <summary>{t('access.assumptions')}</summary>
          <dl>
            {(Object.keys(assumptions) as (keyof Assumptions)[]).map((k) => (
              <div className="row" key={k}>
                <dt>{t(`assumptions.${k}`)}</dt>
                <dd>{assumptions[k]}</dd>
              </div>
            ))}
          </dl>
          <p className="muted small">{t('assumptions.note')}</p>
          <AssumptionRanges />
        </details>
      )}
    </section>
  );
}
