/** The files of the work tree git knows of or would add: tracked plus untracked, minus ignored. */
import { runGit } from './core';

/** Most paths returned; a monorepo's millions of files are not needed to check a post's links. */
export const MAX_LISTED_FILES = 200_000;

/** Repo-relative POSIX paths of tracked and untracked (not ignored) files. */
export async function listWorkTreeFiles(workTree: string): Promise<string[]> {
  const { stdout } = await runGit(workTree, ['-c', 'core.quotePath=false', 'ls-files', '--cached', '--others', '--exclude-standard', '-z']);
  return parseNulList(stdout).slice(0, MAX_LISTED_FILES);
}

/** Splits NUL-terminated git output into unique entries (a file both tracked and modified is listed once). */
export function parseNulList(output: string): string[] {
  return [...new Set(output.split('\0').filter((item) => item !== ''))];
}
