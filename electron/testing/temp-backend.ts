/** Test helper: a backend on a fresh temporary data folder and the repository's built basemap. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../backend.ts';
import { appPaths, appRootFrom } from '../node/paths.ts';

export const REPO_ROOT = appRootFrom(import.meta.url);

export function tempDir(prefix = 'siteselect-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tempBackend(edition: 'web' | 'cli' = 'web'): Backend & { dispose(): void } {
  const { dir, remove } = tempDir();
  const backend = openBackend({ paths: appPaths(REPO_ROOT), dataDir: dir, edition });
  return {
    ...backend,
    dispose() {
      backend.close();
      remove();
    },
  };
}
