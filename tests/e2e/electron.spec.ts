/**
 * The desktop edition, driven through Playwright's Electron support. Runs where the Electron
 * runtime binary is installed (and better-sqlite3 rebuilt for it: `npm run rebuild:electron`);
 * elsewhere it is reported as skipped with the reason.
 */
import { _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METHOD_NAMES } from '../../electron/contract/methods.ts';
import { expect, RESULTS, ROOT, test } from './fixtures.ts';

function electronBinary(): { path: string | null; reason: string } {
  const require = createRequire(import.meta.url);
  const pathFile = join(require.resolve('electron/package.json'), '..', 'path.txt');
  if (!existsSync(pathFile))
    return {
      path: null,
      reason:
        'the Electron runtime binary is not installed (its download is not reachable from this machine); the browser edition tests cover the same renderer and handlers',
    };
  const binary = join(require.resolve('electron/package.json'), '..', 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? { path: binary, reason: '' } : { path: null, reason: `Electron binary missing at ${binary}` };
}

const runtime = electronBinary();

test('desktop window loads the map through the siteselect:// protocol', async () => {
  if (runtime.path === null) console.log(`Electron test skipped: ${runtime.reason}`);
  test.skip(runtime.path === null, runtime.reason);
  const userData = mkdtempSync(join(tmpdir(), 'siteselect-electron-'));
  const app = await electron.launch({ executablePath: runtime.path ?? undefined, args: [ROOT, `--user-data-dir=${userData}`], cwd: ROOT });
  try {
    const win = await app.firstWindow();
    await win.locator('.map[data-map-idle="true"]').waitFor({ timeout: 60_000 });
    expect(new URL(win.url()).protocol).toBe('siteselect:');
    // The bridge exposes one named function per method of the contract, nothing else (no ipcRenderer).
    expect(await win.evaluate(() => Object.keys(window.siteselect ?? {}).sort())).toEqual([...METHOD_NAMES].sort());
    // The app's own page may call the API over IPC (the sender check accepts siteselect://app frames).
    expect(await win.evaluate(() => window.siteselect?.getSettings())).toMatchObject({ ok: true });
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    const settings = await win.evaluate(() => window.siteselect?.updateSettings({ language: 'fr' as never }));
    expect(settings).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    await win.screenshot({ path: join(RESULTS, 'electron.png') });
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
