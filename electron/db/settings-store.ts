/** Settings as key → JSON value (`settings`). The one owner of SQL on that table. */
import type { Db } from './index.ts';
import { NOW_SQL } from './project.ts';

export interface SettingsStore {
  /** Every stored value, parsed from JSON (a value that does not parse is left out). */
  all(): Record<string, unknown>;
  /** Writes several keys in one transaction; `undefined` leaves a key, `null` removes it. */
  write(changes: Readonly<Record<string, unknown>>): void;
}

export function settingsStore(db: Db): SettingsStore {
  const select = db.prepare('SELECT key, value FROM settings');
  const upsert = db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = ${NOW_SQL}`,
  );
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');
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
