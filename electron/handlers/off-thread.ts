/**
 * Heavy read-only methods run off the main thread: rankings (20,000 imported candidates took
 * 7.4 s, their Monte-Carlo stability 12 s), comparisons, reports, the method agreement (one
 * ranking per method) and the target-site search, isochrones (6.4 s at 0.5 km
 * cells) and catchments. The main thread is the Electron main process and the browser edition's
 * server at once, so while one of these runs, everything else must still answer.
 *
 * They go to one worker (node:worker_threads, electron/workers/heavy-worker.ts) that runs the same
 * handlers on a context of its own: the loaded reference data cloned in, the user database opened
 * read-only. Calls queue in order, one at a time; each has a time limit (the worker is stopped and
 * started afresh when it passes), the queue is bounded, and a ranking takes a bounded number of
 * candidates, each limit answered with a message that says what to change.
 */
import { Worker } from 'node:worker_threads';
import type { Envelope, ErrorCode, MethodName } from '../contract/api.ts';
import { BusyError, UserInputError } from '../errors.ts';
import type { ImportLimits } from '../imports/reader.ts';
import type { Reference } from '../reference/index.ts';
import { ApiError } from './errors.ts';

/** Methods the worker answers (read-only: the worker's connection cannot write). */
export const OFF_THREAD_METHODS = [
  'scoreSites',
  'compareParks',
  'compareScenarios',
  'exportReport',
  'methodAgreement',
  'similarSites',
  'isochrone',
  'catchment',
  'rankUncertainty',
  'gapAnalysis',
  'surface',
  'compareNetworks',
] as const satisfies readonly MethodName[];
export type OffThreadMethod = (typeof OFF_THREAD_METHODS)[number];

export const OFF_THREAD_LIMITS = {
  /** Longest a call may compute, ms; then the worker is stopped and the call refused. */
  callMs: 120_000,
  /** Calls waiting behind the running one. */
  queue: 8,
  /** The worker's JavaScript heap, MB (a computation that needs more is stopped, not the app). */
  heapMb: 3072,
  /** Your sites and imported candidates (and, to compare, competitors) a ranking takes. */
  candidates: 20_000,
};

/** Reference data as it is cloned into the worker: values only (the basemap's reader stays here). */
export type ClonedReference = Omit<Reference, 'basemap' | 'close'> & {
  basemap: Pick<Reference['basemap'], 'meta' | 'minzoom' | 'maxzoom'>;
};

export interface WorkerInit {
  reference: ClonedReference;
  /** The user database's file, opened read-only in the worker. */
  dbFile: string;
  info: { name: string; version: string; edition: 'electron' | 'web' | 'cli'; dataDir: string };
  importLimits?: ImportLimits;
}
export interface WorkerRequest {
  id: number;
  method: OffThreadMethod;
  args: unknown;
}
export interface WorkerReply {
  id: number;
  envelope: Envelope<unknown>;
}

let script: string | URL | undefined;
/** The worker's script: the bundled one in the desktop app (electron/main sets it), else the TypeScript sources through tsx. */
export function setOffThreadScript(path: string): void {
  script = path;
}
const workerScript = () => script ?? new URL('../workers/worker-entry.mjs', import.meta.url);

/** A result the worker has already checked against the contract (dispatch does not check it again on the main thread). */
export class CheckedResult {
  constructor(readonly value: unknown) {}
}

interface Pending {
  id: number;
  method: OffThreadMethod;
  args: unknown;
  resolve(result: CheckedResult): void;
  reject(error: Error): void;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** The worker and its queue; started on the first call, restarted after a crash or a time limit. */
export class OffThread {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private running: (Pending & { timer: NodeJS.Timeout }) | null = null;
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(
    private readonly init: () => WorkerInit,
    readonly limits = OFF_THREAD_LIMITS,
  ) {}

  /**
   * Runs `method` in the worker; resolves with its checked result.
   *
   * @throws ApiError with the worker's error code; UserInputError when the call passes the time
   *   limit or the worker runs out of memory; BusyError when too many calls wait
   */
  call(method: OffThreadMethod, args: unknown): Promise<CheckedResult> {
    if (this.queue.length >= this.limits.queue)
      return Promise.reject(new BusyError(`${this.queue.length} computations are waiting already; try again when they have finished`));
    return new Promise<CheckedResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, method, args, resolve, reject });
      void this.pump();
    });
  }

  /** Stops the worker; waiting calls are refused. */
  async close(): Promise<void> {
    for (const p of this.queue.splice(0)) p.reject(new BusyError('the app is closing'));
    await this.stop();
  }

  private async pump(): Promise<void> {
    if (this.running || this.queue.length === 0) return;
    const next = this.queue.shift() as Pending;
    try {
      await this.start();
    } catch (error) {
      next.reject(error as Error);
      return void this.pump();
    }
    const worker = this.worker as Worker;
    worker.ref();
    const timer = setTimeout(() => {
      this.fail(
        new UserInputError(
          `${next.method} took longer than ${seconds(this.limits.callMs)} and was stopped; rank fewer candidates, ask for fewer Monte-Carlo samples or a coarser grid`,
        ),
      );
    }, this.limits.callMs);
    this.running = { ...next, timer };
    worker.postMessage({ id: next.id, method: next.method, args: next.args } satisfies WorkerRequest);
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(workerScript(), {
      workerData: this.init(),
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb },
    });
    this.worker = worker;
    // The worker must not keep a command-line run alive once nothing waits for it.
    worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', (error) => reject(error));
    });
    worker.on('message', (reply: WorkerReply | { ready: true }) => {
      if (!('id' in reply) || reply.id !== this.running?.id) return;
      const done = this.running;
      clearTimeout(done.timer);
      this.running = null;
      worker.unref();
      if (reply.envelope.ok) done.resolve(new CheckedResult(reply.envelope.result));
      else done.reject(new ApiError(reply.envelope.error.code as ErrorCode, reply.envelope.error.message));
      void this.pump();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(
        memory
          ? new UserInputError(
              `${this.running?.method ?? 'the computation'} needed more than ${this.limits.heapMb} MB and was stopped; rank fewer candidates`,
            )
          : error,
      );
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.fail(new Error('the computation worker stopped'));
    });
    return this.ready;
  }

  /** Refuses the running call, stops the worker (a fresh one starts for the next call). */
  private fail(error: Error): void {
    const done = this.running;
    this.running = null;
    if (done) {
      clearTimeout(done.timer);
      done.reject(error);
    }
    void this.stop().then(() => this.pump());
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker) await worker.terminate();
  }
}
