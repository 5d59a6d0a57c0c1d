/**
 * What a method computed besides the totals (RankingResult.detail): OWA's order weights with its
 * orness and trade-off and the weights each criterion finally carried for the chosen candidate;
 * PROMETHEE II's flows φ⁺, φ⁻, φ; VIKOR's S, R, Q, its two conditions and the compromise set;
 * ELECTRE Iv's outranking relation and its kernel, each with a one-line definition.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankingResult } from '../../../../electron/contract/api.ts';
import { localName, owa, type CriterionKey } from '../../../../geo/index.ts';

type Detail = NonNullable<RankingResult['detail']>;
type Candidate = RankingResult['candidates'][number];

/** Rows shown before "show all". */
const SHORT = 12;
/** Candidates in the outranking matrix (the best by rank). */
const MATRIX = 10;

const f3 = (x: number) => x.toFixed(3);

function useNames(result: RankingResult) {
  const { i18n } = useTranslation();
  const byId = new Map(result.candidates.map((c) => [c.id, c]));
  return (id: string) => {
    const c = byId.get(id);
    return c ? localName(c, i18n.language) : id;
  };
}

/** Rows in ranking order, with the detail's index of each. */
function ranked(result: RankingResult, ids: readonly string[]): { c: Candidate; i: number }[] {
  const at = new Map(ids.map((id, i) => [id, i]));
  return result.candidates.flatMap((c) => (c.rank !== null && at.has(c.id) ? [{ c, i: at.get(c.id) as number }] : []));
}

function ShowAll({ all, shown, onToggle }: { all: number; shown: number; onToggle(): void }) {
  const { t } = useTranslation();
  if (all <= SHORT) return null;
  return (
    <button type="button" className="link small" onClick={onToggle}>
      {shown < all ? t('mcda.detail.showAll', { n: all }) : t('mcda.detail.showFewer')}
    </button>
  );
}

