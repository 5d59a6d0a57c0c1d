/**
 * Settings: the interface language, the promotion agent's contact (printed on brochures), the
 * presentation-mode idle time and PIN. The PIN is stored only as a salted scrypt hash and never
 * returned; the renderer learns whether one is set and asks the backend to check a PIN typed to
 * leave presentation mode.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AgentContact, Settings, type SettingsChanges } from '../contract/api.ts';
import type { Context, Handlers } from './context.ts';

const DEFAULTS = { language: 'zh', agent: AgentContact.parse({}), presentationIdleSeconds: 60 } as const;
const PIN_KEY = 'presentationPinHash';

const derive = (pin: string, salt: Buffer) => scryptSync(pin, salt, 32);

/** `salt:hash`, both hex. */
function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${derive(pin, salt).toString('hex')}`;
}

function getSettings(ctx: Context): Settings {
  const all = ctx.stores.settings.all();
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
}

function updateSettings(ctx: Context, changes: SettingsChanges): Settings {
  ctx.stores.settings.write({
    language: changes.language,
    agent: changes.agent,
    presentationIdleSeconds: changes.presentationIdleSeconds,
    [PIN_KEY]: changes.presentationPin === undefined ? undefined : changes.presentationPin === '' ? null : hashPin(changes.presentationPin),
  });
  return getSettings(ctx);
}

function checkPresentationPin(ctx: Context, { pin }: { pin: string }) {
  const saved = ctx.stores.settings.all()[PIN_KEY];
  if (typeof saved !== 'string') return { ok: false };
  const [salt = '', hash = ''] = saved.split(':');
  const given = derive(pin, Buffer.from(salt, 'hex'));
  const expected = Buffer.from(hash, 'hex');
  return { ok: given.length === expected.length && timingSafeEqual(given, expected) };
}

export const settingsHandlers = { getSettings, updateSettings, checkPresentationPin } satisfies Handlers<
  'getSettings' | 'updateSettings' | 'checkPresentationPin'
>;
