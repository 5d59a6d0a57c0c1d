/** One slider per criterion (built-in and the project's own); moving one rescales the others so the total stays 100 %. */
import { useTranslation } from 'react-i18next';
import type { CriterionKey } from '../../../../geo/index.ts';
import type { Weights } from './scoring-state.ts';

export function WeightsEditor({
  keys,
  label,
  weights,
  onChange,
  disabled,
}: {
  keys: readonly CriterionKey[];
  label(id: string): string;
  weights: Weights;
  onChange(id: CriterionKey, value: number): void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const total = keys.reduce((s, id) => s + (weights[id] ?? 0), 0);
  return (
    <fieldset className="weights" disabled={disabled}>
      <legend>
        {t('scoring.weights')}{' '}
        <span className="muted small" data-testid="weights-total">
          {t('scoring.totalPct', { n: total.toFixed(1) })}
        </span>
      </legend>
      {keys.map((id) => (
        <label key={id} className={`weight-row${id.startsWith('custom-') ? ' own' : ''}`}>
          <span>{label(id)}</span>
          <input
            type="range"
            min={0}
            max={100}
            step={0.5}
            value={weights[id] ?? 0}
            onChange={(e) => onChange(id, Number(e.currentTarget.value))}
            data-testid={`weight-${id}`}
            aria-valuetext={`${(weights[id] ?? 0).toFixed(1)}%`}
          />
          <output>{(weights[id] ?? 0).toFixed(1)}%</output>
        </label>
      ))}
    </fieldset>
  );
}
