/**
 * The user's decisions on proposed OpenStreetMap matches (`osm_match_decisions`, the osm-matches migration):
 * accepted or rejected, per catalogue feature and OSM element. The one owner of SQL on that table.
 */
import type { Db } from './index.ts';
import { NOW_SQL, PROJECT_ID } from './project.ts';

export interface MatchDecisionRow {
  feature_kind: 'park' | 'station';
  feature_id: string;
  osm_type: 'node' | 'way' | 'relation';
  osm_id: number;
  decision: 'accepted' | 'rejected';
  osm_name: string | null;
  distance_m: number | null;
  score: number | null;
  decided_at: string;
}

export interface MatchDecisionStore {
  list(): MatchDecisionRow[];
  /** Records a decision (replacing an earlier one on the same pair). */
  put(d: Omit<MatchDecisionRow, 'decided_at'>): void;
  /** Forgets the decision on a pair; true when there was one. */
  remove(key: Pick<MatchDecisionRow, 'feature_kind' | 'feature_id' | 'osm_type' | 'osm_id'>): boolean;
  /** Forgets every accepted decision on a feature (its correction was undone). */
  removeAccepted(kind: MatchDecisionRow['feature_kind'], featureId: string): number;
}

export function matchDecisionStore(db: Db): MatchDecisionStore {
  const columns = 'feature_kind, feature_id, osm_type, osm_id, decision, osm_name, distance_m, score, decided_at';
  const list = db.prepare(
    `SELECT ${columns} FROM osm_match_decisions WHERE project_id = ${PROJECT_ID} ORDER BY feature_kind, feature_id, osm_type, osm_id`,
  );
  const put = db.prepare(`
    INSERT INTO osm_match_decisions (project_id, feature_kind, feature_id, osm_type, osm_id, decision, osm_name, distance_m, score)
    VALUES (${PROJECT_ID}, @feature_kind, @feature_id, @osm_type, @osm_id, @decision, @osm_name, @distance_m, @score)
    ON CONFLICT(project_id, feature_kind, feature_id, osm_type, osm_id) DO UPDATE SET decision = excluded.decision,
      osm_name = excluded.osm_name, distance_m = excluded.distance_m, score = excluded.score, decided_at = ${NOW_SQL}`);
  const remove = db.prepare(
    `DELETE FROM osm_match_decisions WHERE project_id = ${PROJECT_ID} AND feature_kind = @feature_kind AND feature_id = @feature_id AND osm_type = @osm_type AND osm_id = @osm_id`,
  );
  const removeAccepted = db.prepare(
    `DELETE FROM osm_match_decisions WHERE project_id = ${PROJECT_ID} AND feature_kind = ? AND feature_id = ? AND decision = 'accepted'`,
  );
  return {
    list: () => list.all() as MatchDecisionRow[],
    put: (d) => void put.run(d),
    remove: (k) => remove.run(k).changes > 0,
    removeAccepted: (kind, id) => removeAccepted.run(kind, id).changes,
  };
}
