/**
 * Import jobs for the app and the CLI: a file is checked first, then written in batches inside
 * one open transaction on a connection of its own, yielding to the event loop between batches so
 * the UI can poll progress and cancel. Cancel, an error or a crash leaves nothing: ROLLBACK, or
 * SQLite's own recovery of an uncommitted transaction when the process dies (WAL).
 */
import { randomUUID } from 'node:crypto';
import { secondConnection, type Db } from '../db/index.ts';
import { BusyError } from '../errors.ts';
import type { ImportReader, WriteOptions } from './reader.ts';
import { CancelledImport, type ImportSummary } from './store.ts';

export { DEFAULT_LIMITS, type ImportLimits } from './reader.ts';

export interface ImportJob {
  id: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  fraction: number;
  summary: ImportSummary | null;
  error: string | null;
}

export class ImportJobs {
  private jobs = new Map<string, ImportJob & { cancel: boolean; finished: Promise<void> }>();
  /** An import is writing (its transaction holds the database's write lock). */
  running = false;

  constructor(private readonly db: Db) {}

  /**
   * Starts an import; resolves the job id once the file has been checked (`reader.check`); the
   * writing continues in the background. `ended` runs when the job ends, with its status.
   *
   * @throws BusyError while another import runs; ImportError from `check`
   */
  async start(reader: ImportReader, options: WriteOptions, ended?: (status: ImportJob['status']) => void): Promise<string> {
    if (this.running) throw new BusyError('another import is still running; wait for it or cancel it');
    // Refused before a job exists: the caller gets the problems as the answer.
    await reader.check();
    const job = { id: randomUUID(), status: 'running', fraction: 0, summary: null, error: null, cancel: false } as ImportJob & {
      cancel: boolean;
      finished: Promise<void>;
    };
    const control = { shouldCancel: () => job.cancel, onProgress: (f: number) => (job.fraction = Math.min(1, f)) };
    // A connection of its own for the job's long transaction, closed when the job ends.
    const writer = secondConnection(this.db);
    this.running = true;
    const finish = (patch: Partial<ImportJob>) => {
      if (writer !== this.db) writer.close();
      Object.assign(job, patch);
      this.running = false;
      ended?.(job.status);
    };
    job.finished = reader.write(writer, options, control).then(
      (summary) => finish({ status: 'done', fraction: 1, summary }),
      (error: unknown) =>
        error instanceof CancelledImport ? finish({ status: 'cancelled' }) : finish({ status: 'failed', error: (error as Error).message }),
    );
    this.jobs.set(job.id, job);
    return job.id;
  }

  status(id: string): ImportJob | null {
    const job = this.jobs.get(id);
    if (!job) return null;
    const { cancel: _cancel, finished: _finished, ...rest } = job;
    return rest;
  }

  /** Resolves when the job has ended (whatever its status). */
  async finished(id: string): Promise<ImportJob | null> {
    await this.jobs.get(id)?.finished;
    return this.status(id);
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.status !== 'running') return false;
    job.cancel = true;
    return true;
  }
}
