/**
 * The SMAA section under the ranking: sample count, seed and weight mode; the rank ranges'
 * summary (seed, samples, assumption sets — enough to reproduce them), each leading candidate's
 * chance of ranking first, 5–95 % rank range and confidence factor, the central weights of the
 * chosen one, where its raw values' ranges come from, and the map's colouring switch.
 */
import { useTranslation } from 'react-i18next';
import type { RankingResult } from '../../../../electron/contract/api.ts';
import { localName } from '../../../../geo/local-name.ts';
import { formatRaw } from './ranking-view.tsx';
import type { Uncertainty, WeightMode } from './use-uncertainty.ts';

const SHOWN = 10;
const WEIGHT_MODES: WeightMode[] = ['centred', 'uniform', 'fixed'];

export function UncertaintySection({ u, ranking, selected }: { u: Uncertainty; ranking: RankingResult; selected: string | null }) {
  const { t, i18n } = useTranslation();
  const r = u.result;
  const byId = new Map(ranking.candidates.map((c) => [c.id, c]));
  const name = (id: string) => {
    const c = byId.get(id);
    return c ? localName(c, i18n.language) : id;
  };
  const chosen = r?.candidates.find((c) => c.id === selected) ?? r?.candidates[0];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    <section className="uncertainty" data-testid="uncertainty" aria-labelledby="uncertainty-title">
      <h3 id="uncertainty-title">{t('uncertainty.title')}</h3>
      <p className="muted small">{t('uncertainty.intro')}</p>
      <div className="row-actions uncertainty-options">
        <label className="field inline">
          <span>{t('uncertainty.samples')}</span>
          <input
            type="number"
            min={100}
            max={50000}
            step={100}
            value={u.options.samples}
            onChange={(e) => u.setOptions({ ...u.options, samples: Math.max(100, Math.min(50000, Number(e.currentTarget.value) || 100)) })}
            data-testid="uncertainty-samples"
          />
        </label>
        <label className="field inline">
          <span>{t('uncertainty.seed')}</span>
          <input
            type="number"
            min={0}
            step={1}
            value={u.options.seed}
            onChange={(e) => u.setOptions({ ...u.options, seed: Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)) })}
            data-testid="uncertainty-seed"
          />
        </label>
        <label className="field inline">
          <span>{t('uncertainty.weightMode')}</span>
          <select
            value={u.options.weightMode}
            onChange={(e) => u.setOptions({ ...u.options, weightMode: e.currentTarget.value as WeightMode })}
            data-testid="uncertainty-weights"
          >
            {WEIGHT_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`uncertainty.weightModes.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void u.run()} disabled={u.running} data-testid="uncertainty-run">
          {u.running ? t('uncertainty.running') : t('uncertainty.run')}
        </button>
      </div>
      {u.running && (
        <div className="progress indeterminate" role="progressbar" aria-label={t('uncertainty.running')}>
          <div className="bar" />
        </div>
      )}
      {u.error && (
        <p role="alert" className="load-error small">
          {u.error}
        </p>
      )}
      {u.stale && <p className="note small">{t('uncertainty.stale')}</p>}
      {r && (
        <>
          <p className="small" data-testid="uncertainty-summary" data-seed={r.seed} data-samples={r.samples}>
            {t('uncertainty.summary', {
              samples: r.samples.toLocaleString(),
              seed: r.seed,
              sets: r.scenarios,
              cells: r.positionCells,
              s: (r.ms / 1000).toFixed(1),
            })}{' '}
            <span className="muted">{t('uncertainty.reproduce')}</span>
          </p>
          <p className="muted small">{t('uncertainty.sources', r.counts)}</p>
          <label className="field inline">
            <input
              type="checkbox"
              checked={u.mapMode}
              onChange={(e) => u.setMapMode(e.currentTarget.checked)}
              data-testid="uncertainty-map"
            />
            <span>{t('uncertainty.mapMode')}</span>
          </label>
          {u.mapMode && <p className="muted small">{t('uncertainty.mapLegend')}</p>}
          <table className="criteria-table" data-testid="acceptability">
            <thead>
              <tr>
                <th scope="col">{t('scoring.rank')}</th>
                <th scope="col">{t('uncertainty.candidate')}</th>
                <th scope="col">{t('uncertainty.rankRange')}</th>
                <th scope="col">{t('uncertainty.first')}</th>
                <th scope="col">{t('uncertainty.confidence')}</th>
              </tr>
            </thead>
            <tbody>
              {r.candidates.slice(0, SHOWN).map((c) => (
                <tr key={c.id} data-candidate={c.id}>
                  <td className="num">{c.rank}</td>
                  <td>{name(c.id)}</td>
                  <td className="num">{t('uncertainty.rangeValue', { lo: c.p5, hi: c.p95 })}</td>
                  <td className="num">
                    <span className="bar" style={{ width: `${Math.round((c.acceptability[0] ?? 0) * 100)}%` }} aria-hidden="true" />
                    {pct(c.acceptability[0] ?? 0)}
                  </td>
                  <td className="num">{c.confidence === null ? t('uncertainty.never') : pct(c.confidence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {chosen?.centralWeights && (
            <p className="small" data-testid="central-weights">
              {t('uncertainty.centralWeights', { name: name(chosen.id) })}:{' '}
              {Object.entries(chosen.centralWeights)
                .filter(([, w]) => (w ?? 0) >= 0.5)
                .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
                .map(([id, w]) => `${t(`criteria.${id}`)} ${(w ?? 0).toFixed(1)}%`)
                .join(t('app.listSeparator'))}
            </p>
          )}
          {chosen && chosen.ranges.length > 0 && (
            <details className="small" data-testid="value-ranges">
              <summary>{t('uncertainty.rangesOf', { name: name(chosen.id) })}</summary>
              <ul>
                {chosen.ranges.map((x) => {
                  const unit = byId.get(chosen.id)?.criteria.find((k) => k.id === x.criterion)?.unit ?? '';
                  return (
                    <li key={x.criterion}>
                      {t(`criteria.${x.criterion}`, { defaultValue: x.criterion })}: {formatRaw(x.lo, unit, t, i18n.language)} –{' '}
                      {formatRaw(x.hi, unit, t, i18n.language)}{' '}
                      <span className="muted">
                        ({x.sources.map((s) => t(`uncertainty.sourceNames.${s}`)).join(t('app.listSeparator'))})
                      </span>
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
