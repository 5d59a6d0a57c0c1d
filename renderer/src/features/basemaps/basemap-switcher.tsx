/**
 * Choose the basemap: the bundled one (default) or an offline pack (MBTiles, PMTiles) registered
 * from a file on this machine. Packs draw under the zone's boundaries and corridors; vector packs
 * are styled by their tile schema (OpenMapTiles, Protomaps, Shortbread; see pack-style.ts), any
 * other schema gets a plain generic style.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BasemapPack } from '../../../../electron/contract/api.ts';
import { call } from '../../api/client.ts';
import { PACK_LAYER_PREFIX, packLayers, packSchema } from './pack-style.ts';

function clearPack(map: MapLibreMap) {
  for (const layer of map.getStyle().layers) if (layer.id.startsWith(PACK_LAYER_PREFIX)) map.removeLayer(layer.id);
  if (map.getSource('pack')) map.removeSource('pack');
}

export function showPack(map: MapLibreMap, pack: BasemapPack | null): void {
  clearPack(map);
  if (map.getLayer('county-fill')) map.setLayoutProperty('county-fill', 'visibility', pack ? 'none' : 'visible');
  if (!pack) return;
  const tiles = [`${window.location.origin}/tiles/pack/${pack.id}/{z}/{x}/{y}`];
  const before = map.getLayer('county-lines') ? 'county-lines' : undefined;
  if (pack.tileType === 'raster') {
    map.addSource('pack', { type: 'raster', tiles, tileSize: 256, minzoom: pack.minzoom, maxzoom: pack.maxzoom });
    map.addLayer({ id: `${PACK_LAYER_PREFIX}-raster`, type: 'raster', source: 'pack' }, before);
    return;
  }
  map.addSource('pack', { type: 'vector', tiles, minzoom: pack.minzoom, maxzoom: pack.maxzoom });
  for (const layer of packLayers(pack.layers).layers) map.addLayer(layer, before);
}

export function BasemapSwitcher({ map }: { map: MapLibreMap | null }) {
  const { t } = useTranslation();
  const [packs, setPacks] = useState<BasemapPack[]>([]);
  const [active, setActive] = useState('');
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('listBasemaps').then(setPacks, () => undefined);
  }, []);
  const choose = (id: string) => {
    setActive(id);
    if (map) showPack(map, packs.find((p) => p.id === id) ?? null);
  };
  const add = async () => {
    setError(null);
    try {
      const pack = await call('addBasemap', { path: path.trim() });
      setPacks((ps) => [...ps.filter((p) => p.id !== pack.id), pack]);
      setPath('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="basemap-switcher" data-testid="basemap-switcher">
      <label className="field">
        <span>{t('basemaps.choose')}</span>
        <select value={active} onChange={(e) => choose(e.currentTarget.value)} data-testid="basemap-select">
          <option value="">{t('basemaps.bundled')}</option>
          {packs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {p.container.toUpperCase()} · {t(`basemaps.kinds.${p.tileType}`)}
              {p.tileType === 'vector' ? ` · ${t(`basemaps.schemas.${packSchema(p.layers)}`)}` : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="add-site">
        <input
          type="text"
          value={path}
          onChange={(e) => setPath(e.currentTarget.value)}
          placeholder={t('basemaps.pathPlaceholder')}
          aria-label={t('basemaps.path')}
          data-testid="basemap-path"
        />
        <button type="button" onClick={() => void add()} disabled={path.trim() === ''} data-testid="basemap-add">
          {t('basemaps.add')}
        </button>
      </div>
      {error && (
        <p role="alert" className="load-error small" data-testid="basemap-error">
          {error}
        </p>
      )}
    </div>
  );
}
