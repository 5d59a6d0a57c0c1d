/**
 * Worker entry of an import (see import.ts): builds the network file at the temporary path and
 * reports progress; the parent publishes it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildNetworkFile, importErrorOf } from './import.ts';
import type { ReadOptions } from './read.ts';

const { file, tmp, extrasTmp, options } = workerData as { file: string; tmp: string; extrasTmp?: string; options: ReadOptions };
let last = 0;
try {
  const meta = await buildNetworkFile(
    file,
    tmp,
    options,
    (progress) => {
      const now = performance.now();
      // A few messages a second are enough for a progress bar.
      if (now - last > 200 || progress.fraction >= 1) {
        last = now;
        parentPort?.postMessage({ type: 'progress', progress });
      }
    },
    undefined,
    extrasTmp,
  );
  parentPort?.postMessage({ type: 'written', meta });
} catch (e) {
  const err = importErrorOf(e);
  parentPort?.postMessage({ type: 'error', message: err.message, code: err.code });
}
