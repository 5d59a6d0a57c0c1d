/**
 * The imported OpenStreetMap road network beside the schematic one: which network is active (a
 * setting), the loaded OSM network (read once from the data folder, reloaded after an import),
 * and import jobs that run in a worker with progress and cancel (electron/roads/import.ts). An
 * import that fails, is cancelled or is killed leaves the previous network in place.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { importOsmNetwork, ImportError as RoadImportError, type ImportProgress } from '../roads/import.ts';
import type { ClipOption } from '../roads/read.ts';
import { openExtras, type RoadExtras } from '../roads/extras.ts';
import { loadOsmNetwork, NETWORK_FILE, type LoadedRoadNetwork, type RoadNetworkMeta } from '../roads/store.ts';
import { BusyError, NotFoundError, UserInputError } from '../errors.ts';

export type NetworkKind = 'osm' | 'schematic';

/** The off-road speed of every OSM travel time (defined, with its source, in geo/network/road-view.ts). */
export { OFF_ROAD_KMH } from '../../geo/network/road-view.ts';

export interface RoadImportJob {
  id: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  progress: ImportProgress | null;
  error: string | null;
  meta: RoadNetworkMeta | null;
}

export interface RoadNetworks {
  /** The OSM network in the data folder, loaded on first use; null when none was imported. */
  osm(): LoadedRoadNetwork | null;
  /** The OSM network's sidecar (road tiles and tags, OSM areas and stations); null when none matches it. */
  extras(): RoadExtras | null;
  active(): NetworkKind;
  /** @throws UserInputError when asked for OSM and none was imported */
  use(kind: NetworkKind): void;
  /** Starts an import of a staged file; `done` runs when it ends (the staged file may then be removed). */
  startImport(file: { path: string; name: string }, clip: ClipOption, done?: (status: RoadImportJob['status']) => void): string;
  status(id: string): RoadImportJob;
  cancel(id: string): boolean;
}

export function roadNetworks(options: {
  dataDir: string;
  /** The stored choice ('osm' or 'schematic'), and where to store it. */
  setting: { read(): unknown; write(kind: NetworkKind): void };
  workerUrl?: URL;
}): RoadNetworks {
  let loaded: LoadedRoadNetwork | null | undefined;
  let loadedStamp = '';
  const jobs = new Map<string, RoadImportJob & { abort: AbortController }>();
  const running = () => [...jobs.values()].some((j) => j.status === 'running');
  // The file is replaced by a rename when another thread (or process) imports: a changed stamp reloads it,
  // so the off-thread worker never answers from a network that is no longer the active one.
  const stamp = () => {
    try {
      const st = statSync(join(options.dataDir, NETWORK_FILE));
      return `${st.ino}|${st.size}|${st.mtimeMs}`;
    } catch {
      return '';
    }
  };
  const osm = () => {
    const now = stamp();
    if (loaded === undefined || now !== loadedStamp) {
      loadedStamp = now;
      loaded = now === '' ? null : loadOsmNetwork(options.dataDir);
    }
    return loaded;
  };
  let extras: RoadExtras | null | undefined;
  // The sidecar belongs to one network file: a reloaded network opens its own.
  let extrasOf: LoadedRoadNetwork | null | undefined;
  return {
    osm,
    extras() {
      const n = osm();
      if (extras !== undefined && extrasOf === n) return extras;
      extras?.close();
      extrasOf = n;
      try {
        extras = n ? openExtras(options.dataDir, n.meta.importedAt) : null;
      } catch (e) {
        // A damaged sidecar costs the road map and the matches, not the network.
        console.error('[roads] the road extras file cannot be read:', (e as Error).message);
        extras = null;
      }
      return extras;
    },
    active() {
      // An OSM choice without a network file (deleted, or another data folder) falls back to the schematic one.
      return options.setting.read() === 'osm' && osm() ? 'osm' : 'schematic';
    },
    use(kind) {
      if (kind === 'osm' && !osm())
        throw new UserInputError('no OpenStreetMap network has been imported yet: import an extract first (导入路网…)');
      options.setting.write(kind);
    },
    startImport(file, clip, done) {
      if (running()) throw new BusyError('a road network is being imported; wait for it or cancel it');
      const id = randomUUID();
      const abort = new AbortController();
      const job: RoadImportJob & { abort: AbortController } = { id, status: 'running', progress: null, error: null, meta: null, abort };
      jobs.set(id, job);
      importOsmNetwork(
        file.path,
        options.dataDir,
        { name: file.name, clip, ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}) },
        (p) => (job.progress = p),
        abort.signal,
      ).then(
        (meta) => {
          loaded = undefined; // the new file is read on next use
          extras?.close();
          extras = undefined;
          Object.assign(job, { status: 'done', meta });
          // A successful import makes the new network the active one.
          options.setting.write('osm');
          done?.('done');
        },
        (e: unknown) => {
          const cancelled = e instanceof RoadImportError && e.code === 'CANCELLED';
          Object.assign(job, { status: cancelled ? 'cancelled' : 'failed', error: (e as Error).message });
          done?.(job.status);
        },
      );
      return id;
    },
    status(id) {
      const job = jobs.get(id);
      if (!job) throw new NotFoundError(`no road-network import "${id}"`);
      const { abort: _abort, ...rest } = job;
      return rest;
    },
    cancel(id) {
      const job = jobs.get(id);
      if (!job || job.status !== 'running') return false;
      job.abort.abort();
      return true;
    },
  };
}
