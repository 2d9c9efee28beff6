/** Moving the current branch to another commit while keeping every uncommitted change, staged or not. */
import { fail } from '../../shared/errors';
import { runGit } from './core';
import { GitError } from './errors';

/**
 * Points `branch` (the current branch) at `commit` and updates the files that differ between HEAD
 * and it, as switching branches does (`git checkout -B`): staged and unstaged changes of other files
 * stay exactly as they are, and the branch keeps its upstream. When a file that must change has
 * uncommitted edits, nothing changes and the failure names the files.
 */
export async function moveBranchKeepingChanges(
  workTree: string,
  branch: string,
  commit: string,
  reason: string,
): Promise<void> {
  try {
    // Not --quiet: git's "Reset branch" line ends the run at once (a silent git costs a wait).
    // GIT_REFLOG_ACTION: the reflog says why the branch moved, so `git reflog` explains it later.
    await runGit(workTree, ['checkout', '--no-guess', '-B', branch, commit], {
      env: { GIT_REFLOG_ACTION: `masthead: ${reason}` },
    });
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

/** The files a checkout refused to overwrite, from its output. */
export function blockedFiles(stderr: string): string[] {
  const files = new Set<string>();
  for (const match of stderr.matchAll(
    /^error: Entry '(.+)' (?:not uptodate|would be overwritten by merge)\. Cannot merge\.$/gm,
  ))
    files.add(match[1]!);
  for (const match of stderr.matchAll(/would be overwritten by (?:merge|checkout):\n((?:\t.+\n?)+)/g)) {
    for (const line of match[1]!.split('\n')) if (line.trim() !== '') files.add(line.trim());
  }
  return [...files];
}

/** The current branch's name, or null on a detached HEAD. */
export async function currentBranchName(workTree: string): Promise<string | null> {
  const { stdout, exitCode } = await runGit(workTree, ['symbolic-ref', '--quiet', '--short', 'HEAD'], {
    okExitCodes: [0, 1],
  });
  return exitCode === 0 ? stdout.trim() : null;
}