function OwaDetail({
  d,
  result,
  chosen,
  label,
}: {
  d: Extract<Detail, { method: 'owa' }>;
  result: RankingResult;
  chosen: Candidate | undefined;
  label(id: string): string;
}) {
  const { t, i18n } = useTranslation();
  // The weight each criterion finally carried for the chosen candidate (Torra's weighted OWA, geo/mcda/owa.ts).
  let effective: { id: CriterionKey; score: number; weight: number }[] = [];
  if (chosen && chosen.rank !== null) {
    const rows = d.criteria.map((id) => chosen.criteria.find((x) => x.id === id));
    if (rows.every(Boolean)) {
      const r = owa([rows.map((x) => x?.score ?? 0)], { weights: rows.map((x) => x?.weight ?? 0), orderWeights: d.orderWeights });
      effective = d.criteria.map((id, j) => ({ id, score: rows[j]?.score ?? 0, weight: r.effective[0]?.[j] ?? 0 }));
      effective.sort((a, b) => b.score - a.score);
    }
  }
  return (
    <section className="method-detail" data-testid="detail-owa" aria-labelledby="detail-owa-title">
      <h3 id="detail-owa-title">{t('mcda.detail.owaTitle')}</h3>
      <p className="convention">{t('mcda.owa.convention')}</p>
      <p data-testid="owa-measures">
        {t('mcda.detail.owaMeasures', { orness: f3(d.orness), tradeoff: f3(d.tradeoff), n: d.criteria.length })}
      </p>
      <ol className="order-weights">
        {d.orderWeights.map((w, k) => (
          <li key={k}>
            <span className="muted small">{t('mcda.owa.position', { k: k + 1 })}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar" style={{ width: `${Math.min(100, w * 100)}%` }} />
            </span>
            <span className="num">{(w * 100).toFixed(1)}%</span>
          </li>
        ))}
      </ol>
      {chosen && effective.length > 0 && (
        <>
          <h4>{t('mcda.detail.owaEffective', { name: localName(chosen, i18n.language) })}</h4>
          <table className="criteria-table compact" data-testid="owa-effective-weights">
            <thead>
              <tr>
                <th scope="col">{t('scoring.criterion')}</th>
                <th scope="col">{t('scoring.score')}</th>
                <th scope="col">{t('scoring.weight')}</th>
                <th scope="col">{t('mcda.detail.effectiveWeight')}</th>
              </tr>
            </thead>
            <tbody>
              {effective.map((e) => (
                <tr key={e.id}>
                  <td>{label(e.id)}</td>
                  <td className="num">{e.score.toFixed(2)}</td>
                  <td className="num">{(result.weights[e.id] ?? 0).toFixed(1)}%</td>
                  <td className="num">{(e.weight * 100).toFixed(1)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function PrometheeDetail({ d, result }: { d: Extract<Detail, { method: 'promethee' }>; result: RankingResult }) {
  const { t } = useTranslation();
  const name = useNames(result);
  const [all, setAll] = useState(false);
  const rows = ranked(result, d.ids);
  const shown = all ? rows : rows.slice(0, SHORT);
  return (
    <section className="method-detail" data-testid="detail-promethee" aria-labelledby="detail-promethee-title">
      <h3 id="detail-promethee-title">{t('mcda.detail.prometheeTitle')}</h3>
      <p className="muted small">{t('mcda.detail.prometheeDefinition')}</p>
      <table className="criteria-table compact" data-testid="promethee-flows">
        <thead>
          <tr>
            <th scope="col">{t('scoring.rank')}</th>
            <th scope="col">{t('scoring.site')}</th>
            <th scope="col">φ⁺</th>
            <th scope="col">φ⁻</th>
            <th scope="col">φ</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ c, i }) => (
            <tr key={c.id}>
              <td className="num">{c.rank}</td>
              <td>{name(c.id)}</td>
              <td className="num">{f3(d.phiPlus[i] ?? 0)}</td>
              <td className="num">{f3(d.phiMinus[i] ?? 0)}</td>
              <td className="num">{f3(d.phi[i] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowAll all={rows.length} shown={shown.length} onToggle={() => setAll((a) => !a)} />
    </section>
  );
}

function VikorDetail({ d, result }: { d: Extract<Detail, { method: 'vikor' }>; result: RankingResult }) {
  const { t } = useTranslation();
  const name = useNames(result);
  const [all, setAll] = useState(false);
  const rows = ranked(result, d.ids);
  const shown = all ? rows : rows.slice(0, SHORT);
  const mark = (ok: boolean) => (ok ? t('mcda.detail.met') : t('mcda.detail.notMet'));
  return (
    <section className="method-detail" data-testid="detail-vikor" aria-labelledby="detail-vikor-title">
      <h3 id="detail-vikor-title">{t('mcda.detail.vikorTitle', { v: d.v.toFixed(2) })}</h3>
      <p className="muted small">{t('mcda.detail.vikorDefinition')}</p>
      <ul className="conditions" data-testid="vikor-conditions">
        <li className={d.conditions.acceptableAdvantage ? 'ok' : 'warn'}>
          {t('mcda.detail.c1', { dq: f3(d.conditions.dq) })} — <strong>{mark(d.conditions.acceptableAdvantage)}</strong>
        </li>
        <li className={d.conditions.acceptableStability ? 'ok' : 'warn'}>
          {t('mcda.detail.c2')} — <strong>{mark(d.conditions.acceptableStability)}</strong>
        </li>
      </ul>
      <p data-testid="vikor-compromise">
        <strong>{t('mcda.detail.compromise')}</strong> {d.compromise.map(name).join(t('app.listSeparator'))}
      </p>
      <table className="criteria-table compact" data-testid="vikor-table">
        <thead>
          <tr>
            <th scope="col">{t('scoring.rank')}</th>
            <th scope="col">{t('scoring.site')}</th>
            <th scope="col">S</th>
            <th scope="col">R</th>
            <th scope="col">Q</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ c, i }) => (
            <tr key={c.id} className={d.compromise.includes(c.id) ? 'highlight' : undefined}>
              <td className="num">{c.rank}</td>
              <td>{name(c.id)}</td>
              <td className="num">{f3(d.S[i] ?? 0)}</td>
              <td className="num">{f3(d.R[i] ?? 0)}</td>
              <td className="num">{f3(d.Q[i] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowAll all={rows.length} shown={shown.length} onToggle={() => setAll((a) => !a)} />
    </section>
  );
}

function ElectreDetail({ d, result }: { d: Extract<Detail, { method: 'electre' }>; result: RankingResult }) {
  const { t } = useTranslation();
  const name = useNames(result);
  const rows = ranked(result, d.ids);
  const top = rows.slice(0, MATRIX).map((r) => r.c.id);
  const relation = new Set(d.outranks.map(([a, b]) => `${a}\u0000${b}`));
  const outranks = (a: string, b: string) => relation.has(`${a}\u0000${b}`);
  const count = (id: string) => ({
    out: d.outranks.filter(([a]) => a === id).length,
    by: d.outranks.filter(([, b]) => b === id).length,
  });
  return (
    <section className="method-detail" data-testid="detail-electre" aria-labelledby="detail-electre-title">
      <h3 id="detail-electre-title">{t('mcda.detail.electreTitle', { c: d.concordance.toFixed(2) })}</h3>
      <p className="convention">{t('mcda.electre.definition')}</p>
      <p className="muted small">{t('mcda.detail.kernelDefinition')}</p>
      <p data-testid="electre-kernel">
        <strong>{t('mcda.detail.kernel', { n: d.kernel.length })}</strong> {d.kernel.map(name).join(t('app.listSeparator'))}
      </p>
      {!d.kernelIsExact && (
        <p className="note small" data-testid="electre-cycles">
          {t('mcda.detail.cycles', { n: d.cycles.length })}
        </p>
      )}
      <p className="muted small">{t('mcda.detail.relationCount', { n: d.outranks.length })}</p>
      <div className="matrix-scroll">
        <table className="criteria-table compact outranking" data-testid="electre-relation">
          <caption className="muted small">{t('mcda.detail.relationCaption', { n: top.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mcda.detail.outranksHead')}</th>
              {top.map((id, k) => (
                <th key={id} scope="col" title={name(id)}>
                  {k + 1}
                </th>
              ))}
              <th scope="col">{t('mcda.detail.outranksN')}</th>
              <th scope="col">{t('mcda.detail.outrankedN')}</th>
            </tr>
          </thead>
          <tbody>
            {top.map((a, k) => {
              const n = count(a);
              return (
                <tr key={a} className={d.kernel.includes(a) ? 'highlight' : undefined}>
                  <th scope="row">
                    {k + 1}. {name(a)}
                  </th>
                  {top.map((b) => (
                    <td
                      key={b}
                      className="num"
                      aria-label={outranks(a, b) ? t('mcda.detail.outranksCell', { a: name(a), b: name(b) }) : undefined}
                    >
                      {a === b ? '·' : outranks(a, b) ? '✓' : ''}
                    </td>
                  ))}
                  <td className="num">{n.out}</td>
                  <td className="num">{n.by}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function MethodDetail({
  result,
  chosen,
  label,
}: {
  result: RankingResult;
  chosen: Candidate | undefined;
  label(id: string): string;
}) {
  const d = result.detail;
  if (!d) return null;
  switch (d.method) {
    case 'owa':
      return <OwaDetail d={d} result={result} chosen={chosen} label={label} />;
    case 'promethee':
      return <PrometheeDetail d={d} result={result} />;
    case 'vikor':
      return <VikorDetail d={d} result={result} />;
    case 'electre':
      return <ElectreDetail d={d} result={result} />;
  }
}
