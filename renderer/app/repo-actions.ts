/**
 * The workspace's requests about the repository rather than a post: the one-step repairs offered
 * when a publish stopped (link the branch upstream, remove a stale git lock) followed by the
 * publish again, the sign-ins git remembers, and the repository's writer-tool settings. Split from
 * workspace-controller.ts, which hands in what they share with it.
 */
import type { RepoSettings, SavedSignIn } from '../../shared/api';
import { toAppError } from '../../shared/errors';
import type { Store } from './store';
import type { Invoke } from './workspace-controller';
import type { WorkspaceAction, WorkspaceState } from './workspace-state';

/** A publish failure Masthead can repair in one step. */
export type PublishRepair = 'link-upstream' | 'remove-lock';

/** The repository actions, as the controller exposes them. */
export interface RepoActions {
  /**
   * Runs the repair, then publishes again; a failed repair is shown as the publish's error.
   * `repaired` is called once the repair itself is over, before the publish starts.
   */
  repairAndPublish(repair: PublishRepair, repaired?: () => void): Promise<void>;
  /** The hosts git can sign in to without asking ([] when they cannot be read: only a list to look at). */
  loadSignIns(): Promise<SavedSignIn[]>;
  /** Forgets the sign-in for `host` (throws with the reason when it could not). */
  forgetSignIn(host: string): Promise<void>;
  /** The repository's settings (focus mode, typewriter scrolling, publishing without asking…). */
  readSettings(): Promise<RepoSettings>;
  /** Keeps changed settings for this repository; returns them all. */
  saveSettings(changes: Partial<RepoSettings>): Promise<RepoSettings>;
}

/** What the repository actions need from the controller. */
export interface RepoActionDeps {
  store: Store<WorkspaceState, WorkspaceAction>;
  invoke: Invoke;
  publish: () => Promise<void>;
}

/** Builds the repository actions. */
export function createRepoActions({ store, invoke, publish }: RepoActionDeps): RepoActions {
  async function repair(kind: PublishRepair): Promise<void> {
    if (kind === 'link-upstream') store.dispatch({ type: 'sync', status: await invoke('repo:link-upstream', null) });
    else await invoke('repo:remove-lock', null);
  }

  return {
    async repairAndPublish(kind, repaired) {
      try {
        await repair(kind);
      } catch (error) {
        store.dispatch({ type: 'publish-failed', error: toAppError(error) });
        return;
      } finally {
        repaired?.();
      }
      await publish();
    },
    loadSignIns: () => invoke('credentials:list', null).catch(() => []),
    async forgetSignIn(host) {
      await invoke('credentials:forget', { host });
    },
    readSettings: () => invoke('settings:get', null),
    saveSettings: (changes) => invoke('settings:set', changes),
  };
}
