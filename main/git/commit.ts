/** Committing exactly the given files, leaving everything else in the work tree and index as it was. */
import path from 'node:path';
import { fail } from '../../shared/errors';
import { exclusive, runGit } from './core';
import { GitError } from './errors';
import { asHookFailure } from './hooks';

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
export async function commitFile(
  workTree: string,
  repoRelativePath: string,
  message: string,
): Promise<CommitFileResult> {
  return commitFiles(workTree, [repoRelativePath], message);
}

/**
 * Commits only these files in one commit (a post and the translations whose shared fields its save
 * changed), as commitFile does for one.
 */
export async function commitFiles(
  workTree: string,
  repoRelativePaths: readonly string[],
  message: string,
): Promise<CommitFileResult> {
  if (repoRelativePaths.length === 0) throw fail('bad-request', 'Nothing to commit: no file was named.');
  repoRelativePaths.forEach(assertRepoRelative);
  return exclusive(workTree, async () => {
    try {
      return await commitAdding(workTree, repoRelativePaths, message);
    } catch (error) {
      // A pre-commit or commit-msg hook prints only its own words: say it was the hook.
      throw await asHookFailure(error, workTree, COMMIT_HOOKS);
    }
  });
}

const COMMIT_HOOKS = ['pre-commit', 'prepare-commit-msg', 'commit-msg'] as const;

/** `commit --only`, adding the paths first when git does not know them yet; "nothing to commit" is HEAD. */
async function commitAdding(
  workTree: string,
  repoRelativePaths: readonly string[],
  message: string,
): Promise<CommitFileResult> {
  try {
    return await commitOnly(workTree, repoRelativePaths, message);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (error.code === 'git-nothing-to-commit') {
      const head = await resolveHead(workTree);
      if (head === null) throw error;
      return { commit: head, committed: false };
    }
    // `commit --only` refuses paths git does not know yet (a brand-new post): add them, then retry.
    // Adding only on this path keeps the common publish at one git start.
    if (!UNKNOWN_PATH.test(error.stderr)) throw error;
    // --verbose: output ends the run at once; a silent git costs an extra 50 ms wait in simple-git.
    await runGit(workTree, ['--literal-pathspecs', 'add', '--verbose', '--', ...repoRelativePaths]);
    return commitOnly(workTree, repoRelativePaths, message);
  }
}

const UNKNOWN_PATH = /did not match any file\(s\) known to git/;
// The summary line git prints after committing: "[main (root-commit) <sha>] message".
const SUMMARY_LINE = /^\[[^\]\n]*?\b([0-9a-f]{40}|[0-9a-f]{64})\]/m;

/**
 * `git commit --only`: commits this path's work-tree content on top of HEAD and leaves the rest of
 * the index (whatever the writer staged elsewhere) untouched. --literal-pathspecs: a post named
 * "[draft] notes.md" or "what-is-*.md" must name that one file, never a glob matching its
 * neighbours. user.useConfigOnly stops git from inventing an identity like "root@build-box": publishing
 * as nobody is worse than a clear "set your name" error. core.abbrev=40 makes the summary line
 * carry the full SHA, which spares a rev-parse; an unchanged file fails as "nothing to commit".
 */
async function commitOnly(
  workTree: string,
  repoRelativePaths: readonly string[],
  message: string,
): Promise<CommitFileResult> {
  const { stdout } = await runGit(
    workTree,
    ['--literal-pathspecs', 'commit', '--only', '--no-edit', '-m', message, '--', ...repoRelativePaths],
    {
      config: ['user.useConfigOnly=true', 'core.abbrev=40'],
    },
  );
  const commit = SUMMARY_LINE.exec(stdout)?.[1] ?? (await resolveHead(workTree));
  if (commit === null) {
    throw new GitError('git-failed', {
      args: ['rev-parse', 'HEAD'],
      exitCode: null,
      stderr: 'HEAD is missing after commit',
      stdout: '',
    });
  }
  return { commit, committed: true };
}

/** Full SHA of HEAD, or null on an unborn branch. */
async function resolveHead(workTree: string): Promise<string | null> {
  const { stdout, exitCode } = await runGit(workTree, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
    okExitCodes: [0, 1],
  });
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
