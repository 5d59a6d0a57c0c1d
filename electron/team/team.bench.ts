/**
 * The team server under load (issue 20), on a throwaway database of the local PostgreSQL:
 * - 20 concurrent clients, each pushing a new layer of 1,000 points and then pulling everyone's,
 *   for ROUNDS rounds: throughput (features per second) and p95 latency of push and pull, then
 *   integrity (every layer on the server whole, every client holding every layer, nothing pending);
 * - a layer of 1,000,000 points pushed through the app, and counts within N km (ST_DWithin on
 *   geography) and N minutes (stored catchments) of every park answered on the server, checked
 *   against the local computation for a sample of parks.
 * Run by `npm run bench` (BENCH_SKIP_TEAM=1 skips it; BENCH_TEAM_POINTS changes the million).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbox, booleanPointInPolygon } from '@turf/turf';
import { haversineMetres, isochrones } from '../../geo/index.ts';
import { loadMigrations, openUserDb } from '../db/index.ts';
import { layerStore } from '../db/layer-store.ts';
import { settingsStore } from '../db/settings-store.ts';
import { teamStore } from '../db/team-store.ts';
import { dispatch } from '../handlers/index.ts';
import { appPaths, appRootFrom } from '../node/paths.ts';
import { createTeamServer, teamBackend, teamServerUnavailable } from '../testing/team-server.ts';
import { TeamService } from './service.ts';
import { mulberry32 } from '../../geo/mcda/wsm.ts';

const CLIENTS = 20;
const FEATURES = 1000;
const ROUNDS = Number(process.env['BENCH_TEAM_ROUNDS'] ?? 3);
const BIG = Number(process.env['BENCH_TEAM_POINTS'] ?? 1_000_000);
/** The zone's bounding box (WGS-84), roughly: where the generated points fall. */
const BBOX = [108.8, 24.6, 114.3, 29.4] as const;

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN;
}
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

function addLayer(db: Parameters<typeof layerStore>[0], id: string, name: string, n: number, rnd: () => number): void {
  const layers = layerStore(db);
  layers.begin();
  try {
    layers.insertLayer({ id, name, role: 'reference', geometry: 'point', sourceFile: `${name}.csv`, sourceCrs: 'wgs84' });
    for (let i = 0; i < n; i++) {
      const lng = BBOX[0] + rnd() * (BBOX[2] - BBOX[0]);
      const lat = BBOX[1] + rnd() * (BBOX[3] - BBOX[1]);
      layers.insertFeature(id, `{"type":"Point","coordinates":[${lng.toFixed(6)},${lat.toFixed(6)}]}`, `{"名称":"点${i}","序号":${i}}`);
    }
    layers.commit();
  } catch (error) {
    layers.rollback();
    throw error;
  }
}

