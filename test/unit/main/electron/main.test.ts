import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventChannel, REQUEST_NAMES, requestChannel } from '../../../../shared/api';
import { makeTempDir, writeFiles } from '../workspace/temp-dir';
import type * as Stub from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

// The real back end is tested on its own; here only its wiring into the shell matters.
const backend = vi.hoisted(() => ({
  createBackend: vi.fn(),
  openRepository: vi.fn(async (path: string) => ({ path, name: 'blog', branch: 'main', collections: [] })),
}));
vi.mock('../../../../main/backend', () => ({
  createBackend: backend.createBackend,
  dispatch: vi.fn(async () => ({ ok: true, value: null })),
}));
vi.mock('../../../../main/electron/settings', () => ({
  createElectronSettings: vi.fn(() => ({
    getRecent: () => [],
    addRecent: async () => undefined,
    get: () => undefined,
    set: async () => undefined,
  })),
}));

const originalArgv = process.argv;

/** Loads main.ts afresh (it starts the app on import) and returns the electron stub it saw. */
async function launch(
  options: { argv?: string[]; rawArgv?: string[]; singleInstance?: boolean; packaged?: boolean } = {},
) {
  vi.resetModules();
  // The mocked module, i.e. the very stub instance main.ts will import (the mock survives resetModules).
  const electron = (await import('electron')) as unknown as typeof Stub;
  electron.app.removeAllListeners();
  electron.app.singleInstance = options.singleInstance ?? true;
  electron.BrowserWindow.created = [];
  electron.app.isPackaged = options.packaged ?? false;
  process.argv = options.rawArgv ?? ['/usr/bin/electron', '.', ...(options.argv ?? [])];
  await import('../../../../main/electron/main');
  return electron;
}

beforeEach(() => {
  vi.clearAllMocks();
  backend.createBackend.mockImplementation(() => ({ openRepository: backend.openRepository }));
});

afterEach(() => {
  process.argv = originalArgv;
});

