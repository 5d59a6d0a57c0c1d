/**
 * The layer panel's row for the imported network's roads (only while that network is active): a
 * switch, and a legend by class with the kilometres of each and its class speed.
 */
import { useTranslation } from 'react-i18next';
import { useRoadLayer } from '../../api/queries.ts';
import { roadLegend } from './road-style.ts';

/** The id the layer panel's visibility set uses for the road layer. */
export const ROAD_LAYER_KEY = 'osm-roads';

export function RoadLegend({ visible, onToggle }: { visible: boolean; onToggle(visible: boolean): void }) {
  const { t, i18n } = useTranslation();
  const info = useRoadLayer().data;
  if (!info?.available) return null;
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 0 });
  const entries = roadLegend(info);
  return (
    <>
      <h3>{t('roads.layerHeading')}</h3>
      <ul className="layer-list">
        <li className="layer-row" data-layer-id={ROAD_LAYER_KEY} data-testid="road-layer-row">
          <div className="layer-main">
            <label>
              <input
                type="checkbox"
                checked={visible}
                onChange={(e) => onToggle(e.currentTarget.checked)}
                aria-label={t('panel.show', { name: t('roads.layerName') })}
                data-testid="road-layer-toggle"
              />
              <span className="layer-name">{t('roads.layerName')}</span>
            </label>
          </div>
          <ul className="legend" data-testid="road-legend" aria-label={t('roads.legendLabel')}>
            {entries.map((e) => (
              <li key={e.id} data-road-class={e.id} data-km={Math.round(e.km)}>
                <span className="swatch road-swatch" style={{ background: e.colour }} aria-hidden="true" />
                <span className="legend-name">{t(`roads.legend.${e.id}`)}</span>
                <span className="legend-count">
                  {t('roads.legendKm', { km: number(e.km) })}
                  {e.speeds &&
                    ` · ${
                      e.speeds.min === e.speeds.max
                        ? t('roads.card.kmh', { v: e.speeds.min })
                        : t('roads.legendSpeeds', { min: e.speeds.min, max: e.speeds.max })
                    }`}
                </span>
              </li>
            ))}
          </ul>
          {info.attribution && <p className="legend-note small">{info.attribution}</p>}
        </li>
      </ul>
    </>
  );
}
