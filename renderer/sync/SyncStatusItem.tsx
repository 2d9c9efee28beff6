/**
 * The status bar's sync item: the branch, where it stands in the writer's words ("Up to date",
 * "2 posts waiting to be pushed", "3 changes from others"), and Sync — one click, never blocking
 * typing. A Sync's outcome or failure is said beside it until the next one.
 */
import type { SyncStatus } from '../../shared/api';
import { Icon } from '../app/icons';
import { modLabel } from '../app/use-global-shortcuts';
import { summarizeSync } from './sync-summary';
import { useSyncController, useSyncState } from './SyncContext';
import './sync.css';

/** The keyboard shortcut of Sync, in `aria-keyshortcuts` form. */
export const SYNC_KEYSHORTCUTS = 'Control+Shift+Y Meta+Shift+Y';

/** Branch, sync state and the Sync button. */
export function SyncStatusItem({ sync }: { sync: SyncStatus | null }) {
  const controller = useSyncController();
  const syncing = useSyncState((state) => state.syncing);
  const outcome = useSyncState((state) => state.outcome);
  const error = useSyncState((state) => state.error);
  const summary = summarizeSync(sync);
  const tone = error ? 'problem' : summary.tone;

  return (
    <span className="status-bar__item status-bar__sync sync-item" data-tone={tone} title={summary.detail || undefined}>
      <Icon name="branch" />
      <span className="visually-hidden">Branch</span>
      <span>{sync?.branch ?? (sync ? 'detached HEAD' : '')}</span>
      {sync && <span aria-hidden="true">·</span>}
      <span className="sync-item__state" role="status">
        {syncing ? 'Syncing…' : error ? `Sync failed: ${error.message}` : summary.text}
        {!syncing && !error && outcome && summary.tone === 'calm' && outcome !== summary.text && (
          <span className="sync-item__outcome"> — {outcome}</span>
        )}
      </span>
      {controller && summary.canSync && (
        <button
          type="button"
          className="button button--small button--quiet sync-item__button"
          disabled={syncing}
          aria-keyshortcuts={SYNC_KEYSHORTCUTS}
          title={`Sync with ${sync?.upstream ?? 'the remote'}: pull others’ changes and push what waits (${modLabel()}Shift+Y)`}
          onClick={() => void controller.sync()}
        >
          <Icon name="cloud" />
          Sync
        </button>
      )}
    </span>
  );
}
