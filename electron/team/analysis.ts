/**
 * Server-side analysis where a layer is too large for a laptop: how many of a team layer's
 * features lie near each park, answered by PostGIS on the team server.
 *
 * - Within N km: `ST_DWithin` on geography, i.e. metres on the WGS-84 ellipsoid (PostGIS
 *   computes geography distances on the spheroid by default), helped by the GiST index on
 *   `geom::geography` (server migration 0002).
 * - Within N minutes: the app computes each park's isochrone on its own network (geo/surfaces,
 *   the same areas the map draws), stores it once on the server as a catchment polygon
 *   (team.catchments, keyed by park, minutes and network), and the server counts the features
 *   inside it with `ST_Intersects` (GiST on both sides).
 */
import type { TeamSession } from './connection.ts';

export interface ParkPoint {
  id: string;
  /** `[lng, lat]`, WGS-84 degrees. */
  position: [number, number];
}

export interface ParkCount {
  id: string;
  count: number;
}

/**
 * Features of a team layer within `km` kilometres (on the ellipsoid) of each park.
 *
 * @returns one count per park, in the order given
 */
export async function countWithinKm(session: TeamSession, layerId: string, parks: readonly ParkPoint[], km: number): Promise<ParkCount[]> {
  const r = await session.client.query<{ id: string; count: number }>(
    `SELECT p.id, count(f.seq)::integer AS count
     FROM json_to_recordset($1::json) AS p(id text, lng float8, lat float8)
     LEFT JOIN team.features f
       ON f.layer_id = $2 AND ST_DWithin(f.geom::geography, ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326)::geography, $3)
     GROUP BY p.id`,
    [JSON.stringify(parks.map((p) => ({ id: p.id, lng: p.position[0], lat: p.position[1] }))), layerId, km * 1000],
  );
  const counts = new Map(r.rows.map((row) => [row.id, row.count]));
  return parks.map((p) => ({ id: p.id, count: counts.get(p.id) ?? 0 }));
}

/** A park's catchment as the server keys it: the park, and the network and origin it was computed for. */
export interface CatchmentKey {
  parkId: string;
  /** Which network, cell size and origin (e.g. `zone/2km/112.57000,26.89000`): a corrected park gets a new one. */
  network: string;
}

/** Which of these catchments the server already holds for `minutes`. */
export async function storedCatchments(session: TeamSession, minutes: number, keys: readonly CatchmentKey[]): Promise<Set<string>> {
  const r = await session.client.query<{ park_id: string }>(
    `SELECT c.park_id FROM team.catchments c
     JOIN json_to_recordset($1::json) AS k(park_id text, network text) ON k.park_id = c.park_id AND k.network = c.network
     WHERE c.minutes = $2`,
    [JSON.stringify(keys.map((k) => ({ park_id: k.parkId, network: k.network }))), minutes],
  );
  return new Set(r.rows.map((row) => row.park_id));
}

/** Stores (or replaces) catchment polygons: GeoJSON (Multi)Polygons in WGS-84, one per park. */
export async function storeCatchments(
  session: TeamSession,
  minutes: number,
  polygons: readonly (CatchmentKey & { geometry: unknown })[],
): Promise<void> {
  if (polygons.length === 0) return;
  await session.client.query(
    `INSERT INTO team.catchments (park_id, minutes, network, geom, computed_by)
     SELECT c.park_id, $2, c.network, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(c.geometry), 4326)), 3)),
       current_user
     FROM json_to_recordset($1::json) AS c(park_id text, network text, geometry json)
     ON CONFLICT (park_id, minutes, network)
       DO UPDATE SET geom = excluded.geom, computed_by = current_user, computed_at = now()`,
    [JSON.stringify(polygons.map((p) => ({ park_id: p.parkId, network: p.network, geometry: p.geometry }))), minutes],
  );
}

/**
 * Features of a team layer inside each park's stored catchment for `minutes`.
 *
 * @returns one count per key, in the order given (0 for a key with no catchment stored)
 */
export async function countWithinMinutes(
  session: TeamSession,
  layerId: string,
  minutes: number,
  keys: readonly CatchmentKey[],
): Promise<ParkCount[]> {
  const r = await session.client.query<{ id: string; count: number }>(
    `SELECT c.park_id AS id, count(f.seq)::integer AS count
     FROM json_to_recordset($1::json) AS k(park_id text, network text)
     JOIN team.catchments c ON c.park_id = k.park_id AND c.network = k.network AND c.minutes = $3
     LEFT JOIN team.features f ON f.layer_id = $2 AND ST_Intersects(c.geom, f.geom)
     GROUP BY c.park_id`,
    [JSON.stringify(keys.map((k) => ({ park_id: k.parkId, network: k.network }))), layerId, minutes],
  );
  const counts = new Map(r.rows.map((row) => [row.id, row.count]));
  return keys.map((k) => ({ id: k.parkId, count: counts.get(k.parkId) ?? 0 }));
}
