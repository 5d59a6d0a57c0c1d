/** Ranked, sortable table; the chosen candidate's explanation; sensitivity ranges and chart. */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankingResult } from '../../../../electron/contract/api.ts';
import { StabilityChart, stabilityBars } from './stability-chart.tsx';
import type { RankStability } from './scoring-state.ts';
import { localName, localText } from '../../../../geo/local-name.ts';
import { MethodDetail } from './method-detail.tsx';
import { useCriterionLabel } from './use-criterion-label.ts';
import { BUILT_IN_UNITS } from './criterion-label.ts';
import { NetworkLabelLine } from '../../components/network-label.tsx';

type Candidate = RankingResult['candidates'][number];
type SortKey = 'rank' | 'name' | 'total' | 't-interchange' | 't-gba' | 'labour';

const raw = (c: Candidate, id: string) => c.criteria.find((x) => x.id === id)?.raw ?? null;
const approximate = (c: Candidate, id: string) => c.criteria.find((x) => x.id === id)?.approximate === true;

/** "≈ 县城" after a candidate whose position is its county seat's (every time is measured from there). */
export function ApproximateTag({ candidate }: { candidate: { approximate: boolean } }) {
  const { t } = useTranslation();
  if (!candidate.approximate) return null;
  return (
    <span className="tag approx" title={t('scoring.approxTitle')} data-testid="approx-tag">
      {t('scoring.approxTag')}
    </span>
  );
}

/** A judgement as Saaty writes it: 3, or 1/3 for values below one. */
export function formatJudgement(v: number): string {
  return v >= 1 ? v.toFixed(v % 1 === 0 ? 0 : 1) : `1/${(1 / v).toFixed((1 / v) % 1 === 0 ? 0 : 1)}`;
}

/**
 * A raw value in its unit as the screen shows it; `approximate` (the value rests on a stand-in
 * position, CriterionResult.approximate) puts "≈" before it.
 */
export function formatRaw(
  value: number | null,
  unit: string,
  t: (k: string, o?: Record<string, unknown>) => string,
  language = 'zh',
  approximate = false,
): string {
  if (value === null) return t('info.unknown');
  // A stand-in to a stand-in on the same county seat: 0 minutes was not measured, so it is not shown as a time.
  if (approximate && unit === 'min' && value < 0.5) return t('scoring.sameSeat');
  return approximate ? `≈ ${formatExact(value, unit, t, language)}` : formatExact(value, unit, t, language);
}

/** A cache for texts that depend only on their key: `text(key, make)` makes each once. */
function onceEach(): (key: string, make: () => string) => string {
  const made = new Map<string, string>();
  return (key, make) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make();
      made.set(key, value);
    }
    return value;
  };
}

/** A criterion's value in the ranking table, through {@link onceEach}'s cache. */
function cell(
  text: ReturnType<typeof onceEach>,
  c: Candidate,
  key: string,
  unit: string,
  t: (k: string, o?: Record<string, unknown>) => string,
  language: string,
): string {
  const value = raw(c, key);
  const approx = approximate(c, key);
  return text(`${language}|${unit}|${value}|${approx}`, () => formatRaw(value, unit, t, language, approx));
}

function formatExact(value: number, unit: string, t: (k: string, o?: Record<string, unknown>) => string, language: string): string {
  if (unit === 'min') return t('access.min', { m: Math.round(value) });
  if (unit === 'persons') return t('access.people', { value: language === 'en' ? (value / 1e6).toFixed(2) : (value / 1e4).toFixed(1) });
  if (unit === 'level') return t(`scoring.levelValue.${value}`);
  if (unit === 'match') return value.toFixed(1);
  const shown =
    Math.abs(value) >= 100 ? Math.round(value).toLocaleString(language === 'en' ? 'en' : 'zh') : String(Math.round(value * 100) / 100);
  return BUILT_IN_UNITS.has(unit) || unit === '' ? shown : `${shown} ${unit}`;
}

