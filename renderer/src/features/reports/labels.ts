/**
 * The Excel report's words in the current language, from the app's own translations (so a report
 * reads exactly like the screen): sheet and column names, criteria, units, methods, assumptions.
 */
import type { TFunction } from 'i18next';
import { CRITERION_IDS, METHODS } from '../../../../geo/index.ts';

const SHEETS = ['ranking', 'criteria', 'comparison', 'agreement', 'assumptions', 'sources', 'registry', 'verification'] as const;
const COLUMNS = [
  'rank',
  'site',
  'total',
  'kind',
  'exclusions',
  'criterion',
  'raw',
  'unit',
  'score',
  'weight',
  'contribution',
  'preset',
  'moveUp',
  'item',
  'value',
  'method',
  'layer',
  'feature',
  'source',
  'asOf',
  'precision',
  'verdict',
  'borda',
  'copeland',
  'kendall',
  'id',
  'title',
  'publisher',
  'date',
  'citation',
  'licence',
  'notice',
  'inputsHash',
  'appVersion',
  'methodVersions',
  'network',
  'data',
  'verifyHow',
] as const;
const UNITS = ['min', 'persons', 'parks', 'level', 'match'] as const;
const ASSUMPTIONS = [
  'expresswayKmh',
  'hsrKmh',
  'conventionalRailKmh',
  'ordinaryRoadKmh',
  'detourFactor',
  'accessNeighbours',
  'maxAccessKm',
] as const;

export function reportLabels(t: TFunction): Record<string, string> {
  return Object.fromEntries([
    ...SHEETS.map((s) => [`sheet.${s}`, t(`reports.sheets.${s}`)]),
    ...COLUMNS.map((c) => [`col.${c}`, t(`reports.columns.${c}`)]),
    ...UNITS.map((u) => [`unit.${u}`, t(`reports.units.${u}`)]),
    ...CRITERION_IDS.map((id) => [`criteria.${id}`, t(`criteria.${id}`)]),
    ...METHODS.map((m) => [`method.${m}`, t(`scoring.methods.${m}`)]),
    ...ASSUMPTIONS.map((a) => [`assumptions.${a}`, t(`assumptions.${a}`)]),
    ['kind.park', t('reports.kinds.park')],
    ['kind.custom', t('reports.kinds.custom')],
  ]);
}
