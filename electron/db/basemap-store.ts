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
  /** Registered packs; a row whose JSON columns cannot be read is left out (see `damaged`). */
  list(): BasemapRow[];
  /** Rows `list` leaves out, with the reason. */
  damaged(): { id: string; name: string; problem: string }[];
  insert(pack: BasemapRow): void;
  remove(id: string): boolean;
}

export function basemapStore(db: Db): BasemapStore {
  const list = db.prepare('SELECT * FROM basemap_packs ORDER BY added_at, id');
  const insert = db.prepare(
    'INSERT INTO basemap_packs (id, name, path, container, tile_type, format, minzoom, maxzoom, bounds, layers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM basemap_packs WHERE id = ?');
  const read = () =>
    (list.all() as Record<string, string | number | null>[]).map((r): BasemapRow | { id: string; name: string; problem: string } => {
      try {
        return {
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
        };
      } catch (error) {
        return {
          id: String(r['id']),
          name: String(r['name']),
          problem: `its stored bounds or layers are not JSON (${(error as Error).message})`,
        };
      }
    });
  return {
    list: () => read().filter((r): r is BasemapRow => !('problem' in r)),
    damaged: () => read().filter((r) => 'problem' in r) as { id: string; name: string; problem: string }[],
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
