import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../testing/temp-backend.ts';

describe('crash safety', () => {
  it('a killed import leaves an intact database and no partial layer', async () => {
    const dir = tempDir('siteselect-kill-');
    try {
      const rows = ['name,lng,lat'];
      for (let i = 0; i < 300_000; i++)
        rows.push(`p${i},${(110 + (i % 1000) / 1000).toFixed(5)},${(26 + Math.floor(i / 1000) / 1000).toFixed(5)}`);
      const big = join(dir.dir, 'big.csv');
      writeFileSync(big, `${rows.join('\n')}\n`);
      const dbFile = join(dir.dir, 'siteselect.db');
      const child = spawn(
        process.execPath,
        [join(REPO_ROOT, 'bin/siteselect.mjs'), 'import', big, '--crs', 'wgs84', '--data-dir', dir.dir],
        { stdio: 'ignore' },
      );
      const exited = new Promise((r) => child.on('exit', r));
      // Wait until the database exists and is migrated (the CLI has started), then let the import
      // run a little (parsing 300,000 rows takes about a second) and kill it.
      // A cold start (TypeScript compiled on first run) can take many seconds on a busy machine.
      let migrated = false;
      for (let i = 0; i < 2000 && !migrated; i++) {
        if (existsSync(dbFile)) {
          const probe = new Database(dbFile, { readonly: true, fileMustExist: true });
          migrated = (probe.pragma('user_version', { simple: true }) as number) > 0;
          probe.close();
        }
        if (!migrated) await new Promise((r) => setTimeout(r, 20));
      }
      expect(migrated, 'the CLI migrated the database within 40 s').toBe(true);
      await new Promise((r) => setTimeout(r, 900));
      child.kill('SIGKILL');
      await exited;
      const db = new Database(dbFile);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const layers = db.prepare('SELECT id FROM user_layers').pluck().all() as string[];
        for (const id of layers) expect(db.prepare('SELECT count(*) FROM user_features WHERE layer_id = ?').pluck().get(id)).toBe(300_000);
        expect(db.prepare('SELECT count(*) FROM user_features WHERE layer_id NOT IN (SELECT id FROM user_layers)').pluck().get()).toBe(0);
      } finally {
        db.close();
      }
    } finally {
      dir.remove();
    }
  }, 90_000);
});
