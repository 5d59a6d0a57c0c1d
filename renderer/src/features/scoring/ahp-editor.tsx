/** Pairwise judgements on Saaty's 1–9 scale for the chosen criteria (upper triangle; the rest is reciprocal). */
import { useTranslation } from 'react-i18next';
import type { CriterionKey } from '../../../../geo/index.ts';

const SCALE = [9, 7, 5, 3, 1, 1 / 3, 1 / 5, 1 / 7, 1 / 9];
const scaleLabel = (v: number) => (v >= 1 ? String(v) : `1/${Math.round(1 / v)}`);

export function AhpEditor({
  keys,
  label,
  criteria,
  matrix,
  onCriteria,
  onJudgement,
  testId = 'ahp',
}: {
  /** Prefix of the test ids (two editors may be on the page: the method's and the weighting mode's). */
  testId?: string;
  /** Every criterion that can be judged (built-in and the project's own). */
  keys: readonly CriterionKey[];
  label(id: string): string;
  criteria: CriterionKey[];
  matrix: number[][];
  onCriteria(ids: CriterionKey[]): void;
  onJudgement(i: number, j: number, v: number): void;
}) {
  const { t } = useTranslation();
  const pairs: [number, number][] = [];
  for (let i = 0; i < criteria.length; i++) for (let j = i + 1; j < criteria.length; j++) pairs.push([i, j]);
  return (
    <fieldset className="ahp" data-testid={`${testId}-editor`}>
      <legend>{t('scoring.ahpTitle')}</legend>
      <p className="muted small">{t('scoring.ahpHint')}</p>
      <div className="ahp-criteria">
        {keys.map((id) => (
          <label key={id} className="check small">
            <input
              type="checkbox"
              checked={criteria.includes(id)}
              disabled={!criteria.includes(id) && criteria.length >= 6}
              onChange={(e) => {
                const next = e.currentTarget.checked ? [...criteria, id] : criteria.filter((c) => c !== id);
                if (next.length >= 2) onCriteria(keys.filter((c) => next.includes(c)));
              }}
            />
            {label(id)}
          </label>
        ))}
      </div>
      {pairs.map(([i, j]) => (
        <label key={`${i}-${j}`} className="pair">
          <span>{label(criteria[i] ?? '')}</span>
          <select
            value={scaleLabel(matrix[i]?.[j] ?? 1)}
            onChange={(e) => onJudgement(i, j, SCALE.find((v) => scaleLabel(v) === e.currentTarget.value) ?? 1)}
            data-testid={`${testId}-${criteria[i]}-${criteria[j]}`}
          >
            {SCALE.map((v) => (
              <option key={scaleLabel(v)} value={scaleLabel(v)}>
                {scaleLabel(v)}
              </option>
            ))}
          </select>
          <span>{label(criteria[j] ?? '')}</span>
        </label>
      ))}
    </fieldset>
  );
}
