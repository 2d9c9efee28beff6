/**
 * Turns Node file-system errors into AppFailures the writer can act on. The raw error text goes in
 * `detail`; the message says what happened and what to do next.
 */
import { AppFailure, fail } from '../../shared/errors';

/**
 * Wraps a file-system error raised while doing `action` (e.g. "save content/posts/a.md").
 * AppFailures pass through untouched so a precise message from deeper down is never replaced.
 */
export function ioFailure(error: unknown, action: string, unchanged = true): AppFailure {
  if (error instanceof AppFailure) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  const safe = unchanged ? ' Nothing on disk was changed.' : '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return fail(
        'not-found',
        `Could not ${action}: it does not exist (it may have been moved or deleted).${safe}`,
        detail,
      );
    case 'EACCES':
    case 'EPERM':
      return fail(
        'io',
        `Could not ${action}: permission denied. Check the file and folder permissions, then try again.${safe}`,
        detail,
      );
    case 'EROFS':
      return fail('io', `Could not ${action}: the disk is read-only.${safe}`, detail);
    case 'ENOSPC':
    case 'EDQUOT':
      return fail('io', `Could not ${action}: the disk is full. Free some space, then try again.${safe}`, detail);
    case 'EISDIR':
      return fail('io', `Could not ${action}: a folder is in the way where a file was expected.${safe}`, detail);
    case 'EBUSY':
    case 'EMFILE':
    case 'ENFILE':
    case 'EAGAIN':
      return fail('io', `Could not ${action}: the file is busy. Try again in a moment.${safe}`, detail);
    default:
      return fail('io', `Could not ${action}.${safe}`, detail);
  }
}
