/**
 * Offered when the open post's file was deleted on disk: writes the editor's fields and text back
 * at the same path as a new file (never over a file that has appeared there meanwhile).
 */
import { useState } from 'react';
import { useController, useWorkspace } from '../app/WorkspaceContext';

/** "Save as new file": the post's text, kept. */
export function SaveAsNewFileButton() {
  const controller = useController();
  const hasPost = useWorkspace((state) => state.post !== null);
  const [busy, setBusy] = useState(false);

  async function recreate(): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      await controller.saveAsNewFile();
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      className="button button--small button--primary"
      disabled={busy || !hasPost}
      onClick={() => void recreate()}
    >
      {busy ? 'Saving…' : 'Save as new file'}
    </button>
  );
}
