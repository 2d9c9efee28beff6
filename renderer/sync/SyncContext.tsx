/** Hands the sync controller and its state to the status bar, the publish tab and the conflict view. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStoreSelector } from '../app/store';
import type { SyncController } from './sync-controller';
import type { SyncState } from './sync-state';

const SyncContext = createContext<SyncController | null>(null);

/** Provides the sync controller to the panes below. */
export function SyncProvider({ value, children }: { value: SyncController; children: ReactNode }) {
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

/** The sync controller, or null outside a workspace that syncs (a pane rendered on its own). */
export function useSyncController(): SyncController | null {
  return useContext(SyncContext);
}

const EMPTY: SyncState = { syncing: false, outcome: null, error: null, merge: null, mergeNote: null };
const NO_STORE = { getState: () => EMPTY, dispatch: () => undefined, subscribe: () => () => undefined };

/** Selects a slice of the sync state; re-renders only when it changes. */
export function useSyncState<T>(select: (state: SyncState) => T): T {
  const controller = useContext(SyncContext);
  return useStoreSelector(controller?.store ?? NO_STORE, select);
}
