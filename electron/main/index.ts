/**
 * Electron main process. Thin on purpose: it opens the shared backend, serves the renderer and
 * tiles through the `siteselect://` protocol, forwards IPC to the shared `dispatch`, and sets the
 * security baseline (see docs/ARCHITECTURE.md). Only electron/main and electron/preload import
 * 'electron'.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openBackend, type Backend } from '../backend.ts';
import { METHOD_NAMES, CHANNEL_PREFIX, PRESENT_CHANNEL, PRINT_CHANNEL } from '../contract/methods.ts';
import { resolveAsset } from '../assets/resolve-asset.ts';
import { dispatch, setOffThreadScript } from '../handlers/index.ts';
import { appPaths } from '../node/paths.ts';
import { APP_HOST, APP_ORIGIN, isAppUrl, isTrustedFrame, SCHEME } from './ipc-guard.ts';
import { isKioskBlocked } from './kiosk-keys.ts';
import { startupFailure } from './startup-error.ts';
import { safeStorageSecrets } from './team-secrets.ts';

// Must run before `ready`: a standard, secure scheme gets an origin of its own, so the CSP's
// 'self' means exactly the app's files, and fetch() works for tiles.
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let backend: Backend | undefined;
let dataDir = '(not known yet)';
/** Web contents (by id) that are in presentation mode. */
const presenting = new Set<number>();

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  // Only the app's own top-level page may call the API (ipc-guard.ts says why by frame.origin).
  return isTrustedFrame(event.senderFrame, event.sender.mainFrame);
}

function registerIpc(b: Backend): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(`${CHANNEL_PREFIX}${method}`, (event, args: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'BAD_ARGUMENT', message: 'caller is not the app window' } };
      return dispatch(b.api, method, args);
    });
  }
  // Presentation mode turns kiosk on and off; remembered so a crash reloads into the tour.
  ipcMain.handle(PRESENT_CHANNEL, (event, on: unknown) => {
    if (!isTrustedSender(event)) return;
    const window = BrowserWindow.fromWebContents(event.sender);
    if (on === true) presenting.add(event.sender.id);
    else presenting.delete(event.sender.id);
    window?.setKiosk(on === true);
    // Nobody at the stand opens the developer tools, and they close when the tour starts.
    if (on === true) event.sender.closeDevTools();
  });
  // The report view saves itself as a PDF (A4, backgrounds) through a save dialog.
  ipcMain.handle(PRINT_CHANNEL, async (event, fileName: unknown, seal: unknown) => {
    if (!isTrustedSender(event)) return { saved: null };
    const window = BrowserWindow.fromWebContents(event.sender);
    const name = typeof fileName === 'string' && /^[^/\\:*?"<>|]{1,100}\.pdf$/.test(fileName) ? fileName : 'report.pdf';
    const target = window
      ? await dialog.showSaveDialog(window, { defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
      : null;
    if (!target || target.canceled || !target.filePath) return { saved: null };
    let pdf: Uint8Array = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true });
    // The report's scenario rides along as an attachment (checked by the contract like any call).
    if (seal !== undefined) {
      const sealed = await dispatch(b.api, 'sealPdf', { pdfBase64: Buffer.from(pdf).toString('base64'), seal });
      if (!sealed.ok) throw new Error(sealed.error.message);
      pdf = Buffer.from((sealed.result as { dataBase64: string }).dataBase64, 'base64');
    }
    await writeFile(target.filePath, pdf);
    return { saved: target.filePath };
  });
}

function registerProtocol(b: Backend): void {
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
    const asset = await resolveAsset(url.pathname, {
      rendererDir: b.paths.rendererDir,
      basemap: b.reference.basemap,
      packs: b.packs,
      roads: b.context.roads,
    });
    return new Response(typeof asset.body === 'string' ? asset.body : new Uint8Array(asset.body), {
      status: asset.status,
      headers: asset.headers,
    });
  });
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // The app never needs the network: refuse anything that is not our own scheme or devtools.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      details.url.startsWith(`${APP_ORIGIN}/`) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  // In presentation mode the developer tools and reload shortcuts do nothing (kiosk-keys.ts).
  contents.on('before-input-event', (event, input) => {
    if (presenting.has(contents.id) && isKioskBlocked(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => {
    if (presenting.has(contents.id)) contents.closeDevTools();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    show: false,
    title: '湘南湘西选址助手',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click must not open a link in a new window (navigation is locked down anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  // Unbreakable at a fair: if the page's process dies, load it again, straight back into the tour
  // when it was presenting.
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    void win.loadURL(`${APP_ORIGIN}/index.html${presenting.has(win.webContents.id) ? '#present' : ''}`);
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

app
  .whenReady()
  .then(() => {
    const appRoot = app.getAppPath();
    // Data files are unpacked next to the asar archive (electron-builder.yml asarUnpack).
    const unpacked = appRoot.replace(/app\.asar$/, 'app.asar.unpacked');
    // The heavy methods' worker is bundled next to main (scripts/build-electron.mjs) and unpacked too.
    setOffThreadScript(join(__dirname, 'heavy-worker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'));
    dataDir = app.getPath('userData');
    backend = openBackend({
      paths: appPaths(appRoot, unpacked),
      dataDir,
      edition: 'electron',
      // The road-import worker is bundled beside main (scripts/build-electron.mjs).
      roadsWorkerUrl: pathToFileURL(join(__dirname, 'roads-import-worker.mjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1')),
      // The team server's password is kept sealed by the OS keychain (team-secrets.ts).
      secrets: safeStorageSecrets,
    });
    lockDownSession();
    registerProtocol(backend);
    registerIpc(backend);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  })
  .catch((error: unknown) => {
    console.error('start-up failed', error);
    // Never quit silently: say which folder could not be opened, and why.
    const { title, content } = startupFailure(dataDir, error);
    dialog.showErrorBox(title, content);
    app.exit(1);
  });

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  // The off-thread worker holds a read-only connection: stop it before the database closes.
  void backend?.context.offThread?.close();
  backend?.close();
});
