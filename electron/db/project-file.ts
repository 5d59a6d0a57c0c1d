/**
 * Project files (`.xnsite`): a consistent copy of the user database (`VACUUM INTO`, WAL
 * included) marked with SQLite's `application_id`, and the merge of such a file into the current
 * project in one transaction (nothing of the current project is overwritten or lost).
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { UserInputError } from '../errors.ts';
import type { Db } from './index.ts';
import { layerStore, type UserLayerRow } from './layer-store.ts';
import { scenarioStore } from './scenario-store.ts';
import { siteStore } from './site-store.ts';

/** The project file's mark (SQLite `application_id`), so a colleague's file is recognised as ours. */
export const PROJECT_APPLICATION_ID = 0x58_4e_53_53; // "XNSS"
export const PROJECT_EXTENSION = 'xnsite';

/** Writes a copy of the user database to `file` (which must not exist) and marks it as a project file. */
export function writeProjectFile(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
  const copy = new Database(file);
  try {
    copy.pragma(`application_id = ${PROJECT_APPLICATION_ID}`);
  } finally {
    copy.close();
  }
}

export interface MergeCounts {
  scenarios: number;
  sites: number;
  layers: number;
}

/**
 * Merges the sites, scenarios and layers of a project file into `db`, in one transaction.
 * Ids already taken here are given new ones.
 *
 * @param name - the file's name as the user knows it, for messages
 * @throws UserInputError naming the file when it is not SQLite, not a project file of this app, or from a newer version
 */
export function mergeProjectFile(db: Db, file: string, name: string): MergeCounts {
  let other: Database.Database;
  try {
    other = new Database(file, { readonly: true, fileMustExist: true });
    other.pragma('schema_version'); // reads the header: fails on a file that is not SQLite
  } catch (error) {
    throw new UserInputError(`"${name}" is not a project file (not an SQLite database: ${(error as Error).message})`);
  }
  try {
    if (other.pragma('application_id', { simple: true }) !== PROJECT_APPLICATION_ID) {
      throw new UserInputError(`"${name}" is an SQLite file but not a project file of this app`);
    }
    const mine = db.pragma('user_version', { simple: true }) as number;
    const theirs = other.pragma('user_version', { simple: true }) as number;
    if (theirs > mine) {
      throw new UserInputError(
        `"${name}" was saved by a newer version of the app (schema ${theirs}, this app ${mine}); update the app to open it`,
      );
    }
    const has = (table: string) => other.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
    const layers = layerStore(db);
    const scenarios = scenarioStore(db);
    const sites = siteStore(db);
    const counts: MergeCounts = { scenarios: 0, sites: 0, layers: 0 };
    const theirFeatures = other.prepare('SELECT geometry, properties FROM user_features WHERE layer_id = ? ORDER BY id');
    db.transaction(() => {
      for (const s of other.prepare('SELECT id, name, lng, lat FROM candidate_sites').all() as {
        id: string;
        name: string;
        lng: number;
        lat: number;
      }[]) {
        if (sites.restore(s)) counts.sites++;
      }
      if (has('scenarios')) {
        for (const s of other.prepare('SELECT id, name, notes, payload FROM scenarios').all() as {
          id: string;
          name: string;
          notes: string;
          payload: string;
        }[]) {
          scenarios.insert({ ...s, id: scenarios.exists(s.id) ? `scenario-${randomUUID()}` : s.id });
          counts.scenarios++;
        }
      }
      for (const l of other.prepare('SELECT id, name, role, geometry, source_file, source_crs, style FROM user_layers').all() as Record<
        string,
        string
      >[]) {
        const id = layers.exists(l['id'] as string) ? layers.newLayerId() : (l['id'] as string);
        layers.insertLayer({
          id,
          name: l['name'] as string,
          role: l['role'] as UserLayerRow['role'],
          geometry: l['geometry'] as UserLayerRow['geometry'],
          sourceFile: l['source_file'] ?? null,
          sourceCrs: l['source_crs'] ?? null,
          style: l['style'] as string,
        });
        for (const f of theirFeatures.iterate(l['id']) as Iterable<{ geometry: string; properties: string }>)
          layers.insertFeature(id, f.geometry, f.properties);
        counts.layers++;
      }
    })();
    return counts;
  } finally {
    other.close();
  }
}
