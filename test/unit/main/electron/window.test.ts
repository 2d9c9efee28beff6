import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applySessionSecurity,
  createMainWindow,
  hardenWebContents,
  isSafeExternalUrl,
  mainWindowOptions,
} from '../../../../main/electron/window';
import { BrowserWindow, FakeWebContents, session, shell } from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

beforeEach(() => {
  vi.clearAllMocks();
  BrowserWindow.created = [];
});

describe('mainWindowOptions', () => {
  it('keeps the renderer isolated, sandboxed, without Node and with web security', () => {
    const options = mainWindowOptions('/app/out/preload/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('createMainWindow', () => {
  it('creates the window with those options and loads the renderer from the app:// origin', () => {
    createMainWindow({ preload: '/app/out/preload/preload.cjs', url: 'app://masthead/index.html' });
    expect(BrowserWindow.created).toHaveLength(1);
    const window = BrowserWindow.created[0]!;
    expect(window.options).toEqual(mainWindowOptions('/app/out/preload/preload.cjs'));
    expect(window.loadURL).toHaveBeenCalledWith('app://masthead/index.html');
    expect(window.loadFile).not.toHaveBeenCalled();
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalledOnce();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});

describe('hardenWebContents', () => {
  function hardened(): FakeWebContents {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    return contents;
  }

  it('denies every new window and opens only http(s) and mailto links externally', () => {
    const contents = hardened();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    for (const url of ['https://example.com/post', 'http://example.com', 'mailto:editor@example.com']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'masthead://x', 'not a url']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://example.com/post',
      'http://example.com',
      'mailto:editor@example.com',
    ]);
  });

  it('prevents every navigation of the page', () => {
    const contents = hardened();
    for (const url of ['https://example.com', 'file:///tmp/other.html']) {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault).toHaveBeenCalledOnce();
    }
    const subframe = { preventDefault: vi.fn(), isMainFrame: false };
    contents.emit('will-frame-navigate', subframe);
    expect(subframe.preventDefault).toHaveBeenCalledOnce();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('isSafeExternalUrl', () => {
  it('allows only http, https and mailto', () => {
    expect(['https://a.example', 'http://a.example', 'mailto:a@b.example'].every(isSafeExternalUrl)).toBe(true);
    expect(['file:///x', 'javascript:void 0', 'data:text/html,x', 'vbscript:x', ''].some(isSafeExternalUrl)).toBe(
      false,
    );
  });
});

describe('applySessionSecurity', () => {
  it('denies every permission request and every permission check', () => {
    applySessionSecurity(session.defaultSession as unknown as Session);
    const requestHandler = session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    const checkHandler = session.defaultSession.setPermissionCheckHandler.mock.calls[0]![0] as (
      ...args: unknown[]
    ) => boolean;
    expect(checkHandler({}, 'media', 'file://', {})).toBe(false);
    expect(checkHandler(null, 'clipboard-sanitized-write', 'file://', {})).toBe(false);
  });
});
