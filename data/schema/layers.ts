/**
 * Schemas of the zone's reference layers (data/layers/*.geojson). Every feature carries a stable
 * `id`, Chinese and English names, and its provenance: `source`, `as_of`, `precision` with a note
 * on how its position was obtained. Unknown values are null, never guessed; a feature whose
 * position is unknown has `geometry: null` and is listed, not drawn.
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

export const ParkProps = Provenance.extend({
  level: z.enum(['national', 'provincial']),
  kind: z.string().min(1),
  kind_en: z.string().min(1).optional(),
  prefecture: z.string().min(1),
  /** County-level unit of the administrative centre; null only while the park is unlocated. */
  county: nullableText,
  adcode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  industries: z.array(ParkIndustry),
  area_km2: z.number().positive().nullable(),
  approved: PartialDate.nullable(),
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
}).passthrough();

export const RailLineProps = Provenance.extend({
  kind: z.enum(['hsr', 'conventional']),
  status: z.enum(['open', 'planned']),
  stations: z.array(z.string()).min(2),
}).passthrough();

export const InterchangeProps = Provenance.extend({
  expressways: z.array(z.string().min(1)).min(1),
  external_hub: z.boolean().optional(),
}).passthrough();

export const ExpresswayProps = Provenance.extend({
  code: z.string().regex(/^G\d+$/),
  interchanges: z.array(z.string()).min(2),
}).passthrough();

export const PortProps = Provenance.extend({ river: z.string().min(1) }).passthrough();
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
