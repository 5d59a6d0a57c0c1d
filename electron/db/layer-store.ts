/**
 * The user's imported layers (`user_layers`) and their features (`user_features`, geometries as
 * GeoJSON in WGS-84, attributes as imported). The one owner of SQL on these tables.
 */
import { randomUUID } from 'node:crypto';
import type { LayerRole, LayerSummary } from '../contract/api.ts';
import { geometryProblem } from '../contract/geometry.ts';
import type { Db } from './index.ts';
import { PROJECT_ID } from './project.ts';
import { userWrite } from './user-write.ts';

export interface UserLayerRow {
  id: string;
  name: string;
  geometry: LayerSummary['geometry'];
  source_file: string | null;
  source_crs: string | null;
  role: LayerRole;
  /** JSON: `{ colour?: "#rrggbb" }`. */
  style: string;
  featureCount: number;
  /** Who last pushed it to the team server (issue 20), or null: never shared. */
  team_author: string | null;
}

export interface StoredFeature {
  /** Row id: stable while the layer exists. */
  id: number;
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}

/** A point of a layer with a given role, for the ranking (candidates, competitors) and the network (facilities). */
export interface RolePoint {
  id: number;
  layer: string;
  position: [number, number];
  properties: Record<string, unknown>;
}

/** A stored feature that could not be read (bad JSON, a geometry of the wrong shape), by its row id. */
export interface SkippedFeature {
  feature: number;
  problem: string;
}

/** Layers with features that cannot be read, found by a scan in SQL (no JSON parsed in JavaScript). */
export interface DamagedFeatures {
  layerId: string;
  layerName: string;
  count: number;
  /** Row id of the first one. */
  first: number;
}

export interface LayerStore {
  list(): UserLayerRow[];
  exists(id: string): boolean;
  /** The layer's readable features; rows that cannot be read are left out (see `readFeatures`). */
  features(id: string): StoredFeature[];
  /** The layer's readable features and the rows left out, with the reason. */
  readFeatures(id: string): { features: StoredFeature[]; skipped: SkippedFeature[] };
  /** Per layer, the features a listing would leave out (unparsable JSON, an unsupported or malformed Point, properties that are not an object). */
  damagedFeatures(): DamagedFeatures[];
  rename(id: string, name: string): void;
  setStyle(id: string, style: { colour: string }): void;
  remove(id: string): boolean;
  /** Point features of every layer with this role, in layer then feature order (rows that cannot be read are left out). */
  pointsWithRole(role: LayerRole): RolePoint[];
  /** How many Point features layers with this role hold (counted in SQL, nothing parsed). */
  countPointsWithRole(role: LayerRole): number;
  /** Changes whenever a feature of a layer with this role is added or removed (cache key). */
  roleSignature(role: LayerRole): string;
  /** A layer id not used yet. */
  newLayerId(): string;
  /** Starts writing a layer: its row with a provisional geometry kind, inside the caller's transaction. */
  insertLayer(layer: {
    id: string;
    name: string;
    role: LayerRole;
    geometry: UserLayerRow['geometry'];
    sourceFile: string | null;
    sourceCrs: string | null;
    style?: string;
  }): void;
  insertFeature(layerId: string, geometry: string, properties: string): void;
  setGeometryKind(layerId: string, geometry: UserLayerRow['geometry']): void;
  /**
   * A write transaction spanning event-loop turns (a streamed import), on a connection no other
   * code writes on meanwhile: BEGIN IMMEDIATE takes the write lock at once.
   */
  begin(): void;
  commit(): void;
  /** Rolls back if a transaction is open; does nothing otherwise. */
  rollback(): void;
}

