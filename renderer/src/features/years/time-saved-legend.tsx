/** The legend of the time-saved map: what it measures, its colours in minutes, and the largest saving and loss. */
import { useTranslation } from 'react-i18next';
import type { CompareNetworksResult } from '../../../../electron/contract/api.ts';
import { MIN_DRAWN_MINUTES, TIME_SAVED_STOPS } from './time-saved-layer.ts';

export function TimeSavedLegend({ result }: { result: CompareNetworksResult }) {
  const { t } = useTranslation();
  const target = result.timeSaved.target;
  const to = 'class' in target ? t(`classes.${target.class}`) : target.market;
  const cells = result.timeSaved.minutes.filter((m) => m !== null && Math.abs(m) >= MIN_DRAWN_MINUTES).length;
  return (
    <div className="time-saved-legend" data-testid="time-saved-legend" data-max={result.timeSaved.max} data-cells={cells}>
      <p className="small">{t('years.compare.timeSaved', { target: to, km: result.timeSaved.grid.cellKm })}</p>
      <div className="ramp" aria-hidden="true">
        {TIME_SAVED_STOPS.map((s) => (
          <span key={s.minutes} style={{ background: s.colour, color: s.minutes >= 15 || s.minutes < 0 ? '#fff' : '#222' }}>
            {s.minutes > 0 ? `+${s.minutes}` : s.minutes}
          </span>
        ))}
      </div>
      <p className="muted small">
        {t('years.compare.timeSavedRange', {
          max: result.timeSaved.max.toFixed(1),
          min: result.timeSaved.min.toFixed(1),
          cells,
          drawn: MIN_DRAWN_MINUTES,
        })}
      </p>
    </div>
  );
}
