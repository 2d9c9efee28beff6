/**
 * Reading a file only when it is a regular file. A FIFO, socket or device named like a post or an
 * image (`cover.png`, `hello.md`) would block `open()` or `read()` forever and hold one of Node's
 * few I/O threads; five such requests freeze every file operation of the process. So the name is
 * checked with lstat-after-realpath, opened non-blocking, checked again on the handle (it cannot
 * be swapped in between), and the read has a deadline.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { fail } from '../../shared/errors';

/** How long reading one file may take: far more than a local disk needs, far less than a frozen request. */
export const READ_TIMEOUT_MS = 10_000;

/** What the file turned out to be when it is not a regular file. */
export type NotRegular = 'missing' | 'folder' | 'special';

/** Options for readRegularFile. */
export interface ReadRegularOptions {
  /** Refuse (with 'bad-request') a file larger than this many bytes. */
  maxBytes?: number;
  /** The name shown in messages (a repo-relative path). */
  shownPath?: string;
  timeoutMs?: number;
}

/**
 * The bytes of the regular file at `absolute`, or what it is instead: 'missing', 'folder', or
 * 'special' (FIFO, socket, device). Other errors (permissions, the deadline) are thrown.
 */
export async function readRegularFile(
  absolute: string,
  options: ReadRegularOptions = {},
): Promise<Uint8Array | NotRegular> {
  const shown = options.shownPath ?? absolute;
  let before;
  try {
    // stat (not lstat) on purpose: a symlink inside the repository to a regular file is fine;
    // the callers have already refused links that lead out of it.
    before = await stat(absolute);
  } catch (error) {
    if (isMissing(error)) return 'missing';
    throw error;
  }
  if (before.isDirectory()) return 'folder';
  if (!before.isFile()) return 'special';
  let handle;
  try {
    // O_NONBLOCK: should the name have become a FIFO since the stat, open() returns at once.
    handle = await open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (isMissing(error)) return 'missing';
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return 'special';
    if (options.maxBytes !== undefined && info.size > options.maxBytes) {
      throw fail(
        'bad-request',
        `${shown} is larger than ${Math.round(options.maxBytes / (1024 * 1024))} MB, too large to open in Masthead.`,
      );
    }
    const signal = AbortSignal.timeout(options.timeoutMs ?? READ_TIMEOUT_MS);
    try {
      return new Uint8Array(await handle.readFile({ signal }));
    } catch (error) {
      if (signal.aborted)
        throw fail(
          'io',
          `Reading ${shown} took longer than ${Math.round((options.timeoutMs ?? READ_TIMEOUT_MS) / 1000)} s, so Masthead stopped waiting. Check the disk or network drive it is on, then try again.`,
        );
      throw error;
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
