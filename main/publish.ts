/**
 * One-step publishing: save the post, commit only its file (and the translations whose shared
 * fields its saves changed, when nothing else in them is unpublished: see translation-sync.ts)
 * with `Publish: <title>`, push the current branch. Each step is announced as a `publish:progress` event; a failure is announced as 'failed'
 * and says exactly how far the publish got, so the writer knows nothing was lost.
 */
import type { EmitEvent, PublishResult, PublishStage, SaveRequest, SaveResult } from '../shared/api';
import type { DataFormat } from '../shared/content/data-file';
import { postTitle } from '../shared/content/post-meta';
import type { AppError } from '../shared/errors';
import { AppFailure, toAppError } from '../shared/errors';
import { commitFiles, planPush, pushCurrentBranch } from './git/index';
import type { TranslationSync } from './translation-sync';
import { normalizeRepoPath, resolveEntryPath } from './workspace/paths';
import { displayFileName, savePostLocked, withPostLock } from './workspace/posts';

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
        const result = await commitFiles(workTree, [path, ...alongside], message);
        translations?.published(path, alongside);
        return { save: { ...saved, ...synced }, ...result };
      } catch (error) {
        throw withNote(error, 'Your edits are saved on disk; nothing was committed or pushed.');
      }
    });

    progress('pushing');
    let pushed: { branch: string; upstream: string };
    try {
      const plan = await planning.catch(() => planPush(workTree));
      pushed = await pushCurrentBranch(workTree, undefined, plan);
    } catch (error) {
      const where = committed ? `committed on this computer (${commit.slice(0, 7)})` : 'already committed on this computer';
      throw withNote(error, `Your post is saved and ${where}, so nothing is lost: publish again once this is fixed to push it.`);
    }

    progress('done');
    return { save, commit, shortCommit: commit.slice(0, 7), committed, message, branch: pushed.branch, upstream: pushed.upstream };
  } catch (error) {
    progress('failed', toAppError(error));
    throw error;
  }
}

/** The same failure with a sentence appended saying how far the publish got. */
function withNote(error: unknown, note: string): AppFailure {
  const plain = toAppError(error);
  return new AppFailure({ ...plain, message: `${plain.message} ${note}` });
}
