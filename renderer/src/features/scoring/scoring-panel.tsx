/**
 * Score and rank candidate sites for a relocating enterprise. Inputs in tabs (profile, method and
 * its parameters, weights, scenarios and reports) with the ranking button always in reach; results
 * in tabs (the ranking with explanations and the method's own outputs, the criteria with the
 * user's own and every value function, method agreement, parks like a chosen one, the comparison).
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerSummary } from '../../../../electron/contract/api.ts';
import { CardHeader } from '../../components/card-header.tsx';
import { Tabs } from '../../components/tabs.tsx';
import { AgreementPanel } from '../compare/agreement-panel.tsx';
import { ComparisonView } from '../compare/comparison-view.tsx';
import { SimilarSites } from '../compare/similar-sites.tsx';
import { ScenarioBar } from '../scenarios/scenario-bar.tsx';
import { AhpEditor } from './ahp-editor.tsx';
import { CriteriaView } from './criteria-view.tsx';
import { MethodOptionsEditor } from './method-options.tsx';
import { ProfileForm } from './profile-form.tsx';
import { RankingView } from './ranking-view.tsx';
import { selectStability, weightKeys, type ResultsView } from './scoring-state.ts';
import { useCriterionLabel } from './use-criterion-label.ts';
import type { Scoring } from './use-scoring.ts';
import { WeightingPanel } from './weighting-panel.tsx';

type InputsTab = 'profile' | 'method' | 'weights' | 'scenarios';
import { UncertaintySection } from './uncertainty-section.tsx';
import { YearCompareButton } from '../years/year-compare-button.tsx';
import type { Uncertainty } from './use-uncertainty.ts';

export interface ScoringPanelProps {
  scoring: Scoring;
  selected: string | null;
  onSelect(id: string): void;
  addingSite: boolean;
  onAddSite(name: string | null): void;
  onClose(): void;
  placeError: string | null;
  onReport(): void;
  /** The user's layers (a custom criterion's values can come from one's column). */
  layers: LayerSummary[];
  /** Opens the import dialog. */
  onImport(): void;
  /** The rank ranges (SMAA) of the ranking on screen; the section shows when given. */
  uncertainty?: Uncertainty;
}

