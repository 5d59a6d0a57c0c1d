/**
 * Choose the basemap: the bundled one (default) or an offline pack (MBTiles, PMTiles) registered
 * from a file on this machine. Packs draw under the zone's boundaries and corridors; vector packs
 * are styled by their tile schema (OpenMapTiles, Protomaps, Shortbread; see pack-style.ts), any
 * other schema gets a plain generic style.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BasemapPack } from '../../../../electron/contract/api.ts';
import { useAddBasemap } from '../../api/mutations.ts';
import { useBasemaps } from '../../api/queries.ts';
import { BASEMAP_LAYERS } from '../../components/map/basemap-style.ts';
import { MapOverlay, OVERLAY_IDS, setLayerVisible, type Overlay } from '../../components/map/overlays.ts';
import { PACK_LAYER_PREFIX, packLayers, packSchema } from './pack-style.ts';

/** A pack as an overlay in the `pack` slot: its tiles come from our own origin. */
function packOverlay(pack: BasemapPack): Overlay {
  const tiles = [`${window.location.origin}/tiles/pack/${pack.id}/{z}/{x}/{y}`];
  if (pack.tileType === 'raster')
    return {
      id: OVERLAY_IDS.pack,
      source: { type: 'raster', tiles, tileSize: 256, minzoom: pack.minzoom, maxzoom: pack.maxzoom },
      layers: [{ slot: 'pack', layer: { id: `${PACK_LAYER_PREFIX}-raster`, type: 'raster' } }],
    };
  return {
    id: OVERLAY_IDS.pack,
    source: { type: 'vector', tiles, minzoom: pack.minzoom, maxzoom: pack.maxzoom },
    layers: packLayers(pack.layers).layers.map((layer) => ({ slot: 'pack', layer: layer as Overlay['layers'][number]['layer'] })),
  };
}

export function BasemapSwitcher({ map }: { map: MapLibreMap | null }) {
  const { t } = useTranslation();
  const packs = useBasemaps().data ?? [];
  const addBasemap = useAddBasemap().mutateAsync;
  const [active, setActive] = useState('');
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pack = packs.find((p) => p.id === active) ?? null;
  const overlay = useMemo(() => (pack ? packOverlay(pack) : null), [pack]);
  // A pack replaces the bundled county fills; the boundaries stay on top of it.
  useEffect(() => {
    if (map) setLayerVisible(map, BASEMAP_LAYERS.countyFill, !pack);
  }, [map, pack]);
  const add = async () => {
    setError(null);
    try {
      await addBasemap({ path: path.trim() });
      setPath('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="basemap-switcher" data-testid="basemap-switcher">
      {/* A different pack is a different source: keyed, so the old one is removed before the new one is added. */}
      <MapOverlay key={pack?.id ?? ''} map={map} overlay={overlay} />
      <label className="field">
        <span>{t('basemaps.choose')}</span>
        <select value={active} onChange={(e) => setActive(e.currentTarget.value)} data-testid="basemap-select">
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
