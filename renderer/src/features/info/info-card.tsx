/**
 * Everything known about a clicked feature: its attributes, its source, the date the facts refer
 * to and how its position was obtained. Unknown values say so.
 */
import { useTranslation } from 'react-i18next';
import { CardHeader } from '../../components/card-header.tsx';
import type { SelectedFeature } from '../layers/reference-layers.tsx';
import { localName } from '../../../../geo/local-name.ts';

/** Shown first, in this order; the rest follow as published. */
const LEAD = ['name_zh', 'name_en', 'level', 'kind', 'iata', 'icao', 'code', 'prefecture', 'county', 'adcode'];
const PROVENANCE = ['source', 'as_of', 'precision', 'precision_note'];
const HIDDEN = new Set(['id']);

function Value({ name, value }: { name: string; value: unknown }) {
  const { t, i18n } = useTranslation();
  if (value === null || value === undefined || value === '') return <span className="unknown">{t('info.unknown')}</span>;
  if (typeof value === 'boolean') return <>{value ? t('info.yes') : t('info.no')}</>;
  if (name === 'industries' && Array.isArray(value)) {
    return (
      <ul className="plain">
        {(value as { text_zh: string; industry_id: string | null }[]).map((x, i) => (
          <li key={i}>
            {x.text_zh}
            {x.industry_id ? (
              <span className="muted"> → {t(`industries.${x.industry_id}`)}</span>
            ) : (
              <span className="muted"> → {t('info.noPlanIndustry')}</span>
            )}
          </li>
        ))}
      </ul>
    );
  }
  if (Array.isArray(value))
    return <>{value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(t('app.listSeparator'))}</>;
  if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  const text = String(value);
  const translated = i18n.exists(`values.${name}.${text}`) ? t(`values.${name}.${text}`) : text;
  if (name === 'source')
    return (
      <span className="source-text">
        {text.split(' ; ').map((s, i) => (
          <span key={i} className="source-item">
            {s}
          </span>
        ))}
      </span>
    );
  return <>{translated}</>;
}

function Attributes({
  keys,
  properties,
  label,
  className,
}: {
  keys: readonly string[];
  properties: Record<string, unknown>;
  label(k: string): string;
  className?: string;
}) {
  return (
    <dl className={className}>
      {keys.map((k) => (
        <div key={k} className="row">
          <dt>{label(k)}</dt>
          <dd>
            <Value name={k} value={properties[k]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function InfoCard({ feature, onClose }: { feature: SelectedFeature; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const p = feature.properties;
  const keys = Object.keys(p).filter((k) => !HIDDEN.has(k));
  const ordered = [...LEAD.filter((k) => keys.includes(k)), ...keys.filter((k) => !LEAD.includes(k) && !PROVENANCE.includes(k))];
  const label = (k: string) => (i18n.exists(`props.${k}`) ? t(`props.${k}`) : k);
  return (
    <section className="info-card" aria-labelledby="info-title" data-testid="info-card" data-feature-id={String(p['id'])}>
      <CardHeader id="info-title" title={String(localName(p, i18n.language))} closeLabel={t('info.close')} onClose={onClose} />
      <p className="muted">{t(`layerNames.${feature.layer}`, { defaultValue: feature.layer })}</p>
      <Attributes keys={ordered} properties={p} label={label} />
      <h3>{t('info.provenance')}</h3>
      <Attributes keys={PROVENANCE} properties={p} label={label} className="provenance" />
    </section>
  );
}
