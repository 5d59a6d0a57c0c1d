import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT } from '../contract/api.ts';
import { callOk, tempBackend } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());

const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);

describe('network API', () => {
  it('reports its assumptions and size', async () => {
    const info = CONTRACT.networkInfo.result.parse(await ok('networkInfo', {}));
    expect(info.assumptions).toMatchObject({ expresswayKmh: 90, ordinaryRoadKmh: 40, detourFactor: 1.3 });
    expect(info.nodes).toBeGreaterThan(20);
    expect(info.markets.map((m) => m.id)).toEqual(
      expect.arrayContaining(['guangzhou', 'shenzhen', 'changsha', 'huaihua-international-rail']),
    );
  });

  it('gives travel times from a point in Hengyang with the facilities reached', async () => {
    const r = CONTRACT.travelTimes.result.parse(await ok('travelTimes', { from: [112.6, 26.9] }));
    expect(r.facilities.interchange?.minutes).toBeGreaterThan(0);
    expect(r.facilities.interchange?.minutes).toBeLessThan(60);
    expect(r.facilities.airport?.id).toBe('airport-hny');
    expect(r.markets['guangzhou']?.minutes).toBeGreaterThan(r.markets['changsha']?.minutes ?? Infinity);
    expect(r.markets['guangzhou']?.via.length).toBeGreaterThan(0);
    // The only located logistics hub is 怀化's (at the 怀化西 yard); train services are not destinations.
    expect(r.facilities['logistics-hub']?.id).toBe('hub-huaihua-trade');
    expect(r.facilities['logistics-hub']?.minutes).toBeGreaterThan(120);
    expect(r.facilities['bonded-zone']?.id).toBe('bonded-hengyang-czbq');
  });

  it('slower roads give longer times', async () => {
    const normal = await ok<{ markets: Record<string, { minutes: number }> }>('travelTimes', { from: [112.6, 26.9] });
    const slow = await ok<{ markets: Record<string, { minutes: number }> }>('travelTimes', {
      from: [112.6, 26.9],
      assumptions: { expresswayKmh: 60 },
    });
    expect(slow.markets['guangzhou']?.minutes).toBeGreaterThan(normal.markets['guangzhou']?.minutes ?? Infinity);
  });

  it.each([
    [{ from: [100, 40] }, /outside the demonstration zone/],
    [{ from: [26.9, 112.6] }, /swapped|outside/],
    [{ from: ['a', 26] }, /from/],
    [{ from: [112.6, 26.9], assumptions: { detourFactor: 0.5 } }, /detourFactor/],
  ])('refuses %j with a clear message', async (args, message) => {
    const res = await dispatch(backend.api, 'travelTimes', args);
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    if (!res.ok) expect(res.error.message).toMatch(message);
  });

  it('draws isochrones and refuses an empty threshold list', async () => {
    const fcol = CONTRACT.isochrone.result.parse(await ok('isochrone', { from: [112.6, 26.9], minutes: [30, 60] }));
    expect(fcol.features.map((f) => f.properties['minutes'])).toEqual([30, 60]);
    expect(await dispatch(backend.api, 'isochrone', { from: [112.6, 26.9], minutes: [] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/at least one threshold/) },
    });
  });

  it('counts population within reach, growing with time, and lists unknown counties', async () => {
    const c = CONTRACT.catchment.result.parse(await ok('catchment', { from: [112.6, 26.9], minutes: [30, 90] }));
    expect(c[0]?.population).toBeGreaterThan(0);
    expect(c[1]?.population).toBeGreaterThanOrEqual(c[0]?.population ?? 0);
    expect(c[1]?.countiesReached).toBeGreaterThanOrEqual(c[0]?.countiesReached ?? 0);
  });

  it('exports the graph: nodes as points with ids, edges with from, to, length and minutes', async () => {
    const g = CONTRACT.exportNetwork.result.parse(await ok('exportNetwork', {}));
    const nodes = g.features.filter((f) => f.geometry?.type === 'Point');
    const edges = g.features.filter((f) => f.geometry?.type === 'LineString');
    const ids = new Set(nodes.map((n) => n.properties['id']));
    expect(edges.length).toBeGreaterThan(nodes.length / 2);
    for (const e of edges) {
      expect(ids.has(e.properties['from'])).toBe(true);
      expect(ids.has(e.properties['to'])).toBe(true);
      expect(e.properties['length_m']).toBeGreaterThanOrEqual(0);
      expect(e.properties['minutes']).toBeGreaterThanOrEqual(0);
    }
  });
});
