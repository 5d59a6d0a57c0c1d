/**
 * Issue 16 through the API, end to end on the backend: the scenario year (setNetworkYear,
 * networkInfo), two years compared (compareNetworks), then an imported extract (the Hengshan
 * fixture: invented data at real positions) made active — travel times name it, road tiles and
 * road features are served, and the proposed OSM matches can be accepted as position corrections.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tileX, tileY } from '../../geo/roads/tile-geometry.ts';
import { resolveAsset } from '../assets/resolve-asset.ts';
import { CONTRACT } from '../contract/api.ts';
import { REPO_ROOT, callOk, tempBackend } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());
const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);
const FIXTURE = join(REPO_ROOT, 'tests/fixtures/osm/hengshan.osm');

async function importFixture() {
  const bytes = readFileSync(FIXTURE);
  const { uploadId } = await ok<{ uploadId: string }>('beginUpload', { name: 'hengshan.osm', size: bytes.length });
  await ok('uploadChunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') });
  const { jobId } = await ok<{ jobId: string }>('importRoadNetwork', { uploadId, clip: { mode: 'whole' } });
  let status = { status: 'running' } as { status: string; error?: string | null };
  for (let i = 0; i < 600 && status.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    status = await ok('roadImportStatus', { jobId });
  }
  return status;
}

describe('issue 16 through the API', () => {
  it('stores the scenario year, and networkInfo names the network in that year', async () => {
    expect(await ok('setNetworkYear', { asOf: 2030 })).toEqual({ year: 2030 });
    const info = CONTRACT.networkInfo.result.parse(await ok('networkInfo', {}));
    expect(info.year).toBe(2030);
    expect(info.network).toMatchObject({ kind: 'schematic', year: 2030 });
    const refused = await dispatch(backend.api, 'setNetworkYear', { asOf: 1800 });
    expect(refused.ok).toBe(false);
    expect(await ok('setNetworkYear', { asOf: null })).toEqual({ year: null });
  });

  it('compares two years of the schematic network: a rank-change table and a time-saved grid', async () => {
    const [preset] = await ok<{ profile: unknown }[]>('profilePresets', {});
    const r = CONTRACT.compareNetworks.result.parse(
      await ok('compareNetworks', { profile: preset?.profile, a: { asOf: 2010 }, b: { asOf: 2030 } }),
    );
    expect(r.a).toMatchObject({ kind: 'schematic', year: 2010 });
    expect(r.b).toMatchObject({ kind: 'schematic', year: 2030 });
    expect(r.rows.length).toBeGreaterThan(20);
    expect(r.timeSaved.minutes.length).toBe(r.timeSaved.grid.nx * r.timeSaved.grid.ny);
    // Lines only open between the years: nothing gets slower.
    expect(r.timeSaved.min).toBeGreaterThanOrEqual(-1e-6);
    // Expressways opened in 2012–2015: somewhere is nearer an interchange in 2030, and some rank moves.
    expect(r.timeSaved.max).toBeGreaterThan(0);
    expect(r.changed).toBeGreaterThan(0);
    // A park beyond the reach of the lines open in 2010 is left out of that year's ranking and listed, not given a time.
    const early = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile: preset?.profile, asOf: 2010, monteCarloSamples: 0 }));
    expect(early.uncovered).toBeGreaterThan(0);
    expect(r.rows.filter((row) => row.a.rank === null && row.b.rank !== null).length).toBeGreaterThanOrEqual(early.uncovered);
  });

  it('imports the Hengshan extract; travel times, road tiles and features come from it', async () => {
    expect(await importFixture()).toMatchObject({ status: 'done' });
    const t = CONTRACT.travelTimes.result.parse(await ok('travelTimes', { from: [112.83, 27.2] }));
    expect(t.network.kind).toBe('osm');
    expect(t.network.attribution).toMatch(/OpenStreetMap/);
    // The labour catchment names the network its minutes are on.
    const c = CONTRACT.catchment.result.parse(await ok('catchment', { from: [112.83, 27.2], minutes: [30, 60] }));
    expect(c.map((x) => x.network)).toEqual([t.network, t.network]);
    // The map's surface comes in bands of rows (renderer use-surface.ts): together they are the whole grid.
    const target = { class: 'interchange' };
    const whole = CONTRACT.surface.result.parse(await ok('surface', { target, cellKm: 5 }));
    expect(whole.network).toEqual(t.network);
    const ny = whole.grid.ny;
    const bands = [];
    for (const rows of [
      [0, 1],
      [1, Math.floor(ny / 2)],
      [Math.floor(ny / 2), ny],
    ])
      bands.push(CONTRACT.surface.result.parse(await ok('surface', { target, cellKm: 5, rows })));
    expect(bands.flatMap((b) => b.minutes)).toEqual(whole.minutes);
    expect(bands.reduce((n, b) => n + b.cells, 0)).toBe(whole.cells);
    expect(whole.minutes.some((m) => m !== null)).toBe(true);
    const layer = CONTRACT.roadLayerInfo.result.parse(await ok('roadLayerInfo', {}));
    expect(layer.available).toBe(true);
    const [z, x, y] = [10, Math.floor(tileX(112.83, 10)), Math.floor(tileY(27.2, 10))];
    const path = (layer.tiles as string).replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
    const tile = await resolveAsset(path, {
      rendererDir: backend.paths.rendererDir,
      basemap: backend.reference.basemap,
      roads: backend.context.roads,
    });
    expect(tile.status).toBe(200);
    expect((tile.body as Buffer).length).toBeGreaterThan(0);
    const junction = await ok<{ kind: string; tags: Record<string, string> }>('roadFeature', { kind: 'junction', id: 1004 });
    expect(junction).toMatchObject({ kind: 'junction', tags: { highway: 'motorway_junction', name: '衡山西' } });
  }, 60_000);

  it('proposes OSM matches, and an accepted one becomes a correction with source OpenStreetMap and the OSM id', async () => {
    const m = CONTRACT.osmMatches.result.parse(await ok('osmMatches', { include: 'pending' }));
    expect(m.available).toBe(true);
    expect(m.matches.length).toBeGreaterThan(0);
    const first = m.matches[0] as (typeof m.matches)[number];
    const accepted = CONTRACT.decideOsmMatch.result.parse(await ok('decideOsmMatch', { id: first.id, decision: 'accept' }));
    expect(accepted.status).toBe('accepted');
    const corrections = await ok<{ park_id: string; source: string; osm_id: string | null }[]>('listParkCorrections', {});
    expect(corrections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ park_id: first.feature.id, source: 'OpenStreetMap', osm_id: `${first.osm.type}/${first.osm.id}` }),
      ]),
    );
    const parks = await ok<{ features: { properties: Record<string, unknown> }[] }>('getLayer', { id: 'parks' });
    const park = parks.features.find((f) => f.properties['id'] === first.feature.id);
    expect(park?.properties['correction']).toMatchObject({
      source: 'OpenStreetMap',
      citation: `https://www.openstreetmap.org/${first.osm.type}/${first.osm.id}`,
      credit: expect.stringMatching(/OpenStreetMap contributors/),
    });
  });

  it('scores one park on the schematic network and on the imported extract, each figure naming its network', async () => {
    const [preset] = await ok<{ profile: unknown }[]>('profilePresets', {});
    const r = CONTRACT.compareNetworks.result.parse(
      await ok('compareNetworks', { profile: preset?.profile, a: { network: 'schematic', asOf: null }, b: { network: 'osm', asOf: null } }),
    );
    expect(r.a).toMatchObject({ kind: 'schematic', attribution: null });
    expect(r.b).toMatchObject({ kind: 'osm', name_en: 'OpenStreetMap road network (hengshan.osm)', asOf: '2025-03-01' });
    const hengdong = r.rows.find((row) => row.id === 'park-hengyang-hengdong');
    expect(hengdong?.a.total).not.toBeNull();
    expect(hengdong?.b.total).not.toBeNull();
    // The two networks give the park different times (the extract is not the schematic graph).
    const pairs = Object.values(hengdong?.minutes ?? {});
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.some((p) => p.a !== p.b)).toBe(true);
  });
});
