/** Builds everything one open repository needs: the store, the controller, and the editor handle. */
import type { LexicalEditor } from 'lexical';
import type { RepoSummary } from '../../shared/api';
import { $exportMarkdown } from '../../shared/document';
import { createStore } from './store';
import { createWorkspaceController, type Invoke } from './workspace-controller';
import type { WorkspaceContextValue } from './WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from './workspace-state';

/** Creates the workspace for `repo`, talking to the back end through `invoke`. */
export function createWorkspace(repo: RepoSummary, invoke: Invoke): WorkspaceContextValue {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const editorRef: { current: LexicalEditor | null } = { current: null };
  const controller = createWorkspaceController(store, {
    invoke,
    exportBody: () => editorRef.current?.read(() => $exportMarkdown()) ?? null,
  });
  return { store, controller, editorRef };
}
