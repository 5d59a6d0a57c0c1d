/**
 * Schemas of the zone's reference layers (data/layers/*.geojson). Every feature carries a stable
 * `id`, Chinese and English names, and its provenance: `source_ids` (ids of the sources registry,
 * data/sources.json, see sources.ts), `source` (the detail: page addresses, sections, rows; never
 * a local path), `as_of`, `precision` with a note on how its position was obtained. Unknown values
 * are null, never guessed; a feature whose position is unknown has `geometry: null` and is
 * listed, not drawn. `schematic: true` marks a line drawn as straight segments between its stops.
 */
import { z } from 'zod';

/** ISO date, year-month or year: what a source states, at the precision it states it. */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export const PointGeometry = z.object({ type: z.literal('Point'), coordinates: Position });
export const LineGeometry = z.union([
  z.object({ type: z.literal('LineString'), coordinates: z.array(Position).min(2) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(Position).min(2)).min(1) }),
]);
export const AreaGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position).min(4)).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position).min(4)).min(1)).min(1) }),
]);

/** Provenance every feature carries. */
export const Provenance = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case ASCII'),
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  source: z.string().trim().min(1, 'every feature needs a source'),
  /** Ids of data/sources.json entries (validate:data checks that they resolve). */
  source_ids: z.array(z.string().min(1)).min(1, 'every feature cites at least one registry source'),
  as_of: PartialDate,
  precision: z.enum(['exact', 'approximate']),
  precision_note: z.string().min(1),
});

const nullableText = z.string().min(1).nullable();

export const PLAN_INDUSTRY_IDS = [
  'equipment',
  'new-materials',
  'biomedicine',
  'next-gen-it',
  'light-textiles',
  'mining',
  'logistics',
  'health-elderly-care',
  'culture-tourism',
  'modern-agriculture',
] as const;

const ParkIndustry = z.object({
  text_zh: z.string().min(1),
  industry_id: z.enum(PLAN_INDUSTRY_IDS).nullable(),
  subline_id: z.string().nullable(),
});

const feature = <G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) =>
  z.object({ type: z.literal('Feature'), geometry: geometry.nullable(), properties });

/** How a park's point was obtained (data/build/build-parks.ts). */
export const POSITION_BASES = ['geocode', 'county-seat', 'source-text'] as const;

export const ParkProps = Provenance.extend({
  /** Code in 《中国开发区审核公告目录（2018年版）》, e.g. S437065; null only for a park the catalogue lacks. */
  catalogue_code: z
    .string()
    .regex(/^[GS]\d{6}$/)
    .nullable(),
  in_catalogue: z.boolean(),
  /** The current name (equal to name_zh unless renamed since the catalogue; see `changed`). */
  current_name_zh: z.string().min(1),
  current_name_en: z.string().min(1),
  /** Rename, merger or upgrade since the catalogue, with its date and source. */
  changed: z.object({ date: PartialDate.nullable(), note: z.string().min(1), source: z.string().min(1) }).nullable(),
  /** Level today: an upgrade to national level since the catalogue changes it (see `changed`). */
  level: z.enum(['national', 'provincial']),
  catalogue_level: z.enum(['national', 'provincial']).nullable(),
  /** 开发区类型 as the catalogue writes it (经济开发区, 高新技术产业开发区, 工业园区, 海关特殊监管区域). */
  kind: z.string().min(1),
  kind_en: z.string().min(1).optional(),
  prefecture: z.string().min(1),
  /** County-level unit whose polygon holds the point (basemap names); null only while unlocated. */
  county: nullableText,
  adcode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  /** 批准时间 of the catalogue, YYYY-MM. */
  approved: PartialDate.nullable(),
  /** 核准面积 of the catalogue, hectares. */
  area_ha: z.number().positive().nullable(),
  /** 主导产业 of the catalogue, verbatim. */
  main_industries_zh: z.string().nullable(),
  /** Each 主导产业 item mapped onto the plan's taxonomy (data/build/industry-map.ts); unmapped items have null ids. */
  plan_industries: z.array(ParkIndustry),
  position_basis: z.enum(POSITION_BASES),
  /** The precision AMap claims for the catalogue geocode (住宅区, 村庄, 区县 …), whether or not it was used. */
  geocode_precision_zh: z.string().min(1).nullable(),
  /** An interchange stand-in within 500 m of the park: a time to it is not a measured time. */
  interchange_stand_in: z.string().min(1).nullable(),
  /** The bonded-zones.geojson feature for a 海关特殊监管区域. */
  bonded_zone_id: z.string().min(1).nullable(),
}).passthrough();

export const AirportProps = Provenance.extend({
  iata: z.string().regex(/^[A-Z]{3}$/),
  icao: z.string().regex(/^[A-Z]{4}$/),
  external_hub: z.boolean(),
  prefecture: nullableText,
  county: nullableText,
  opened: PartialDate.nullable(),
  cargo: nullableText,
}).passthrough();

