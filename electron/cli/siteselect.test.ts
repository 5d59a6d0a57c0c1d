import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../testing/temp-backend.ts';
import { runCli } from './siteselect.ts';

const data = tempDir();
afterAll(() => data.remove());

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('siteselect CLI', () => {
  it('prints the package version', async () => {
    const c = capture();
    expect(await runCli(['--version'], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists layers as JSON with ids, names and counts', async () => {
    const c = capture();
    expect(await runCli(['layers', '--data-dir', data.dir], c.io)).toBe(0);
    const layers = JSON.parse(c.out.join('\n')) as { id: string; name_zh: string; featureCount: number }[];
    expect(layers.map((l) => l.id)).toEqual(expect.arrayContaining(['counties', 'prefectures']));
    expect(layers.find((l) => l.id === 'counties')?.featureCount).toBeGreaterThan(600);
  });

  it('reports an unknown command on stderr with exit code 2', async () => {
    const c = capture();
    expect(await runCli(['frobnicate'], c.io)).toBe(2);
    expect(c.out).toEqual([]);
    expect(c.err.join('\n')).toMatch(/unknown command "frobnicate"/);
  });

  it('reports an unknown option with exit code 2', async () => {
    const c = capture();
    expect(await runCli(['layers', '--colour', 'red'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/colour/);
  });

  it('runs as the installed bin script: JSON on stdout, errors on stderr', () => {
    const bin = join(REPO_ROOT, 'bin', 'siteselect.mjs');
    const stdout = execFileSync(process.execPath, [bin, 'layers', '--data-dir', data.dir], { encoding: 'utf8' });
    expect(JSON.parse(stdout)).toBeInstanceOf(Array);
    const bad = spawnSync(process.execPath, [bin, 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/unknown command/);
  });
});
