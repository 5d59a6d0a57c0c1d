/**
 * The Assumptions panel's ranges, editable: the detour factor and the road speeds each take an
 * interval that the rank ranges sample (stored per project; documented defaults in
 * geo/network/assumptions.ts, shown beside each).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataRangesResult } from '../../../../electron/contract/api.ts';
import { RANGED_ASSUMPTIONS, type RangedAssumption } from '../../../../geo/index.ts';
import { useSetDataRanges } from '../../api/mutations.ts';
import { useDataRanges } from '../../api/queries.ts';

type Draft = Record<RangedAssumption, { lo: string; hi: string }>;

const draftOf = (r: DataRangesResult): Draft =>
  Object.fromEntries(RANGED_ASSUMPTIONS.map((k) => [k, { lo: String(r.assumptions[k].lo), hi: String(r.assumptions[k].hi) }])) as Draft;

export function AssumptionRanges() {
  const ranges = useDataRanges();
  if (!ranges.data) return null;
  // Keyed by the stored ranges so that the draft starts again from them after a save or reset.
  return <RangeEditor key={JSON.stringify(ranges.data.assumptions)} data={ranges.data} />;
}

function RangeEditor({ data: d }: { data: DataRangesResult }) {
  const { t } = useTranslation();
  const save = useSetDataRanges();
  const [draft, setDraft] = useState<Draft>(() => draftOf(d));
  const [error, setError] = useState<string | null>(null);
  const submit = async (reset: boolean) => {
    setError(null);
    try {
      await save.mutateAsync({
        assumptions: Object.fromEntries(
          RANGED_ASSUMPTIONS.map((k) => [k, reset ? null : { lo: Number(draft[k].lo), hi: Number(draft[k].hi) }]),
        ) as Record<RangedAssumption, { lo: number; hi: number } | null>,
      });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <fieldset className="assumption-ranges" data-testid="assumption-ranges">
      <legend>{t('assumptionRanges.title')}</legend>
      {RANGED_ASSUMPTIONS.map((k) => (
        <div className="row" key={k} data-assumption={k}>
          <span>{t(`assumptions.${k}`)}</span>
          <input
            type="number"
            step="any"
            value={draft[k].lo}
            aria-label={`${t(`assumptions.${k}`)} ${t('assumptionRanges.lo')}`}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setDraft((x) => ({ ...x, [k]: { ...x[k], lo: v } }));
            }}
            data-testid={`range-${k}-lo`}
          />
          <span>–</span>
          <input
            type="number"
            step="any"
            value={draft[k].hi}
            aria-label={`${t(`assumptions.${k}`)} ${t('assumptionRanges.hi')}`}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setDraft((x) => ({ ...x, [k]: { ...x[k], hi: v } }));
            }}
            data-testid={`range-${k}-hi`}
          />
          <span className="muted small">{t('assumptionRanges.default', d.defaults[k])}</span>
        </div>
      ))}
      <div className="row-actions">
        <button type="button" onClick={() => void submit(false)} disabled={save.isPending} data-testid="ranges-save">
          {t('assumptionRanges.save')}
        </button>
        <button type="button" onClick={() => void submit(true)} disabled={save.isPending}>
          {t('assumptionRanges.reset')}
        </button>
      </div>
      {error && (
        <p role="alert" className="load-error small">
          {error}
        </p>
      )}
      <p className="muted small">{t('assumptionRanges.note')}</p>
    </fieldset>
  );
}
