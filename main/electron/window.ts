/**
 * The main window and the hardening every web page in the app gets: sandboxed renderer with context
 * isolation, no navigation away from the app, no new windows (links open in the browser), and no
 * web permissions — the UI needs none, so none can be abused.
 */
import {
  BrowserWindow,
  dialog,
  shell,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';

/** The BrowserWindow options of the main window; exported so tests can hold the security flags. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 820,
    minHeight: 560,
    title: 'Masthead',
    // Shown on ready-to-show, so the writer never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

/** True for URLs the system browser or mail client may open: http, https and mailto only. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Denies new windows; http(s) and mailto links go to the system's browser or mail client instead. */
export function denyWindowOpen(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // <webview> could host arbitrary content with its own preferences; the app never uses one.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Locks a window's page in place: new windows are denied (see denyWindowOpen) and every navigation
 * is blocked, since the app is one page and a navigated page would inherit the preload bridge.
 */
export function hardenWebContents(contents: WebContents): void {
  denyWindowOpen(contents);
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
}

/** Denies every permission request and check (camera, notifications, geolocation, …) in `session`. */
export function applySessionSecurity(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Creates the main window on the page at `url` (app://masthead/index.html), hardened, shown once painted. */
export function createMainWindow(paths: { preload: string; url: string }): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(paths.preload));
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  // The page asks before unloading with unsaved words; Electron shows no prompt of its own.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Close Without Saving', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'This post has unsaved changes.',
      detail: 'If you close now, the changes since your last save are lost.',
    });
    if (choice === 0) event.preventDefault();
  });
  window.loadURL(paths.url).catch((error: unknown) => {
    console.error('Masthead: the interface could not be loaded.', error);
  });
  return window;
}
