/** Builds everything one open repository needs: the store, the controller, and the editor handle. */
import type { LexicalEditor } from 'lexical';
import type { RepoSummary } from '../../shared/api';
import { exportBodyIncrementally } from '../editor/body-exporter';
import { createStore } from './store';
import { createWorkspaceController, type Invoke } from './workspace-controller';
import type { WorkspaceContextValue } from './WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from './workspace-state';

/** The tab-scoped switch the keystroke benchmark sets to measure typing without the journal. */
export const JOURNAL_OFF_KEY = 'masthead.benchmark.journal-off';

// Only bench/keystroke.bench.ts sets this (to compare typing with and without journalling); the
// journal is what keeps unsaved words safe, so nothing in the app turns it off.
function journalSwitchedOff(): boolean {
  try {
    return sessionStorage.getItem(JOURNAL_OFF_KEY) === '1';
  } catch {
    return false;
  }
}

/** Creates the workspace for `repo`, talking to the back end through `invoke`. */
export function createWorkspace(repo: RepoSummary, invoke: Invoke): WorkspaceContextValue {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const editorRef: { current: LexicalEditor | null } = { current: null };
  const controller = createWorkspaceController(store, {
    invoke,
    // Saves and the journal both write again only the blocks changed since the last export: byte
    // for byte a full export (test/unit/renderer/editor/body-exporter.test.ts), at a fraction of its cost.
    exportBody: () => (editorRef.current ? exportBodyIncrementally(editorRef.current) : null),
    exportJournalBody: () => (editorRef.current ? exportBodyIncrementally(editorRef.current) : null),
    journal: { enabled: !journalSwitchedOff() },
  });
  return { store, controller, editorRef };
}