export function layerStore(db: Db): LayerStore {
  const list = db.prepare(`
    SELECT l.id, l.name, l.geometry, l.source_file, l.source_crs, l.role, l.style, l.team_author, COUNT(f.id) AS featureCount
    FROM user_layers l LEFT JOIN user_features f ON f.layer_id = l.id
    WHERE l.project_id = ${PROJECT_ID}
    GROUP BY l.id ORDER BY l.created_at, l.id`);
  const exists = db.prepare('SELECT 1 FROM user_layers WHERE id = ?').pluck();
  const features = db.prepare('SELECT id, geometry, properties FROM user_features WHERE layer_id = ? ORDER BY id');
  // CASE, not AND: SQLite's json functions raise an error on malformed JSON, and only CASE is sure to stop before them.
  const damaged = db.prepare(`
    SELECT f.layer_id AS layerId, l.name AS layerName, count(*) AS count, min(f.id) AS first
    FROM user_features f JOIN user_layers l ON l.id = f.layer_id
    WHERE l.project_id = ${PROJECT_ID} AND NOT CASE
      WHEN NOT json_valid(f.geometry) OR NOT json_valid(f.properties) THEN 0
      WHEN json_type(f.properties) <> 'object' OR json_type(f.geometry) <> 'object' THEN 0
      WHEN json_extract(f.geometry, '$.type') NOT IN ('Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon') THEN 0
      WHEN json_type(f.geometry, '$.coordinates') <> 'array' THEN 0
      WHEN json_extract(f.geometry, '$.type') <> 'Point' THEN 1
      WHEN json_type(f.geometry, '$.coordinates[0]') NOT IN ('integer', 'real') OR json_type(f.geometry, '$.coordinates[1]') NOT IN ('integer', 'real') THEN 0
      ELSE json_extract(f.geometry, '$.coordinates[0]') BETWEEN -180 AND 180 AND json_extract(f.geometry, '$.coordinates[1]') BETWEEN -90 AND 90
    END
    GROUP BY f.layer_id ORDER BY l.created_at, l.id`);
  const rename = db.prepare('UPDATE user_layers SET name = ? WHERE id = ?');
  const setStyle = db.prepare('UPDATE user_layers SET style = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM user_layers WHERE id = ?');
  const withRole = db.prepare(`
    SELECT f.id, f.geometry, f.properties, l.name AS layer FROM user_features f JOIN user_layers l ON l.id = f.layer_id
    WHERE l.role = ? AND l.project_id = ${PROJECT_ID} ORDER BY l.created_at, f.id`);
  const countPoints = db
    .prepare(
      `SELECT count(*) FROM user_features f JOIN user_layers l ON l.id = f.layer_id
       WHERE l.role = ? AND l.project_id = ${PROJECT_ID} AND CASE WHEN json_valid(f.geometry) THEN json_extract(f.geometry, '$.type') = 'Point' ELSE 0 END`,
    )
    .pluck();
  const signature = db
    .prepare(
      `SELECT count(*) || ':' || coalesce(max(f.id), 0) FROM user_features f JOIN user_layers l ON l.id = f.layer_id WHERE l.role = ? AND l.project_id = ${PROJECT_ID}`,
    )
    .pluck();
  const insertLayer = db.prepare(
    `INSERT INTO user_layers (id, project_id, name, role, geometry, source_file, source_crs, style) VALUES (?, ${PROJECT_ID}, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFeature = db.prepare('INSERT INTO user_features (layer_id, geometry, properties) VALUES (?, ?, ?)');
  const setGeometry = db.prepare('UPDATE user_layers SET geometry = ? WHERE id = ?');
  const readFeatures = (id: string) => {
    const out: StoredFeature[] = [];
    const skipped: SkippedFeature[] = [];
    for (const r of features.all(id) as RawFeature[]) {
      const f = readFeature(r);
      if ('problem' in f) skipped.push({ feature: r.id, problem: f.problem });
      else out.push(f);
    }
    return { features: out, skipped };
  };
  return {
    list: () => list.all() as UserLayerRow[],
    exists: (id) => exists.get(id) !== undefined,
    features: (id) => readFeatures(id).features,
    readFeatures,
    damagedFeatures: () => damaged.all() as DamagedFeatures[],
    rename: (id, name) => userWrite('the layer', () => void rename.run(name, id)),
    setStyle: (id, style) => void setStyle.run(JSON.stringify(style), id),
    remove: (id) => remove.run(id).changes > 0,
    pointsWithRole: (role) =>
      (withRole.all(role) as (RawFeature & { layer: string })[]).flatMap((r) => {
        const f = readFeature(r);
        if ('problem' in f || f.geometry.type !== 'Point') return [];
        const [lng, lat] = f.geometry.coordinates as [number, number];
        return [{ id: r.id, layer: r.layer, position: [lng, lat] as [number, number], properties: f.properties }];
      }),
    roleSignature: (role) => String(signature.get(role)),
    countPointsWithRole: (role) => countPoints.get(role) as number,
    newLayerId: () => {
      for (;;) {
        const id = `user-${randomUUID().slice(0, 8)}`;
        if (exists.get(id) === undefined) return id;
      }
    },
    insertLayer: (l) =>
      userWrite('the layer', () => void insertLayer.run(l.id, l.name, l.role, l.geometry, l.sourceFile, l.sourceCrs, l.style ?? '{}')),
    insertFeature: (layerId, geometry, properties) => void insertFeature.run(layerId, geometry, properties),
    setGeometryKind: (layerId, geometry) => void setGeometry.run(geometry, layerId),
    begin: () => void db.exec('BEGIN IMMEDIATE'),
    commit: () => void db.exec('COMMIT'),
    rollback: () => {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
  };
}

interface RawFeature {
  id: number;
  geometry: unknown;
  properties: unknown;
}

/** A stored feature parsed and checked (contract/geometry.ts), or why it cannot be read. */
function readFeature(r: RawFeature): StoredFeature | { problem: string } {
  let geometry: unknown;
  let properties: unknown;
  try {
    geometry = JSON.parse(String(r.geometry));
  } catch {
    return { problem: 'its geometry is not JSON' };
  }
  try {
    properties = JSON.parse(String(r.properties));
  } catch {
    return { problem: 'its properties are not JSON' };
  }
  const problem = geometryProblem(geometry);
  if (problem) return { problem: `its geometry is malformed: ${problem}` };
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties))
    return { problem: 'its properties are not a JSON object' };
  return { id: r.id, geometry: geometry as StoredFeature['geometry'], properties: properties as Record<string, unknown> };
}
