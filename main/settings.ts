/**
 * Settings the back end keeps between runs: the recent-repositories list and a few per-key values.
 * `SettingsStore` is the seam: web mode and the CLI use the JSON file below; the Electron shell
 * implements the same interface with electron-store (in main/electron, the only place allowed to).
 */
import { readFileSync, renameSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { JsonValue, RecentRepo } from '../shared/api';
import { isCode, writeFileAtomic } from './workspace/atomic-write';

/** How many repositories the start screen remembers. */
export const MAX_RECENT = 10;

/** Persistent settings, whatever stores them. Reads are synchronous (served from memory). */
export interface SettingsStore {
  /** Recent repositories, most recent first. */
  getRecent(): RecentRepo[];
  /** Records that `path` was just opened: moves it to the front, drops duplicates, keeps MAX_RECENT. */
  addRecent(path: string, name: string): Promise<void>;
  /** A stored value, or undefined when the key was never set. */
  get(key: string): JsonValue | undefined;
  /** Stores a value under `key` (persisted before the promise resolves). */
  set(key: string, value: JsonValue): Promise<void>;
}

/** The new recent list after opening `path`; pure, so every SettingsStore shares one rule. */
export function withRecent(list: readonly RecentRepo[], path: string, name: string, now = new Date()): RecentRepo[] {
  const entry: RecentRepo = { path, name, openedAt: now.toISOString() };
  return [entry, ...list.filter((item) => item.path !== path)].slice(0, MAX_RECENT);
}

/** Keeps only well-formed entries of a stored recent list (it may come from an older version or a hand edit). */
export function sanitizeRecent(value: unknown): RecentRepo[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: RecentRepo[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, name, openedAt } = item as Record<string, unknown>;
    if (typeof path !== 'string' || path === '' || seen.has(path)) continue;
    seen.add(path);
    out.push({
      path,
      name: typeof name === 'string' ? name : path,
      openedAt: typeof openedAt === 'string' ? openedAt : '',
    });
  }
  return out.slice(0, MAX_RECENT);
}

/** Where web mode and the CLI keep settings: `MASTHEAD_CONFIG_DIR`, else the XDG config folder. */
export function defaultSettingsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MASTHEAD_CONFIG_DIR) return resolve(env.MASTHEAD_CONFIG_DIR);
  const base = env.XDG_CONFIG_HOME ? resolve(env.XDG_CONFIG_HOME) : join(homedir(), '.config');
  return join(base, 'masthead');
}

/** The settings file's name inside the settings folder. */
export const SETTINGS_FILE = 'settings.json';

const RECENT_KEY = 'recentRepositories';

/**
 * A SettingsStore backed by `<dir>/settings.json`, written atomically. A corrupted file never stops
 * the app: it is moved aside to `settings.json.bak` (so nothing is lost) and settings start empty.
 */
export function createFileSettings(dir: string): SettingsStore {
  const file = join(dir, SETTINGS_FILE);
  const { data, writable } = load(file);
  // Writes are chained so two quick changes land in order and the last one wins on disk.
  let queue: Promise<void> = Promise.resolve();

  const persist = (): Promise<void> => {
    // An existing file we could not read is never overwritten: its contents would be lost.
    if (!writable) return Promise.resolve();
    const text = `${JSON.stringify(data, null, 2)}\n`;
    const next = queue.then(async () => {
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(file, text);
    });
    // A failed write must not poison every later write.
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    getRecent: () => sanitizeRecent(data[RECENT_KEY]).map((item) => ({ ...item })),
    addRecent(path, name) {
      data[RECENT_KEY] = withRecent(sanitizeRecent(data[RECENT_KEY]), path, name) as unknown as JsonValue;
      return persist();
    },
    get: (key) => (Object.hasOwn(data, key) ? structuredClone(data[key]) : undefined),
    set(key, value) {
      data[key] = structuredClone(value);
      return persist();
    },
  };
}

/** A null-prototype record, so keys like "__proto__" from a settings file or a caller stay plain data. */
function emptyData(): Record<string, JsonValue> {
  return Object.create(null) as Record<string, JsonValue>;
}

function load(file: string): { data: Record<string, JsonValue>; writable: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return { data: emptyData(), writable: true };
    // Unreadable (permissions…): run with defaults for this session and leave the file alone.
    console.warn(`Masthead: could not read settings at ${file}; using defaults and not saving changes.`, error);
    return { data: emptyData(), writable: false };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return { data: Object.assign(emptyData(), parsed), writable: true };
    }
  } catch {
    // Fall through: treated as corrupted below.
  }
  try {
    renameSync(file, `${file}.bak`);
    console.warn(`Masthead: settings at ${file} were unreadable; kept them as ${SETTINGS_FILE}.bak and started fresh.`);
  } catch (error) {
    console.warn(`Masthead: settings at ${file} were unreadable and could not be moved aside.`, error);
    return { data: emptyData(), writable: false };
  }
  return { data: emptyData(), writable: true };
}
