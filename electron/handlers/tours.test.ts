import { afterAll, describe, expect, it } from 'vitest';
import { LAYER_IDS } from '../../data/schema/layers.ts';
import { CONTRACT } from '../contract/api.ts';
import { callOk, tempBackend } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());
const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);

describe('tours', () => {
  it('ship a default tour whose layers and highlighted features all exist', async () => {
    const tours = CONTRACT.listTours.result.parse(await ok('listTours', {}));
    const tour = tours[0];
    expect(tour).toMatchObject({ id: 'default-zone-tour', builtIn: true });
    expect(tour?.stops.length).toBeGreaterThanOrEqual(8);
    const ids = new Set<string>();
    for (const layer of LAYER_IDS)
      for (const f of (await ok<{ features: { properties: { id: string } }[] }>('getLayer', { id: layer })).features)
        ids.add(f.properties.id);
    for (const stop of tour?.stops ?? []) {
      for (const l of stop.layers) expect(LAYER_IDS).toContain(l);
      for (const h of stop.highlight) expect(ids.has(h), `highlight ${h}`).toBe(true);
      expect(stop.caption_zh.length).toBeGreaterThan(0);
      expect(stop.caption_en.length).toBeGreaterThan(0);
    }
  });

  it('are authored, changed and deleted in the project; the default one cannot be', async () => {
    const stop = { center: [112.6, 26.9], zoom: 9, caption_zh: '衡阳', caption_en: 'Hengyang' };
    const saved = await ok<{ id: string; stops: { seconds: number; layers: string[] }[] }>('saveTour', {
      name_zh: '我的导览',
      name_en: 'My tour',
      stops: [stop],
    });
    expect(saved.stops[0]).toMatchObject({ seconds: 10, layers: [], highlight: [] });
    const changed = await ok<{ stops: unknown[] }>('saveTour', {
      id: saved.id,
      name_zh: '我的导览',
      name_en: 'My tour',
      stops: [stop, { ...stop, zoom: 7 }],
    });
    expect(changed.stops).toHaveLength(2);
    expect((await ok<unknown[]>('listTours', {})).length).toBe(2);
    expect(await dispatch(backend.api, 'saveTour', { name_zh: 'x', name_en: 'x', stops: [] })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/at least one stop/) },
    });
    expect(await dispatch(backend.api, 'saveTour', { name_zh: 'x', name_en: 'x', stops: [{ ...stop, center: [200, 26] }] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT' },
    });
    expect(await dispatch(backend.api, 'deleteTour', { id: 'default-zone-tour' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/cannot be deleted/) },
    });
    expect(await dispatch(backend.api, 'saveTour', { id: 'default-zone-tour', name_zh: 'x', name_en: 'x', stops: [stop] })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/cannot be changed/) },
    });
    expect(await ok('deleteTour', { id: saved.id })).toEqual({ deleted: true });
  });
});
