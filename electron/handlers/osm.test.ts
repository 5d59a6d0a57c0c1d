/**
 * The OSM match review through the API, on the Hengshan fixture (invented data at real
 * positions): rejecting (never proposed again, until undone), undoing an accepted match (the
 * correction goes with it, the proposal comes back), and a station match (the station layer
 * moves to the OSM node and cites it, with the ODbL credit). issue16.test.ts covers accepting a park.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT, type OsmMatch, type OsmMatchesResult } from '../contract/api.ts';
import { REPO_ROOT, callOk, tempBackend } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());
const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);
const matches = async (include: 'pending' | 'all' = 'pending') =>
  CONTRACT.osmMatches.result.parse(await ok('osmMatches', { include })) as OsmMatchesResult;
const decide = async (id: string, decision: 'accept' | 'reject' | 'undo') =>
  CONTRACT.decideOsmMatch.result.parse(await ok('decideOsmMatch', { id, decision })) as OsmMatch;

type Feature = { geometry: { coordinates: [number, number] } | null; properties: Record<string, unknown> };
const featureOf = async (layer: string, id: string) =>
  (await ok<{ features: Feature[] }>('getLayer', { id: layer })).features.find((f) => f.properties['id'] === id);

beforeAll(async () => {
  const bytes = readFileSync(join(REPO_ROOT, 'tests/fixtures/osm/hengshan.osm'));
  const { uploadId } = await ok<{ uploadId: string }>('beginUpload', { name: 'hengshan.osm', size: bytes.length });
  await ok('uploadChunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') });
  const { jobId } = await ok<{ jobId: string }>('importRoadNetwork', { uploadId, clip: { mode: 'whole' } });
  let status = { status: 'running' } as { status: string };
  for (let i = 0; i < 600 && status.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    status = await ok('roadImportStatus', { jobId });
  }
  expect(status.status).toBe('done');
}, 60_000);

describe('OSM match review through the API', () => {
  it('a rejected match is not proposed again and makes no correction; undo proposes it again', async () => {
    const before = await matches();
    const park = before.matches.find((m) => m.kind === 'park') as OsmMatch;
    expect(park).toBeDefined();
    const rejected = await decide(park.id, 'reject');
    expect(rejected).toMatchObject({ id: park.id, status: 'rejected', score: park.score, distance_m: park.distance_m });
    expect(rejected.decided_at).not.toBeNull();
    expect((await matches()).matches.map((m) => m.id)).not.toContain(park.id);
    expect((await matches('all')).matches.find((m) => m.id === park.id)?.status).toBe('rejected');
    expect(await ok<unknown[]>('listParkCorrections', {})).toEqual([]);
    expect((await featureOf('parks', park.feature.id))?.properties['correction'] ?? null).toBeNull();
    // Decided once: another decision needs an undo first, and says so.
    const again = await dispatch(backend.api, 'decideOsmMatch', { id: park.id, decision: 'accept' });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error.message).toMatch(/already rejected; undo it first/);

    const undone = await decide(park.id, 'undo');
    expect(undone).toMatchObject({ id: park.id, status: 'pending', score: park.score, distance_m: park.distance_m });
    expect((await matches()).matches.map((m) => m.id)).toEqual(before.matches.map((m) => m.id));
  });

  it('undoing an accepted park match removes its correction: the park is back at its shipped position', async () => {
    const park = (await matches()).matches.find((m) => m.kind === 'park') as OsmMatch;
    const shipped = (await featureOf('parks', park.feature.id))?.geometry?.coordinates;
    await decide(park.id, 'accept');
    const moved = await featureOf('parks', park.feature.id);
    expect(moved?.geometry?.coordinates).toEqual(park.osm.position);
    expect(moved?.geometry?.coordinates).not.toEqual(shipped);
    // Accepting takes the park and the OSM element out of the proposals.
    expect((await matches()).matches.some((m) => m.feature.id === park.feature.id || m.osm.id === park.osm.id)).toBe(false);

    expect(await decide(park.id, 'undo')).toMatchObject({ status: 'pending' });
    const back = await featureOf('parks', park.feature.id);
    expect(back?.geometry?.coordinates).toEqual(shipped);
    expect(back?.properties['correction'] ?? null).toBeNull();
    expect(await ok<unknown[]>('listParkCorrections', {})).toEqual([]);
    expect((await matches('all')).matches.filter((m) => m.status !== 'pending')).toEqual([]);
    // Nothing left to undo.
    const none = await dispatch(backend.api, 'decideOsmMatch', { id: park.id, decision: 'undo' });
    expect(!none.ok && none.error.message).toMatch(/has not been decided, so there is nothing to undo/);
  });

  it('a station match: the station moves to the OSM node, citing it with the ODbL credit; undo puts it back', async () => {
    const station = (await matches()).matches.find((m) => m.kind === 'station') as OsmMatch;
    expect(station).toMatchObject({ kind: 'station', osm: { type: 'node', name: '衡山西站' } });
    expect(station.distance_m).toBeGreaterThan(0);
    const shipped = (await featureOf('rail-stations', station.feature.id))?.geometry?.coordinates;
    expect(shipped).toEqual(station.feature.position);

    expect(await decide(station.id, 'accept')).toMatchObject({ status: 'accepted', kind: 'station' });
    const moved = await featureOf('rail-stations', station.feature.id);
    expect(moved?.geometry?.coordinates).toEqual(station.osm.position);
    expect(moved?.properties['correction']).toMatchObject({
      source: 'OpenStreetMap',
      osm_id: `node/${station.osm.id}`,
      citation: `https://www.openstreetmap.org/node/${station.osm.id}`,
      credit: expect.stringMatching(/OpenStreetMap contributors, ODbL/),
    });
    // A station is not a park: no park moved.
    const parks = await ok<{ features: Feature[] }>('getLayer', { id: 'parks' });
    expect(parks.features.some((f) => f.properties['correction'])).toBe(false);

    await decide(station.id, 'undo');
    const back = await featureOf('rail-stations', station.feature.id);
    expect(back?.geometry?.coordinates).toEqual(shipped);
    expect(back?.properties['correction'] ?? null).toBeNull();
  });
});
