import { describe, expect, it } from 'vitest';
import { localName, localText } from './local-name.ts';

const hengyang = { name_zh: '衡阳', name_en: 'Hengyang' };

describe('localName', () => {
  it('gives the English name for English and the Chinese name for Chinese', () => {
    expect(localName(hengyang, 'en')).toBe('Hengyang');
    expect(localName(hengyang, 'zh')).toBe('衡阳');
  });

  it('gives Chinese for any other language code, the interface default', () => {
    expect(localName(hengyang, 'zh-CN')).toBe('衡阳');
    expect(localName(hengyang, 'en-GB')).toBe('衡阳');
    expect(localName(hengyang, '')).toBe('衡阳');
  });

  it('falls back to the other form only when the chosen one is missing', () => {
    const properties: Record<string, unknown> = { name_zh: '怀化西站', name_en: null };
    expect(localName(properties, 'en')).toBe('怀化西站');
    expect(localName({ name_en: 'Huaihua West' }, 'zh')).toBe('Huaihua West');
    expect(localName({ name_zh: '', name_en: 'Empty' }, 'zh')).toBe('');
    expect(localName({}, 'en')).toBeUndefined();
  });
});

describe('localText', () => {
  it('picks any <field>_zh / <field>_en pair', () => {
    const stop = { caption_zh: '示范区全景', caption_en: 'The whole zone' };
    expect(localText(stop, 'caption', 'en')).toBe('The whole zone');
    expect(localText(stop, 'caption', 'zh')).toBe('示范区全景');
    expect(localText({ message_zh: '超过限值', message_en: 'over the limit' }, 'message', 'en')).toBe('over the limit');
  });
});
