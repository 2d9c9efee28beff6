/**
 * Litter from writes a crash or a kill cut short, cleaned when a repository opens: temp files in
 * `.git/masthead-tmp/` (where saves write now) and, from older versions, `.<name>.masthead-tmp-*`
 * and `.masthead-new-*` files beside posts, which `git status` lists and `git add -A` would commit.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runGit } from '../git/core';
import { parseNulList } from '../git/files';
import { GIT_TEMP_FOLDER, gitDirAbove, isCode, TEMP_MARKER } from './atomic-write';

/**
 * Temp files younger than this may belong to a save running right now in another window of the
 * same repository; a save takes milliseconds, so anything older was cut short.
 */
export const LEFTOVER_MIN_AGE_MS = 60_000;

/** Git pathspecs of the temp files older versions wrote beside the target. */
const BESIDE_PATTERNS = [`:(glob)**/.*${TEMP_MARKER}*`, ':(glob)**/.masthead-new-*'];

/**
 * Removes leftover temp files of interrupted writes in the work tree (untracked ones only, never a
 * file git tracks) and in its git folder. Returns what was removed, as paths relative to the work
 * tree (`.git/masthead-tmp/…` for the git folder's).
 */
export async function sweepWriteLeftovers(workTree: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const gitDir = await gitDirAbove(workTree);
  if (gitDir !== null) {
    const temps = join(gitDir, GIT_TEMP_FOLDER);
    for (const name of await namesIn(temps)) {
      if (await removeIfOld(join(temps, name), now)) removed.push(`.git/${GIT_TEMP_FOLDER}/${name}`);
    }
  }
  // `--others` without `--exclude-standard`: a site that ignores the pattern still gets its litter removed.
  const { stdout } = await runGit(workTree, ['-c', 'core.quotePath=false', 'ls-files', '--others', '-z', '--', ...BESIDE_PATTERNS]);
  for (const path of parseNulList(stdout)) {
    if (await removeIfOld(join(workTree, ...path.split('/')), now)) removed.push(path);
  }
  return removed;
}

async function namesIn(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return [];
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
