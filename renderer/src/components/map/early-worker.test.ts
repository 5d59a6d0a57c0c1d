import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adoptEarlyWorker, startEarlyWorker } from './early-worker.ts';

/** Stands in for the browser's Worker (vitest runs in Node): records what was created. */
class FakeWorker {
  static created: FakeWorker[] = [];
  constructor(
    readonly url: string | URL,
    readonly options?: WorkerOptions,
  ) {
    FakeWorker.created.push(this);
  }
}

const URL_A = 'http://127.0.0.1:5178/assets/maplibre-gl-worker-abc.mjs';
const native = globalThis.Worker;

beforeEach(() => {
  FakeWorker.created = [];
  globalThis.Worker = FakeWorker as unknown as typeof Worker;
  delete globalThis.__siteselectEarlyWorker;
});
afterEach(() => {
  globalThis.Worker = native;
  delete globalThis.__siteselectEarlyWorker;
});

describe('early worker', () => {
  it('hands the worker started early to the first `new Worker` of the same URL, and only that one', () => {
    startEarlyWorker(URL_A);
    expect(FakeWorker.created).toHaveLength(1);
    const early = FakeWorker.created[0];
    expect(early?.options).toEqual({ type: 'module' });
    const got: Worker[] = [];
    const taken = adoptEarlyWorker(URL_A, () => {
      got.push(new Worker(URL_A, { type: 'module' }), new Worker(URL_A, { type: 'module' }), new Worker('other.js'));
    });
    expect(taken).toBe(true);
    expect(got[0]).toBe(early);
    // The second and any other URL are new workers.
    expect(got[1]).not.toBe(early);
    expect(FakeWorker.created.map((w) => String(w.url))).toEqual([URL_A, URL_A, 'other.js']);
    expect(globalThis.__siteselectEarlyWorker?.adopted).toBe(true);
    // The global is the same constructor again afterwards.
    expect(globalThis.Worker).toBe(FakeWorker);
  });

  it('leaves `start` to create its own worker when none was started, or for another URL', () => {
    let made: unknown;
    expect(adoptEarlyWorker(URL_A, () => (made = new Worker(URL_A)))).toBe(false);
    expect(made).toBe(FakeWorker.created[0]);

    startEarlyWorker(URL_A);
    expect(adoptEarlyWorker('http://127.0.0.1:5178/assets/other.mjs', () => new Worker('x.js'))).toBe(false);
    expect(globalThis.__siteselectEarlyWorker?.adopted).toBe(false);
  });

  it('gives the early worker out once, and restores `Worker` when `start` throws', () => {
    startEarlyWorker(URL_A);
    expect(() =>
      adoptEarlyWorker(URL_A, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(globalThis.Worker).toBe(FakeWorker);
    // Not taken by the failed start: still there for the next.
    expect(adoptEarlyWorker(URL_A, () => new Worker(URL_A))).toBe(true);
    expect(adoptEarlyWorker(URL_A, () => new Worker(URL_A))).toBe(false);
  });

  it('starts nothing where workers do not exist', () => {
    globalThis.Worker = undefined as unknown as typeof Worker;
    startEarlyWorker(URL_A);
    expect(globalThis.__siteselectEarlyWorker).toBeUndefined();
  });
});
