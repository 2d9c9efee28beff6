/**
 * One-step publishing: save the post, commit only its file and the images it added (and the translations whose shared
 * fields its saves changed, when nothing else in them is unpublished: see translation-sync.ts)
 * with `Publish: <title>`, push the current branch. Each step is announced as a `publish:progress` event; a failure is announced as 'failed'
 * and says exactly how far the publish got, so the writer knows nothing was lost.
 */
import { readFile } from 'node:fs/promises';
import type { EmitEvent, PublishResult, PublishStage, SaveRequest, SaveResult } from '../shared/api';
import type { DataFormat } from '../shared/content/data-file';
import { postTitle } from '../shared/content/post-meta';
import type { AppError } from '../shared/errors';
import { AppFailure, toAppError } from '../shared/errors';
import { commitFiles, countCommits, fetchUpstream, planPush, type PushPlan } from './git/index';
import { assertNothingInProgress } from './sync/catch-up';
import { deliver, MergeConflictFailure, othersPushLately } from './sync/deliver';
import { assertPublishable, glanceAtIndex } from './sync/preflight';
import { markPushWaiting } from './sync/push-queue';
import type { TranslationSync } from './translation-sync';
import { normalizeRepoPath, resolveEntryPath } from './workspace/paths';
import { addedMedia } from './workspace/post-media';
import { displayFileName, fingerprint, savePostLocked, withPostLock } from './workspace/posts';

/** Longest title kept in a commit subject; longer ones are cut with an ellipsis. */
const MAX_SUBJECT_TITLE = 120;

/** The commit message for publishing a post with this front matter: `Publish: <title>` on one line. */
export function publishMessage(frontMatter: SaveRequest['frontMatter'], path: string): string {
  // A title with line breaks would turn into a commit body; git subjects are one line.
  const title = postTitle(frontMatter, displayFileName(path)).replace(/\s+/g, ' ').trim() || displayFileName(path);
  const short = title.length > MAX_SUBJECT_TITLE ? `${title.slice(0, MAX_SUBJECT_TITLE - 1)}…` : title;
  return `Publish: ${short}`;
}

/**
 * Saves, commits and pushes one post (or, with `dataFormat`, one data entry). Emits 'saving', 'committing', 'pushing', 'done' (or 'failed'
 * with the error, which is then rethrown). If the push fails the commit stays local.
 */
