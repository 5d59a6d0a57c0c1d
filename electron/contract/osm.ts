/**
 * What an imported OpenStreetMap extract adds beside the routing graph (issue 16): its roads on the
 * map (vector tiles served like the basemap's, the tags of a clicked road or junction), and the
 * matches it offers between the catalogue's parks and stations and the extract's industrial areas
 * and railway stations, which the user accepts (a position correction citing OpenStreetMap) or
 * rejects (remembered).
 */
import { z } from 'zod';
import { BBox, LngLatArg, NoArgs } from './common.ts';
import { method } from './define.ts';

export const RoadLayerInfo = z.object({
  /** True while the OSM network is active and its road tiles exist: the map then draws the road layer. */
  available: z.boolean(),
  /** The tiles' URL path with {z}/{x}/{y}, versioned by the import (so a new import is not served from a cache). */
  tiles: z.string().nullable(),
  minzoom: z.number().int(),
  maxzoom: z.number().int(),
  bbox: BBox.nullable(),
  /** The licence notice the map shows while the tiles are drawn. */
  attribution: z.string().nullable(),
  /** Speeds of the network's classes, km/h (the legend names them). */
  speeds_kmh: z.record(z.string(), z.number()),
  km_by_class: z.record(z.string(), z.number()),
  as_of: z.string().nullable(),
});
export type RoadLayerInfo = z.infer<typeof RoadLayerInfo>;

export const RoadFeature = z.object({
  kind: z.enum(['way', 'junction']),
  osm_id: z.number().int(),
  /** The element's page on openstreetmap.org. */
  osm_url: z.string(),
  /** `highway` and the stored OSM tags, as mapped. */
  tags: z.record(z.string(), z.string()),
  /** The class's speed in the network's profile, km/h; null for a junction. */
  class_speed_kmh: z.number().nullable(),
  /** The speed used in each direction (the class speed capped by maxspeed), km/h; null where the way may not be driven that way. */
  speed_kmh: z.object({ forward: z.number().nullable(), backward: z.number().nullable() }).nullable(),
  /** For a junction: where it is. */
  position: LngLatArg.nullable(),
  attribution: z.string(),
  as_of: z.string().nullable(),
});
export type RoadFeature = z.infer<typeof RoadFeature>;

export const MatchKindSchema = z.enum(['park', 'station']);

export const OsmMatch = z.object({
  /** `park:<park id>:<way|relation|node>/<OSM id>`, e.g. `park:park-hengyang-hengdong:way/2101`. */
  id: z.string(),
  kind: MatchKindSchema,
  status: z.enum(['pending', 'accepted', 'rejected']),
  feature: z.object({
    id: z.string(),
    name_zh: z.string(),
    name_en: z.string(),
    /** The shipped position (before any correction), WGS-84. */
    position: LngLatArg.nullable(),
    precision: z.string(),
  }),
  osm: z.object({
    type: z.enum(['node', 'way', 'relation']),
    id: z.number().int(),
    name: z.string().nullable(),
    name_en: z.string().nullable(),
    /** Node, or an area's centroid; null when the element is no longer in the imported extract. */
    position: LngLatArg.nullable(),
    area_m2: z.number().nullable(),
    url: z.string(),
    tags: z.record(z.string(), z.string()),
  }),
  distance_m: z.number().nullable(),
  name_score: z.number().nullable(),
  score: z.number().nullable(),
  decided_at: z.string().nullable(),
});
export type OsmMatch = z.infer<typeof OsmMatch>;

export const OsmMatchesResult = z.object({
  /** False when no extract with areas and stations has been imported. */
  available: z.boolean(),
  source: z.string().nullable(),
  as_of: z.string().nullable(),
  attribution: z.string().nullable(),
  matches: z.array(OsmMatch),
  /** How many industrial areas and stations the extract holds. */
  candidates: z.object({ industrial: z.number().int(), station: z.number().int() }),
});
export type OsmMatchesResult = z.infer<typeof OsmMatchesResult>;

export const MatchId = z
  .string()
  .trim()
  .regex(
    /^(park|station):[a-z0-9-]{1,80}:(node|way|relation)\/[1-9][0-9]{0,15}$/,
    'a match id is kind:feature-id:type/osm-id, e.g. park:park-hengyang-hengdong:way/2101',
  );

export const OSM_METHODS = {
  roadLayerInfo: method(NoArgs, RoadLayerInfo),
  roadFeature: method(
    z
      .object({
        kind: z.enum(['way', 'junction']),
        id: z
          .number()
          .int()
          .positive()
          .max(2 ** 53),
      })
      .strict(),
    RoadFeature,
  ),
  osmMatches: method(z.object({ include: z.enum(['pending', 'all']).default('pending') }).strict(), OsmMatchesResult),
  /** accept: the OSM position becomes the feature's correction; reject: never proposed again; undo: forget the decision (and an accepted match's correction). */
  decideOsmMatch: method(z.object({ id: MatchId, decision: z.enum(['accept', 'reject', 'undo']) }).strict(), OsmMatch, { writes: true }),
};
