/**
 * The ranking method and its parameters: OWA's orness or typed order weights (largest score first,
 * the convention stated on screen, with the order weights it gives), PROMETHEE II's preference
 * function per criterion, VIKOR's v, ELECTRE Iv's concordance threshold and vetoes, and AHP's
 * eigenvector or row geometric mean. The thresholds are in score units (0…1), as the backend
 * applies them after each criterion's value function.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  maxEntropyOrderWeights,
  METHODS,
  orness as ornessOf,
  PREFERENCE_FUNCTION_TYPES,
  tradeoff as tradeoffOf,
  type CriterionKey,
  type PreferenceFunction,
  type PreferenceFunctionType,
} from '../../../../geo/index.ts';
import type { Method, MethodOptions } from './scoring-state.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A preference function of a type with its parameters defaulted (score units). */
export function preferenceOf(type: PreferenceFunctionType, from?: PreferenceFunction): PreferenceFunction {
  const q = from && 'q' in from ? from.q : 0.05;
  const p = from && 'p' in from ? from.p : 0.3;
  const s = from && 's' in from ? from.s : 0.15;
  switch (type) {
    case 'usual':
      return { type };
    case 'u-shape':
      return { type, q };
    case 'v-shape':
      return { type, p };
    case 'level':
    case 'linear':
      return { type, q: Math.min(q, p), p: Math.max(p, q + 0.01) };
    case 'gaussian':
      return { type, s };
  }
}

