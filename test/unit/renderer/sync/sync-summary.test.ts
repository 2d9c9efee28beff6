import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/api';
import { summarizeSync } from '../../../../renderer/sync/sync-summary';

const clean: SyncStatus = {
  branch: 'main',
  upstream: 'origin/main',
  ahead: 0,
  behind: 0,
  waitingToPush: 0,
  lastFetchAt: null,
  problem: null,
};
const now = new Date(2026, 3, 2, 15, 0);

describe('summarizeSync', () => {
  it('says "Up to date" when nothing waits either way, with Sync still one click away', () => {
    expect(summarizeSync(clean, now)).toEqual({
      text: 'Up to date',
      tone: 'calm',
      canSync: true,
      detail: 'Up to date with origin/main.',
    });
  });

  it('counts posts waiting to be pushed and changes from others, in words', () => {
    expect(summarizeSync({ ...clean, ahead: 2, waitingToPush: 2 }, now)).toMatchObject({
      text: '2 posts waiting to be pushed',
      tone: 'pending',
    });
    expect(summarizeSync({ ...clean, ahead: 1, waitingToPush: 1 }, now).text).toBe('1 post waiting to be pushed');
    expect(summarizeSync({ ...clean, behind: 3 }, now)).toMatchObject({
      text: '3 changes from others',
      tone: 'pending',
      canSync: true,
    });
    expect(summarizeSync({ ...clean, ahead: 2, waitingToPush: 2, behind: 1 }, now).text).toBe(
      '2 posts waiting to be pushed · 1 change from others',
    );
  });

  it('counts commits made elsewhere (a terminal) when the back end queues none, as older back ends report', () => {
    const { waitingToPush: _w, lastFetchAt: _l, problem: _p, ...bare } = clean;
    expect(summarizeSync({ ...bare, ahead: 1 }, now).text).toBe('1 commit to push');
  });

  it('says what went wrong the last time the remote was tried, with the full message and last fetch in the tooltip', () => {
    const offline = {
      ...clean,
      ahead: 1,
      waitingToPush: 1,
      lastFetchAt: new Date(2026, 3, 2, 14, 5).toISOString(),
      problem: { code: 'git-offline' as const, message: 'The remote could not be reached.' },
    };
    const summary = summarizeSync(offline, now);
    // Offline is calm (the push waits and is retried); a refused sign-in needs the writer.
    expect(summary).toMatchObject({ text: '1 post waiting to be pushed — offline', tone: 'pending', canSync: true });
    // The time in the writer's locale (14:05 or 02:05 PM).
    expect(summary.detail).toMatch(/^The remote could not be reached\. Last checked \d{1,2}:05( [AP]M)?\.$/);
    expect(summarizeSync({ ...clean, problem: { code: 'git-auth', message: 'Sign in again.' } }, now)).toMatchObject({
      text: 'Sign-in needed',
      tone: 'problem',
    });
  });

  it('offers no Sync without a remote or before the status is known', () => {
    expect(summarizeSync({ ...clean, upstream: null }, now)).toMatchObject({
      text: 'Not tracking a remote',
      canSync: false,
    });
    expect(summarizeSync(null, now)).toMatchObject({ text: 'Sync status unknown', canSync: false });
  });
});
