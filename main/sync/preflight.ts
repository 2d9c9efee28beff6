/**
 * Checks made right before a publish commit, once the post is saved: nothing the writer staged may
 * be lost by it. And the one repair Masthead offers for a blocked repository: removing an
 * `index.lock` a crashed git left behind.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../../shared/errors';
import {
  commitTreeId,
  gitDirOf,
  gitProcessRunning,
  indexTreeId,
  parseBranchHeaders,
  parsePorcelainChanges,
  readRef,
  repositoryState,
  runGit,
  workTreeChanges,
} from '../git/index';

/** A lock younger than this may belong to a git that is just starting; it is not removed. */
export const FRESH_LOCK_MS = 2000;

/** What the index and the branch looked like as a publish began: one `git status`, read while the post is saved. */
export interface IndexGlance {
  /** Staged files (index ≠ HEAD) → the object the index holds for each (null when unmerged). */
  staged: ReadonlyMap<string, string | null>;
  /** The upstream (`origin/main`) `behind` counts against; null when the branch has none or it was not counted. */
  upstream: string | null;
  /** Commits of the upstream, as last fetched, that the branch lacks. */
  behind: number;
}

/**
 * The glance a publish takes before its commit. It is read from the git folder when that can tell
 * (see glanceInGitFolder), as it can after every publish of the session; otherwise from one
 * `git status` (glanceWithGit). `target` is where the branch pushes, when known.
 */
export async function glanceAtIndex(workTree: string, target?: Upstream | null): Promise<IndexGlance> {
  const read = target ? await glanceInGitFolder(workTree, target).catch(() => null) : null;
  return read ?? glanceWithGit(workTree);
}

/** The part of a push plan the glance compares with: the upstream's short name and its tracking ref. */
export interface Upstream {
  short: string;
  trackingRef: string;
}

/**
 * Nothing staged, told without starting git: the tree the index caches for its whole content is
 * HEAD's tree (a commit leaves it so; staging a file invalidates it). Then, when the upstream as
 * last fetched is HEAD itself, nothing is behind; otherwise `upstream` is null and the caller counts.
 * Null when the git folder cannot tell (a packed HEAD commit, a split index, a staged file…).
 */
export async function glanceInGitFolder(workTree: string, target: Upstream): Promise<IndexGlance | null> {
  const gitDir = await gitDirOf(workTree);
  const [head, tracking] = await Promise.all([readRef(gitDir, 'HEAD'), readRef(gitDir, target.trackingRef)]);
  if (head === null) return null;
  const [headTree, indexTree] = await Promise.all([commitTreeId(gitDir, head), indexTreeId(gitDir, head.length / 2)]);
  if (headTree === null || headTree !== indexTree) return null;
  return tracking === head
    ? { staged: new Map(), upstream: target.short, behind: 0 }
    : { staged: new Map(), upstream: null, behind: 0 };
}

/**
 * Reads the index and the branch headers in one `git status`. Only the index side (staged or not)
 * is used, which the save running meanwhile cannot change: so this costs a publish no wait.
 */
export async function glanceWithGit(workTree: string): Promise<IndexGlance> {
  const { stdout } = await runGit(workTree, [
    '--no-optional-locks',
    'status',
    '--porcelain=v2',
    '-z',
    '--branch',
    '--untracked-files=no',
    '--no-renames',
  ]);
  const staged = new Map<string, string | null>();
  for (const change of parsePorcelainChanges(stdout)) if (change.staged) staged.set(change.path, change.indexBlob);
  const headers = parseBranchHeaders(stdout);
  return { staged, upstream: headers.upstream, behind: headers.behind };
}

/**
 * Refuses when a file about to be committed is staged with other content than the file now holds:
 * `commit --only` would record the file and replace what the writer staged, losing it. A file
 * staged exactly as it is (or not staged) is fine; other staged files are never touched. With a
 * glance taken before the save, the usual case (none of the files staged) needs no git run; a
 * file that is staged is compared by object id, and when that differs git's own status decides
 * (a clean filter or line-ending conversion changes the bytes git stores).
 */
export async function assertPublishable(
  workTree: string,
  paths: readonly string[],
  glance: IndexGlance | null = null,
): Promise<void> {
  if (glance !== null && (await stagedAsTheyAre(workTree, paths, glance))) return;
  const wanted = new Set(paths);
  const changes = await workTreeChanges(workTree);
  const clashing = changes.filter((change) => wanted.has(change.path) && change.staged && change.unstaged);
  if (clashing.length === 0) return;
  const names = clashing.map((change) => `“${change.path}”`).join(', ');
  throw fail(
    'git-failed',
    `${names} is staged in git with other text than you are publishing, and publishing would replace what was staged. Your edits are saved in the file; nothing was committed. Commit or unstage the staged version first (for example "git restore --staged ${clashing[0]!.path}"), then publish again.`,
  );
}

/** True when each of `paths` is either not staged or staged exactly as the work tree holds it now. */
async function stagedAsTheyAre(workTree: string, paths: readonly string[], glance: IndexGlance): Promise<boolean> {
  for (const file of paths) {
    if (!glance.staged.has(file)) continue;
    const indexed = glance.staged.get(file) ?? null;
    if (indexed === null) return false;
    const bytes = await readFile(path.join(workTree, file)).catch(() => null);
    if (bytes === null || blobId(bytes, indexed.length === 64 ? 'sha256' : 'sha1') !== indexed) return false;
  }
  return true;
}

/** The id git gives these bytes as a blob (`git hash-object` without filters). */
export function blobId(bytes: Uint8Array, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm).update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/**
 * Removes `.git/index.lock` when it is stale: no git process runs in the repository (Linux can
 * tell; elsewhere Masthead cannot, and refuses) and the lock is older than FRESH_LOCK_MS. Returns
 * false when there was no lock. Throws 'git-locked' saying why the lock was left in place.
 */
export async function removeStaleIndexLock(workTree: string, now = Date.now()): Promise<boolean> {
  const state = await repositoryState(workTree);
  if (!state.locked) return false;
  const lock = path.join(state.gitDir, 'index.lock');
  const running = await gitProcessRunning(workTree);
  if (running === true) {
    throw fail(
      'git-locked',
      'A git program is working in this repository right now, so its index.lock was left in place. Wait for it to finish, then try again.',
    );
  }
  if (running === null) {
    throw fail(
      'git-locked',
      `Masthead cannot tell on this system whether a git program is running, so it left the lock in place. If none is, delete “${lock}”, then try again.`,
    );
  }
  const age = now - (await stat(lock)).mtimeMs;
  if (age < FRESH_LOCK_MS)
    throw fail(
      'git-locked',
      'The lock was made a moment ago, perhaps by a git program just starting. Try again in a few seconds.',
    );
  await rm(lock, { force: true });
  return true;
}
