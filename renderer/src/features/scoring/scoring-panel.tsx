/**
 * Score and rank candidate sites for a relocating enterprise: profile, method, weights, the
 * ranking with explanations, sensitivity, and sites the user adds on the map.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardHeader } from '../../components/card-header.tsx';
import { ComparisonView } from '../compare/comparison-view.tsx';
import { ScenarioBar } from '../scenarios/scenario-bar.tsx';
import { AhpEditor } from './ahp-editor.tsx';
import { ProfileForm } from './profile-form.tsx';
import { RankingView } from './ranking-view.tsx';
import type { Method } from './scoring-state.ts';
import type { Scoring } from './use-scoring.ts';
import { WeightsEditor } from './weights-editor.tsx';
import { UncertaintySection } from './uncertainty-section.tsx';
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
  uncertainty,
}: ScoringPanelProps) {
  const { t } = useTranslation();
  const [siteName, setSiteName] = useState('');
  const { state: s, dispatch } = scoring;
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
  return (
    <section className="scoring-panel" aria-labelledby="scoring-title" data-testid="scoring-panel">
      <CardHeader id="scoring-title" title={t('scoring.title')} closeLabel={t('scoring.close')} onClose={onClose} />
      <div className="scoring-body">
        <div className="scoring-inputs">
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
          <label className="field">
            <span>{t('scoring.method')}</span>
            <select
              value={s.method}
              onChange={(e) => dispatch({ type: 'methodChosen', method: e.currentTarget.value as Method })}
              data-testid="scoring-method"
            >
              <option value="wsm">{t('scoring.methods.wsm')}</option>
              <option value="ahp">{t('scoring.methods.ahp')}</option>
              <option value="topsis">{t('scoring.methods.topsis')}</option>
            </select>
          </label>
          {s.method === 'ahp' ? (
            <AhpEditor
              criteria={s.ahpCriteria}
              matrix={s.ahpMatrix}
              onCriteria={(ids) => dispatch({ type: 'ahpCriteriaChosen', ids })}
              onJudgement={(i, j, value) => dispatch({ type: 'judgementSet', i, j, value })}
            />
          ) : (
            s.weights && (
              <WeightsEditor weights={s.weights} onChange={(id, value) => dispatch({ type: 'weightMoved', id, value })} disabled={false} />
            )
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
          <button
            type="button"
            className="primary"
            onClick={() => void scoring.run()}
            disabled={s.running || !s.profile}
            data-testid="run-ranking"
          >
            {s.running ? t('app.loading') : t('scoring.run')}
          </button>
          {s.error && (
            <p role="alert" className="load-error small">
              {s.error}
            </p>
          )}
          <ScenarioBar scoring={scoring} onReport={onReport} />
        </div>
        <div className="scoring-results">
          {s.view === 'compare' ? (
            <ComparisonView
              result={s.comparison}
              own={s.own}
              onOwn={(id) => (dispatch({ type: 'ownChosen', id }), void scoring.runCompare(id))}
              onBack={() => dispatch({ type: 'viewChosen', view: 'ranking' })}
            />
          ) : s.result ? (
            <>
              <div className="compare-bar">
                <span className="muted small">{t('compare.hint')}</span>
                <button
                  type="button"
                  disabled={s.compareIds.length < 2}
                  onClick={() => void scoring.runCompare()}
                  data-testid="compare-open"
                >
                  {t('compare.open', { n: s.compareIds.length })}
                </button>
              </div>
              <RankingView
                result={s.result}
                selected={selected}
                onSelect={onSelect}
                ahpCriteria={s.ahpCriteria}
                compareIds={s.compareIds}
                onToggleCompare={(id) => dispatch({ type: 'compareToggled', id })}
                rankRanges={uncertainty?.ranges ?? null}
              />
              {uncertainty && <UncertaintySection u={uncertainty} ranking={s.result} selected={selected} />}
            </>
          ) : (
            <p className="muted">{t('scoring.empty')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
