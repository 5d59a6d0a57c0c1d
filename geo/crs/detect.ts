/**
 * Which coordinate system a set of imported points is in. Chinese data comes as WGS-84 /
 * CGCS2000 (GNSS, official maps), GCJ-02 (AMap, Tencent) or BD-09 (Baidu); the offsets between
 * them are a few hundred metres, so value ranges alone cannot tell them apart. The evidence is
 * the imported places whose names match a known place (county seats, parks, airports…): the
 * candidate that brings them closest to the reference positions wins. Swapped columns
 * (`[lat, lng]`) show up as "longitudes" of 18–54 and "latitudes" of 73–135 in China.
 */
import gcoord from 'gcoord';
import { distanceMetres } from '../network/distance.ts';
import type { LngLat } from '../lnglat.ts';

export const CRS_IDS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CrsId = (typeof CRS_IDS)[number];

/** Converts a `[lng, lat]` position from `crs` to WGS-84 (gcoord). */
export function toWgs84(position: LngLat, crs: CrsId): [number, number] {
  if (crs === 'wgs84') return [position[0], position[1]];
  const out = gcoord.transform([position[0], position[1]], crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84) as [number, number];
  return [out[0], out[1]];
}

/** Converts a WGS-84 position to `crs` (for exports to AMap/Baidu users, and for tests). */
export function fromWgs84(position: LngLat, crs: CrsId): [number, number] {
  if (crs === 'wgs84') return [position[0], position[1]];
  const out = gcoord.transform([position[0], position[1]], gcoord.WGS84, crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09) as [number, number];
  return [out[0], out[1]];
}

/** China's extent, degrees (generous): used to recognise swapped columns. */
const CHINA = { lng: [73, 136], lat: [17, 54] } as const;
const inChina = (p: LngLat) => p[0] >= CHINA.lng[0] && p[0] <= CHINA.lng[1] && p[1] >= CHINA.lat[0] && p[1] <= CHINA.lat[1];

/** True when most positions only make sense with longitude and latitude swapped. */
export function looksSwapped(positions: readonly LngLat[]): boolean {
  if (positions.length === 0) return false;
  const asIs = positions.filter(inChina).length;
  const swapped = positions.filter((p) => inChina([p[1], p[0]])).length;
  return swapped > asIs && swapped >= positions.length / 2;
}

export interface NamedPosition {
  name: string;
  position: LngLat;
}

export interface CrsEvidence {
  crs: CrsId;
  /** Median distance, metres, of matched places to their reference after converting from `crs`. */
  medianMetres: number | null;
}

export interface CrsDetection {
  /** Best guess; `wgs84` when there is no evidence either way. */
  crs: CrsId;
  /** `names` when named places decided it, `none` when nothing could. */
  basis: 'names' | 'none';
  matched: { name: string; reference: string }[];
  evidence: CrsEvidence[];
}

/** Strips unit words and spaces so 衡阳南岳机场 matches 衡阳南岳机场, 衡南县 matches 衡南. */
export function nameKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/(自治县|县|市|区|管委会)$/u, '');
}

/**
 * @param imported - named points as they are in the file (`[lng, lat]`, unknown CRS)
 * @param reference - known places in WGS-84
 * @param tolerance - a match farther than this (metres) after the best conversion is ignored
 *   as a different place with the same name (default 20 km)
 */
export function detectCrs(imported: readonly NamedPosition[], reference: readonly NamedPosition[], tolerance = 20_000): CrsDetection {
  const index = new Map(reference.map((r) => [nameKey(r.name), r]));
  const pairs = imported.flatMap((p) => {
    const r = index.get(nameKey(p.name));
    return r ? [{ p, r }] : [];
  });
  const evidence: CrsEvidence[] = CRS_IDS.map((crs) => {
    const d = pairs
      .map(({ p, r }) => distanceMetres(toWgs84(p.position, crs), r.position))
      .filter((m) => m <= tolerance)
      .sort((a, b) => a - b);
    return { crs, medianMetres: d.length > 0 ? (d[Math.floor(d.length / 2)] as number) : null };
  });
  const scored = evidence.filter((e) => e.medianMetres !== null) as { crs: CrsId; medianMetres: number }[];
  if (scored.length === 0) return { crs: 'wgs84', basis: 'none', matched: [], evidence };
  const best = scored.reduce((a, b) => (b.medianMetres < a.medianMetres ? b : a));
  return { crs: best.crs, basis: 'names', matched: pairs.map(({ p, r }) => ({ name: p.name, reference: r.name })), evidence };
}
