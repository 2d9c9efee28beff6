/** Fetching the current branch's upstream without touching the work tree or the index. */
import { runGit } from './core';
import { oneRemoteCallAtATime } from './remote-queue';
import { planPush, type PushPlan } from './push';

/** What a fetch brought. */
export interface FetchResult {
  /** e.g. `origin/main`. */
  upstream: string;
  /** The remote-tracking ref that was updated, e.g. `refs/remotes/origin/main`. */
  trackingRef: string;
}

/**
 * Fetches the upstream branch of the current branch (`git fetch <remote> +<ref>:<tracking ref>`),
 * updating only its remote-tracking ref. Throws GitError `git-no-upstream` / `git-detached-head`
 * as a push does, and `git-offline` / `git-auth` when the remote cannot be reached or refuses.
 */
export async function fetchUpstream(workTree: string, plan?: PushPlan): Promise<FetchResult> {
  const { target, config } = plan ?? (await planPush(workTree));
  return oneRemoteCallAtATime(workTree, () => fetchTarget(workTree, target, config));
}

async function fetchTarget(
  workTree: string,
  target: PushPlan['target'],
  config: readonly string[],
): Promise<FetchResult> {
  // An explicit refspec: one branch is all a sync needs, and a writer's remote may hold hundreds.
  // --no-tags keeps a sync from pulling release tags nobody asked for. --progress keeps git
  // talking, so the inactivity timeout never stops a long but healthy fetch.
  await runGit(
    workTree,
    ['fetch', '--progress', '--no-tags', target.remote, `+${target.remoteRef}:${target.trackingRef}`],
    { config },
  );
  return { upstream: target.short, trackingRef: target.trackingRef };
}
