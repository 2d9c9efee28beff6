import type { BrowserWindow as ElectronWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createIpcEmitter, registerIpc } from '../../../../main/electron/ipc';
import { eventChannel, REQUEST_NAMES, requestChannel, type Handlers } from '../../../../shared/api';
import { fail, type Outcome } from '../../../../shared/errors';
import { BrowserWindow, FakeFrame, FakeWebContents, ipcMain } from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

const RENDERER_URL = 'app://masthead/index.html';

type Handler = (event: Partial<IpcMainInvokeEvent>, arg: unknown) => Promise<Outcome<unknown>>;

/** A back end whose every request records its call and answers with its own name. */
function fakeBackend(): { backend: Handlers; calls: string[] } {
  const calls: string[] = [];
  const backend = Object.fromEntries(
    REQUEST_NAMES.map((name) => [
      name,
      async (arg: unknown) => {
        calls.push(name);
        if (name === 'post:read') throw fail('not-found', 'There is no post at that path.');
        return { name, arg };
      },
    ]),
  ) as unknown as Handlers;
  return { backend, calls };
}

let window: BrowserWindow;
let handlers: Map<string, Handler>;
let calls: string[];

beforeEach(() => {
  vi.clearAllMocks();
  window = new BrowserWindow({});
  window.webContents.mainFrame.url = `${RENDERER_URL}#/library`;
  const fake = fakeBackend();
  calls = fake.calls;
  registerIpc(ipcMain as unknown as IpcMain, fake.backend, () => window as unknown as ElectronWindow, RENDERER_URL);
  handlers = new Map(ipcMain.handle.mock.calls.map(([channel, handler]) => [channel as string, handler as Handler]));
});

/** An invoke event as sent by the app's own page. */
function trusted(): Partial<IpcMainInvokeEvent> {
  return {
    sender: window.webContents,
    senderFrame: window.webContents.mainFrame,
  } as unknown as Partial<IpcMainInvokeEvent>;
}

describe('registerIpc', () => {
  it('registers every request of the contract, and nothing else', () => {
    expect([...handlers.keys()].sort()).toEqual(REQUEST_NAMES.map(requestChannel).sort());
  });

  it('runs a request from the app page through the back end', async () => {
    const outcome = await handlers.get(requestChannel('repo:open'))!(trusted(), { path: '/blog' });
    expect(outcome).toEqual({ ok: true, value: { name: 'repo:open', arg: { path: '/blog' } } });
    expect(calls).toEqual(['repo:open']);
  });

  it('accepts the app page on app://masthead whatever its query or fragment', async () => {
    for (const url of ['app://masthead/index.html', 'app://masthead/index.html?repo=1#/post/a.md']) {
      window.webContents.mainFrame.url = url;
      expect((await handlers.get(requestChannel('app:info'))!(trusted(), null)).ok, url).toBe(true);
    }
  });

  it('recognises the main frame by its ids when Electron hands out a new wrapper object', async () => {
    const { processId, routingId, url } = window.webContents.mainFrame;
    const event = { sender: window.webContents, senderFrame: new FakeFrame(url, processId, routingId) } as never;
    const outcome = await handlers.get(requestChannel('app:info'))!(event, null);
    expect(outcome.ok).toBe(true);
  });

  it('returns a failing request as data', async () => {
    const outcome = await handlers.get(requestChannel('post:read'))!(trusted(), { path: 'x.md' });
    expect(outcome).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no post at that path.' } });
  });

  it('answers forbidden, without reaching the back end, for every sender but the app page', async () => {
    const senders: Record<string, Partial<IpcMainInvokeEvent>> = {
      'a subframe': { sender: window.webContents, senderFrame: new FakeFrame(RENDERER_URL) } as never,
      'no frame (destroyed)': { sender: window.webContents, senderFrame: null } as never,
      'another window': (() => {
        const other = new FakeWebContents();
        other.mainFrame.url = RENDERER_URL;
        return { sender: other, senderFrame: other.mainFrame } as never;
      })(),
    };
    for (const [label, event] of Object.entries(senders)) {
      for (const name of REQUEST_NAMES) {
        const outcome = await handlers.get(requestChannel(name))!(event, null);
        expect(outcome, `${label} → ${name}`).toEqual({
          ok: false,
          error: expect.objectContaining({ code: 'forbidden' }),
        });
      }
    }
    expect(calls).toEqual([]);
  });

  it('answers forbidden once the main frame has left the app page', async () => {
    const elsewhere = [
      'https://evil.example/index.html',
      'file:///opt/masthead/out/renderer/index.html',
      'app://evil/index.html',
      'app://masthead/other.html',
      'app://user@masthead/index.html',
      'masthead-media://media/index.html',
      'about:blank',
      '',
    ];
    for (const url of elsewhere) {
      window.webContents.mainFrame.url = url;
      const outcome = await handlers.get(requestChannel('app:info'))!(trusted(), null);
      expect(!outcome.ok && outcome.error.code, url).toBe('forbidden');
    }
    expect(calls).toEqual([]);
  });

  it('answers forbidden when the main window is gone', async () => {
    window.destroyed = true;
    const outcome = await handlers.get(requestChannel('app:info'))!(trusted(), null);
    expect(!outcome.ok && outcome.error.code).toBe('forbidden');
  });

  it('returns a function that removes every handler', () => {
    const remove = registerIpc(ipcMain as unknown as IpcMain, fakeBackend().backend, () => null, RENDERER_URL);
    remove();
    expect(ipcMain.removeHandler.mock.calls.map(([channel]) => channel).sort()).toEqual(
      REQUEST_NAMES.map(requestChannel).sort(),
    );
  });
});

describe('createIpcEmitter', () => {
  it('sends events to the main window on their channel, and drops them without a window', () => {
    let current: BrowserWindow | null = window;
    const emit = createIpcEmitter(() => current as unknown as ElectronWindow | null);
    emit('publish:progress', { path: 'a.md', stage: 'pushing' });
    expect(window.webContents.send).toHaveBeenCalledWith(eventChannel('publish:progress'), {
      path: 'a.md',
      stage: 'pushing',
    });
    current = null;
    expect(() => emit('menu:command', { command: 'save' })).not.toThrow();
    expect(window.webContents.send).toHaveBeenCalledOnce();
  });
});
