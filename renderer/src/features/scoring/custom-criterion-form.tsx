/**
 * Defining one of the user's own criteria: name (Chinese, English), unit, direction, source and
 * as-of date, and its values, either from a column of an imported layer joined to the parks and
 * sites (by catalogue code, name, or the nearest within a radius; a dry run shows the join report
 * first) or typed per park in a grid. Suggestions fill in the name, unit and direction of the
 * common ones, never values.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomCriterionRecord, JoinReport, JoinRule, LayerSummary } from '../../../../electron/contract/api.ts';
import { localName } from '../../../../geo/local-name.ts';
import { useCriterionFromLayer, useSaveCustomCriterion } from '../../api/mutations.ts';
import { useCandidateSites, useLayerFeatures, useLayerFeaturesOf } from '../../api/queries.ts';
import { CRITERION_SUGGESTIONS } from './criterion-suggestions.ts';

type Origin = 'layer' | 'typed';
type JoinBy = JoinRule['by'];

interface Definition {
  name_zh: string;
  name_en: string;
  unit: string;
  type: 'benefit' | 'cost';
  source: string;
  as_of: string;
}

const EMPTY: Definition = { name_zh: '', name_en: '', unit: '', type: 'benefit', source: '', as_of: '' };
const COORDINATE = /^(lon|lng|long|longitude|lat|latitude|x|y|经度|纬度)$/i;

/** A cell as a number: numbers, and text that starts with one ("12.5 万元/亩"); else null. */
const numeric = (v: unknown) => (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' && /^\s*[-+]?\d/.test(v));

/** The columns of a layer's features, those holding numbers first (coordinates last). */
export function layerColumns(features: readonly { properties: Record<string, unknown> | null }[]): string[] {
  const sample = features.slice(0, 200);
  const keys = [...new Set(sample.flatMap((f) => Object.keys(f.properties ?? {})))];
  const share = (k: string) => sample.filter((f) => numeric(f.properties?.[k])).length / Math.max(1, sample.length);
  const rank = (k: string) => (COORDINATE.test(k) ? 2 : share(k) >= 0.5 ? 0 : 1);
  return keys.sort((a, b) => rank(a) - rank(b));
}

/** `radiusKm`: the nearest-point radius the report was made with (named in "none within"). */
function JoinReportView({ report, radiusKm }: { report: JoinReport; radiusKm: number }) {
  const { t, i18n } = useTranslation();
  // The report names a park as the catalogue does (Chinese); the parks layer has its English name.
  const parks = useLayerFeatures('parks').data;
  const nameOf = useMemo(() => {
    const names = new Map(
      (parks?.features ?? []).map((f) => [
        String(f.properties['id']),
        localName({ name_zh: String(f.properties['name_zh'] ?? ''), name_en: String(f.properties['name_en'] ?? '') }, i18n.language),
      ]),
    );
    return (id: string, fallback: string) => names.get(id) ?? fallback;
  }, [parks, i18n.language]);
  return (
    <section className="join-report" data-testid="join-report" aria-label={t('mcda.custom.report')}>
      <p data-testid="join-summary">
        {t('mcda.custom.reportSummary', {
          rows: report.rows,
          matched: report.matched.length,
          unmatched: report.unmatched.length,
          ambiguous: report.ambiguous.length,
          duplicates: report.duplicates.length,
        })}
      </p>
      <details open data-testid="join-matched">
        <summary>{t('mcda.custom.matched', { n: report.matched.length })}</summary>
        <table className="criteria-table compact">
          <thead>
            <tr>
              <th scope="col">{t('mcda.custom.row')}</th>
              <th scope="col">{t('scoring.site')}</th>
              <th scope="col">{t('scoring.raw')}</th>
              <th scope="col">{t('mcda.custom.distance')}</th>
            </tr>
          </thead>
          <tbody>
            {report.matched.slice(0, 100).map((m) => (
              <tr key={`${m.row}-${m.candidate}`}>
                <td>{m.row}</td>
                <td>{nameOf(m.candidate, m.name_zh)}</td>
                <td className="num">{m.value ?? t('info.unknown')}</td>
                <td className="num">{m.distanceKm === null ? '' : t('mcda.custom.km', { n: m.distanceKm.toFixed(2) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {report.unmatched.length > 0 && (
        <details open data-testid="join-unmatched">
          <summary>{t('mcda.custom.unmatched', { n: report.unmatched.length })}</summary>
          <ul className="small">
            {report.unmatched.slice(0, 100).map((u, i) => (
              <li key={`${u.row}-${i}`}>
                {t('mcda.custom.rowLabel', { row: u.row })}
                <span className="muted">{t(`mcda.custom.why.${u.kind}`, { km: radiusKm })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.ambiguous.length > 0 && (
        <details open data-testid="join-ambiguous">
          <summary>{t('mcda.custom.ambiguous', { n: report.ambiguous.length })}</summary>
          <ul className="small">
            {report.ambiguous.slice(0, 100).map((a, i) => (
              <li key={`${a.row}-${i}`}>
                {a.row}: {a.candidates.join(t('app.listSeparator'))}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.duplicates.length > 0 && (
        <details data-testid="join-duplicates">
          <summary>{t('mcda.custom.duplicates', { n: report.duplicates.length })}</summary>
          <ul className="small">
            {report.duplicates.map((d) => (
              <li key={d.candidate}>
                {d.candidate}: {d.rows.join(t('app.listSeparator'))}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** The values grid: one row per park and own site, a number or blank (unknown). */
function ValuesGrid({ values, onChange }: { values: Record<string, string>; onChange(id: string, text: string): void }) {
  const { t, i18n } = useTranslation();
  const parks = useLayerFeatures('parks').data;
  const sites = useCandidateSites().data;
  const [filter, setFilter] = useState('');
  const rows = useMemo(
    () => [
      ...(parks?.features ?? []).map((f) => ({
        id: String(f.properties['id']),
        name: localName({ name_zh: String(f.properties['name_zh'] ?? ''), name_en: String(f.properties['name_en'] ?? '') }, i18n.language),
      })),
      ...(sites ?? []).map((s) => ({ id: s.id, name: s.name })),
    ],
    [parks, sites, i18n.language],
  );
  const shown = rows.filter((r) => filter.trim() === '' || r.name.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <div className="values-grid" data-testid="values-grid">
      <input
        type="search"
        value={filter}
        placeholder={t('mcda.custom.filter')}
        aria-label={t('mcda.custom.filter')}
        onChange={(e) => setFilter(e.currentTarget.value)}
      />
      <div className="grid-scroll">
        <table className="criteria-table compact">
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <label htmlFor={`value-${r.id}`}>{r.name}</label>
                </th>
                <td>
                  <input
                    id={`value-${r.id}`}
                    type="text"
                    inputMode="decimal"
                    value={values[r.id] ?? ''}
                    placeholder={t('info.unknown')}
                    onChange={(e) => onChange(r.id, e.currentTarget.value)}
                    aria-invalid={values[r.id] !== undefined && values[r.id] !== '' && !Number.isFinite(Number(values[r.id]))}
                    data-testid={`value-${r.id}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        {t('mcda.custom.gridCount', { n: Object.values(values).filter((v) => v.trim() !== '').length, of: rows.length })}
      </p>
    </div>
  );
}

export function CustomCriterionForm({
  layers,
  editing,
  onSaved,
  onCancel,
  onImport,
}: {
  layers: LayerSummary[];
  /** The criterion being edited (replaced on save), or null for a new one. */
  editing: CustomCriterionRecord | null;
  onSaved(c: CustomCriterionRecord, report: JoinReport | null): void;
  onCancel(): void;
  /** Opens the import dialog (a layer must be imported before its column can be used). */
  onImport?(): void;
}) {
  const { t, i18n } = useTranslation();
  const userLayers = layers.filter((l) => l.kind === 'user');
  const [def, setDef] = useState<Definition>(() =>
    editing
      ? {
          name_zh: editing.name_zh,
          name_en: editing.name_en,
          unit: editing.unit,
          type: editing.type,
          source: editing.source,
          as_of: editing.as_of ?? '',
        }
      : EMPTY,
  );
  const startOrigin = editing?.origin;
  const [origin, setOrigin] = useState<Origin>(startOrigin?.kind === 'typed' ? 'typed' : 'layer');
  const [layerId, setLayerId] = useState(
    startOrigin?.kind === 'layer' ? startOrigin.layerId : (userLayers[userLayers.length - 1]?.id ?? ''),
  );
  const layer = userLayers.find((l) => l.id === layerId) ?? null;
  const features = useLayerFeaturesOf(layer?.id ?? null, layer?.featureCount ?? 0).data;
  const columns = useMemo(() => (features ? layerColumns(features.features) : []), [features]);
  const [column, setColumn] = useState(startOrigin?.kind === 'layer' ? startOrigin.column : '');
  const chosenColumn = columns.includes(column) ? column : (columns[0] ?? '');
  const [joinBy, setJoinBy] = useState<JoinBy>(startOrigin?.kind === 'layer' ? startOrigin.join.by : 'catalogue-code');
  const [radiusKm, setRadiusKm] = useState(
    startOrigin?.kind === 'layer' && startOrigin.join.by === 'nearest' ? startOrigin.join.radiusKm : 2,
  );
  const [typed, setTyped] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(editing?.origin.kind === 'typed' ? editing.values : {}).map(([id, v]) => [id, v === null ? '' : String(v)]),
    ),
  );
  const [report, setReport] = useState<JoinReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fromLayer = useCriterionFromLayer().mutateAsync;
  const saveTyped = useSaveCustomCriterion().mutateAsync;
  const set = <K extends keyof Definition>(k: K, v: Definition[K]) => setDef((d) => ({ ...d, [k]: v }));
  const join: JoinRule = joinBy === 'nearest' ? { by: 'nearest', radiusKm } : { by: joinBy };
  const definition = () => ({
    ...(editing ? { id: editing.id } : {}),
    name_zh: def.name_zh,
    name_en: def.name_en,
    unit: def.unit,
    type: def.type,
    source: def.source,
    as_of: def.as_of.trim() === '' ? null : def.as_of.trim(),
    ...(editing?.valueFunction ? { valueFunction: editing.valueFunction } : {}),
  });
  const act = async (fn: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const preview = () =>
    act(async () => {
      const r = await fromLayer({ ...definition(), layerId, column: chosenColumn, join, dryRun: true });
      setReport(r.report);
    });
  const save = () =>
    act(async () => {
      if (origin === 'layer') {
        const r = await fromLayer({ ...definition(), layerId, column: chosenColumn, join, dryRun: false });
        setReport(r.report);
        if (r.criterion) onSaved(r.criterion, r.report);
        return;
      }
      const values: Record<string, number | null> = {};
      for (const [id, text] of Object.entries(typed)) {
        if (text.trim() === '') continue;
        const v = Number(text);
        if (!Number.isFinite(v)) throw new Error(t('mcda.custom.notNumber', { value: text }));
        values[id] = v;
      }
      onSaved(await saveTyped({ ...definition(), values }), null);
    });
  const zh = i18n.getFixedT('zh');
  const en = i18n.getFixedT('en');
  return (
    <form
      className="custom-form"
      data-testid="custom-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{editing ? t('mcda.custom.editTitle', { name: localName(editing, i18n.language) }) : t('mcda.custom.newTitle')}</h3>
      {!editing && (
        <div className="suggestions" role="group" aria-label={t('mcda.custom.suggestions')}>
          <span className="muted small">{t('mcda.custom.suggestions')}</span>
          {CRITERION_SUGGESTIONS.map((s) => (
            <button
              key={s.id}
              type="button"
              className="chip"
              onClick={() =>
                setDef((d) => ({
                  ...d,
                  name_zh: zh(`mcda.suggest.${s.id}`),
                  name_en: en(`mcda.suggest.${s.id}`),
                  unit: s.unit,
                  type: s.type,
                }))
              }
              data-testid={`suggest-${s.id}`}
            >
              {t(`mcda.suggest.${s.id}`)}
            </button>
          ))}
        </div>
      )}
      <div className="two-col">
        <label className="field">
          <span>{t('mcda.custom.nameZh')}</span>
          <input
            type="text"
            required
            value={def.name_zh}
            onChange={(e) => set('name_zh', e.currentTarget.value)}
            data-testid="custom-name-zh"
          />
        </label>
        <label className="field">
          <span>{t('mcda.custom.nameEn')}</span>
          <input type="text" value={def.name_en} onChange={(e) => set('name_en', e.currentTarget.value)} data-testid="custom-name-en" />
        </label>
        <label className="field">
          <span>{t('mcda.custom.unit')}</span>
          <input type="text" value={def.unit} onChange={(e) => set('unit', e.currentTarget.value)} data-testid="custom-unit" />
        </label>
        <label className="field">
          <span>{t('mcda.custom.direction')}</span>
          <select value={def.type} onChange={(e) => set('type', e.currentTarget.value as Definition['type'])} data-testid="custom-type">
            <option value="benefit">{t('mcda.vf.benefit')}</option>
            <option value="cost">{t('mcda.vf.cost')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('mcda.custom.source')}</span>
          <input
            type="text"
            required
            value={def.source}
            placeholder={t('mcda.custom.sourceHint')}
            onChange={(e) => set('source', e.currentTarget.value)}
            data-testid="custom-source"
          />
        </label>
        <label className="field">
          <span>{t('mcda.custom.asOf')}</span>
          <input
            type="text"
            value={def.as_of}
            placeholder="2026-11"
            pattern="\d{4}(-\d{2}(-\d{2})?)?"
            onChange={(e) => set('as_of', e.currentTarget.value)}
            data-testid="custom-as-of"
          />
        </label>
      </div>
      <p className="muted small">{t('mcda.custom.vfLater')}</p>
      <div className="segmented" role="radiogroup" aria-label={t('mcda.custom.valuesFrom')}>
        {(['layer', 'typed'] as const).map((o) => (
          <label key={o} className={origin === o ? 'on' : undefined}>
            <input
              type="radio"
              name="custom-origin"
              checked={origin === o}
              onChange={() => setOrigin(o)}
              data-testid={`custom-origin-${o}`}
            />
            {t(`mcda.custom.origins.${o}`)}
          </label>
        ))}
      </div>
      {origin === 'layer' ? (
        <div className="from-layer">
          {userLayers.length === 0 ? (
            <p className="muted">
              {t('mcda.custom.noLayers')}{' '}
              {onImport && (
                <button type="button" onClick={onImport}>
                  {t('imports.open')}
                </button>
              )}
            </p>
          ) : (
            <>
              <div className="two-col">
                <label className="field">
                  <span>{t('mcda.custom.layer')}</span>
                  <select
                    value={layerId}
                    onChange={(e) => {
                      setLayerId(e.currentTarget.value);
                      setReport(null);
                    }}
                    data-testid="custom-layer"
                  >
                    {userLayers.map((l) => (
                      <option key={l.id} value={l.id}>
                        {localName(l, i18n.language)} ({l.featureCount})
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span>{t('mcda.custom.column')}</span>
                  <select
                    value={chosenColumn}
                    onChange={(e) => {
                      setColumn(e.currentTarget.value);
                      setReport(null);
                    }}
                    data-testid="custom-column"
                  >
                    {columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span>{t('mcda.custom.join')}</span>
                  <select
                    value={joinBy}
                    onChange={(e) => {
                      setJoinBy(e.currentTarget.value as JoinBy);
                      setReport(null);
                    }}
                    data-testid="custom-join"
                  >
                    {(['catalogue-code', 'name', 'nearest'] as const).map((j) => (
                      <option key={j} value={j}>
                        {t(`mcda.custom.joins.${j}`)}
                      </option>
                    ))}
                  </select>
                </label>
                {joinBy === 'nearest' && (
                  <label className="field">
                    <span>{t('mcda.custom.radius')}</span>
                    <input
                      type="number"
                      min={0.1}
                      max={50}
                      step={0.5}
                      value={radiusKm}
                      onChange={(e) => {
                        setRadiusKm(Math.min(50, Math.max(0.1, Number(e.currentTarget.value) || 0.1)));
                        setReport(null);
                      }}
                      data-testid="custom-radius"
                    />
                  </label>
                )}
              </div>
              <button
                type="button"
                disabled={busy || !chosenColumn || def.name_zh.trim() === '' || def.source.trim() === ''}
                onClick={() => void preview()}
                data-testid="custom-preview"
              >
                {t('mcda.custom.preview')}
              </button>
              {report && <JoinReportView report={report} radiusKm={radiusKm} />}
            </>
          )}
        </div>
      ) : (
        <ValuesGrid values={typed} onChange={(id, text) => setTyped((v) => ({ ...v, [id]: text }))} />
      )}
      {error && (
        <p role="alert" className="load-error small" data-testid="custom-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="primary"
          disabled={busy || (origin === 'layer' && userLayers.length === 0)}
          data-testid="custom-save"
        >
          {busy ? t('app.loading') : t('mcda.custom.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('access.cancel')}
        </button>
      </div>
    </form>
  );
}
