/** A table of key → JSON value, read whole and written several keys per transaction (settings, data ranges). */
import type { Db } from './index.ts';

export interface KeyValueStore {
  /** Every stored value by key, parsed from JSON (a value that does not parse is left out). */
  all(): Record<string, unknown>;
  /** Writes several keys in one transaction; `undefined` leaves a key, `null` removes it. */
  write(changes: Readonly<Record<string, unknown>>): void;
}

/** The three statements a table needs: select (key, value) rows, upsert (key, value), remove (key). */
export function keyValueStore(db: Db, sql: { select: string; upsert: string; remove: string }): KeyValueStore {
  const select = db.prepare(sql.select);
  const upsert = db.prepare(sql.upsert);
  const remove = db.prepare(sql.remove);
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
