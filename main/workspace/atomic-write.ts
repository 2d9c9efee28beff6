/**
 * Crash-safe file writes: the new bytes go to a temp file, are flushed to disk, and only then
 * renamed over the target. A reader (or a crash) sees either the old file or the new one, never
 * half of each. For a file in a Git work tree the temp file lives in the git folder
 * (`.git/masthead-tmp/`), where `git status` and a writer's `git add -A` never see it — a save
 * killed mid-write leaves no litter in the site.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, lstat, mkdir, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** The marker in temp-file names (`.<name>.masthead-tmp-<random>`). */
export const TEMP_MARKER = '.masthead-tmp-';

/** The folder inside a git folder that holds temp files of writes into its work tree. */
export const GIT_TEMP_FOLDER = 'masthead-tmp';

/** Default mode for new files, before the umask (what `fs.writeFile` uses). */
const NEW_FILE_MODE = 0o666;

/**
 * Writes `data` to `path` atomically: temp file (in the git folder for files of a work tree, else
 * beside the target) → fsync → rename → fsync folder.
 * On any failure the temp file is removed and the original is left exactly as it was. The original
 * file's permission bits are kept; writing through a symlink updates the file it points to.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // The look-ups are independent trips to the thread pool, so they run side by side. The temp
  // folder is first sought for the folder as named, which is the target's unless a symlink leads elsewhere.
  const named = dirname(path);
  const guess = knownTempFolder(named);
  // stat follows symlinks: the mode is the target's.
  const [target, mode] = await Promise.all([resolveTarget(path), existingMode(path)]);
  const folder = dirname(target);
  const temps = folder === named ? await guess : await knownTempFolder(folder);
  try {
    await replaceThrough(temps, target, data, mode);
  } catch (error) {
    // The temp folder remembered from an earlier write is gone (removed by hand, the repository
    // moved): look it up afresh, once.
    if (!isCode(error, 'ENOENT') || !tempFolders.delete(folder)) throw error;
    await replaceThrough(await knownTempFolder(folder), target, data, mode);
  }
  await syncFolder(folder);
}

/** Writes `data` to a new temp file in `temps`, flushes it, and renames it over `target`. */
async function replaceThrough(
  temps: string,
  target: string,
  data: string | Uint8Array,
  mode: number | undefined,
): Promise<void> {
  const temp = join(temps, `.${basename(target)}${TEMP_MARKER}${randomBytes(6).toString('hex')}`);
  let created = false;
  try {
    // 'wx' so an unlucky name collision fails instead of clobbering someone else's file.
    const handle = await open(temp, 'wx', mode ?? NEW_FILE_MODE);
    created = true;
    try {
      await handle.writeFile(data);
      // The umask may have narrowed the mode given to open(); an existing file's mode wins.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    created = false;
  } catch (error) {
    if (created) await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * The temp folder for writes into `folder`, remembered per folder: finding it walks up to the git
 * folder and checks both are on one file system (half a dozen file system calls), and a writer
 * saves the same posts again and again.
 */
function knownTempFolder(folder: string): Promise<string> {
  const known = tempFolders.get(folder);
  if (known !== undefined) return known;
  const found = tempFolderFor(folder);
  tempFolders.set(folder, found);
  return found;
}

const tempFolders = new Map<string, Promise<string>>();

/**
 * Creates `path` with `data` only if no file has that name yet: the bytes go to a temp file (in the
 * git folder for a work tree), are flushed, and are hard-linked into place, which fails instead of
 * overwriting when the name is taken. Returns false when it is. The folder must exist.
 */
export async function createFileAtomic(path: string, data: Uint8Array): Promise<boolean> {
  const folder = dirname(path);
  const temp = join(await tempFolderFor(folder), `.${basename(path)}${TEMP_MARKER}${randomBytes(6).toString('hex')}`);
  try {
    const handle = await open(temp, 'wx', NEW_FILE_MODE);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, path);
    } catch (error) {
      if (isCode(error, 'EEXIST')) return false;
      throw error;
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await syncFolder(folder);
  return true;
}

/**
 * Where the temp file of a write into `folder` goes: `<git folder>/masthead-tmp` when `folder` is
 * in a Git work tree and that folder is on the same file system (rename is only atomic within
 * one), else `folder` itself (the app's data folder, or a site that is not a repository).
 */
export async function tempFolderFor(folder: string): Promise<string> {
  const gitDir = await gitDirAbove(folder);
  if (gitDir === null) return folder;
  const temps = join(gitDir, GIT_TEMP_FOLDER);
  try {
    await mkdir(temps, { recursive: true });
    const [here, there] = await Promise.all([stat(folder), stat(temps)]);
    return here.dev === there.dev ? temps : folder;
  } catch {
    return folder;
  }
}

/**
 * The git folder of the work tree holding `folder`, found by looking for `.git` upwards (a folder,
 * or a file saying `gitdir: …` in worktrees and submodules); null outside any work tree and for
 * folders inside a git folder (git never lists those).
 */
export async function gitDirAbove(folder: string): Promise<string | null> {
  const start = resolve(folder);
  if (start.split(sep).includes('.git')) return null;
  for (let current = start; ;) {
    const dotGit = join(current, '.git');
    try {
      const info = await lstat(dotGit);
      if (info.isDirectory()) return dotGit;
      if (info.isFile()) {
        const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(await readFile(dotGit, 'utf8'));
        return pointer ? resolve(current, pointer[1]!) : null;
      }
    } catch (error) {
      if (!isCode(error, 'ENOENT') && !isCode(error, 'ENOTDIR')) return null;
    }
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** Follows a symlink so the link itself survives and its target gets the new bytes. */
async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return path;
    throw error;
  }
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.mode & 0o7777 : undefined;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/**
 * Flushes the folder entry so the rename itself survives a power cut. Windows and some file
 * systems cannot open or fsync a directory; the data is already safe there, so those errors pass.
 */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Not supported here; the rename has already happened.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** True when `error` is a Node system error with the given `code`. */
export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}
