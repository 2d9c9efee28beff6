import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo, PostSummary, RepoSummary, SyncStatus } from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { createAppService } from '../../../../renderer/app/app-service';
import { fakeBackend } from '../fake-backend';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/home/ada/garden', name: 'garden', branch: 'main', collections: [] };
const info: AppInfo = { version: '0.1.0', shell: 'web', canPickFolder: false, openRepository: null };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('app service', () => {
  it('asks what is running, the recent repositories, the picked folder, and opens a repository', async () => {
    const recent = [{ path: repo.path, name: repo.name, openedAt: '2026-04-01T09:00:00.000Z' }];
    const { invoke, calls } = fakeBackend({
      'app:info': () => info,
      'repo:recent': () => recent,
      'repo:pick': () => null,
      'repo:open': () => repo,
    });
    const service = createAppService(invoke);
    expect(await service.info()).toEqual(info);
    expect(await service.recentRepositories()).toEqual(recent);
    expect(await service.pickFolder()).toBeNull();
    expect(await service.openRepository('/home/ada/garden')).toEqual(repo);
    expect(calls.at(-1)).toEqual({ name: 'repo:open', arg: { path: '/home/ada/garden' } });
  });

  it('says why a folder is not a repository', async () => {
    const { invoke } = fakeBackend({
      'repo:open': () => {
        throw new AppFailure({ code: 'not-a-repository', message: '/tmp is not a Git repository.' });
      },
    });
    await expect(createAppService(invoke).openRepository('/tmp')).rejects.toThrow('/tmp is not a Git repository.');
  });

  it('answers and declines git’s sign-in questions', async () => {
    const { invoke, calls } = fakeBackend({ 'credentials:provide': () => null, 'credentials:cancel': () => null });
    const service = createAppService(invoke);
    const answer = { requestId: 'q1', username: 'ada', token: 'secret-token', remember: false };
    await service.provideCredentials(answer);
    await service.cancelCredentials('q2');
    expect(calls).toEqual([
      { name: 'credentials:provide', arg: answer },
      { name: 'credentials:cancel', arg: { requestId: 'q2' } },
    ]);
  });

  it('builds a workspace whose controller and sync talk to the same back end', async () => {
    const post: PostSummary = {
      path: 'content/posts/beans.md',
      collection: collectionId('posts'),
      title: 'Beans',
      date: null,
      draft: false,
    };
    const status: SyncStatus = { branch: 'main', upstream: 'origin/main', ahead: 0, behind: 0 };
    const { invoke, names } = fakeBackend({
      'posts:list': () => ({ version: '1', posts: [post] }),
      'repo:sync': () => ({ status, message: 'Up to date.' }),
    });
    const { workspace, sync } = createAppService(invoke).openWorkspace(repo);
    expect(workspace.store.getState().repo).toEqual(repo);
    await workspace.controller.loadPosts();
    expect(workspace.store.getState().posts).toEqual([post]);
    await sync.sync();
    expect(workspace.store.getState().sync).toEqual(status);
    expect(sync.store.getState().outcome).toBe('Up to date.');
    expect(names()).toEqual(['posts:list', 'repo:sync', 'posts:list']);
    workspace.controller.dispose();
  });
});
