/**
 * Where the branch stands, in the writer's words, for the status bar: "Up to date", "2 posts
 * waiting to be pushed", "3 changes from others". Pure, so every state is tested on plain data.
 */
import type { SyncStatus } from '../../shared/api';
import { plural } from '../app/format';

/** How the status bar shows the sync state. */
export interface SyncSummary {
  /** The words shown. */
  text: string;
  /** `calm` when nothing needs doing, `pending` when a Sync would do something, `problem` when the last try failed. */
  tone: 'calm' | 'pending' | 'problem';
  /** False when there is nothing to sync with (no remote tracked, status unknown). */
  canSync: boolean;
  /** A longer explanation for the tooltip (the problem's message, when the remote was last reached). */
  detail: string;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Sums up a sync status; `now` only decides whether the last fetch is shown as a time or a day. */
export function summarizeSync(status: SyncStatus | null, now = new Date()): SyncSummary {
  if (!status) return { text: 'Sync status unknown', tone: 'calm', canSync: false, detail: '' };
  if (!status.upstream) {
    return {
      text: 'Not tracking a remote',
      tone: 'calm',
      canSync: false,
      detail: `The branch ${status.branch ?? '(detached)'} is not connected to a remote, so there is nothing to sync with.`,
    };
  }
  const waiting = status.waitingToPush ?? 0;
  const parts: string[] = [];
  if (waiting > 0) parts.push(`${plural(waiting, 'post', 'posts')} waiting to be pushed`);
  // Commits to push beyond the queued publishes (made in a terminal, say).
  else if (status.ahead > 0) parts.push(`${plural(status.ahead, 'commit', 'commits')} to push`);
  if (status.behind > 0) parts.push(`${plural(status.behind, 'change', 'changes')} from others`);
  const fetched = lastFetched(status.lastFetchAt ?? null, now);
  const problem = status.problem ?? null;
  const detail = [problem?.message, fetched].filter(Boolean).join(' ');
  // Being offline is a state the app copes with (pushes wait and are retried), not an alarm; a
  // refused sign-in or push needs the writer.
  const problemTone = problem && problem.code !== 'git-offline' ? 'problem' : 'pending';
  if (parts.length === 0)
    return {
      text: problem ? problemLabel(problem.code) : 'Up to date',
      tone: problem ? problemTone : 'calm',
      canSync: true,
      detail: detail || `Up to date with ${status.upstream}.`,
    };
  const text = problem ? `${parts.join(' · ')} — ${problemLabel(problem.code).toLowerCase()}` : parts.join(' · ');
  return { text, tone: problem ? problemTone : 'pending', canSync: true, detail };
}

// A few words for the status bar; the full message is in the tooltip and the Sync result.
function problemLabel(code: string): string {
  switch (code) {
    case 'git-offline':
      return 'Offline';
    case 'git-auth':
      return 'Sign-in needed';
    case 'git-rejected':
      return 'The remote refused';
    default:
      return 'Could not reach the remote';
  }
}

function lastFetched(iso: string | null, now: Date): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const when = date.toDateString() === now.toDateString() ? timeFormat.format(date) : date.toLocaleDateString();
  return `Last checked ${when}.`;
}
