/**
 * The workspace's actions for a post whose file changed underneath it — a pull, another editor, a
 * checkout, a merge published from the conflict view. Nothing is silently overwritten: a post with
 * no unsaved edits is reloaded; one with unsaved edits has them journalled first, and the back end
 * merges the journal into the changed file when the post is read again (PostDocument.recovered),
 * so the recovery bar tells the writer what happened and offers the choice on a clash. Split from
 * workspace-controller.ts, which hands in what they share with it.
 */
import type { PostDocument, PublishResult } from '../../shared/api';
import { jsonEqual } from '../../shared/content/json-values';
import { toAppError, type AppError } from '../../shared/errors';
import type { JournalWriter } from '../app/journal-writer';
import type { Store } from '../app/store';
import type { Invoke, WorkspaceController } from '../app/workspace-controller';
import type { WorkspaceAction, WorkspaceState } from '../app/workspace-state';

/**
 * What a reload did: `unchanged` (the file is what the editor is based on, e.g. our own save),
 * `reloaded` (no unsaved edits: the new text is shown), `merged` / `conflict` (the unsaved edits
 * were merged into the new text, or clash with it: the recovery bar asks), `kept` (the unsaved
 * edits could not be put in the journal, so the editor keeps them untouched; a save will report
 * the change on disk), `failed` (the file could not be read, e.g. deleted by a checkout).
 */
export type DiskReload = 'unchanged' | 'reloaded' | 'merged' | 'conflict' | 'kept' | 'failed';

/** What the disk actions need from the controller. */
export interface DiskDeps {
  store: Store<WorkspaceState, WorkspaceAction>;
  invoke: Invoke;
  /** Null when journalling is off (benchmarks): unsaved edits then stay as they are. */
  journal: JournalWriter | null;
  /** Runs `task` after the saves and publishes in flight, so versions build on each other. */
  enqueue: <T>(task: () => Promise<T>) => Promise<T>;
  /** Makes `doc` the open post (the editor remounts with it). */
  adopt: (doc: PostDocument) => void;
  /** How many edits the writer has made so far (to notice typing during a read). */
  edits: () => number;
  /** The body as a save would send it now. */
  currentBody: () => string | null;
}

/** The actions, as the controller exposes them. */
export type DiskActions = Pick<WorkspaceController, 'reloadFromDisk' | 'adoptPublished'>;

// Reads tried while the writer keeps typing before leaving the edits for the next change to pick up.
const ATTEMPTS = 3;

/** Builds the actions for posts changed on disk. */
export function createDiskActions({
  store,
  invoke,
  journal,
  enqueue,
  adopt,
  edits,
  currentBody,
}: DiskDeps): DiskActions {
  async function readOnce(compareText: boolean): Promise<DiskReload | 'again'> {
    const state = store.getState();
    const post = state.post;
    if (!post) return 'unchanged';
    const path = post.doc.path;
    // The journal must hold every word before the back end merges it into the changed file.
    if (state.dirty && (!journal || !(await journal.flush()))) return 'kept';
    const before = edits();
    let doc: PostDocument;
    try {
      doc = await invoke('post:read', { path });
    } catch (error) {
      // Deleted on disk while open: said at once, with the offer to write it back (PageNotices).
      if (toAppError(error).code === 'not-found' && store.getState().post?.doc.path === path)
        store.dispatch({ type: 'save-failed', error: deletedOnDisk(path) });
      return 'failed';
    }
    const now = store.getState();
    if (now.post?.doc.path !== path) return 'unchanged';
    if (edits() !== before) return 'again';
    if (doc.version === now.post.doc.version) {
      // A publish that caught up with others merged their changes into the file it answered for:
      // same version, other text than the editor shows.
      const differs =
        compareText && !now.dirty && (doc.body !== currentBody() || !jsonEqual(doc.frontMatter, now.post.frontMatter));
      if (!differs) return 'unchanged';
      adopt(doc);
      return 'reloaded';
    }
    if (!now.dirty) {
      adopt(doc);
      return 'reloaded';
    }
    // Unsaved edits and a changed file, but no journal merged into it: leave the editor alone.
    if (!doc.recovered || doc.recovered.state === 'exact') return 'kept';
    adopt(doc);
    return doc.recovered.state;
  }

  return {
    reloadFromDisk: (options = {}) =>
      enqueue(async () => {
        for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
          const outcome = await readOnce(options.compareText ?? false);
          if (outcome !== 'again') return outcome;
        }
        return 'kept';
      }),

    adoptPublished: (result: PublishResult) =>
      enqueue(async () => {
        const path = store.getState().post?.doc.path;
        if (!path) return;
        // The published text holds the writer's choices: their journalled copy is done with.
        journal?.cancel();
        try {
          await (journal
            ? journal.exclusive(() => invoke('journal:discard', { path }))
            : invoke('journal:discard', { path }));
        } catch {
          // The back end drops a journal equal to the file when the post is next read.
        }
        try {
          adopt(await invoke('post:read', { path }));
        } catch {
          // The publish happened; the editor keeps what it shows until the post is opened again.
        }
        store.dispatch({ type: 'publish-done', result, stillDirty: false });
      }),
  };
}

/** What the page says when the open post's file is gone; the code makes PageNotices offer "Save as new file". */
export function deletedOnDisk(path: string): AppError {
  return {
    code: 'not-found',
    message: `“${path}” was deleted on disk (by another program or a git command). Your text is still here: save it as a new file at the same path to keep it.`,
  };
}