/** Order weights typed as "0.4, 0.3, 0.2, 0.1" (any non-negative numbers; normalised to sum 1), or null. */
export function parseOrderWeights(text: string): number[] | null {
  const parts = text
    .split(/[,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const values = parts.map(Number);
  if (values.some((v) => !Number.isFinite(v) || v < 0)) return null;
  const sum = values.reduce((s, v) => s + v, 0);
  return sum > 0 ? values.map((v) => v / sum) : null;
}

function NumberField({
  label,
  value,
  onChange,
  testId,
  min = 0,
  max = 1,
  step = 0.01,
}: {
  label: string;
  value: number;
  onChange(v: number): void;
  testId?: string;
  min?: number;
  max?: number;
  step?: number;
}) {
  return (
    <label className="mini-field">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => {
          const v = Number(e.currentTarget.value);
          if (e.currentTarget.value !== '' && Number.isFinite(v)) onChange(Math.min(max, Math.max(min, v)));
        }}
        data-testid={testId}
      />
    </label>
  );
}

function OwaOptions({
  options,
  weighted,
  onOptions,
}: {
  options: MethodOptions['owa'];
  weighted: number;
  onOptions(o: MethodOptions): void;
}) {
  const { t } = useTranslation();
  const typed = options?.orderWeights !== undefined;
  const orness = options?.orness ?? 0.5;
  const [text, setText] = useState(() => (options?.orderWeights ?? []).map((w) => w.toFixed(3)).join(', '));
  const n = Math.max(1, weighted);
  const parsed = parseOrderWeights(text);
  const effective = typed ? (options?.orderWeights ?? []) : maxEntropyOrderWeights(n, orness);
  const countWrong = typed && effective.length !== n;
  return (
    <div className="method-options" data-testid="owa-options">
      <p className="convention" data-testid="owa-convention">
        {t('mcda.owa.convention')}
      </p>
      <div className="radio-row" role="radiogroup" aria-label={t('mcda.owa.mode')}>
        <label className="check">
          <input type="radio" checked={!typed} onChange={() => onOptions({ owa: { orness } })} data-testid="owa-mode-orness" />
          {t('mcda.owa.fromOrness')}
        </label>
        <label className="check">
          <input
            type="radio"
            checked={typed}
            onChange={() => {
              const w = maxEntropyOrderWeights(n, orness);
              setText(w.map((x) => x.toFixed(3)).join(', '));
              onOptions({ owa: { orderWeights: w } });
            }}
            data-testid="owa-mode-typed"
          />
          {t('mcda.owa.typed')}
        </label>
      </div>
      {!typed ? (
        <label className="weight-row orness-row">
          <span>{t('mcda.owa.orness')}</span>
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={orness}
            onChange={(e) => onOptions({ owa: { orness: Number(e.currentTarget.value) } })}
            aria-valuetext={`${orness.toFixed(2)}`}
            data-testid="owa-orness"
          />
          <output>{orness.toFixed(2)}</output>
        </label>
      ) : (
        <label className="field">
          <span>{t('mcda.owa.typedLabel', { n })}</span>
          <input
            type="text"
            value={text}
            inputMode="decimal"
            onChange={(e) => {
              setText(e.currentTarget.value);
              const w = parseOrderWeights(e.currentTarget.value);
              if (w) onOptions({ owa: { orderWeights: w } });
            }}
            aria-invalid={parsed === null || countWrong}
            data-testid="owa-typed"
          />
        </label>
      )}
      <p className="muted small">{t('mcda.owa.ornessScale')}</p>
      {countWrong && (
        <p className="flag small" role="alert" data-testid="owa-count">
          {t('mcda.owa.wrongCount', { n, m: effective.length })}
        </p>
      )}
      {!countWrong && effective.length > 0 && (
        <div data-testid="owa-effective">
          <p className="group-title">
            {t('mcda.owa.effective', { orness: ornessOf(effective).toFixed(2), tradeoff: tradeoffOf(effective).toFixed(2) })}
          </p>
          <ol className="order-weights">
            {effective.map((w, k) => (
              <li key={k}>
                <span className="muted small">{t('mcda.owa.position', { k: k + 1 })}</span>
                <span className="bar-track" aria-hidden="true">
                  <span className="bar" style={{ width: `${Math.min(100, w * 100)}%` }} />
                </span>
                <span className="num">{pct(w)}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

function PrometheeOptions({
  options,
  criteria,
  label,
  onOptions,
}: {
  options: MethodOptions['promethee'];
  criteria: readonly CriterionKey[];
  label(id: string): string;
  onOptions(o: MethodOptions): void;
}) {
  const { t } = useTranslation();
  const functions = options?.functions ?? {};
  const set = (id: CriterionKey, f: PreferenceFunction) => onOptions({ promethee: { functions: { ...functions, [id]: f } } });
  return (
    <div className="method-options" data-testid="promethee-options">
      <p className="muted small">{t('mcda.promethee.hint')}</p>
      <table className="criteria-table compact">
        <thead>
          <tr>
            <th scope="col">{t('scoring.criterion')}</th>
            <th scope="col">{t('mcda.promethee.function')}</th>
            <th scope="col">{t('mcda.promethee.thresholds')}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((id) => {
            const f = functions[id] ?? { type: 'usual' };
            return (
              <tr key={id} data-criterion={id}>
                <th scope="row">{label(id)}</th>
                <td>
                  <select
                    value={f.type}
                    onChange={(e) => set(id, preferenceOf(e.currentTarget.value as PreferenceFunctionType, f))}
                    aria-label={t('mcda.promethee.functionFor', { name: label(id) })}
                    data-testid={`promethee-fn-${id}`}
                  >
                    {PREFERENCE_FUNCTION_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`mcda.promethee.functions.${type}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="thresholds">
                  {'q' in f && <NumberField label="q" value={f.q} onChange={(q) => set(id, { ...f, q })} testId={`promethee-q-${id}`} />}
                  {'p' in f && (
                    <NumberField label="p" value={f.p} min={0.001} onChange={(p) => set(id, { ...f, p })} testId={`promethee-p-${id}`} />
                  )}
                  {'s' in f && (
                    <NumberField label="s" value={f.s} min={0.001} onChange={(s) => set(id, { ...f, s })} testId={`promethee-s-${id}`} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ElectreOptions({
  options,
  criteria,
  label,
  onOptions,
}: {
  options: MethodOptions['electre'];
  criteria: readonly CriterionKey[];
  label(id: string): string;
  onOptions(o: MethodOptions): void;
}) {
  const { t } = useTranslation();
  const concordance = options?.concordance ?? 0.7;
  const veto = options?.veto ?? {};
  return (
    <div className="method-options" data-testid="electre-options">
      <p className="convention">{t('mcda.electre.definition')}</p>
      <label className="weight-row orness-row">
        <span>{t('mcda.electre.concordance')}</span>
        <input
          type="range"
          min={0.5}
          max={1}
          step={0.05}
          value={concordance}
          onChange={(e) => onOptions({ electre: { ...options, concordance: Number(e.currentTarget.value) } })}
          aria-valuetext={concordance.toFixed(2)}
          data-testid="electre-concordance"
        />
        <output>{concordance.toFixed(2)}</output>
      </label>
      <p className="group-title">{t('mcda.electre.vetoTitle')}</p>
      <p className="muted small">{t('mcda.electre.vetoHint')}</p>
      {criteria.map((id) => (
        <label key={id} className="weight-row veto-row">
          <span>{label(id)}</span>
          <input
            type="number"
            min={0.05}
            max={1}
            step={0.05}
            placeholder={t('mcda.electre.noVeto')}
            value={veto[id] ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value === '' ? null : Math.min(1, Math.max(0.01, Number(e.currentTarget.value)));
              onOptions({ electre: { ...options, veto: { ...veto, [id]: v } } });
            }}
            data-testid={`electre-veto-${id}`}
          />
          <span />
        </label>
      ))}
    </div>
  );
}

export function MethodOptionsEditor({
  method,
  options,
  weightedCriteria,
  label,
  onMethod,
  onOptions,
  children,
}: {
  method: Method;
  options: MethodOptions;
  /** Criteria with a weight above 0 (OWA orders them; PROMETHEE and ELECTRE take a parameter for each). */
  weightedCriteria: readonly CriterionKey[];
  label(id: string): string;
  onMethod(m: Method): void;
  onOptions(o: MethodOptions): void;
  /** The AHP judgements (shown under AHP). */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="method-fieldset">
      <legend>{t('scoring.method')}</legend>
      <label className="field">
        <span className="sr-only">{t('scoring.method')}</span>
        <select value={method} onChange={(e) => onMethod(e.currentTarget.value as Method)} data-testid="scoring-method">
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`scoring.methods.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small" data-testid="method-summary">
        {t(`mcda.summary.${method}`)}
      </p>
      {method === 'ahp' && (
        <div className="method-options" data-testid="ahp-options">
          <div className="radio-row" role="radiogroup" aria-label={t('mcda.ahp.method')}>
            {(['eigen', 'geomean'] as const).map((m) => (
              <label key={m} className="check">
                <input
                  type="radio"
                  checked={(options.ahpMethod ?? 'eigen') === m}
                  onChange={() => onOptions({ ahpMethod: m })}
                  data-testid={`ahp-method-${m}`}
                />
                {t(`mcda.ahp.${m}`)}
              </label>
            ))}
          </div>
          <p className="muted small">{t('mcda.ahp.note')}</p>
          {children}
        </div>
      )}
      {method === 'owa' && <OwaOptions options={options.owa} weighted={weightedCriteria.length} onOptions={onOptions} />}
      {method === 'promethee' && (
        <PrometheeOptions options={options.promethee} criteria={weightedCriteria} label={label} onOptions={onOptions} />
      )}
      {method === 'vikor' && (
        <div className="method-options" data-testid="vikor-options">
          <label className="weight-row orness-row">
            <span>{t('mcda.vikor.v')}</span>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={options.vikor?.v ?? 0.5}
              onChange={(e) => onOptions({ vikor: { v: Number(e.currentTarget.value) } })}
              aria-valuetext={(options.vikor?.v ?? 0.5).toFixed(2)}
              data-testid="vikor-v"
            />
            <output>{(options.vikor?.v ?? 0.5).toFixed(2)}</output>
          </label>
          <p className="muted small">{t('mcda.vikor.hint')}</p>
        </div>
      )}
      {method === 'electre' && <ElectreOptions options={options.electre} criteria={weightedCriteria} label={label} onOptions={onOptions} />}
    </fieldset>
  );
}
