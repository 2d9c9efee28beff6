/**
 * Bringing the branch up to date with its (already fetched) upstream: a fast-forward when the
 * writer has nothing unpushed, else their commits replayed on top (main/sync/replay.ts), posts
 * both sides changed merged by parts. The branch moves once, at the end, keeping every uncommitted
 * change; a clash that needs the writer leaves the branch exactly where it was.
 */
import { fail, toAppError } from '../../shared/errors';
import {
  changedPaths,
  commitsBetween,
  countCommits,
  currentBranchName,
  divergence,
  exclusive,
  gitProcessRunning,
  moveBranchKeepingChanges,
  rebaseOnto,
  repositoryState,
  resolveCommit,
  workTreeChanges,
  type CommitInfo,
  type Divergence,
} from '../git/index';
import { replayCommits, type ClashMerge, type FileClash } from './replay';

/** What catching up did. */
export type CatchUpOutcome =
  | {
      kind: 'done';
      /** Commits from others now on the branch. */
      pulled: number;
      /** The writer's commits now on top of them. */
      replayed: number;
      /** Posts both sides changed, merged by parts. */
      merged: string[];
      /** Files of the work tree that changed (for reloading editors). */
      changedFiles: string[];
      /** The new tip of the branch. */
      tip: string;
    }
  | { kind: 'conflict'; clash: FileClash };

/** Options of catchUp. */
export interface CatchUpOptions {
  /** Settles files both sides changed. */
  merge: ClashMerge;
  /** Only work out the outcome: build the commits but leave the branch where it is. */
  dryRun?: boolean;
  /** For a clash the merge could not settle: may git's own rebase try (true for files that are not posts)? */
  gitMayTry?: (clash: FileClash) => boolean;
  /** The current branch, when the caller knows it already. */
  branch?: string;
  /** Leave out the writer's commits for which this is true (a cancelled merge). */
  drop?: (commit: CommitInfo) => boolean | Promise<boolean>;
}

/** Catches the current branch up with `upstreamRef` (a remote-tracking ref, fetched before). */
export async function catchUp(workTree: string, upstreamRef: string, options: CatchUpOptions): Promise<CatchUpOutcome> {
  return exclusive(workTree, async () => {
    await assertNothingInProgress(workTree);
    const apart = await whereApart(workTree, upstreamRef);
    if (apart.upstream === null)
      return { kind: 'done', pulled: 0, replayed: 0, merged: [], changedFiles: [], tip: apart.head ?? '' };
    const { head, upstream, theirs: pulled, mine } = apart;
    const kept: CommitInfo[] = [];
    for (const commit of mine) if (!(await options.drop?.(commit))) kept.push(commit);
    if (pulled === 0 && kept.length === mine.length)
      return { kind: 'done', pulled: 0, replayed: 0, merged: [], changedFiles: [], tip: head };

    if (kept.some((commit) => commit.parents.length !== 1)) {
      // Merge commits made outside Masthead: git's own rebase flattens them, on a clean tree only.
      if (options.dryRun || options.drop)
        return { kind: 'done', pulled, replayed: kept.length, merged: [], changedFiles: [], tip: head };
      await rebaseWithGit(workTree, upstream);
      const tip = (await resolveCommit(workTree, 'HEAD')) ?? head;
      return {
        kind: 'done',
        pulled,
        replayed: kept.length,
        merged: [],
        changedFiles: await changedPaths(workTree, head, tip),
        tip,
      };
    }

    const replay = await replayCommits(
      workTree,
      upstream,
      kept,
      options.merge,
      kept[0] !== undefined && kept[0] === mine[0],
    );
    if (replay.kind === 'conflict') {
      // A file Masthead cannot merge by parts (a template, a stylesheet): git's own line merge may
      // still manage, on a clean tree. When it stops too, it is aborted and the clash stands.
      const tryGit =
        !options.dryRun &&
        !options.drop &&
        options.gitMayTry?.(replay.clash) === true &&
        (await workTreeChanges(workTree)).length === 0;
      if (!tryGit) return replay;
      try {
        await rebaseOnto(workTree, upstream);
      } catch (error) {
        if (toAppError(error).code === 'git-merge-conflict') return replay;
        throw error;
      }
      const tip = (await resolveCommit(workTree, 'HEAD')) ?? head;
      return {
        kind: 'done',
        pulled,
        replayed: kept.length,
        merged: [],
        changedFiles: await changedPaths(workTree, head, tip),
        tip,
      };
    }
    // Which files change is read while the branch moves: both only read the two commits' trees.
    const changing = replay.tip === head ? Promise.resolve([]) : changedPaths(workTree, head, replay.tip);
    changing.catch(() => undefined);
    if (!options.dryRun && replay.tip !== head) {
      const branch = options.branch ?? (await currentBranchName(workTree));
      if (branch === null)
        throw fail(
          'git-detached-head',
          'The repository is not on a branch (detached HEAD), so there is no branch to bring up to date. Switch to your branch (for example "git switch main"), then try again.',
        );
      await moveBranchKeepingChanges(workTree, branch, replay.tip, 'catch up with the upstream');
    }
    const changedFiles = await changing;
    return { kind: 'done', pulled, replayed: replay.made.length, merged: replay.merged, changedFiles, tip: replay.tip };
  });
}

