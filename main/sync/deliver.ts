/**
 * Delivering the branch's commits to the remote: push; when others pushed first, fetch, catch up
 * (their commits first, the writer's replayed on top, posts both sides changed merged by parts) and
 * push again; when the remote cannot be reached, keep the commits queued and say so. Never forces.
 */
import path from 'node:path';
import type { AppError } from '../../shared/errors';
import { AppFailure, toAppError } from '../../shared/errors';
import { fetchUpstream, GitError, gitErrorMessage, planPush, pushCurrentBranch, type PushPlan } from '../git/index';
import { catchUp } from './catch-up';
import { mergeClashText, settleClash } from './post-clash';
import { clearPushWaiting, markPushWaiting } from './push-queue';
import type { FileClash } from './replay';

/** What delivering did. */
export interface Delivery {
  branch: string;
  upstream: string;
  /** False when the remote could not be reached: the commits wait, queued. */
  pushed: boolean;
  /** Why the push waits (offline, credentials), when it does. */
  problem: AppError | null;
  /** When others had pushed first: what was pulled in before pushing, in words. */
  caughtUp?: string;
  /** Files of the work tree that catching up changed. */
  changedFiles: string[];
  /** The branch's new tip when catching up moved it; null when it did not move. */
  tip: string | null;
}

/** Failures that mean "try again later, nothing is wrong with the commits". */
const QUEUEABLE = new Set(['git-offline']);
/** Pushes raced by yet another push: caught up again this many times before giving up. */
const MAX_ROUNDS = 3;

/** Options of deliver. */
export interface DeliverOptions {
  /** Where to push, when the caller looked it up already. */
  plan?: PushPlan;
  /** Clashes the writer already settled: path → file text. */
  resolutions?: ReadonlyMap<string, string>;
  /** Fetch and catch up before the first push. */
  forceCatchUp?: boolean;
  /** A fetch of the upstream already under way (started alongside the commit): the first catch-up waits for it instead of fetching again. */
  fetching?: Promise<unknown>;
}

/** Branches whose last delivery met commits others had pushed first (work tree + branch). */
const othersPushedLast = new Set<string>();

/**
 * True when the last delivery of this branch had to pull others' commits first: on a branch
 * several people push to, the next publish is likely to meet new ones too, so it fetches while it
 * commits instead of learning it from a refused push.
 */
export function othersPushLately(workTree: string, branch: string): boolean {
  return othersPushedLast.has(busyKey(workTree, branch));
}

function busyKey(workTree: string, branch: string): string {
  return `${path.resolve(workTree)}\0${branch}`;
}

/** A publish met someone else's change in the same places of a post: the writer must choose. */
export class MergeConflictFailure extends AppFailure {
  constructor(readonly clash: FileClash) {
    super({
      code: 'git-merge-conflict',
      message: `Someone else changed the same parts of “${clash.path}” and pushed first. Your version is kept on this computer: choose which version to keep for each clash, then publish again.`,
      detail: `Clash in ${clash.path} while replaying commit ${clash.commit.commit.slice(0, 7)} (${clash.commit.message.split('\n')[0] ?? ''}) onto the upstream.`,
    });
  }
}

/**
 * Pushes the current branch to its upstream, catching up first when the remote is ahead. `resolutions`
 * settle clashes the writer already decided (path → file text). Throws MergeConflictFailure when a
 * post needs the writer; other failures (auth, hooks, no upstream) as GitErrors.
 */
export async function deliver(workTree: string, options: DeliverOptions = {}): Promise<Delivery> {
  const plan = options.plan ?? (await planPush(workTree));
  // A resolution was made from the writer's latest version of the file, so it settles every clash
  // at its path while their commits are replayed this once. After that the branch holds it: if
  // others push again meanwhile, their new change is merged onto it, never replaced by it.
  const resolutions = new Map(options.resolutions ?? []);
  let pulled = 0;
  const merged = new Set<string>();
  const changedFiles = new Set<string>();
  let catchUpFirst = options.forceCatchUp === true;
  let tip: string | null = null;
  for (let round = 0; ; round++) {
    try {
      if (catchUpFirst) {
        await (round === 0 && options.fetching ? options.fetching : fetchUpstream(workTree, plan));
        const outcome = await catchUp(workTree, plan.target.trackingRef, {
          branch: plan.branch,
          gitMayTry: (clash) => mergeClashText(clash) === null,
          merge: (clash) => settleClash(clash, resolutions),
        });
        resolutions.clear();
        if (outcome.kind === 'conflict') {
          await markPushWaiting(workTree, plan.branch);
          throw new MergeConflictFailure(outcome.clash);
        }
        pulled += outcome.pulled;
        tip = outcome.tip;
        outcome.merged.forEach((path) => merged.add(path));
        outcome.changedFiles.forEach((path) => changedFiles.add(path));
      }
      await pushCurrentBranch(workTree, undefined, plan);
      await clearPushWaiting(workTree);
      if (pulled > 0) othersPushedLast.add(busyKey(workTree, plan.branch));
      else othersPushedLast.delete(busyKey(workTree, plan.branch));
      const caughtUp = describeCatchUp(pulled, [...merged]);
      return {
        branch: plan.branch,
        upstream: plan.target.short,
        pushed: true,
        problem: null,
        changedFiles: [...changedFiles],
        tip,
        ...(caughtUp ? { caughtUp } : {}),
      };
    } catch (error) {
      if (error instanceof GitError && QUEUEABLE.has(error.code)) {
        await markPushWaiting(workTree, plan.branch);
        const caughtUp = describeCatchUp(pulled, [...merged]);
        return {
          branch: plan.branch,
          upstream: plan.target.short,
          pushed: false,
          problem: toAppError(error),
          changedFiles: [...changedFiles],
          tip,
          ...(caughtUp ? { caughtUp } : {}),
        };
      }
      if (error instanceof GitError && error.code === 'git-rejected' && round < MAX_ROUNDS) {
        catchUpFirst = true;
        continue;
      }
      if (error instanceof GitError && error.code === 'git-rejected') {
        throw new AppFailure({
          ...error.toJSON(),
          message: `${gitErrorMessage('git-rejected')} Others kept pushing while Masthead caught up.`,
        });
      }
      throw error;
    }
  }
}

/** "2 changes from others were pulled first", plus the posts merged with theirs. */
export function describeCatchUp(pulled: number, merged: readonly string[]): string | undefined {
  if (pulled === 0 && merged.length === 0) return undefined;
  const changes = `${pulled} ${pulled === 1 ? 'change' : 'changes'} from others ${pulled === 1 ? 'was' : 'were'} pulled first`;
  if (merged.length === 0) return `${changes}.`;
  const names = merged.map((path) => `“${path.split('/').pop() ?? path}”`).join(', ');
  return `${changes}; your edits were merged with theirs in ${names}.`;
}
