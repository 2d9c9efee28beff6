/** The files of the work tree git knows of or would add (tracked plus untracked, minus ignored), and a file as last committed. */
import { runGit } from './core';

/** Most paths returned; a monorepo's millions of files are not needed to check a post's links. */
const MAX_LISTED_FILES = 200_000;

/** Repo-relative POSIX paths of tracked and untracked (not ignored) files. */
export async function listWorkTreeFiles(workTree: string): Promise<string[]> {
  const { stdout } = await runGit(workTree, [
    '-c',
    'core.quotePath=false',
    'ls-files',
    '--cached',
    '--others',
    '--exclude-standard',
    '-z',
  ]);
  return parseNulList(stdout).slice(0, MAX_LISTED_FILES);
}

/** Splits NUL-terminated git output into unique entries (a file both tracked and modified is listed once). */
export function parseNulList(output: string): string[] {
  return [...new Set(output.split('\0').filter((item) => item !== ''))];
}

/** The text of `path` (repo-relative POSIX) as HEAD has it, or null when HEAD has no such file (or there is no HEAD yet). */
export async function readCommittedFile(workTree: string, path: string): Promise<string | null> {
  // `HEAD:./…` would be relative to the current directory; `HEAD:path` is from the top of the tree.
  const { stdout, exitCode } = await runGit(workTree, ['cat-file', '-p', `HEAD:${path}`], { okExitCodes: [0, 128] });
  return exitCode === 0 ? stdout : null;
}
