/**
 * Matching the catalogue's parks to named `landuse=industrial` areas of an OpenStreetMap extract,
 * and the reference rail stations to OSM stations, by name and distance. A match is a proposal:
 * a person accepts or rejects it (issue 16); nothing here changes a position.
 *
 * Positions are `[lng, lat]` degrees, WGS-84; distances metres. The rules and thresholds are
 * documented in geo/roads/README.md ("Matching parks and stations").
 */
import { segmentMetres } from './measure.ts';

/**
 * Generic endings of Chinese park names, longest first, each with the family of park it names.
 * The families follow the kinds of the catalogue (《中国开发区审核公告目录（2018年版）》): national
 * high-tech zones (高新技术产业开发区), economic(-technological) development zones (经济技术开发区,
 * 经济开发区), comprehensive bonded zones (综合保税区) and the provincial industrial clusters
 * (工业集中区, 工业园区); the short forms (高新区, 经开区, 工业园, 产业园) are how OSM mappers and
 * signs write them.
 */
export const PARK_SUFFIXES: readonly (readonly [suffix: string, family: ParkFamily])[] = [
  ['高新技术产业开发区', 'hightech'],
  ['高新技术产业园区', 'hightech'],
  ['高新技术开发区', 'hightech'],
  ['高新技术产业园', 'hightech'],
  ['高新技术园区', 'hightech'],
  ['经济技术开发区', 'economic'],
  ['综合保税区', 'bonded'],
  ['保税物流中心', 'bonded'],
  ['产业集聚区', 'industrial'],
  ['工业集中区', 'industrial'],
  ['产业开发区', 'industrial'],
  ['经济开发区', 'economic'],
  ['高新园区', 'hightech'],
  ['工业园区', 'industrial'],
  ['产业园区', 'industrial'],
  ['保税区', 'bonded'],
  ['高新区', 'hightech'],
  ['经开区', 'economic'],
  ['开发区', 'industrial'],
  ['工业园', 'industrial'],
  ['产业园', 'industrial'],
  ['工业区', 'industrial'],
  ['园区', 'industrial'],
] as const;

export type ParkFamily = 'hightech' | 'economic' | 'bonded' | 'industrial';

/** English endings (the catalogue's and OSM's `name:en`), longest first. */
const PARK_SUFFIXES_EN: readonly (readonly [string, ParkFamily])[] = [
  ['high-tech industrial development zone', 'hightech'],
  ['high tech industrial development zone', 'hightech'],
  ['hi-tech industrial development zone', 'hightech'],
  ['high-tech zone', 'hightech'],
  ['economic and technological development zone', 'economic'],
  ['economic-technological development zone', 'economic'],
  ['economic development zone', 'economic'],
  ['comprehensive bonded zone', 'bonded'],
  ['bonded zone', 'bonded'],
  ['industrial concentration zone', 'industrial'],
  ['industrial park', 'industrial'],
  ['industrial zone', 'industrial'],
  ['industrial area', 'industrial'],
  ['development zone', 'industrial'],
] as const;

/**
 * How much two name families agree, 0…1: the same family 1; a generic industrial ending beside a
 * specific one 0.9 (OSM often writes 工业园 for a catalogue 经济开发区); high-tech beside economic
 * 0.5 (a prefecture city usually has one of each, e.g. 怀化 has both 湖南怀化经济开发区 and
 * 怀化高新技术产业开发区, so the ending is what tells them apart); a bonded zone beside anything
 * else 0.4 (it is a fenced customs area inside or beside another park). No ending: 0.8.
 */
export function familyAgreement(a: ParkFamily | null, b: ParkFamily | null): number {
  if (a === null || b === null) return 0.8;
  if (a === b) return 1;
  if (a === 'bonded' || b === 'bonded') return 0.4;
  if (a === 'industrial' || b === 'industrial') return 0.9;
  return 0.5;
}

/** NFKC, no spaces, no bracketed parts (（货运）, (Hunan)): the form names are compared in. */
function normalise(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/\s+/g, '')
    .trim();
}

