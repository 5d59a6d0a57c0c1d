import { Settings, type Api } from '../contract/api.ts';
import type { HandlerDeps } from './deps.ts';

const DEFAULTS: Settings = { language: 'zh' };

export function settingsHandlers(deps: HandlerDeps): Pick<Api, 'getSettings' | 'updateSettings'> {
  const select = deps.userDb.prepare('SELECT key, value FROM settings');
  const upsert = deps.userDb.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  const read = (): Settings => {
    const stored = Object.fromEntries((select.all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value) as unknown]));
    // A value written by another version that no longer parses falls back to the default.
    const parsed = Settings.partial().safeParse(stored);
    return { ...DEFAULTS, ...(parsed.success ? parsed.data : {}) };
  };
  const write = deps.userDb.transaction((changes: Partial<Settings>) => {
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
  });
  return {
    getSettings: read,
    updateSettings(changes) {
      write(changes);
      return read();
    },
  };
}
