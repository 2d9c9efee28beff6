/**
 * The workspace's actions around recovered edits and the repository's settings: offering what
 * the journal kept on start, keeping or discarding a post's recovered edits, and the autosave
 * setting. Split from workspace-controller.ts, which hands in what they share with it.
 */
import { toAppError } from '../../shared/errors';
import type { JournalWriter } from './journal-writer';
import type { Store } from './store';
import type { Invoke, WorkspaceController } from './workspace-controller';
import type { WorkspaceAction, WorkspaceState } from './workspace-state';

/** What the recovery actions need from the controller. */
export interface RecoveryDeps {
  store: Store<WorkspaceState, WorkspaceAction>;
  invoke: Invoke;
  journal: JournalWriter;
  /** Reads the post at `path` and opens it. */
  open: (path: string) => Promise<void>;
  /** Starts (true) or stops (false) the pause timer of an automatic save. */
  autosaveTimer: (armed: boolean) => void;
}

/** The actions, as the controller exposes them. */
export type RecoveryActions = Pick<
  WorkspaceController,
  'recover' | 'keepRecovered' | 'discardRecovered' | 'dismissRecoverable' | 'loadSettings' | 'setAutosave'
>;

/** Builds the recovery and settings actions. */
export function createRecoveryActions({ store, invoke, journal, open, autosaveTimer }: RecoveryDeps): RecoveryActions {
  // How many times the writer chose autosave on or off: a settings load that started earlier is stale.
  let autosaveChoices = 0;
  const dispatch = store.dispatch;
  return {
    async recover() {
      let posts;
      try {
        posts = await invoke('journal:recoverable', null);
      } catch {
        // Recovery is still offered when a post is opened (post:read carries its edits).
        return;
      }
      if (posts.length === 0) return;
      const state = store.getState();
      const openFirst = !state.post && !state.opening ? posts[0] : undefined;
      dispatch({ type: 'recoverable', posts });
      if (openFirst) await open(openFirst.path);
    },
    keepRecovered: () => dispatch({ type: 'recovery-kept' }),
    async discardRecovered() {
      const post = store.getState().post;
      if (!post) return;
      const path = post.doc.path;
      journal.cancel();
      autosaveTimer(false);
      try {
        // After any write in flight, which would otherwise bring the edits back.
        await journal.exclusive(() => invoke('journal:discard', { path }));
      } catch (error) {
        dispatch({ type: 'save-failed', error: toAppError(error) });
        return;
      }
      dispatch({ type: 'journalled', path, edited: false });
      await open(path);
    },
    dismissRecoverable: () => dispatch({ type: 'recoverable', posts: [] }),
    async loadSettings() {
      const choicesBefore = autosaveChoices;
      try {
        const { autosave } = await invoke('settings:get', null);
        // A writer who ticked the box while the settings were on their way has the last word.
        if (autosaveChoices === choicesBefore) dispatch({ type: 'autosave', on: autosave });
      } catch {
        // Defaults (autosave off) stand; the journal keeps the edits either way.
      }
    },
    async setAutosave(on) {
      autosaveChoices += 1;
      dispatch({ type: 'autosave', on });
      try {
        dispatch({ type: 'autosave', on: (await invoke('settings:set', { autosave: on })).autosave });
      } catch (error) {
        dispatch({ type: 'autosave', on: !on });
        dispatch({ type: 'save-failed', error: toAppError(error) });
        return;
      }
      autosaveTimer(on && store.getState().dirty);
    },
  };
}
