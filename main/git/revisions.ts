/** Reading commits and trees: what a branch holds beyond another, which files a commit changed, what a tree has at some paths. */
import { runGit } from './core';

/** The all-zero object name git prints for "no such file on this side". */
export const NULL_OID = /^0+$/;

/** One commit, with what replaying it needs. */
export interface CommitInfo {
  commit: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Git's raw date (`1767222000 +0100`), handed back as GIT_AUTHOR_DATE to keep it. */
  authorDate: string;
  /** The whole message, as written. */
  message: string;
}

/** One file a commit changed, from `git diff-tree --raw`. */
export interface FileChange {
  path: string;
  /** `A`dded, `M`odified, `D`eleted, `T`ype changed. */
  status: string;
  oldMode: string;
  newMode: string;
  /** null when the file did not exist on that side. */
  oldBlob: string | null;
  newBlob: string | null;
}

/** One entry of `git ls-tree`. */
export interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  object: string;
}

/** Full SHA of `rev` as a commit, or null when it does not resolve (no such ref, unborn branch). */
export async function resolveCommit(workTree: string, rev: string): Promise<string | null> {
  const { stdout, exitCode } = await runGit(
    workTree,
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`],
    { okExitCodes: [0, 1, 128] },
  );
  return exitCode === 0 ? stdout.trim() : null;
}

/** The best common ancestor of two commits, or null when they share none. */
export async function mergeBase(workTree: string, a: string, b: string): Promise<string | null> {
  const { stdout, exitCode } = await runGit(workTree, ['merge-base', '--end-of-options', a, b], {
    okExitCodes: [0, 1],
  });
  return exitCode === 0 ? stdout.trim() : null;
}

// Fields split by US (0x1f), commits by RS (0x1e): a message may hold tabs and newlines but not these.
const COMMIT_FORMAT = '%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%ad%x1f%B';

/** The commits reachable from `tip` but not from `exclude`, oldest first (what `exclude..tip` holds). */
export async function commitsBetween(workTree: string, exclude: string, tip: string): Promise<CommitInfo[]> {
  const { stdout } = await runGit(workTree, [
    'log',
    '--reverse',
    '--topo-order',
    '--date=raw',
    `--format=${COMMIT_FORMAT}`,
    '--end-of-options',
    `${exclude}..${tip}`,
  ]);
  return parseCommitList(stdout);
}

/** Where a branch and its upstream stand apart: both tips, how many commits only the upstream has, and ours it lacks (oldest first). */
export interface Divergence {
  head: string;
  upstream: string;
  theirs: number;
  mine: CommitInfo[];
}

/**
 * HEAD against `upstreamRef`, in two git starts run side by side. Null when either does not resolve
 * (an unborn branch, no such ref), or when one moved between the two reads: ask again then.
 */
export async function divergence(workTree: string, upstreamRef: string): Promise<Divergence | null> {
  if (upstreamRef.startsWith('-')) return null;
  const [tips, { stdout }] = await Promise.all([
    // Not --end-of-options: rev-parse without --verify echoes it (git 2.39); `--` ends the revisions.
    runGit(workTree, ['rev-parse', 'HEAD^{commit}', `${upstreamRef}^{commit}`, '--'], { okExitCodes: [0, 128] }),
    runGit(
      workTree,
      [
        'log',
        '--left-right',
        '--reverse',
        '--topo-order',
        '--date=raw',
        `--format=%x1e%m${COMMIT_FORMAT.slice('%x1e'.length)}`,
        '--end-of-options',
        `HEAD...${upstreamRef}`,
      ],
      { okExitCodes: [0, 128] },
    ),
  ]);
  const [head, upstream] = tips.stdout.split('\n').map((line) => line.trim());
  if (tips.exitCode !== 0 || !head || !upstream) return null;
  const mine: CommitInfo[] = [];
  const theirTips = new Set<string>();
  // Each record starts with its side: `<` ours, `>` theirs.
  for (const record of stdout.split('\x1e')) {
    const [commit] = parseCommitList(`\x1e${record.slice(1)}`);
    if (commit === undefined) continue;
    if (record.startsWith('<')) mine.push(commit);
    else theirTips.add(commit.commit);
  }
  // The log read the refs by name: it must have seen the tips the rev-parse did.
  if (theirTips.size > 0 && !theirTips.has(upstream)) return null;
  if (mine.length > 0 && mine[mine.length - 1]!.commit !== head) return null;
  return { head, upstream, theirs: theirTips.size, mine };
}

/** How many commits `exclude..tip` holds. */
export async function countCommits(workTree: string, exclude: string, tip: string): Promise<number> {
  const { stdout } = await runGit(workTree, ['rev-list', '--count', '--end-of-options', `${exclude}..${tip}`]);
  return Number(stdout.trim()) || 0;
}

/** Parses `git log --format=<COMMIT_FORMAT>` output. */
export function parseCommitList(output: string): CommitInfo[] {
  const commits: CommitInfo[] = [];
  for (const record of output.split('\x1e')) {
    const fields = record.split('\x1f');
    if (fields.length < 6) continue;
    const [commit = '', parents = '', authorName = '', authorEmail = '', authorDate = ''] = fields;
    // git log ends each record with a newline after %B; the message itself keeps its own.
    const message = fields.slice(5).join('\x1f').replace(/\n$/, '');
    commits.push({
      commit: commit.trim(),
      parents: parents.split(' ').filter((p) => p !== ''),
      authorName,
      authorEmail,
      authorDate,
      message,
    });
  }
  return commits;
}

/** The files `commit` changed against `parent` (no rename detection: a rename is a delete and an add). */
export async function changesOf(workTree: string, parent: string, commit: string): Promise<FileChange[]> {
  const { stdout } = await runGit(workTree, [
    'diff-tree',
    '-r',
    '-z',
    '--raw',
    '--no-renames',
    '--no-commit-id',
    '--end-of-options',
    parent,
    commit,
  ]);
  return parseRawDiff(stdout);
}

/**
 * The files each pair of commits ([from, to]) differs by, read by one git run: `diff-tree --stdin`
 * takes `<to> <from>` lines and prints, with --always, each `to` commit's id before its changes
 * (none when it has none). Results come in the order of `pairs`.
 */
export async function changesOfEach(
  workTree: string,
  pairs: ReadonlyArray<readonly [from: string, to: string]>,
): Promise<FileChange[][]> {
  if (pairs.some((pair) => pair.some((commit) => !/^[0-9a-f]+$/.test(commit))))
    throw new Error('changesOfEach takes commit ids only.');
  const { stdout } = await runGit(workTree, ['diff-tree', '-r', '-z', '--raw', '--no-renames', '--always', '--stdin'], {
    input: pairs.map(([from, to]) => `${to} ${from}\n`).join(''),
  });
  const results: FileChange[][] = [];
  const records = stdout.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!.replace(/^\n/, '');
    if (record.startsWith(':')) {
      // A change: its path is the next record (read here, so a path that looks like an id is never taken for one).
      results[results.length - 1]?.push(...parseRawDiff(`${record}\0${records[++i] ?? ''}\0`));
    } else if (record !== '') results.push([]);
  }
  if (results.length !== pairs.length)
    throw new Error(`git diff-tree --stdin answered for ${results.length} of ${pairs.length} pairs.`);
  return results;
}

/** The paths that differ between two commits. */
export async function changedPaths(workTree: string, from: string, to: string): Promise<string[]> {
  return (await changesOf(workTree, from, to)).map((change) => change.path);
}

/** Parses `git diff-tree -r -z --raw` output: `:<old mode> <new mode> <old> <new> <status>\0<path>\0`, repeated. */
export function parseRawDiff(output: string): FileChange[] {
  const parts = output.split('\0');
  const changes: FileChange[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const header = parts[i]!.replace(/^\n/, '');
    const match = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/.exec(header);
    if (!match) continue;
    const [, oldMode = '', newMode = '', oldBlob = '', newBlob = '', status = ''] = match;
    changes.push({
      path: parts[i + 1]!,
      status,
      oldMode,
      newMode,
      oldBlob: NULL_OID.test(oldBlob) ? null : oldBlob,
      newBlob: NULL_OID.test(newBlob) ? null : newBlob,
    });
  }
  return changes;
}

/** What `commit`'s tree has at each of `paths` (files only; a missing path is absent from the map). */
export async function treeEntries(
  workTree: string,
  commit: string,
  paths: readonly string[],
): Promise<Map<string, TreeEntry>> {
  if (paths.length === 0) return new Map();
  const { stdout } = await runGit(workTree, [
    '--literal-pathspecs',
    'ls-tree',
    '-r',
    '-z',
    '--full-tree',
    '--end-of-options',
    commit,
    '--',
    ...paths,
  ]);
  return new Map(parseLsTree(stdout).map((entry) => [entry.path, entry]));
}

/** Parses `git ls-tree -z` output: `<mode> <type> <object>\t<path>\0`, repeated. */
export function parseLsTree(output: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode = '', type = '', object = ''] = record.slice(0, tab).split(' ');
    entries.push({ mode, type, object, path: record.slice(tab + 1) });
  }
  return entries;
}
