/**
 * Target site, "find parks like this one": choose a park or site and the criteria to compare;
 * the others are ranked by normalised distance to it (0 a twin, 1 the opposite end of every
 * criterion), each with the criteria on which it differs most, in their own units. For an
 * enterprise cloning a plant, or a park manager looking for who competes for the same tenants.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankingResult } from '../../../../electron/contract/api.ts';
import { localName, type CriterionKey } from '../../../../geo/index.ts';
import { formatRaw } from '../scoring/ranking-view.tsx';
import type { SimilarResult } from '../scoring/scoring-state.ts';

/** Differences shown per candidate. */
const TOP_DIFFERENCES = 3;

export function SimilarSites({
  result,
  similar,
  running,
  keys,
  label,
  onFind,
  onCancel,
}: {
  /** The last ranking: its candidates are the targets one can choose, and give each criterion's unit. */
  result: RankingResult | null;
  similar: SimilarResult | null;
  running: boolean;
  keys: readonly CriterionKey[];
  label(id: string): string;
  onFind(target: string, criteria: CriterionKey[] | null): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation();
  const candidates = result?.candidates ?? [];
  const [target, setTarget] = useState(candidates[0]?.id ?? '');
  const [chosen, setChosen] = useState<CriterionKey[] | null>(null);
  const unitOf = new Map((candidates[0]?.criteria ?? []).map((c) => [c.id, c.unit]));
  const criteria = chosen ?? keys;
  // A level or a match is a code, not an amount: its difference is shown as a number.
  const difference = (x: number, unit: string) =>
    unit === 'level' || unit === 'match' ? x.toFixed(1) : formatRaw(x, unit, t, i18n.language);
  if (!result) return <p className="muted">{t('mcda.similar.rankFirst')}</p>;
  const toggle = (id: CriterionKey, on: boolean) => {
    const next = on ? [...criteria, id] : criteria.filter((c) => c !== id);
    setChosen(keys.filter((k) => next.includes(k)));
  };
  return (
    <div className="similar" data-testid="similar-panel">
      <p className="muted">{t('mcda.similar.intro')}</p>
      <label className="field">
        <span>{t('mcda.similar.target')}</span>
        <select value={target} onChange={(e) => setTarget(e.currentTarget.value)} data-testid="similar-target">
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {localName(c, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="similar-criteria">
        <legend>{t('mcda.similar.criteria')}</legend>
        <div className="ahp-criteria">
          {keys.map((id) => (
            <label key={id} className="check small">
              <input
                type="checkbox"
                checked={criteria.includes(id)}
                onChange={(e) => toggle(id, e.currentTarget.checked)}
                data-testid={`similar-criterion-${id}`}
              />
              {label(id)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="run-row">
        <button
          type="button"
          className="primary"
          disabled={running || target === '' || criteria.length === 0}
          onClick={() => onFind(target, chosen && chosen.length < keys.length ? chosen : null)}
          data-testid="similar-run"
        >
          {t('mcda.similar.find')}
        </button>
        {running && (
          <>
            <div className="progress indeterminate" role="progressbar" aria-label={t('mcda.similar.running')}>
              <div className="bar" />
            </div>
            <button type="button" onClick={onCancel}>
              {t('access.cancel')}
            </button>
          </>
        )}
      </div>
      {similar && (
        <>
          <h3>{t('mcda.similar.resultTitle', { name: localName(similar.target, i18n.language), n: similar.criteria.length })}</h3>
          <table className="criteria-table" data-testid="similar-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('scoring.site')}</th>
                <th scope="col">{t('mcda.similar.distance')}</th>
                <th scope="col">{t('mcda.similar.differsMost')}</th>
              </tr>
            </thead>
            <tbody>
              {similar.ranking.map((r, k) => (
                <tr key={r.id} data-candidate={r.id}>
                  <td className="num">{k + 1}</td>
                  <td>{localName(r, i18n.language)}</td>
                  <td className="num">{r.distance === null ? t('info.unknown') : r.distance.toFixed(3)}</td>
                  <td className="small">
                    {r.differences.slice(0, TOP_DIFFERENCES).map((d) => (
                      <span key={d.criterion} className="difference" data-criterion={d.criterion}>
                        {label(d.criterion)} {d.raw > 0 ? '+' : d.raw < 0 ? '−' : '±'}
                        {difference(Math.abs(d.raw), unitOf.get(d.criterion) ?? '')}
                      </span>
                    ))}
                    {r.compared < similar.criteria.length && (
                      <span className="muted"> {t('mcda.similar.compared', { n: r.compared, of: similar.criteria.length })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('mcda.similar.note')}</p>
        </>
      )}
    </div>
  );
}
