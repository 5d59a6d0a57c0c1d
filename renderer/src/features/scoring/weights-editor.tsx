/** One slider per criterion; moving one rescales the others so the total stays 100 %. */
import { useTranslation } from 'react-i18next';
import { CRITERION_IDS, type CriterionId } from '../../../../geo/index.ts';
import type { Weights } from './scoring-state.ts';

export function WeightsEditor({
  weights,
  onChange,
  disabled,
}: {
  weights: Weights;
  onChange(id: CriterionId, value: number): void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const total = CRITERION_IDS.reduce((s, id) => s + weights[id], 0);
  return (
    <fieldset className="weights" disabled={disabled}>
      <legend>
        {t('scoring.weights')}{' '}
        <span className="muted small" data-testid="weights-total">
          {t('scoring.totalPct', { n: total.toFixed(1) })}
        </span>
      </legend>
      {CRITERION_IDS.map((id) => (
        <label key={id} className="weight-row">
          <span>{t(`criteria.${id}`)}</span>
          <input
            type="range"
            min={0}
            max={100}
            step={0.5}
            value={weights[id]}
            onChange={(e) => onChange(id, Number(e.currentTarget.value))}
            data-testid={`weight-${id}`}
            aria-valuetext={`${weights[id].toFixed(1)}%`}
          />
          <output>{weights[id].toFixed(1)}%</output>
        </label>
      ))}
    </fieldset>
  );
}
