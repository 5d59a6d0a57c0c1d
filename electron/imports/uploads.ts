/**
 * Staging a user's file for import, chunk by chunk, so a file of hundreds of MB crosses IPC or the
 * loopback HTTP API without ever being held whole in memory on either side. Chunks are appended
 * in order to `<dataDir>/uploads/<uuid>.part`; the path is built here from a server-made id, never
 * from anything the renderer sends. Staged files are removed after the import (or on discard);
 * any left over from a crash are removed a day later, when the app next starts. At most
 * MAX_STAGED_UPLOADS are staged at once, and one left untouched for STAGED_IDLE_MS is removed
 * when another begins (a renderer that starts uploads and never finishes cannot fill the disk).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError } from './parse.ts';

/** Largest file that can be staged, bytes. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
/** Largest chunk accepted by one call, bytes (before base64). */
export const MAX_CHUNK_BYTES = 4 * 1024 * 1024;

const STALE_MS = 24 * 3600 * 1000;
/** Files staged at once (the app stages one at a time; a few for retries). */
export const MAX_STAGED_UPLOADS = 16;
/** A staged file not touched for this long is given up, ms. */
export const STAGED_IDLE_MS = 3600 * 1000;

export interface StagedFile {
  id: string;
  name: string;
  size: number;
  path: string;
  received: number;
  /** A file of the user's own, staged where it is (the CLI): never removed by discard. */
  borrowed?: true;
  /** When it was last begun or appended to (the clock's ms). */
  touched: number;
}

export class Uploads {
  private readonly staged = new Map<string, StagedFile>();
  private readonly dir: string;

  /**
   * @param clock - ms since the epoch (tests set it)
   * @param clean - remove what a crash left (false where another thread of the same app already did)
   */
  constructor(
    dataDir: string,
    private readonly clock: () => number = Date.now,
    clean = true,
  ) {
    this.dir = join(dataDir, 'uploads');
    if (!clean) return;
    // Left over from a crash: nothing refers to them any more (another running instance's are recent).
    for (const file of this.filesOnDisk()) {
      const path = join(this.dir, file);
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    }
  }

  begin(name: string, size: number): { uploadId: string; chunkBytes: number } {
    if (!Number.isSafeInteger(size) || size <= 0) throw new ImportError(`"${name}" is empty`);
    if (size > MAX_UPLOAD_BYTES)
      throw new ImportError(`"${name}" is ${(size / 1e6).toFixed(0)} MB; the limit is ${MAX_UPLOAD_BYTES / 1e6} MB`);
    const now = this.clock();
    for (const f of [...this.staged.values()]) if (!f.borrowed && now - f.touched > STAGED_IDLE_MS) this.discard(f.id);
    if ([...this.staged.values()].filter((f) => !f.borrowed).length >= MAX_STAGED_UPLOADS)
      throw new ImportError(`${MAX_STAGED_UPLOADS} files are staged already; finish or discard one before staging "${name}"`);
    mkdirSync(this.dir, { recursive: true });
    const id = randomUUID();
    const path = join(this.dir, `${id}.part`);
    appendFileSync(path, new Uint8Array(0));
    this.staged.set(id, { id, name, size, path, received: 0, touched: now });
    return { uploadId: id, chunkBytes: MAX_CHUNK_BYTES };
  }

  /**
   * Stages a file already on this machine where it is, without copying it (the CLI, which reads
   * the user's files directly). Discarding it forgets it and leaves the file alone.
   */
  stageLocal(path: string, name: string): { uploadId: string } {
    let size: number;
    try {
      size = statSync(path).size;
    } catch (error) {
      throw new ImportError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
    }
    if (size === 0) throw new ImportError(`"${name}" is empty`);
    const id = randomUUID();
    this.staged.set(id, { id, name, size, path, received: size, borrowed: true, touched: this.clock() });
    return { uploadId: id };
  }

  /** Appends the chunk that starts at `offset`; chunks come in order and may not pass the declared size. */
  append(id: string, offset: number, bytes: Uint8Array): { received: number; complete: boolean } {
    const f = this.get(id);
    if (offset !== f.received) throw new ImportError(`upload of "${f.name}": chunk at byte ${offset}, expected byte ${f.received}`);
    if (bytes.length === 0 || bytes.length > MAX_CHUNK_BYTES)
      throw new ImportError(`upload of "${f.name}": a chunk must hold 1 to ${MAX_CHUNK_BYTES} bytes`);
    if (f.received + bytes.length > f.size) throw new ImportError(`upload of "${f.name}": more bytes than the declared ${f.size}`);
    appendFileSync(f.path, bytes);
    f.received += bytes.length;
    f.touched = this.clock();
    return { received: f.received, complete: f.received === f.size };
  }

  /** The staged file, which must be complete. */
  complete(id: string): StagedFile {
    const f = this.get(id);
    if (f.received !== f.size || statSync(f.path).size !== f.size)
      throw new ImportError(`upload of "${f.name}" is incomplete (${f.received} of ${f.size} bytes)`);
    return f;
  }

  discard(id: string): boolean {
    const f = this.staged.get(id);
    if (!f) return false;
    this.staged.delete(id);
    if (!f.borrowed) rmSync(f.path, { force: true });
    return true;
  }

  /** Staged files on disk (for tests and diagnostics). */
  filesOnDisk(): string[] {
    try {
      return readdirSync(this.dir);
    } catch {
      return [];
    }
  }

  private get(id: string): StagedFile {
    const f = this.staged.get(id);
    if (!f) throw new ImportError(`no upload "${id}" (it was finished, discarded, left idle for an hour, or the app restarted)`);
    return f;
  }
}
