/** A file's text as one commit has it (`git show <commit>:<path>`). */
import { fail } from '../../shared/errors';
import { runGit } from './core';

const OBJECT_NAME = /^(?:[0-9a-f]{40}|[0-9a-f]{64}|HEAD)$/;

/**
 * The text of `path` (repo-relative POSIX, from the top of the work tree) at `commit` (a full SHA
 * or `HEAD`), or null when that commit has no such file, or there is no commit yet.
 */
export async function showFileAt(workTree: string, commit: string, path: string): Promise<string | null> {
  // Only full object names: anything else could be read by git as an option or a revision range.
  if (!OBJECT_NAME.test(commit))
    throw fail('bad-request', `“${commit.slice(0, 80)}” is not a commit Masthead can read.`);
  if (path === '' || path.startsWith('/') || path.includes('\0'))
    throw fail('bad-request', `“${path.slice(0, 200)}” is not a path inside the repository.`);
  // `<commit>:<path>` is from the top of the tree (`./path` would be from the current folder).
  // 128: git's exit for a missing path, an unknown commit or an unborn HEAD.
  const { stdout, exitCode } = await runGit(workTree, ['show', '--no-textconv', `${commit}:${path}`], {
    okExitCodes: [0, 128],
  });
  return exitCode === 0 ? stdout : null;
}
