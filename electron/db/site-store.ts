/** Candidate sites a user placed on the map (`candidate_sites`). The one owner of SQL on that table. */
import type { Db } from './index.ts';
import { PROJECT_ID } from './project.ts';
import { userWrite } from './user-write.ts';

export interface SiteRow {
  id: string;
  name: string;
  lng: number;
  lat: number;
  created_at: string;
}

export interface SiteStore {
  list(): SiteRow[];
  get(id: string): SiteRow | null;
  insert(site: { id: string; name: string; lng: number; lat: number }): SiteRow;
  /** Puts a site back with its own id (a scenario's snapshot, a project file); one already there is kept. @returns whether it was added */
  restore(site: { id: string; name: string; lng: number; lat: number }): boolean;
  remove(id: string): boolean;
}

export function siteStore(db: Db): SiteStore {
  const list = db.prepare(
    `SELECT id, name, lng, lat, created_at FROM candidate_sites WHERE project_id = ${PROJECT_ID} ORDER BY created_at, id`,
  );
  const get = db.prepare('SELECT id, name, lng, lat, created_at FROM candidate_sites WHERE id = ?');
  const insert = db.prepare(`INSERT INTO candidate_sites (id, project_id, name, lng, lat) VALUES (?, ${PROJECT_ID}, ?, ?, ?)`);
  const restore = db.prepare(`INSERT OR IGNORE INTO candidate_sites (id, project_id, name, lng, lat) VALUES (?, ${PROJECT_ID}, ?, ?, ?)`);
  const remove = db.prepare('DELETE FROM candidate_sites WHERE id = ?');
  return {
    list: () => list.all() as SiteRow[],
    get: (id) => (get.get(id) as SiteRow | undefined) ?? null,
    insert(s) {
      userWrite('the site', () => insert.run(s.id, s.name, s.lng, s.lat));
      return get.get(s.id) as SiteRow;
    },
    restore: (s) => userWrite('the site', () => restore.run(s.id, s.name, s.lng, s.lat).changes > 0),
    remove: (id) => remove.run(id).changes > 0,
  };
}
