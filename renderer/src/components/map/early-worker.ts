/**
 * MapLibre's tile worker, started by a tiny entry script (renderer/src/early-worker-entry.ts)
 * before the main bundle has even arrived, and handed to MapLibre when it asks for its worker.
 *
 * Why: Chromium starts a dedicated worker only once the page's main thread has a free moment after
 * `new Worker`, and loads its script in further such moments (measured on this 2-core machine: a
 * worker created before 300 ms of busy main thread first ran after it; one given ~30 ms first ran
 * within them). MapLibre's `prewarm()` runs while the main bundle evaluates and React mounts, so
 * the worker became ready ~350 ms later, and the first tiles were asked for only then (issue 19).
 * Created while the main bundle downloads, it is ready by the time the map asks for tiles.
 *
 * The worker script needs nothing from the page at start (MapLibre's Actor only answers messages),
 * so a worker that started early is the same as one MapLibre started.
 */

interface EarlyWorker {
  url: string;
  worker: Worker | null;
  /** Whether MapLibre got it (read by the e2e test). */
  adopted: boolean;
}

declare global {
  // Set by the entry script, taken (once) by the map.
  var __siteselectEarlyWorker: EarlyWorker | undefined;
}

/** Starts the worker for `url` (MapLibre's worker bundle) and keeps it for {@link adoptEarlyWorker}. */
export function startEarlyWorker(url: string): void {
  if (globalThis.__siteselectEarlyWorker || typeof Worker === 'undefined') return;
  let worker: Worker | null = null;
  try {
    worker = new Worker(url, { type: 'module' });
  } catch {
    // MapLibre then starts its own, as it would without this.
  }
  globalThis.__siteselectEarlyWorker = { url, worker, adopted: false };
}

/**
 * Runs `start` (which makes MapLibre create its worker, e.g. `prewarm`) so that its first
 * `new Worker(url)` gets the early worker for that same URL instead of a new one. Any other worker,
 * and every one after, is created as usual; the global `Worker` is restored before this returns.
 * Returns whether the early worker was taken.
 */
export function adoptEarlyWorker(url: string, start: () => void): boolean {
  const early = globalThis.__siteselectEarlyWorker;
  const worker = early?.url === url ? early.worker : null;
  if (!worker) {
    start();
    return false;
  }
  const Native = globalThis.Worker;
  let taken = false;
  function Adopting(scriptUrl: string | URL, options?: WorkerOptions): Worker {
    if (!taken && String(scriptUrl) === url) {
      taken = true;
      return worker as Worker;
    }
    return new Native(scriptUrl, options);
  }
  globalThis.Worker = Adopting as unknown as typeof Worker;
  try {
    start();
  } finally {
    globalThis.Worker = Native;
  }
  if (taken && early) {
    early.worker = null;
    early.adopted = true;
  }
  return taken;
}