export const BondedZoneProps = Provenance.extend({
  kind: z.string().min(1),
  /** The catalogue park this bonded zone is (parks.geojson). */
  catalogue_code: z.string().regex(/^G\d{6}$/),
  park_id: z.string().min(1),
  prefecture: z.string().min(1),
  county: nullableText,
  approved: PartialDate.nullable(),
  area_km2: z.number().positive().nullable(),
}).passthrough();

export const RailStationProps = Provenance.extend({
  kind: z.enum(['hsr', 'conventional', 'hsr+conventional', 'freight']),
  lines: z.array(z.string()),
  external_hub: z.boolean(),
  prefecture: nullableText,
  county: nullableText,
  /** Whether the name is on the current 12306 passenger list (data/reference/rail-names-12306.json). */
  in_12306: z.boolean(),
}).passthrough();

export const RailLineProps = Provenance.extend({
  kind: z.enum(['hsr', 'conventional']),
  status: z.enum(['open', 'planned']),
  stations: z.array(z.string()).min(2),
  /** True: straight segments between its stations; false: a traced alignment (OpenStreetMap). */
  schematic: z.boolean(),
}).passthrough();

export const InterchangeProps = Provenance.extend({
  expressways: z.array(z.string().min(1)).min(1),
  external_hub: z.boolean().optional(),
  /** True: placed on a county seat standing in for the interchange, not measured. */
  stand_in: z.boolean().optional(),
}).passthrough();

const ExpresswaySegment = z.object({ seg_id: z.string().min(1), opened: z.number().int(), description_zh: z.string() });

export const ExpresswayProps = Provenance.extend({
  /** Route code (national G…, Hunan S…); null where the segment table's route could not be matched with certainty. */
  code: z
    .string()
    .regex(/^[GS]\d+$/)
    .nullable(),
  interchanges: z.array(z.string()).min(2),
  /** Latest opening year among its segments of the segment table; null when it has none there. */
  opened: z.number().int().nullable(),
  segments: z.array(ExpresswaySegment),
  schematic: z.literal(true),
}).passthrough();

export const PortProps = Provenance.extend({
  river: z.string().min(1),
  /** Absent: in operation. A terminal not yet built is "construction" or "planned" (never routed to without a year). */
  status: z.enum(['open', 'construction', 'planned']).optional(),
  /** The source's own wording of the status, kept beside the normalised `status`. */
  status_source: z.string().min(1).optional(),
}).passthrough();
export const WaterwayProps = Provenance.extend({ river: z.string().min(1) }).passthrough();
export const LogisticsHubProps = Provenance.extend({ kind: z.string().min(1) }).passthrough();

/** Every reference layer: file name, schema, geometry kind, and the property that references another layer. */
export const LAYERS = {
  parks: {
    file: 'parks.geojson',
    name_zh: '产业园区',
    name_en: 'Industrial parks',
    feature: feature(z.union([PointGeometry, AreaGeometry]), ParkProps),
    geometry: 'point',
  },
  'bonded-zones': {
    file: 'bonded-zones.geojson',
    name_zh: '综合保税区',
    name_en: 'Bonded zones',
    feature: feature(z.union([PointGeometry, AreaGeometry]), BondedZoneProps),
    geometry: 'point',
  },
  airports: {
    file: 'airports.geojson',
    name_zh: '机场',
    name_en: 'Airports',
    feature: feature(PointGeometry, AirportProps),
    geometry: 'point',
  },
  'rail-lines': {
    file: 'rail-lines.geojson',
    name_zh: '铁路',
    name_en: 'Railways',
    feature: feature(LineGeometry, RailLineProps),
    geometry: 'line',
  },
  'rail-stations': {
    file: 'rail-stations.geojson',
    name_zh: '铁路车站与货场',
    name_en: 'Rail stations and freight yards',
    feature: feature(PointGeometry, RailStationProps),
    geometry: 'point',
  },
  expressways: {
    file: 'expressways.geojson',
    name_zh: '高速公路',
    name_en: 'Expressways',
    feature: feature(LineGeometry, ExpresswayProps),
    geometry: 'line',
  },
  interchanges: {
    file: 'interchanges.geojson',
    name_zh: '高速互通',
    name_en: 'Expressway interchanges',
    feature: feature(PointGeometry, InterchangeProps),
    geometry: 'point',
  },
  ports: { file: 'ports.geojson', name_zh: '港口', name_en: 'Ports', feature: feature(PointGeometry, PortProps), geometry: 'point' },
  waterways: {
    file: 'waterways.geojson',
    name_zh: '航道',
    name_en: 'Waterways',
    feature: feature(LineGeometry, WaterwayProps),
    geometry: 'line',
  },
  'logistics-hubs': {
    file: 'logistics-hubs.geojson',
    name_zh: '物流枢纽与国际班列',
    name_en: 'Logistics hubs and international trains',
    feature: feature(PointGeometry, LogisticsHubProps),
    geometry: 'point',
  },
} as const;

export type LayerId = keyof typeof LAYERS;
export const LAYER_IDS = Object.keys(LAYERS) as LayerId[];

export interface LayerFeature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown> & { id: string; name_zh: string; name_en: string };
}
export interface LayerCollection {
  type: 'FeatureCollection';
  features: LayerFeature[];
}
