/**
 * Keeps the whole journal folder under a size bound. Sizes are learned by one walk and then kept
 * up to date by every write and delete this process makes, so a write does not walk the folder.
 * When over the bound, the least recently written journals go first (of any repository or post),
 * never the one being written.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isCode } from '../workspace/atomic-write';
import { JOURNAL_EXTENSION } from './journal-paths';

/** The default bound: far above any real set of unsaved posts, far below a worry on any disk. */
const DEFAULT_MAX_JOURNAL_BYTES = 64 * 1024 * 1024;

interface Usage {
  size: number;
  /** When the journal was last written, to evict the oldest first. */
  writtenMs: number;
}

/** The size bound of one journal folder. */
export interface SizeBound {
  /**
   * Records that `file` now holds `size` bytes, then deletes the oldest other journals while the
   * folder is over the bound. Resolves with the files it deleted.
   */
  written(file: string, size: number): Promise<string[]>;
  /** Records that `file` was deleted. */
  deleted(file: string): void;
  /** Forgets what it knows, so the next write walks the folder again (another process may have written). */
  reset(): void;
  /** The bytes the journals take, as far as this process knows (walks the folder the first time). */
  total(): Promise<number>;
}

/** The size bound of the journal folder `root` (`<dataDir>/journal`). */
export function createSizeBound(root: string, maxBytes = DEFAULT_MAX_JOURNAL_BYTES): SizeBound {
  let known: Promise<Map<string, Usage>> | null = null;
  const usage = (): Promise<Map<string, Usage>> => (known ??= walk(root));
  const sum = (map: Map<string, Usage>): number => [...map.values()].reduce((total, item) => total + item.size, 0);

  return {
    async written(file, size) {
      const map = await usage();
      map.set(file, { size, writtenMs: Date.now() });
      let total = sum(map);
      if (total <= maxBytes) return [];
      const evicted: string[] = [];
      const oldest = [...map.entries()]
        .filter(([other]) => other !== file)
        .sort((a, b) => a[1].writtenMs - b[1].writtenMs);
      for (const [other, item] of oldest) {
        if (total <= maxBytes) break;
        try {
          await unlink(other);
        } catch (error) {
          // Already gone is as good as deleted; anything else: leave it, try the next one.
          if (!isCode(error, 'ENOENT')) continue;
        }
        map.delete(other);
        total -= item.size;
        evicted.push(other);
      }
      return evicted;
    },
    deleted(file) {
      void known?.then((map) => map.delete(file));
    },
    reset() {
      known = null;
    },
    async total() {
      return sum(await usage());
    },
  };
}

/** Every journal file under `root` (one level of repository folders) with its size and time. */
async function walk(root: string): Promise<Map<string, Usage>> {
  const map = new Map<string, Usage>();
  for (const repo of await entries(root)) {
    if (!repo.isDirectory()) continue;
    const folder = join(root, repo.name);
    for (const file of await entries(folder)) {
      // Temp files start with a dot; they are swept, not counted.
      if (!file.isFile() || file.name.startsWith('.') || !file.name.endsWith(JOURNAL_EXTENSION)) continue;
      const path = join(folder, file.name);
      try {
        const info = await stat(path);
        map.set(path, { size: info.size, writtenMs: info.mtimeMs });
      } catch {
        // Deleted meanwhile: not counted.
      }
    }
  }
  return map;
}

async function entries(folder: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return [];
    throw error;
  }
}
