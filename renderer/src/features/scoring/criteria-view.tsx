/**
 * The criteria: the project's own (defined from an imported layer's column or typed per park,
 * each with its source and as-of date, its weight, edited or deleted) and the value function of
 * any criterion, built-in or own, with its live plot.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomCriterionRecord, LayerSummary, RankingResult } from '../../../../electron/contract/api.ts';
import { CRITERIA, CRITERION_LEVELS, localName, type CriterionKey } from '../../../../geo/index.ts';
import { useDeleteCustomCriterion } from '../../api/mutations.ts';
import { useCustomCriteria } from '../../api/queries.ts';
import { CustomCriterionForm } from './custom-criterion-form.tsx';
import { weightKeys, type ScoringAction, type ScoringState } from './scoring-state.ts';
import { ValueFunctionEditor, type PlotCandidate } from './value-function-editor.tsx';
import { criterionOrigin } from './criterion-origin.ts';

const NONE: CustomCriterionRecord[] = [];

/** A criterion's unit and direction, built-in or own. */
function criterionFacts(id: CriterionKey, custom: readonly CustomCriterionRecord[]): { unit: string; type: 'benefit' | 'cost' } {
  const own = custom.find((c) => c.id === id);
  if (own) return { unit: own.unit, type: own.type };
  const builtIn = CRITERIA.find((c) => c.id === id);
  return { unit: builtIn?.unit ?? '', type: builtIn?.type ?? 'benefit' };
}

/** The candidates' raw values of a criterion: from the last ranking (ranked ones), else a custom criterion's own values. */
function plotCandidates(
  id: CriterionKey,
  result: RankingResult | null,
  custom: readonly CustomCriterionRecord[],
  language: string,
): PlotCandidate[] {
  if (result)
    return result.candidates
      .filter((c) => c.rank !== null)
      .map((c) => ({ name: localName(c, language), raw: c.criteria.find((x) => x.id === id)?.raw ?? null }));
  const own = custom.find((c) => c.id === id);
  return own ? Object.entries(own.values).map(([name, raw]) => ({ name, raw })) : [];
}

