/**
 * Tells the open post's publish checks about a file Masthead just wrote (an imported image): they
 * look images up in the repository's file list, which is read once when the post opens, and would
 * otherwise call the new picture missing.
 */
import { useCallback } from 'react';
import { useWorkspaceStore } from '../../app/WorkspaceContext';

/** A function adding a repo-relative path to the open post's list of existing files. */
export function useKnowFile(postPath: string | null): (path: string) => void {
  const store = useWorkspaceStore();
  return useCallback(
    (path: string) => {
      const state = store.getState();
      const context = state.seoContext;
      if (
        context === null ||
        postPath === null ||
        state.post?.doc.path !== postPath ||
        context.existingPaths.includes(path)
      )
        return;
      store.dispatch({
        type: 'seo-context',
        path: postPath,
        context: { ...context, existingPaths: [...context.existingPaths, path] },
      });
    },
    [store, postPath],
  );
}
