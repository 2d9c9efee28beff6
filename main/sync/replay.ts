/**
 * Replays the writer's unpushed commits on top of what others pushed, one commit at a time, as
 * git objects only: the work tree, the index and the branch are not touched here (the caller moves
 * the branch once the whole chain is built). A file the other side did not change is taken as the
 * commit has it; a post or data file both sides changed goes through `merge`; anything else, or a
 * merge that conflicts, stops the replay and says where.
 */
import {
  changesOf,
  changesOfEach,
  commitTree,
  mergedTree,
  readBlob,
  treeEntries,
  treeWithChanges,
  writeBlob,
  type CommitInfo,
  type TreeChange,
} from '../git/index';

/** A file both sides changed: its three versions (null where the file does not exist on that side). */
export interface FileClash {
  path: string;
  /** The commit being replayed. */
  commit: CommitInfo;
  base: string | null;
  mine: string | null;
  theirs: string | null;
}

/** What a clash merges to: the merged text (null: the file is removed), or `conflict` when it needs the writer. */
export type ClashOutcome = { text: string | null } | 'conflict';

/** Merges a clash, or says it needs the writer. */
export type ClashMerge = (clash: FileClash) => ClashOutcome | Promise<ClashOutcome>;

/** The outcome of a replay. */
export type ReplayOutcome =
  | {
      kind: 'done';
      /** The new tip: `onto` when nothing was left to replay. */
      tip: string;
      /** The commits made, in order (commits whose changes the other side already had are dropped). */
      made: Array<{ original: CommitInfo; commit: string }>;
      /** Files both sides changed that were merged, by path. */
      merged: string[];
    }
  | { kind: 'conflict'; clash: FileClash };

/**
 * Replays `commits` (oldest first, each with one parent) onto `onto`. `firstOnBase`: the first
 * commit's parent is the merge base of `onto` and the chain (nothing before it was left out).
 */
export async function replayCommits(
  workTree: string,
  onto: string,
  commits: readonly CommitInfo[],
  merge: ClashMerge,
  firstOnBase = false,
): Promise<ReplayOutcome> {
  let tip = onto;
  const made: Array<{ original: CommitInfo; commit: string }> = [];
  const merged = new Set<string>();
  for (const commit of commits) {
    const parent = commit.parents[0];
    if (parent === undefined || commit.parents.length > 1)
      throw new Error(`Commit ${commit.commit} is not a plain commit and cannot be replayed.`);
    if (firstOnBase && made.length === 0 && tip === onto && commit === commits[0]) {
      const quick = await replayApart(workTree, onto, parent, commit);
      if (quick !== null) {
        tip = quick;
        made.push({ original: commit, commit: tip });
        continue;
      }
    }
    const changes = await changesOf(workTree, parent, commit.commit);
    const theirs = await treeEntries(
      workTree,
      tip,
      changes.map((change) => change.path),
    );
    const updates: TreeChange[] = [];
    for (const change of changes) {
      const other = theirs.get(change.path) ?? null;
      const otherBlob = other?.object ?? null;
      // The other side left the file as this commit found it: take the commit's version.
      if (otherBlob === change.oldBlob && (other === null || other.mode === change.oldMode)) {
        updates.push({ path: change.path, mode: change.newMode, blob: change.newBlob });
        continue;
      }
      // The other side already has exactly this version.
      if (otherBlob === change.newBlob) continue;
      const clash: FileClash = {
        path: change.path,
        commit,
        base: change.oldBlob === null ? null : await readBlob(workTree, change.oldBlob),
        mine: change.newBlob === null ? null : await readBlob(workTree, change.newBlob),
        theirs: otherBlob === null ? null : await readBlob(workTree, otherBlob),
      };
      const outcome = await merge(clash);
      if (outcome === 'conflict') return { kind: 'conflict', clash };
      merged.add(change.path);
      if (outcome.text === clash.theirs) continue;
      updates.push({
        path: change.path,
        mode: other?.mode ?? change.newMode,
        blob: outcome.text === null ? null : await writeBlob(workTree, outcome.text),
      });
    }
    // Everything this commit did is already upstream: like a rebase, leave it out rather than make an empty commit.
    if (updates.length === 0) continue;
    const tree = await treeWithChanges(workTree, tip, updates);
    tip = await commitTree(workTree, tree, tip, commit);
    made.push({ original: commit, commit: tip });
  }
  return { kind: 'done', tip, made, merged: [...merged] };
}

/**
 * The first commit sits on the merge base: when the other side changed none of its files, git's own
 * merge gives the replayed tree in one step (a scratch index costs three git runs). Both sides'
 * changes (one git run) and the merge are read side by side. Returns the new commit, or null when files overlap (or it is an empty change).
 */
async function replayApart(workTree: string, onto: string, base: string, commit: CommitInfo): Promise<string | null> {
  const [[mine = [], theirs = []], tree] = await Promise.all([
    changesOfEach(workTree, [
      [base, commit.commit],
      [base, onto],
    ]),
    mergedTree(workTree, onto, commit.commit),
  ]);
  const theirPaths = new Set(theirs.map((change) => change.path));
  if (tree === null || mine.length === 0 || mine.some((change) => theirPaths.has(change.path))) return null;
  return commitTree(workTree, tree, onto, commit);
}