describe('Electron main', () => {
  it('quits at once when another instance holds the lock', async () => {
    const { app, ipcMain } = await launch({ singleInstance: false });
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });

  it('sandboxes, secures the session, registers every request and opens the window on --repo', async () => {
    const { app, BrowserWindow, ipcMain, session, Menu } = await launch({ argv: ['--repo', 'blog'] });
    await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));

    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(backend.createBackend).toHaveBeenCalledWith(
      expect.objectContaining({ shell: 'electron', version: '9.9.9', pickFolder: expect.any(Function) }),
    );
    // Git sign-ins are kept encrypted by the OS keychain on the desktop.
    expect(backend.createBackend.mock.calls[0]![0].credentials.persistent).toBe(true);
    expect(ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(
      REQUEST_NAMES.map(requestChannel).sort(),
    );
    expect(backend.openRepository).toHaveBeenCalledWith(resolve('blog'));
    // The repository is open before the page loads, so the UI starts in it.
    expect(backend.openRepository.mock.invocationCallOrder[0]).toBeLessThan(
      BrowserWindow.created[0]!.loadURL.mock.invocationCallOrder[0]!,
    );

    const window = BrowserWindow.created[0]!;
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      spellcheck: true,
    });
    // Right-click brings the spelling suggestions and edit commands.
    expect(window.webContents.listenerCount('context-menu')).toBe(1);
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]preload\.cjs$/);
    // The page comes from the app's own origin, never from file://.
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://masthead/index.html');
    expect(window.loadFile).not.toHaveBeenCalled();
  });

  it('registers the app and media schemes as privileged before ready and serves media from the back end', async () => {
    const readMedia = vi.fn(async () => ({ bytes: Uint8Array.from([1, 2, 3]), contentType: 'image/png' }));
    backend.createBackend.mockImplementation(() => ({ openRepository: backend.openRepository, readMedia }));
    const { app, protocol } = await launch();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
      { scheme: 'masthead-media', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      app.whenReady.mock.invocationCallOrder[0]!,
    );
    await vi.waitFor(() => expect(protocol.handle).toHaveBeenCalledTimes(2));
    expect(protocol.handle.mock.calls.map(([scheme]) => scheme)).toEqual(['app', 'masthead-media']);

    const handler = protocol.handle.mock.calls[1]![1] as (request: Request) => Promise<Response>;
    const response = await handler(
      new Request('masthead-media://media/?post=content%2Fposts%2Fa.md&src=%2Fimg%2Fa.png'),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(readMedia).toHaveBeenCalledWith('content/posts/a.md', '/img/a.png');
  });

  it('still opens the window, with a warning, when --repo cannot be opened', async () => {
    backend.openRepository.mockRejectedValueOnce(Object.assign(new Error('That folder is not a Git repository.'), {}));
    const { BrowserWindow, dialog } = await launch({ argv: ['--repo=/nowhere'] });
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledOnce());
    expect(BrowserWindow.created).toHaveLength(1);
    expect(dialog.showMessageBox.mock.calls[0]).toEqual([
      BrowserWindow.created[0],
      expect.objectContaining({ type: 'warning', message: `Masthead could not open ${resolve('/nowhere')}` }),
    ]);
  });

  it('sends menu commands to the page and focuses the window for a second instance', async () => {
    const { app, BrowserWindow, Menu } = await launch();
    await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
    const window = BrowserWindow.created[0]!;

    const template = Menu.buildFromTemplate.mock.calls[0]![0] as {
      label?: string;
      submenu?: { label?: string; click?: () => void }[];
    }[];
    const save = template.find((menu) => menu.label === 'File')!.submenu!.find((item) => item.label === 'Save')!;
    save.click!();
    expect(window.webContents.send).toHaveBeenCalledWith(eventChannel('menu:command'), { command: 'save' });

    app.emit('second-instance', {}, ['/usr/bin/electron', '.']);
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('packaged, runs only its own askpass helper when git launches it for a sign-in', async () => {
    const resources = makeTempDir();
    const script = join(resources, 'askpass', 'askpass.mjs');
    writeFiles(resources, { 'askpass/askpass.mjs': 'globalThis.mastheadAskPassPrompt = process.argv[2];\n' });
    const processWithResources = process as unknown as { resourcesPath?: string };
    processWithResources.resourcesPath = resources;
    vi.stubEnv('MASTHEAD_ASKPASS_PORT', '41234');
    try {
      const prompt = "Password for 'https://ada@git.example.org': ";
      const { app, BrowserWindow, ipcMain } = await launch({
        packaged: true,
        rawArgv: ['/opt/Masthead/masthead', script, prompt],
      });
      await vi.waitFor(() =>
        expect((globalThis as { mastheadAskPassPrompt?: string }).mastheadAskPassPrompt).toBe(prompt),
      );
      // No window, no IPC, and no hand-over to a running Masthead: the helper is all this launch does.
      expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
      expect(app.whenReady).not.toHaveBeenCalled();
      expect(ipcMain.handle).not.toHaveBeenCalled();
      expect(BrowserWindow.created).toEqual([]);

      // A script anywhere else is never run, even with the askpass variables set: that would undo the RunAsNode fuse.
      writeFiles(resources, { 'elsewhere/askpass.mjs': 'globalThis.mastheadForeignScript = true;\n' });
      const normal = await launch({
        packaged: true,
        rawArgv: ['/opt/Masthead/masthead', join(resources, 'elsewhere', 'askpass.mjs'), prompt],
      });
      expect(normal.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
      expect((globalThis as { mastheadForeignScript?: boolean }).mastheadForeignScript).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
      delete processWithResources.resourcesPath;
      rmSync(resources, { recursive: true, force: true });
    }
  });

  it('denies new windows in every web contents the app creates', async () => {
    const { app, BrowserWindow, FakeWebContents } = await launch();
    await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });
});
