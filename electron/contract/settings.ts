/** Settings: the interface language, the agent's contact and presentation mode's idle time and PIN. */
import { z } from 'zod';
import { Language, NoArgs } from './common.ts';
import { method } from './define.ts';

/** The promotion agent's contact, printed on visitor brochures (and in their QR code). */
export const AgentContact = z
  .object({
    name: z.string().trim().max(60).default(''),
    organisation: z.string().trim().max(120).default(''),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[0-9+()\s-]*$/, 'phone: digits, spaces, + - ( ) only')
      .default(''),
    email: z.union([z.literal(''), z.email('email: not an e-mail address')]).default(''),
  })
  .strict();
/** Seconds without a touch before presentation mode returns to the tour's first stop. */
const IdleSeconds = z.number().int().min(10, 'idle time: at least 10 s').max(3600, 'idle time: at most 3600 s');
export const Settings = z.object({
  language: Language,
  agent: AgentContact,
  presentationPinSet: z.boolean(),
  presentationIdleSeconds: IdleSeconds,
});
export type Settings = z.infer<typeof Settings>;
/** What updateSettings accepts: the language, the agent's contact, and the presentation PIN (4–8 digits; "" removes it). */
export const SettingsChanges = z
  .object({
    language: Language,
    agent: AgentContact,
    presentationIdleSeconds: IdleSeconds,
    presentationPin: z.union([z.literal(''), z.string().regex(/^\d{4,8}$/, 'the PIN must be 4 to 8 digits')]),
  })
  .partial()
  .strict();
export type SettingsChanges = z.output<typeof SettingsChanges>;

export const SETTINGS_METHODS = {
  getSettings: method(NoArgs, Settings),
  updateSettings: method(SettingsChanges, Settings, { writes: true }),
  checkPresentationPin: method(z.object({ pin: z.string().max(20) }).strict(), z.object({ ok: z.boolean() })),
};
