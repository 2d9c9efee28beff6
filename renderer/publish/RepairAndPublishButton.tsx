/**
 * Offered on a publish that stopped for a reason Masthead can repair in one step: a branch that
 * tracks nothing on the remote (link it: track the remote's branch of the same name, or push this
 * one there) or a `.git/index.lock` a crashed git left behind (remove it when no git program runs;
 * the back end checks). The repair runs, then the publish again.
 */
import { useState } from 'react';
import type { ErrorCode } from '../../shared/errors';
import { toAppError } from '../../shared/errors';
import { invoke } from '../api';
import { useController, useDispatch } from '../app/WorkspaceContext';
import type { WorkspaceAction } from '../app/workspace-state';

interface Repair {
  label: string;
  busyLabel: string;
  run(dispatch: (action: WorkspaceAction) => void): Promise<void>;
}

const REPAIRS: Partial<Record<ErrorCode, Repair>> = {
  'git-no-upstream': {
    label: 'Link branch and publish',
    busyLabel: 'Linking…',
    run: async (dispatch) => dispatch({ type: 'sync', status: await invoke('repo:link-upstream', null) }),
  },
  'git-locked': {
    label: 'Remove the lock and publish',
    busyLabel: 'Removing the lock…',
    run: async () => {
      await invoke('repo:remove-lock', null);
    },
  },
};

/** Whether a publish failure with this code has a one-step repair. */
export function canRepair(code: ErrorCode): boolean {
  return REPAIRS[code] !== undefined;
}

/** The repair button for a publish failure with this code, or nothing when there is none. */
export function RepairAndPublishButton({ code }: { code: ErrorCode }) {
  const controller = useController();
  const dispatch = useDispatch();
  const [busy, setBusy] = useState(false);
  const repair = REPAIRS[code];
  if (!repair) return null;

  async function repairAndPublish(step: Repair): Promise<void> {
    setBusy(true);
    try {
      await step.run(dispatch);
    } catch (error) {
      dispatch({ type: 'publish-failed', error: toAppError(error) });
      return;
    } finally {
      setBusy(false);
    }
    await controller.publish();
  }

  return (
    <button
      type="button"
      className="button button--small"
      disabled={busy}
      onClick={() => void repairAndPublish(repair)}
    >
      {busy ? repair.busyLabel : repair.label}
    </button>
  );
}
