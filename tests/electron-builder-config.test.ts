/**
 * Issue 13 item 17: the packaging config flips Electron's fuses, and electron-builder (the version
 * installed) accepts it: its own schema validator runs here, as it does at the start of `npm run dist`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../electron/testing/temp-backend.ts';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const config = yaml.load(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8'));

describe('electron-builder.yml', () => {
  it('flips the fuses that close Node-level entry points', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // The off-thread worker is started from a path: it must be a real file next to the archive.
    expect(config['asarUnpack']).toContain('dist/electron/heavy-worker.cjs');
  });

  it("passes electron-builder's schema (which refuses an unknown fuse)", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const wrong = { ...config, electronFuses: { ...(config['electronFuses'] as object), runAsNodeTypo: false } };
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/does not match the API schema/);
  });
});
