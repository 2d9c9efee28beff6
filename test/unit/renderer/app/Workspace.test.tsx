// @vitest-environment happy-dom
// The whole workspace over a fake back end: what it asks for when a repository opens, and how the
// back end's pushed events (menu commands, publish progress, sync status, files changed on disk)
// reach the writer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { EventName, Events, PostDocument, RepoSettings, RepoSummary, SyncStatus } from '../../../../shared/api';
import { on } from '../../../../renderer/api';
import { Workspace } from '../../../../renderer/app/Workspace';
import { click, getByRole, mount, type Mounted } from '../dom';
import { fakeBackend, withAppService, type Handlers } from '../fake-backend';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

vi.mock('../../../../renderer/api', () => ({
  on: vi.fn(),
  mediaUrl: vi.fn((post: string, src: string) => `masthead-media://repo/${post}/../${src}`),
}));

const repo: RepoSummary = {
  path: '/home/ada/harbour',
  name: collectionId('harbour'),
  branch: 'main',
  collections: [{ id: collectionId('posts'), folder: repoFolder('content/posts'), label: 'Posts', postCount: 1 }],
};
const PATH = 'content/posts/tides.md';
const recovered: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Tides' },
  body: 'High water at noon.\n',
  version: 'v1',
  recovered: {
    state: 'exact',
    frontMatter: { title: 'Tides and currents' },
    body: 'High water at noon.\n',
    editedAt: '2026-04-01T08:00:00.000Z',
  },
};
const status: SyncStatus = { branch: 'main', upstream: 'origin/main', ahead: 0, behind: 0 };
const settings: RepoSettings = {
  autosave: false,
  publishWithoutAsking: false,
  focusMode: false,
  typewriterScrolling: false,
};

const listeners = new Map<string, Set<(payload: unknown) => void>>();
function emit<E extends EventName>(name: E, payload: Events[E]): Promise<void> {
  return act(async () => {
    for (const listener of listeners.get(name) ?? []) listener(payload);
    await vi.advanceTimersByTimeAsync(0);
  });
}

let mounted: Mounted | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  listeners.clear();
  vi.mocked(on).mockImplementation(((name: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(name) ?? new Set();
    set.add(listener);
    listeners.set(name, set);
    return () => set.delete(listener);
  }) as typeof on);
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
});

async function render(handlers: Handlers = {}) {
  const backend = fakeBackend({
    'posts:list': () => ({
      version: '1',
      posts: [{ path: PATH, collection: collectionId('posts'), title: 'Tides', date: null, draft: false }],
    }),
    'repo:model': () => {
      throw new Error('no model');
    },
    'repo:status': () => status,
    'repo:fetch': () => status,
    'settings:get': () => settings,
    'journal:recoverable': () => [{ path: PATH, title: 'Tides', editedAt: '2026-04-01T08:00:00.000Z' }],
    'post:read': () => recovered,
    'post:save': () => ({ version: 'v2', written: true, savedAt: '2026-04-01T09:00:00.000Z' }),
    'journal:discard': () => null,
    'journal:write': () => null,
    'seo:context': () => ({
      siteUrl: null,
      displayUrl: null,
      mapping: {},
      catalog: { version: 'c1', posts: [], existingPaths: [] },
    }),
    'media:info': () => null,
    ...handlers,
  });
  const onClose = vi.fn();
  mounted = await mount(withAppService(<Workspace repo={repo} onClose={onClose} />, backend.invoke));
  await act(async () => void (await vi.advanceTimersByTimeAsync(50)));
  return { ...backend, onClose, container: mounted.container };
}

describe('Workspace', () => {
  it('asks for the posts, the model, the sync state, the settings and recovered work when it opens', async () => {
    const { names, container } = await render();
    expect(new Set(names())).toEqual(
      new Set([
        'posts:list',
        'repo:model',
        'repo:status',
        'repo:fetch',
        'settings:get',
        'journal:recoverable',
        'post:read',
      ]),
    );
    // The SEO context waits for the writer's first pause after the post opened.
    expect(names()).not.toContain('seo:context');
    // The most recent recovered post opens with its edits, and the bar says so.
    const bar = getByRole(container, 'region', 'Recovered work');
    expect(bar.textContent).toContain('Recovered unsaved changes from');
    expect(getByRole(container, 'contentinfo', 'Status bar').textContent).toContain('Unsaved');
  });

  it('saves from the menu and leaves the repository from it', async () => {
    const { calls, onClose } = await render();
    await emit('menu:command', { command: 'save' });
    expect(calls.find((call) => call.name === 'post:save')?.arg).toMatchObject({
      path: PATH,
      baseVersion: 'v1',
      frontMatter: { title: 'Tides and currents' },
    });
    expect(onClose).not.toHaveBeenCalled();
    await emit('menu:command', { command: 'open-repository' });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('shows the sync status the back end pushes', async () => {
    const { container } = await render();
    const bar = getByRole(container, 'contentinfo', 'Status bar');
    expect(bar.textContent).toContain('Up to date');
    await emit('sync:status', { ...status, ahead: 2, waitingToPush: 2 });
    expect(bar.textContent).toContain('2 posts waiting to be pushed');
  });

  it('reloads the library when files change on disk', async () => {
    const { names } = await render();
    const before = names().filter((name) => name === 'posts:list').length;
    await emit('files:changed', { paths: ['content/posts/new.md'] });
    expect(names().filter((name) => name === 'posts:list').length).toBe(before + 1);
  });

  it('keeps the recovered edits when the writer chooses Keep', async () => {
    const { container } = await render();
    const bar = getByRole(container, 'region', 'Recovered work');
    await click(getByRole(bar, 'button', 'Keep'));
    expect(container.querySelector('[aria-label="Recovered work"]')).toBeNull();
  });
});
