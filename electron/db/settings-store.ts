/** Settings as key → JSON value (`settings`). The one owner of SQL on that table. */
import type { Db } from './index.ts';
import { keyValueStore, type KeyValueStore } from './key-value.ts';
import { NOW_SQL } from './project.ts';

/** Every stored setting by key; `write` takes several keys at once, `null` removes one. */
export type SettingsStore = KeyValueStore;

export function settingsStore(db: Db): SettingsStore {
  return keyValueStore(db, {
    select: 'SELECT key, value FROM settings',
    upsert: `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = ${NOW_SQL}`,
    remove: 'DELETE FROM settings WHERE key = ?',
  });
}
