/** Park position corrections: list, set (in any of WGS-84, GCJ-02, BD-09), reset. */
import { booleanPointInPolygon, point } from '@turf/turf';
import { lngLatProblem, toWgs84, type CrsId, type LngLat } from '../../geo/index.ts';
import type { ParkCorrection } from '../contract/api.ts';
import type { CorrectionRow } from '../db/correction-store.ts';
import { NotFoundError, UserInputError } from '../errors.ts';
import type { Context, Handlers } from './context.ts';

/** The shipped park a reference names: its id or its catalogue code. */
function parkFeature(ctx: Context, ref: string) {
  const parks = ctx.reference.layers.get('parks')?.collection.features ?? [];
  const code = ref.toUpperCase();
  const f = parks.find((p) => p.properties.id === ref || p.properties['catalogue_code'] === code);
  if (!f) throw new NotFoundError(`no park "${ref}" (give a park id such as park-huaihua-etdz or a catalogue code such as S437065)`);
  return f;
}

function countyAt(ctx: Context, p: LngLat) {
  const pt = point([p[0], p[1]]);
  return ctx.reference.zone.counties.find((c) => booleanPointInPolygon(pt, c.feature)) ?? null;
}

function toCorrection(ctx: Context, row: CorrectionRow): ParkCorrection {
  const f = parkFeature(ctx, row.park_id);
  const county = countyAt(ctx, [row.lng, row.lat]);
  return {
    park_id: row.park_id,
    catalogue_code: typeof f.properties['catalogue_code'] === 'string' ? f.properties['catalogue_code'] : null,
    name_zh: f.properties.name_zh,
    name_en: f.properties.name_en,
    position: [row.lng, row.lat],
    crs: row.crs,
    given: [row.given_lng, row.given_lat],
    source: row.source,
    osm_id: row.osm_id,
    note: row.note,
    created_at: row.created_at,
    updated_at: row.updated_at,
    county: county?.name_zh ?? null,
    inOwnCounty: county !== null && county.adcode === f.properties['adcode'],
  };
}

function listParkCorrections(ctx: Context): ParkCorrection[] {
  return ctx.stores.corrections.list().flatMap((r) => {
    try {
      return [toCorrection(ctx, r)];
    } catch {
      return []; // a correction of a park the data no longer has: kept, not shown
    }
  });
}

function setParkPosition(
  ctx: Context,
  { park, position, crs, note }: { park: string; position: [number, number]; crs: CrsId; note: string },
): ParkCorrection {
  const f = parkFeature(ctx, park);
  const problem = lngLatProblem(position);
  if (problem) throw new UserInputError(`position: ${problem}`);
  const wgs84 = toWgs84(position, crs);
  if (!countyAt(ctx, wgs84)) {
    throw new UserInputError(
      `[${position[0]}, ${position[1]}] (${crs.toUpperCase()}) is outside the demonstration zone; a park of the zone lies inside it (check the coordinate system and the order longitude, latitude)`,
    );
  }
  ctx.stores.corrections.put({
    park_id: f.properties.id,
    lng: wgs84[0],
    lat: wgs84[1],
    crs,
    given_lng: position[0],
    given_lat: position[1],
    source: 'user',
    osm_id: null,
    note,
  });
  return toCorrection(ctx, ctx.stores.corrections.get(f.properties.id) as CorrectionRow);
}

function resetParkPosition(ctx: Context, { park }: { park: string }) {
  return { reset: ctx.stores.corrections.remove(parkFeature(ctx, park).properties.id) };
}

export const correctionHandlers = { listParkCorrections, setParkPosition, resetParkPosition } satisfies Handlers<
  'listParkCorrections' | 'setParkPosition' | 'resetParkPosition'
>;
