/** Finding the Git work tree a folder belongs to. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../../shared/errors';
import { runGit } from './core';
import { GitError } from './errors';

/**
 * Resolves the root of the Git work tree that contains `dir` (which may be a subfolder). Throws
 * AppFailure `not-a-repository`, saying what to do, when the folder is missing or not in a work tree.
 */
export async function findWorkTreeRoot(dir: string): Promise<string> {
  const folder = path.resolve(dir);
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) {
    throw fail('not-a-repository', `The folder ${folder} does not exist. Choose the folder of your blog's repository.`);
  }
  try {
    const { stdout } = await runGit(folder, ['rev-parse', '--show-toplevel']);
    // git prints forward slashes on Windows too; path.resolve gives the platform's own form.
    return path.resolve(stdout.trim());
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (/dubious ownership/i.test(error.stderr)) {
      throw fail(
        'not-a-repository',
        `Git refuses to open ${folder} because the folder belongs to another user account. If you trust it, run "git config --global --add safe.directory ${folder}" in a terminal, then open it again.`,
        error.detail,
      );
    }
    if (/not a git repository|must be run in a work tree/i.test(error.stderr)) {
      throw fail(
        'not-a-repository',
        `${folder} is not inside a Git repository. Choose the folder of a cloned blog repository (the one that contains its .git folder), or clone the repository first.`,
        error.detail,
      );
    }
    throw error;
  }
}
