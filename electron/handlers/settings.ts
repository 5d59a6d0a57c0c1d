/**
 * Settings: the interface language, the promotion agent's contact (printed on brochures), the
 * presentation-mode idle time and PIN. The PIN is stored only as a salted scrypt hash and never returned; the
 * renderer learns whether one is set and asks the backend to check a PIN typed to leave
 * presentation mode.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AgentContact, Settings, type Api } from '../contract/api.ts';
import type { HandlerDeps } from './deps.ts';

const DEFAULTS = { language: 'zh', agent: AgentContact.parse({}), presentationIdleSeconds: 60 } as const;
const PIN_KEY = 'presentationPinHash';

const derive = (pin: string, salt: Buffer) => scryptSync(pin, salt, 32);

/** `salt:hash`, both hex. */
function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${derive(pin, salt).toString('hex')}`;
}

export function settingsHandlers(deps: HandlerDeps): Pick<Api, 'getSettings' | 'updateSettings' | 'checkPresentationPin'> {
  const select = deps.userDb.prepare('SELECT key, value FROM settings');
  const upsert = deps.userDb.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  const remove = deps.userDb.prepare('DELETE FROM settings WHERE key = ?');
  const stored = () =>
    Object.fromEntries((select.all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const read = (): Settings => {
    const all = stored();
    // A value written by another version that no longer parses falls back to the default.
    const language = Settings.shape.language.safeParse(all['language']);
    const agent = AgentContact.safeParse(all['agent']);
    const idle = Settings.shape.presentationIdleSeconds.safeParse(all['presentationIdleSeconds']);
    return {
      language: language.success ? language.data : DEFAULTS.language,
      agent: agent.success ? agent.data : DEFAULTS.agent,
      presentationPinSet: typeof all[PIN_KEY] === 'string',
      presentationIdleSeconds: idle.success ? idle.data : DEFAULTS.presentationIdleSeconds,
    };
  };
  const write = deps.userDb.transaction((changes: Parameters<Api['updateSettings']>[0]) => {
    if (changes.language !== undefined) upsert.run('language', JSON.stringify(changes.language));
    if (changes.agent !== undefined) upsert.run('agent', JSON.stringify(changes.agent));
    if (changes.presentationIdleSeconds !== undefined)
      upsert.run('presentationIdleSeconds', JSON.stringify(changes.presentationIdleSeconds));
    if (changes.presentationPin === '') remove.run(PIN_KEY);
    else if (changes.presentationPin !== undefined) upsert.run(PIN_KEY, JSON.stringify(hashPin(changes.presentationPin)));
  });
  return {
    getSettings: read,
    updateSettings(changes) {
      write(changes);
      return read();
    },
    checkPresentationPin({ pin }) {
      const saved = stored()[PIN_KEY];
      if (typeof saved !== 'string') return { ok: false };
      const [salt = '', hash = ''] = saved.split(':');
      const given = derive(pin, Buffer.from(salt, 'hex'));
      const expected = Buffer.from(hash, 'hex');
      return { ok: given.length === expected.length && timingSafeEqual(given, expected) };
    },
  };
}
