import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempBackend, tempDir } from '../testing/temp-backend.ts';
import { CONTENT_SECURITY_POLICY, resolveAsset, safeJoin } from './resolve-asset.ts';

const backend = tempBackend();
const site = tempDir('siteselect-renderer-');
const outside = tempDir('siteselect-outside-');
mkdirSync(join(site.dir, 'assets'));
writeFileSync(join(site.dir, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(site.dir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(outside.dir, 'secret.txt'), 'secret');
symlinkSync(join(outside.dir, 'secret.txt'), join(site.dir, 'assets', 'link.txt'));
afterAll(() => {
  backend.dispose();
  site.remove();
  outside.remove();
});
const ctx = { rendererDir: site.dir, basemap: backend.reference.basemap };

describe('resolveAsset', () => {
  it('serves index.html for / with the content security policy', async () => {
    const res = await resolveAsset('/', ctx);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('serves built files with their type', async () => {
    expect(await resolveAsset('/assets/app.js', ctx)).toMatchObject({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8' },
    });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    '/..%5c..%5csecret.txt',
    '/assets/app.js%00.png',
    '/%E0%A4%A',
    '/assets/link.txt',
  ])('refuses %s', async (path) => {
    expect((await resolveAsset(path, ctx)).status).toBe(404);
  });

  it('serves basemap tiles inflated, and an empty tile where there is no data', async () => {
    const tile = await resolveAsset('/tiles/basemap/7/104/54.pbf', ctx);
    expect(tile.status).toBe(200);
    expect(tile.headers['content-type']).toBe('application/x-protobuf');
    expect((tile.body as Buffer).length).toBeGreaterThan(1000);
    expect((tile.body as Buffer)[0]).not.toBe(0x1f); // not gzip
    const empty = await resolveAsset('/tiles/basemap/7/0/0.pbf', ctx);
    expect(empty).toMatchObject({ status: 200 });
    expect((empty.body as Buffer).length).toBe(0);
    expect((await resolveAsset('/tiles/basemap/3/9/0.pbf', ctx)).status).toBe(404);
  });
});

describe('safeJoin', () => {
  it('keeps paths inside the folder', () => {
    expect(safeJoin('/srv/app', '/a/b.js')).toBe('/srv/app/a/b.js');
    expect(safeJoin('/srv/app', '/a/../../etc/passwd')).toBeNull();
    expect(safeJoin('/srv/app', 'relative')).toBeNull();
  });
});
