/**
 * The writer's per-repository preferences (see RepoSettings in shared/api.ts), kept in the app's
 * settings under one key: repository path → settings. Values missing or malformed in the file
 * (it is user-editable) read as their defaults.
 */
import type { JsonValue, RepoSettings } from '../shared/api';
import type { SettingsStore } from './settings';

/** The settings key holding every repository's preferences. */
export const REPO_SETTINGS_KEY = 'repositorySettings';

/** What a repository starts with. */
export const DEFAULT_REPO_SETTINGS: RepoSettings = {
  autosave: false,
  publishWithoutAsking: false,
  focusMode: false,
  typewriterScrolling: false,
};

/** Every setting's name (all are true/false). */
export const REPO_SETTING_KEYS = Object.keys(DEFAULT_REPO_SETTINGS) as (keyof RepoSettings)[];

type JsonObject = { [key: string]: JsonValue };

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The settings of the repository at `root`. */
export function getRepoSettings(settings: SettingsStore, root: string): RepoSettings {
  const all = settings.get(REPO_SETTINGS_KEY);
  const stored = isJsonObject(all) ? all[root] : undefined;
  const forRepo: JsonObject = isJsonObject(stored) ? stored : {};
  const result: RepoSettings = { ...DEFAULT_REPO_SETTINGS };
  for (const key of REPO_SETTING_KEYS) {
    const value = forRepo[key];
    if (typeof value === 'boolean') result[key] = value;
  }
  return result;
}

/** Stores `changes` for the repository at `root` and returns its settings after them. */
export async function setRepoSettings(
  settings: SettingsStore,
  root: string,
  changes: Partial<RepoSettings>,
): Promise<RepoSettings> {
  const next: RepoSettings = { ...getRepoSettings(settings, root), ...changes };
  const all = settings.get(REPO_SETTINGS_KEY);
  const byRepo: JsonObject = isJsonObject(all) ? { ...all } : {};
  byRepo[root] = { ...next };
  await settings.set(REPO_SETTINGS_KEY, byRepo);
  return next;
}
