/**
 * Writing git objects without touching the work tree or the real index: blobs, a tree made from
 * another tree with some files replaced (in a scratch index), and a commit on a given parent. This
 * is how a publish is replayed on top of what others pushed: the repository is never mid-rebase.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGit } from './core';
import type { CommitInfo } from './revisions';

/** A file to set in a tree (`blob` null: remove it). */
export interface TreeChange {
  path: string;
  mode: string;
  blob: string | null;
}

/** The text of a blob (UTF-8). */
export async function readBlob(workTree: string, blob: string): Promise<string> {
  const { stdout } = await runGit(workTree, ['cat-file', 'blob', blob]);
  return stdout;
}

/** Stores `text` as a blob and returns its object name. */
export async function writeBlob(workTree: string, text: string): Promise<string> {
  const { stdout } = await runGit(workTree, ['hash-object', '-w', '--stdin'], { input: text });
  return stdout.trim();
}

/**
 * The tree of `base` (a commit) with `changes` applied, built in a scratch index so the writer's
 * index and files stay exactly as they are. Returns the new tree's object name.
 */
export async function treeWithChanges(workTree: string, base: string, changes: readonly TreeChange[]): Promise<string> {
  const index = path.join(tmpdir(), `masthead-index-${randomUUID()}`);
  const env = { GIT_INDEX_FILE: index };
  try {
    await runGit(workTree, ['read-tree', '--end-of-options', base], { env });
    const args: string[] = [];
    for (const change of changes) {
      if (change.blob !== null) args.push('--add', '--cacheinfo', `${change.mode},${change.blob},${change.path}`);
    }
    // Removals last: every argument after `--` is a path.
    const removed = changes.filter((change) => change.blob === null).map((change) => change.path);
    if (removed.length > 0) args.push('--force-remove', '--', ...removed);
    // --verbose: git prints each entry, which also ends the run at once (no wait for silent output).
    if (args.length > 0) await runGit(workTree, ['update-index', '--verbose', ...args], { env });
    const { stdout } = await runGit(workTree, ['write-tree'], { env });
    return stdout.trim();
  } finally {
    await rm(index, { force: true });
  }
}

/**
 * Records `tree` as a commit on `parent`, keeping the author, date and message of `original` (the
 * commit being replayed); the committer is the writer, as in a rebase.
 */
export async function commitTree(
  workTree: string,
  tree: string,
  parent: string,
  original: Pick<CommitInfo, 'authorName' | 'authorEmail' | 'authorDate' | 'message'>,
): Promise<string> {
  const env = {
    GIT_AUTHOR_NAME: original.authorName,
    GIT_AUTHOR_EMAIL: original.authorEmail,
    GIT_AUTHOR_DATE: original.authorDate,
  };
  const { stdout } = await runGit(workTree, ['commit-tree', '-F', '-', '-p', parent, tree], {
    env,
    input: original.message.endsWith('\n') ? original.message : `${original.message}\n`,
    config: ['user.useConfigOnly=true'],
  });
  return stdout.trim();
}

/**
 * The tree git's own merge makes of two commits (`git merge-tree --write-tree`), without touching
 * the work tree or the index; null when it has conflicts.
 */
export async function mergedTree(workTree: string, ours: string, theirs: string): Promise<string | null> {
  const { stdout, exitCode } = await runGit(workTree, ['merge-tree', '--write-tree', ours, theirs], {
    okExitCodes: [0, 1],
  });
  return exitCode === 0 ? (stdout.split('\n')[0] ?? '').trim() || null : null;
}
