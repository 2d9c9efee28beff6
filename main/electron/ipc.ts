/**
 * The Electron transport of the contract: one `ipcMain.handle` per request, each checking that the
 * call comes from the app's own page in the main window before it reaches the back end. Errors cross
 * as data (Outcome), never as rejected promises whose text Electron would mangle.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { eventChannel, REQUEST_NAMES, requestChannel, type EmitEvent, type Handlers } from '../../shared/api';
import type { Outcome } from '../../shared/errors';
import { dispatch } from '../request-checks';
import { APP_HOST, APP_SCHEME } from './app-protocol';
import { RENDERER_INDEX_URL } from './paths';

/** The answer to a call from anywhere but the app's own page. */
export const FORBIDDEN: Outcome<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This page is not allowed to talk to Masthead.' },
};

/**
 * True when `event` was sent by the main frame of the main window while it shows the app's page.
 * A subframe, another window, or the same window navigated elsewhere are all refused.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null, rendererUrl: string): boolean {
  if (window === null || window.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (
    frame === null ||
    !isSameContents(event.sender, window.webContents) ||
    !isSameFrame(frame, window.webContents.mainFrame)
  )
    return false;
  return isSameDocument(frame.url, rendererUrl);
}

// Electron hands out one wrapper object per WebContents and per frame, so identity normally
// decides; the numeric ids are the documented fallback should a wrapper ever be recreated.
function isSameContents(a: WebContents, b: WebContents): boolean {
  return a === b || (typeof a.id === 'number' && a.id === b.id);
}

function isSameFrame(a: WebFrameMain, b: WebFrameMain): boolean {
  return (
    a === b ||
    (typeof a.processId === 'number' &&
      typeof a.routingId === 'number' &&
      a.processId === b.processId &&
      a.routingId === b.routingId)
  );
}

/**
 * True when `actual` is the expected page on the app's own origin (app://masthead), ignoring query
 * and fragment (the UI may use either). No file: page, nor any other origin, is ever the app.
 */
function isSameDocument(actual: string, expected: string): boolean {
  try {
    const a = new URL(actual);
    const b = new URL(expected);
    const onAppOrigin = (url: URL): boolean =>
      url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
    return onAppOrigin(a) && onAppOrigin(b) && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/**
 * Registers a handler for every request of the contract on `ipcMain`; returns a function that
 * removes them again. `rendererUrl` is the page senders must be on (app://masthead/index.html).
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  backend: Handlers,
  getMainWindow: () => BrowserWindow | null,
  rendererUrl: string = RENDERER_INDEX_URL,
): () => void {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(requestChannel(name), async (event: IpcMainInvokeEvent, arg: unknown): Promise<Outcome<unknown>> => {
      if (!isTrustedSender(event, getMainWindow(), rendererUrl)) return FORBIDDEN;
      return dispatch(backend, name, arg);
    });
  }
  return () => {
    for (const name of REQUEST_NAMES) ipcMain.removeHandler(requestChannel(name));
  };
}

/** An EmitEvent that sends to the main window's page, and drops events while there is no window. */
export function createIpcEmitter(getMainWindow: () => BrowserWindow | null): EmitEvent {
  return (name, payload) => {
    const window = getMainWindow();
    if (window === null || window.isDestroyed()) return;
    window.webContents.send(eventChannel(name), payload);
  };
}
