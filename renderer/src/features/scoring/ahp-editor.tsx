/** Pairwise judgements on Saaty's 1–9 scale for the chosen criteria (upper triangle; the rest is reciprocal). */
import { useTranslation } from 'react-i18next';
import { CRITERION_IDS, type CriterionKey } from '../../../../geo/index.ts';

const SCALE = [9, 7, 5, 3, 1, 1 / 3, 1 / 5, 1 / 7, 1 / 9];
const label = (v: number) => (v >= 1 ? String(v) : `1/${Math.round(1 / v)}`);

export function AhpEditor({
  criteria,
  matrix,
  onCriteria,
  onJudgement,
}: {
  criteria: CriterionKey[];
  matrix: number[][];
  onCriteria(ids: CriterionKey[]): void;
  onJudgement(i: number, j: number, v: number): void;
}) {
  const { t } = useTranslation();
  const pairs: [number, number][] = [];
  for (let i = 0; i < criteria.length; i++) for (let j = i + 1; j < criteria.length; j++) pairs.push([i, j]);
  return (
    <fieldset className="ahp" data-testid="ahp-editor">
      <legend>{t('scoring.ahpTitle')}</legend>
      <p className="muted small">{t('scoring.ahpHint')}</p>
      <div className="ahp-criteria">
        {CRITERION_IDS.map((id) => (
          <label key={id} className="check small">
            <input
              type="checkbox"
              checked={criteria.includes(id)}
              disabled={!criteria.includes(id) && criteria.length >= 6}
              onChange={(e) => {
                const next = e.currentTarget.checked ? [...criteria, id] : criteria.filter((c) => c !== id);
                if (next.length >= 2) onCriteria(CRITERION_IDS.filter((c) => next.includes(c)));
              }}
            />
            {t(`criteria.${id}`)}
          </label>
        ))}
      </div>
      {pairs.map(([i, j]) => (
        <label key={`${i}-${j}`} className="pair">
          <span>{t(`criteria.${criteria[i]}`)}</span>
          <select
            value={label(matrix[i]?.[j] ?? 1)}
            onChange={(e) => onJudgement(i, j, SCALE.find((v) => label(v) === e.currentTarget.value) ?? 1)}
            data-testid={`ahp-${criteria[i]}-${criteria[j]}`}
          >
            {SCALE.map((v) => (
              <option key={label(v)} value={label(v)}>
                {label(v)}
              </option>
            ))}
          </select>
          <span>{t(`criteria.${criteria[j]}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
