/**
 * Position corrections (`park_corrections`): parks, and since the osm-matches migration reference rail
 * stations (`feature_kind`), with the citation and licence credit of an OpenStreetMap position.
 * The one owner of SQL on that table; `park_id` holds a station's id for a station.
 */
import type { Db } from './index.ts';
import { NOW_SQL, PROJECT_ID } from './project.ts';

export interface CorrectionRow {
  park_id: string;
  /** WGS-84 degrees. */
  lng: number;
  lat: number;
  /** The system the user gave the position in, and the numbers as given. */
  crs: 'wgs84' | 'gcj02' | 'bd09';
  given_lng: number;
  given_lat: number;
  source: 'user' | 'OpenStreetMap';
  osm_id: string | null;
  note: string;
  /** Which layer the feature is in (the osm-matches migration; 'park' before). */
  feature_kind: 'park' | 'station';
  /** Where the position comes from (an OSM element's page) and the credit its licence requires; null for the user's own. */
  citation: string | null;
  credit: string | null;
  created_at: string;
  updated_at: string;
}

/** What a write gives; the kind, citation and credit default to a park with none (rows of an older schema). */
export type CorrectionWrite = Omit<CorrectionRow, 'created_at' | 'updated_at' | 'feature_kind' | 'citation' | 'credit'> &
  Partial<Pick<CorrectionRow, 'feature_kind' | 'citation' | 'credit'>>;

export interface CorrectionStore {
  list(): CorrectionRow[];
  get(parkId: string): CorrectionRow | null;
  put(c: CorrectionWrite): void;
  remove(parkId: string): boolean;
  /** Changes with every change of any correction (a cache key for positions derived from them). */
  signature(): string;
}

export function correctionStore(db: Db): CorrectionStore {
  const columns =
    'park_id, lng, lat, crs, given_lng, given_lat, source, osm_id, note, feature_kind, citation, credit, created_at, updated_at';
  const list = db.prepare(`SELECT ${columns} FROM park_corrections WHERE project_id = ${PROJECT_ID} ORDER BY park_id`);
  const get = db.prepare(`SELECT ${columns} FROM park_corrections WHERE park_id = ?`);
  const put = db.prepare(`
    INSERT INTO park_corrections (park_id, project_id, lng, lat, crs, given_lng, given_lat, source, osm_id, note, feature_kind, citation, credit)
    VALUES (@park_id, ${PROJECT_ID}, @lng, @lat, @crs, @given_lng, @given_lat, @source, @osm_id, @note, @feature_kind, @citation, @credit)
    ON CONFLICT(park_id) DO UPDATE SET lng = excluded.lng, lat = excluded.lat, crs = excluded.crs, given_lng = excluded.given_lng,
      given_lat = excluded.given_lat, source = excluded.source, osm_id = excluded.osm_id, note = excluded.note,
      feature_kind = excluded.feature_kind, citation = excluded.citation, credit = excluded.credit, updated_at = ${NOW_SQL}`);
  const remove = db.prepare('DELETE FROM park_corrections WHERE park_id = ?');
  return {
    list: () => list.all() as CorrectionRow[],
    get: (id) => (get.get(id) as CorrectionRow | undefined) ?? null,
    put: (c) => void put.run({ feature_kind: 'park', citation: null, credit: null, ...c }),
    remove: (id) => remove.run(id).changes > 0,
    // The table holds at most one row per park or station (66 + 42): its whole content is a cheap, exact key.
    signature: () => JSON.stringify(list.all()),
  };
}
