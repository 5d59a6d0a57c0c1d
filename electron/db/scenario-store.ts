/** Saved scenarios (`scenarios`; the payload is JSON the contract's schema describes). The one owner of SQL on that table. */
import type { Db } from './index.ts';
import { NOW_SQL, PROJECT_ID } from './project.ts';
import { userWrite } from './user-write.ts';

export interface ScenarioRow {
  id: string;
  name: string;
  notes: string;
  /** JSON text. */
  payload: string;
  created_at: string;
  updated_at: string;
}

export interface ScenarioStore {
  list(): ScenarioRow[];
  get(id: string): ScenarioRow | null;
  exists(id: string): boolean;
  insert(s: { id: string; name: string; notes: string; payload: string }): void;
  update(id: string, s: { name: string; notes: string; payload: string }): void;
  rename(id: string, name: string, notes: string | null): void;
  remove(id: string): boolean;
}

export function scenarioStore(db: Db): ScenarioStore {
  const columns = 'id, name, notes, payload, created_at, updated_at';
  const list = db.prepare(`SELECT ${columns} FROM scenarios WHERE project_id = ${PROJECT_ID} ORDER BY created_at, id`);
  const get = db.prepare(`SELECT ${columns} FROM scenarios WHERE id = ?`);
  const insert = db.prepare(`INSERT INTO scenarios (id, project_id, name, notes, payload) VALUES (?, ${PROJECT_ID}, ?, ?, ?)`);
  const update = db.prepare(`UPDATE scenarios SET name = ?, notes = ?, payload = ?, updated_at = ${NOW_SQL} WHERE id = ?`);
  const rename = db.prepare(`UPDATE scenarios SET name = ?, notes = COALESCE(?, notes), updated_at = ${NOW_SQL} WHERE id = ?`);
  const remove = db.prepare('DELETE FROM scenarios WHERE id = ?');
  return {
    list: () => list.all() as ScenarioRow[],
    get: (id) => (get.get(id) as ScenarioRow | undefined) ?? null,
    exists: (id) => get.get(id) !== undefined,
    insert: (s) => userWrite('the scenario', () => void insert.run(s.id, s.name, s.notes, s.payload)),
    update: (id, s) => userWrite('the scenario', () => void update.run(s.name, s.notes, s.payload, id)),
    rename: (id, name, notes) => userWrite('the scenario', () => void rename.run(name, notes, id)),
    remove: (id) => remove.run(id).changes > 0,
  };
}
