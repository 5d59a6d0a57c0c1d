/**
 * Method agreement: every method on the same table (the inputs on screen), each candidate's place
 * under each, the Borda and Copeland consensus, Kendall τ between every two methods, and the
 * verdict in plain words in the current language. The numbers are the `methodAgreement` handler's.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementResult } from '../../../../electron/contract/api.ts';
import { localName, localText } from '../../../../geo/local-name.ts';

/** Candidates shown before "show all" (by Borda consensus). */
const SHORT = 15;

/** Blue for agreement, red for disagreement, white at 0 (τ in −1…1). */
function tauColour(tau: number | null): string {
  if (tau === null) return '#eeeeee';
  const a = Math.min(1, Math.abs(tau));
  return tau >= 0 ? `rgba(47, 107, 143, ${(0.12 + 0.7 * a).toFixed(2)})` : `rgba(160, 50, 40, ${(0.12 + 0.7 * a).toFixed(2)})`;
}

/** The verdict sentence in the current language (the backend writes both). */
export function VerdictText({ agreement }: { agreement: AgreementResult }) {
  const { i18n } = useTranslation();
  return <>{localText(agreement.verdict, 'text', i18n.language)}</>;
}

export function AgreementTables({
  agreement,
  names,
}: {
  agreement: AgreementResult;
  names: ReadonlyMap<string, { name_zh: string; name_en: string }>;
}) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const name = (id: string) => {
    const c = names.get(id);
    return c ? localName(c, i18n.language) : id;
  };
  const place = agreement.methods.map((m) => new Map(m.ranking.map((id, k) => [id, k + 1])));
  const borda = new Map(agreement.borda.map((id, k) => [id, k + 1]));
  const copeland = new Map(agreement.copeland.map((id, k) => [id, k + 1]));
  const rows = all ? agreement.borda : agreement.borda.slice(0, SHORT);
  const methodName = (m: string) => t(`scoring.methods.${m}`);
  // Column heads take the short name (the full one wraps into four lines in a narrow column).
  const head = (m: string) => <abbr title={methodName(m)}>{t(`mcda.agreement.short.${m}`)}</abbr>;
  return (
    <>
      <h3>{t('mcda.agreement.tauTitle')}</h3>
      <table className="criteria-table heat-table tau-table" data-testid="tau-matrix">
        <thead>
          <tr>
            <th scope="col">τ</th>
            {agreement.methods.map((m) => (
              <th key={m.method} scope="col">
                {head(m.method)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {agreement.methods.map((m, i) => (
            <tr key={m.method}>
              <th scope="row">{methodName(m.method)}</th>
              {(agreement.tau[i] ?? []).map((tau, k) => (
                <td
                  key={k}
                  className="num heat"
                  style={{ background: tauColour(tau), color: tau !== null && Math.abs(tau) > 0.6 ? '#ffffff' : '#222222' }}
                >
                  {tau === null ? '—' : tau.toFixed(2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('mcda.agreement.tauNote')}</p>
      <h3>{t('mcda.agreement.tableTitle', { n: agreement.candidates })}</h3>
      <div className="matrix-scroll">
        <table className="criteria-table agreement-table" data-testid="agreement-table">
          <thead>
            <tr>
              <th scope="col">{t('scoring.site')}</th>
              {agreement.methods.map((m) => (
                <th key={m.method} scope="col" data-method={m.method}>
                  {head(m.method)}
                </th>
              ))}
              <th scope="col">{t('reports.columns.borda')}</th>
              <th scope="col">{t('reports.columns.copeland')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((id) => (
              <tr key={id} data-candidate={id} className={id === agreement.verdict.leader.id ? 'highlight' : undefined}>
                <th scope="row">{name(id)}</th>
                {agreement.methods.map((m, k) => {
                  const p = place[k]?.get(id) ?? null;
                  return (
                    <td key={m.method} className={`num${m.first.includes(id) ? ' first' : ''}`}>
                      {p ?? '—'}
                    </td>
                  );
                })}
                <td className="num">{borda.get(id)}</td>
                <td className="num">{copeland.get(id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {agreement.borda.length > SHORT && (
        <button type="button" className="link small" onClick={() => setAll((a) => !a)}>
          {all ? t('mcda.detail.showFewer') : t('mcda.detail.showAll', { n: agreement.borda.length })}
        </button>
      )}
      <p className="muted small">{t('mcda.agreement.consensusNote')}</p>
    </>
  );
}

export function AgreementPanel({
  agreement,
  running,
  names,
  onRun,
  onCancel,
  canRun,
}: {
  agreement: AgreementResult | null;
  running: boolean;
  names: ReadonlyMap<string, { name_zh: string; name_en: string }>;
  onRun(): void;
  onCancel(): void;
  canRun: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="agreement" data-testid="agreement-panel">
      <p className="muted">{t('mcda.agreement.intro')}</p>
      <div className="run-row">
        <button type="button" className="primary" disabled={running || !canRun} onClick={onRun} data-testid="agreement-run">
          {agreement ? t('mcda.agreement.rerun') : t('mcda.agreement.run')}
        </button>
        {running && (
          <>
            <div
              className="progress indeterminate"
              role="progressbar"
              aria-label={t('mcda.agreement.running')}
              data-testid="agreement-progress"
            >
              <div className="bar" />
            </div>
            <button type="button" onClick={onCancel} data-testid="agreement-cancel">
              {t('access.cancel')}
            </button>
          </>
        )}
      </div>
      {agreement && (
        <>
          <p className="verdict" role="status" data-testid="agreement-verdict">
            <VerdictText agreement={agreement} />
          </p>
          <AgreementTables agreement={agreement} names={names} />
        </>
      )}
    </div>
  );
}
