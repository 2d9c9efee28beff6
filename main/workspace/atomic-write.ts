/**
 * Crash-safe file writes: the new bytes go to a temp file beside the target, are flushed to disk,
 * and only then renamed over the target. A reader (or a crash) sees either the old file or the new
 * one, never half of each.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The marker in temp-file names; `.gitignore` lists `.masthead-tmp-*` so leftovers never get committed. */
export const TEMP_MARKER = '.masthead-tmp-';

/** Default mode for new files, before the umask (what `fs.writeFile` uses). */
const NEW_FILE_MODE = 0o666;

/**
 * Writes `data` to `path` atomically: temp file in the same folder → fsync → rename → fsync folder.
 * On any failure the temp file is removed and the original is left exactly as it was. The original
 * file's permission bits are kept; writing through a symlink updates the file it points to.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = await resolveTarget(path);
  const mode = await existingMode(target);
  const folder = dirname(target);
  // Same folder as the target: rename is only atomic within one file system.
  const temp = join(folder, `.${basename(target)}${TEMP_MARKER}${randomBytes(6).toString('hex')}`);

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
  await syncFolder(folder);
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
