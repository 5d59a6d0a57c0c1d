/**
 * Place search by Chinese name, pinyin (full or initials, tones and spaces ignored) or English.
 * Index entries are built once; a query is matched against every form and ranked: exact name,
 * then prefix, then substring; places in the zone before those outside it.
 */
import { pinyin } from 'pinyin-pro';
import { positionsOf } from '../../geo/index.ts';
import type { LayerFeature, LayerId } from '../../data/schema/layers.ts';
import type { PlaceHit } from '../contract/api.ts';
import type { ReferenceMeta } from './basemap.ts';
import type { ReferenceLayer } from './layers.ts';

export interface SearchEntry {
  hit: PlaceHit;
  inZone: boolean;
  /** Lower-cased forms to match: Chinese name, pinyin without spaces, pinyin initials, English. */
  forms: string[];
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s'’·\-–—()（）]/g, '');
}

export function searchForms(nameZh: string, nameEn: string): string[] {
  const syllables = pinyin(nameZh, { toneType: 'none', type: 'array', nonZh: 'removed' });
  return [normalise(nameZh), syllables.join(''), syllables.map((s) => s[0] ?? '').join(''), normalise(nameEn)].filter((f) => f.length > 0);
}

export function createSearchIndex(entries: readonly Omit<SearchEntry, 'forms'>[]): SearchEntry[] {
  return entries.map((e) => ({ ...e, forms: searchForms(e.hit.name_zh, e.hit.name_en) }));
}

/** Best matches first; an empty query matches nothing. */
export function searchIndex(index: readonly SearchEntry[], query: string, limit: number): PlaceHit[] {
  const q = normalise(query);
  if (q.length === 0) return [];
  const scored: { score: number; entry: SearchEntry }[] = [];
  for (const entry of index) {
    let score = 0;
    for (const form of entry.forms) {
      if (form === q) score = Math.max(score, 3);
      else if (form.startsWith(q)) score = Math.max(score, 2);
      else if (q.length >= 2 && form.includes(q)) score = Math.max(score, 1);
    }
    if (score > 0) scored.push({ score: score * 2 + (entry.inZone ? 1 : 0), entry });
  }
  scored.sort((a, b) => b.score - a.score || a.entry.hit.name_zh.length - b.entry.hit.name_zh.length);
  return scored.slice(0, limit).map((s) => s.entry.hit);
}

/** A representative position: the point itself, or the middle vertex of a line or ring. */
function centreOf(f: LayerFeature): [number, number] | null {
  const g = f.geometry;
  if (!g) return null;
  const all = [...positionsOf(g.coordinates)];
  const mid = all[Math.floor(all.length / 2)];
  return mid ? [mid[0] as number, mid[1] as number] : null;
}

/** The index over the basemap's counties and prefectures and every feature of the zone's layers. */
export function referenceSearchIndex(meta: ReferenceMeta, layers: ReadonlyMap<LayerId, ReferenceLayer>): SearchEntry[] {
  return createSearchIndex([
    ...meta.places.map((p) => ({
      inZone: p.in_zone,
      hit: {
        layer: p.kind === 'county' ? 'counties' : 'prefectures',
        id: `${p.kind}-${p.adcode}`,
        name_zh: p.name_zh,
        name_en: p.name_en,
        detail_zh: p.kind === 'county' ? `${p.prefecture_zh ?? ''} · 县级行政区` : '地级行政区',
        detail_en: p.kind === 'county' ? 'County-level unit' : 'Prefecture',
        center: p.center,
      } satisfies PlaceHit,
    })),
    ...[...layers.values()].flatMap((layer) =>
      layer.collection.features.map((f) => ({
        inZone: f.properties['external_hub'] !== true,
        hit: {
          layer: layer.id,
          id: f.properties.id,
          name_zh: f.properties.name_zh,
          name_en: f.properties.name_en,
          detail_zh: layer.name_zh,
          detail_en: layer.name_en,
          center: centreOf(f),
        } satisfies PlaceHit,
      })),
    ),
  ]);
}
