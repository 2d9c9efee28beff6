/**
 * The calm bar above the page when edits came back from the journal (after a crash, a reload, a
 * closed window): says from when, and whether they merged with changes made on disk since, with
 * Keep and Discard. Also offers the other posts that have recovered edits. Never a modal: the
 * writer can go on typing and decide later.
 */
import { plural } from './format';
import { useController, useWorkspace } from './WorkspaceContext';
import type { RecoveryNotice } from './workspace-state';
import './recovery-bar.css';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "14:32" for a time today, "3 Mar 2026, 14:32" for an earlier day. */
export function formatEditedAt(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toDateString() === now.toDateString() ? timeFormat.format(date) : dayTimeFormat.format(date);
}

/** What the bar says about the open post's recovered edits. */
export function recoveryMessage(notice: RecoveryNotice, now = new Date()): string {
  const from = `Recovered unsaved changes from ${formatEditedAt(notice.editedAt, now)}`;
  if (notice.state === 'exact') return `${from}.`;
  if (notice.state === 'merged') return `${from}, merged with changes made on disk since.`;
  const places = notice.conflicts.length > 0 ? `: ${notice.conflicts.join('; ')}` : '';
  return `${from} — the file changed on disk since, in the same places${places}.`;
}

/** The recovery bar; renders nothing when there is nothing recovered to tell. */
export function RecoveryBar() {
  const controller = useController();
  const notice = useWorkspace((state) => state.recovery);
  const others = useWorkspace((state) => state.recoverable);
  const openPath = useWorkspace((state) => state.post?.doc.path ?? null);
  const current = notice && notice.path === openPath ? notice : null;
  const rest = others.filter((post) => post.path !== openPath);
  if (!current && rest.length === 0) return null;
  const conflict = current?.state === 'conflict';

  return (
    <section className="recovery-bar" aria-label="Recovered work" data-state={current?.state ?? 'others'}>
      {current && (
        <div className="recovery-bar__row">
          <p className="recovery-bar__message" role="status">
            {recoveryMessage(current)}
          </p>
          <div className="recovery-bar__actions">
            <button type="button" className="button button--small button--primary" onClick={controller.keepRecovered}>
              {conflict ? 'Keep mine' : 'Keep'}
            </button>
            <button type="button" className="button button--small" onClick={() => void controller.discardRecovered()}>
              {conflict ? 'Keep the file’s' : 'Discard'}
            </button>
          </div>
        </div>
      )}
      {rest.length > 0 && (
        <div className="recovery-bar__row recovery-bar__others">
          <p className="recovery-bar__message">
            {plural(rest.length, current ? 'other post has' : 'post has', current ? 'other posts have' : 'posts have')}{' '}
            recovered changes:
          </p>
          <ul className="recovery-bar__list" aria-label="Other posts with recovered changes">
            {rest.map((post) => (
              <li key={post.path}>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  title={post.path}
                  onClick={() => void controller.requestOpen(post.path)}
                >
                  {post.title}
                  <span className="recovery-bar__when"> · {formatEditedAt(post.editedAt)}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="button button--small button--quiet" onClick={controller.dismissRecoverable}>
            Not now
          </button>
        </div>
      )}
    </section>
  );
}
