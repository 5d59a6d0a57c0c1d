/**
 * What a record pulled from the team server must look like before it is written here: a
 * teammate's app (or anyone with an editor's login) wrote it, so it is checked like any other
 * input, with the contract's own schemas where there is one. A record that fails is skipped and
 * named; nothing of it is written.
 */
import { z } from 'zod';
import { CriterionOrigin, LAYER_ROLES, LayerStyle, ScenarioPayload, TourStop, ValueFunctionSchema } from '../contract/api.ts';
import type { TeamKind } from '../db/team-store.ts';

const Id = z.string().min(1).max(100);
const Name = z.string().trim().min(1).max(200);
const Time = z.string().max(40);
const Lng = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);

const RECORDS: Record<TeamKind, z.ZodType> = {
  layers: z.object({
    id: Id,
    name: Name,
    role: z.enum(LAYER_ROLES),
    geometry: z.enum(['polygon', 'line', 'point', 'mixed']),
    source_file: z.string().max(500).nullable(),
    source_crs: z.string().max(100).nullable(),
    style: LayerStyle,
    created_at: Time,
  }),
  sites: z.object({ id: Id, name: Name, lng: Lng, lat: Lat, notes: z.string().max(5000), created_at: Time }),
  scenarios: z.object({ id: Id, name: Name, notes: z.string().max(5000), payload: ScenarioPayload, created_at: Time, updated_at: Time }),
  tours: z.object({ id: Id, name_zh: Name, name_en: Name, stops: z.array(TourStop).min(1), created_at: Time, updated_at: Time }),
  criteria: z.object({
    id: z.string().regex(/^custom-/),
    name_zh: Name,
    name_en: Name,
    unit: z.string().max(40),
    type: z.enum(['benefit', 'cost']),
    value_function: ValueFunctionSchema.nullable(),
    source: Name,
    as_of: z.string().max(40).nullable(),
    origin: CriterionOrigin,
    values: z.record(z.string(), z.number().nullable()),
    created_at: Time,
    updated_at: Time,
  }),
  corrections: z.object({
    park_id: Id,
    /** Absent from records pushed before stations could be corrected: a park's. */
    feature_kind: z.enum(['park', 'station']).optional(),
    lng: Lng,
    lat: Lat,
    crs: z.enum(['wgs84', 'gcj02', 'bd09']),
    given_lng: z.number(),
    given_lat: z.number(),
    source: z.enum(['user', 'OpenStreetMap']),
    osm_id: z.string().max(40).nullable(),
    citation: z.string().max(2000).nullable().optional(),
    credit: z.string().max(2000).nullable().optional(),
    note: z.string().max(5000),
    created_at: Time,
    updated_at: Time,
  }),
};

/** Why a pulled record cannot be written here, or null when it can. */
export function recordProblem(kind: TeamKind, id: string, text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not JSON';
  }
  const parsed = RECORDS[kind].safeParse(value);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ');
  const key = (value as Record<string, unknown>)[kind === 'corrections' ? 'park_id' : 'id'];
  if (key !== id) return `it names itself "${String(key)}", not "${id}"`;
  return null;
}
