/**
 * Issue 13 item 5: one bad stored row (from an older version, a merge before the checks, another
 * program) never breaks a listing, a ranking or a comparison. It is left out, reported in
 * appInfo's `damaged` with the call that deletes it, and gone once deleted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT, type DamagedRow, type Profile } from '../contract/api.ts';
import { callOk, tempBackend } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());
const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);
const sql = (text: string) => backend.userDb.exec(text);

describe('damaged rows', () => {
  it('listings, rankings and comparisons skip them; appInfo names them; the named call deletes them', async () => {
    const presets = await ok<{ profile: Profile }[]>('profilePresets', {});
    const profile = presets[0]?.profile;
    const good = '{"type":"Point","coordinates":[112.6,26.9]}';
    sql(`
      INSERT INTO user_layers (id, project_id, name, role, geometry, style) VALUES
        ('bad-style', 1, '坏样式', 'reference', 'point', 'not json {'),
        ('odd-style', 1, '怪样式', 'reference', 'point', '{"colour":5}'),
        ('bad-rows', 1, '坏要素', 'candidates', 'point', '{}');
      INSERT INTO user_features (layer_id, geometry, properties) VALUES
        ('bad-rows', '${good}', '{"name":"好地块"}'),
        ('bad-rows', 'garbage', '{}'),
        ('bad-rows', '${good}', '[1,2'),
        ('bad-rows', '{"type":"Point","coordinates":[[112.6,26.9]]}', '{"name":"嵌套"}');
      INSERT INTO scenarios (id, project_id, name, payload) VALUES ('bad-scenario', 1, '坏方案', '{}');
      INSERT INTO tours (id, project_id, name_zh, name_en, stops) VALUES ('bad-tour', 1, '坏导览', 'bad', '[{"zoom":99}]');
      INSERT INTO basemap_packs (id, name, path, container, tile_type, format, minzoom, maxzoom, layers)
        VALUES ('bad-pack', '坏底图', '/nowhere/x.mbtiles', 'mbtiles', 'raster', 'png', 0, 5, 'not json');
    `);

    const layers = CONTRACT.listLayers.result.parse(await ok('listLayers', {}));
    expect(layers.find((l) => l.id === 'bad-style')).toMatchObject({
      kind: 'user',
      problems: [expect.stringMatching(/style is not JSON/)],
    });
    expect(layers.find((l) => l.id === 'odd-style')?.colour).toBeUndefined();
    expect(layers.find((l) => l.id === 'bad-rows')).toMatchObject({ problems: ['3 feature(s) cannot be read and are left out'] });
    const layer = await ok<{ features: { properties: Record<string, unknown> }[]; skipped: { problem: string }[] }>('getLayer', {
      id: 'bad-rows',
    });
    expect(layer.features.map((f) => f.properties['name'])).toEqual(['好地块']);
    expect(layer.skipped.map((s) => s.problem)).toEqual([
      'its geometry is not JSON',
      'its properties are not JSON',
      "its geometry is malformed: a Point's coordinates must be one position [longitude, latitude], not nested arrays",
    ]);
    expect(await ok<unknown[]>('listScenarios', {})).toEqual([]);
    expect((await ok<{ id: string }[]>('listTours', {})).map((t) => t.id)).not.toContain('bad-tour');
    expect((await ok<{ id: string }[]>('listBasemaps', {})).map((p) => p.id)).not.toContain('bad-pack');
    const ranking = await ok<{ candidates: { id: string; name_zh: string; kind: string }[] }>('scoreSites', {
      profile,
      monteCarloSamples: 0,
    });
    expect(ranking.candidates.filter((c) => c.kind === 'custom').map((c) => c.name_zh)).toEqual(['好地块']);
    const parks = ranking.candidates.filter((c) => c.kind === 'park').slice(0, 2);
    expect((await dispatch(backend.api, 'compareParks', { profile, ids: parks.map((p) => p.id) })).ok).toBe(true);
    expect((await ok<{ mime: string }>('exportLayer', { id: 'bad-rows', format: 'csv' })).mime).toBe('text/csv');
    expect(await dispatch(backend.api, 'openScenario', { id: 'bad-scenario' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/scenario "坏方案" cannot be opened: its payload is not a scenario/) },
    });

    const damaged = CONTRACT.appInfo.result.parse(await ok('appInfo', {})).damaged;
    expect(damaged.map((d) => [d.kind, d.id, d.remove.method])).toEqual([
      ['layer', 'bad-style', 'deleteLayer'],
      ['layer', 'odd-style', 'deleteLayer'],
      ['feature', 'bad-rows', 'deleteLayer'],
      ['scenario', 'bad-scenario', 'deleteScenario'],
      ['tour', 'bad-tour', 'deleteTour'],
      ['basemap', 'bad-pack', 'removeBasemap'],
    ]);
    for (const d of damaged as DamagedRow[]) expect((await dispatch(backend.api, d.remove.method, d.remove.args)).ok).toBe(true);
    expect(CONTRACT.appInfo.result.parse(await ok('appInfo', {})).damaged).toEqual([]);
  });
});
