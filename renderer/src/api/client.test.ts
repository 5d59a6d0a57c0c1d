import { afterEach, describe, expect, it, vi } from 'vitest';

/** The browser edition's transport: a fetch that records each POST and answers from `answers`. */
function fakeFetch(answers: Record<string, unknown>) {
  const sent: { method: string; body: unknown }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const method = url.replace('./api/', '');
    sent.push({ method, body: JSON.parse(String(init.body)) });
    const result = answers[method];
    return {
      json: async () =>
        result instanceof Error ? { ok: false, error: { code: 'internal', message: result.message } } : { ok: true, result },
    };
  });
  return { fetch, sent };
}

async function freshClient(answers: Record<string, unknown>) {
  vi.resetModules();
  const { fetch, sent } = fakeFetch(answers);
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('window', {});
  return { client: await import('./client.ts'), sent };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('callEarly', () => {
  it('sends at once, and the first call of each method takes that answer instead of asking again', async () => {
    const { client, sent } = await freshClient({ getSettings: { language: 'en' }, appInfo: { version: '1' } });
    client.callEarly(['getSettings', 'appInfo']);
    expect(sent.map((s) => s.method)).toEqual(['getSettings', 'appInfo']);
    await expect(client.call('getSettings')).resolves.toEqual({ language: 'en' });
    expect(sent).toHaveLength(2);
    // The next call asks the backend again (fresh data, not the early answer).
    await client.call('getSettings');
    expect(sent.map((s) => s.method)).toEqual(['getSettings', 'appInfo', 'getSettings']);
  });

  it('is not used by a call with arguments', async () => {
    const { client, sent } = await freshClient({ getLayer: { type: 'FeatureCollection', features: [] } });
    client.callEarly(['getLayer']);
    await client.call('getLayer', { id: 'parks' });
    expect(sent).toEqual([
      { method: 'getLayer', body: {} },
      { method: 'getLayer', body: { id: 'parks' } },
    ]);
  });

  it('passes an early failure to the call that takes it', async () => {
    const { client } = await freshClient({ appInfo: new Error('backend not ready') });
    client.callEarly(['appInfo']);
    await expect(client.call('appInfo')).rejects.toThrow('backend not ready');
  });
});
