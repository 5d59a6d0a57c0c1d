import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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

describe('siteselect network commands', () => {
  it('travel-times prints minutes per facility class and market', async () => {
    const c = capture();
    expect(await runCli(['travel-times', '--from', '112.57,26.89', '--data-dir', data.dir], c.io)).toBe(0);
    const r = JSON.parse(c.out.join('\n')) as {
      from: number[];
      facilities: Record<string, { minutes: number; id: string; name_zh: string } | null>;
      markets: Record<string, { minutes: number; via: unknown[] } | null>;
    };
    expect(r.from).toEqual([112.57, 26.89]);
    expect(r.facilities['interchange']).toMatchObject({ minutes: expect.any(Number), id: expect.any(String), name_zh: expect.any(String) });
    expect(r.markets['guangzhou']?.minutes).toBeGreaterThan(60);
    expect(Array.isArray(r.markets['shenzhen']?.via)).toBe(true);
  });

  it('isochrone writes nested areas to a GeoJSON file', async () => {
    const out = join(data.dir, 'iso.geojson');
    const c = capture();
    expect(await runCli(['isochrone', '--from', '112.57,26.89', '--minutes', '30,60,90', '--out', out, '--data-dir', data.dir], c.io)).toBe(
      0,
    );
    const fc = JSON.parse(readFileSync(out, 'utf8')) as { features: { properties: { minutes: number } }[] };
    expect(fc.features.map((f) => f.properties.minutes)).toEqual([30, 60, 90]);
  });

  it('export-network writes nodes and edges', async () => {
    const out = join(data.dir, 'net.geojson');
    const c = capture();
    expect(await runCli(['export-network', '--out', out, '--data-dir', data.dir], c.io)).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8')) as { features: { geometry: { type: string }; properties: Record<string, unknown> }[] };
    expect(fc.features.some((f) => f.geometry.type === 'Point' && typeof f.properties['id'] === 'string')).toBe(true);
    expect(
      fc.features.some(
        (f) =>
          f.geometry.type === 'LineString' && typeof f.properties['minutes'] === 'number' && typeof f.properties['length_m'] === 'number',
      ),
    ).toBe(true);
  });

  it.each([
    [['travel-times', '--from', '100,40'], 1, /outside the demonstration zone/],
    [['travel-times', '--from', 'NaN,26'], 2, /LON,LAT/],
    [['travel-times'], 2, /--from LON,LAT is required/],
    [['isochrone', '--from', '112.57,26.89', '--minutes', ',', '--out', 'x.geojson'], 2, /at least one number/],
    [['isochrone', '--from', '112.57,26.89', '--minutes', '60,30', '--out', 'x.geojson'], 1, /ascending/],
    [['isochrone', '--from', '112.57,26.89'], 2, /needs --out/],
  ])('%j fails with exit %i and a clear message', async (args, code, message) => {
    const c = capture();
    expect(await runCli([...args, '--data-dir', data.dir], c.io)).toBe(code);
    expect(c.out).toEqual([]);
    expect(c.err.join('\n')).toMatch(message);
  });
});

describe('siteselect score and mcda', () => {
  const fixtures = join(REPO_ROOT, 'tests/fixtures/mcda');

  it('mcda ahp gives the weights, λmax, CI and CR of a pairwise matrix', async () => {
    const c = capture();
    expect(await runCli(['mcda', 'ahp', '--pairwise', join(fixtures, 'leader-criteria.csv')], c.io)).toBe(0);
    const r = JSON.parse(c.out.join('\n')) as { weights: Record<string, number>; lambdaMax: number; ci: number; cr: number };
    expect(r.weights['Experience']).toBeCloseTo(0.548, 3);
    expect(Object.values(r.weights).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 9);
    expect(r.lambdaMax).toBeGreaterThan(4);
    expect(r.cr).toBeLessThan(0.1);
  });

  it('mcda topsis gives closeness and ranking', async () => {
    const c = capture();
    expect(
      await runCli(
        ['mcda', 'topsis', '--matrix', join(fixtures, 'tzeng-huang-2011.csv'), '--weights', '0.3,0.4,0.3', '--types', '1,1,1'],
        c.io,
      ),
    ).toBe(0);
    const r = JSON.parse(c.out.join('\n')) as { closeness: number[]; ranking: string[] };
    expect(r.closeness[2]).toBeCloseTo(0.7482, 4);
    expect(r.ranking).toEqual(['A3', 'A2', 'A1', 'A4']);
  });

  it('score ranks candidates from a profile file, as JSON or CSV', async () => {
    const profile = join(data.dir, 'profile.json');
    const presets = JSON.parse(readFileSync(join(REPO_ROOT, 'data/profile-presets.json'), 'utf8')) as {
      presets: { id: string; profile: object }[];
    };
    writeFileSync(
      profile,
      JSON.stringify({ ...presets.presets.find((p) => p.id === 'equipment')?.profile, limits: { maxInterchangeMinutes: 30 } }),
    );
    const json = capture();
    expect(await runCli(['score', '--profile', profile, '--data-dir', data.dir], json.io)).toBe(0);
    const r = JSON.parse(json.out.join('\n')) as { candidates: { rank: number | null; exclusions: { message_en: string }[] }[] };
    expect(r.candidates[0]?.rank).toBe(1);
    expect(
      r.candidates
        .filter((x) => x.rank === null)
        .every((x) => /interchange, over the limit of 30 min/.test(x.exclusions[0]?.message_en ?? '')),
    ).toBe(true);
    const csv = capture();
    expect(await runCli(['score', '--profile', profile, '--method', 'topsis', '--format', 'csv', '--data-dir', data.dir], csv.io)).toBe(0);
    expect(csv.out.join('\n').split('\n')[0]).toBe(
      'rank,id,name_zh,name_en,total,criterion,raw,unit,score,weight_pct,contribution,excluded_by',
    );
  });

  it.each([
    [['mcda', 'ahp', '--pairwise', 'missing.csv'], 1, /cannot read missing.csv/],
    [['mcda', 'topsis', '--matrix', 'x.csv'], 2, /needs --matrix FILE.csv --weights/],
    [['mcda', 'nope'], 2, /"ahp" or "topsis"/],
    [['score'], 2, /--profile FILE.json/],
  ])('%j fails with exit %i and a clear message', async (args, code, message) => {
    const c = capture();
    expect(await runCli(args, c.io)).toBe(code);
    expect(c.err.join('\n')).toMatch(message);
  });
});
