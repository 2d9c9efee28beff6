/**
 * The back end's requests for syncing with the remote (fetch, sync, pending merges, a stale index
 * lock) and for signing in to it (the credential broker's answers and saved sign-ins): the part of
 * the request table backend.ts hands to main/sync/ and main/credentials/.
 */
import type { Handlers, RepoSummary } from '../shared/api';
import type { CredentialBroker } from './credentials/broker';
import { removeStaleIndexLock } from './sync/preflight';
import type { SyncService } from './sync/sync-service';

/** What these requests need from the back end: the open repository, its sync service, its content index. */
export interface SyncHandlerDeps {
  requireRepo: () => RepoSummary;
  requireSync: () => SyncService;
  /** Marks the content index stale: a sync or a merge may have changed any file. */
  invalidateContent: () => void;
  credentials: CredentialBroker;
}

type SyncRequest =
  | 'repo:fetch'
  | 'repo:sync'
  | 'repo:link-upstream'
  | 'repo:remove-lock'
  | 'post:merge'
  | 'post:resolve-merge'
  | 'post:cancel-merge'
  | 'credentials:provide'
  | 'credentials:cancel'
  | 'credentials:forget'
  | 'credentials:list';

/** The sync and sign-in requests. */
export function syncHandlers({
  requireRepo,
  requireSync,
  invalidateContent,
  credentials,
}: SyncHandlerDeps): Pick<Handlers, SyncRequest> {
  return {
    async 'repo:fetch'() {
      return requireSync().fetch();
    },

    async 'repo:sync'() {
      try {
        return await requireSync().sync();
      } finally {
        invalidateContent();
      }
    },

    async 'repo:link-upstream'() {
      return requireSync().linkUpstream();
    },

    async 'repo:remove-lock'() {
      return removeStaleIndexLock(requireRepo().path);
    },

    async 'post:merge'({ path }) {
      return requireSync().pendingMerge(path);
    },

    async 'post:resolve-merge'({ path, choices }) {
      try {
        return await requireSync().resolveMerge(path, choices);
      } finally {
        invalidateContent();
      }
    },

    async 'post:cancel-merge'({ path }) {
      await requireSync().cancelMerge(path);
      invalidateContent();
      return null;
    },

    async 'credentials:provide'(answer) {
      await credentials.provide(answer);
      return null;
    },

    async 'credentials:cancel'({ requestId }) {
      credentials.cancel(requestId);
      return null;
    },

    async 'credentials:forget'({ host }) {
      await credentials.forget(host);
      return null;
    },

    async 'credentials:list'() {
      return credentials.list();
    },
  };
}
