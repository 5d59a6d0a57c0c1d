/**
 * Shortcuts refused while presentation mode (kiosk) runs in front of visitors: developer tools and
 * reload. Electron's default menu binds reload to CmdOrCtrl+R (force reload with Shift) and
 * developer tools to Ctrl+Shift+I (Alt+Cmd+I on macOS); Chromium adds F5 and F12. Refused in
 * `before-input-event`, which Electron documents as able to prevent "the page keydown/keyup events
 * and the menu shortcuts" (webContents, Event: 'before-input-event').
 */
import type { Input } from 'electron';

export type KeyInput = Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>;

export function isKioskBlocked(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const command = input.control || input.meta;
  if (key === 'F12' || key === 'F5') return true;
  // Reload, force reload.
  if (command && key === 'r') return true;
  // Developer tools, their console and element picker: Ctrl+Shift+I/J/C, Alt+Cmd+I/J/C.
  if (command && (input.shift || input.alt) && (key === 'i' || key === 'j' || key === 'c')) return true;
  return false;
}
