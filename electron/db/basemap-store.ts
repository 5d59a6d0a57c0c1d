/** Offline basemap packs the user registered by path (`basemap_packs`). The one owner of SQL on that table. */
import type { Db } from './index.ts';

export interface BasemapRow {
  id: string;
  name: string;
  path: string;
  container: 'mbtiles' | 'pmtiles';
  tileType: 'raster' | 'vector';
  format: string;
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number] | null;
  layers: string[];
}

export interface BasemapStore {
  list(): BasemapRow[];
  insert(pack: BasemapRow): void;
  remove(id: string): boolean;
}

export function basemapStore(db: Db): BasemapStore {
  const list = db.prepare('SELECT * FROM basemap_packs ORDER BY added_at, id');
  const insert = db.prepare(
    'INSERT INTO basemap_packs (id, name, path, container, tile_type, format, minzoom, maxzoom, bounds, layers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM basemap_packs WHERE id = ?');
  return {
    list: () =>
      (list.all() as Record<string, string | number | null>[]).map((r) => ({
        id: String(r['id']),
        path: String(r['path']),
        name: String(r['name']),
        container: r['container'] as BasemapRow['container'],
        tileType: r['tile_type'] as BasemapRow['tileType'],
        format: String(r['format']),
        minzoom: Number(r['minzoom']),
        maxzoom: Number(r['maxzoom']),
        bounds: r['bounds'] ? (JSON.parse(String(r['bounds'])) as BasemapRow['bounds']) : null,
        layers: JSON.parse(String(r['layers'])) as string[],
      })),
    insert: (p) =>
      void insert.run(
        p.id,
        p.name,
        p.path,
        p.container,
        p.tileType,
        p.format,
        p.minzoom,
        p.maxzoom,
        p.bounds ? JSON.stringify(p.bounds) : null,
        JSON.stringify(p.layers),
      ),
    remove: (id) => remove.run(id).changes > 0,
  };
}
