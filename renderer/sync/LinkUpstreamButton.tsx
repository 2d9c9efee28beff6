/**
 * Offered when a publish stopped because the branch tracks nothing on the remote: links it (tracks
 * the remote's branch of the same name, or pushes this one there) and publishes again.
 */
import { useState } from 'react';
import { toAppError } from '../../shared/errors';
import { invoke } from '../api';
import { useController, useDispatch } from '../app/WorkspaceContext';

/** "Link branch and publish": one click instead of a terminal command. */
export function LinkUpstreamButton() {
  const controller = useController();
  const dispatch = useDispatch();
  const [busy, setBusy] = useState(false);

  async function linkAndPublish(): Promise<void> {
    setBusy(true);
    try {
      dispatch({ type: 'sync', status: await invoke('repo:link-upstream', null) });
    } catch (error) {
      dispatch({ type: 'publish-failed', error: toAppError(error) });
      return;
    } finally {
      setBusy(false);
    }
    await controller.publish();
  }

  return (
    <button type="button" className="button button--small" disabled={busy} onClick={() => void linkAndPublish()}>
      {busy ? 'Linking…' : 'Link branch and publish'}
    </button>
  );
}
