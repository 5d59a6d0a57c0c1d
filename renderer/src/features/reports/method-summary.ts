/**
 * The method a report's ranking used, in words: the method and each parameter it read (AHP's
 * eigenvector or geometric mean and CR, OWA's orness, trade-off and order weights, PROMETHEE's
 * preference functions, VIKOR's v, ELECTRE's concordance and vetoes) and every value function that
 * is not the default linear one. Parameters come from the inputs the ranking was computed from and
 * from what the method reported (RankingResult.detail), so the page says what was computed.
 */
import type { TFunction } from 'i18next';
import type { RankingResult } from '../../../../electron/contract/api.ts';
import type { CriterionKey } from '../../../../geo/index.ts';
import { unitLabel } from '../scoring/criterion-label.ts';
import type { CriterionValueFunction, RankInputs } from '../scoring/scoring-state.ts';

export interface SummaryLine {
  label: string;
  value: string;
}

const n3 = (x: number) => String(Number(x.toPrecision(3)));

/** A value function's kind and parameters, e.g. "理想区间（梯形） a = 2, b = 6, c = 9, d = 30". */
export function describeValueFunction(t: TFunction, f: CriterionValueFunction, unit: string): string {
  const kind = t(`mcda.vf.kinds.${f.kind}`);
  const u = unit ? ` ${unit}` : '';
  switch (f.kind) {
    case 'linear':
      return `${kind}: ${t(`mcda.vf.${f.direction}`)}, ${
        f.bounds === 'candidates' ? t('mcda.vf.boundsCandidates') : `${n3(f.bounds.min)}–${n3(f.bounds.max)}${u}`
      }`;
    case 'trapezoid':
      return `${kind}: a = ${n3(f.a)}, b = ${n3(f.b)}, c = ${n3(f.c)}, d = ${n3(f.d)}${u}`;
    case 'ideal':
      return `${kind}: ${n3(f.ideal)} ± ${n3(f.tolerance)}${u}`;
    case 'step':
      return `${kind}: ${t(`mcda.vf.${f.pass}`)} ${n3(f.threshold)}${u}`;
    case 'logistic':
      return `${kind}: ${t('mcda.vf.midpoint')} ${n3(f.midpoint)}${u}, ${t('mcda.vf.slope')} ${n3(f.slope)}`;
    case 'gaussian':
      return `${kind}: ${t('mcda.vf.target')} ${n3(f.target)}${u}, σ = ${n3(f.spread)}`;
    case 'piecewise':
      return `${kind}: ${f.points.map(([x, v]) => `(${n3(x)}, ${n3(v)})`).join(' ')}`;
    case 'levels':
      return `${kind}: ${f.levels.map((l) => `${n3(l.value)} → ${n3(l.score)}`).join(', ')}`;
  }
}

export function methodSummary(
  t: TFunction,
  label: (id: string) => string,
  ranking: RankingResult,
  inputs: RankInputs | null,
): SummaryLine[] {
  const lines: SummaryLine[] = [{ label: t('reports.columns.method'), value: t(`scoring.methods.${ranking.method}`) }];
  const weighted = Object.entries(ranking.weights)
    .filter(([, w]) => w > 0)
    .map(([id]) => id as CriterionKey);
  const o = inputs?.methodOptions ?? {};
  const d = ranking.detail;
  if (ranking.ahp)
    lines.push({
      label: t('mcda.ahp.method'),
      value: `${t(`mcda.ahp.${ranking.ahp.method}`)}; λmax = ${ranking.ahp.lambdaMax.toFixed(3)}, CR = ${ranking.ahp.cr.toFixed(3)}`,
    });
  if (d?.method === 'owa')
    lines.push({
      label: t('mcda.summaryLines.owa'),
      value: `${t('mcda.owa.orness')} ${d.orness.toFixed(2)}, ${t('mcda.summaryLines.tradeoff')} ${d.tradeoff.toFixed(2)}; ${d.orderWeights
        .map((w) => `${(w * 100).toFixed(1)}%`)
        .join(' ')}`,
    });
  if (d?.method === 'promethee')
    lines.push({
      label: t('mcda.summaryLines.promethee'),
      value: weighted
        .map((id) => {
          const f = o.promethee?.functions?.[id] ?? { type: 'usual' as const };
          const params = Object.entries(f)
            .filter(([k]) => k !== 'type')
            .map(([k, v]) => `${k} = ${n3(v as number)}`)
            .join(', ');
          return `${label(id)}: ${t(`mcda.promethee.functions.${f.type}`)}${params ? ` (${params})` : ''}`;
        })
        .join('; '),
    });
  if (d?.method === 'vikor') lines.push({ label: t('mcda.vikor.v'), value: d.v.toFixed(2) });
  if (d?.method === 'electre') {
    const vetoes = Object.entries(o.electre?.veto ?? {}).filter(([, v]) => typeof v === 'number');
    lines.push({ label: t('mcda.electre.concordance'), value: d.concordance.toFixed(2) });
    lines.push({
      label: t('mcda.electre.vetoTitle'),
      value: vetoes.length ? vetoes.map(([id, v]) => `${label(id)} ${n3(v as number)}`).join('; ') : t('mcda.electre.noVeto'),
    });
  }
  const units = new Map((ranking.candidates[0]?.criteria ?? []).map((c) => [c.id as string, c.unit]));
  for (const [id, f] of Object.entries(inputs?.valueFunctions ?? {}))
    if (f)
      lines.push({
        label: t('mcda.summaryLines.valueFunction', { name: label(id) }),
        value: describeValueFunction(t, f, unitLabel(t, units.get(id) ?? '')),
      });
  return lines;
}
