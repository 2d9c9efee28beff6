/** Moving the current branch to another commit while keeping every uncommitted change (`git reset --keep`). */
import { fail } from '../../shared/errors';
import { runGit } from './core';
import { GitError } from './errors';

/**
 * Points the current branch at `commit` and updates the files that differ between HEAD and it,
 * like a fast-forward. Staged and unstaged changes of other files stay as they are. When a file
 * that must change has uncommitted edits, nothing changes and the failure names the files.
 */
export async function moveBranchKeepingChanges(workTree: string, commit: string, reason: string): Promise<void> {
  try {
    // GIT_REFLOG_ACTION: the reflog says why the branch moved, so `git reflog` explains it later.
    await runGit(workTree, ['reset', '--keep', '--end-of-options', commit], { env: { GIT_REFLOG_ACTION: `masthead: ${reason}` } });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const files = blockedFiles(error.stderr);
    if (files.length === 0) throw error;
    throw fail(
      'git-failed',
      `Others changed ${files.map((file) => `“${file}”`).join(', ')}, which also has changes here that are not committed. Nothing was changed: publish or discard those changes first, then sync again.`,
      error.detail,
    );
  }
}

/** The files `git reset --keep` (or a checkout) refused to overwrite, from its output. */
export function blockedFiles(stderr: string): string[] {
  const files = new Set<string>();
  for (const match of stderr.matchAll(/^error: Entry '(.+)' not uptodate\. Cannot merge\.$/gm)) files.add(match[1]!);
  for (const match of stderr.matchAll(/^error: Entry '(.+)' would be overwritten by merge\. Cannot merge\.$/gm)) files.add(match[1]!);
  const listed = /would be overwritten by (?:merge|checkout):\n((?:\t.+\n)+)/.exec(stderr);
  if (listed) for (const line of listed[1]!.split('\n')) if (line.trim() !== '') files.add(line.trim());
  return [...files];
}