/**
 * The distinctive part of a Chinese park name and the family its ending names. The rule:
 * NFKC-normalise and drop spaces and bracketed parts; drop a leading 湖南省 or 湖南 (every catalogue
 * park of the zone is in Hunan, and OSM names mostly omit it); drop the longest generic ending of
 * {@link PARK_SUFFIXES} (once: 高新技术产业开发区 is one ending, not 开发区 after 高新技术产业);
 * then drop one trailing 市, 县 or 区 when at least two characters remain (怀化市经济开发区 and
 * 湖南怀化经济开发区 both give 怀化, while 大祥 stays 大祥). An English name is lower-cased, its
 * leading "hunan" and its ending of the English list dropped.
 * @example parkNameCore('湖南衡阳松木经济开发区') // { core: '衡阳松木', family: 'economic' }
 */
export function parkNameCore(name: string): { core: string; family: ParkFamily | null } {
  let s = normalise(name);
  if (/[a-z]/i.test(s) && !/[\u4e00-\u9fff]/.test(s)) return englishCore(name);
  s = s.replace(/^湖南省?/, '');
  let family: ParkFamily | null = null;
  for (const [suffix, f] of PARK_SUFFIXES) {
    if (s.length > suffix.length && s.endsWith(suffix)) {
      s = s.slice(0, -suffix.length);
      family = f;
      break;
    }
  }
  if (s.length >= 3 && /[市县区]$/.test(s)) s = s.slice(0, -1);
  return { core: s, family };
}

function englishCore(name: string): { core: string; family: ParkFamily | null } {
  let s = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^hunan( province)? /, '');
  let family: ParkFamily | null = null;
  for (const [suffix, f] of PARK_SUFFIXES_EN) {
    if (s.length > suffix.length && s.endsWith(suffix)) {
      s = s.slice(0, -suffix.length).trim();
      family = f;
      break;
    }
  }
  return { core: s.replace(/[^a-z0-9]/g, ''), family };
}

/** Sørensen–Dice coefficient of the character bigrams of two strings (single characters for one-character strings). */
function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const chars = [...s];
    if (chars.length < 2) return chars;
    const out: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  if (ga.length === 0 || gb.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of gb) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of ga) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (ga.length + gb.length);
}

/**
 * How alike two park names are, 0…1: equal cores 1; one core containing the other, the shorter
 * being at least two characters (衡阳松木 ⊃ 松木: a catalogue name often carries its prefecture),
 * 0.85; otherwise the Dice coefficient of the cores' bigrams. Multiplied by
 * {@link familyAgreement} of the two endings.
 */
export function parkNameScore(a: string, b: string): number {
  const x = parkNameCore(a);
  const y = parkNameCore(b);
  if (x.core === '' || y.core === '') return 0;
  let s: number;
  if (x.core === y.core) s = 1;
  else {
    const [short, long] = x.core.length <= y.core.length ? [x.core, y.core] : [y.core, x.core];
    s = [...short].length >= 2 && long.includes(short) ? 0.85 : dice(x.core, y.core);
  }
  return s * familyAgreement(x.family, y.family);
}

/**
 * The distinctive part of a station name: normalised as for parks, then the ending 火车站, 高铁站
 * or 站 dropped (OSM writes 长沙南站, the reference data 长沙南); English names lower-cased
 * without "railway station" or "station". Direction characters (东西南北) are part of the name:
 * 衡阳 and 衡阳东 are different stations.
 */
export function stationNameCore(name: string): string {
  const s = normalise(name);
  if (/[a-z]/i.test(s) && !/[\u4e00-\u9fff]/.test(s))
    return name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/\([^)]*\)/g, '')
      .replace(/(railway )?station$/, '')
      .replace(/[^a-z0-9]/g, '');
  return s.replace(/(火车站|高铁站|动车站|站)$/, '');
}

/** 1 when two station names have the same core ({@link stationNameCore}), else 0: stations are told apart by small differences. */
export function stationNameScore(a: string, b: string): number {
  const x = stationNameCore(a);
  return x !== '' && x === stationNameCore(b) ? 1 : 0;
}

export type MatchKind = 'park' | 'station';

