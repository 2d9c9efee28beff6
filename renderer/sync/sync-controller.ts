/**
 * The writer's side of sync: the Sync action (status bar, menu, shortcut), a fetch when the window
 * regains focus (throttled), the back end's own status reports, posts changed on disk (reloaded in
 * place, keeping the caret and scroll), and the conflict view of a publish that others' changes
 * made need the writer. Talks to the back end through the injected `invoke`; never blocks typing.
 */
import type { LexicalEditor } from 'lexical';
import type { ConflictChoice, SyncStatus } from '../../shared/api';
import { toAppError, type AppError } from '../../shared/errors';
import { createStore, type Store } from '../app/store';
import type { Invoke, WorkspaceController } from '../app/workspace-controller';
import type { WorkspaceAction, WorkspaceState } from '../app/workspace-state';
import type { DiskReload } from './disk-actions';
import { loadedEditorChunk } from '../editor/editor-loader';
import { everyConflictChosen, initialSyncState, syncReducer, type SyncAction, type SyncState } from './sync-state';

/** Least time between two fetches started by the window regaining focus. */
export const FOCUS_FETCH_INTERVAL_MS = 60_000;

/** What the sync controller works with. */
export interface SyncDeps {
  workspace: Store<WorkspaceState, WorkspaceAction>;
  controller: WorkspaceController;
  invoke: Invoke;
  /** The mounted editor, to keep the writer's place across a reload. */
  editorRef: { current: LexicalEditor | null };
  focusFetchIntervalMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
}

/** The sync actions and their state. */
export interface SyncController {
  store: Store<SyncState, SyncAction>;
  /** Brings the branch up to date and pushes what waits; reloads the open post when a pull changed it. */
  sync(): Promise<void>;
  /** Fetches on focus at most once per interval (never while a fetch or Sync runs); in between, re-reads the local status. */
  fetchOnFocus(): Promise<void>;
  /** The back end reported a new status on its own (a background fetch, a queued push landed). */
  statusChanged(status: SyncStatus): void;
  /** Files changed on disk: the library refreshes, and the open post reloads in place when it is one of them. */
  filesChanged(paths: readonly string[]): Promise<DiskReload | null>;
  /** Shows the conflict view for the post at `path` (after its publish failed with `git-merge-conflict`). */
  openMerge(path: string): Promise<void>;
  choose(id: string, choice: ConflictChoice): void;
  /** Publishes the post with every choice; the editor then shows the published text. */
  resolveMerge(): Promise<void>;
  /** Drops the merge: nothing is committed, the editor keeps the writer's text unsaved. */
  cancelMerge(): Promise<void>;
  dismissMergeNote(): void;
  /**
   * Follows publishes: opens the conflict view when one fails with `git-merge-conflict`, and shows
   * what others changed when one merged their changes in. Returns the stop function.
   */
  start(): () => void;
}

