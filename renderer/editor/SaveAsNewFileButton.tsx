/**
 * Offered when the open post's file was deleted on disk: writes the editor's fields and text back
 * at the same path as a new file (never over a file that has appeared there meanwhile).
 */
import { useState } from 'react';
import { toAppError } from '../../shared/errors';
import { invoke } from '../api';
import { useController, useDispatch, useWorkspace } from '../app/WorkspaceContext';

/** "Save as new file": the post's text, kept. */
export function SaveAsNewFileButton() {
  const controller = useController();
  const dispatch = useDispatch();
  const post = useWorkspace((state) => state.post);
  const [busy, setBusy] = useState(false);

  async function recreate(): Promise<void> {
    if (!post || busy) return;
    setBusy(true);
    const revision = controller.bodyRevision();
    const { path, version, format } = post.doc;
    dispatch({ type: 'save-start' });
    try {
      const result = await invoke('post:recreate', {
        path,
        baseVersion: version,
        frontMatter: post.frontMatter,
        body: controller.currentBody() ?? '',
        format,
      });
      dispatch({
        type: 'save-done',
        path,
        version: result.version,
        stillDirty: controller.bodyRevision() !== revision,
      });
      void controller.loadPosts();
    } catch (error) {
      dispatch({ type: 'save-failed', error: toAppError(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      className="button button--small button--primary"
      disabled={busy || !post}
      onClick={() => void recreate()}
    >
      {busy ? 'Saving…' : 'Save as new file'}
    </button>
  );
}
