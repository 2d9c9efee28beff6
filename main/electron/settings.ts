/**
 * The desktop app's SettingsStore, kept by electron-store (in the app's userData folder, or in
 * $MASTHEAD_CONFIG_DIR when set, as tests do). Same keys and rules as main/settings.ts, so the
 * recent list means the same thing in both shells.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import type { JsonValue, RecentRepo } from '../../shared/api';
import { sanitizeRecent, withRecent, type SettingsStore } from '../settings';

const FILE_NAME = 'settings';
// The same key main/settings.ts uses, so a settings file is readable by either shell.
const RECENT_KEY = 'recentRepositories';

type Data = Record<string, JsonValue>;

/** Opens (or creates) the settings file in `dir`, default the app's userData folder. */
export function createElectronSettings(dir: string = app.getPath('userData')): SettingsStore {
  const store = openStore(dir);
  if (store === null) return createMemorySettings();
  return {
    getRecent: () => sanitizeRecent(store.get(RECENT_KEY)),
    async addRecent(path, name) {
      store.set(RECENT_KEY, withRecent(sanitizeRecent(store.get(RECENT_KEY)), path, name) as unknown as JsonValue);
    },
    get: (key) => (store.has(key) ? structuredClone(store.get(key)) : undefined),
    async set(key, value) {
      store.set(key, structuredClone(value));
    },
  };
}

/** The store, or null when the settings file can be neither read nor moved aside. */
function openStore(dir: string): Store<Data> | null {
  // Keys are plain names: "a.b" must not become a nested path.
  const options = { name: FILE_NAME, cwd: dir, accessPropertiesByDotNotation: false, clearInvalidConfig: false };
  try {
    return new Store<Data>(options);
  } catch (error) {
    // A corrupted file must not stop the app, nor be thrown away: keep it aside and start fresh.
    const file = join(dir, `${FILE_NAME}.json`);
    try {
      renameSync(file, `${file}.bak`);
      console.warn(
        `Masthead: settings at ${file} were unreadable; kept them as ${FILE_NAME}.json.bak and started fresh.`,
        error,
      );
      return new Store<Data>(options);
    } catch (second) {
      console.warn(`Masthead: settings at ${file} are unusable; this session's settings will not be saved.`, second);
      return null;
    }
  }
}

/** Settings that last only for this run: the app still works when its settings file does not. */
function createMemorySettings(): SettingsStore {
  const data = new Map<string, JsonValue>();
  let recent: RecentRepo[] = [];
  return {
    getRecent: () => recent.map((item) => ({ ...item })),
    async addRecent(path, name) {
      recent = withRecent(recent, path, name);
    },
    get: (key) => (data.has(key) ? structuredClone(data.get(key)) : undefined),
    async set(key, value) {
      data.set(key, structuredClone(value));
    },
  };
}
