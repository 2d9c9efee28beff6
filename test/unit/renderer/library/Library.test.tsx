// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { CollectionSummary, PostSummary, RepoSummary } from '../../../../shared/api';
import type { ContentModel } from '../../../../shared/content/schema/types';
import { createStore } from '../../../../renderer/app/store';
import type { WorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import {
  initialWorkspaceState,
  workspaceReducer,
  type WorkspaceAction,
} from '../../../../renderer/app/workspace-state';
import { createToolsStore, ToolsContext } from '../../../../renderer/commands/tools-state';
import { Library } from '../../../../renderer/library/Library';
import { accessibleName, allByRole, click, getByRole, mount, typeInto, type Mounted } from '../dom';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

// happy-dom lays nothing out: give the post list a viewport and every row a height, as a browser would.
const restore: Array<() => void> = [];
function stubLayout(property: 'clientHeight' | 'offsetHeight', value: (element: HTMLElement) => number) {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, property);
  Object.defineProperty(HTMLElement.prototype, property, {
    configurable: true,
    get: function (this: HTMLElement) {
      return value(this);
    },
  });
  restore.push(() => original && Object.defineProperty(HTMLElement.prototype, property, original));
}
beforeAll(() => {
  stubLayout('clientHeight', (element) => (element.classList.contains('library__list') ? 400 : 0));
  stubLayout('offsetHeight', (element) => (element.tagName === 'LI' ? 40 : 0));
});
afterAll(() => restore.forEach((undo) => undo()));

const blog: CollectionSummary = {
  id: collectionId('blog'),
  folder: repoFolder('content/blog'),
  label: 'Blog',
  postCount: 2,
};
const walks: CollectionSummary = {
  id: collectionId('walks'),
  folder: repoFolder('content/walks'),
  label: 'Walks',
  postCount: 1,
};
const repo: RepoSummary = {
  path: '/home/ada/coastal-notes',
  name: 'coastal-notes',
  branch: 'main',
  collections: [blog, walks],
};
const posts: PostSummary[] = [
  {
    path: 'content/blog/tide-tables.md',
    collection: collectionId('blog'),
    title: 'Reading tide tables',
    date: '2026-02-11',
    draft: false,
  },
  {
    path: 'content/blog/storm-season.md',
    collection: collectionId('blog'),
    title: 'Storm season',
    date: '2026-01-03',
    draft: true,
  },
  {
    path: 'content/walks/cliff-path.md',
    collection: collectionId('walks'),
    title: 'The cliff path',
    date: null,
    draft: false,
  },
];
const model = (over: Partial<ContentModel> = {}): ContentModel =>
  ({
    source: 'decap',
    configPath: 'static/admin/config.yml',
    commitMessages: {},
    collections: [],
    problems: [],
    ...over,
  }) as ContentModel;

let mounted: Mounted | undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
});

async function render(summary: RepoSummary = repo) {
  const store = createStore(workspaceReducer, initialWorkspaceState(summary));
  const tools = createToolsStore();
  const requestOpen = vi.fn(async () => undefined);
  const controller = { requestOpen } as unknown as WorkspaceController;
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef: { current: null } }}>
      <ToolsContext.Provider value={tools}>
        <Library />
      </ToolsContext.Provider>
    </WorkspaceProvider>,
  );
  const dispatch = async (action: WorkspaceAction) => {
    await act(async () => store.dispatch(action));
    await settle();
  };
  return { container: mounted.container, store, tools, requestOpen, dispatch };
}

/** Lets the post list measure and draw (it works on timers and animation frames). */
const settle = () => act(async () => void (await vi.advanceTimersByTimeAsync(20)));
const titles = (scope: HTMLElement) =>
  Array.from(scope.querySelectorAll('ul[aria-label="Posts"] > li .post-item__title')).map((title) => title.textContent);
const library = (container: HTMLElement) => getByRole(container, 'navigation', 'Library');

