import { describe, expect, it } from 'vitest';
import en from './en.json';
import zh from './zh.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('have the same keys in Chinese and English', () => {
    // CLDR plural rules: Chinese has the one form `other`, English also `one` (i18next's `key_one`,
    // `key_other`); an English `_one` key is expected only beside its `_other` key, which Chinese has.
    const english = keys(en);
    const singular = english.filter((k) => k.endsWith('_one') && english.includes(k.replace(/_one$/, '_other')));
    expect(english.filter((k) => !singular.includes(k)).sort()).toEqual(keys(zh).sort());
  });
  it('use the same interpolation variables in both languages', () => {
    const vars = (s: unknown) => (typeof s === 'string' ? [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort() : []);
    const get = (obj: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
    for (const key of keys(zh)) expect(vars(get(en, key)), key).toEqual(vars(get(zh, key)));
  });
});