export function ScoringPanel({
  scoring,
  selected,
  onSelect,
  addingSite,
  onAddSite,
  onClose,
  placeError,
  onReport,
  layers,
  onImport,
  uncertainty,
}: ScoringPanelProps) {
  const { t } = useTranslation();
  const label = useCriterionLabel();
  const [siteName, setSiteName] = useState('');
  const [inputsTab, setInputsTab] = useState<InputsTab>('profile');
  const { state: s, dispatch } = scoring;
  const keys = weightKeys(s);
  const weighted = keys.filter((id) => (s.weights?.[id] ?? 0) > 0);
  const names = useMemo(() => new Map((s.result?.candidates ?? []).map((c) => [c.id, c])), [s.result]);
  // Stable props for the memoised ranking table: a click on the ranking button (busy state) or an
  // input moved does not re-render it, only a new answer does.
  const stability = useMemo(() => selectStability({ result: s.result, stability: s.stability }), [s.result, s.stability]);
  const toggleCompare = useCallback((id: string) => dispatch({ type: 'compareToggled', id }), [dispatch]);
  if (addingSite) {
    // The map must be free to click: the panel steps aside until the site is placed.
    return (
      <div className="placing-banner" role="status" data-testid="placing-banner">
        <span>{t('scoring.clickMapFor', { name: siteName.trim() })}</span>
        <button type="button" onClick={() => onAddSite(null)}>
          {t('access.cancel')}
        </button>
      </div>
    );
  }
  const ahpProps = {
    criteria: s.ahpCriteria,
    matrix: s.ahpMatrix,
    onCriteria: (ids: typeof s.ahpCriteria) => dispatch({ type: 'ahpCriteriaChosen', ids }),
    onJudgement: (i: number, j: number, value: number) => dispatch({ type: 'judgementSet', i, j, value }),
  };

  const profileTab = (
    <>
      {s.profile && (
        <ProfileForm
          profile={s.profile}
          taxonomy={scoring.taxonomy}
          presets={scoring.presets}
          onPreset={(id) => {
            const preset = scoring.presets.find((p) => p.id === id);
            if (preset) dispatch({ type: 'presetChosen', profile: preset.profile });
          }}
          onChange={(profile) => dispatch({ type: 'profileEdited', profile })}
        />
      )}
      <fieldset className="add-site">
        <legend>{t('scoring.addSite')}</legend>
        <input
          type="text"
          value={siteName}
          placeholder={t('scoring.siteName')}
          onChange={(e) => setSiteName(e.currentTarget.value)}
          aria-label={t('scoring.siteName')}
          data-testid="site-name"
        />
        <button
          type="button"
          disabled={siteName.trim() === ''}
          onClick={() => onAddSite(siteName.trim())}
          aria-pressed={addingSite}
          data-testid="add-site"
        >
          {addingSite ? t('scoring.clickMap') : t('scoring.placeOnMap')}
        </button>
      </fieldset>
      {placeError && (
        <p role="alert" className="load-error small" data-testid="place-error">
          {t('scoring.placeError', { message: placeError })}
        </p>
      )}
    </>
  );
  const methodTab = (
    <MethodOptionsEditor
      method={s.method}
      options={s.methodOptions}
      weightedCriteria={weighted}
      label={label}
      onMethod={(method) => dispatch({ type: 'methodChosen', method })}
      onOptions={(options) => dispatch({ type: 'methodOptionsSet', options })}
    >
      <AhpEditor keys={keys} label={label} {...ahpProps} />
    </MethodOptionsEditor>
  );
  const weightsTab = s.weights && (
    <>
      {s.method === 'ahp' && <p className="note small">{t('mcda.weighting.underAhp')}</p>}
      <WeightingPanel
        keys={keys}
        label={label}
        weights={s.weights}
        ahp={{ ...ahpProps, method: s.methodOptions.ahpMethod ?? 'eigen' }}
        onMove={(id, value) => dispatch({ type: 'weightMoved', id, value })}
        onApply={(weights) => dispatch({ type: 'weightsApplied', weights })}
      />
    </>
  );

  const rankingTab = s.result ? (
    <>
      <div className="compare-bar">
        <span className="muted small">{t('compare.hint')}</span>
        <button type="button" disabled={s.compareIds.length < 2} onClick={() => void scoring.runCompare()} data-testid="compare-open">
          {t('compare.open', { n: s.compareIds.length })}
        </button>
        <YearCompareButton testId="ranking-year-compare" />
      </div>
      <RankingView
        result={s.result}
        selected={selected}
        onSelect={onSelect}
        ahpCriteria={s.ahpCriteria}
        compareIds={s.compareIds}
        onToggleCompare={toggleCompare}
        rankRanges={uncertainty?.ranges ?? null}
        stability={stability}
      />
      {uncertainty && <UncertaintySection u={uncertainty} ranking={s.result} selected={selected} />}
    </>
  ) : (
    <p className="muted">{t('scoring.empty')}</p>
  );
  const resultsTabs = [
    { id: 'ranking' as const, label: t('mcda.views.ranking'), panel: rankingTab },
    {
      id: 'criteria' as const,
      label: t('mcda.views.criteria'),
      keepMounted: true,
      panel: <CriteriaView state={s} dispatch={dispatch} label={label} layers={layers} onImport={onImport} />,
    },
    {
      id: 'agreement' as const,
      label: t('mcda.views.agreement'),
      panel: (
        <AgreementPanel
          agreement={s.agreement}
          running={s.agreementRunning}
          names={names}
          canRun={s.profile !== null}
          onRun={() => void scoring.runAgreement()}
          onCancel={scoring.cancelPending}
        />
      ),
    },
    {
      id: 'similar' as const,
      label: t('mcda.views.similar'),
      panel: (
        <SimilarSites
          result={s.result}
          similar={s.similar}
          running={s.similarRunning}
          keys={keys}
          label={label}
          onFind={(target, criteria) => void scoring.runSimilar(target, criteria)}
          onCancel={scoring.cancelPending}
        />
      ),
    },
    ...(s.view === 'compare' || s.comparison
      ? [
          {
            id: 'compare' as const,
            label: t('compare.title'),
            panel: (
              <ComparisonView
                result={s.comparison}
                own={s.own}
                onOwn={(id) => (dispatch({ type: 'ownChosen', id }), void scoring.runCompare(id))}
                onBack={() => dispatch({ type: 'viewChosen', view: 'ranking' })}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <section className="scoring-panel" aria-labelledby="scoring-title" data-testid="scoring-panel" data-rankings={s.rankings}>
      <CardHeader id="scoring-title" title={t('scoring.title')} closeLabel={t('scoring.close')} onClose={onClose} />
      <div className="scoring-body">
        <div className="scoring-inputs">
          <Tabs<InputsTab>
            id="inputs"
            label={t('mcda.tabs.label')}
            chosen={inputsTab}
            onChoose={setInputsTab}
            tabs={[
              { id: 'profile', label: t('mcda.tabs.profile'), panel: profileTab, keepMounted: true },
              { id: 'method', label: t('mcda.tabs.method'), panel: methodTab, keepMounted: true },
              { id: 'weights', label: t('mcda.tabs.weights'), panel: weightsTab, keepMounted: true },
              {
                id: 'scenarios',
                label: t('mcda.tabs.scenarios'),
                panel: <ScenarioBar scoring={scoring} onReport={onReport} />,
                keepMounted: true,
              },
            ]}
          />
          <div className="run-bar">
            {s.error && (
              <p role="alert" className="load-error small" data-testid="scoring-error">
                {s.error}
              </p>
            )}
            <button
              type="button"
              className="primary"
              onClick={() => void scoring.run()}
              disabled={s.running || !s.profile}
              aria-busy={s.running}
              data-testid="run-ranking"
            >
              {s.running ? t('app.loading') : t('scoring.run')}
            </button>
            <span className="muted small run-summary" data-testid="run-summary">
              {t('mcda.runSummary', { method: t(`scoring.methods.${s.method}`), n: weighted.length })}
            </span>
          </div>
        </div>
        <div className="scoring-results">
          <Tabs<ResultsView>
            id="results"
            label={t('mcda.views.label')}
            chosen={s.view}
            onChoose={(view: ResultsView) => dispatch({ type: 'viewChosen', view })}
            tabs={resultsTabs}
          />
        </div>
      </div>
    </section>
  );
}
