/**
 * A stand-in for the 'electron' module (whose real import would try to download the binary).
 * Tests load it with `vi.mock('electron', () => import('./electron-stub'))` and inspect the calls.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

let nextId = 1;

/** A frame as IPC sees it: identity, ids and URL matter to the sender check. */
export class FakeFrame {
  constructor(
    public url: string,
    public processId = 1,
    public routingId = nextId++,
  ) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: 'deny' | 'allow' };

/** The part of WebContents the shell uses. */
export class FakeWebContents extends EventEmitter {
  id = nextId++;
  mainFrame = new FakeFrame('');
  windowOpenHandler: WindowOpenHandler | null = null;
  send = vi.fn();
  session = session.defaultSession;
  replaceMisspelling = vi.fn();
  setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
}

/** A BrowserWindow that records its options and what it was asked to load. */
export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  destroyed = false;
  loadFile = vi.fn(async (_path: string) => undefined);
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  isDestroyed = vi.fn(() => this.destroyed);
  constructor(public options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
}

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const dialog = {
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  showMessageBoxSync: vi.fn(() => 1),
  showErrorBox: vi.fn(),
};

export const ipcMain = { handle: vi.fn(), removeHandler: vi.fn(), on: vi.fn() };
export const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() };
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template, popup: vi.fn() })),
  setApplicationMenu: vi.fn(),
};
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
/** A session with Chromium's spellchecker: a few Hunspell languages, English (US) checked by default. */
export class FakeSession {
  availableSpellCheckerLanguages = ['de-DE', 'en-GB', 'en-US', 'fr'];
  languages = ['en-US'];
  words: string[] = [];
  setPermissionRequestHandler = vi.fn();
  setPermissionCheckHandler = vi.fn();
  getSpellCheckerLanguages = vi.fn(() => [...this.languages]);
  setSpellCheckerLanguages = vi.fn((languages: string[]) => {
    this.languages = [...languages];
  });
  addWordToSpellCheckerDictionary = vi.fn((word: string) => {
    this.words.push(word);
    return true;
  });
}

export const session = { defaultSession: new FakeSession() };

/** A keychain that "encrypts" by reversing the bytes behind a marker, so tests can tell ciphertext from text. */
export const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(async () => true),
  getSelectedStorageBackend: vi.fn((): 'basic_text' | 'gnome_libsecret' => 'gnome_libsecret'),
  encryptStringAsync: vi.fn(async (text: string) =>
    Buffer.concat([Buffer.from('enc:'), Buffer.from(text, 'utf8').reverse()]),
  ),
  decryptStringAsync: vi.fn(async (data: Buffer) => {
    if (!data.subarray(0, 4).equals(Buffer.from('enc:')))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { shouldReEncrypt: false, result: Buffer.from(data.subarray(4)).reverse().toString('utf8') };
  }),
};

class FakeApp extends EventEmitter {
  name = 'Masthead';
  isPackaged = false;
  singleInstance = true;
  ready: Promise<void> = Promise.resolve();
  enableSandbox = vi.fn();
  requestSingleInstanceLock = vi.fn(() => this.singleInstance);
  quit = vi.fn();
  exit = vi.fn();
  whenReady = vi.fn(() => this.ready);
  isReady = vi.fn(() => true);
  getVersion = vi.fn(() => '9.9.9');
  getPath = vi.fn(() => '/nonexistent/userData');
}

export const app = new FakeApp();

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
};
