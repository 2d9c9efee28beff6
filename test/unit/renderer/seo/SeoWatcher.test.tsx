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
import { SeoWatcher } from '../../../../renderer/seo/SeoWatcher';
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
  it('asks for nothing until a post opens, then for its SEO context and its image', async () => {
    const { store, dispatch, pause } = await render();
    expect(requests).toEqual([]);
    await dispatch({ type: 'open-done', doc });
    expect(requests).toEqual([['seo:context', { path: PATH }]]);
    expect(store.getState().seoContext).toEqual(context);
    await pause(150);
    expect(requests.at(-1)).toEqual(['media:info', { post: PATH, src: '/img/avocets.jpg' }]);
    expect(store.getState().seoImage).toEqual({
      src: '/img/avocets.jpg',
      info: { width: 1200, height: 630, bytes: 95_000, format: 'jpg' },
    });
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
    const { store, dispatch } = await render();
    await dispatch({ type: 'open-done', doc: { ...doc, frontMatter: { title: 'Estuary count' } } });
    expect(requests.map(([name]) => name)).toEqual(['seo:context']);
    expect(store.getState().seoContext).toBeNull();
  });
});
