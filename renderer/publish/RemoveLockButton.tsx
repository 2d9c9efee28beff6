/**
 * Offered when a publish stopped because `.git/index.lock` exists: removes it when no git program
 * is running (the back end checks, and says so when one is) and publishes again.
 */
import { useState } from 'react';
import { toAppError } from '../../shared/errors';
import { invoke } from '../api';
import { useController, useDispatch } from '../app/WorkspaceContext';

/** "Remove the lock and publish": one click instead of deleting a file inside .git by hand. */
export function RemoveLockButton() {
  const controller = useController();
  const dispatch = useDispatch();
  const [busy, setBusy] = useState(false);

  async function removeAndPublish(): Promise<void> {
    setBusy(true);
    try {
      await invoke('repo:remove-lock', null);
    } catch (error) {
      dispatch({ type: 'publish-failed', error: toAppError(error) });
      return;
    } finally {
      setBusy(false);
    }
    await controller.publish();
  }

  return (
    <button type="button" className="button button--small" disabled={busy} onClick={() => void removeAndPublish()}>
      {busy ? 'Removing the lock…' : 'Remove the lock and publish'}
    </button>
  );
}
