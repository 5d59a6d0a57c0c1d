/**
 * The imported OpenStreetMap road network beside the schematic one: which network is active (a
 * setting), the loaded OSM network (read once from the data folder, reloaded after an import),
 * and import jobs that run in a worker with progress and cancel (electron/roads/import.ts). An
 * import that fails, is cancelled or is killed leaves the previous network in place.
 */
import { randomUUID } from 'node:crypto';
import { importOsmNetwork, ImportError as RoadImportError, type ImportProgress } from '../roads/import.ts';
import type { ClipOption } from '../roads/read.ts';
import { openExtras, type RoadExtras } from '../roads/extras.ts';
import { loadOsmNetwork, type LoadedRoadNetwork, type RoadNetworkMeta } from '../roads/store.ts';
import { BusyError, NotFoundError, UserInputError } from '../errors.ts';

export type NetworkKind = 'osm' | 'schematic';

/**
 * Off-road leg of an OSM route: from a point to the nearest drivable edge (and from the edge to
 * the destination), on the straight line at this speed. A team default: a site is rarely more than
 * a few hundred metres from a tertiary road, travelled on yard and access roads at walking-to-
 * urban-street pace (城市道路工程设计规范 CJJ 37-2012 gives 20 km/h as the lowest design speed of a
 * branch road, 支路).
 */
export const OFF_ROAD_KMH = 20;

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
  const jobs = new Map<string, RoadImportJob & { abort: AbortController }>();
  const running = () => [...jobs.values()].some((j) => j.status === 'running');
  const osm = () => (loaded === undefined ? (loaded = loadOsmNetwork(options.dataDir)) : loaded);
  let extras: RoadExtras | null | undefined;
  return {
    osm,
    extras() {
      if (extras !== undefined) return extras;
      const n = osm();
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