export function CriteriaView({
  state,
  dispatch,
  label,
  layers,
  onImport,
}: {
  state: ScoringState;
  dispatch(a: ScoringAction): void;
  label(id: string): string;
  layers: LayerSummary[];
  onImport?(): void;
}) {
  const { t, i18n } = useTranslation();
  const custom = useCustomCriteria().data ?? NONE;
  const remove = useDeleteCustomCriterion().mutateAsync;
  const [form, setForm] = useState<{ editing: CustomCriterionRecord | null } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const keys = weightKeys(state);
  const [vfFor, setVfFor] = useState<CriterionKey>(keys[0] ?? 'industry-match');
  const chosen = keys.includes(vfFor) ? vfFor : (keys[0] as CriterionKey);
  const facts = criterionFacts(chosen, custom);
  const own = custom.find((c) => c.id === chosen);
  const f = state.valueFunctions[chosen] ?? own?.valueFunction ?? null;
  return (
    <div className="criteria-view" data-testid="criteria-view">
      <section aria-labelledby="own-criteria-title">
        <h3 id="own-criteria-title">{t('mcda.custom.title')}</h3>
        <p className="muted small">{t('mcda.custom.intro')}</p>
        {custom.length === 0 ? (
          <p className="muted" data-testid="custom-empty">
            {t('mcda.custom.none')}
          </p>
        ) : (
          <table className="criteria-table" data-testid="custom-list">
            <thead>
              <tr>
                <th scope="col">{t('scoring.criterion')}</th>
                <th scope="col">{t('mcda.custom.unit')}</th>
                <th scope="col">{t('mcda.custom.direction')}</th>
                <th scope="col">{t('mcda.custom.known')}</th>
                <th scope="col">{t('mcda.custom.source')}</th>
                <th scope="col">{t('scoring.weight')}</th>
                <th scope="col">
                  <span className="sr-only">{t('mcda.custom.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {custom.map((c) => {
                const known = Object.values(c.values).filter((v) => v !== null).length;
                return (
                  <tr key={c.id} data-criterion={c.id}>
                    <th scope="row">
                      {localName(c, i18n.language)}
                      <span className="block muted small">{criterionOrigin(c, t)}</span>
                    </th>
                    <td>{c.unit}</td>
                    <td>{t(`mcda.vf.${c.type}`)}</td>
                    <td className="num">{known}</td>
                    <td className="source-cell small">
                      {c.source}
                      {c.as_of && <span className="block muted">{t('mcda.custom.asOfValue', { date: c.as_of })}</span>}
                    </td>
                    <td>
                      <input
                        type="number"
                        min={0}
                        max={100}
                        step={1}
                        className="weight-input"
                        value={state.weights?.[c.id] ?? 0}
                        onChange={(e) => dispatch({ type: 'weightMoved', id: c.id, value: Number(e.currentTarget.value) || 0 })}
                        aria-label={t('mcda.custom.weightOf', { name: localName(c, i18n.language) })}
                        data-testid={`custom-weight-${c.id}`}
                      />
                      %
                    </td>
                    <td className="row-actions">
                      <button type="button" onClick={() => setVfFor(c.id)} data-testid={`custom-vf-${c.id}`}>
                        {t('mcda.custom.valueFunction')}
                      </button>
                      <button type="button" onClick={() => setForm({ editing: c })} data-testid={`custom-edit-${c.id}`}>
                        {t('mcda.custom.edit')}
                      </button>
                      <button
                        type="button"
                        className={confirm === c.id ? 'danger' : undefined}
                        onClick={() => {
                          if (confirm !== c.id) return setConfirm(c.id);
                          setConfirm(null);
                          void remove({ id: c.id }).then(
                            () => setMessage(t('mcda.custom.deleted', { name: localName(c, i18n.language) })),
                            (e: unknown) => setMessage((e as Error).message),
                          );
                        }}
                        data-testid={`custom-delete-${c.id}`}
                      >
                        {confirm === c.id ? t('mcda.custom.confirmDelete') : t('mcda.custom.delete')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {message && (
          <p className="note small" role="status" data-testid="custom-message">
            {message}
          </p>
        )}
        {form ? (
          <CustomCriterionForm
            key={form.editing?.id ?? 'new'}
            layers={layers}
            editing={form.editing}
            onImport={onImport}
            onCancel={() => setForm(null)}
            onSaved={(c, report) => {
              setForm(null);
              setVfFor(c.id);
              setMessage(
                report
                  ? t('mcda.custom.savedJoined', { name: localName(c, i18n.language), n: report.matched.length })
                  : t('mcda.custom.saved', { name: localName(c, i18n.language) }),
              );
            }}
          />
        ) : (
          <button type="button" onClick={() => setForm({ editing: null })} data-testid="custom-new">
            {t('mcda.custom.new')}
          </button>
        )}
      </section>
      <section aria-labelledby="vf-title" className="vf-section">
        <h3 id="vf-title">{t('mcda.vf.title')}</h3>
        <label className="field inline">
          <span>{t('scoring.criterion')}</span>
          <select value={chosen} onChange={(e) => setVfFor(e.currentTarget.value as CriterionKey)} data-testid="vf-criterion">
            {keys.map((id) => (
              <option key={id} value={id}>
                {label(id)}
                {state.valueFunctions[id] ? ` · ${t(`mcda.vf.kinds.${state.valueFunctions[id]?.kind ?? 'linear'}`)}` : ''}
              </option>
            ))}
          </select>
        </label>
        {!state.result && <p className="muted small">{t('mcda.vf.rankFirst')}</p>}
        <ValueFunctionEditor
          key={chosen}
          criterion={{ id: chosen, label: label(chosen), ...facts }}
          f={f}
          candidates={plotCandidates(chosen, state.result, custom, i18n.language)}
          levels={CRITERION_LEVELS[chosen]}
          onChange={(next) => dispatch({ type: 'valueFunctionSet', id: chosen, f: next })}
        />
      </section>
    </div>
  );
}
