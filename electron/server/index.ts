/**
 * The browser edition: a local HTTP server that serves the built renderer, the basemap tiles and
 * the same API as Electron's IPC (POST /api/<method>, JSON in, envelope out). Bound to 127.0.0.1.
 *
 * Security: only loopback; the Host header must name this server (defeats DNS rebinding); API
 * calls must be JSON (a cross-site form cannot send that without a CORS preflight we never
 * answer) and, when the browser sends an Origin, come from this server's own origin, under
 * either loopback name: the Host check accepts `localhost:PORT` and `127.0.0.1:PORT`, so the
 * Origin check accepts `http://localhost:PORT` and `http://127.0.0.1:PORT` alike.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backend.ts';
import { resolveAsset } from '../assets/resolve-asset.ts';
import { FILE_METHODS } from '../contract/api.ts';
import { dispatch } from '../handlers/index.ts';

/** Largest API request body accepted, bytes. Requests are small JSON arguments… */
export const MAX_BODY_BYTES = 1_000_000;
/** …except the methods that carry file bytes: a small file or one upload chunk (4 MB), base64. */
export const MAX_FILE_BODY_BYTES = 8_000_000;

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, { 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY', ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, JSON.stringify(value));
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(`request body larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startServer(backend: Backend, options: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error('[server] request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      send(res, 421, { 'content-type': 'text/plain' }, 'misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        sendJson(res, 405, { ok: false, error: { code: 'BAD_ARGUMENT', message: 'API calls use POST' } });
        return;
      }
      if (req.headers.origin !== undefined && !allowedOrigins.has(req.headers.origin)) {
        sendJson(res, 403, { ok: false, error: { code: 'BAD_ARGUMENT', message: 'cross-origin API calls are refused' } });
        return;
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        sendJson(res, 415, { ok: false, error: { code: 'BAD_ARGUMENT', message: 'API calls must send application/json' } });
        return;
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        sendJson(res, 404, {
          ok: false,
          error: { code: 'UNKNOWN_METHOD', message: 'unknown method (its name in the path is not valid percent-encoding)' },
        });
        return;
      }
      let args: unknown;
      try {
        const text = await readBody(req, (FILE_METHODS as readonly string[]).includes(method) ? MAX_FILE_BODY_BYTES : MAX_BODY_BYTES);
        args = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          // Stop reading; close the connection so the unread rest cannot be taken for a request.
          res.setHeader('connection', 'close');
          sendJson(res, 413, { ok: false, error: { code: 'BAD_ARGUMENT', message: error.message } });
          return;
        }
        sendJson(res, 400, {
          ok: false,
          error: { code: 'BAD_ARGUMENT', message: `request body is not valid JSON: ${(error as Error).message}` },
        });
        return;
      }
      const envelope = await dispatch(backend.api, method, args);
      sendJson(
        res,
        envelope.ok ? 200 : envelope.error.code === 'UNKNOWN_METHOD' ? 404 : envelope.error.code === 'INTERNAL' ? 500 : 400,
        envelope,
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { 'content-type': 'text/plain' }, 'method not allowed');
      return;
    }
    const asset = await resolveAsset(url.pathname, {
      rendererDir: backend.paths.rendererDir,
      basemap: backend.reference.basemap,
      packs: backend.packs,
      roads: backend.context.roads,
    });
    send(res, asset.status, asset.headers, req.method === 'HEAD' ? '' : asset.body);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;
  // One list of names for both checks: the names this server answers to.
  const names = [...new Set([host, 'localhost', '127.0.0.1'])];
  allowedHosts = new Set(names.map((n) => `${n}:${port}`));
  allowedOrigins = new Set(names.map((n) => `http://${n}:${port}`));
  return {
    url: `${origin}/`,
    server,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
