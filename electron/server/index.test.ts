import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempBackend } from '../testing/temp-backend.ts';
import { startServer, type RunningServer } from './index.ts';

const backend = tempBackend();
let server: RunningServer;
beforeAll(async () => {
  server = await startServer(backend, { port: 0 });
});
afterAll(async () => {
  await server.close();
  backend.dispose();
});

function post(path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(new URL(path, server.url), { method: 'POST', headers, body });
}

describe('browser-edition server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect((server.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('answers API calls with the same envelope as IPC', async () => {
    const res = await post('/api/getSettings', '{}');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, result: { language: 'zh', presentationPinSet: false } });
  });

  it('answers an unknown method with 404 and a typed error', async () => {
    const res = await post('/api/rmrf', '{}');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers a wrong argument type with 400 and names the field', async () => {
    const res = await post('/api/updateSettings', '{"language":["en"]}');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/language/) } });
  });

  it('answers malformed JSON with 400, not a crash', async () => {
    const res = await post('/api/appInfo', '{"language":');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/not valid JSON/) },
    });
    expect((await post('/api/appInfo', '{}')).status).toBe(200);
  });

  it('refuses cross-origin calls, non-JSON bodies and GET on the API', async () => {
    expect((await post('/api/getSettings', '{}', { 'content-type': 'application/json', origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/api/getSettings', 'language=en', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await fetch(new URL('/api/getSettings', server.url))).status).toBe(405);
  });

  it('refuses a request whose Host is not this server (DNS rebinding)', async () => {
    const { port } = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', headers: { host: `attacker.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('refuses an oversized body', async () => {
    const res = await post('/api/appInfo', JSON.stringify({ pad: 'x'.repeat(1_100_000) })).catch(() => null);
    // Either the 413 arrives or the server closed the socket before the client finished sending.
    if (res) expect(res.status).toBe(413);
    expect((await post('/api/getSettings', '{}')).status).toBe(200);
  });

  it('serves tiles and refuses path traversal over HTTP', async () => {
    expect((await fetch(new URL('/tiles/basemap/7/104/54.pbf', server.url))).status).toBe(200);
    expect((await fetch(new URL('/%2e%2e/%2e%2e/etc/passwd', server.url))).status).toBe(404);
  });

  it('accepts API calls from both loopback spellings of its own origin, and no other (issue 13 item 7)', async () => {
    const { port } = new URL(server.url);
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      const res = await post('/api/getSettings', '{}', { 'content-type': 'application/json', origin });
      expect(res.status, origin).toBe(200);
    }
    for (const origin of [`http://localhost:${Number(port) + 1}`, `https://localhost:${port}`, 'http://localhost', `http://[::1]:${port}`])
      expect((await post('/api/getSettings', '{}', { 'content-type': 'application/json', origin })).status, origin).toBe(403);
  });

  it('answers a method name that is not valid percent-encoding as an unknown method, not a 500 (issue 13 item 15)', async () => {
    for (const path of ['/api/%E0%A4%A', '/api/%', '/api/get%2FSettings']) {
      const res = await post(path, '{}');
      expect(res.status, path).toBe(404);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('UNKNOWN_METHOD');
      expect(body.error.message).not.toMatch(/undefined/);
    }
  });
});
