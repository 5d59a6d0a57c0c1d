/**
 * The value function of one criterion: its kind and parameters (in the criterion's own unit) and a
 * live plot of raw value → score with the candidates' values as dots on the curve. A
 * piecewise-linear function's points are dragged with the mouse or moved with the arrow keys
 * (Shift for larger steps); the geometry is value-function-plot.ts. Hard limits are not value
 * functions: they stay in the profile and exclude a site whatever its score.
 */
import { useId, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { valueFunctionProblem, VALUE_FUNCTION_KINDS, type ValueFunctionKind } from '../../../../geo/index.ts';
import { unitLabel } from './criterion-label.ts';
import type { CriterionValueFunction } from './scoring-state.ts';
import {
  addPoint,
  curvePath,
  defaultFunction,
  movePoint,
  nudgePoint,
  PLOT_BOX,
  plotDomain,
  plotDots,
  pxToX,
  pxToY,
  removePoint,
  resolveForPlot,
  ticks,
  xToPx,
  yToPx,
} from './value-function-plot.ts';

export interface PlotCandidate {
  name: string;
  raw: number | null;
}

const fmt = (x: number) => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en') : String(Number(x.toPrecision(4))));

/** A number typed freely; the value is passed on only when it parses. */
function ParamInput({ label, value, onChange, testId }: { label: string; value: number; onChange(v: number): void; testId: string }) {
  const [text, setText] = useState(String(value));
  const [last, setLast] = useState(value);
  if (value !== last) {
    // Changed from outside (a dragged point, a new kind): show it.
    setLast(value);
    setText(String(value));
  }
  return (
    <label className="mini-field">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          const v = Number(e.currentTarget.value);
          if (e.currentTarget.value.trim() !== '' && Number.isFinite(v)) {
            setLast(v);
            onChange(v);
          }
        }}
        data-testid={testId}
      />
    </label>
  );
}

