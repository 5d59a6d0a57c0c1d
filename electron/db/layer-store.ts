/**
 * The user's imported layers (`user_layers`) and their features (`user_features`, geometries as
 * GeoJSON in WGS-84, attributes as imported). The one owner of SQL on these tables.
 */
import { randomUUID } from 'node:crypto';
import type { LayerRole, LayerSummary } from '../contract/api.ts';
import type { Db } from './index.ts';
import { PROJECT_ID } from './project.ts';

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

export interface LayerStore {
  list(): UserLayerRow[];
  exists(id: string): boolean;
  features(id: string): StoredFeature[];
  rename(id: string, name: string): void;
  setStyle(id: string, style: { colour: string }): void;
  remove(id: string): boolean;
  /** Point features of every layer with this role, in layer then feature order. */
  pointsWithRole(role: LayerRole): RolePoint[];
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
    SELECT l.id, l.name, l.geometry, l.source_file, l.source_crs, l.role, l.style, COUNT(f.id) AS featureCount
    FROM user_layers l LEFT JOIN user_features f ON f.layer_id = l.id
    WHERE l.project_id = ${PROJECT_ID}
    GROUP BY l.id ORDER BY l.created_at, l.id`);
  const exists = db.prepare('SELECT 1 FROM user_layers WHERE id = ?').pluck();
  const features = db.prepare('SELECT id, geometry, properties FROM user_features WHERE layer_id = ? ORDER BY id');
  const rename = db.prepare('UPDATE user_layers SET name = ? WHERE id = ?');
  const setStyle = db.prepare('UPDATE user_layers SET style = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM user_layers WHERE id = ?');
  const withRole = db.prepare(`
    SELECT f.id, f.geometry, f.properties, l.name AS layer FROM user_features f JOIN user_layers l ON l.id = f.layer_id
    WHERE l.role = ? AND l.project_id = ${PROJECT_ID} ORDER BY l.created_at, f.id`);
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
  return {
    list: () => list.all() as UserLayerRow[],
    exists: (id) => exists.get(id) !== undefined,
    features: (id) =>
      (features.all(id) as { id: number; geometry: string; properties: string }[]).map((r) => ({
        id: r.id,
        geometry: JSON.parse(r.geometry) as StoredFeature['geometry'],
        properties: JSON.parse(r.properties) as Record<string, unknown>,
      })),
    rename: (id, name) => void rename.run(name, id),
    setStyle: (id, style) => void setStyle.run(JSON.stringify(style), id),
    remove: (id) => remove.run(id).changes > 0,
    pointsWithRole: (role) =>
      (withRole.all(role) as { id: number; geometry: string; properties: string; layer: string }[]).flatMap((r) => {
        const g = JSON.parse(r.geometry) as { type: string; coordinates: [number, number] };
        if (g.type !== 'Point') return [];
        return [
          {
            id: r.id,
            layer: r.layer,
            position: [g.coordinates[0], g.coordinates[1]] as [number, number],
            properties: JSON.parse(r.properties) as Record<string, unknown>,
          },
        ];
      }),
    roleSignature: (role) => String(signature.get(role)),
    newLayerId: () => {
      for (;;) {
        const id = `user-${randomUUID().slice(0, 8)}`;
        if (exists.get(id) === undefined) return id;
      }
    },
    insertLayer: (l) => void insertLayer.run(l.id, l.name, l.role, l.geometry, l.sourceFile, l.sourceCrs, l.style ?? '{}'),
    insertFeature: (layerId, geometry, properties) => void insertFeature.run(layerId, geometry, properties),
    setGeometryKind: (layerId, geometry) => void setGeometry.run(geometry, layerId),
    begin: () => void db.exec('BEGIN IMMEDIATE'),
    commit: () => void db.exec('COMMIT'),
    rollback: () => {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
  };
}
