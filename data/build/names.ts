/**
 * English names for boundary labels: Hanyu Pinyin of the proper name (pinyin-pro) plus an English
 * word for the unit type, the style of the national standard GB/T 17693.1 for place names in
 * romanisation ("Zhuhui District", "Hengnan County", "Leiyang City").
 */
import { pinyin } from 'pinyin-pro';

const UNIT_SUFFIXES: readonly [RegExp, string][] = [
  [/(?:[\u4e00-\u9fa5]{1,3}族)*自治州$/u, 'Autonomous Prefecture'],
  [/(?:[\u4e00-\u9fa5]{1,3}族)*自治县$/u, 'Autonomous County'],
  [/林区$/u, 'Forestry District'],
  [/新区$/u, 'New Area'],
  [/区$/u, 'District'],
  [/县$/u, 'County'],
  [/市$/u, 'City'],
];

function romanise(chinese: string): string {
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array', v: true });
  const joined = syllables.join('');
  // An apostrophe separates syllables whose boundary would be ambiguous (Xi'an), per GB/T 16159.
  const withApostrophes = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
    .join('');
  const text = withApostrophes.length > joined.length ? withApostrophes : joined;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * English label for a Chinese administrative name.
 * @example englishName('珠晖区') // → 'Zhuhui District'
 * @example englishName('麻阳苗族自治县') // → 'Mayang Autonomous County'
 */
export function englishName(nameZh: string): string {
  for (const [pattern, unit] of UNIT_SUFFIXES) {
    const base = nameZh.replace(pattern, '');
    // Keep one-character bases whole with their unit (道县 → Dao County, 南县 → Nan County).
    if (base !== nameZh && base.length > 0) return `${romanise(base)} ${unit}`;
  }
  return romanise(nameZh);
}
