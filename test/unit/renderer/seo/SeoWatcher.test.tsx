// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { PostDocument, RepoSummary, SeoContext, SeoContextReply } from '../../../../shared/api';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController, type Invoke } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import {
  initialWorkspaceState,
  workspaceReducer,
  type WorkspaceAction,
} from '../../../../renderer/app/workspace-state';
import { SEO_CONTEXT_AFTER_QUIET_MS, SEO_CONTEXT_LATEST_MS, SeoWatcher } from '../../../../renderer/seo/SeoWatcher';
import { mount, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/home/ada/birding', name: 'birding', branch: 'main', collections: [] };
const PATH = 'content/posts/estuary-count.md';
const doc: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Estuary count', image: '/img/avocets.jpg' },
  body: 'Two hundred avocets.\n',
  version: 'v1',
};
const reply: SeoContextReply = {
  siteUrl: 'https://birding.example',
  displayUrl: null,
  mapping: {},
  catalog: {
    version: 'c1',
    posts: [{ path: PATH, title: 'Estuary count', canonicalUrl: null }],
    existingPaths: [PATH],
  },
};
// What the store holds: the catalog without the open post itself.
const context: SeoContext = {
  siteUrl: 'https://birding.example',
  displayUrl: null,
  mapping: {},
  otherPosts: [],
  existingPaths: [PATH],
};

const mockedInvoke = vi.fn<Invoke>();
let requests: Array<[string, unknown]>;
let mounted: Mounted | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  requests = [];
  mockedInvoke.mockReset();
  mockedInvoke.mockImplementation((async (name: string, arg: unknown) => {
    requests.push([name, arg]);
    if (name === 'seo:context') return reply;
    if (name === 'media:info') {
      if ((arg as { src: string }).src.endsWith('missing.jpg')) throw new Error('no such file');
      return { width: 1200, height: 630, bytes: 95_000, format: 'jpg' };
    }
    throw new Error(`unexpected request ${name}`);
  }) as Invoke);
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
});

async function render() {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const controller = createWorkspaceController(store, { invoke: mockedInvoke, exportBody: () => null });
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef: { current: null } }}>
      <SeoWatcher />
    </WorkspaceProvider>,
  );
  const dispatch = async (action: WorkspaceAction) => act(async () => store.dispatch(action));
  const pause = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));
  return { store, dispatch, pause };
}

describe('SeoWatcher', () => {
  it('asks for nothing until a post opens, then for its image, and for its SEO context at the writer’s first pause', async () => {
    const { store, dispatch, pause } = await render();
    expect(requests).toEqual([]);
    await dispatch({ type: 'open-done', doc });
    expect(requests).toEqual([]);
    await pause(150);
    expect(requests).toEqual([['media:info', { post: PATH, src: '/img/avocets.jpg' }]]);
    expect(store.getState().seoImage).toEqual({
      src: '/img/avocets.jpg',
      info: { width: 1200, height: 630, bytes: 95_000, format: 'jpg' },
    });
    await pause(SEO_CONTEXT_AFTER_QUIET_MS - 150);
    expect(requests.at(-1)).toEqual(['seo:context', { path: PATH }]);
    expect(store.getState().seoContext).toEqual(context);
  });

  it('waits while the writer clicks in and types, asking at the latest a few seconds after the open', async () => {
    const { store, dispatch, pause } = await render();
    await dispatch({ type: 'open-done', doc });
    const contextAsks = () => requests.filter(([name]) => name === 'seo:context').length;
    window.dispatchEvent(new Event('pointerdown'));
    for (let elapsed = 0; elapsed < SEO_CONTEXT_LATEST_MS - 500; elapsed += 500) {
      await pause(500);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    }
    expect(contextAsks()).toBe(0);
    await pause(500);
    expect(contextAsks()).toBe(1);
    expect(store.getState().seoContext).toEqual(context);
    // Once per open: later pauses ask nothing more.
    await pause(5 * SEO_CONTEXT_AFTER_QUIET_MS);
    expect(contextAsks()).toBe(1);
  });

  it('asks at once when a tab showing SEO results is open, or opens before the pause', async () => {
    const shownFirst = await render();
    await shownFirst.dispatch({ type: 'tab', tab: 'seo' });
    await shownFirst.dispatch({ type: 'open-done', doc });
    expect(requests).toEqual([['seo:context', { path: PATH }]]);
    expect(shownFirst.store.getState().seoContext).toEqual(context);
    await mounted?.unmount();

    requests = [];
    const shownLater = await render();
    await shownLater.dispatch({ type: 'open-done', doc });
    await shownLater.pause(100);
    expect(requests).toEqual([]);
    await shownLater.dispatch({ type: 'tab', tab: 'publish' });
    expect(requests).toEqual([['seo:context', { path: PATH }]]);
    await shownLater.pause(5 * SEO_CONTEXT_AFTER_QUIET_MS);
    expect(requests.filter(([name]) => name === 'seo:context')).toHaveLength(1);
  });

  it('looks the image up once the writer stops typing its path, and notes one that cannot be read', async () => {
    const { store, dispatch, pause } = await render();
    await dispatch({ type: 'open-done', doc });
    await pause(150);
    requests.length = 0;
    for (const src of ['/img/m', '/img/mis', '/img/missing.jpg']) {
      await dispatch({ type: 'front-matter-edited', frontMatter: { title: 'Estuary count', image: src } });
      await pause(50);
    }
    expect(requests).toEqual([]);
    await pause(100);
    expect(requests).toEqual([['media:info', { post: PATH, src: '/img/missing.jpg' }]]);
    expect(store.getState().seoImage).toEqual({ src: '/img/missing.jpg', info: null });

    // No image at all: nothing to look up, and the old facts are dropped.
    await dispatch({ type: 'front-matter-edited', frontMatter: { title: 'Estuary count' } });
    await pause(200);
    expect(requests).toHaveLength(1);
    expect(store.getState().seoImage).toBeNull();
  });

  it('leaves the checks without context when the back end cannot give it', async () => {
    mockedInvoke.mockImplementation((async (name: string) => {
      requests.push([name, null]);
      throw new Error('offline');
    }) as Invoke);
    const { store, dispatch, pause } = await render();
    await dispatch({ type: 'open-done', doc: { ...doc, frontMatter: { title: 'Estuary count' } } });
    await pause(SEO_CONTEXT_AFTER_QUIET_MS);
    expect(requests.map(([name]) => name)).toEqual(['seo:context']);
    expect(store.getState().seoContext).toBeNull();
  });
});