/**
 * Distance thresholds, kilometres: a proposal is made only within `maxKm`; the score's distance
 * factor is 1 up to `fullKm` and falls linearly to 0.5 at `maxKm`. Separate values for a position
 * the data marks exact and one it marks approximate (a county seat standing in for the park).
 *
 * Parks: a provincial park of the zone covers 5–20 km² (area_ha in the catalogue, e.g. 980.89 ha
 * for 怀化经开区), often in several separate parts (一区多园), and a geocode points at one address
 * in it; so an OSM area of the same park may lie a few kilometres from an exact position (full
 * score to 3 km, nothing beyond 10 km). An approximate position is a county seat; the county's park
 * usually lies within 15–25 km of it (full score to 8 km, nothing beyond 25 km).
 * Stations: the reference positions are mostly OSM station nodes themselves or a geocode of the
 * station, so a match lies within a few hundred metres (full score to 0.5 km, nothing beyond
 * 3 km); an approximate one (a freight yard placed by its town) up to 15 km.
 */
export const MATCH_THRESHOLDS: Readonly<
  Record<MatchKind, { exact: { fullKm: number; maxKm: number }; approximate: { fullKm: number; maxKm: number }; minName: number }>
> = Object.freeze({
  park: { exact: { fullKm: 3, maxKm: 10 }, approximate: { fullKm: 8, maxKm: 25 }, minName: 0.6 },
  station: { exact: { fullKm: 0.5, maxKm: 3 }, approximate: { fullKm: 5, maxKm: 15 }, minName: 1 },
});

/** Lowest score a proposal needs (name score × distance factor). */
export const MIN_MATCH_SCORE = 0.5;

/** A feature of the catalogue (a park or a reference station). */
export interface CatalogueFeature {
  id: string;
  /** Names to compare (Chinese first, English, former names). */
  names: readonly string[];
  position: [number, number];
  approximate: boolean;
}

/** A feature of the extract (an industrial area or a station). */
export interface OsmFeature {
  /** `way/123`, `relation/45`, `node/678`. */
  key: string;
  names: readonly string[];
  position: [number, number];
}

export interface MatchProposal {
  kind: MatchKind;
  featureId: string;
  osmKey: string;
  distanceM: number;
  /** Best name score over the name pairs, 0…1. */
  nameScore: number;
  /** Name score × distance factor, 0…1. */
  score: number;
}

/** The distance factor of {@link MATCH_THRESHOLDS}: 1 up to fullKm, linear to 0.5 at maxKm, 0 beyond. */
export function distanceFactor(distanceM: number, t: { fullKm: number; maxKm: number }): number {
  const km = distanceM / 1000;
  if (km <= t.fullKm) return 1;
  if (km > t.maxKm) return 0;
  return 1 - (0.5 * (km - t.fullKm)) / (t.maxKm - t.fullKm);
}

/**
 * Proposes at most one OSM feature per catalogue feature and one catalogue feature per OSM
 * feature: every pair within the distance threshold whose name score reaches `minName` and whose
 * score reaches {@link MIN_MATCH_SCORE}, taken greedily from the highest score (ties: the nearer).
 * Pairs in `excluded` (`featureId osmKey`, e.g. rejected ones) are never proposed, so the next
 * best candidate of a rejected pair can be.
 */
export function proposeMatches(
  kind: MatchKind,
  catalogue: readonly CatalogueFeature[],
  osm: readonly OsmFeature[],
  excluded: ReadonlySet<string> = new Set(),
): MatchProposal[] {
  const t = MATCH_THRESHOLDS[kind];
  const nameScore = kind === 'park' ? parkNameScore : stationNameScore;
  const pairs: MatchProposal[] = [];
  for (const c of catalogue) {
    const limits = c.approximate ? t.approximate : t.exact;
    for (const o of osm) {
      if (excluded.has(`${c.id} ${o.key}`)) continue;
      const d = segmentMetres(c.position[0], c.position[1], o.position[0], o.position[1]);
      const f = distanceFactor(d, limits);
      if (f === 0) continue;
      let best = 0;
      for (const a of c.names) for (const b of o.names) best = Math.max(best, nameScore(a, b));
      if (best < t.minName) continue;
      const score = best * f;
      if (score < MIN_MATCH_SCORE) continue;
      pairs.push({ kind, featureId: c.id, osmKey: o.key, distanceM: d, nameScore: best, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.distanceM - b.distanceM);
  const usedFeature = new Set<string>();
  const usedOsm = new Set<string>();
  const out: MatchProposal[] = [];
  for (const p of pairs) {
    if (usedFeature.has(p.featureId) || usedOsm.has(p.osmKey)) continue;
    usedFeature.add(p.featureId);
    usedOsm.add(p.osmKey);
    out.push(p);
  }
  return out;
}
