/**
 * Issue 13 item 9: rankings of many candidates and fine isochrones run off the main thread, which
 * keeps answering meanwhile; limits (candidates, time, queue) are answered with clear messages.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Profile } from '../contract/api.ts';
import { callOk, tempBackend } from '../testing/temp-backend.ts';
import { dispatch, workerInit } from './index.ts';
import { OFF_THREAD_LIMITS, OffThread } from './off-thread.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());
const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);

/** Longest gap between two ticks of a 10 ms timer while `run` is pending, and how long it took. */
async function responsiveness<T>(run: () => Promise<T>): Promise<{ gap: number; ms: number; value: T }> {
  let last = Date.now();
  let gap = 0;
  const timer = setInterval(() => {
    gap = Math.max(gap, Date.now() - last);
    last = Date.now();
  }, 10);
  const started = Date.now();
  try {
    const value = await run();
    return { gap: Math.max(gap, Date.now() - last), ms: Date.now() - started, value };
  } finally {
    clearInterval(timer);
  }
}

async function importCandidates(n: number, name: string): Promise<void> {
  const rows = ['name,lng,lat'];
  for (let i = 0; i < n; i++) rows.push(`${name}${i},${(111 + (i % 150) / 100).toFixed(4)},${(26 + Math.floor(i / 150) / 200).toFixed(4)}`);
  const { jobId } = await ok<{ jobId: string }>('startImport', {
    name: `${name}.csv`,
    dataBase64: Buffer.from(rows.join('\n')).toString('base64'),
    layerName: name,
    role: 'candidates',
    crs: 'wgs84',
  });
  await backend.context.jobs.finished(jobId);
}

describe('heavy methods off the main thread', () => {
  it('while thousands of candidates are ranked, the main thread keeps answering', async () => {
    await importCandidates(3000, 'c');
    const presets = await ok<{ profile: Profile }[]>('profilePresets', {});
    const ranking = dispatch(backend.api, 'scoreSites', { profile: presets[0]?.profile, monteCarloSamples: 2000 });
    // Another call is answered at once, not after the ranking.
    const settings = await responsiveness(() => ok('getSettings', {}));
    expect(settings.ms).toBeLessThan(1000);
    const { gap, ms, value } = await responsiveness(() => ranking);
    expect(value.ok).toBe(true);
    expect((value as { result: { candidates: unknown[] } }).result.candidates.length).toBeGreaterThan(2000);
    // The ranking took seconds (3,000 new sites' travel times and labour pools, 2,000 Monte-Carlo samples)…
    expect(ms).toBeGreaterThan(1000);
    // …and the event loop never waited long for it.
    expect(gap).toBeLessThan(500);
  });

  it('a fine isochrone (0.5 km cells) leaves the main thread free too', async () => {
    const { gap, value } = await responsiveness(() =>
      dispatch(backend.api, 'isochrone', { from: [112.6, 26.9], minutes: [30, 60, 90, 120], cellKm: 0.5 }),
    );
    expect(value).toMatchObject({ ok: true, result: { type: 'FeatureCollection' } });
    expect(gap).toBeLessThan(500);
  });

  it('a ranking of more candidates than the limit is refused with the count and what to change', async () => {
    await importCandidates(OFF_THREAD_LIMITS.candidates - 3000 + 1, 'more');
    const presets = await ok<{ profile: Profile }[]>('profilePresets', {});
    expect(await dispatch(backend.api, 'scoreSites', { profile: presets[0]?.profile })).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_ARGUMENT',
        message: `scoreSites: 20001 candidate sites (0 of your own, 20001 imported as candidates) are more than a ranking takes (20000); give fewer imported layers the role "candidates", or split them`,
      },
    });
  });

  it('a call past the time limit is stopped with a message, and the next call runs in a fresh worker', async () => {
    const limits = { ...OFF_THREAD_LIMITS, callMs: 1000 };
    const pool = new OffThread(() => workerInit(backend.context), limits);
    try {
      await expect(pool.call('isochrone', { from: [112.6, 26.9], minutes: [30, 60, 90, 120], cellKm: 0.5 })).rejects.toThrow(
        /^isochrone took longer than 1 s and was stopped/,
      );
      // The limit is read per call: the next one gets room enough for a busy CI machine (the
      // fresh worker's first call loads the network; a 1 s limit failed it there once).
      limits.callMs = 60_000;
      const quick = await pool.call('catchment', { from: [112.6, 26.9], minutes: [30] });
      expect(Array.isArray(quick.value)).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
