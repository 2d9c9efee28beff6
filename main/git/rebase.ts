/**
 * `git rebase` of the writer's own commits onto the upstream, for the cases the object-level replay
 * (main/sync/replay.ts) leaves to git: merge commits, and files other than posts changed on both
 * sides. A rebase that stops is aborted at once: Masthead never leaves the repository mid-rebase.
 */
import { runGit } from './core';
import { GitError } from './errors';

/** Rebases the current branch onto `upstream`. On a clash: aborts, then throws `git-merge-conflict` naming the files. */
export async function rebaseOnto(workTree: string, upstream: string): Promise<void> {
  try {
    // --no-autostash: the writer's uncommitted work is never stashed away behind their back; a
    // dirty tree makes git refuse before it starts, which the caller checked for.
    await runGit(workTree, ['rebase', '--no-autostash', '--no-update-refs', upstream], {
      env: { GIT_REFLOG_ACTION: 'masthead: sync' },
      config: ['user.useConfigOnly=true'],
    });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const conflicted = await unmergedPaths(workTree).catch(() => []);
    await abortRebase(workTree);
    if (conflicted.length === 0 && error.code !== 'git-merge-conflict') throw error;
    throw Object.assign(
      new GitError('git-merge-conflict', {
        args: error.args,
        exitCode: error.exitCode,
        stderr: error.stderr,
        stdout: '',
      }),
      { conflicted },
    );
  }
}

/** Files left unmerged by a stopped rebase or merge. */
export async function unmergedPaths(workTree: string): Promise<string[]> {
  const { stdout } = await runGit(workTree, ['diff', '--name-only', '-z', '--diff-filter=U']);
  return [...new Set(stdout.split('\0').filter((item) => item !== ''))];
}

/** `git rebase --abort` when a rebase is in progress; nothing otherwise. */
export async function abortRebase(workTree: string): Promise<void> {
  await runGit(workTree, ['rebase', '--abort'], { okExitCodes: [0, 128] });
}
