/**
 * Litter from writes a crash or a kill cut short, cleaned when a repository opens: temp files in
 * `.git/masthead-tmp/` (where saves write now) and, from older versions, `.<name>.masthead-tmp-*`
 * and `.masthead-new-*` files beside posts, which `git status` lists and `git add -A` would commit.
 * Only the file system is read (no git process): opening stays quick, and a check for a running
 * git (a stale index.lock) is never confused by this sweep.
 */
import type { Dirent } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { GIT_TEMP_FOLDER, gitDirAbove, isCode } from './atomic-write';
import { isSkippedFolder } from './collections';

/**
 * Temp files younger than this may belong to a save running right now in another window of the
 * same repository; a save takes milliseconds, so anything older was cut short.
 */
export const LEFTOVER_MIN_AGE_MS = 60_000;

/** How deep below a content folder old-style temp files are looked for (year folders, page bundles). */
const MAX_DEPTH = 8;

/** Names of the temp files older versions wrote beside the target. */
const BESIDE = /^\..+\.masthead-tmp-[0-9a-f]+$|^\.masthead-new-[0-9a-f]+$/;

/**
 * Removes leftover temp files of interrupted writes: every one in the git folder's temp folder,
 * and old-style ones in `folders` (repo-relative; the content folders saves write into, walked
 * down to MAX_DEPTH — `''`, the top of the work tree, only itself). Returns what was removed, as
 * paths relative to the work tree (`.git/masthead-tmp/…` for the git folder's).
 */
export async function sweepWriteLeftovers(
  workTree: string,
  folders: readonly string[] = [''],
  now = Date.now(),
): Promise<string[]> {
  const removed: string[] = [];
  const gitDir = await gitDirAbove(workTree);
  if (gitDir !== null) {
    const temps = join(gitDir, GIT_TEMP_FOLDER);
    for (const entry of await entriesOf(temps)) {
      if (await removeIfOld(join(temps, entry.name), now)) removed.push(`.git/${GIT_TEMP_FOLDER}/${entry.name}`);
    }
  }
  const seen = new Set<string>();
  const walk = async (folder: string, depth: number): Promise<void> => {
    if (seen.has(folder)) return;
    seen.add(folder);
    for (const entry of await entriesOf(join(workTree, ...folder.split('/').filter(Boolean)))) {
      const path = folder === '' ? entry.name : posix.join(folder, entry.name);
      if (entry.isFile() && BESIDE.test(entry.name)) {
        if (await removeIfOld(join(workTree, ...path.split('/')), now)) removed.push(path);
      } else if (
        entry.isDirectory() &&
        depth < MAX_DEPTH &&
        !entry.name.startsWith('.') &&
        !isSkippedFolder(entry.name)
      ) {
        await walk(path, depth + 1);
      }
    }
  };
  for (const folder of folders) await walk(folder, folder === '' ? MAX_DEPTH : 1);
  return removed.sort();
}

async function entriesOf(folder: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return [];
    throw error;
  }
}

async function removeIfOld(file: string, now: number): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile() || now - info.mtimeMs < LEFTOVER_MIN_AGE_MS) return false;
    await rm(file, { force: true });
    return true;
  } catch {
    return false; // gone already, or not ours to remove
  }
}
