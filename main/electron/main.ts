/**
 * The Electron main process: one instance, one main window, the back end behind IPC. Everything
 * security-relevant is set here once — the sandbox for every renderer, denied permissions, hardened
 * web contents, sender-checked IPC — before any page loads.
 */
import { pathToFileURL } from 'node:url';
import { app, dialog, ipcMain, protocol, session, type BrowserWindow } from 'electron';
import { toAppError } from '../../shared/errors';
import { createBackend, type Backend } from '../backend';
import type { SettingsStore } from '../settings';
import { handleAppProtocol, registerSchemes } from './app-protocol';
import { askPassLaunch, packagedAskPassDir } from './askpass-mode';
import { createKeychainCredentialStore } from './credential-store';
import { pickFolder } from './dialogs';
import { createIpcEmitter, registerIpc } from './ipc';
import { repoArgument } from './launch-args';
import { handleMediaProtocol } from './media-protocol';
import { installMenu } from './menu';
import { PRELOAD_PATH, RENDERER_DIR, RENDERER_INDEX_URL } from './paths';
import { createElectronSettings } from './settings';
import { applySpellcheckLanguages, installContextMenu } from './spellcheck';
import { applySessionSecurity, createMainWindow, denyWindowOpen } from './window';

// Sandbox every renderer, including any a future feature forgets to configure.
app.enableSandbox();
// Custom schemes (the page's app:// and the images' masthead-media:) can only be made privileged
// before the app is ready.
registerSchemes(protocol);

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let appSettings: SettingsStore | null = null;

function getMainWindow(): BrowserWindow | null {
  return mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
}

function openMainWindow(): BrowserWindow {
  const window = createMainWindow({ preload: PRELOAD_PATH, url: RENDERER_INDEX_URL });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  // Spelling suggestions, Add to Dictionary and the languages to check, on right-click.
  if (appSettings !== null) installContextMenu(window, appSettings, process.platform);
  mainWindow = window;
  return window;
}

/** Builds the back end and the IPC, opens `--repo` if given, and shows the window. */
async function start(): Promise<void> {
  applySessionSecurity(session.defaultSession);
  // The page is served from its own origin, never from file:// (see app-protocol.ts).
  handleAppProtocol(protocol, RENDERER_DIR);
  const emit = createIpcEmitter(getMainWindow);
  const settings = createElectronSettings(process.env.MASTHEAD_CONFIG_DIR || undefined);
  appSettings = settings;
  applySpellcheckLanguages(session.defaultSession, settings, process.platform);
  const opened = createBackend({
    shell: 'electron',
    version: app.getVersion(),
    settings,
    emit,
    pickFolder: () => pickFolder(getMainWindow()),
    // Unsaved-edit journals live beside the settings, never in the repository.
    dataDir: process.env.MASTHEAD_CONFIG_DIR || app.getPath('userData'),
    // Git sign-ins: tokens encrypted by the OS keychain, kept in the settings file.
    credentials: await createKeychainCredentialStore(settings),
    // Packaged, the askpass helper is an extra resource (electron-builder.yml); in development the
    // default finds it in the source tree's resources/.
    ...(app.isPackaged ? { askPassDir: packagedAskPassDir(process.resourcesPath) } : {}),
  });
  backend = opened;
  registerIpc(ipcMain, opened, getMainWindow);
  // Images in posts load from the open repository through readMedia's path checks.
  handleMediaProtocol(protocol, (postPath, src) => opened.readMedia(postPath, src));
  installMenu({
    appName: app.name,
    platform: process.platform,
    isPackaged: app.isPackaged,
    send: (command) => emit('menu:command', { command }),
  });

  // Opened before the window exists, so the UI starts straight in the repository ('app:info').
  const repo = repoArgument(process.argv, process.cwd());
  let openFailure: string | null = null;
  if (repo !== null) {
    try {
      await opened.openRepository(repo);
    } catch (error) {
      openFailure = toAppError(error).message;
    }
  }

  const window = openMainWindow();
  if (openFailure !== null) {
    void dialog.showMessageBox(window, {
      type: 'warning',
      message: `Masthead could not open ${repo}`,
      detail: openFailure,
    });
  }
}

// Git's askpass trampoline launching the packaged app (whose RunAsNode fuse is off) runs the helper
// and nothing else: no window, no single-instance hand-over (askpass-mode.ts).
const askPassScript = app.isPackaged
  ? askPassLaunch(process.argv, process.env, packagedAskPassDir(process.resourcesPath))
  : null;

if (askPassScript !== null) {
  app.dock?.hide();
  // The helper prints the answer and exits by itself; failing to load it is a refused sign-in.
  import(/* @vite-ignore */ pathToFileURL(askPassScript).href).catch(() => app.exit(1));
} else if (!app.requestSingleInstanceLock()) {
  // Another Masthead is running; it is focused by its 'second-instance' handler.
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = getMainWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  // Any web contents created later (devtools, a stray window.open) can neither open windows nor
  // host <webview>s; the main window additionally blocks navigation (createMainWindow).
  app.on('web-contents-created', (_event, contents) => denyWindowOpen(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting waits for journal writes in flight: once before the windows close, and once more after,
  // for the last edits the renderer sends as its window closes.
  const settledFor = new Set<string>();
  const waitForJournal = (stage: 'before-quit' | 'will-quit', event: { preventDefault(): void }): void => {
    if (backend === null || settledFor.has(stage)) return;
    event.preventDefault();
    void backend.settle().finally(() => {
      settledFor.add(stage);
      app.quit();
    });
  };
  app.on('before-quit', (event) => waitForJournal('before-quit', event));
  app.on('will-quit', (event) => waitForJournal('will-quit', event));

  app.on('activate', () => {
    if (app.isReady() && getMainWindow() === null) openMainWindow();
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Masthead could not start', toAppError(error).detail ?? String(error));
      app.exit(1);
    });
}
