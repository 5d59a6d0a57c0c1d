/**
 * The one rule for showing a bilingual record in the interface's language. Shipped records carry
 * every text twice, as `<field>_zh` and `<field>_en` (`name_zh`/`name_en`, `caption_zh`/…); the
 * interface is Chinese first with English one click away, so English is shown only when asked for.
 */

/** A record with a name in both languages. */
export interface Bilingual {
  name_zh: string;
  name_en: string;
}

/** The two forms of `<key>`: `<key>_zh` and `<key>_en`. */
export type BilingualField<K extends string, T> = { readonly [P in `${K}_zh` | `${K}_en`]: T };

/**
 * The `<key>_en` form of a record's text when `language` is `'en'`, else the `<key>_zh` form.
 * When the chosen form is missing (`null` or `undefined`, as in loosely typed feature properties)
 * the other form is returned instead; an empty string counts as present. Pure; never throws.
 *
 * @param record - a record carrying `<key>_zh` and `<key>_en`
 * @param key - the field's name without its language suffix, e.g. `'caption'`
 * @param language - an interface language code; anything but `'en'` means Chinese (the default)
 * @example localText({ caption_zh: '衡阳', caption_en: 'Hengyang' }, 'caption', 'en') // 'Hengyang'
 */
export function localText<K extends string, T>(record: BilingualField<K, T>, key: K, language: string): T;
export function localText<K extends string, T>(record: Partial<BilingualField<K, T>>, key: K, language: string): T | undefined;
export function localText<K extends string, T>(record: Partial<BilingualField<K, T>>, key: K, language: string): T | undefined {
  const zh = record[`${key}_zh`];
  const en = record[`${key}_en`];
  return language === 'en' ? (en ?? zh) : (zh ?? en);
}

/**
 * A record's name in the interface's language: `name_en` for `'en'`, `name_zh` for anything else,
 * the other form when the chosen one is missing (see {@link localText}). Pure; never throws.
 *
 * @param record - a record with `name_zh` and `name_en`
 * @param language - an interface language code; anything but `'en'` means Chinese (the default)
 * @example localName({ name_zh: '衡阳', name_en: 'Hengyang' }, 'en') // 'Hengyang'
 */
export function localName(record: Bilingual, language: string): string;
export function localName(record: Partial<BilingualField<'name', unknown>>, language: string): unknown;
export function localName(record: Partial<BilingualField<'name', unknown>>, language: string): unknown {
  return localText(record, 'name', language);
}
