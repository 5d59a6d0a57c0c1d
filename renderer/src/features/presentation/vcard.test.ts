import { describe, expect, it } from 'vitest';
import { vcard } from './vcard.ts';

describe('brochure vCard', () => {
  it('escapes separators and leaves out empty fields', () => {
    expect(vcard({ name: '张三', organisation: '衡阳市商务局; 招商科', phone: '+86 734 1234', email: '' })).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:张三;;;;',
        'FN:张三',
        'ORG:衡阳市商务局\\; 招商科',
        'TEL;TYPE=WORK,VOICE:+86 734 1234',
        'END:VCARD',
      ].join('\r\n'),
    );
    expect(vcard({ name: ' ', organisation: '', phone: '', email: '' })).toBeNull();
  });
});
