/**
 * The off-thread worker (node:worker_threads): runs the heavy read-only methods (rankings,
 * comparisons, reports, isochrones, catchments) with the very same handlers as the main thread,
 * on a context of its own: the reference data the main thread loaded (cloned in), the user
 * database opened read-only (WAL: it sees every committed write), and its own caches (the network,
 * each site's facts). The main thread stays free to answer everything else meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PackRegistry } from '../basemaps/registry.ts';
import { openReadonly } from '../db/index.ts';
import { createHandlers, dispatch } from '../handlers/index.ts';
import type { Reference } from '../reference/index.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from '../handlers/off-thread.ts';

const init = workerData as WorkerInit;
const userDb = openReadonly(init.dbFile);
userDb.pragma('busy_timeout = 5000');
// The basemap's tiles are served by the main thread; handlers here read only its metadata.
const reference: Reference = {
  ...init.reference,
  basemap: { ...init.reference.basemap, getTile: () => null, close: () => undefined },
  close: () => undefined,
};
const api = createHandlers({
  userDb,
  reference,
  packs: new PackRegistry(userDb),
  info: init.info,
  inWorker: true,
  ...(init.importLimits ? { importLimits: init.importLimits } : {}),
});

parentPort?.on('message', (request: WorkerRequest) => {
  void dispatch(api, request.method, request.args).then((envelope) =>
    parentPort?.postMessage({ id: request.id, envelope } satisfies WorkerReply),
  );
});
parentPort?.postMessage({ ready: true });