describe('Library', () => {
  it('names the repository and branch, and says it is loading until the posts arrive', async () => {
    const { container, dispatch } = await render();
    const pane = library(container);
    expect(pane.querySelector('h1')?.textContent).toBe('coastal-notes');
    expect(pane.textContent).toContain('Branch main');
    expect(getByRole(pane, 'status').textContent).toBe('Loading posts…');
    await dispatch({
      type: 'sync',
      status: {
        branch: 'draft-spring',
        upstream: null,
        ahead: 0,
        behind: 0,
        waitingToPush: 0,
        lastFetchAt: null,
        problem: null,
      },
    });
    // The branch follows what git says now, not what it was when the repository was opened.
    expect(pane.textContent).toContain('Branch draft-spring');

    await dispatch({ type: 'posts-loaded', posts });
    expect(titles(pane)).toEqual(['Reading tide tables', 'Storm season', 'The cliff path']);
    expect(allByRole(pane, 'button').map(accessibleName)).toContain('Storm season, Jan 3, 2026, Draft');
  });

  it('narrows the list by search and by collection, and says when nothing matches', async () => {
    const { container, dispatch } = await render();
    await dispatch({ type: 'posts-loaded', posts });
    const pane = library(container);
    const search = getByRole(pane, 'textbox', 'Search posts');
    await typeInto(search, 'storm');
    await settle();
    expect(titles(pane)).toEqual(['Storm season']);
    await typeInto(search, 'lighthouse');
    await settle();
    expect(getByRole(pane, 'status').textContent).toBe('No posts match “lighthouse”.');
    await typeInto(search, '');
    await settle();

    await click(getByRole(pane, 'button', 'Walks, 1 posts'));
    await settle();
    expect(titles(pane)).toEqual(['The cliff path']);
  });

  it('shows the collection the command palette asks for', async () => {
    const { container, dispatch, tools } = await render();
    await dispatch({ type: 'posts-loaded', posts });
    await act(async () => tools.dispatch({ type: 'show-collection', id: collectionId('walks') }));
    await settle();
    expect(titles(library(container))).toEqual(['The cliff path']);
  });

  it('opens a post when its row is clicked', async () => {
    const { container, dispatch, requestOpen } = await render();
    await dispatch({ type: 'posts-loaded', posts });
    const row = Array.from(
      library(container).querySelectorAll<HTMLButtonElement>('ul[aria-label="Posts"] button'),
    ).find((button) => button.textContent?.startsWith('The cliff path'))!;
    await click(row);
    expect(requestOpen).toHaveBeenCalledWith('content/walks/cliff-path.md');
  });

  it('moves from the search field to the list with the down arrow', async () => {
    const { container, dispatch } = await render();
    await dispatch({ type: 'posts-loaded', posts });
    const search = getByRole(library(container), 'textbox', 'Search posts');
    search.focus();
    await act(
      async () =>
        void search.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true })),
    );
    expect(document.activeElement?.querySelector('.post-item__title')?.textContent).toBe('Reading tide tables');
  });

  it('explains an empty repository, an empty collection and a list that failed', async () => {
    const single = await render({ ...repo, collections: [{ ...blog, postCount: 0 }] });
    await single.dispatch({ type: 'posts-loaded', posts: [] });
    const pane = library(single.container);
    // One collection needs no picker: its name and count head the list.
    expect(pane.querySelector('h2')?.textContent).toBe('Blog 0');
    expect(pane.textContent).toContain('No posts yet. Masthead looks for Markdown files');
    await single.dispatch({
      type: 'posts-failed',
      error: { code: 'io', message: 'The content folder could not be read.' },
    });
    expect(getByRole(pane, 'alert').textContent).toBe('The content folder could not be read.');
    await mounted?.unmount();

    const { container, dispatch } = await render();
    await dispatch({ type: 'posts-loaded', posts: posts.filter((post) => post.collection === 'blog') });
    await click(getByRole(library(container), 'button', 'Walks, 1 posts'));
    await settle();
    expect(library(container).textContent).toContain('No posts in this collection yet.');
  });

  it('says while a post is being created, and why creating one failed', async () => {
    const { container, dispatch } = await render();
    await dispatch({ type: 'posts-loaded', posts });
    const pane = library(container);
    await dispatch({ type: 'create-start', title: 'Spring tides' });
    expect((getByRole(pane, 'button', 'Creating…') as HTMLButtonElement).disabled).toBe(true);
    await dispatch({ type: 'create-failed', error: { code: 'io', message: 'A post with that name already exists.' } });
    expect(getByRole(pane, 'alert').textContent).toBe(
      'Could not create the post: A post with that name already exists.',
    );
    expect((getByRole(pane, 'button', 'New post') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says where the fields come from, and lists config problems with file and line', async () => {
    const { container, dispatch } = await render();
    await dispatch({
      type: 'model-loaded',
      model: model({
        problems: [
          { severity: 'error', file: 'static/admin/config.yml', line: 14, message: 'Unknown widget "colour".' },
          { severity: 'warning', file: 'static/admin/config.yml', message: 'The "walks" collection has no fields.' },
        ],
      } as Partial<ContentModel>),
    });
    const pane = library(container);
    expect(pane.textContent).toContain('Fields from Decap CMS config static/admin/config.yml');
    expect(pane.querySelector('summary')?.textContent).toBe('1 problem in the config');
    expect(getByRole(pane, 'list', 'Config problems').textContent).toContain(
      'static/admin/config.yml:14 Unknown widget "colour".',
    );

    await dispatch({
      type: 'model-loaded',
      model: model({ source: 'inferred', configPath: null } as Partial<ContentModel>),
    });
    expect(pane.textContent).toContain('Fields inferred from your posts');
    expect(pane.querySelector('summary')).toBeNull();
  });

  it('folds away to a rail and comes back', async () => {
    const { container, store } = await render();
    await click(getByRole(container, 'button', 'Hide library'));
    expect(store.getState().libraryOpen).toBe(false);
    expect(allByRole(container, 'navigation', 'Library')).toHaveLength(0);
    const show = getByRole(container, 'button', 'Show library');
    expect(show.getAttribute('aria-expanded')).toBe('false');
    await click(show);
    expect(library(container)).toBeTruthy();
  });
});
