import { describe, expect, it } from 'vitest';
import { isKioskBlocked, type KeyInput } from './kiosk-keys.ts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
});

describe('shortcuts refused in presentation mode', () => {
  it('developer tools and reload, on Windows/Linux and macOS', () => {
    for (const input of [
      key('F12'),
      key('F5'),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('r', { meta: true }),
      key('I', { control: true, shift: true }),
      key('J', { control: true, shift: true }),
      key('C', { control: true, shift: true }),
      key('i', { meta: true, alt: true }),
    ])
      expect(isKioskBlocked(input), JSON.stringify(input)).toBe(true);
  });

  it('leaves ordinary keys alone (typing a PIN, moving the map, copying)', () => {
    for (const input of [
      key('1'),
      key('r'),
      key('ArrowLeft'),
      key('c', { control: true }),
      key('Escape'),
      { ...key('F12'), type: 'keyUp' },
    ])
      expect(isKioskBlocked(input), JSON.stringify(input)).toBe(false);
  });
});