export async function runTeamBench(): Promise<void> {
  const why = teamServerUnavailable();
  if (why) {
    console.log(`team server bench skipped: ${why}`);
    return;
  }
  const root = appRootFrom(import.meta.url);
  const paths = appPaths(root);
  const userMigrations = loadMigrations(paths.migrationsDir);
  const teamMigrations = loadMigrations(paths.teamMigrationsDir);
  const server = createTeamServer();
  const work = mkdtempSync(join(tmpdir(), 'siteselect-team-bench-'));
  const quiet = () => undefined;
  try {
    // The admin sets the server up; 20 editors, each with a data folder of their own.
    const adminDb = openUserDb(join(work, 'admin.db'), userMigrations);
    const admin = new TeamService({
      store: teamStore(adminDb),
      settings: settingsStore(adminDb),
      migrations: teamMigrations,
      secrets: null,
      env: { SITESELECT_TEAM_PASSWORD: server.admin.password },
      log: quiet,
    });
    await admin.configure({ url: server.url(server.admin) });
    await admin.init();
    adminDb.close();
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const login = server.login(`c${i}`, 'siteselect_editor');
        const db = openUserDb(join(work, `c${i}.db`), userMigrations);
        const service = new TeamService({
          store: teamStore(db),
          settings: settingsStore(db),
          migrations: teamMigrations,
          secrets: null,
          env: { SITESELECT_TEAM_PASSWORD: login.password },
          log: quiet,
        });
        await service.configure({ url: server.url(login) });
        return { i, db, service, store: teamStore(db) };
      }),
    );
    const pushMs: number[] = [];
    const pullMs: number[] = [];
    let pushedFeatures = 0;
    let pulledFeatures = 0;
    const rnd = mulberry32(2020);
    const started = performance.now();
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of clients) addLayer(c.db, `bench-${round}-${c.i}`, `第${round}轮-${c.i}号`, FEATURES, rnd);
      await Promise.all(
        clients.map(async (c) => {
          let t0 = performance.now();
          const pushed = await c.service.push();
          pushMs.push(performance.now() - t0);
          pushedFeatures += pushed.features;
          if (pushed.conflicts.length > 0) throw new Error(`client ${c.i}: unexpected conflicts ${JSON.stringify(pushed.conflicts)}`);
          t0 = performance.now();
          const pulled = await c.service.pull();
          pullMs.push(performance.now() - t0);
          pulledFeatures += pulled.features;
        }),
      );
    }
    // A last pull, so every client has every layer, then the checks.
    await Promise.all(clients.map(async (c) => (pulledFeatures += (await c.service.pull()).features)));
    const wall = (performance.now() - started) / 1000;
    const layers = CLIENTS * ROUNDS;
    const [serverLayers, serverFeatures, wrongCounts, logPushes] = [
      server.sql('SELECT count(*) FROM team.layers'),
      server.sql('SELECT count(*) FROM team.features'),
      server.sql(
        'SELECT count(*) FROM team.layers l WHERE l.feature_count <> (SELECT count(*) FROM team.features f WHERE f.layer_id = l.id)',
      ),
      server.sql("SELECT count(*) FROM team.log WHERE action = 'push'"),
    ].map((r) => Number(r[0]?.[0]));
    const problems: string[] = [];
    if (serverLayers !== layers) problems.push(`server has ${serverLayers} layers, expected ${layers}`);
    if (serverFeatures !== layers * FEATURES) problems.push(`server has ${serverFeatures} features, expected ${layers * FEATURES}`);
    if (wrongCounts !== 0) problems.push(`${wrongCounts} layers whose feature count does not match their features`);
    if (logPushes !== layers) problems.push(`${logPushes} push log entries, expected ${layers}`);
    for (const c of clients) {
      const rows = layerStore(c.db).list();
      const bench = rows.filter((l) => l.id.startsWith('bench-'));
      if (bench.length !== layers) problems.push(`client ${c.i} holds ${bench.length} layers, expected ${layers}`);
      if (bench.some((l) => l.featureCount !== FEATURES)) problems.push(`client ${c.i} holds a layer with a wrong feature count`);
      const pending = c.store.pending();
      if (pending.records + pending.deletions > 0) problems.push(`client ${c.i} still has ${pending.records} record(s) to push`);
    }
    // Same points on both ends: one pulled layer compared with its pusher's, coordinate by coordinate.
    const [a, b] = [clients[0], clients[1]];
    if (a && b) {
      const mine = layerStore(a.db).features('bench-0-0');
      const theirs = layerStore(b.db).features('bench-0-0');
      const same =
        mine.length === theirs.length && mine.every((f, k) => JSON.stringify(f.geometry) === JSON.stringify(theirs[k]?.geometry));
      if (!same) problems.push('a pulled layer differs from its pusher’s copy');
    }
    console.log(
      `team server, ${CLIENTS} concurrent clients × ${ROUNDS} rounds (each: push a new layer of ${FEATURES} points, then pull): ` +
        `${wall.toFixed(1)} s; push p95 ${p95(pushMs).toFixed(0)} ms (median ${median(pushMs).toFixed(0)}), pull p95 ${p95(pullMs).toFixed(0)} ms (median ${median(pullMs).toFixed(0)}); ` +
        `throughput ${((pushedFeatures + pulledFeatures) / wall).toFixed(0)} features/s (${pushedFeatures.toLocaleString()} pushed, ${pulledFeatures.toLocaleString()} pulled); ` +
        `integrity: ${problems.length === 0 ? 'ok (server layers, features and log complete; every client holds every layer; nothing pending)' : problems.join('; ')}`,
    );
    for (const c of clients) c.db.close();

    // One million points, through the app, and the analysis on the server.
    const app = teamBackend();
    try {
      const login = server.login('big', 'siteselect_editor');
      await dispatch(app.api, 'teamConfigure', { url: server.url(login), password: login.password });
      let t0 = performance.now();
      addLayer(app.userDb, 'bench-big', '百万企业点位', BIG, mulberry32(1));
      const localMs = performance.now() - t0;
      t0 = performance.now();
      const pushed = await dispatch(app.api, 'teamPush', {});
      if (!pushed.ok) throw new Error(pushed.error.message);
      const pushS = (performance.now() - t0) / 1000;
      console.log(
        `team server: a layer of ${BIG.toLocaleString()} points written locally in ${(localMs / 1000).toFixed(1)} s, pushed in ${pushS.toFixed(1)} s (${(BIG / pushS).toFixed(0)} features/s)`,
      );
      const parks = (app.context.layers().get('parks')?.collection.features ?? []).flatMap((f) =>
        f.geometry?.type === 'Point' ? [{ id: String(f.properties.id), p: f.geometry.coordinates as [number, number] }] : [],
      );
      const points = layerStore(app.userDb)
        .features('bench-big')
        .map((f) => f.geometry.coordinates as [number, number]);
      for (const km of [10, 30]) {
        const runs: number[] = [];
        let counts: { id: string; count: number }[] = [];
        for (let r = 0; r < 3; r++) {
          const res = await dispatch(app.api, 'teamCountNear', { layerId: 'bench-big', km });
          if (!res.ok) throw new Error(res.error.message);
          runs.push((res.result as { serverMs: number }).serverMs);
          counts = (res.result as { counts: { id: string; count: number }[] }).counts;
        }
        // The local computation for a sample of parks: haversine (sphere) with a 0.5 % band around the radius, where sphere and ellipsoid may differ.
        const sample = parks.filter((_, k) => k % 13 === 0);
        t0 = performance.now();
        const mismatches = sample.filter((park) => {
          const server = counts.find((c) => c.id === park.id)?.count ?? -1;
          let inside = 0;
          let band = 0;
          for (const q of points) {
            const d = haversineMetres(park.p, q);
            if (d <= km * 1000 * 0.995) inside++;
            else if (d <= km * 1000 * 1.005) band++;
          }
          return server < inside || server > inside + band;
        });
        const localMsPerPark = (performance.now() - t0) / sample.length;
        console.log(
          `team server: counts of ${BIG.toLocaleString()} points within ${km} km of each of ${parks.length} parks (ST_DWithin on geography): median ${median(runs).toFixed(0)} ms on the server; ` +
            `local haversine scan ${localMsPerPark.toFixed(0)} ms per park; sample of ${sample.length} parks ${mismatches.length === 0 ? 'matches' : `differs for ${mismatches.map((m) => m.id).join(', ')}`}; total within ${km} km: ${counts.reduce((n, c) => n + c.count, 0).toLocaleString()}`,
        );
      }
      t0 = performance.now();
      const first = await dispatch(app.api, 'teamCountNear', { layerId: 'bench-big', minutes: 30 });
      const firstS = (performance.now() - t0) / 1000;
      const again = await dispatch(app.api, 'teamCountNear', { layerId: 'bench-big', minutes: 30 });
      if (first.ok && again.ok) {
        const r = again.result as { serverMs: number; counts: { id: string; count: number }[] };
        // The local computation for a sample of parks: the same isochrone (geo/surfaces) and turf's point-in-polygon.
        const net = app.context.network.networkFor();
        const sample = parks.filter((_, k) => k % 13 === 0);
        t0 = performance.now();
        const mismatches = sample.filter((park) => {
          const [area] = isochrones(net, park.p, [30], { cellKm: 2 });
          let inside = 0;
          if (area) {
            const [w, s, e, n] = bbox(area);
            for (const q of points) if (q[0] >= w && q[0] <= e && q[1] >= s && q[1] <= n && booleanPointInPolygon(q, area)) inside++;
          }
          return inside !== (r.counts.find((c) => c.id === park.id)?.count ?? -1);
        });
        const localMsPerPark = (performance.now() - t0) / sample.length;
        console.log(
          `team server: counts within 30 minutes (catchments from the app's isochrones, ${(first.result as { computedCatchments: number }).computedCatchments} computed and stored in ${firstS.toFixed(1)} s): ` +
            `${r.serverMs.toFixed(0)} ms on the server once stored; local point-in-polygon scan ${localMsPerPark.toFixed(0)} ms per park; ` +
            `sample of ${sample.length} parks ${mismatches.length === 0 ? 'matches' : `differs for ${mismatches.map((m) => m.id).join(', ')}`}; total within 30 min: ${r.counts.reduce((n, c) => n + c.count, 0).toLocaleString()}`,
        );
      } else
        console.log(`team server: minutes count failed: ${first.ok ? '' : first.error.message} ${again.ok ? '' : again.error.message}`);
    } finally {
      app.dispose();
    }
  } finally {
    server.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runTeamBench();
