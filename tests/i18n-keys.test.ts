/**
 * Every translation key the renderer names literally (`t('a.b')`) exists in both languages. A merge
 * of the translation files once dropped two legend keys, and the layer panel showed their raw names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../renderer/src/i18n/en.json';
import zh from '../renderer/src/i18n/zh.json';

const ROOT = join(import.meta.dirname, '..', 'renderer', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Whether `key` names a string in `messages` (a plural key exists as key_one / key_other). */
function present(messages: unknown, key: string): boolean {
  const parts = key.split('.');
  let node = messages;
  for (const [i, part] of parts.entries()) {
    if (typeof node !== 'object' || node === null) return false;
    const o = node as Record<string, unknown>;
    if (part in o) node = o[part];
    else return i === parts.length - 1 && (`${part}_one` in o || `${part}_other` in o);
  }
  return typeof node === 'string';
}

/** Literal dotted keys passed to t(…) in a source file. */
function literalKeys(text: string): string[] {
  return [...text.matchAll(/\bt\(\s*'([\w-]+(?:\.[\w-]+)+)'/g)].map((m) => m[1] as string);
}

describe('translation keys used by the renderer', () => {
  it('finds literal keys (and ignores dynamic ones)', () => {
    expect(literalKeys("t('legend.hunan'); t(`x.${y}`); t('plain'); t( 'a.b-c', {n})")).toEqual(['legend.hunan', 'a.b-c']);
  });
  it('exist in Chinese and English', () => {
    const missing: string[] = [];
    for (const file of sources(ROOT))
      for (const key of literalKeys(readFileSync(file, 'utf8')))
        for (const [lang, messages] of [
          ['zh', zh],
          ['en', en],
        ] as const)
          if (!present(messages, key)) missing.push(`${lang}: ${key} (${file.slice(ROOT.length + 1)})`);
    expect(missing).toEqual([]);
  });
});