export function ValueFunctionEditor({
  criterion,
  f,
  candidates,
  levels,
  onChange,
}: {
  criterion: { id: string; label: string; unit: string; type: 'benefit' | 'cost' };
  /** The function in use; null: linear between the candidates' worst and best (the default). */
  f: CriterionValueFunction | null;
  candidates: readonly PlotCandidate[];
  /** The values a discrete criterion takes (its levels). */
  levels?: readonly number[] | undefined;
  onChange(f: CriterionValueFunction | null): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const values = candidates.map((c) => c.raw);
  const [draft, setDraft] = useState<CriterionValueFunction>(
    () => f ?? (defaultFunction('linear', values, criterion.type) as CriterionValueFunction),
  );
  const svg = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const problem = valueFunctionProblem(draft);
  const update = (next: CriterionValueFunction) => {
    setDraft(next);
    if (!valueFunctionProblem(next)) onChange(next);
  };
  const resolved = resolveForPlot(draft, values);
  const domain = plotDomain(draft, values);
  const dots = resolved.ok ? plotDots(resolved.f, values, domain) : [];
  const unit = criterion.unit ? ` ${unitLabel(t, criterion.unit)}` : '';
  const b = PLOT_BOX;

  /** The pointer's position in the plot's own units. */
  const toPlot = (e: ReactPointerEvent): { x: number; y: number } | null => {
    const m = svg.current?.getScreenCTM();
    if (!m || !svg.current) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return { x: pxToX(p.x, domain), y: pxToY(p.y) };
  };
  const points = draft.kind === 'piecewise' ? draft.points : [];
  const setPoints = (next: [number, number][]) => update({ kind: 'piecewise', points: next });

  return (
    <div className="vf-editor" data-testid="value-function-editor" data-criterion={criterion.id}>
      <div className="vf-controls">
        <label className="field">
          <span>{t('mcda.vf.kind')}</span>
          <select
            value={draft.kind}
            onChange={(e) =>
              update(defaultFunction(e.currentTarget.value as ValueFunctionKind, values, criterion.type, levels) as CriterionValueFunction)
            }
            data-testid="vf-kind"
          >
            {VALUE_FUNCTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`mcda.vf.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="muted small">{t(`mcda.vf.explain.${draft.kind}`)}</p>
        <div className="vf-params">
          {draft.kind === 'linear' && (
            <>
              <label className="mini-field">
                <span>{t('mcda.vf.direction')}</span>
                <select
                  value={draft.direction}
                  onChange={(e) => update({ ...draft, direction: e.currentTarget.value as 'benefit' | 'cost' })}
                  data-testid="vf-direction"
                >
                  <option value="benefit">{t('mcda.vf.benefit')}</option>
                  <option value="cost">{t('mcda.vf.cost')}</option>
                </select>
              </label>
              <label className="mini-field">
                <span>{t('mcda.vf.bounds')}</span>
                <select
                  value={draft.bounds === 'candidates' ? 'candidates' : 'fixed'}
                  onChange={(e) => {
                    const known = values.filter((v): v is number => v !== null);
                    const lo = known.length ? Math.min(...known) : 0;
                    const hi = known.length ? Math.max(...known) : 1;
                    update({
                      ...draft,
                      bounds: e.currentTarget.value === 'candidates' ? 'candidates' : { min: lo, max: hi > lo ? hi : lo + 1 },
                    });
                  }}
                  data-testid="vf-bounds"
                >
                  <option value="candidates">{t('mcda.vf.boundsCandidates')}</option>
                  <option value="fixed">{t('mcda.vf.boundsFixed')}</option>
                </select>
              </label>
              {draft.bounds !== 'candidates' && (
                <>
                  <ParamInput
                    label={t('mcda.vf.min')}
                    value={draft.bounds.min}
                    onChange={(min) => update({ ...draft, bounds: { min, max: (draft.bounds as { max: number }).max } })}
                    testId="vf-min"
                  />
                  <ParamInput
                    label={t('mcda.vf.max')}
                    value={draft.bounds.max}
                    onChange={(max) => update({ ...draft, bounds: { min: (draft.bounds as { min: number }).min, max } })}
                    testId="vf-max"
                  />
                </>
              )}
            </>
          )}
          {draft.kind === 'trapezoid' &&
            (['a', 'b', 'c', 'd'] as const).map((k) => (
              <ParamInput
                key={k}
                label={t(`mcda.vf.trapezoid.${k}`)}
                value={draft[k]}
                onChange={(v) => update({ ...draft, [k]: v })}
                testId={`vf-${k}`}
              />
            ))}
          {draft.kind === 'ideal' && (
            <>
              <ParamInput
                label={t('mcda.vf.ideal')}
                value={draft.ideal}
                onChange={(ideal) => update({ ...draft, ideal })}
                testId="vf-ideal"
              />
              <ParamInput
                label={t('mcda.vf.tolerance')}
                value={draft.tolerance}
                onChange={(tolerance) => update({ ...draft, tolerance })}
                testId="vf-tolerance"
              />
            </>
          )}
          {draft.kind === 'step' && (
            <>
              <ParamInput
                label={t('mcda.vf.threshold')}
                value={draft.threshold}
                onChange={(threshold) => update({ ...draft, threshold })}
                testId="vf-threshold"
              />
              <label className="mini-field">
                <span>{t('mcda.vf.passes')}</span>
                <select value={draft.pass} onChange={(e) => update({ ...draft, pass: e.currentTarget.value as 'above' | 'below' })}>
                  <option value="above">{t('mcda.vf.above')}</option>
                  <option value="below">{t('mcda.vf.below')}</option>
                </select>
              </label>
            </>
          )}
          {draft.kind === 'logistic' && (
            <>
              <ParamInput
                label={t('mcda.vf.midpoint')}
                value={draft.midpoint}
                onChange={(midpoint) => update({ ...draft, midpoint })}
                testId="vf-midpoint"
              />
              <ParamInput
                label={t('mcda.vf.slope')}
                value={draft.slope}
                onChange={(slope) => update({ ...draft, slope })}
                testId="vf-slope"
              />
            </>
          )}
          {draft.kind === 'gaussian' && (
            <>
              <ParamInput
                label={t('mcda.vf.target')}
                value={draft.target}
                onChange={(target) => update({ ...draft, target })}
                testId="vf-target"
              />
              <ParamInput
                label={t('mcda.vf.spread')}
                value={draft.spread}
                onChange={(spread) => update({ ...draft, spread })}
                testId="vf-spread"
              />
            </>
          )}
        </div>
        {draft.kind === 'levels' && (
          <table className="criteria-table compact" data-testid="vf-levels">
            <thead>
              <tr>
                <th scope="col">{t('mcda.vf.level')}</th>
                <th scope="col">{t('mcda.vf.score')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.levels.map((l, i) => (
                <tr key={i}>
                  <td>
                    {criterion.unit === 'level'
                      ? t(`scoring.levelValue.${l.value}`, { defaultValue: String(l.value) })
                      : `${fmt(l.value)}${unit}`}
                  </td>
                  <td>
                    <ParamInput
                      label={t('mcda.vf.score')}
                      value={l.score}
                      onChange={(score) => update({ ...draft, levels: draft.levels.map((x, k) => (k === i ? { ...x, score } : x)) })}
                      testId={`vf-level-${i}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {draft.kind === 'piecewise' && (
          <div className="vf-points">
            <p className="muted small">{t('mcda.vf.dragHint')}</p>
            <button type="button" onClick={() => setPoints(addPoint(points))} disabled={points.length >= 20} data-testid="vf-add-point">
              {t('mcda.vf.addPoint')}
            </button>
          </div>
        )}
        {problem && (
          <p className="flag small" role="alert" data-testid="vf-problem">
            {t('mcda.vf.problem', { problem })}
          </p>
        )}
      </div>
      <figure className="vf-plot">
        <svg
          ref={svg}
          viewBox={`0 0 ${b.width} ${b.height}`}
          role="img"
          aria-labelledby={titleId}
          data-testid="vf-plot"
          onPointerMove={(e) => {
            if (dragging === null) return;
            const p = toPlot(e);
            if (p) setPoints(movePoint(points, dragging, p.x, p.y, domain));
          }}
          onPointerUp={() => setDragging(null)}
          onPointerLeave={() => setDragging(null)}
        >
          <title id={titleId}>{t('mcda.vf.plotTitle', { name: criterion.label })}</title>
          {[0, 0.25, 0.5, 0.75, 1].map((v) => (
            <g key={v} className="grid">
              <line x1={b.left} x2={b.width - b.right} y1={yToPx(v)} y2={yToPx(v)} />
              <text x={b.left - 6} y={yToPx(v) + 4} textAnchor="end">
                {v}
              </text>
            </g>
          ))}
          {ticks(domain).map((x) => (
            <g key={x} className="grid">
              <line x1={xToPx(x, domain)} x2={xToPx(x, domain)} y1={b.top} y2={b.height - b.bottom} />
              <text x={xToPx(x, domain)} y={b.height - b.bottom + 16} textAnchor="middle">
                {fmt(x)}
              </text>
            </g>
          ))}
          <text className="axis-title" x={(b.left + b.width - b.right) / 2} y={b.height - 4} textAnchor="middle">
            {criterion.label}
            {unit && ` (${unit.trim()})`}
          </text>
          {resolved.ok && <path className="curve" d={curvePath(resolved.f, domain)} data-testid="vf-curve" />}
          {resolved.ok &&
            resolved.f.kind === 'levels' &&
            resolved.f.levels.map((l) => (
              <line
                key={l.value}
                className="stem"
                x1={xToPx(l.value, domain)}
                x2={xToPx(l.value, domain)}
                y1={yToPx(0)}
                y2={yToPx(l.score)}
              />
            ))}
          {dots.map((d) => (
            <circle key={d.index} className="dot" cx={d.x} cy={d.y} r={5} data-testid="vf-dot">
              <title>{`${candidates[d.index]?.name ?? ''}: ${fmt(d.raw)}${unit} → ${d.score.toFixed(2)}`}</title>
            </circle>
          ))}
          {points.map(([x, y], i) => (
            <circle
              key={i}
              className={`handle${dragging === i ? ' dragging' : ''}`}
              cx={xToPx(x, domain)}
              cy={yToPx(y)}
              r={9}
              tabIndex={0}
              role="slider"
              aria-label={t('mcda.vf.point', { n: i + 1 })}
              aria-valuemin={0}
              aria-valuemax={1}
              aria-valuenow={y}
              aria-valuetext={t('mcda.vf.pointValue', { x: fmt(x), unit, score: y.toFixed(2) })}
              data-testid={`vf-handle-${i}`}
              onPointerDown={(e) => {
                (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
                setDragging(i);
              }}
              onKeyDown={(e) => {
                if ((e.key === 'Delete' || e.key === 'Backspace') && points.length > 2) {
                  e.preventDefault();
                  setPoints(removePoint(points, i));
                  return;
                }
                const next = nudgePoint(points, i, e.key, domain, e.shiftKey);
                if (!next) return;
                e.preventDefault();
                setPoints(next);
              }}
            />
          ))}
        </svg>
        <figcaption className="muted small">
          {t('mcda.vf.caption', { n: dots.length })}
          {draft.kind === 'piecewise' && ` ${t('mcda.vf.keysHint')}`}
        </figcaption>
      </figure>
      <div className="vf-footer">
        <button
          type="button"
          onClick={() => {
            setDraft(defaultFunction('linear', values, criterion.type) as CriterionValueFunction);
            onChange(null);
          }}
          data-testid="vf-reset"
        >
          {t('mcda.vf.reset')}
        </button>
        <span className="muted small">{t('mcda.vf.limitsNote')}</span>
      </div>
    </div>
  );
}
