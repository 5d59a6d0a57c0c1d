/**
 * The weights: sliders (always 100 %), or weights produced by ranking the criteria, by swing
 * points, or by AHP judgements; each mode shows what it produced and puts it on the sliders when
 * asked (weighting-modes.ts).
 */
import { useReducer, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RANK_WEIGHTINGS, type AhpMethod, type CriterionKey, type RankWeighting } from '../../../../geo/index.ts';
import { AhpEditor } from './ahp-editor.tsx';
import type { Weights } from './scoring-state.ts';
import { initialWeighting, produced, WEIGHTING_MODES, weightingReducer, type WeightingMode } from './weighting-modes.ts';
import { WeightsEditor } from './weights-editor.tsx';

export function WeightingPanel({
  keys,
  label,
  weights,
  ahp,
  onMove,
  onApply,
}: {
  keys: readonly CriterionKey[];
  label(id: string): string;
  weights: Weights;
  ahp: {
    criteria: CriterionKey[];
    matrix: number[][];
    method: AhpMethod;
    onCriteria(ids: CriterionKey[]): void;
    onJudgement(i: number, j: number, v: number): void;
  };
  onMove(id: CriterionKey, value: number): void;
  onApply(weights: Weights): void;
}) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(weightingReducer, undefined, () => initialWeighting(weights, keys));
  const [applied, setApplied] = useState(false);
  const out = produced(state, keys, weights, ahp);
  const choose = (mode: WeightingMode) => {
    // Rank and swing start again from the sliders each time they are chosen.
    if (mode === 'rank' || mode === 'swing') dispatch({ type: 'startFrom', weights, keys });
    dispatch({ type: 'modeChosen', mode });
    setApplied(false);
  };
  const weightCell = (id: CriterionKey) => (
    <td className="num" data-testid={`produced-${id}`}>
      {out.ok ? `${(out.weights[id] ?? 0).toFixed(1)}%` : '—'}
    </td>
  );
  return (
    <div className="weighting" data-testid="weighting-panel">
      <div className="segmented" role="radiogroup" aria-label={t('mcda.weighting.mode')}>
        {WEIGHTING_MODES.map((m) => (
          <label key={m} className={state.mode === m ? 'on' : undefined}>
            <input
              type="radio"
              name="weighting-mode"
              checked={state.mode === m}
              onChange={() => choose(m)}
              data-testid={`weighting-${m}`}
            />
            {t(`mcda.weighting.modes.${m}`)}
          </label>
        ))}
      </div>
      {state.mode === 'sliders' && <WeightsEditor keys={keys} label={label} weights={weights} onChange={onMove} disabled={false} />}
      {state.mode === 'rank' && (
        <fieldset>
          <legend>{t('mcda.weighting.modes.rank')}</legend>
          <label className="field">
            <span>{t('mcda.weighting.rankMethod')}</span>
            <select
              value={state.rankMethod}
              onChange={(e) => dispatch({ type: 'rankMethodChosen', method: e.currentTarget.value as RankWeighting })}
              data-testid="rank-method"
            >
              {RANK_WEIGHTINGS.map((m) => (
                <option key={m} value={m}>
                  {t(`mcda.weighting.rankMethods.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small">{t(`mcda.weighting.rankFormula.${state.rankMethod}`)}</p>
          <p className="muted small">{t('mcda.weighting.rankHint')}</p>
          <PerCriterionInputs
            keys={keys}
            label={label}
            heading={t('mcda.weighting.rank')}
            bounds={{ min: 1, max: keys.length, step: 1 }}
            placeholder="—"
            value={(id) => state.ranks[id]}
            onChange={(id, rank) => dispatch({ type: 'rankSet', id, rank })}
            ariaLabel={(name) => t('mcda.weighting.rankOf', { name })}
            testId={(id) => `rank-${id}`}
            weightCell={weightCell}
          />
        </fieldset>
      )}
      {state.mode === 'swing' && (
        <fieldset>
          <legend>{t('mcda.weighting.modes.swing')}</legend>
          <p className="muted small">{t('mcda.weighting.swingHint')}</p>
          <PerCriterionInputs
            keys={keys}
            label={label}
            heading={t('mcda.weighting.points')}
            bounds={{ min: 0, max: 100, step: 5 }}
            placeholder="0"
            value={(id) => state.swing[id]}
            onChange={(id, points) => dispatch({ type: 'swingSet', id, points })}
            ariaLabel={(name) => t('mcda.weighting.pointsOf', { name })}
            testId={(id) => `swing-${id}`}
            weightCell={weightCell}
          />
        </fieldset>
      )}
      {state.mode === 'ahp' && (
        <>
          <AhpEditor
            testId="weighting-ahp"
            keys={keys}
            label={label}
            criteria={ahp.criteria}
            matrix={ahp.matrix}
            onCriteria={ahp.onCriteria}
            onJudgement={ahp.onJudgement}
          />
          {out.ok && (
            <table className="criteria-table compact" data-testid="ahp-produced">
              <tbody>
                {ahp.criteria.map((id) => (
                  <tr key={id}>
                    <th scope="row">{label(id)}</th>
                    {weightCell(id)}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {'cr' in out && out.cr !== undefined && (
            <p className={out.cr > 0.1 ? 'flag small' : 'muted small'}>
              {t('mcda.weighting.ahpCr', { cr: out.cr.toFixed(3), method: t(`mcda.ahp.${ahp.method}`) })}
            </p>
          )}
        </>
      )}
      {state.mode !== 'sliders' && (
        <div className="apply-row">
          {!out.ok && (
            <p className="flag small" role="alert" data-testid="weighting-problem">
              {t(`mcda.weighting.problems.${out.problem}`)}
            </p>
          )}
          <button
            type="button"
            disabled={!out.ok}
            onClick={() => {
              if (!out.ok) return;
              onApply(out.weights);
              setApplied(true);
            }}
            data-testid="weighting-apply"
          >
            {t('mcda.weighting.apply')}
          </button>
          {applied && (
            <span className="muted small" role="status">
              {t('mcda.weighting.applied')}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

/** One number per criterion (a rank, swing points) beside the weight it produces. */
function PerCriterionInputs({
  keys,
  label,
  heading,
  bounds,
  placeholder,
  value,
  onChange,
  ariaLabel,
  testId,
  weightCell,
}: {
  keys: readonly CriterionKey[];
  label: (id: CriterionKey) => string;
  heading: string;
  bounds: { min: number; max: number; step: number };
  placeholder: string;
  value: (id: CriterionKey) => number | null | undefined;
  onChange: (id: CriterionKey, value: number | null) => void;
  ariaLabel: (name: string) => string;
  testId: (id: CriterionKey) => string;
  weightCell: (id: CriterionKey) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <table className="criteria-table compact">
      <thead>
        <tr>
          <th scope="col">{t('scoring.criterion')}</th>
          <th scope="col">{heading}</th>
          <th scope="col">{t('scoring.weight')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((id) => (
          <tr key={id}>
            <th scope="row">{label(id)}</th>
            <td>
              <input
                type="number"
                {...bounds}
                value={value(id) ?? ''}
                placeholder={placeholder}
                onChange={(e) => onChange(id, e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
                aria-label={ariaLabel(label(id))}
                data-testid={testId(id)}
              />
            </td>
            {weightCell(id)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
