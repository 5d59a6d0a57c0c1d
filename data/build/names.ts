/**
 * English names for boundary labels: Hanyu Pinyin of the proper name (pinyin-pro) plus an English
 * word for the unit type, the style of the national standard GB/T 17693.1 for place names in
 * romanisation ("Zhuhui District", "Hengnan County", "Leiyang City").
 */
import { pinyin } from 'pinyin-pro';

/**
 * Ethnic groups named in autonomous units of the provinces we draw, with their official English
 * names (State Ethnic Affairs Commission usage: Miao, Dong, Yao, Tujia, Zhuang, Bouyei, …).
 */
const ETHNIC_GROUPS: Record<string, string> = {
  土家: 'Tujia',
  苗: 'Miao',
  侗: 'Dong',
  瑶: 'Yao',
  壮: 'Zhuang',
  布依: 'Bouyei',
  仡佬: 'Gelao',
  水: 'Sui',
  毛南: 'Maonan',
  仫佬: 'Mulao',
  回: 'Hui',
  彝: 'Yi',
  蒙古: 'Mongol',
  畲: 'She',
  黎: 'Li',
  满: 'Manchu',
  白: 'Bai',
};
const ETHNIC = `(?:${Object.keys(ETHNIC_GROUPS)
  .sort((a, b) => b.length - a.length)
  .join('|')})族`;
const AUTONOMOUS = new RegExp(`^(.+?)((?:${ETHNIC})+)自治(县|州)$`, 'u');

const UNIT_SUFFIXES: readonly [RegExp, string][] = [
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
  const withApostrophes = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  const text = withApostrophes.length > joined.length ? withApostrophes : joined;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * English label for a Chinese administrative name.
 * @example englishName('珠晖区') // → 'Zhuhui District'
 * @example englishName('麻阳苗族自治县') // → 'Mayang Miao Autonomous County'
 */
export function englishName(nameZh: string): string {
  const autonomous = AUTONOMOUS.exec(nameZh);
  if (autonomous) {
    const [, base = '', groups = '', unit] = autonomous;
    const names = [...groups.matchAll(new RegExp(`(${Object.keys(ETHNIC_GROUPS).join('|')})族`, 'gu'))].map(
      (m) => ETHNIC_GROUPS[m[1] ?? ''] ?? '',
    );
    const people = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
    return `${romanise(base)} ${people} Autonomous ${unit === '州' ? 'Prefecture' : 'County'}`;
  }
  for (const [pattern, unit] of UNIT_SUFFIXES) {
    const base = nameZh.replace(pattern, '');
    // Keep one-character bases whole with their unit (道县 → Dao County, 南县 → Nan County).
    if (base !== nameZh && base.length > 0) return `${romanise(base)} ${unit}`;
  }
  return romanise(nameZh);
}
