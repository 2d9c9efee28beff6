/**
 * Offered on a publish that stopped for a reason Masthead can repair in one step: a branch that
 * tracks nothing on the remote (link it: track the remote's branch of the same name, or push this
 * one there) or a `.git/index.lock` a crashed git left behind (remove it when no git program runs;
 * the back end checks). The repair runs, then the publish again.
 */
import { useState } from 'react';
import type { ErrorCode } from '../../shared/errors';
import { useController } from '../app/WorkspaceContext';
import type { PublishRepair } from '../app/repo-actions';

interface Repair {
  kind: PublishRepair;
  label: string;
  busyLabel: string;
}

const REPAIRS: Partial<Record<ErrorCode, Repair>> = {
  'git-no-upstream': { kind: 'link-upstream', label: 'Link branch and publish', busyLabel: 'Linking…' },
  'git-locked': { kind: 'remove-lock', label: 'Remove the lock and publish', busyLabel: 'Removing the lock…' },
};

/** Whether a publish failure with this code has a one-step repair. */
export function canRepair(code: ErrorCode): boolean {
  return REPAIRS[code] !== undefined;
}

/** The repair button for a publish failure with this code, or nothing when there is none. */
export function RepairAndPublishButton({ code }: { code: ErrorCode }) {
  const controller = useController();
  const [busy, setBusy] = useState(false);
  const repair = REPAIRS[code];
  if (!repair) return null;

  // Busy while the repair runs; the publish after it shows its own progress.
  async function repairAndPublish(step: Repair): Promise<void> {
    setBusy(true);
    await controller.repairAndPublish(step.kind, () => setBusy(false));
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
