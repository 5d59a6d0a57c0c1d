/** Where an own criterion's values come from, as one line for the criteria view and the report. */
import type { CustomCriterionRecord } from '../../../../electron/contract/api.ts';

export function criterionOrigin(c: Pick<CustomCriterionRecord, 'origin'>, t: (k: string, o?: Record<string, unknown>) => string): string {
  return c.origin.kind === 'layer'
    ? t('mcda.custom.fromLayer', { layer: c.origin.layerName, column: c.origin.column, join: t(`mcda.custom.joins.${c.origin.join.by}`) })
    : t('mcda.custom.origins.typed');
}
