/** Registered basemap packs, stored in the user database and opened on first use. */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { basemapStore, type BasemapRow, type BasemapStore } from '../db/basemap-store.ts';
import type { Db } from '../db/index.ts';
import { openPack, type Pack } from './packs.ts';

export type PackRecord = BasemapRow;

export class PackRegistry {
  private open = new Map<string, Pack>();
  private readonly store: BasemapStore;
  constructor(db: Db) {
    this.store = basemapStore(db);
  }

  list(): PackRecord[] {
    return this.store.list();
  }

  /** Opens and checks the file, then records it; a file that is not a tile pack changes nothing. */
  async add(path: string): Promise<PackRecord> {
    const full = resolve(path);
    const existing = this.list().find((p) => p.path === full);
    if (existing) return existing;
    const pack = await openPack(full);
    const record: PackRecord = { ...pack.info, id: `pack-${randomUUID().slice(0, 8)}`, path: full };
    this.store.insert(record);
    this.open.set(record.id, pack);
    return record;
  }

  remove(id: string): boolean {
    this.open.get(id)?.close();
    this.open.delete(id);
    return this.store.remove(id);
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
