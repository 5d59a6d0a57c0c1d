/**
 * The Excel report's words in the current language, from the app's own translations (so a report
 * reads exactly like the screen): sheet and column names, criteria (the user's own by the names
 * they were given, and their units as written), units, methods, assumptions.
 */
import type { TFunction } from 'i18next';
import { CRITERION_IDS, METHODS } from '../../../../geo/index.ts';
import { criterionLabel, type NamedCriterion } from '../scoring/criterion-label.ts';

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
  'ownCriterion',
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

export function reportLabels(t: TFunction, custom: readonly NamedCriterion[] = [], language = 'zh'): Record<string, string> {
  const byId = new Map(custom.map((c) => [c.id, c]));
  return Object.fromEntries([
    ...SHEETS.map((s) => [`sheet.${s}`, t(`reports.sheets.${s}`)]),
    ...COLUMNS.map((c) => [`col.${c}`, t(`reports.columns.${c}`)]),
    ...UNITS.map((u) => [`unit.${u}`, t(`reports.units.${u}`)]),
    ...CRITERION_IDS.map((id) => [`criteria.${id}`, t(`criteria.${id}`)]),
    ...METHODS.map((m) => [`method.${m}`, t(`scoring.methods.${m}`)]),
    ...ASSUMPTIONS.map((a) => [`assumptions.${a}`, t(`assumptions.${a}`)]),
    // The network the workbook's times come from.
    ['col.networkName', t('roads.excel.networkName')],
    ['col.networkAsOf', t('roads.excel.networkAsOf')],
    ['col.networkYear', t('roads.excel.networkYear')],
    ['network.asOfUnknown', t('networkLabel.asOfUnknown')],
    ['network.yearNow', t('networkLabel.yearNow')],
    ['kind.park', t('reports.kinds.park')],
    ['kind.custom', t('reports.kinds.custom')],
    ...custom.map((c) => [`criteria.${c.id}`, criterionLabel(t, byId, c.id, language)]),
    // A unit of the user's own is shown as they wrote it ("元/亩"), not as a missing key.
    ...custom.filter((c) => !(UNITS as readonly string[]).includes(c.unit)).map((c) => [`unit.${c.unit}`, c.unit]),
  ]);
}
