/**
 * Beside "what would move us up" (one criterion at a time): the combined gap analysis — for each of
 * the plan's ten industries, the smallest combined change across criteria that puts the own park
 * in the top k (gapAnalysis: weighted sum, effort per unit, "cannot change" marks), each answer
 * ranked again to confirm it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapResult } from '../../../../electron/contract/api.ts';
import { CRITERION_IDS, type CriterionKey } from '../../../../geo/index.ts';
import { localName } from '../../../../geo/local-name.ts';
import { useGapAnalysis } from '../../api/mutations.ts';
import { formatRaw } from '../scoring/ranking-view.tsx';

/**
 * The two ends of a change as the ranking prints them; when the rounding makes them look the same
 * (a few hundred residents in 万人), the end shows the exact difference as well.
 */
export function changeText(
  from: number | null,
  to: number | null,
  unit: string,
  t: (k: string, o?: Record<string, unknown>) => string,
  language: string,
): { from: string; to: string } {
  const ends = { from: formatRaw(from, unit, t, language), to: formatRaw(to, unit, t, language) };
  if (ends.from !== ends.to || from === null || to === null) return ends;
  // Persons to the person, anything else to a tenth of its unit.
  const size = unit === 'persons' ? Math.round(Math.abs(to - from)) : Math.round(Math.abs(to - from) * 10) / 10;
  const delta = `${to >= from ? '+' : '−'}${size.toLocaleString(language)}`;
  return { ...ends, to: t('gap.exactDelta', { value: ends.to, delta }) };
}

/** The plan's prefecture focus is not a park's to change. */
const DEFAULT_FIXED: CriterionKey[] = ['prefecture-focus'];

export function GapAnalysis({ park }: { park: string }) {
  const { t, i18n } = useTranslation();
  const analyse = useGapAnalysis();
  const [target, setTarget] = useState(3);
  const [fixed, setFixed] = useState<CriterionKey[]>(DEFAULT_FIXED);
  const [effort, setEffort] = useState<Partial<Record<CriterionKey, number>>>({});
  const [result, setResult] = useState<GapResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    try {
      setResult(await analyse.mutateAsync({ park, target, fixed, ...(Object.keys(effort).length > 0 ? { effort } : {}) }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const shown = result && result.park.id === park ? result : null;
  return (
    <section className="gap-analysis" data-testid="gap-analysis" aria-labelledby="gap-title">
      <h3 id="gap-title">{t('gap.title', { k: target })}</h3>
      <p className="muted small">{t('gap.intro', { k: target })}</p>
      <div className="row-actions">
        <label className="field inline">
          <span>{t('gap.target')}</span>
          <input
            type="number"
            min={1}
            max={60}
            value={target}
            onChange={(e) => setTarget(Math.max(1, Math.min(60, Math.floor(Number(e.currentTarget.value) || 1))))}
            data-testid="gap-target"
          />
        </label>
        <button type="button" onClick={() => void run()} disabled={analyse.isPending} data-testid="gap-run">
          {analyse.isPending ? t('gap.running') : t('gap.run')}
        </button>
      </div>
      <details className="small">
        <summary>{t('gap.fixed')}</summary>
        <div className="gap-fixed">
          {CRITERION_IDS.map((id) => (
            <label key={id} className="field inline">
              <input
                type="checkbox"
                checked={fixed.includes(id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setFixed((f) => (on ? [...f, id] : f.filter((x) => x !== id)));
                }}
                data-testid={`gap-fixed-${id}`}
              />
              <span>{t(`criteria.${id}`)}</span>
              <input
                type="number"
                min={0}
                step="any"
                className="effort"
                placeholder={t('gap.effortPerUnit')}
                aria-label={`${t('gap.effortPerUnit')}: ${t(`criteria.${id}`)}`}
                value={effort[id] ?? ''}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  const v = Number(text);
                  setEffort((x) => {
                    const next = { ...x };
                    if (text === '' || !(v > 0)) delete next[id];
                    else next[id] = v;
                    return next;
                  });
                }}
              />
            </label>
          ))}
        </div>
        <p className="muted">{t('gap.effortHint')}</p>
      </details>
      {error && (
        <p role="alert" className="load-error small">
          {error}
        </p>
      )}
      {shown && (
        <table className="criteria-table" data-testid="gap-table">
          <thead>
            <tr>
              <th scope="col">{t('gap.industry')}</th>
              <th scope="col">{t('gap.now')}</th>
              <th scope="col">{t('gap.changes')}</th>
              <th scope="col">{t('gap.effort')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.industries.map((i) => (
              <tr key={i.id} data-industry={i.id} data-status={i.status}>
                <th scope="row">{localName(i, i18n.language)}</th>
                <td className="num">{i.rank === null ? '—' : `${i.rank} / ${i.of}`}</td>
                <td>
                  {i.status === 'found' ? (
                    <>
                      <ul className="gap-changes">
                        {i.changes.map((c) => (
                          <li key={c.criterion}>
                            {t('gap.change', {
                              criterion: t(`criteria.${c.criterion}`, { defaultValue: c.criterion }),
                              ...changeText(c.from, c.to, c.unit, t, i18n.language),
                            })}
                          </li>
                        ))}
                      </ul>
                      {i.confirmedRank !== null && <span className="muted">{t('gap.confirmed', { rank: i.confirmedRank })}</span>}
                    </>
                  ) : (
                    <span className="muted">{t(`gap.${i.status}`)}</span>
                  )}
                </td>
                <td className="num">{i.effort === null ? '—' : i.effort.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown && <p className="muted small">{t('gap.ms', { ms: shown.ms })}</p>}
    </section>
  );
}
