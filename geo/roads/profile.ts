/**
 * Which OpenStreetMap ways a car or lorry may drive, in which direction, and how fast.
 *
 * Every rule cites the page or file it follows; the reasoning is in geo/roads/README.md.
 * Tags are read from a plain `{ key: value }` object, as every reader (PBF, XML) produces.
 */

/** OSM `highway=*` values the engine knows, in a fixed order: a class's index is its code in the graph's `edgeClass` array. */
export const ROAD_CLASSES = [
  'motorway',
  'motorway_link',
  'trunk',
  'trunk_link',
  'primary',
  'primary_link',
  'secondary',
  'secondary_link',
  'tertiary',
  'tertiary_link',
  'unclassified',
  'residential',
  'living_street',
  'service',
] as const;

export type RoadClass = (typeof ROAD_CLASSES)[number];

/** Code of a class in {@link ROAD_CLASSES}, or -1. */
export function roadClassCode(highway: string | undefined): number {
  return highway === undefined ? -1 : (ROAD_CLASSES as readonly string[]).indexOf(highway);
}

/**
 * A routing profile: the classes that are kept and the free-flow speed of each, km/h.
 * A class absent from `speedsKmh` is not part of the network.
 */
export interface RoadProfile {
  /** Short name recorded with the network, e.g. `main-roads`. */
  name: string;
  speedsKmh: Partial<Record<RoadClass, number>>;
}

/**
 * The default profile: the trunk road network the issue asks for (motorway … tertiary and
 * their links). Speeds are the car defaults of OSRM's car profile (Project-OSRM/osrm-backend
 * `profiles/car.lua`, v5 `speeds.highway` table, also asserted in its `features/car/speed.feature`):
 * motorway 90, motorway_link 45, trunk 85, trunk_link 40, primary 65, primary_link 30,
 * secondary 55, secondary_link 25, tertiary 40, tertiary_link 20.
 * They lie inside the design-speed ranges of China's 公路工程技术标准 JTG B01-2014 §3.5
 * (高速公路 80–120, 一级 60–100, 二级 40–80, 三级 30–40 km/h) and below the legal limits of
 * 道路交通安全法实施条例 §45 and §78; motorway 90 equals the schematic network's
 * `expresswayKmh` (geo/network/assumptions.ts), so both networks agree on expressways.
 */
export const MAIN_ROADS_PROFILE: Readonly<RoadProfile> = Object.freeze({
  name: 'main-roads',
  speedsKmh: Object.freeze({
    motorway: 90,
    motorway_link: 45,
    trunk: 85,
    trunk_link: 40,
    primary: 65,
    primary_link: 30,
    secondary: 55,
    secondary_link: 25,
    tertiary: 40,
    tertiary_link: 20,
  }),
});

/**
 * Main roads plus the local classes (OSRM car defaults: unclassified 25, residential 25,
 * living_street 10, service 15). Not the default: in the zone these add roughly ten times the
 * ways for little change to prefecture-scale times, but a city-scale extract (the real extract
 * of the pgRouting check is a city neighbourhood) is mostly made of them.
 */
export const ALL_ROADS_PROFILE: Readonly<RoadProfile> = Object.freeze({
  name: 'all-roads',
  speedsKmh: Object.freeze({ ...MAIN_ROADS_PROFILE.speedsKmh, unclassified: 25, residential: 25, living_street: 10, service: 15 }),
});

/** Problem with a profile (a speed that is not a positive finite number), or null. */
export function profileProblem(profile: RoadProfile): string | null {
  const entries = Object.entries(profile.speedsKmh);
  if (entries.length === 0) return 'the profile keeps no road class';
  for (const [cls, kmh] of entries) {
    if (roadClassCode(cls) < 0) return `unknown road class "${cls}"`;
    if (typeof kmh !== 'number' || !Number.isFinite(kmh) || kmh <= 0)
      return `speed of ${cls} must be a positive number of km/h, got ${String(kmh)}`;
  }
  return null;
}

/**
 * Zone values of `maxspeed` for China, km/h. OSM's Key:maxspeed allows `<country>:<zone>` for an
 * implicit limit; for China the implicit limits are those of 道路交通安全法实施条例 §45 (roads
 * with one lane per direction: 50 urban, 70 outside towns; the 30/40 of roads without a centre
 * line concern lanes narrower than our classes) and §78 (expressways at most 120).
 */
export const CN_ZONE_KMH: Readonly<Record<string, number>> = Object.freeze({
  'CN:urban': 50,
  'CN:rural': 70,
  'CN:motorway': 120,
  'CN:expressway': 120,
});

/** Walking pace for `maxspeed=walk` (Key:maxspeed: "walk" means walking pace), km/h. */
export const WALK_KMH = 5;
const MPH_KMH = 1.609344;
const KNOT_KMH = 1.852;

/** A parsed `maxspeed`: km/h, `none` (no limit), or `null` when the value cannot be read. */
export type Maxspeed = number | 'none' | null;

/**
 * Parses an OSM `maxspeed` value (Key:maxspeed): `60` (km/h), `60 km/h`, `50 mph`, `10 knots`,
 * `none`, `walk`, the Chinese zone values of {@link CN_ZONE_KMH}, and several values separated by
 * `;` (per lane or per period), of which the lowest counts — a cap is only ever lowered.
 * Anything else (another country's zone, `signals`, `variable`, garbage) returns `null`.
 */
