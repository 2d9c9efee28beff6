/**
 * The sync engine as the back end sees it: fetch, sync, the pending merges of publishes that met
 * someone else's change, and the background scheduler that keeps the branch in step.
 */
import type { ConflictChoice, EmitEvent, PendingMerge, PublishResult, SyncOutcome, SyncStatus } from '../../shared/api';
import { fail } from '../../shared/errors';
import { fetchUpstream, getSyncStatus } from '../git/index';

/** What the back end asks of the sync engine for the open repository. */
export interface SyncService {
  /** Fetches the upstream (never touching the work tree) and returns the new status. */
  fetch(): Promise<SyncStatus>;
  /** Brings the branch up to date with its upstream and pushes what waits. */
  sync(): Promise<SyncOutcome>;
  /** The pending merge of a publish of `path`, or null. */
  pendingMerge(path: string): Promise<PendingMerge | null>;
  /** Publishes `path` with the writer's choices for its pending merge. */
  resolveMerge(path: string, choices: Readonly<Record<string, ConflictChoice>>): Promise<PublishResult>;
  /** Drops the pending merge of `path`, keeping the writer's version as unsaved edits. */
  cancelMerge(path: string): Promise<void>;
  /** Stops timers (the repository was closed or another one opened). */
  close(): void;
}

/** What the sync service needs from the back end. */
export interface SyncServiceOptions {
  emit: EmitEvent;
}

/** The sync service for the repository at `root`. */
export function createSyncService(root: string, _options: SyncServiceOptions): SyncService {
  return {
    async fetch() {
      await fetchUpstream(root);
      return getSyncStatus(root);
    },
    async sync() {
      await fetchUpstream(root);
      const status = await getSyncStatus(root);
      return { status, message: status.behind === 0 ? 'Up to date' : `${status.behind} changes from others are waiting` };
    },
    async pendingMerge() {
      return null;
    },
    async resolveMerge(path) {
      throw fail('bad-request', `There is no pending merge for ${path}.`);
    },
    async cancelMerge() {},
    close() {},
  };
}
