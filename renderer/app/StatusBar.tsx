/**
 * The status bar: whether the words are safe on disk, how long the post is, and where the branch
 * stands against its remote. Always visible, always honest.
 */
import type { SyncStatus } from '../../shared/api';
import { plural, readingMinutes } from './format';
import { Icon } from './icons';
import { useWorkspace } from './WorkspaceContext';

/** The bottom bar. */
export function StatusBar() {
  const hasPost = useWorkspace((state) => state.post !== null);
  const dirty = useWorkspace((state) => state.dirty);
  const saving = useWorkspace((state) => state.saving);
  const failed = useWorkspace((state) => state.saveError !== null);
  const words = useWorkspace((state) => state.words);
  const sync = useWorkspace((state) => state.sync);
  const lastPublish = useWorkspace((state) => state.lastPublish);

  const save = !hasPost ? null : saving ? 'Saving…' : failed ? 'Not saved' : dirty ? 'Unsaved changes' : 'Saved';
  const saveState = saving ? 'saving' : failed ? 'failed' : dirty ? 'dirty' : 'saved';

  return (
    <footer className="status-bar" aria-label="Status bar">
      <span className="status-bar__save" data-state={hasPost ? saveState : undefined} role="status">
        {save}
      </span>
      {hasPost && (
        <span className="status-bar__item">
          {plural(words, 'word', 'words')} · {readingMinutes(words)} min read
        </span>
      )}
      <span className="status-bar__spacer" />
      <SyncItem sync={sync} />
      {lastPublish && (
        <span className="status-bar__item">
          Last publish <code>{lastPublish}</code>
        </span>
      )}
    </footer>
  );
}

function SyncItem({ sync }: { sync: SyncStatus | null }) {
  if (!sync) return <span className="status-bar__item">Sync status unknown</span>;
  let state: string;
  if (!sync.upstream) state = 'Not tracking a remote';
  else if (sync.ahead === 0 && sync.behind === 0) state = `Up to date with ${sync.upstream}`;
  else {
    const parts = [];
    if (sync.ahead > 0) parts.push(`${plural(sync.ahead, 'commit', 'commits')} to push`);
    if (sync.behind > 0) parts.push(`${sync.behind.toLocaleString()} to pull`);
    state = parts.join(', ');
  }
  return (
    <span className="status-bar__item status-bar__sync">
      <Icon name="branch" />
      <span className="visually-hidden">Branch</span>
      <span>{sync.branch ?? 'detached HEAD'}</span>
      <span aria-hidden="true">·</span>
      <span>{state}</span>
    </span>
  );
}
