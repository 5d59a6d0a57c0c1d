/**
 * The road network through the API and the CLI: an OpenStreetMap extract imported (from the CLI,
 * which stages the file where it lies), made active, described, routed on and exported; a bad
 * file changes nothing; switching back to the schematic network.
 */
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RoadNetworkInfo, RouteResult } from '../contract/api.ts';
import { runCli } from '../cli/siteselect.ts';
import { importOsmNetwork } from '../roads/import.ts';
import { loadOsmNetwork, NETWORK_FILE } from '../roads/store.ts';
import { REPO_ROOT, tempBackend, tempDir } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const data = tempDir('siteselect-roads-');
afterAll(() => data.remove());
const FIXTURE = join(REPO_ROOT, 'tests/fixtures/osm/rules.osm');

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--data-dir', data.dir], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('road network from an OpenStreetMap extract', () => {
  it('starts on the schematic network and refuses to use an OSM network that was not imported', async () => {
    const info = await cli('network', 'info');
    expect(info.code).toBe(0);
    expect(JSON.parse(info.out)).toMatchObject({ active: 'schematic', osm: null, attribution: null });
    const use = await cli('network', 'use', 'osm');
    expect(use.code).toBe(1);
    expect(use.err).toMatch(/no OpenStreetMap network has been imported/);
  });

  it('imports an extract with the CLI, makes it active, and network info shows what it used', async () => {
    const copy = join(data.dir, 'extract.osm');
    copyFileSync(FIXTURE, copy);
    const r = await cli('network', 'import', copy, '--whole');
    expect(r.code, r.err).toBe(0);
    const imported = JSON.parse(r.out) as NonNullable<RoadNetworkInfo['osm']>;
    expect(imported).toMatchObject({ kind: 'osm', source: 'extract.osm', format: 'xml', as_of: '2024-06-01T00:00:00Z', covers_zone: true });
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(FIXTURE, 'utf8')); // the user's file is left as it was
    const info = JSON.parse((await cli('network', 'info')).out) as RoadNetworkInfo;
    expect(info.active).toBe('osm');
    expect(info.attribution).toMatch(/OpenStreetMap contributors, ODbL/);
    expect(info.osm?.nodes).toBe(loadOsmNetwork(data.dir)?.meta.nodes);
    expect(Object.keys(info.osm?.speeds_kmh ?? {})).toEqual(expect.arrayContaining(['motorway', 'primary', 'tertiary']));
  });

  it('routes on the active network: minutes include the off-road legs, km and classes are the router’s', async () => {
    const r = await cli('route', '--from', '112.0005,26.0003', '--to', '112.0195,26.0102', '--geojson');
    expect(r.code, r.err).toBe(0);
    const route = JSON.parse(r.out) as RouteResult;
    const direct = loadOsmNetwork(data.dir)?.router.route([112.0005, 26.0003], [112.0195, 26.0102], {});
    expect(route.network).toBe('osm');
    expect(route.km).toBeCloseTo(direct?.km ?? -1, 9);
    expect(route.minutes).toBeCloseTo((direct?.minutes ?? 0) + route.snap.from.access_minutes + route.snap.to.access_minutes, 9);
    expect(route.snap.from.distance_m).toBeGreaterThan(0);
    expect(route.snap.from.access_minutes).toBeCloseTo((route.snap.from.distance_m / 1000 / 20) * 60, 9);
    expect(route.geometry?.coordinates.length).toBeGreaterThan(2);
    expect((await cli('route', '--from', '112.0,26.0', '--to', '200,26')).err).toMatch(/longitude 200 is outside/);
  });

  it('exports the active network', async () => {
    const out = join(data.dir, 'net.geojson');
    expect((await cli('export-network', '--out', out)).code).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8')) as { features: { geometry: { type: string } }[] };
    const edges = fc.features.filter((f) => f.geometry.type === 'LineString').length;
    expect(edges).toBe(loadOsmNetwork(data.dir)?.meta.edges);
  });

  it('refuses a file that is not OSM and keeps the previous network byte for byte', async () => {
    const before = readFileSync(join(data.dir, NETWORK_FILE));
    const r = await cli('network', 'import', join(REPO_ROOT, 'tests/fixtures/osm/notosm.xml'), '--whole');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not an OpenStreetMap|not OSM|OSM XML/i);
    expect(readFileSync(join(data.dir, NETWORK_FILE)).equals(before)).toBe(true);
    expect(statSync(join(data.dir, NETWORK_FILE)).size).toBe(before.length);
  });

  it('switches back to the schematic network, which routes too', async () => {
    expect(JSON.parse((await cli('network', 'use', 'schematic')).out)).toMatchObject({ active: 'schematic', attribution: null });
    const r = JSON.parse((await cli('route', '--from', '112.57,26.89', '--to', '113.01,25.77')).out) as RouteResult;
    expect(r.network).toBe('schematic');
    expect(r.minutes).toBeGreaterThan(60);
    expect(r.km).toBeGreaterThan(100);
  });

  it('through the API: a staged upload is imported in a job with progress, and a bad clip is refused', async () => {
    const backend = tempBackend();
    try {
      const bytes = readFileSync(FIXTURE);
      const call = (m: string, a: unknown) => dispatch(backend.api, m, a);
      const begun = (await call('beginUpload', { name: 'rules.osm', size: bytes.length })) as { ok: true; result: { uploadId: string } };
      await call('uploadChunk', { uploadId: begun.result.uploadId, offset: 0, dataBase64: bytes.toString('base64') });
      const bad = await call('importRoadNetwork', { uploadId: begun.result.uploadId, clip: { mode: 'bbox', bbox: [1, 2] } });
      expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
      const started = (await call('importRoadNetwork', { uploadId: begun.result.uploadId, clip: { mode: 'whole' } })) as {
        ok: true;
        result: { jobId: string };
      };
      let status: { status: string; fraction: number; info: unknown } = { status: 'running', fraction: 0, info: null };
      for (let i = 0; i < 600 && status.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = ((await call('roadImportStatus', { jobId: started.result.jobId })) as { result: typeof status }).result;
      }
      expect(status).toMatchObject({ status: 'done', fraction: 1, info: { kind: 'osm', source: 'rules.osm' } });
      expect(backend.context.uploads.filesOnDisk()).toEqual([]); // the staged copy is removed
      expect(await call('roadNetworkInfo', {})).toMatchObject({ ok: true, result: { active: 'osm' } });
    } finally {
      backend.dispose();
    }
  }, 60_000);
});

describe('the road-import worker as the desktop app runs it', () => {
  const bundled = join(REPO_ROOT, 'dist/electron/roads-import-worker.mjs');
  // npm test builds before the unit tests; run alone without a build, there is nothing to test.
  it.skipIf(!existsSync(bundled))('the bundled ES-module worker (dist/electron) imports an extract', async () => {
    const dir = tempDir('siteselect-roads-bundled-');
    try {
      const meta = await importOsmNetwork(FIXTURE, dir.dir, {
        name: 'rules.osm',
        clip: { mode: 'whole' },
        workerUrl: pathToFileURL(bundled),
      });
      expect(meta.nodes).toBe(loadOsmNetwork(data.dir)?.meta.nodes);
      expect(loadOsmNetwork(dir.dir)?.meta.source.file).toBe('rules.osm');
    } finally {
      dir.remove();
    }
  });
});
