/** Tours an agent authored for presentation mode (`tours`; stops as JSON). The one owner of SQL on that table. */
import type { Db } from './index.ts';
import { NOW_SQL, PROJECT_ID } from './project.ts';
import { userWrite } from './user-write.ts';

export interface TourRow {
  id: string;
  name_zh: string;
  name_en: string;
  /** JSON array of stops. */
  stops: string;
}

export interface TourStore {
  list(): TourRow[];
  get(id: string): TourRow | null;
  insert(t: TourRow): void;
  update(t: TourRow): void;
  remove(id: string): boolean;
}

export function tourStore(db: Db): TourStore {
  const list = db.prepare(`SELECT id, name_zh, name_en, stops FROM tours WHERE project_id = ${PROJECT_ID} ORDER BY created_at, id`);
  const get = db.prepare('SELECT id, name_zh, name_en, stops FROM tours WHERE id = ?');
  const insert = db.prepare(`INSERT INTO tours (id, project_id, name_zh, name_en, stops) VALUES (?, ${PROJECT_ID}, ?, ?, ?)`);
  const update = db.prepare(`UPDATE tours SET name_zh = ?, name_en = ?, stops = ?, updated_at = ${NOW_SQL} WHERE id = ?`);
  const remove = db.prepare('DELETE FROM tours WHERE id = ?');
  return {
    list: () => list.all() as TourRow[],
    get: (id) => (get.get(id) as TourRow | undefined) ?? null,
    insert: (t) => userWrite('the tour', () => void insert.run(t.id, t.name_zh, t.name_en, t.stops)),
    update: (t) => userWrite('the tour', () => void update.run(t.name_zh, t.name_en, t.stops, t.id)),
    remove: (id) => remove.run(id).changes > 0,
  };
}
