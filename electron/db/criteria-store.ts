/** The user's own criteria (`custom_criteria`; value function, origin and values as JSON). The one owner of SQL on that table. */
import type { Db } from './index.ts';
import { NOW_SQL, PROJECT_ID } from './project.ts';

export interface CriterionRow {
  id: string;
  name_zh: string;
  name_en: string;
  unit: string;
  type: 'benefit' | 'cost';
  /** JSON text or null. */
  value_function: string | null;
  source: string;
  as_of: string | null;
  /** JSON text: where the values came from. */
  origin: string;
  /** JSON text: candidate id → number or null. */
  values: string;
  created_at: string;
  updated_at: string;
}

export type CriterionWrite = Omit<CriterionRow, 'created_at' | 'updated_at'>;

export interface CriteriaStore {
  list(): CriterionRow[];
  get(id: string): CriterionRow | null;
  /** Inserts or replaces the criterion with this id (keeping its creation time). */
  put(c: CriterionWrite): void;
  remove(id: string): boolean;
}

export function criteriaStore(db: Db): CriteriaStore {
  const columns = 'id, name_zh, name_en, unit, type, value_function, source, as_of, origin, "values", created_at, updated_at';
  const list = db.prepare(`SELECT ${columns} FROM custom_criteria WHERE project_id = ${PROJECT_ID} ORDER BY created_at, id`);
  const get = db.prepare(`SELECT ${columns} FROM custom_criteria WHERE id = ?`);
  const put = db.prepare(`
    INSERT INTO custom_criteria (id, project_id, name_zh, name_en, unit, type, value_function, source, as_of, origin, "values")
    VALUES (@id, ${PROJECT_ID}, @name_zh, @name_en, @unit, @type, @value_function, @source, @as_of, @origin, @values)
    ON CONFLICT(id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, unit = excluded.unit, type = excluded.type,
      value_function = excluded.value_function, source = excluded.source, as_of = excluded.as_of, origin = excluded.origin,
      "values" = excluded."values", updated_at = ${NOW_SQL}`);
  const remove = db.prepare('DELETE FROM custom_criteria WHERE id = ?');
  return {
    list: () => list.all() as CriterionRow[],
    get: (id) => (get.get(id) as CriterionRow | undefined) ?? null,
    put: (c) => void put.run(c),
    remove: (id) => remove.run(id).changes > 0,
  };
}
