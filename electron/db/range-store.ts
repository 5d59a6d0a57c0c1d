/** The ranges behind the rank ranges (`data_ranges`: key → JSON value). The one owner of SQL on that table. */
import type { Db } from './index.ts';
import { NOW_SQL, PROJECT_ID } from './project.ts';

export interface RangeStore {
  /** Every stored value by key, parsed from JSON (a value that does not parse is left out). */
  all(): Record<string, unknown>;
  /** Writes several keys in one transaction; `null` removes a key (back to its default). */
  write(changes: Readonly<Record<string, unknown>>): void;
}

export function rangeStore(db: Db): RangeStore {
  const select = db.prepare(`SELECT key, value FROM data_ranges WHERE project_id = ${PROJECT_ID}`);
  const upsert = db.prepare(
    `INSERT INTO data_ranges (project_id, key, value) VALUES (${PROJECT_ID}, ?, ?)
     ON CONFLICT(project_id, key) DO UPDATE SET value = excluded.value, updated_at = ${NOW_SQL}`,
  );
  const remove = db.prepare(`DELETE FROM data_ranges WHERE project_id = ${PROJECT_ID} AND key = ?`);
  const write = db.transaction((changes: Readonly<Record<string, unknown>>) => {
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      if (value === null) remove.run(key);
      else upsert.run(key, JSON.stringify(value));
    }
  });
  return {
    all() {
      const out: Record<string, unknown> = {};
      for (const r of select.all() as { key: string; value: string }[]) {
        try {
          out[r.key] = JSON.parse(r.value) as unknown;
        } catch {
          // Written by something else: treated as not set.
        }
      }
      return out;
    },
    write: (changes) => write(changes),
  };
}
