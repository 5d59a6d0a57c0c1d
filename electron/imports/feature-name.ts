/**
 * The one rule for the name of an imported feature, used wherever one is shown or matched: the
 * ranking and comparison (candidates, competitors), the network (facilities), the evidence for
 * coordinate-system detection and the KML export's placemark titles.
 */

/** Attribute names that hold a feature's name, most specific first (Chinese and English, compared trimmed and lower-case). */
export const NAME_KEYS = ['name', 'name_zh', 'title', '名称', '名字', '地块名称', '园区名称', '项目名称', '地名'] as const;

/**
 * The feature's name: the value of `nameColumn` (a table's detected name column) if given,
 * otherwise of the first attribute in NAME_KEYS; only non-blank strings count.
 *
 * @returns the trimmed name, or null when the feature has none
 */
export function featureName(properties: Readonly<Record<string, unknown>>, nameColumn?: string | null): string | null {
  const byKey = new Map<string, unknown>();
  for (const [key, value] of Object.entries(properties)) {
    const k = key.trim().toLowerCase();
    if (!byKey.has(k)) byKey.set(k, value);
  }
  const wanted = nameColumn ? [nameColumn.trim().toLowerCase(), ...NAME_KEYS] : NAME_KEYS;
  for (const key of wanted) {
    const value = byKey.get(key);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}
