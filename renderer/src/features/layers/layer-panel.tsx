import { useTranslation } from 'react-i18next';
import type { LayerSummary } from '../../../../electron/contract/api.ts';
import { GROUP_COLOURS, PREFECTURE_COLOURS } from '../../components/map/basemap-style.ts';

/** Which style layers draw each reference layer of the basemap. */
export const BASEMAP_LAYER_GROUPS: Record<string, readonly string[]> = {
  counties: ['county-fill', 'county-lines', 'county-labels-zone', 'county-labels-context'],
  prefectures: ['prefecture-lines', 'prefecture-labels', 'province-labels'],
};

export interface LayerPanelProps {
  layers: readonly LayerSummary[];
  hidden: ReadonlySet<string>;
  onToggle(layerId: string, visible: boolean): void;
}

export function LayerPanel({ layers, hidden, onToggle }: LayerPanelProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const counties = layers.find((l) => l.id === 'counties');
  return (
    <section className="panel-section" aria-labelledby="layers-heading">
      <h2 id="layers-heading">{t('panel.layers')}</h2>
      <ul className="layer-list">
        {layers.map((layer) => {
          const name = en ? layer.name_en : layer.name_zh;
          return (
            <li key={layer.id} className="layer-row" data-layer-id={layer.id}>
              <label>
                <input type="checkbox" checked={!hidden.has(layer.id)} onChange={(e) => onToggle(layer.id, e.currentTarget.checked)} aria-label={t('panel.show', { name })} />
                <span className="layer-name">{name}</span>
              </label>
              <span className="layer-count">{t('panel.features', { count: layer.featureCount })}</span>
            </li>
          );
        })}
      </ul>
      {counties?.breakdown && (
        <>
          <h3>{t('panel.breakdown')}</h3>
          <ul className="legend" data-testid="county-breakdown">
            {counties.breakdown.map((p) => (
              <li key={p.key} data-prefecture={p.key} data-count={p.count}>
                <span className="swatch" style={{ background: PREFECTURE_COLOURS[p.key] }} aria-hidden="true" />
                <span className="legend-name">{en ? p.name_en : p.name_zh}</span>
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
