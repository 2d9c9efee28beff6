/**
 * Checks made right before a publish commit, once the post is saved: nothing the writer staged may
 * be lost by it. And the one repair Masthead offers for a blocked repository: removing an
 * `index.lock` a crashed git left behind.
 */
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../../shared/errors';
import { gitProcessRunning, repositoryState, workTreeChanges } from '../git/index';

/** A lock younger than this may belong to a git that is just starting; it is not removed. */
export const FRESH_LOCK_MS = 2000;

/**
 * Refuses when a file about to be committed is staged with other content than the file now holds:
 * `commit --only` would record the file and replace what the writer staged, losing it. A file
 * staged exactly as it is (or not staged) is fine; other staged files are never touched.
 */
export async function assertPublishable(workTree: string, paths: readonly string[]): Promise<void> {
  const wanted = new Set(paths);
  const changes = await workTreeChanges(workTree);
  const clashing = changes.filter((change) => wanted.has(change.path) && change.staged && change.unstaged);
  if (clashing.length === 0) return;
  const names = clashing.map((change) => `“${change.path}”`).join(', ');
  throw fail(
    'git-failed',
    `${names} is staged in git with other text than you are publishing, and publishing would replace what was staged. Your edits are saved in the file; nothing was committed. Commit or unstage the staged version first (for example "git restore --staged ${clashing[0]!.path}"), then publish again.`,
  );
}

/**
 * Removes `.git/index.lock` when it is stale: no git process runs in the repository (Linux can
 * tell; elsewhere Masthead cannot, and refuses) and the lock is older than FRESH_LOCK_MS. Returns
 * false when there was no lock. Throws 'git-locked' saying why the lock was left in place.
 */
export async function removeStaleIndexLock(workTree: string, now = Date.now()): Promise<boolean> {
  const state = await repositoryState(workTree);
  if (!state.locked) return false;
  const lock = path.join(state.gitDir, 'index.lock');
  const running = await gitProcessRunning(workTree);
  if (running === true) {
    throw fail(
      'git-locked',
      'A git program is working in this repository right now, so its index.lock was left in place. Wait for it to finish, then try again.',
    );
  }
  if (running === null) {
    throw fail(
      'git-locked',
      `Masthead cannot tell on this system whether a git program is running, so it left the lock in place. If none is, delete “${lock}”, then try again.`,
    );
  }
  const age = now - (await stat(lock)).mtimeMs;
  if (age < FRESH_LOCK_MS)
    throw fail(
      'git-locked',
      'The lock was made a moment ago, perhaps by a git program just starting. Try again in a few seconds.',
    );
  await rm(lock, { force: true });
  return true;
}
