/** Registered basemap packs, stored in the user database and opened on first use. */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Db } from '../db/index.ts';
import { openPack, type Pack, type PackInfo } from './packs.ts';

export interface PackRecord extends PackInfo {
  id: string;
  path: string;
}

export class PackRegistry {
  private open = new Map<string, Pack>();
  constructor(private readonly db: Db) {}

  list(): PackRecord[] {
    return (this.db.prepare('SELECT * FROM basemap_packs ORDER BY added_at, id').all() as Record<string, string | number>[]).map((r) => ({
      id: String(r['id']),
      path: String(r['path']),
      name: String(r['name']),
      container: r['container'] as PackInfo['container'],
      tileType: r['tile_type'] as PackInfo['tileType'],
      format: String(r['format']),
      minzoom: Number(r['minzoom']),
      maxzoom: Number(r['maxzoom']),
      bounds: r['bounds'] ? (JSON.parse(String(r['bounds'])) as PackInfo['bounds']) : null,
      layers: JSON.parse(String(r['layers'])) as string[],
    }));
  }

  /** Opens and checks the file, then records it; a file that is not a tile pack changes nothing. */
  async add(path: string): Promise<PackRecord> {
    const full = resolve(path);
    const existing = this.list().find((p) => p.path === full);
    if (existing) return existing;
    const pack = await openPack(full);
    const id = `pack-${randomUUID().slice(0, 8)}`;
    const i = pack.info;
    this.db
      .prepare(
        'INSERT INTO basemap_packs (id, name, path, container, tile_type, format, minzoom, maxzoom, bounds, layers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        i.name,
        full,
        i.container,
        i.tileType,
        i.format,
        i.minzoom,
        i.maxzoom,
        i.bounds ? JSON.stringify(i.bounds) : null,
        JSON.stringify(i.layers),
      );
    this.open.set(id, pack);
    return { ...i, id, path: full };
  }

  remove(id: string): boolean {
    this.open.get(id)?.close();
    this.open.delete(id);
    return this.db.prepare('DELETE FROM basemap_packs WHERE id = ?').run(id).changes > 0;
  }

  async get(id: string): Promise<{ pack: Pack; record: PackRecord } | null> {
    const record = this.list().find((p) => p.id === id);
    if (!record) return null;
    let pack = this.open.get(id);
    if (!pack) {
      pack = await openPack(record.path);
      this.open.set(id, pack);
    }
    return { pack, record };
  }

  close(): void {
    for (const p of this.open.values()) p.close();
    this.open.clear();
  }
}
