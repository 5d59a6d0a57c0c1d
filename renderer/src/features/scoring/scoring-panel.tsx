/**
 * Score and rank candidate sites for a relocating enterprise: profile, method, weights, the
 * ranking with explanations, sensitivity, and sites the user adds on the map.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardHeader } from '../../components/card-header.tsx';
import type { RankingResult } from '../../../../electron/contract/api.ts';
import { ComparisonView } from '../compare/comparison-view.tsx';
import { ScenarioBar } from '../scenarios/scenario-bar.tsx';
import { AhpEditor } from './ahp-editor.tsx';
import { ProfileForm } from './profile-form.tsx';
import { RankingView } from './ranking-view.tsx';
import type { useScoring } from './use-scoring.ts';
import { WeightsEditor } from './weights-editor.tsx';

export interface ScoringPanelProps {
  scoring: ReturnType<typeof useScoring>;
  selected: string | null;
  onSelect(id: string): void;
  addingSite: boolean;
  onAddSite(name: string | null): void;
  onClose(): void;
  placeError: string | null;
  /** The project's sites or layers changed (a scenario or project file was opened). */
  onProjectChanged(): void;
  onReport(): void;
}

export function ScoringPanel({
  scoring,
  selected,
  onSelect,
  addingSite,
  onAddSite,
  onClose,
  placeError,
  onProjectChanged,
  onReport,
}: ScoringPanelProps) {
  const { t } = useTranslation();
  const [siteName, setSiteName] = useState('');
  const s = scoring;
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
              taxonomy={s.taxonomy}
              presets={s.presets}
              onPreset={s.applyPreset}
              onChange={(p) => s.setProfile(p, false)}
            />
          )}
          <label className="field">
            <span>{t('scoring.method')}</span>
            <select value={s.method} onChange={(e) => s.setMethod(e.currentTarget.value as typeof s.method)} data-testid="scoring-method">
              <option value="wsm">{t('scoring.methods.wsm')}</option>
              <option value="ahp">{t('scoring.methods.ahp')}</option>
              <option value="topsis">{t('scoring.methods.topsis')}</option>
            </select>
          </label>
          {s.method === 'ahp' ? (
            <AhpEditor criteria={s.ahpCriteria} matrix={s.ahpMatrix} onCriteria={s.chooseAhpCriteria} onJudgement={s.setJudgement} />
          ) : (
            s.weights && <WeightsEditor weights={s.weights} onChange={s.setWeight} disabled={false} />
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
            onClick={() => void s.run()}
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
          <ScenarioBar scoring={s} onProjectChanged={onProjectChanged} onReport={onReport} />
        </div>
        <div className="scoring-results">
          {s.view === 'compare' ? (
            <ComparisonView
              result={s.comparison}
              own={s.own}
              onOwn={(id) => (s.setOwn(id), void s.runCompare(id))}
              onBack={() => s.setView('ranking')}
            />
          ) : s.result ? (
            <>
              <div className="compare-bar">
                <span className="muted small">{t('compare.hint')}</span>
                <button type="button" disabled={s.compareIds.length < 2} onClick={() => void s.runCompare()} data-testid="compare-open">
                  {t('compare.open', { n: s.compareIds.length })}
                </button>
              </div>
              <RankingView
                result={s.result as RankingResult}
                selected={selected}
                onSelect={onSelect}
                ahpCriteria={s.ahpCriteria}
                compareIds={s.compareIds}
                onToggleCompare={s.toggleCompare}
              />
            </>
          ) : (
            <p className="muted">{t('scoring.empty')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
