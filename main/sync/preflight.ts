/** Checks made right before a publish commit, once the post is saved: nothing the writer staged may be lost by it. */
import { fail } from '../../shared/errors';
import { workTreeChanges } from '../git/index';

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
