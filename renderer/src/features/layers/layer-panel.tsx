import { useTranslation } from 'react-i18next';
import type { LayerSummary } from '../../../../electron/contract/api.ts';
import { localName } from '../../../../geo/local-name.ts';
import { BASEMAP_LAYERS, GROUP_COLOURS, PREFECTURE_COLOURS } from '../../components/map/basemap-style.ts';
import { REFERENCE_STYLES } from './reference-style.ts';
import type { HiddenSubkinds } from './reference-layers.tsx';
import { UserLayerRow } from '../imports/user-layer-row.tsx';
import { BasemapSwitcher } from '../basemaps/basemap-switcher.tsx';
import { ROAD_LAYER_KEY, RoadLegend } from '../roads/road-legend.tsx';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Which style layers draw each basemap layer. */
export const BASEMAP_LAYER_GROUPS: Record<string, readonly string[]> = {
  counties: [BASEMAP_LAYERS.countyFill, BASEMAP_LAYERS.countyLines, BASEMAP_LAYERS.countyLabelsZone, BASEMAP_LAYERS.countyLabelsContext],
  prefectures: [BASEMAP_LAYERS.prefectureLines, BASEMAP_LAYERS.prefectureLabels, BASEMAP_LAYERS.provinceLabels],
};

export interface LayerPanelProps {
  layers: readonly LayerSummary[];
  hidden: ReadonlySet<string>;
  hiddenSubkinds: HiddenSubkinds;
  onToggle(layerId: string, visible: boolean): void;
  onToggleSubkind(layerId: string, subkind: string, visible: boolean): void;
  onImport(): void;
  map: MapLibreMap | null;
}

function Swatch({ layerId }: { layerId: string }) {
  const swatch = REFERENCE_STYLES[layerId]?.swatch;
  if (!swatch) return null;
  return <span className={`swatch ${swatch.className}`} style={{ background: swatch.colour }} aria-hidden="true" />;
}

export function LayerPanel({ layers, hidden, hiddenSubkinds, onToggle, onToggleSubkind, onImport, map }: LayerPanelProps) {
  const { t, i18n } = useTranslation();
  const counties = layers.find((l) => l.id === 'counties');
  const reference = layers.filter((l) => l.kind === 'reference');
  const basemap = layers.filter((l) => l.kind === 'basemap');
  const user = layers.filter((l) => l.kind === 'user');
  const row = (layer: LayerSummary) => {
    const name = localName(layer, i18n.language);
    const showSubkinds = layer.kind === 'reference' && layer.breakdown && layer.breakdown.length > 0;
    return (
      <li key={layer.id} className="layer-row" data-layer-id={layer.id} data-count={layer.featureCount}>
        <div className="layer-main">
          <label>
            <input
              type="checkbox"
              checked={!hidden.has(layer.id)}
              onChange={(e) => onToggle(layer.id, e.currentTarget.checked)}
              aria-label={t('panel.show', { name })}
            />
            <Swatch layerId={layer.id} />
            <span className="layer-name">{name}</span>
          </label>
          <span className="layer-count">{layer.featureCount}</span>
        </div>
        {layer.unlocated ? <p className="unlocated">{t('panel.unlocated', { count: layer.unlocated })}</p> : null}
        {layer.kind === 'reference' && i18n.exists(`legend.${layer.id}`) && (
          <p className="legend-note small" data-testid={`legend-${layer.id}`}>
            {t(`legend.${layer.id}`)}
          </p>
        )}
        {showSubkinds && (
          <ul className="subkinds">
            {layer.breakdown?.map((b) => {
              const subName = localName(b, i18n.language);
              return (
                <li key={b.key} data-subkind={b.key}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!hiddenSubkinds[layer.id]?.has(b.key)}
                      disabled={hidden.has(layer.id)}
                      onChange={(e) => onToggleSubkind(layer.id, b.key, e.currentTarget.checked)}
                      aria-label={t('panel.show', { name: `${name} · ${subName}` })}
                    />
                    <span>{subName}</span>
                  </label>
                  <span className="layer-count">{b.count}</span>
                </li>
              );
            })}
          </ul>
        )}
      </li>
    );
  };
  return (
    <section className="panel-section" aria-labelledby="layers-heading">
      <h2 id="layers-heading">{t('panel.layers')}</h2>
      <h3>{t('imports.myData')}</h3>
      <ul className="layer-list" data-testid="user-layers">
        {user.map((l) => (
          <UserLayerRow
            key={`${l.id}:${l.name_zh}:${l.colour ?? ''}`}
            layer={l}
            visible={!hidden.has(l.id)}
            onToggle={(v) => onToggle(l.id, v)}
          />
        ))}
      </ul>
      <button type="button" className="import-button" onClick={onImport} data-testid="open-import">
        {t('imports.open')}
      </button>
      <RoadLegend visible={!hidden.has(ROAD_LAYER_KEY)} onToggle={(v) => onToggle(ROAD_LAYER_KEY, v)} />
      {reference.length > 0 && (
        <>
          <h3>{t('panel.zoneData')}</h3>
          <ul className="layer-list">{reference.map(row)}</ul>
        </>
      )}
      <h3>{t('panel.basemap')}</h3>
      <BasemapSwitcher map={map} />
      <ul className="layer-list">{basemap.map(row)}</ul>
      {counties?.breakdown && (
        <>
          <h3>{t('panel.breakdown')}</h3>
          <ul className="legend" data-testid="county-breakdown">
            {counties.breakdown.map((p) => (
              <li key={p.key} data-prefecture={p.key} data-count={p.count}>
                <span className="swatch" style={{ background: PREFECTURE_COLOURS[p.key] }} aria-hidden="true" />
                <span className="legend-name">{localName(p, i18n.language)}</span>
                <span className="legend-count">{p.count}</span>
              </li>
            ))}
            <li>
              <span className="swatch" style={{ background: GROUP_COLOURS.hunan }} aria-hidden="true" />
              <span className="legend-name">{t('legend.hunan')}</span>
            </li>
            <li>
              <span className="swatch" style={{ background: GROUP_COLOURS.neighbour }} aria-hidden="true" />
              <span className="legend-name">{t('legend.neighbour')}</span>
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