export function parseMaxspeed(raw: string): Maxspeed {
  const value = raw.trim();
  if (value.includes(';')) {
    let best = Infinity;
    for (const part of value.split(';')) {
      const v = parseMaxspeed(part);
      if (v === null) return null;
      if (v !== 'none') best = Math.min(best, v);
    }
    return Number.isFinite(best) ? best : 'none';
  }
  if (value === 'none') return 'none';
  if (value === 'walk') return WALK_KMH;
  const zone = CN_ZONE_KMH[value];
  if (zone !== undefined) return zone;
  const m = /^(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph|knots)?$/.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  if (!(n > 0)) return null;
  const unit = m[2];
  return unit === 'mph' ? n * MPH_KMH : unit === 'knots' ? n * KNOT_KMH : n;
}

/**
 * Access values that close a way to cars and lorries (OSRM car profile `access_tag_blacklist`:
 * no, private, agricultural, forestry, emergency; plus psv and bus, which admit only public
 * transport). `destination` and `delivery` stay open: a lorry bound for a site in such a street
 * may drive it, and the site-selection questions are exactly about such trips.
 */
const ACCESS_CLOSED = new Set(['no', 'private', 'agricultural', 'forestry', 'emergency', 'psv', 'bus']);
/** Most specific first (OSRM car profile `access_tags_hierarchy`; Key:access "transport mode" hierarchy). */
const ACCESS_KEYS = ['motorcar', 'motor_vehicle', 'vehicle', 'access'] as const;

/** A maxspeed tag's value: undefined when absent, null when unreadable. */
function readCap(raw: string | undefined): Maxspeed | undefined {
  return raw === undefined ? undefined : parseMaxspeed(raw);
}

function capped(classKmh: number, cap: Maxspeed | undefined): number {
  return typeof cap === 'number' ? Math.min(classKmh, cap) : classKmh;
}

/** Why a way was not kept. */
export type DropReason = 'class' | 'area' | 'access' | 'reversible';

/** What the rules make of one way. */
export type WayVerdict =
  | {
      keep: true;
      /** Code in {@link ROAD_CLASSES}. */
      cls: number;
      /** May be driven in the way's drawing direction / against it. */
      forward: boolean;
      backward: boolean;
      /** Speeds used in each direction, km/h: the class speed capped by a lower maxspeed. */
      kmhForward: number;
      kmhBackward: number;
      /** Number of maxspeed values (of maxspeed, maxspeed:forward, maxspeed:backward) that could not be read and were ignored. */
      badMaxspeed: number;
      /** The oneway value was not one OSM documents and was read as two-way. */
      badOneway: boolean;
    }
  | { keep: false; reason: DropReason };

/**
 * Applies the tag rules to a way's tags.
 *
 * - class: `highway` must be a class of the profile; `area=yes` is a square, not a road (OSRM).
 * - access: the first of motorcar, motor_vehicle, vehicle, access that is set decides; a value in
 *   the closed list drops the way, so `access=private` + `motor_vehicle=yes` stays open.
 * - oneway (Key:oneway): `yes`/`true`/`1` forward only, `-1`/`reverse` backward only,
 *   `no`/`false`/`0` both; `reversible` and `alternating` (direction changes by time) are dropped,
 *   as OSRM does. Without a oneway tag, `junction=roundabout|circular` (Tag:junction=roundabout,
 *   Tag:junction=circular), `highway=motorway` (Tag:highway=motorway) and `highway=motorway_link`
 *   (Tag:highway=motorway_link; OSRM's car profile implies it too) are oneway forward.
 * - speed: the class speed, capped by a lower `maxspeed` (or `maxspeed:forward`/`:backward` per
 *   direction); `none`, a higher value or an unreadable one leaves the class speed.
 */
export function wayRule(tags: Readonly<Record<string, string>>, profile: RoadProfile): WayVerdict {
  const highway = tags['highway'];
  const cls = roadClassCode(highway);
  const classKmh = cls >= 0 ? profile.speedsKmh[highway as RoadClass] : undefined;
  if (classKmh === undefined) return { keep: false, reason: 'class' };
  if (tags['area'] === 'yes') return { keep: false, reason: 'area' };
  for (const key of ACCESS_KEYS) {
    const v = tags[key];
    if (v !== undefined) {
      if (ACCESS_CLOSED.has(v)) return { keep: false, reason: 'access' };
      break;
    }
  }
  let forward = true;
  let backward = true;
  let badOneway = false;
  const oneway = tags['oneway'];
  if (oneway === undefined) {
    const junction = tags['junction'];
    if (junction === 'roundabout' || junction === 'circular' || highway === 'motorway' || highway === 'motorway_link') backward = false;
  } else if (oneway === 'yes' || oneway === 'true' || oneway === '1') backward = false;
  else if (oneway === '-1' || oneway === 'reverse') forward = false;
  else if (oneway === 'reversible' || oneway === 'alternating') return { keep: false, reason: 'reversible' };
  else if (oneway !== 'no' && oneway !== 'false' && oneway !== '0') badOneway = true;

  const both = readCap(tags['maxspeed']);
  const fwd = readCap(tags['maxspeed:forward']);
  const bwd = readCap(tags['maxspeed:backward']);
  const badMaxspeed = (both === null ? 1 : 0) + (fwd === null ? 1 : 0) + (bwd === null ? 1 : 0);
  const kmhForward = capped(classKmh, fwd === undefined || fwd === null ? both : fwd);
  const kmhBackward = capped(classKmh, bwd === undefined || bwd === null ? both : bwd);
  return { keep: true, cls, forward, backward, kmhForward, kmhBackward, badMaxspeed, badOneway };
}
