/** Committing exactly one file, leaving everything else in the work tree and index as it was. */
import path from 'node:path';
import { fail } from '../../shared/errors';
import { exclusive, runGit } from './core';
import { GitError } from './errors';

/** The outcome of commitFile. */
export interface CommitFileResult {
  /** Full SHA of the commit that holds the file: the new commit, or HEAD when nothing changed. */
  commit: string;
  /** False when the file already matched HEAD, so no commit was made. */
  committed: boolean;
}

/**
 * Commits only `repoRelativePath` (POSIX, relative to the work-tree root) with `message`, using the
 * repository's configured identity. Other files keep their changes and their staged state.
 */
export async function commitFile(workTree: string, repoRelativePath: string, message: string): Promise<CommitFileResult> {
  assertRepoRelative(repoRelativePath);
  return exclusive(workTree, async () => {
    // --literal-pathspecs: a post named "[draft] notes.md" or "what-is-*.md" must name that one file,
    // never a glob matching its neighbours.
    // `add` first because `commit --only` refuses paths git does not know yet (a brand-new post).
    // --verbose: output ends the run at once; a silent git costs an extra 50 ms wait in simple-git.
    await runGit(workTree, ['--literal-pathspecs', 'add', '--verbose', '--', repoRelativePath]);

    // --only commits this path's work-tree content on top of HEAD and leaves the rest of the index
    // (whatever the writer staged elsewhere) untouched. user.useConfigOnly stops git from inventing
    // an identity like "root@build-box" when none is configured: publishing as nobody is worse than
    // a clear "set your name" error. An unchanged file is reported by git itself as "nothing to
    // commit", which spares a separate diff on every publish.
    try {
      await runGit(workTree, ['--literal-pathspecs', 'commit', '--only', '--no-edit', '-m', message, '--', repoRelativePath], {
        config: ['user.useConfigOnly=true'],
      });
    } catch (error) {
      const head = error instanceof GitError && error.code === 'git-nothing-to-commit' ? await resolveHead(workTree) : null;
      if (head === null) throw error;
      return { commit: head, committed: false };
    }
    const commit = await resolveHead(workTree);
    if (commit === null) {
      throw new GitError('git-failed', { args: ['rev-parse', 'HEAD'], exitCode: null, stderr: 'HEAD is missing after commit', stdout: '' });
    }
    return { commit, committed: true };
  });
}

/** Full SHA of HEAD, or null on an unborn branch. */
async function resolveHead(workTree: string): Promise<string | null> {
  const { stdout, exitCode } = await runGit(workTree, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { okExitCodes: [0, 1] });
  return exitCode === 0 ? stdout.trim() : null;
}

// Paths come from the workspace, which already confines them to the repository; this is the last
// guard before git, so a bug upstream cannot commit files outside the post.
function assertRepoRelative(repoRelativePath: string): void {
  const normalized = path.posix.normalize(repoRelativePath);
  const escapes = normalized === '..' || normalized.startsWith('../');
  const absolute = path.posix.isAbsolute(repoRelativePath) || path.win32.isAbsolute(repoRelativePath);
  if (repoRelativePath === '' || normalized === '.' || escapes || absolute) {
    throw fail('outside-repository', `Cannot commit "${repoRelativePath}": it is not a file inside the repository.`);
  }
}
