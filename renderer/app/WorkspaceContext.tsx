/**
 * Hands the workspace store, its controller and the editor handle to every component below the
 * workspace, so panes read the slice they show and call actions without prop drilling.
 */
import { createContext, useContext, type ReactNode, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import { useStoreSelector, type Store } from './store';
import type { WorkspaceController } from './workspace-controller';
import type { WorkspaceAction, WorkspaceState } from './workspace-state';

/** What the workspace shares with its panes. */
export interface WorkspaceContextValue {
  store: Store<WorkspaceState, WorkspaceAction>;
  controller: WorkspaceController;
  /** The mounted Lexical editor, for saving its Markdown; null between posts. */
  editorRef: RefObject<LexicalEditor | null>;
}

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

/** Provides the workspace to its panes. */
export function WorkspaceProvider({ value, children }: { value: WorkspaceContextValue; children: ReactNode }) {
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

function useWorkspaceContext(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('Masthead: a workspace pane was rendered outside <WorkspaceProvider>.');
  return value;
}

/** Selects a slice of the workspace state; re-renders only when that slice changes. */
export function useWorkspace<T>(select: (state: WorkspaceState) => T): T {
  return useStoreSelector(useWorkspaceContext().store, select);
}

const NO_STORE: Store<null, never> = {
  getState: () => null,
  dispatch: () => undefined,
  subscribe: () => () => undefined,
};

/**
 * The repo-relative path of the post open in the editor, or null. Safe outside a workspace (an
 * editor rendered on its own), where there is no post to resolve relative paths against.
 */
export function useOpenPostPath(): string | null {
  const store: Store<WorkspaceState | null, never> = useContext(WorkspaceContext)?.store ?? NO_STORE;
  return useStoreSelector(store, (state) => state?.post?.doc.path ?? null);
}

/** The workspace store itself, for the rare view that must follow a value without re-rendering. */
export function useWorkspaceStore(): Store<WorkspaceState, WorkspaceAction> {
  return useWorkspaceContext().store;
}

/** The workspace's actions. */
export function useController(): WorkspaceController {
  return useWorkspaceContext().controller;
}

/** The store's dispatch, for layout changes that need no back end. */
export function useDispatch(): (action: WorkspaceAction) => void {
  return useWorkspaceContext().store.dispatch;
}

/** The ref the editor fills with its Lexical instance. */
export function useEditorRef(): RefObject<LexicalEditor | null> {
  return useWorkspaceContext().editorRef;
}
