/** Test helper: a backend on a fresh temporary data folder and the repository's built basemap. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../backend.ts';
import { dispatch } from '../handlers/index.ts';
import { appPaths, appRootFrom } from '../node/paths.ts';

export const REPO_ROOT = appRootFrom(import.meta.url);

export function tempDir(prefix = 'siteselect-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tempBackend(
  edition: 'web' | 'cli' = 'web',
  importLimits?: Parameters<typeof openBackend>[0]['importLimits'],
): Backend & { dispose(): void } {
  const { dir, remove } = tempDir();
  const backend = openBackend({ paths: appPaths(REPO_ROOT), dataDir: dir, edition, ...(importLimits ? { importLimits } : {}) });
  return {
    ...backend,
    dispose() {
      backend.close();
      remove();
    },
  };
}

/** Calls a method and returns its result, failing the test with the API's message otherwise. */
export async function callOk<T>(backend: Backend, method: string, args: unknown): Promise<T> {
  const res = await dispatch(backend.api, method, args);
  if (!res.ok) throw new Error(res.error.message);
  return res.result as T;
}
