/**
 * Whether the repository can take a commit now: not mid-merge, mid-rebase, mid-cherry-pick or
 * mid-revert (left so by another tool), and not locked by another git process.
 */
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { runGit } from './core';

/** An operation another tool left unfinished. */
export type InProgress = 'merge' | 'rebase' | 'cherry-pick' | 'revert' | 'am';

/** What the git folder says about the repository right now. */
export interface RepositoryState {
  gitDir: string;
  inProgress: InProgress | null;
  /** `.git/index.lock` exists. */
  locked: boolean;
}

// The files git keeps while an operation waits for the writer, and what each means.
const MARKERS: ReadonlyArray<readonly [string, InProgress]> = [
  ['rebase-merge', 'rebase'],
  ['rebase-apply', 'rebase'],
  ['MERGE_HEAD', 'merge'],
  ['CHERRY_PICK_HEAD', 'cherry-pick'],
  ['REVERT_HEAD', 'revert'],
];

/** The operation in progress, from the names present in the git folder (pure). */
export function inProgressFrom(names: ReadonlySet<string>): InProgress | null {
  for (const [name, operation] of MARKERS)
    if (names.has(name)) return name === 'rebase-apply' && names.has('rebase-apply/applying') ? 'am' : operation;
  return null;
}

const gitDirs = new Map<string, string>();

/** The absolute git folder of the work tree (looked up once per work tree: it does not move while open). */
export async function gitDirOf(workTree: string): Promise<string> {
  const key = path.resolve(workTree);
  const known = gitDirs.get(key);
  if (known !== undefined && (await exists(known))) return known;
  const { stdout } = await runGit(workTree, ['rev-parse', '--absolute-git-dir']);
  const dir = stdout.trim();
  gitDirs.set(key, dir);
  return dir;
}

/** Reads the git folder for unfinished operations and the index lock. */
export async function repositoryState(workTree: string, gitDir?: string): Promise<RepositoryState> {
  const dir = gitDir ?? (await gitDirOf(workTree));
  // One listing of the folder instead of a look-up per marker: this runs before every publish.
  const present = new Set(await readdir(dir).catch(() => [] as string[]));
  const names = new Set([...MARKERS.map(([marker]) => marker), 'index.lock'].filter((name) => present.has(name)));
  if (names.has('rebase-apply') && (await exists(path.join(dir, 'rebase-apply', 'applying'))))
    names.add('rebase-apply/applying');
  return { gitDir: dir, inProgress: inProgressFrom(names), locked: names.has('index.lock') };
}

/**
 * Whether a git process is running in this work tree: true or false where the system lets us see
 * (Linux /proc), null where it does not. Tells a stale index.lock (a crashed git) from a live one.
 */
export async function gitProcessRunning(workTree: string, procRoot = '/proc'): Promise<boolean | null> {
  let entries: string[];
  try {
    entries = await readdir(procRoot);
  } catch {
    return null;
  }
  const root = path.resolve(workTree);
  for (const pid of entries) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      const command = (await readFile(path.join(procRoot, pid, 'comm'), 'utf8')).trim();
      if (command !== 'git' && !command.startsWith('git-')) continue;
      const cwd = await readlink(path.join(procRoot, pid, 'cwd'));
      if (cwd === root || cwd.startsWith(`${root}${path.sep}`)) return true;
    } catch {
      // The process ended while we looked, or belongs to another user: not ours to judge.
    }
  }
  return false;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
