/**
 * What the sync parts of the workspace show beyond the branch status (which lives in the workspace
 * state): a Sync running or its outcome, and the conflict view of a publish that needs the writer.
 */
import type { ConflictChoice, PendingMerge } from '../../shared/api';
import type { AppError } from '../../shared/errors';

/** The conflict view of one post. */
export interface MergeView {
  path: string;
  /** Null while it loads. */
  pending: PendingMerge | null;
  /** The writer's answer per conflict id, as they pick. */
  choices: Record<string, ConflictChoice>;
  /** Publishing the merged post or dropping the merge is under way. */
  busy: 'resolving' | 'cancelling' | null;
  error: AppError | null;
}

/** The sync state. */
export interface SyncState {
  syncing: boolean;
  /** What the last Sync did, in one sentence, until the next one. */
  outcome: string | null;
  error: AppError | null;
  merge: MergeView | null;
  /** Said once after the merge view closes ("Kept your version as unsaved changes"). */
  mergeNote: string | null;
}

/** Every change to the sync state. */
export type SyncAction =
  | { type: 'sync-start' }
  | { type: 'sync-done'; message: string }
  | { type: 'sync-failed'; error: AppError }
  | { type: 'merge-open'; path: string }
  | { type: 'merge-loaded'; pending: PendingMerge }
  | { type: 'merge-choose'; id: string; choice: ConflictChoice }
  | { type: 'merge-busy'; busy: MergeView['busy'] }
  | { type: 'merge-failed'; error: AppError }
  | { type: 'merge-close'; note: string | null };

/** Nothing running, nothing to show. */
export const initialSyncState: SyncState = { syncing: false, outcome: null, error: null, merge: null, mergeNote: null };

/** Applies one action; the same object when nothing changed. */
export function syncReducer(state: SyncState, action: SyncAction): SyncState {
  switch (action.type) {
    case 'sync-start':
      return { ...state, syncing: true, error: null };
    case 'sync-done':
      return { ...state, syncing: false, outcome: action.message, error: null };
    case 'sync-failed':
      return { ...state, syncing: false, outcome: null, error: action.error };
    case 'merge-open':
      return {
        ...state,
        merge: { path: action.path, pending: null, choices: {}, busy: null, error: null },
        mergeNote: null,
      };
    case 'merge-loaded':
      if (!state.merge || state.merge.path !== action.pending.path) return state;
      return { ...state, merge: { ...state.merge, pending: action.pending } };
    case 'merge-choose':
      if (!state.merge) return state;
      return {
        ...state,
        merge: { ...state.merge, choices: { ...state.merge.choices, [action.id]: action.choice }, error: null },
      };
    case 'merge-busy':
      return state.merge ? { ...state, merge: { ...state.merge, busy: action.busy, error: null } } : state;
    case 'merge-failed':
      return state.merge ? { ...state, merge: { ...state.merge, busy: null, error: action.error } } : state;
    case 'merge-close':
      return { ...state, merge: null, mergeNote: action.note };
  }
}

/** True once every conflict has an answer (an edited text counts, even empty: the writer may delete a paragraph). */
export function everyConflictChosen(merge: MergeView): boolean {
  return (
    merge.pending !== null && merge.pending.conflicts.every((conflict) => merge.choices[conflict.id] !== undefined)
  );
}
