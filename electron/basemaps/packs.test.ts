import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { flipTileRow } from '../../geo/index.ts';
import { dispatch } from '../handlers/index.ts';
import { resolveAsset } from '../assets/resolve-asset.ts';
import { writePmtiles } from '../testing/pmtiles-writer.ts';
import { REPO_ROOT, tempBackend, tempDir } from '../testing/temp-backend.ts';

const backend = tempBackend();
const dir = tempDir('siteselect-packs-');
afterAll(() => {
  backend.dispose();
  dir.remove();
});

/** A 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const ctx = () => ({ rendererDir: backend.paths.rendererDir, basemap: backend.reference.basemap, packs: backend.packs });

async function add(path: string) {
  const res = await dispatch(backend.api, 'addBasemap', { path });
  if (!res.ok) throw new Error(res.error.message);
  return res.result as { id: string; tileType: string; format: string; container: string; layers: string[] };
}

describe('basemap packs', () => {
  it('registers a raster MBTiles pack and serves its tiles; a missing tile is empty', async () => {
    const file = join(dir.dir, 'raster.mbtiles');
    const db = new Database(file);
    db.exec(
      'CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);',
    );
    db.prepare('INSERT INTO metadata VALUES (?, ?)').run('format', 'png');
    db.prepare('INSERT INTO metadata VALUES (?, ?)').run('name', 'Satellite test');
    db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)').run(5, 26, flipTileRow(13, 5), PNG);
    db.close();
    const pack = await add(file);
    expect(pack).toMatchObject({ container: 'mbtiles', tileType: 'raster', format: 'png' });
    const tile = await resolveAsset(`/tiles/pack/${pack.id}/5/26/13`, ctx());
    expect(tile).toMatchObject({ status: 200, headers: { 'content-type': 'image/png' } });
    expect(Buffer.compare(tile.body as Buffer, PNG)).toBe(0);
    expect((await resolveAsset(`/tiles/pack/${pack.id}/5/0/0`, ctx())).status).toBe(204);
  });

  it('registers a vector MBTiles and the same tiles as PMTiles, read by byte ranges', async () => {
    const mbtiles = join(REPO_ROOT, 'data/generated/basemap.mbtiles');
    const vector = await add(mbtiles);
    expect(vector).toMatchObject({ tileType: 'vector', format: 'pbf' });
    expect(vector.layers).toContain('counties');

    const source = new Database(mbtiles, { readonly: true });
    const rows = source
      .prepare('SELECT zoom_level AS z, tile_column AS x, tile_row AS r, tile_data AS d FROM tiles WHERE zoom_level <= 6')
      .all() as { z: number; x: number; r: number; d: Buffer }[];
    source.close();
    const pm = join(dir.dir, 'zone.pmtiles');
    writePmtiles(
      pm,
      rows.map((t) => ({ z: t.z, x: t.x, y: flipTileRow(t.r, t.z), data: new Uint8Array(t.d) })),
      {
        tileType: 1,
        tileCompression: 2,
        minZoom: 3,
        maxZoom: 6,
        bounds: [103.6, 20.2, 118.5, 33.3],
        metadata: { vector_layers: [{ id: 'counties' }] },
      },
    );
    const pmtiles = await add(pm);
    expect(pmtiles).toMatchObject({ container: 'pmtiles', tileType: 'vector', format: 'pbf', layers: ['counties'] });
    const fromMb = await resolveAsset(`/tiles/pack/${vector.id}/6/52/27`, ctx());
    const fromPm = await resolveAsset(`/tiles/pack/${pmtiles.id}/6/52/27`, ctx());
    expect((fromPm.body as Buffer).length).toBeGreaterThan(100);
    expect(Buffer.compare(fromPm.body as Buffer, fromMb.body as Buffer)).toBe(0);
    expect(gzipSync(fromPm.body as Buffer).length).toBeGreaterThan(0);
    const list = await dispatch(backend.api, 'listBasemaps', {});
    expect(list.ok && (list.result as unknown[]).length).toBe(3);
  });

  it.each([
    ['missing.mbtiles', /no file at/],
    ['not-a-pack.txt', /must be an .mbtiles or .pmtiles file/],
    ['junk.pmtiles', /not a PMTiles file/],
    ['junk.mbtiles', /not an MBTiles file/],
  ])('refuses %s with a clear message and registers nothing', async (name, message) => {
    const path = join(dir.dir, name);
    if (name !== 'missing.mbtiles') writeFileSync(path, 'this is not a tile pack at all, just text');
    const before = backend.packs.list().length;
    const res = await dispatch(backend.api, 'addBasemap', { path });
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(message) } });
    expect(backend.packs.list()).toHaveLength(before);
  });

  it('removes a pack; its tiles are then gone', async () => {
    const [first] = backend.packs.list();
    expect(await dispatch(backend.api, 'removeBasemap', { id: first?.id })).toEqual({ ok: true, result: { removed: true } });
    expect((await resolveAsset(`/tiles/pack/${first?.id}/5/26/13`, ctx())).status).toBe(404);
  });
});
