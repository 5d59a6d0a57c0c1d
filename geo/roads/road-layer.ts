/**
 * How the imported road network is drawn: which classes appear from which zoom, in one list the
 * tile generator (electron/roads/tiles.ts) and the map's style (renderer) both read, so a road is
 * never in a tile the style would hide nor missing from one it would show.
 *
 * Zooms are web-map zoom levels (tile pyramid, 512 px tiles as MapLibre draws them). The ladder
 * follows how OpenStreetMap's own map (openstreetmap-carto, `roads.mss`: motorways and trunks from
 * z5–z6, primaries from z7–z8, secondaries from z9, tertiaries from z10–z11, links later, minor
 * roads from z12) thins the network: at province scale only the trunk network is readable.
 */
import type { RawRoads } from './build.ts';
import type { RoadClass } from './profile.ts';

/** Zoom range of the generated road tiles; MapLibre over-zooms z12 tiles beyond (the map stops at z14). */
export const ROAD_TILE_MINZOOM = 5;
export const ROAD_TILE_MAXZOOM = 12;

/** Source-layer names in a road tile. */
export const ROAD_TILE_LAYERS = { roads: 'roads', junctions: 'junctions' } as const;

/** First zoom at which each class is drawn (and put in tiles). */
export const ROAD_CLASS_MINZOOM: Readonly<Record<RoadClass, number>> = Object.freeze({
  motorway: 5,
  trunk: 5,
  primary: 7,
  secondary: 8,
  tertiary: 10,
  motorway_link: 10,
  trunk_link: 10,
  primary_link: 11,
  secondary_link: 11,
  tertiary_link: 11,
  unclassified: 12,
  residential: 12,
  living_street: 12,
  service: 12,
});

/** First zoom of the interchange (motorway_junction) points and their names. */
export const JUNCTION_MINZOOM = 11;

/** The legend's groups, top to bottom: each a main class and the classes drawn like it. */
export const ROAD_LEGEND: readonly { id: string; classes: readonly RoadClass[] }[] = [
  { id: 'motorway', classes: ['motorway'] },
  { id: 'trunk', classes: ['trunk'] },
  { id: 'primary', classes: ['primary'] },
  { id: 'secondary', classes: ['secondary'] },
  { id: 'tertiary', classes: ['tertiary'] },
  { id: 'link', classes: ['motorway_link', 'trunk_link', 'primary_link', 'secondary_link', 'tertiary_link'] },
  { id: 'minor', classes: ['unclassified', 'residential', 'living_street', 'service'] },
];

/**
 * The lines the map draws: the network's roads as OSM ways (one line per run of a way's segments
 * that the network kept), not as the graph's merged edges, so that a clicked line is one way with
 * one set of tags. Points are `[lng, lat]` degrees, WGS-84.
 */
export interface RoadLines {
  /** Per line: the OSM way id, the class code (ROAD_CLASSES), the way's name and ref (indexes into `strings`, -1 for none). */
  wayId: Float64Array;
  cls: Uint8Array;
  name: Int32Array;
  ref: Int32Array;
  /** Points of line i: `start[i] … start[i + 1] − 1` of `lng`/`lat`. */
  start: Int32Array;
  lng: Float64Array;
  lat: Float64Array;
  strings: readonly string[];
}

/**
 * Cuts the (clipped) ways into the runs of segments whose two nodes are both in the network
 * (`inNetwork[node]`, from buildRoadGraph: the largest strongly connected component), so the map
 * shows exactly the roads every travel time uses.
 */
export function networkLines(raw: RawRoads, inNetwork: Uint8Array): RoadLines {
  const ok = (v: number) => v >= 0 && inNetwork[v] === 1 && !Number.isNaN(raw.nodeLng[v] as number);
  let lines = 0;
  let points = 0;
  const visit = (emit: ((w: number, from: number, to: number) => void) | null) => {
    for (let w = 0; w < raw.wayId.length; w++) {
      const end = raw.wayStart[w + 1] as number;
      let runStart = -1;
      for (let i = raw.wayStart[w] as number; i <= end; i++) {
        const inside = i < end && ok(raw.refs[i] as number);
        if (inside && runStart < 0) runStart = i;
        if (!inside && runStart >= 0) {
          if (i - runStart >= 2) {
            if (emit) emit(w, runStart, i);
            else {
              lines++;
              points += i - runStart;
            }
          }
          runStart = -1;
        }
      }
    }
  };
  visit(null);
  const out: RoadLines = {
    wayId: new Float64Array(lines),
    cls: new Uint8Array(lines),
    name: new Int32Array(lines),
    ref: new Int32Array(lines),
    start: new Int32Array(lines + 1),
    lng: new Float64Array(points),
    lat: new Float64Array(points),
    strings: raw.strings,
  };
  let l = 0;
  let p = 0;
  visit((w, from, to) => {
    out.wayId[l] = raw.wayId[w] as number;
    out.cls[l] = raw.wayClass[w] as number;
    out.name[l] = raw.wayName[w] as number;
    out.ref[l] = raw.wayRef[w] as number;
    for (let i = from; i < to; i++) {
      const v = raw.refs[i] as number;
      out.lng[p] = raw.nodeLng[v] as number;
      out.lat[p] = raw.nodeLat[v] as number;
      p++;
    }
    out.start[++l] = p;
  });
  return out;
}
