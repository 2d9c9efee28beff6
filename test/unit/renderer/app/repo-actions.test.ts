import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PostDocument, PublishResult, RepoSettings, RepoSummary, SyncStatus } from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { fakeBackend, type Handlers } from '../fake-backend';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/home/ada/garden', name: 'garden', branch: 'main', collections: [] };
const PATH = 'content/posts/compost.md';
const doc: PostDocument = {
  kind: 'data',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Compost' },
  body: '',
  version: 'v1',
};
const linked: SyncStatus = { branch: 'main', upstream: 'origin/main', ahead: 1, behind: 0 };
const published: PublishResult = {
  save: { version: 'v2', written: false, savedAt: '2026-04-01T10:00:00.000Z' },
  commit: 'c0ffee0000000000000000000000000000000000',
  shortCommit: 'c0ffee0',
  committed: true,
  message: 'Update Compost',
  branch: 'main',
  upstream: 'origin/main',
};
const settings: RepoSettings = {
  autosave: false,
  publishWithoutAsking: true,
  focusMode: true,
  typewriterScrolling: false,
};

async function setup(handlers: Handlers) {
  const backend = fakeBackend({
    'post:read': () => doc,
    'posts:list': () => ({ version: '1', posts: [] }),
    'repo:status': () => linked,
    'post:publish': () => published,
    ...handlers,
  });
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const controller = createWorkspaceController(store, {
    invoke: backend.invoke,
    exportBody: () => null,
    journal: { enabled: false },
  });
  await controller.requestOpen(PATH);
  backend.calls.length = 0;
  return { ...backend, store, controller };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('repository actions', () => {
  it('links the branch upstream, shows the new sync state, then publishes', async () => {
    const { controller, names, store } = await setup({ 'repo:link-upstream': () => linked });
    const repaired = vi.fn(() => expect(names()).toEqual(['repo:link-upstream']));
    await controller.repairAndPublish('link-upstream', repaired);
    expect(repaired).toHaveBeenCalledOnce();
    expect(names().slice(0, 2)).toEqual(['repo:link-upstream', 'post:publish']);
    expect(store.getState().publish.result?.shortCommit).toBe('c0ffee0');
    expect(store.getState().lastPublish).toBe('c0ffee0');
  });

  it('removes a stale lock, then publishes', async () => {
    const { controller, names, store } = await setup({ 'repo:remove-lock': () => true });
    await controller.repairAndPublish('remove-lock');
    expect(names().slice(0, 2)).toEqual(['repo:remove-lock', 'post:publish']);
    expect(store.getState().publish.error).toBeNull();
  });

  it('shows why a repair failed as the publish’s error, and does not publish', async () => {
    const { controller, names, store } = await setup({
      'repo:remove-lock': () => {
        throw new AppFailure({ code: 'git-locked', message: 'A git program is still running (pid 4242).' });
      },
    });
    const repaired = vi.fn();
    await controller.repairAndPublish('remove-lock', repaired);
    expect(repaired).toHaveBeenCalledOnce();
    expect(names()).toEqual(['repo:remove-lock']);
    expect(store.getState().publish.error?.message).toBe('A git program is still running (pid 4242).');
    expect(store.getState().publish.running).toBe(false);
  });

  it('lists the remembered sign-ins, forgets one, and shows none when they cannot be read', async () => {
    const signIns = [{ host: 'github.com', username: 'ada', remembered: true }];
    const { controller, calls } = await setup({
      'credentials:list': () => signIns,
      'credentials:forget': () => null,
    });
    expect(await controller.loadSignIns()).toEqual(signIns);
    await controller.forgetSignIn('github.com');
    expect(calls[1]).toEqual({ name: 'credentials:forget', arg: { host: 'github.com' } });

    const failing = await setup({
      'credentials:list': () => {
        throw new AppFailure({ code: 'io', message: 'Keychain locked.' });
      },
      'credentials:forget': () => {
        throw new AppFailure({ code: 'io', message: 'Keychain locked.' });
      },
    });
    expect(await failing.controller.loadSignIns()).toEqual([]);
    await expect(failing.controller.forgetSignIn('github.com')).rejects.toThrow('Keychain locked.');
  });

  it('reads the repository’s settings and keeps a change', async () => {
    const { controller, calls } = await setup({
      'settings:get': () => settings,
      'settings:set': (changes) => ({ ...settings, ...changes }),
    });
    expect(await controller.readSettings()).toEqual(settings);
    expect(await controller.saveSettings({ focusMode: false })).toEqual({ ...settings, focusMode: false });
    expect(calls[1]).toEqual({ name: 'settings:set', arg: { focusMode: false } });
  });
});
