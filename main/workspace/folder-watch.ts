/**
 * Noticing changes made outside Masthead (another editor, `git pull`, a checkout) so the content
 * index is only rebuilt when something changed. Only the collection folders (recursively), the
 * repository root and the config's folder are watched: a site's node_modules or public/ output can
 * hold hundreds of thousands of folders that never matter here.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join, posix } from 'node:path';

/** A running watch; `close` stops it. */
export interface FolderWatch {
  close(): void;
  /** False when watching is unavailable (then every refresh must assume something changed). */
  active: boolean;
}

/**
 * Watches `folders` (repo-relative; '' is the root, watched without recursion) under `root` and
 * calls `onChange` with the repo-relative path of whatever changed (or null when unknown).
 */
export function watchFolders(
  root: string,
  folders: readonly string[],
  onChange: (path: string | null) => void,
): FolderWatch {
  const watchers: FSWatcher[] = [];
  let active = true;
  for (const folder of new Set(folders)) {
    try {
      const watcher = watch(join(root, folder), { recursive: folder !== '', persistent: false }, (_event, name) => {
        onChange(name === null ? null : posix.join(folder, String(name).split('\\').join('/')));
      });
      // A folder removed while watched, or too many watches (ENOSPC): fall back to "always changed".
      watcher.on('error', () => {
        active = false;
        onChange(null);
      });
      watchers.push(watcher);
    } catch {
      active = false;
    }
  }
  return {
    get active() {
      return active;
    },
    close() {
      for (const watcher of watchers) watcher.close();
    },
  };
}
