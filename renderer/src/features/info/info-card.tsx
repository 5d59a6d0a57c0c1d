/**
 * Everything known about a clicked feature: its attributes, its source, the date the facts refer
 * to and how its position was obtained. Unknown values say so.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import { useLayerFeatures } from '../../api/queries.ts';
import { CardHeader } from '../../components/card-header.tsx';
import type { SelectedFeature } from '../layers/reference-layers.tsx';
import { localName } from '../../../../geo/local-name.ts';
import { ParkCorrection } from './park-correction.tsx';

/** Shown first, in this order; the rest follow as published. */
const LEAD = [
  'name_zh',
  'name_en',
  'current_name_zh',
  'current_name_en',
  'catalogue_code',
  'level',
  'kind',
  'approved',
  'area_ha',
  'main_industries_zh',
  'plan_industries',
  'iata',
  'icao',
  'code',
  'opened',
  'prefecture',
  'county',
  'adcode',
];
const PROVENANCE = ['source', 'source_ids', 'as_of', 'precision', 'precision_note'];
/** Internal ids and what the card shows in words of its own (the correction, the schematic note). */
const HIDDEN = new Set([
  'id',
  'correction',
  'schematic',
  'position_basis',
  'interchange_stand_in',
  'stand_in',
  'bonded_zone_id',
  'park_id',
]);

function Value({ name, value }: { name: string; value: unknown }) {
  const { t, i18n } = useTranslation();
  if (value === null || value === undefined || value === '') return <span className="unknown">{t('info.unknown')}</span>;
  if (typeof value === 'boolean') return <>{value ? t('info.yes') : t('info.no')}</>;
  if ((name === 'plan_industries' || name === 'industries') && Array.isArray(value)) {
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

/** A corrected feature's "how its position was obtained" in the reader's language (the data's own note is in English). */
function withCorrectionNote(p: Record<string, unknown>, t: (k: string, o?: Record<string, unknown>) => string): Record<string, unknown> {
  const c = p['correction'] as {
    source: string;
    osm_id: string | null;
    /** An OSM correction's licence notice (ODbL), shown with it. */
    credit?: string | null;
    date: string;
    note: string;
    given: { crs: string; lng: number; lat: number };
  } | null;
  if (!c || typeof c !== 'object') return p;
  return {
    ...p,
    precision_note: t('correction.precisionNote', {
      by:
        t(`correction.source.${c.source}`, { defaultValue: c.source }) +
        (c.osm_id ? ` ${c.osm_id}` : '') +
        (c.credit ? ` (${c.credit})` : ''),
      date: c.date,
      note: c.note ? t('correction.noteSuffix', { note: c.note }) : '',
      crs: t(`correction.crsShort.${c.given.crs}`, { defaultValue: c.given.crs }),
      x: c.given.lng,
      y: c.given.lat,
    }),
  };
}

export function InfoCard({ feature, map, onClose }: { feature: SelectedFeature; map: MapLibreMap | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  // The feature as the layer has it now (a correction changes it while the card is open).
  const live = useLayerFeatures(feature.layer).data?.features.find((f) => f.properties['id'] === feature.properties['id']);
  const p = withCorrectionNote(live?.properties ?? feature.properties, t);
  const position = live?.geometry?.type === 'Point' ? (live.geometry.coordinates as [number, number]) : null;
  const keys = Object.keys(p).filter((k) => !HIDDEN.has(k));
  const ordered = [...LEAD.filter((k) => keys.includes(k)), ...keys.filter((k) => !LEAD.includes(k) && !PROVENANCE.includes(k))];
  const label = (k: string) => (i18n.exists(`props.${k}`) ? t(`props.${k}`) : k);
  return (
    <section className="info-card" aria-labelledby="info-title" data-testid="info-card" data-feature-id={String(p['id'])}>
      <CardHeader id="info-title" title={String(localName(p, i18n.language))} closeLabel={t('info.close')} onClose={onClose} />
      <p className="muted">
        {t(`layerNames.${feature.layer}`, { defaultValue: feature.layer })}
        {p['precision'] === 'approximate' && (
          <span className="tag approx" data-testid="info-approx">
            {t('info.approximate')}
          </span>
        )}
      </p>
      {p['schematic'] === true && (
        <p className="note small" data-testid="info-schematic">
          {t('info.schematic')}
        </p>
      )}
      <Attributes keys={ordered} properties={p} label={label} />
      {feature.layer === 'parks' && <ParkCorrection parkId={String(p['id'])} properties={p} position={position} map={map} />}
      <h3>{t('info.provenance')}</h3>
      <Attributes keys={PROVENANCE} properties={p} label={label} className="provenance" />
    </section>
  );
}
