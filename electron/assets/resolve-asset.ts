/**
 * Resolves a request path to a response for both transports: the Electron custom protocol and
 * the browser edition's HTTP server. Serves the built renderer, basemap tiles and the imported
 * road network's tiles, nothing else.
 *
 * Security: a path is decoded once, must stay inside the renderer folder after normalisation
 * (no `..`, no absolute paths, no NUL bytes, no backslashes), so neither transport can be made to
 * read an arbitrary file on the user's disk.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { CONTENT_TYPES as TILE_TYPES } from '../basemaps/packs.ts';
import type { PackRegistry } from '../basemaps/registry.ts';
import type { Basemap } from '../reference/index.ts';

export interface AssetResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Content-Security-Policy for the app's pages: nothing but the app's own origin. Workers come
 * from the app's origin too (maplibre's worker is a built file); `blob:` is allowed for images
 * only, which maplibre uses for decoded raster data.
 */
const HTML_SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
} as const;
export const CONTENT_SECURITY_POLICY = HTML_SECURITY_HEADERS['content-security-policy'];

const TILE_PATH = /^\/tiles\/basemap\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.pbf$/;
const PACK_PATH = /^\/tiles\/pack\/(pack-[0-9a-f]{8})\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})$/;
/** Road tiles of the imported network: /tiles/roads/<version>/z/x/y.pbf, the version naming the import (roadLayerInfo gives it). */
const ROAD_PATH = /^\/tiles\/roads\/(\d{6,20})\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.pbf$/;

/** What the resolver needs of the road networks (electron/network/roads.ts): the sidecar's tiles and the import they belong to. */
export interface RoadTileSource {
  extras(): { tileVersion: string; tile(z: number, x: number, y: number): Buffer | null } | null;
}

function notFound(message = 'not found'): AssetResponse {
  return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: message };
}

/**
 * Maps a URL path (already stripped of query and origin) to a file inside `rendererDir`,
 * or null when the path would leave it.
 */
export function safeJoin(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const root = resolve(rendererDir);
  const candidate = resolve(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  return candidate;
}

export async function resolveAsset(
  urlPath: string,
  ctx: { rendererDir: string; basemap: Pick<Basemap, 'getTile'>; packs?: PackRegistry; roads?: RoadTileSource },
): Promise<AssetResponse> {
  const roadTile = ROAD_PATH.exec(urlPath);
  if (roadTile) {
    const [version, z, x, y] = [roadTile[1] as string, Number(roadTile[2]), Number(roadTile[3]), Number(roadTile[4])];
    if (z > 24 || x >= 2 ** z || y >= 2 ** z) return notFound('tile address out of range');
    const extras = ctx.roads?.extras();
    // A tile of an earlier import is gone: the renderer asks again with the new version.
    if (!extras || extras.tileVersion !== version) return notFound('no such road network');
    return {
      status: 200,
      headers: { 'content-type': 'application/x-protobuf', 'cache-control': 'max-age=3600' },
      body: extras.tile(z, x, y) ?? Buffer.alloc(0),
    };
  }
  const packTile = PACK_PATH.exec(urlPath);
  if (packTile) {
    const [id, z, x, y] = [packTile[1] as string, Number(packTile[2]), Number(packTile[3]), Number(packTile[4])];
    if (z > 24 || x >= 2 ** z || y >= 2 ** z) return notFound('tile address out of range');
    const found = await ctx.packs?.get(id).catch(() => null);
    if (!found) return notFound('no such basemap pack');
    const data = await found.pack.getTile(z, x, y);
    const type = TILE_TYPES[found.record.format] ?? 'application/octet-stream';
    // A missing raster tile is a 204 (transparent); a missing vector tile an empty body.
    if (!data)
      return found.record.tileType === 'raster'
        ? { status: 204, headers: {}, body: '' }
        : { status: 200, headers: { 'content-type': type }, body: Buffer.alloc(0) };
    return { status: 200, headers: { 'content-type': type, 'cache-control': 'max-age=3600' }, body: Buffer.from(data) };
  }
  const tile = TILE_PATH.exec(urlPath);
  if (tile) {
    const [z, x, y] = [Number(tile[1]), Number(tile[2]), Number(tile[3])];
    const n = 2 ** z;
    if (z > 24 || x >= n || y >= n) return notFound('tile address out of range');
    const data = ctx.basemap.getTile(z, x, y);
    // An empty body is an empty tile to maplibre: the map has no data there (sea, far away).
    return {
      status: 200,
      headers: { 'content-type': 'application/x-protobuf', 'cache-control': 'max-age=3600' },
      body: data ?? Buffer.alloc(0),
    };
  }
  const file = safeJoin(ctx.rendererDir, urlPath === '/' ? '/index.html' : urlPath);
  if (!file || !existsSync(file) || !statSync(file).isFile()) return notFound();
  // A symlink inside the folder must not lead outside it either.
  const real = realpathSync(file);
  const realRoot = realpathSync(ctx.rendererDir);
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return notFound();
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  const isHtml = type.startsWith('text/html');
  const headers: Record<string, string> = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    ...(isHtml ? HTML_SECURITY_HEADERS : {}),
  };
  return { status: 200, headers, body: readFileSync(real) };
}
