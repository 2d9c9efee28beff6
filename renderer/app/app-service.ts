/**
 * The back-end requests of the app outside an open repository — what is running, the start
 * screen's recent repositories and folder picker, and git's sign-in questions — and the one place
 * that builds a workspace for an opened repository. Created once at the root (renderer/main.tsx)
 * with the real `invoke`, and with a fake one in tests: components never call `invoke` themselves.
 */
import type { AppInfo, CredentialsAnswer, RecentRepo, RepoSummary } from '../../shared/api';
import { createSyncController, type SyncController } from '../sync/sync-controller';
import { createWorkspace } from './create-workspace';
import type { Invoke } from './workspace-controller';
import type { WorkspaceContextValue } from './WorkspaceContext';

/** An opened repository's workspace (store, controller, editor handle) and its sync actions. */
export interface OpenedWorkspace {
  workspace: WorkspaceContextValue;
  sync: SyncController;
}

/** The app-level requests the UI makes. */
export interface AppService {
  /** What is running: the platform's abilities and the repository opened at start, if any. */
  info(): Promise<AppInfo>;
  /** The repositories opened lately, most recent first. */
  recentRepositories(): Promise<RecentRepo[]>;
  /** Shows the native folder picker; null when the writer cancelled it. */
  pickFolder(): Promise<string | null>;
  /** Opens the repository in `path`; throws with the reason when it is not one. */
  openRepository(path: string): Promise<RepoSummary>;
  /** Answers git's sign-in question. */
  provideCredentials(answer: CredentialsAnswer): Promise<void>;
  /** Declines git's sign-in question `requestId` (git then fails instead of waiting). */
  cancelCredentials(requestId: string): Promise<void>;
  /** Builds the workspace of an opened repository, talking to the same back end. */
  openWorkspace(repo: RepoSummary): OpenedWorkspace;
}

/** Creates the app service over `invoke`. */
export function createAppService(invoke: Invoke): AppService {
  return {
    info: () => invoke('app:info', null),
    recentRepositories: () => invoke('repo:recent', null),
    pickFolder: () => invoke('repo:pick', null),
    openRepository: (path) => invoke('repo:open', { path }),
    async provideCredentials(answer) {
      await invoke('credentials:provide', answer);
    },
    async cancelCredentials(requestId) {
      await invoke('credentials:cancel', { requestId });
    },
    openWorkspace(repo) {
      const workspace = createWorkspace(repo, invoke);
      const sync = createSyncController({
        workspace: workspace.store,
        controller: workspace.controller,
        invoke,
        editorRef: workspace.editorRef,
      });
      return { workspace, sync };
    },
  };
}
