/**
 * The issue-16 commands through runCli: --as-of on the commands that compute on the network,
 * the stored year, two years compared, and the OSM match review on the Hengshan fixture (in a
 * data folder of its own, so the imported extract changes no other test's network).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../testing/temp-backend.ts';
import { runCli } from './siteselect.ts';
import { parseAsOf } from './years-command.ts';

const data = tempDir();
const osmData = tempDir();
afterAll(() => {
  data.remove();
  osmData.remove();
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

async function json<T>(args: string[], dir = data.dir): Promise<T> {
  const c = capture();
  const code = await runCli([...args, '--data-dir', dir], c.io);
  if (code !== 0) throw new Error(`exit ${code}: ${c.err.join('\n')}`);
  return JSON.parse(c.out.join('\n')) as T;
}

const profileFile = () => {
  const presets = JSON.parse(readFileSync(join(REPO_ROOT, 'data/profile-presets.json'), 'utf8')) as { presets: { profile: object }[] };
  const path = join(data.dir, 'profile.json');
  writeFileSync(path, JSON.stringify(presets.presets[0]?.profile));
  return path;
};

describe('--as-of', () => {
  it('reads a year, or "now" for the network as its data stands', () => {
    expect(parseAsOf('2030')).toBe(2030);
    expect(parseAsOf(' now ')).toBeNull();
    expect(parseAsOf(undefined)).toBeUndefined();
  });

  it.each(['1800', '2101', '20x0', '2030.5', '', 'next'])('refuses %j with the range it accepts', (text) => {
    expect(() => parseAsOf(text)).toThrow(/--as-of must be a year from 1900 to 2100, or "now"/);
  });

  it('travel-times in an early year names that year, and no time is shorter than today', async () => {
    type T = { network: { year: number | null }; facilities: Record<string, { minutes: number } | null> };
    const from = ['--from', '109.74,28.31'];
    const early = await json<T>(['travel-times', ...from, '--as-of', '2005']);
    const now = await json<T>(['travel-times', ...from]);
    expect(early.network.year).toBe(2005);
    expect(now.network.year).toBeNull();
    const a = early.facilities['interchange']?.minutes ?? Infinity;
    const b = now.facilities['interchange']?.minutes ?? Infinity;
    expect(a).toBeGreaterThan(b);
  });

  it('score --as-of ranks in that year, naming it', async () => {
    const profile = profileFile();
    const r = await json<{ network: { year: number | null }; uncovered: number }>(['score', '--profile', profile, '--as-of', '2010']);
    expect(r.network.year).toBe(2010);
    expect(r.uncovered).toBeGreaterThan(0);
  });

  it.each([
    [['travel-times', '--from', '112.57,26.89', '--as-of', '1850']],
    [['isochrone', '--from', '112.57,26.89', '--out', 'x.geojson', '--as-of', 'soon']],
    [['score', '--profile', 'p.json', '--as-of', '3000']],
  ])('%j fails with exit 2 and says what a year is', async (args) => {
    const c = capture();
    expect(await runCli([...args, '--data-dir', data.dir], c.io)).toBe(2);
    expect(c.out).toEqual([]);
    expect(c.err.join('\n')).toMatch(/--as-of must be a year from 1900 to 2100/);
  });

  it('export-network refuses --as-of (it writes the stored network)', async () => {
    const c = capture();
    expect(await runCli(['export-network', '--out', 'x.geojson', '--as-of', '2030', '--data-dir', data.dir], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/export-network has no --as-of/);
  });
});

describe('network year and network compare', () => {
  it('sets, prints and clears the stored year; later commands compute in it', async () => {
    expect(await json(['network', 'year', '2010'])).toEqual({ year: 2010 });
    const shown = await json<{ year: number | null; years: number[]; closed: number }>(['network', 'year']);
    expect(shown.year).toBe(2010);
    expect(shown.years.length).toBeGreaterThan(0);
    expect(shown.closed).toBeGreaterThan(0);
    const t = await json<{ network: { year: number | null } }>(['travel-times', '--from', '112.57,26.89']);
    expect(t.network.year).toBe(2010);
    expect(await json(['network', 'year', 'now'])).toEqual({ year: null });
    const c = capture();
    expect(await runCli(['network', 'year', '1492', '--data-dir', data.dir], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/network year must be a year from 1900 to 2100/);
    expect((await json<{ year: number | null }>(['network', 'year'])).year).toBeNull();
  });

  it('compares two years: both sides named, rank changes, and time only saved', async () => {
    const profile = profileFile();
    const r = await json<{
      a: { year: number | null };
      b: { year: number | null };
      changed: number;
      rows: { change: number | null }[];
      timeSaved: { min: number; max: number };
    }>(['network', 'compare', '--profile', profile, '--a', '2010', '--b', '2030', '--cell-km', '10']);
    expect([r.a.year, r.b.year]).toEqual([2010, 2030]);
    expect(r.changed).toBeGreaterThan(0);
    expect(r.rows.some((x) => x.change !== null && x.change !== 0)).toBe(true);
    expect(r.timeSaved.max).toBeGreaterThan(0);
    expect(r.timeSaved.min).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it.each([
    [['network', 'compare'], /--profile FILE.json/],
    [['network', 'compare', '--profile', 'p.json', '--a', 'yesterday'], /--a must be a year/],
    [['network', 'compare', '--profile', 'p.json', '--b-network', 'roads'], /--b-network must be osm or schematic/],
  ])('%j fails with exit 2 and a clear message', async (args, message) => {
    const c = capture();
    expect(await runCli([...args, '--data-dir', data.dir], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(message);
  });
});

describe('osm matches', () => {
  type Match = { id: string; kind: string; status: string };
  type Matches = { available: boolean; matches: Match[] };

  it('lists nothing before an extract is imported, and says why a decision cannot be taken', async () => {
    expect((await json<Matches>(['osm', 'matches'], osmData.dir)).available).toBe(false);
    const c = capture();
    expect(await runCli(['osm', 'accept', 'park:park-hengyang-hengdong:way/2101', '--data-dir', osmData.dir], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/no OpenStreetMap extract/);
  });

  it('after importing the Hengshan fixture: accept, reject and undo by id', async () => {
    const c = capture();
    const file = join(REPO_ROOT, 'tests/fixtures/osm/hengshan.osm');
    expect(await runCli(['network', 'import', file, '--whole', '--data-dir', osmData.dir], c.io)).toBe(0);
    const pending = await json<Matches>(['osm', 'matches'], osmData.dir);
    expect(pending.available).toBe(true);
    const park = pending.matches.find((m) => m.kind === 'park') as Match;
    const station = pending.matches.find((m) => m.kind === 'station') as Match;
    expect(park && station).toBeTruthy();

    expect(await json<Match>(['osm', 'accept', park.id], osmData.dir)).toMatchObject({ id: park.id, status: 'accepted' });
    expect(await json<Match>(['osm', 'reject', station.id], osmData.dir)).toMatchObject({ id: station.id, status: 'rejected' });
    const all = await json<Matches>(['osm', 'matches', '--all'], osmData.dir);
    expect(all.matches.filter((m) => m.status !== 'pending').map((m) => [m.id, m.status])).toEqual(
      expect.arrayContaining([
        [park.id, 'accepted'],
        [station.id, 'rejected'],
      ]),
    );
    // A decided match cannot be decided again without an undo.
    const again = capture();
    expect(await runCli(['osm', 'accept', park.id, '--data-dir', osmData.dir], again.io)).toBe(1);
    expect(again.err.join('\n')).toMatch(/already accepted; undo it first/);

    for (const m of [park, station]) expect(await json<Match>(['osm', 'undo', m.id], osmData.dir)).toMatchObject({ status: 'pending' });
    const back = await json<Matches>(['osm', 'matches'], osmData.dir);
    expect(back.matches.map((m) => m.id).sort()).toEqual(pending.matches.map((m) => m.id).sort());
  }, 90_000);

  it.each([
    [['osm'], 2, /osm needs matches, accept, reject or undo/],
    [['osm', 'accept'], 2, /needs exactly one match ID/],
    [['osm', 'undo', 'park:x:way/1', 'extra'], 2, /needs exactly one match ID/],
    [['osm', 'accept', 'not-an-id'], 1, /a match id is kind:feature-id:type\/osm-id/],
  ])('%j fails with exit %i and a clear message', async (args, code, message) => {
    const c = capture();
    expect(await runCli([...args, '--data-dir', osmData.dir], c.io)).toBe(code);
    expect(c.err.join('\n')).toMatch(message);
  });
});