/** The industry match's evidence: the catalogue's 主导产业 quoted verbatim, and which items matched. */
function IndustryBasisLine({ basis }: { basis: Candidate['industryBasis'] }) {
  const { t } = useTranslation();
  return (
    <span className="basis">
      {t('scoring.industryBasis.quote', { quote: basis.quote })}{' '}
      {basis.level === null
        ? t('scoring.industryBasis.none')
        : t(`scoring.industryBasis.${basis.level}`, { items: basis.matched.join(t('scoring.industryBasis.separator')) })}
    </span>
  );
}

/** One candidate's criteria: raw value, normalised score, weight and contribution (bar). */
export function ExplanationTable({
  candidate,
  method,
  weightedOnly = false,
}: {
  candidate: Candidate;
  method: RankingResult['method'];
  weightedOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const label = useCriterionLabel();
  // Only the weighted sum (and AHP weights) adds up contributions; the other methods do not.
  const additive = method === 'wsm' || method === 'ahp';
  return (
    <table className="criteria-table">
      <thead>
        <tr>
          <th scope="col">{t('scoring.criterion')}</th>
          <th scope="col">{t('scoring.raw')}</th>
          <th scope="col">{t('scoring.score')}</th>
          <th scope="col">{t('scoring.weight')}</th>
          <th scope="col">{additive ? t('scoring.contribution') : ''}</th>
        </tr>
      </thead>
      <tbody>
        {candidate.criteria
          .filter((x) => !weightedOnly || x.weight > 0)
          .flatMap((x) => [
            <tr key={x.id} data-criterion={x.id} className={x.id.startsWith('custom-') ? 'own' : undefined}>
              <td>{label(x.id)}</td>
              <td className="num">{formatRaw(x.raw, x.unit, t, i18n.language, x.approximate)}</td>
              <td className="num">{x.score.toFixed(2)}</td>
              <td className="num">{x.weight.toFixed(1)}%</td>
              <td className="num contribution">
                {x.contribution !== null && (
                  <>
                    <span className="bar" style={{ width: `${Math.min(100, x.contribution * 4)}%` }} aria-hidden="true" />
                    {x.contribution.toFixed(1)}
                  </>
                )}
              </td>
            </tr>,
            ...(x.id === 'industry-match' && candidate.industryBasis.quote !== null
              ? [
                  <tr key="industry-basis" className="basis-row" data-testid="industry-basis">
                    <td colSpan={5}>
                      <IndustryBasisLine basis={candidate.industryBasis} />
                    </td>
                  </tr>,
                ]
              : []),
          ])}
      </tbody>
    </table>
  );
}

/** Memoised: re-rendered only when its props change (scoring-panel.tsx keeps them stable). */
export const RankingView = memo(function RankingView({
  result,
  selected,
  onSelect,
  ahpCriteria = [],
  compareIds = [],
  onToggleCompare,
  rankRanges = null,
  stability,
}: {
  result: RankingResult;
  selected: string | null;
  onSelect(id: string): void;
  ahpCriteria?: readonly string[];
  compareIds?: readonly string[];
  onToggleCompare?(id: string): void;
  /** Each candidate's 5–95 % rank range under uncertainty (use-uncertainty.ts), shown as a column. */
  rankRanges?: ReadonlyMap<string, { p5: number; p95: number }> | null;
  /** The Monte-Carlo stability asked after the ranking (scoring-state.ts selectStability); the result's own without it. */
  stability?: { value: RankStability | null; pending: boolean };
}) {
  const { t, i18n } = useTranslation();
  const label = useCriterionLabel();
  const en = i18n.language === 'en';
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'rank', asc: true });
  // i18next's interpolation in every row was ~7 ms of each re-ranking (a CPU profile, issue 19); the
  // sites' times and names do not change with the weights, so each text is made once per language
  // (every key starts with the language).
  const [text] = useState(onceEach);
  const rows = useMemo(() => {
    const value = (c: Candidate): number | string => {
      if (sort.key === 'rank') return c.rank ?? Number.POSITIVE_INFINITY;
      if (sort.key === 'name') return localName(c, i18n.language);
      if (sort.key === 'total') return c.total ?? Number.NEGATIVE_INFINITY;
      return raw(c, sort.key) ?? Number.POSITIVE_INFINITY;
    };
    return [...result.candidates].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const cmp = typeof va === 'string' ? va.localeCompare(String(vb), en ? 'en' : 'zh') : (va as number) - (vb as number);
      return sort.asc ? cmp : -cmp;
    });
  }, [result, sort, en, i18n.language]);
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => setSort((s) => ({ key, asc: s.key === key ? !s.asc : key === 'rank' || key === 'name' || key.startsWith('t-') }))}
      >
        {label}
        {sort.key === key ? (sort.asc ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const chosen = result.candidates.find((c) => c.id === selected) ?? result.candidates[0];
  const shown = stability ? stability.value : (result.sensitivity?.stability ?? null);
  const bars = useMemo(
    () =>
      shown
        ? stabilityBars(shown, (id) => {
            const c = result.candidates.find((x) => x.id === id);
            return (c ? localName(c, i18n.language) : undefined) ?? id;
          })
        : [],
    [shown, result, i18n.language],
  );
  const top = result.candidates.find((c) => c.rank === 1);
  return (
    <div className="ranking">
      {result.profileFlag && (
        <p role="alert" className="flag" data-testid="profile-flag">
          {t('scoring.flagged', {
            // The plan's own words in Chinese (a quotation), its English summary otherwise.
            rule: en ? result.profileFlag.text_en : result.profileFlag.quote_zh,
            section: result.profileFlag.section,
          })}
        </p>
      )}
      {result.ahp && (
        <p className={result.ahp.consistent ? 'muted small' : 'flag'} data-testid="ahp-consistency">
          {t('scoring.ahpConsistency', {
            lambda: result.ahp.lambdaMax.toFixed(3),
            ci: result.ahp.ci.toFixed(3),
            cr: result.ahp.cr.toFixed(3),
          })}{' '}
          <span data-testid="ahp-method-used">{t('mcda.ahp.used', { method: t(`mcda.ahp.${result.ahp.method}`) })}</span>
          {!result.ahp.consistent && ` ${t('scoring.ahpInconsistent')}`}
          {!result.ahp.consistent && result.ahp.mostInconsistent && (
            <span className="block" data-testid="ahp-worst-pair">
              {t('scoring.ahpWorstPair', {
                a: label(ahpCriteria[result.ahp.mostInconsistent.i] ?? ''),
                b: label(ahpCriteria[result.ahp.mostInconsistent.j] ?? ''),
                given: formatJudgement(result.ahp.mostInconsistent.given),
                implied: formatJudgement(result.ahp.mostInconsistent.implied),
              })}
            </span>
          )}
        </p>
      )}
      <p className="method-used muted small" data-testid="method-used">
        {t('mcda.methodUsed', { method: t(`scoring.methods.${result.method}`) })}
      </p>
      <NetworkLabelLine label={result.network} testId="ranking-network" />
      {result.uncovered > 0 && (
        <p className="flag small" data-testid="ranking-uncovered">
          {t('roads.uncovered', { count: result.uncovered })}
        </p>
      )}
      <table className="ranking-table" data-testid="ranking-table">
        <thead>
          <tr>
            {onToggleCompare && (
              <th scope="col" className="compare-col">
                {t('compare.column')}
              </th>
            )}
            {header('rank', t('scoring.rank'))}
            {header('name', t('scoring.site'))}
            {header('total', t('scoring.total'))}
            {rankRanges && (
              <th scope="col" data-testid="rank-range-header">
                {t('uncertainty.rankRange')}
              </th>
            )}
            {header('t-interchange', t('criteria.t-interchange'))}
            {header('t-gba', t('criteria.t-gba'))}
            {header('labour', t('criteria.labour'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr
              key={c.id}
              className={c.id === chosen?.id ? 'selected' : c.rank === null ? 'excluded' : undefined}
              data-candidate={c.id}
              data-rank={c.rank ?? ''}
              onClick={() => onSelect(c.id)}
            >
              {onToggleCompare && (
                <td className="compare-col" onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    checked={compareIds.includes(c.id)}
                    disabled={!compareIds.includes(c.id) && compareIds.length >= 6}
                    onChange={() => onToggleCompare(c.id)}
                    aria-label={text(`${i18n.language}|pick|${localName(c, i18n.language)}`, () =>
                      t('compare.pick', { name: localName(c, i18n.language) }),
                    )}
                    data-testid={`compare-pick-${c.id}`}
                  />
                </td>
              )}
              <td>{c.rank ?? '—'}</td>
              <td>
                <button type="button" className="link" onClick={() => onSelect(c.id)}>
                  {localName(c, i18n.language)}
                </button>
                {c.kind === 'custom' && <span className="tag">{t('scoring.custom')}</span>}
                <ApproximateTag candidate={c} />
              </td>
              <td className="num">{c.total === null ? t('scoring.excluded') : c.total.toFixed(1)}</td>
              {rankRanges && (
                <td className="num" data-testid="rank-range">
                  {rankRanges.has(c.id)
                    ? t('uncertainty.rangeValue', { lo: rankRanges.get(c.id)?.p5, hi: rankRanges.get(c.id)?.p95 })
                    : '—'}
                </td>
              )}
              <td className="num">{cell(text, c, 't-interchange', 'min', t, i18n.language)}</td>
              <td className="num">{cell(text, c, 't-gba', 'min', t, i18n.language)}</td>
              <td className="num">{cell(text, c, 'labour', 'persons', t, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {chosen && (
        <section className="explanation" data-testid="explanation" aria-labelledby="explanation-title">
          <h3 id="explanation-title">
            {t('scoring.why', { name: localName(chosen, i18n.language) })}{' '}
            {chosen.total !== null && <span className="muted">· {chosen.total.toFixed(1)}</span>}
          </h3>
          {chosen.exclusions.map((e) => (
            <p key={e.rule} className="flag" data-testid="exclusion">
              {localText(e, 'message', i18n.language)}
            </p>
          ))}
          {chosen.approximate && (
            <p className="note small" data-testid="approx-note">
              {t('scoring.approxNote')}
            </p>
          )}
          <ExplanationTable candidate={chosen} method={result.method} />
          {result.method === 'topsis' && <p className="muted small">{t('scoring.topsisNote')}</p>}
          {result.method !== 'topsis' && result.method !== 'wsm' && result.method !== 'ahp' && (
            <p className="muted small">{t('mcda.notAdditive', { method: t(`scoring.methods.${result.method}`) })}</p>
          )}
          {chosen.notes.length > 0 && <p className="muted small">{chosen.notes.join(' · ')}</p>}
        </section>
      )}
      <MethodDetail result={result} chosen={chosen} label={label} />
      {result.sensitivity && top && (
        <section className="sensitivity" data-testid="sensitivity" aria-labelledby="sensitivity-title">
          <h3 id="sensitivity-title">{t('scoring.sensitivity', { name: localName(top, i18n.language) })}</h3>
          <table className="criteria-table">
            <thead>
              <tr>
                <th scope="col">{t('scoring.criterion')}</th>
                <th scope="col">{t('scoring.weight')}</th>
                <th scope="col">{t('scoring.stableRange')}</th>
              </tr>
            </thead>
            <tbody>
              {result.sensitivity.ranges
                .filter((r) => r.weight > 0)
                .map((r) => (
                  <tr key={r.id}>
                    <td>{label(r.id)}</td>
                    <td className="num">{r.weight.toFixed(1)}%</td>
                    <td className="num">
                      {r.lo.toFixed(1)}% – {r.hi.toFixed(1)}%
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          {shown ? (
            <StabilityChart bars={bars} samples={shown.samples} pending={stability?.pending === true} />
          ) : (
            stability?.pending && (
              <p className="muted small" aria-busy="true" data-testid="stability-pending">
                {t('scoring.stabilityPending')}
              </p>
            )
          )}
        </section>
      )}
    </div>
  );
});