export async function publishPost(
  workTree: string,
  request: SaveRequest,
  emit: EmitEvent,
  dataFormat: DataFormat | null = null,
  translations: TranslationSync | null = null,
): Promise<PublishResult> {
  let path = request.path;
  const progress = (stage: PublishStage, error?: AppError): void =>
    emit('publish:progress', error === undefined ? { path, stage } : { path, stage, error });

  try {
    path = normalizeRepoPath(request.path);
    const absolute = await resolveEntryPath(workTree, path, dataFormat !== null);
    const message = publishMessage(request.frontMatter, path);
    // Where to push does not depend on the commit, so it is looked up while saving and committing.
    // A failure here is dealt with when pushing (it is looked up again then, e.g. after the first
    // commit of a new branch); until then it must not surface as an unhandled rejection.
    const planning = planPush(workTree);
    planning.catch(() => undefined);
    // One look at the index while the post is saved (read from the git folder when it can tell,
    // else one `git status`): what the writer staged (checked before committing)
    // and whether the last fetch (the background one, or a Sync) already saw others' commits. Then a
    // push is bound to be refused, so the publish catches up first and spares that round trip to
    // the remote. HEAD moving under the count (our commit) leaves it the same: ours is not theirs.
    const glance = planning.catch(() => null).then((plan) => glanceAtIndex(workTree, plan?.target));
    glance.catch(() => undefined);
    const knownBehind = Promise.all([planning, glance])
      .then(([plan, seen]) =>
        seen.upstream === plan.target.short ? seen.behind : countCommits(workTree, 'HEAD', plan.target.trackingRef),
      )
      .catch(() => 0);
    // On a branch others pushed to just before our last publish, the upstream is fetched while the
    // post is saved and committed: the push that follows is then not refused for lack of their commits.
    const prefetching = planning
      .then((plan) =>
        othersPushLately(workTree, plan.branch) ? { fetch: settled(fetchUpstream(workTree, plan)) } : null,
      )
      .catch(() => null);
    // Checked before anything is committed: a repository another tool left mid-merge or locked, or
    // a branch with no upstream, is explained and nothing changes; on a detached HEAD the edits are
    // saved to the file (the `git switch` the message suggests carries them along), never committed.
    const [, blocked] = await Promise.all([assertNothingInProgress(workTree), planBeforeCommit(planning)]);
    if (blocked !== null && toAppError(blocked).code === 'git-no-upstream')
      throw withNote(blocked, 'Your edits were not saved to the file or committed; they are still in the editor.');
    if (blocked !== null) {
      await withPostLock(absolute, async () => {
        progress('saving');
        await savePostLocked(absolute, path, { ...request, path }, dataFormat);
      });
      throw withNote(blocked, 'Your edits are saved in the file; nothing was committed or pushed.');
    }

    // Saving and committing hold the post's lock: a save arriving in between must not change the
    // file after we checked it and before git records it.
    const { save, commit, committed } = await withPostLock(absolute, async () => {
      progress('saving');
      const afterSave = translations ? await translations.beforeSave(path) : null;
      const saved: SaveResult = await savePostLocked(absolute, path, { ...request, path }, dataFormat);
      const synced = saved.written && afterSave ? await afterSave(request.frontMatter) : {};
      progress('committing');
      try {
        const alongside = translations ? await translations.publishable(path) : [];
        // The images the post added since its last publish (untracked files it refers to) go in the same commit.
        const media = await addedMedia(workTree, path, request.frontMatter, request.body);
        await assertPublishable(workTree, [path, ...alongside], await glance.catch(() => null));
        const result = await commitFiles(workTree, [path, ...alongside, ...media], message);
        translations?.published(path, alongside);
        return { save: { ...saved, ...synced }, ...result };
      } catch (error) {
        throw withNote(error, 'Your edits are saved on disk; nothing was committed or pushed.');
      }
    });

    progress('pushing');
    let plan: PushPlan | null = null;
    try {
      plan = await planning.catch(() => planPush(workTree));
      const fetching = (await prefetching)?.fetch ?? null;
      const delivery = await deliver(workTree, {
        plan,
        forceCatchUp: fetching !== null || (await knownBehind) > 0,
        ...(fetching ? { fetching } : {}),
      });
      const saveNow = delivery.changedFiles.includes(path)
        ? { ...save, version: await currentVersion(absolute), written: true }
        : save;
      // Others' changes pulled in on the way: open editors and the library reload what changed.
      if (delivery.changedFiles.length > 0) emit('files:changed', { paths: delivery.changedFiles });
      progress('done');
      const head = delivery.tip ?? commit;
      return {
        save: saveNow,
        commit: head,
        shortCommit: head.slice(0, 7),
        committed,
        message,
        branch: delivery.branch,
        upstream: delivery.upstream,
        pushed: delivery.pushed,
        ...(delivery.caughtUp ? { caughtUp: delivery.caughtUp } : {}),
      };
    } catch (error) {
      // The commit is the queue: whatever stopped the push, it is retried later and nothing is lost.
      if (plan !== null && committed) await markPushWaiting(workTree, plan.branch).catch(() => undefined);
      if (error instanceof MergeConflictFailure) throw error;
      const where = committed
        ? `committed on this computer (${commit.slice(0, 7)})`
        : 'already committed on this computer';
      throw withNote(
        error,
        `Your post is saved and ${where}, so nothing is lost: publish again once this is fixed to push it.`,
      );
    }
  } catch (error) {
    progress('failed', toAppError(error));
    throw error;
  }
}

/**
 * Waits for the push plan; a detached HEAD or a branch without upstream is returned, to stop the
 * publish before its commit. A branch with no commit yet has no plan until the first one: let that pass.
 */
async function planBeforeCommit(planning: Promise<PushPlan>): Promise<unknown> {
  try {
    await planning;
    return null;
  } catch (error) {
    const code = toAppError(error).code;
    return code === 'git-no-upstream' || code === 'git-detached-head' ? error : null;
  }
}

async function currentVersion(absolute: string): Promise<string> {
  return fingerprint(await readFile(absolute));
}

/** The same failure with a sentence appended saying how far the publish got. */
function withNote(error: unknown, note: string): AppFailure {
  const plain = toAppError(error);
  return new AppFailure({ ...plain, message: `${plain.message} ${note}` });
}

/** The promise, already marked as handled: its failure is met where it is awaited, not as an unhandled rejection meanwhile. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