/** Builds the sync controller over a workspace. */
export function createSyncController(deps: SyncDeps): SyncController {
  const { workspace, controller, invoke, editorRef } = deps;
  const now = deps.now ?? Date.now;
  const interval = deps.focusFetchIntervalMs ?? FOCUS_FETCH_INTERVAL_MS;
  const store = createStore(syncReducer, initialSyncState);
  const dispatch = store.dispatch;
  let lastFetch = Number.NEGATIVE_INFINITY;
  let fetching = false;

  const setStatus = (status: SyncStatus) => workspace.dispatch({ type: 'sync', status });

  // Reloads the open post, putting the caret and scroll back on the new editor.
  async function reloadKeepingPlace(options: { compareText?: boolean } = {}): Promise<DiskReload> {
    const previous = editorRef.current;
    // keep-view.ts, reached through the editor chunk: there is a place to keep only while an editor is mounted.
    const chunk = loadedEditorChunk();
    const place = chunk ? chunk.capturePlace(previous) : null;
    const outcome = await controller.reloadFromDisk(options);
    if (chunk && place && (outcome === 'reloaded' || outcome === 'merged' || outcome === 'conflict'))
      await chunk.restorePlaceOnNextEditor(editorRef, previous, place);
    return outcome;
  }

  async function sync(): Promise<void> {
    if (store.getState().syncing) return;
    dispatch({ type: 'sync-start' });
    try {
      const outcome = await invoke('repo:sync', null);
      lastFetch = now();
      setStatus(outcome.status);
      dispatch({ type: 'sync-done', message: outcome.message });
    } catch (error) {
      dispatch({ type: 'sync-failed', error: toAppError(error) });
      void controller.refreshSync();
      return;
    }
    // A pull changes files: the watcher tells too, but the writer who pressed Sync sees it at once.
    void controller.loadPosts();
    if (workspace.getState().post) await reloadKeepingPlace();
  }

  async function loadMerge(path: string, keepError: AppError | null = null): Promise<void> {
    try {
      const pending = await invoke('post:merge', { path });
      if (!pending) {
        dispatch({ type: 'merge-close', note: null });
        return;
      }
      dispatch({ type: 'merge-loaded', pending });
      if (keepError) dispatch({ type: 'merge-failed', error: keepError });
    } catch (error) {
      dispatch({ type: 'merge-failed', error: toAppError(error) });
    }
  }

  async function openMerge(path: string): Promise<void> {
    dispatch({ type: 'merge-open', path });
    await loadMerge(path);
  }

  return {
    store,
    sync,
    openMerge,

    async fetchOnFocus() {
      if (fetching || store.getState().syncing) return;
      // Fetched a moment ago (or nothing to fetch from): the local status still catches a push or pull made in a terminal.
      const known = workspace.getState().sync;
      if (now() - lastFetch < interval || (known !== null && !known.upstream)) {
        await controller.refreshSync();
        return;
      }
      fetching = true;
      lastFetch = now();
      try {
        setStatus(await invoke('repo:fetch', null));
      } catch {
        // Offline: the local status (a push or pull made in a terminal) still shows.
        await controller.refreshSync();
      } finally {
        fetching = false;
      }
    },

    statusChanged: setStatus,

    async filesChanged(paths) {
      void controller.loadPosts();
      const open = workspace.getState().post?.doc.path;
      if (!open || !paths.includes(open)) return null;
      return reloadKeepingPlace();
    },

    choose: (id, choice) => dispatch({ type: 'merge-choose', id, choice }),

    async resolveMerge() {
      const merge = store.getState().merge;
      if (!merge || merge.busy || !everyConflictChosen(merge)) return;
      dispatch({ type: 'merge-busy', busy: 'resolving' });
      try {
        const result = await invoke('post:resolve-merge', { path: merge.path, choices: merge.choices });
        await controller.adoptPublished(result);
        dispatch({ type: 'merge-close', note: null });
      } catch (error) {
        const failure = toAppError(error);
        // Someone pushed again meanwhile: show the new conflicts (choices kept where they still apply).
        if (failure.code === 'git-merge-conflict') await loadMerge(merge.path, failure);
        else dispatch({ type: 'merge-failed', error: failure });
        return;
      } finally {
        void controller.refreshSync();
      }
      void controller.loadPosts();
    },

    async cancelMerge() {
      const merge = store.getState().merge;
      if (!merge || merge.busy) return;
      dispatch({ type: 'merge-busy', busy: 'cancelling' });
      try {
        await invoke('post:cancel-merge', { path: merge.path });
      } catch (error) {
        dispatch({ type: 'merge-failed', error: toAppError(error) });
        return;
      }
      dispatch({
        type: 'merge-close',
        note: 'Not published: your version is kept as unsaved changes. Publish again when you are ready.',
      });
      void controller.refreshSync();
      // The file now holds the others' version and the journal the writer's: reading the post again
      // brings the writer's text back as unsaved edits on top of it. They just chose that, so no bar asks.
      await reloadKeepingPlace();
      if (workspace.getState().recovery?.state === 'exact') workspace.dispatch({ type: 'recovery-kept' });
    },

    dismissMergeNote: () => dispatch({ type: 'merge-close', note: null }),

    start() {
      let seen = workspace.getState().publish;
      return workspace.subscribe(() => {
        const state = workspace.getState();
        const { error, result } = state.publish;
        const before = seen;
        seen = state.publish;
        if (error && error !== before.error && error.code === 'git-merge-conflict' && state.post)
          void openMerge(state.post.doc.path);
        // A publish that caught up with others wrote their changes into the file too: show them.
        if (result && result !== before.result && state.post) {
          void reloadKeepingPlace({ compareText: true }).then((outcome) => {
            // Reopening cleared the Publish tab: it still tells what the publish did.
            if (outcome === 'reloaded' && workspace.getState().publish.result === null)
              workspace.dispatch({ type: 'publish-done', result, stillDirty: false });
          });
        }
      });
    },
  };
}
