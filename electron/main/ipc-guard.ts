/**
 * Which frames may call the API over IPC: the app's own top-level page, loaded from
 * `siteselect://app/`. Pure (types from Electron only), so it is tested without the runtime.
 *
 * The check reads `frame.origin`, the frame's origin as Chromium serialises it (RFC 6454; Electron
 * docs, WebFrameMain: "A string representing the current origin of the frame, serialized according
 * to RFC 6454 … Pages without a scheme/host/port triple origin will have the serialized origin of
 * "null""). `siteselect` is registered as a standard scheme (protocol.registerSchemesAsPrivileged:
 * "A standard scheme adheres to what RFC 3986 calls generic URI syntax"), so its pages have the
 * tuple origin `siteselect://app`. What the main process must not do is derive the origin with
 * `new URL(frame.url).origin`: that is Node's URL, which knows only the special schemes (http, ws,
 * file, …) and gives "null" for any other, so that check refused the app itself. The URL is
 * checked too, by its parts.
 */
import type { WebFrameMain } from 'electron';

export const SCHEME = 'siteselect';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${SCHEME}://${APP_HOST}`;

/** The parts of a frame the check reads (a WebFrameMain in the app). */
export type FrameLike = Pick<WebFrameMain, 'url' | 'origin'>;

/** True for a URL of the app's own pages: `siteselect://app/…`, nothing else. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * Whether an IPC call comes from the app's own page: its top-level frame (not an iframe), with the
 * app's origin and URL (navigation is blocked too; this is the second lock).
 */
export function isTrustedFrame(frame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  return !!frame && frame === mainFrame && frame.origin === APP_ORIGIN && isAppUrl(frame.url);
}
