import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT } from '../contract/api.ts';
import { tempBackend } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());

describe('reference layers', () => {
  it('lists each zone layer with its count and sub-kinds', async () => {
    const res = await dispatch(backend.api, 'listLayers', {});
    if (!res.ok) throw new Error(res.error.message);
    const layers = CONTRACT.listLayers.result.parse(res.result);
    const airports = layers.find((l) => l.id === 'airports');
    expect(airports).toMatchObject({ kind: 'reference', geometry: 'point' });
    expect(airports?.featureCount).toBeGreaterThanOrEqual(10);
    const parks = layers.find((l) => l.id === 'parks');
    const levels = Object.fromEntries(parks?.breakdown?.map((b) => [b.key, b.count]) ?? []);
    expect((levels['national'] ?? 0) + (levels['provincial'] ?? 0)).toBe(parks?.featureCount);
  });

  it('returns a layer as GeoJSON with provenance on every feature', async () => {
    const res = await dispatch(backend.api, 'getLayer', { id: 'airports' });
    if (!res.ok) throw new Error(res.error.message);
    const collection = CONTRACT.getLayer.result.parse(res.result);
    const hny = collection.features.find((f) => f.properties['iata'] === 'HNY');
    expect(hny?.properties).toMatchObject({ name_zh: '衡阳南岳机场', precision: expect.stringMatching(/exact|approximate/) });
    for (const f of collection.features) expect(String(f.properties['source']).length).toBeGreaterThan(0);
  });

  it('refuses an unknown layer and a basemap layer with clear messages', async () => {
    expect(await dispatch(backend.api, 'getLayer', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/no layer with id "nope"/) },
    });
    expect(await dispatch(backend.api, 'getLayer', { id: 'counties' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/drawn from tiles/) },
    });
    expect(await dispatch(backend.api, 'getLayer', { id: 7 })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
  });
});
describe('searchPlaces', () => {
  const search = async (query: string) => {
    const res = await dispatch(backend.api, 'searchPlaces', { query });
    if (!res.ok) throw new Error(res.error.message);
    return CONTRACT.searchPlaces.result.parse(res.result);
  };
  it('finds a county by Chinese name, full pinyin, initials and English', async () => {
    for (const q of ['衡南', 'hengnan', 'hnx', 'Hengnan County']) {
      expect((await search(q))[0], q).toMatchObject({ layer: 'counties', name_zh: '衡南县' });
    }
  });
  it('finds an airport by its English name and puts it on the map', async () => {
    const hit = (await search('Zhijiang Airport'))[0];
    expect(hit).toMatchObject({ layer: 'airports', name_zh: '怀化芷江机场' });
    expect(hit?.center?.[0]).toBeGreaterThan(109);
  });
  it('prefers places in the zone and returns nothing for an empty query', async () => {
    // 湘西 matches the zone prefecture before anything outside it.
    expect((await search('湘西'))[0]?.name_zh).toMatch(/湘西/);
    expect(await search('   ')).toEqual([]);
  });
  it('rejects an over-long query', async () => {
    expect(await dispatch(backend.api, 'searchPlaces', { query: 'x'.repeat(101) })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT' },
    });
  });
});
