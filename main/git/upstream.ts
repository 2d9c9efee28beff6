/** Linking a branch that tracks nothing to the same-named branch on the repository's remote. */
import { fail } from '../../shared/errors';
import { runGit } from './core';
import { GitError } from './errors';
import { currentBranchName } from './move-branch';
import { oneRemoteCallAtATime } from './remote-queue';

/** Where the branch is now linked. */
export interface LinkedUpstream {
  branch: string;
  /** e.g. `origin/drafts`. */
  upstream: string;
  /** True when the remote had no such branch and it was created by pushing this one. */
  created: boolean;
}

/**
 * Links the current branch to `<remote>/<branch>`, on `origin` or the only remote. When the remote
 * already has the branch it is fetched and tracked (the next publish catches up with it, never
 * overwrites it); when it does not, the branch is pushed there with `--set-upstream`. Never forces.
 */
export async function linkUpstream(workTree: string): Promise<LinkedUpstream> {
  const branch = await currentBranchName(workTree);
  if (branch === null) {
    throw fail(
      'git-detached-head',
      'The repository is not on a branch (detached HEAD), so there is no branch to link. Switch to your branch (for example "git switch main"), then try again.',
    );
  }
  const remote = chooseRemote(branch, await remoteNames(workTree));
  const tracking = `refs/remotes/${remote}/${branch}`;
  const exists = await oneRemoteCallAtATime(workTree, () => fetchBranch(workTree, remote, branch, tracking));
  if (exists) {
    // --end-of-options is not taken by `git branch`; the full ref name cannot be read as an option.
    await runGit(workTree, ['branch', `--set-upstream-to=${tracking}`, branch]);
    return { branch, upstream: `${remote}/${branch}`, created: false };
  }
  await oneRemoteCallAtATime(workTree, () =>
    runGit(workTree, ['push', '--progress', '--set-upstream', remote, `refs/heads/${branch}:refs/heads/${branch}`]),
  );
  return { branch, upstream: `${remote}/${branch}`, created: true };
}

async function remoteNames(workTree: string): Promise<string[]> {
  const { stdout } = await runGit(workTree, ['remote']);
  return stdout
    .split('\n')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** `origin` when there is one, else the only remote; anything else needs the writer. */
export function chooseRemote(branch: string, remotes: readonly string[]): string {
  if (remotes.includes('origin')) return 'origin';
  if (remotes.length === 1) return remotes[0]!;
  if (remotes.length === 0) {
    throw fail(
      'git-failed',
      'This repository has no remote to publish to. Add one in a terminal (for example "git remote add origin <address>"), then publish again. Your edits are saved in the file.',
    );
  }
  throw fail(
    'git-failed',
    `This repository has several remotes (${remotes.join(', ')}) and none is called origin, so Masthead cannot tell where to publish. Link the branch in a terminal (for example "git push -u ${remotes[0]} ${branch}"), then publish again.`,
  );
}

/** Fetches `branch` from `remote` into its tracking ref; false when the remote has no such branch. */
async function fetchBranch(workTree: string, remote: string, branch: string, tracking: string): Promise<boolean> {
  try {
    await runGit(workTree, ['fetch', '--progress', '--no-tags', remote, `+refs/heads/${branch}:${tracking}`]);
    return true;
  } catch (error) {
    if (error instanceof GitError && /couldn't find remote ref/i.test(error.stderr)) return false;
    throw error;
  }
}
