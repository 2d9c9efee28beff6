// The desktop app keeps journals in its data folder and quits only once the journal writes in
// flight are on disk (Electron itself cannot run here: the shell runs against the electron stub).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Stub from '../electron/electron-stub';

vi.mock('electron', () => import('../electron/electron-stub'));

const backend = vi.hoisted(() => ({ createBackend: vi.fn(), settle: vi.fn() }));
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
const originalConfigDir = process.env.MASTHEAD_CONFIG_DIR;

async function launch() {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as typeof Stub;
  electron.app.removeAllListeners();
  electron.app.singleInstance = true;
  electron.BrowserWindow.created = [];
  process.argv = ['/usr/bin/electron', '.'];
  await import('../../../../main/electron/main');
  await vi.waitFor(() => expect(electron.BrowserWindow.created).toHaveLength(1));
  return electron;
}

beforeEach(() => {
  vi.clearAllMocks();
  delete process.env.MASTHEAD_CONFIG_DIR;
  backend.createBackend.mockImplementation(() => ({
    openRepository: vi.fn(),
    readMedia: vi.fn(),
    settle: backend.settle,
  }));
});

afterEach(() => {
  process.argv = originalArgv;
  if (originalConfigDir === undefined) delete process.env.MASTHEAD_CONFIG_DIR;
  else process.env.MASTHEAD_CONFIG_DIR = originalConfigDir;
});

describe('Electron quit and the journal', () => {
  it('keeps journals in the userData folder', async () => {
    await launch();
    expect(backend.createBackend).toHaveBeenCalledWith(expect.objectContaining({ dataDir: '/nonexistent/userData' }));
  });

  it('waits for journal writes before quitting, and again after the windows closed', async () => {
    const { app } = await launch();
    let finish = (): void => undefined;
    backend.settle.mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));

    const beforeQuit = { preventDefault: vi.fn() };
    app.emit('before-quit', beforeQuit);
    expect(beforeQuit.preventDefault).toHaveBeenCalledOnce();
    await Promise.resolve();
    expect(app.quit).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());

    // The quit goes ahead this time; the renderer's last edits, sent as its window closes, are awaited at will-quit.
    const again = { preventDefault: vi.fn() };
    app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    const willQuit = { preventDefault: vi.fn() };
    app.emit('will-quit', willQuit);
    expect(willQuit.preventDefault).toHaveBeenCalledOnce();
    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(2));
    const last = { preventDefault: vi.fn() };
    app.emit('will-quit', last);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });
});
