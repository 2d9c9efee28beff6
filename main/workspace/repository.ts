/**
 * Opening a repository: check the folder, find the Git work tree it belongs to, and its branch.
 * Its collections come from the content index (see content-index.ts), which the back end loads next.
 */
import { realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, resolve } from 'node:path';
import type { RepoSummary } from '../../shared/api';
import { fail } from '../../shared/errors';
import { findWorkTreeRoot, getSyncStatus } from '../git/index';
import { isCode } from './atomic-write';

/**
 * Opens the repository containing `folder` (the folder itself or any folder inside a work tree).
 * Throws 'bad-request' for an empty path, 'not-found' when the folder does not exist, and
 * 'not-a-repository' when it is not inside a Git work tree.
 */
export async function openRepository(folder: string): Promise<RepoSummary> {
  const absolute = expandFolder(folder);
  await assertFolder(absolute, folder);
  // Real path: symlink checks on post paths compare against it, and the same repository reached
  // through two links should be one entry in the recent list.
  const root = await realpath(await findWorkTreeRoot(absolute));
  // No scan here: the content index (config or inference) decides the collections right after.
  return { path: root, name: basename(root), branch: await currentBranch(root), collections: [] };
}

/** Turns what the writer typed into an absolute path: `~` is their home folder, relative means from the current folder. */
export function expandFolder(folder: string): string {
  const trimmed = folder.trim();
  if (trimmed === '' || trimmed.includes('\0')) throw fail('bad-request', 'Enter the path of a folder to open.');
  if (trimmed === '~') return homedir();
  if (trimmed.startsWith('~/') || trimmed.startsWith('~\\')) return resolve(homedir(), trimmed.slice(2));
  return resolve(trimmed);
}

async function assertFolder(absolute: string, shown: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(absolute)).isDirectory();
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) {
      throw fail('not-found', `There is no folder at “${shown}”. Check the path and try again.`);
    }
    throw fail('io', `Could not open “${shown}”. Check that you can access it, then try again.`, String(error));
  }
  if (!isDirectory)
    throw fail('not-found', `“${shown}” is a file, not a folder. Choose the folder of your site's repository.`);
}

/** The checked-out branch, or null when detached or when Git cannot say (the repository still opens). */
async function currentBranch(root: string): Promise<string | null> {
  try {
    return (await getSyncStatus(root)).branch;
  } catch {
    return null;
  }
}
