/**
 * Issue 20 against a real PostgreSQL 15 + PostGIS server: a throwaway database per test file
 * (team20_<random>, dropped afterwards) with its own login roles. Two app backends play two
 * agents. Skips, naming the reason, when PostgreSQL is not there.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { booleanPointInPolygon, point as turfPoint } from '@turf/turf';
import { haversineMetres, isochrones } from '../../geo/index.ts';
import type { PushResult, TeamConflict, TeamCountResult, TeamStatus } from '../contract/api.ts';
import { loadMigrations } from '../db/index.ts';
import { teamStore } from '../db/team-store.ts';
import { dispatch } from '../handlers/index.ts';
import { appPaths } from '../node/paths.ts';
import { psql } from '../roads/pgrouting.ts';
import { REPO_ROOT, tempBackend, tempDir } from '../testing/temp-backend.ts';
import { runCli } from '../cli/siteselect.ts';
import { createTeamServer, teamBackend, teamServerUnavailable, TEST_CA, tlsUnavailable, type TeamServer } from '../testing/team-server.ts';
import { openSession } from './connection.ts';
import { TeamService } from './service.ts';
import { push } from './sync.ts';
import { parseTeamUrl } from './url.ts';
import { mulberry32 } from '../../geo/mcda/wsm.ts';

const unavailable = teamServerUnavailable();
const MIGRATIONS = loadMigrations(appPaths(REPO_ROOT).teamMigrationsDir);

type Client = ReturnType<typeof teamBackend>;

async function call<T>(b: Client, method: string, args: unknown = {}): Promise<T> {
  const r = await dispatch(b.api, method, args);
  if (!r.ok) throw new Error(`${method}: [${r.error.code}] ${r.error.message}`);
  return r.result as T;
}

async function refused(b: Client, method: string, args: unknown = {}): Promise<{ code: string; message: string }> {
  const r = await dispatch(b.api, method, args);
  if (r.ok) throw new Error(`${method} was expected to fail, got ${JSON.stringify(r.result).slice(0, 200)}`);
  return r.error;
}

async function importPoints(b: Client, name: string, points: [number, number][]): Promise<string> {
  const csv = `名称,经度,纬度\n${points.map(([lng, lat], i) => `点${i},${lng},${lat}`).join('\n')}\n`;
  const { jobId } = await call<{ jobId: string }>(b, 'startImport', {
    name: `${name}.csv`,
    dataBase64: Buffer.from(csv).toString('base64'),
    layerName: name,
    role: 'reference',
    crs: 'wgs84',
  });
  await b.context.jobs.finished(jobId);
  const status = await call<{ status: string; summary: { layerId: string } | null; error: string | null }>(b, 'importStatus', { jobId });
  if (status.status !== 'done' || !status.summary) throw new Error(`import ${status.status}: ${status.error}`);
  return status.summary.layerId;
}

describe.skipIf(unavailable !== null)(`team server on PostgreSQL + PostGIS${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let server: TeamServer;
  let alice: Client;
  let bob: Client;
  const logins = {} as Record<'alice' | 'bob' | 'viewer', { name: string; password: string }>;
  let profile: unknown;

  beforeAll(async () => {
    server = createTeamServer();
    alice = teamBackend();
    bob = teamBackend();
    profile = (await call<{ profile: unknown }[]>(alice, 'profilePresets'))[0]?.profile;
    // The admin sets the server up through the app, as the README says.
    const admin = teamBackend();
    try {
      await call(admin, 'teamConfigure', { url: server.url(server.admin), password: server.admin.password });
      expect(await call(admin, 'teamInit')).toEqual({
        from: 0,
        to: MIGRATIONS.length,
        applied: MIGRATIONS.map((m) => expect.stringContaining(m.name)),
      });
      // Again: nothing to do.
      expect(await call(admin, 'teamInit')).toMatchObject({ from: MIGRATIONS.length, to: MIGRATIONS.length, applied: [] });
    } finally {
      admin.dispose();
    }
    logins.alice = server.login('alice', 'siteselect_editor');
    logins.bob = server.login('bob', 'siteselect_editor');
    logins.viewer = server.login('viewer', 'siteselect_viewer');
    await call(alice, 'teamConfigure', { url: server.url(logins.alice), password: logins.alice.password });
    await call(bob, 'teamConfigure', { url: server.url(logins.bob), password: logins.bob.password });
  }, 120_000);

  afterAll(() => {
    alice?.dispose();
    bob?.dispose();
    server?.drop();
  });

  it('connects over TLS and reads each user’s role; the password is kept sealed, never as text', async () => {
    const status = await call<TeamStatus>(alice, 'teamConnect');
    expect(status).toMatchObject({ connected: true, role: 'editor', tls: true, serverSchema: MIGRATIONS.length, passwordSource: 'saved' });
    expect(status.url).toBe(`postgresql://${logins.alice.name}@127.0.0.1:5432/${server.db}?sslmode=require`);
    const settings = JSON.stringify(alice.userDb.prepare('SELECT key, value FROM settings').all());
    expect(settings).not.toContain(logins.alice.password);
    expect(settings).toContain('teamPasswordSealed');
    expect(alice.secrets.sealedCount).toBe(1);
  });

  it('never logs the password: a URL carrying one is stored and logged without it', async () => {
    const lines: string[] = [];
    const spies = (['info', 'log', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
    );
    const c = teamBackend();
    try {
      const withPassword = server.url(logins.alice).replace(`${logins.alice.name}@`, `${logins.alice.name}:${logins.alice.password}@`);
      const configured = await call<TeamStatus>(c, 'teamConfigure', { url: withPassword });
      expect(configured.url).not.toContain(logins.alice.password);
      expect(await call<TeamStatus>(c, 'teamConnect')).toMatchObject({ connected: true, passwordSource: 'saved' });
      await call(c, 'addCandidateSite', { name: '日志检查', position: [112.6, 26.9] });
      await call(c, 'teamPush');
      // A wrong password: the failure is logged and reported, the password given is in neither.
      await call(c, 'teamConfigure', { url: server.url(logins.alice), password: `${logins.alice.password}-wrong` });
      const failed = await call<TeamStatus>(c, 'teamConnect');
      expect(failed).toMatchObject({ connected: false, error: { code: 'BAD_ARGUMENT' } });
      expect(failed.error?.message).toMatch(/refused the password of user/);
      expect(JSON.stringify(failed)).not.toContain(logins.alice.password);
    } finally {
      spies.forEach((s) => s.mockRestore());
      c.dispose();
    }
    const team = lines.filter((l) => l.startsWith('[team]'));
    expect(team.some((l) => l.includes(`connected to postgresql://${logins.alice.name}@127.0.0.1:5432/`))).toBe(true);
    expect(team.some((l) => l.includes('cannot connect'))).toBe(true);
    for (const l of lines) expect(l).not.toContain(logins.alice.password);
    // The browser edition and the CLI (no keychain) keep no password at all.
    const web = tempBackend();
    try {
      const e = await refused(web as Client, 'teamConfigure', { url: server.url(logins.alice), password: logins.alice.password });
      expect(e.message).toMatch(/cannot be kept safely here.*SITESELECT_TEAM_PASSWORD or PGPASSWORD.*pgpass/);
      expect(JSON.stringify(web.userDb.prepare('SELECT * FROM settings').all())).not.toContain(logins.alice.password);
    } finally {
      web.dispose();
    }
  });

  it('a teammate’s import appears in the other’s layers after a pull, with the author shown', async () => {
    const layerId = await importPoints(alice, '招商线索', [
      [112.57, 26.89],
      [112.61, 26.9],
      [113.02, 25.78],
    ]);
    const pushed = await call<PushResult>(alice, 'teamPush');
    expect(pushed).toMatchObject({ conflicts: [], features: 3 });
    expect(pushed.pushed).toBeGreaterThanOrEqual(1);
    const pulled = await call<{ applied: number; features: number }>(bob, 'teamPull');
    expect(pulled.features).toBe(3);
    const layers = await call<{ id: string; featureCount: number; author?: string; name_zh: string }[]>(bob, 'listLayers');
    expect(layers.find((l) => l.id === layerId)).toMatchObject({ featureCount: 3, author: logins.alice.name, name_zh: '招商线索' });
    const features = await call<{ features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] }>(
      bob,
      'getLayer',
      {
        id: layerId,
      },
    );
    expect(features.features.map((f) => f.geometry.coordinates)).toEqual([
      [112.57, 26.89],
      [112.61, 26.9],
      [113.02, 25.78],
    ]);
    expect(Object.keys(features.features[0]?.properties ?? {})).toEqual(['名称', '经度', '纬度']);
    // The server stamped the author itself, and the features are PostGIS points in WGS-84.
    expect(server.sql(`SELECT author, version FROM team.layers WHERE id = '${layerId}'`)).toEqual([[logins.alice.name, '1']]);
    expect(server.sql(`SELECT DISTINCT ST_SRID(geom), GeometryType(geom) FROM team.features WHERE layer_id = '${layerId}'`)).toEqual([
      ['4326', 'POINT'],
    ]);
    // Nothing left to push on either side.
    expect((await call<TeamStatus>(bob, 'teamStatus')).pending).toEqual({ records: 0, deletions: 0 });
    expect((await call<TeamStatus>(alice, 'teamStatus')).pending).toEqual({ records: 0, deletions: 0 });
  });

  it('two agents editing one scenario at once: one push lands, the other sees both versions, chooses, and the choice is logged', async () => {
    const saved = await call<{ id: string }>(alice, 'saveScenario', { name: '电子信息方案', payload: { profile } });
    await call(alice, 'teamPush');
    await call(bob, 'teamPull');
    await call(alice, 'renameScenario', { id: saved.id, name: '电子信息方案（衡阳）', notes: 'Alice' });
    await call(bob, 'renameScenario', { id: saved.id, name: '电子信息方案（郴州）', notes: 'Bob' });
    // Both push at the same moment: the server serialises them on the row; exactly one lands.
    const [a, b] = await Promise.all([call<PushResult>(alice, 'teamPush'), call<PushResult>(bob, 'teamPush')]);
    const results = [a, b];
    expect(results.filter((r) => r.conflicts.length === 0)).toHaveLength(1);
    const loser = a.conflicts.length > 0 ? alice : bob;
    const winner = loser === alice ? bob : alice;
    const loserName = loser === alice ? '电子信息方案（衡阳）' : '电子信息方案（郴州）';
    const winnerName = loser === alice ? '电子信息方案（郴州）' : '电子信息方案（衡阳）';
    expect((loser === alice ? a : b).conflicts).toEqual([{ kind: 'scenarios', id: saved.id }]);
    // The rolled-back push changed nothing on the server: the winner's version is there.
    expect(server.sql(`SELECT version, record->>'name' FROM team.scenarios WHERE id = '${saved.id}'`)).toEqual([['2', winnerName]]);
    // A further push is refused until the user chooses.
    expect((await refused(loser, 'teamPush')).message).toMatch(/choose which version to keep/);
    const [conflict] = await call<TeamConflict[]>(loser, 'teamConflicts');
    expect(conflict).toMatchObject({
      kind: 'scenarios',
      id: saved.id,
      mine: { version: 1, deleted: false, record: { name: loserName } },
      theirs: { version: 2, deleted: false, author: (winner === alice ? logins.alice : logins.bob).name, record: { name: winnerName } },
    });
    // Nothing was overwritten locally either.
    expect((await call<{ id: string; name: string }[]>(loser, 'listScenarios')).find((s) => s.id === saved.id)?.name).toBe(loserName);
    await call(loser, 'teamResolve', { kind: 'scenarios', id: saved.id, choice: 'mine' });
    const after = await call<PushResult>(loser, 'teamPush');
    expect(after).toMatchObject({ pushed: 1, conflicts: [] });
    expect(server.sql(`SELECT version, record->>'name' FROM team.scenarios WHERE id = '${saved.id}'`)).toEqual([['3', loserName]]);
    const log = server.sql(
      `SELECT actor, action, version, detail->>'choice', detail->'theirs'->>'version' FROM team.log WHERE record_id = '${saved.id}' ORDER BY id`,
    );
    expect(log).toContainEqual([(loser === alice ? logins.alice : logins.bob).name, 'resolve', '2', 'mine', '2']);
    // The winner takes the result in; "theirs" on a second conflict applies the server's copy.
    await call(winner, 'teamPull');
    expect((await call<{ id: string; name: string }[]>(winner, 'listScenarios')).find((s) => s.id === saved.id)?.name).toBe(loserName);
    await call(winner, 'renameScenario', { id: saved.id, name: '先改的', notes: '' });
    await call(loser, 'renameScenario', { id: saved.id, name: '后改的', notes: '' });
    await call(loser, 'teamPush');
    expect((await call<PushResult>(winner, 'teamPush')).conflicts).toHaveLength(1);
    await call(winner, 'teamResolve', { kind: 'scenarios', id: saved.id, choice: 'theirs' });
    expect((await call<{ id: string; name: string }[]>(winner, 'listScenarios')).find((s) => s.id === saved.id)?.name).toBe('后改的');
    expect(await call<PushResult>(winner, 'teamPush')).toMatchObject({ pushed: 0, logged: 1 });
    const entries = await call<{ action: string; recordId: string; detail: { choice?: string } }[]>(winner, 'teamLog', { limit: 5 });
    expect(entries[0]).toMatchObject({ action: 'resolve', recordId: saved.id, detail: { choice: 'theirs' } });
  });

  it('a deletion travels, and a scenario deleted on one side while renamed on the other is a conflict, not a silent loss', async () => {
    const site = await call<{ id: string }>(alice, 'addCandidateSite', { name: '白沙洲地块', position: [112.6, 26.85] });
    await call(alice, 'teamPush');
    await call(bob, 'teamPull');
    expect((await call<{ id: string }[]>(bob, 'listCandidateSites')).map((s) => s.id)).toContain(site.id);
    await call(alice, 'deleteCandidateSite', { id: site.id });
    expect((await call<TeamStatus>(alice, 'teamStatus')).pending.deletions).toBe(1);
    expect(await call<PushResult>(alice, 'teamPush')).toMatchObject({ deleted: 1 });
    expect(server.sql(`SELECT deleted, version FROM team.sites WHERE id = '${site.id}'`)).toEqual([['t', '2']]);
    await call(bob, 'teamPull');
    expect((await call<{ id: string }[]>(bob, 'listCandidateSites')).map((s) => s.id)).not.toContain(site.id);
    // Alice deletes a scenario Bob is renaming: Bob's push is a conflict showing the deletion.
    const plan = await call<{ id: string }>(alice, 'saveScenario', { name: '待删方案', payload: { profile } });
    await call(alice, 'teamPush');
    await call(bob, 'teamPull');
    await call(alice, 'deleteScenario', { id: plan.id });
    await call(alice, 'teamPush');
    await call(bob, 'renameScenario', { id: plan.id, name: '还要用的方案' });
    expect((await call<PushResult>(bob, 'teamPush')).conflicts).toEqual([{ kind: 'scenarios', id: plan.id }]);
    const [c] = await call<TeamConflict[]>(bob, 'teamConflicts');
    expect(c).toMatchObject({ mine: { deleted: false, record: { name: '还要用的方案' } }, theirs: { deleted: true, record: null } });
    await call(bob, 'teamResolve', { kind: 'scenarios', id: plan.id, choice: 'mine' });
    await call(bob, 'teamPush');
    expect(server.sql(`SELECT deleted, record->>'name' FROM team.scenarios WHERE id = '${plan.id}'`)).toEqual([['f', '还要用的方案']]);
  });

  it('refuses a viewer’s write on the server itself, and stamps authors the client cannot forge', async () => {
    const viewer = new pg.Client({
      host: '127.0.0.1',
      database: server.db,
      user: logins.viewer.name,
      password: logins.viewer.password,
      ssl: { rejectUnauthorized: false },
    });
    await viewer.connect();
    try {
      await viewer.query("SELECT set_config('siteselect.client_schema', $1, false)", [String(MIGRATIONS.length)]);
      expect((await viewer.query('SELECT count(*)::int AS n FROM team.layers')).rows[0].n).toBeGreaterThan(0);
      await expect(viewer.query(`INSERT INTO team.sites (id, version, record) VALUES ('v1', 1, '{}')`)).rejects.toMatchObject({
        code: '42501',
        message: 'permission denied for table sites',
      });
      await expect(viewer.query('DELETE FROM team.features')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await viewer.end();
    }
    // Through the app: the viewer's push is refused with FORBIDDEN before anything is sent.
    const v = teamBackend();
    try {
      await call(v, 'teamConfigure', { url: server.url(logins.viewer), password: logins.viewer.password });
      await call(v, 'addCandidateSite', { name: '看客的地块', position: [111.5, 27.2] });
      expect(await call<TeamStatus>(v, 'teamConnect')).toMatchObject({ role: 'viewer', connected: true });
      const e = await refused(v, 'teamPush');
      expect(e.code).toBe('FORBIDDEN');
      expect(e.message).toMatch(/viewer: pushing needs editor or admin/);
    } finally {
      v.dispose();
    }
    // An editor cannot sign as someone else, nor delete what another editor made (row-level security).
    const bobDirect = new pg.Client({
      host: '127.0.0.1',
      database: server.db,
      user: logins.bob.name,
      password: logins.bob.password,
      ssl: { rejectUnauthorized: false },
    });
    await bobDirect.connect();
    try {
      await bobDirect.query("SELECT set_config('siteselect.client_schema', $1, false)", [String(MIGRATIONS.length)]);
      const r = await bobDirect.query(
        `INSERT INTO team.sites (id, version, record, author, created_by) VALUES ('forged', 1, '{"id":"forged","name":"x","lng":1,"lat":1,"notes":"","created_at":"t"}', 'someone', 'someone') RETURNING author, created_by`,
      );
      expect(r.rows[0]).toEqual({ author: logins.bob.name, created_by: logins.bob.name });
      const aliceLayer = server.sql(`SELECT id, version FROM team.layers WHERE created_by = '${logins.alice.name}' LIMIT 1`)[0] as string[];
      await expect(
        bobDirect.query('UPDATE team.layers SET deleted = true, version = version + 1 WHERE id = $1', [aliceLayer[0]]),
      ).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/row-level security/) });
      // A version that does not follow on is refused too.
      await expect(bobDirect.query("UPDATE team.sites SET version = 7 WHERE id = 'forged'")).rejects.toMatchObject({
        code: 'SSVSN',
      });
    } finally {
      await bobDirect.end();
    }
  });

  it('a connection killed in the middle of a push leaves the server exactly as it was', async () => {
    const points = Array.from({ length: 12_000 }, (_, i): [number, number] => [111 + (i % 200) * 0.01, 25 + Math.floor(i / 200) * 0.01]);
    const layerId = await importPoints(alice, '大图层', points);
    await call(alice, 'addCandidateSite', { name: '同批地块', position: [112.1, 26.1] });
    const count = (table: string) => server.sql(`SELECT count(*) FROM team.${table}`)[0]?.[0];
    const before = { layers: count('layers'), features: count('features'), sites: count('sites'), log: count('log') };
    const a = parseTeamUrl(server.url(logins.alice));
    const session = await openSession(a, logins.alice.password, MIGRATIONS.length);
    const pid = (await session.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid as number;
    let killed = false;
    const store = teamStore(alice.userDb);
    await expect(
      push(session, store, (p) => {
        // Some records and features are already written in the open transaction: cut it here.
        if (!killed && p.done > 5000) {
          killed = true;
          psql('postgres', `SELECT pg_terminate_backend(${pid});`);
        }
      }),
    ).rejects.toThrow(/terminat|Connection/i);
    await session.close();
    expect(killed).toBe(true);
    expect({ layers: count('layers'), features: count('features'), sites: count('sites'), log: count('log') }).toEqual(before);
    expect(server.sql(`SELECT count(*) FROM team.layers WHERE id = '${layerId}'`)).toEqual([['0']]);
    // Locally everything still waits, and the next push sends it whole.
    expect((await call<TeamStatus>(alice, 'teamStatus')).pending.records).toBeGreaterThanOrEqual(2);
    const again = await call<PushResult>(alice, 'teamPush');
    expect(again).toMatchObject({ features: 12_000, conflicts: [] });
    expect(server.sql(`SELECT count(*) FROM team.features WHERE layer_id = '${layerId}'`)).toEqual([['12000']]);
  }, 120_000);

  it('counts a layer’s points within N km of each park on the server, as the local computation does', async () => {
    const rnd = mulberry32(20);
    const parks = (alice.context.layers().get('parks')?.collection.features ?? []).flatMap((f) =>
      f.geometry?.type === 'Point' ? [{ id: String(f.properties.id), p: f.geometry.coordinates as [number, number] }] : [],
    );
    const km = 15;
    // Points near the parks, leaving out any within 0.5 % of the radius from a park: there the
    // ellipsoid (PostGIS) and the sphere (our haversine) may differ, by up to about 0.5 %.
    const points: [number, number][] = [];
    while (points.length < 3000) {
      const park = parks[Math.floor(rnd() * parks.length)] as { p: [number, number] };
      const q: [number, number] = [park.p[0] + (rnd() - 0.5) * 0.5, park.p[1] + (rnd() - 0.5) * 0.5];
      if (parks.every((k) => Math.abs(haversineMetres(k.p, q) / 1000 - km) > km * 0.005)) points.push(q);
    }
    const layerId = await importPoints(alice, '企业点位', points);
    await call(alice, 'teamPush');
    const r = await call<{ counts: { id: string; count: number }[]; unit: string }>(alice, 'teamCountNear', { layerId, km });
    expect(r.unit).toBe('km');
    const local = parks.map((k) => ({ id: k.id, count: points.filter((q) => haversineMetres(k.p, q) <= km * 1000).length }));
    expect(r.counts.map(({ id, count }) => ({ id, count }))).toEqual(local);
    expect(local.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(1000);
    // A layer the server does not have is named.
    expect((await refused(alice, 'teamCountNear', { layerId: 'user-nope', km: 5 })).message).toMatch(/no layer "user-nope"/);
  }, 120_000);

  it('counts a layer’s points within N minutes of each park on the server (stored catchments), as the local isochrones do', async () => {
    const rnd = mulberry32(30);
    const parks = (alice.context.layers().get('parks')?.collection.features ?? []).flatMap((f) =>
      f.geometry?.type === 'Point' ? [{ id: String(f.properties.id), p: f.geometry.coordinates as [number, number] }] : [],
    );
    const points: [number, number][] = [];
    while (points.length < 3000) {
      const park = parks[Math.floor(rnd() * parks.length)] as { p: [number, number] };
      points.push([park.p[0] + (rnd() - 0.6) * 0.8, park.p[1] + (rnd() - 0.5) * 0.8]);
    }
    const layerId = await importPoints(alice, '分钟圈企业', points);
    await call(alice, 'teamPush');
    const minutes = 30;
    const first = await call<TeamCountResult>(alice, 'teamCountNear', { layerId, minutes });
    expect(first).toMatchObject({ unit: 'minutes', value: minutes });
    // The catchments are on the active network in the stored year, which the result names.
    expect(first.network).toMatch(/^Schematic network \(expressways and rail\)(, as of \d{4}-\d{2}(-\d{2})?)?; 2 km cells$/);
    expect(first.computedCatchments).toBeGreaterThan(0);
    // Asked again, the catchments are on the server already and the counts are the same.
    const again = await call<TeamCountResult>(alice, 'teamCountNear', { layerId, minutes });
    expect(again.computedCatchments).toBe(0);
    expect(again.counts).toEqual(first.counts);
    // The local computation for a sample of parks: the same isochrone (geo/surfaces) and turf's point-in-polygon.
    const net = alice.context.network.networkFor();
    const sample = parks.filter((_, k) => k % 7 === 0);
    const local = sample.map((park) => {
      const [area] = isochrones(net, park.p, [minutes], { cellKm: 2 });
      const count = area ? points.filter((q) => booleanPointInPolygon(turfPoint(q), area)).length : 0;
      return { id: park.id, count };
    });
    const server = sample.map((park) => ({ id: park.id, count: first.counts.find((c) => c.id === park.id)?.count ?? -1 }));
    expect(server).toEqual(local);
    expect(local.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(100);
  }, 180_000);

  it('a tour, a custom criterion and a park correction travel too, the correction as a PostGIS point', async () => {
    const stop = { center: [112.6, 26.9], zoom: 9, caption_zh: '衡阳', caption_en: 'Hengyang' };
    const tour = await call<{ id: string }>(alice, 'saveTour', { name_zh: '展会导览', name_en: 'Fair tour', stops: [stop] });
    const criterion = await call<{ id: string }>(alice, 'saveCustomCriterion', {
      name_zh: '电价',
      unit: '元/千瓦时',
      type: 'cost',
      source: '湖南省发改委 电价表（测试数据）',
      values: { 'park-huaihua-etdz': 0.62 },
    });
    await call(alice, 'setParkPosition', { park: 'park-huaihua-etdz', position: [110.0123, 27.5432], note: '管委会核实' });
    expect((await call<PushResult>(alice, 'teamPush')).conflicts).toEqual([]);
    expect(server.sql("SELECT author, ST_AsText(geom) FROM team.corrections WHERE id = 'park-huaihua-etdz'")).toEqual([
      [logins.alice.name, 'POINT(110.0123 27.5432)'],
    ]);
    await call(bob, 'teamPull');
    expect((await call<{ id: string; name_zh: string }[]>(bob, 'listTours')).find((t) => t.id === tour.id)?.name_zh).toBe('展会导览');
    const got = (await call<{ id: string; values: Record<string, number | null> }[]>(bob, 'listCustomCriteria')).find(
      (c) => c.id === criterion.id,
    );
    expect(got?.values).toEqual({ 'park-huaihua-etdz': 0.62 });
    const correction = (await call<{ park_id: string; position: number[]; note: string }[]>(bob, 'listParkCorrections')).find(
      (c) => c.park_id === 'park-huaihua-etdz',
    );
    expect(correction).toMatchObject({ position: [110.0123, 27.5432], note: '管委会核实' });
  });

  it('a station correction from OpenStreetMap travels as a station, with its citation and licence credit', async () => {
    const station = alice.context
      .layers()
      .get('rail-stations')
      ?.collection.features.find((f) => f.geometry?.type === 'Point');
    const id = String(station?.properties.id);
    const credit = '© OpenStreetMap contributors, ODbL 1.0';
    alice.context.stores.corrections.put({
      park_id: id,
      feature_kind: 'station',
      lng: 112.61,
      lat: 26.89,
      crs: 'wgs84',
      given_lng: 112.61,
      given_lat: 26.89,
      source: 'OpenStreetMap',
      osm_id: 'node/4242',
      citation: 'https://www.openstreetmap.org/node/4242',
      credit,
      note: '',
    });
    expect((await call<PushResult>(alice, 'teamPush')).conflicts).toEqual([]);
    await call(bob, 'teamPull');
    const got = bob.context.stores.corrections.list().find((c) => c.park_id === id);
    expect(got).toMatchObject({
      feature_kind: 'station',
      source: 'OpenStreetMap',
      osm_id: 'node/4242',
      citation: 'https://www.openstreetmap.org/node/4242',
      credit,
      lng: 112.61,
      lat: 26.89,
    });
    // Bob's stations layer carries it: the station stands where the correction puts it.
    const moved = bob.context
      .layers()
      .get('rail-stations')
      ?.collection.features.find((f) => f.properties.id === id);
    expect(moved?.geometry).toMatchObject({ type: 'Point', coordinates: [112.61, 26.89] });
  });
});

describe.skipIf(unavailable !== null)('siteselect team (the CLI)', () => {
  it('connects with --server and a password from the environment, pushes, pulls and shows the log', async () => {
    const server = createTeamServer();
    const dir = tempDir('siteselect-team-cli-');
    const saved = process.env['SITESELECT_TEAM_PASSWORD'];
    try {
      const editor = server.login('cli');
      process.env['SITESELECT_TEAM_PASSWORD'] = server.admin.password;
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) };
      const run = async (...args: string[]) => {
        out.length = 0;
        const code = await runCli(['team', ...args, '--data-dir', dir.dir], io);
        return { code, json: out.length ? (JSON.parse(out.join('\n')) as Record<string, unknown>) : null };
      };
      expect(await run('init', '--server', server.url(server.admin))).toMatchObject({ code: 0, json: { from: 0, to: MIGRATIONS.length } });
      server.grant(editor, 'siteselect_editor');
      process.env['SITESELECT_TEAM_PASSWORD'] = editor.password;
      expect(await run('connect', '--server', server.url(editor))).toMatchObject({
        code: 0,
        json: { connected: true, role: 'editor', passwordSource: 'env', tls: true },
      });
      expect(await run('push')).toMatchObject({ code: 0, json: { conflicts: [] } });
      expect(await run('pull')).toMatchObject({ code: 0, json: { conflicts: [] } });
      const log = await run('log', '--limit', '5');
      expect(log.code).toBe(0);
      expect(Array.isArray(log.json)).toBe(true);
      expect((await run('resolve', 'sites', 'x', 'perhaps')).code).toBe(2);
      // A password in the URL is not taken on the command line: it would be in the shell's history.
      const withPassword = server.url(editor).replace(`${editor.name}@`, `${editor.name}:${editor.password}@`);
      expect((await run('connect', '--server', withPassword)).code).toBe(1);
      expect(err.join('\n')).toMatch(/cannot be kept safely here/);
      expect(err.join('\n')).not.toContain(editor.password);
    } finally {
      if (saved === undefined) delete process.env['SITESELECT_TEAM_PASSWORD'];
      else process.env['SITESELECT_TEAM_PASSWORD'] = saved;
      dir.remove();
      server.drop();
    }
  }, 120_000);
});

describe.skipIf(unavailable !== null)('team server: schema versions', () => {
  it('migrates a server from the previous schema version, data kept; an app older than the server is refused', async () => {
    const server = createTeamServer();
    const b = teamBackend();
    try {
      const url = server.url(server.admin);
      const settings = b.context.stores.settings;
      const store = teamStore(b.userDb);
      const v1 = new TeamService({ store, settings, migrations: MIGRATIONS.slice(0, 1), secrets: b.secrets, log: () => undefined });
      await v1.configure({ url, password: server.admin.password });
      expect(await v1.init()).toMatchObject({ from: 0, to: 1 });
      await call(b, 'addCandidateSite', { name: '旧版地块', position: [112.6, 26.9] });
      expect(await v1.push()).toMatchObject({ pushed: 1 });
      expect(server.sql('SELECT max(version) FROM team.schema_version')).toEqual([['1']]);
      // This app (version 2) refuses the older server until an admin migrates it…
      const current = b.context.team;
      expect((await refused(b, 'teamPush')).message).toMatch(/schema is version 1, older than this app's \(2\).*team init/);
      expect(await current.init()).toMatchObject({ from: 1, to: 2, applied: ['0002_spatial-analysis'] });
      // …which kept the data and computed the new column for the existing row.
      expect(server.sql("SELECT record->>'name', ST_AsText(geom) FROM team.sites")).toEqual([['旧版地块', 'POINT(112.6 26.9)']]);
      expect(server.sql("SELECT action, detail::text FROM team.log WHERE action = 'migrate' ORDER BY id")).toEqual([
        ['migrate', '{"from" : 0, "to" : 1}'],
        ['migrate', '{"from" : 1, "to" : 2}'],
      ]);
      // The version-1 app is now refused: by itself on connecting, and by the server on any write.
      await expect(v1.push()).rejects.toThrow(/schema is version 2, newer than this app knows \(1\)/);
      const session = await openSession(parseTeamUrl(url), server.admin.password, 2);
      try {
        await session.client.query("SELECT set_config('siteselect.client_schema', '1', false)");
        await expect(session.client.query('SELECT team.hello(1)')).rejects.toMatchObject({ code: 'SSVER' });
        await expect(session.client.query('UPDATE team.sites SET deleted = deleted WHERE false')).rejects.toMatchObject({ code: 'SSVER' });
      } finally {
        await session.close();
      }
      expect(await call<PushResult>(b, 'teamPush')).toMatchObject({ conflicts: [] });
    } finally {
      b.dispose();
      server.drop();
    }
  }, 120_000);
});

describe.skipIf(unavailable !== null || tlsUnavailable() !== null)(
  `team server over TLS${(unavailable ?? tlsUnavailable()) ? ` (skipped: ${unavailable ?? tlsUnavailable()})` : ''}`,
  () => {
    let server: TeamServer;
    let tlsOnly: { name: string; password: string };
    beforeAll(() => {
      server = createTeamServer();
      // A member of siteselect_tls_only: pg_hba.conf refuses it any connection without TLS (.ci/postgres-tls.sh).
      tlsOnly = server.login('tls', 'siteselect_tls_only');
    });
    afterAll(() => server?.drop());

    const status = async (query: string, host = '127.0.0.1') => {
      const b = teamBackend();
      try {
        await call(b, 'teamConfigure', {
          url: `postgresql://${tlsOnly.name}@${host}:5432/${server.db}?${query}`,
          password: tlsOnly.password,
        });
        return await call<TeamStatus>(b, 'teamConnect');
      } finally {
        b.dispose();
      }
    };

    it('verify-full checks the certificate against the CA and the host name (localhost and 127.0.0.1 are both in it)', async () => {
      expect(await status(`sslmode=verify-full&sslrootcert=${TEST_CA}`)).toMatchObject({ connected: true, tls: true });
      expect(await status(`sslmode=verify-full&sslrootcert=${TEST_CA}`, 'localhost')).toMatchObject({ connected: true, tls: true });
      expect(await status(`sslmode=verify-ca&sslrootcert=${TEST_CA}`)).toMatchObject({ connected: true, tls: true });
    });

    it('verify-full without the CA is refused: the certificate cannot be verified', async () => {
      const s = await status('sslmode=verify-full');
      expect(s.connected).toBe(false);
      expect(s.error?.message).toMatch(/certificate could not be verified/);
    });

    it('sslmode=disable is refused by the server when it requires TLS', async () => {
      const s = await status('sslmode=disable');
      expect(s).toMatchObject({ connected: false, error: { code: 'FORBIDDEN' } });
      expect(s.error?.message).toMatch(/no encryption/);
    });
  },
);