/** Both tips, the upstream's commit count beyond HEAD and the writer's commits it lacks; a null tip when it does not resolve. */
async function whereApart(
  workTree: string,
  upstreamRef: string,
): Promise<Divergence | { head: string | null; upstream: null }> {
  const quick = await divergence(workTree, upstreamRef);
  if (quick !== null) return quick;
  // An unborn branch, a missing ref, or a fetch that moved it between two reads: read each once, then by object name.
  const [head, upstream] = await Promise.all([resolveCommit(workTree, 'HEAD'), resolveCommit(workTree, upstreamRef)]);
  if (head === null || upstream === null) return { head, upstream: null };
  const [theirs, mine] = await Promise.all([
    countCommits(workTree, head, upstream),
    commitsBetween(workTree, upstream, head),
  ]);
  return { head, upstream, theirs, mine };
}

/** Refuses to start while another tool left a merge or rebase unfinished, or holds the index. */
export async function assertNothingInProgress(workTree: string): Promise<void> {
  const state = await repositoryState(workTree);
  if (state.inProgress !== null) {
    throw fail(
      'git-in-progress',
      `The repository is in the middle of a ${state.inProgress} started outside Masthead. Finish it or abort it in a terminal (for example "git ${state.inProgress === 'am' ? 'am' : state.inProgress} --abort"), then try again. Masthead changed nothing.`,
    );
  }
  if (state.locked) throw await lockedFailure(workTree);
}

/** The `git-locked` failure, saying whether a git process is running. */
export async function lockedFailure(workTree: string): Promise<Error> {
  const running = await gitProcessRunning(workTree);
  const why =
    running === true
      ? 'Another git program is working in this repository right now. Wait for it to finish, then try again.'
      : running === false
        ? 'No git program is running, so a git command probably crashed and left its lock file behind. Remove .git/index.lock (Masthead offers to), then try again.'
        : 'Wait for any git program working in this repository to finish; if none is running, delete .git/index.lock. Then try again.';
  return fail('git-locked', `The repository is locked (.git/index.lock exists). ${why} Nothing was changed.`);
}

/** `git rebase` on a clean tree (its stops are aborted in rebaseOnto). */
async function rebaseWithGit(workTree: string, upstream: string): Promise<void> {
  const dirty = await workTreeChanges(workTree);
  if (dirty.length > 0) {
    throw fail(
      'git-failed',
      `Your branch has commits made outside Masthead that git must rebase, and ${dirty.length === 1 ? `“${dirty[0]!.path}” has` : `${dirty.length} files have`} changes that are not committed. Commit or discard them, then sync again. Nothing was changed.`,
    );
  }
  await rebaseOnto(workTree, upstream);
}
