/**
 * Electron main, run under a stand-in for the `electron` module (the runtime is not installed
 * here): the real backend behind it, the IPC handlers as main registers them, and the frames and
 * events Electron's documentation describes. Issue 13 items 12 and 17.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT, tempDir } from '../testing/temp-backend.ts';

type Listener = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => {
  const listeners = () => new Map<string, Listener[]>();
  const on = (map: Map<string, Listener[]>) => (event: string, fn: Listener) => {
    map.set(event, [...(map.get(event) ?? []), fn]);
  };
  const state = {
    userData: '',
    ipc: new Map<string, Listener>(),
    app: listeners(),
    errorBoxes: [] as { title: string; content: string }[],
    exits: [] as number[],
    windows: [] as { webContents: ReturnType<typeof makeContents>; kiosk: boolean }[],
    ready: Promise.resolve(),
  };
  function makeContents(id: number) {
    const events = listeners();
    const mainFrame = { url: 'siteselect://app/index.html', origin: 'siteselect://app' };
    return {
      id,
      mainFrame,
      events,
      devToolsClosed: 0,
      on: on(events),
      closeDevTools() {
        this.devToolsClosed++;
      },
      setWindowOpenHandler: () => undefined,
      emit(event: string, ...args: unknown[]) {
        for (const fn of events.get(event) ?? []) fn(...args);
      },
    };
  }
  return { state, makeContents, on };
});

vi.mock('electron', () => {
  const { state, makeContents, on } = fake;
  class BrowserWindow {
    webContents = makeContents(state.windows.length + 1);
    kiosk = false;
    constructor() {
      state.windows.push(this);
      for (const fn of state.app.get('web-contents-created') ?? []) fn({}, this.webContents);
    }
    once = () => undefined;
    show = () => undefined;
    loadURL = () => Promise.resolve();
    setKiosk(on: boolean) {
      this.kiosk = on;
    }
    static getAllWindows = () => state.windows;
    static fromWebContents = (contents: { id: number }) => state.windows.find((w) => w.webContents.id === contents.id) ?? null;
  }
  return {
    app: {
      enableSandbox: () => undefined,
      whenReady: () => state.ready,
      getAppPath: () => REPO_ROOT,
      getPath: () => state.userData,
      // Looked up at each call: every test starts main afresh with maps of its own.
      on: (event: string, fn: Listener) => on(state.app)(event, fn),
      exit: (code: number) => void state.exits.push(code),
      quit: () => undefined,
    },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    ipcMain: { handle: (channel: string, fn: Listener) => void state.ipc.set(channel, fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        webRequest: { onBeforeRequest: () => undefined },
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => void fake.state.errorBoxes.push({ title, content }),
      showSaveDialog: () => ({ canceled: true }),
    },
    BrowserWindow,
  };
});

const dirs: { remove(): void }[] = [];
afterAll(() => dirs.forEach((d) => d.remove()));

async function startMain(userData: string) {
  vi.resetModules();
  Object.assign(fake.state, { userData, ipc: new Map(), app: new Map(), errorBoxes: [], exits: [], windows: [] });
  await import('./index.ts');
  await vi.waitFor(() => expect(fake.state.ipc.size > 0 || fake.state.exits.length > 0).toBe(true), { timeout: 20_000 });
  return fake.state;
}

describe('Electron main (with a stand-in for the electron module)', () => {
  beforeEach(() => {
    fake.state.ready = Promise.resolve();
  });

  it("answers IPC from the app's siteselect://app page, and refuses an iframe", async () => {
    const dir = tempDir('siteselect-main-');
    dirs.push(dir);
    const state = await startMain(dir.dir);
    const window = state.windows[0];
    if (!window) throw new Error('main opened no window');
    const handler = state.ipc.get('siteselect:getSettings') as Listener;
    const sender = window.webContents;
    expect(await handler({ sender, senderFrame: sender.mainFrame }, {})).toMatchObject({ ok: true, result: { language: 'zh' } });
    const iframe = { url: 'siteselect://app/index.html', origin: 'siteselect://app' };
    expect(await handler({ sender, senderFrame: iframe }, {})).toEqual({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: 'caller is not the app window' },
    });
    // Every method of the contract has its channel.
    const { METHOD_NAMES } = await import('../contract/methods.ts');
    expect([...state.ipc.keys()].filter((c) => c.startsWith('siteselect:') && !c.includes('-')).sort()).toEqual(
      METHOD_NAMES.map((m) => `siteselect:${m}`).sort(),
    );
  });

  it('in presentation mode, developer tools and reload shortcuts do nothing', async () => {
    const dir = tempDir('siteselect-main-');
    dirs.push(dir);
    const state = await startMain(dir.dir);
    const { PRESENT_CHANNEL } = await import('../contract/methods.ts');
    const window = state.windows[0];
    if (!window) throw new Error('main opened no window');
    const contents = window.webContents;
    const press = (key: string, mods: object = {}) => {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      contents.emit('before-input-event', event, { type: 'keyDown', key, control: false, meta: false, shift: false, alt: false, ...mods });
      return event.prevented;
    };
    expect([press('F12'), press('r', { control: true })]).toEqual([false, false]);
    await (state.ipc.get(PRESENT_CHANNEL) as Listener)({ sender: contents, senderFrame: contents.mainFrame }, true);
    expect(window.kiosk).toBe(true);
    expect(contents.devToolsClosed).toBe(1);
    expect([press('F12'), press('r', { control: true }), press('I', { control: true, shift: true }), press('1')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(2);
    await (state.ipc.get(PRESENT_CHANNEL) as Listener)({ sender: contents, senderFrame: contents.mainFrame }, false);
    expect(press('F12')).toBe(false);
  });

  it('when the data folder cannot be opened, a dialog names the folder and the error, then the app quits', async () => {
    const dir = tempDir('siteselect-main-');
    dirs.push(dir);
    // A file where the data folder should be: the database cannot be created in it.
    const notAFolder = join(dir.dir, 'not-a-folder');
    writeFileSync(notAFolder, 'x');
    const state = await startMain(notAFolder);
    expect(state.exits).toEqual([1]);
    expect(state.errorBoxes).toHaveLength(1);
    expect(state.errorBoxes[0]?.title).toMatch(/无法启动 .* cannot start/);
    expect(state.errorBoxes[0]?.content).toContain(notAFolder);
    expect(state.errorBoxes[0]?.content).toMatch(/ENOTDIR|EEXIST|not a directory|file already exists/i);
  });
});
