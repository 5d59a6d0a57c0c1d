import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl, isTrustedFrame, type FrameLike } from './ipc-guard.ts';

/**
 * Electron's documented behaviour (electronjs.org/docs/api/web-frame-main, `frame.origin`; the
 * typings of electron 41 say the same): the frame's origin serialised per RFC 6454, "null" for a
 * page without a scheme/host/port triple. `siteselect` is registered as a standard scheme
 * (protocol.registerSchemesAsPrivileged, `standard: true`), so the app's page has the tuple origin
 * `siteselect://app`; these frames are what Electron hands the IPC handler for it and for others.
 */
const appPage: FrameLike = { url: 'siteselect://app/index.html#present', origin: 'siteselect://app' };

describe('the IPC sender check', () => {
  it("accepts the app's own top-level siteselect://app page", () => {
    expect(isTrustedFrame(appPage, appPage)).toBe(true);
    const home = { url: 'siteselect://app/', origin: APP_ORIGIN };
    expect(isTrustedFrame(home, home)).toBe(true);
  });

  it('does not derive the origin from the URL: in Node, a custom scheme has the origin "null" (the defect)', () => {
    expect(new URL(appPage.url).origin).toBe('null');
    expect(isAppUrl(appPage.url)).toBe(true);
  });

  it('refuses iframes, other pages, other hosts and opaque origins', () => {
    const iframe = { ...appPage };
    expect(isTrustedFrame(iframe, appPage)).toBe(false);
    expect(isTrustedFrame(null, appPage)).toBe(false);
    for (const frame of [
      { url: 'siteselect://evil/index.html', origin: 'siteselect://evil' },
      { url: 'siteselect://app@evil/', origin: 'siteselect://evil' },
      { url: 'https://app/index.html', origin: 'https://app' },
      { url: 'file:///index.html', origin: 'file://' },
      { url: 'siteselect://app/index.html', origin: 'null' },
      { url: 'about:blank', origin: APP_ORIGIN },
      { url: 'siteselect://user:pw@app/', origin: APP_ORIGIN },
    ])
      expect(isTrustedFrame(frame, frame), frame.url).toBe(false);
  });
});
