/** The ranges behind the rank ranges (`data_ranges`: key → JSON value). The one owner of SQL on that table. */
import type { Db } from './index.ts';
import { keyValueStore, type KeyValueStore } from './key-value.ts';
import { NOW_SQL, PROJECT_ID } from './project.ts';

/** Every stored range by key; `write` takes several keys at once, `null` back to its default. */
export type RangeStore = KeyValueStore;

export function rangeStore(db: Db): RangeStore {
  return keyValueStore(db, {
    select: `SELECT key, value FROM data_ranges WHERE project_id = ${PROJECT_ID}`,
    upsert: `INSERT INTO data_ranges (project_id, key, value) VALUES (${PROJECT_ID}, ?, ?)
     ON CONFLICT(project_id, key) DO UPDATE SET value = excluded.value, updated_at = ${NOW_SQL}`,
    remove: `DELETE FROM data_ranges WHERE project_id = ${PROJECT_ID} AND key = ?`,
  });
}
