// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { PostSummary, RepoSummary } from '../../../../shared/api';
import { createStore } from '../../../../renderer/app/store';
import type { WorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { PostList, REST_BEFORE_READ_MS, type ListPosition } from '../../../../renderer/library/PostList';
import { click, mount, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

// happy-dom lays nothing out: give the list a 520 px viewport and every row 52 px, as a browser would.
const VIEWPORT = 520;
const ROW = 52;
const restore: Array<() => void> = [];
function stubLayout(
  property: 'clientHeight' | 'clientWidth' | 'offsetHeight' | 'offsetWidth' | 'scrollHeight',
  value: (element: HTMLElement) => number,
) {
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
  stubLayout('clientHeight', (element) => (element.classList.contains('library__list') ? VIEWPORT : 0));
  stubLayout('clientWidth', (element) => (element.classList.contains('library__list') ? 260 : 0));
  stubLayout('offsetHeight', (element) => (element.tagName === 'LI' ? ROW : 0));
  stubLayout('offsetWidth', (element) => (element.tagName === 'LI' ? 260 : 0));
  stubLayout('scrollHeight', (element) => Number.parseFloat(element.querySelector('ul')?.style.height ?? '') || 0);
});
afterAll(() => restore.forEach((undo) => undo()));

const repo: RepoSummary = { path: '/tmp/docs', name: 'docs', branch: 'main', collections: [] };
const manyPosts: PostSummary[] = Array.from({ length: 10_000 }, (_, index) => ({
  path: `content/docs/page-${index + 1}.md`,
  collection: collectionId('docs'),
  title: `Page ${index + 1}`,
  date: null,
  draft: false,
}));

let mounted: Mounted | undefined;
// The virtualizer measures and draws on timers and animation frames: fake ones, advanced by hand.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
});
/** Lets the virtualizer measure the viewport and draw. */
const settle = () => act(async () => void (await vi.advanceTimersByTimeAsync(20)));

async function render(posts: PostSummary[], scrollMemory?: Map<string, ListPosition>) {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const requestOpen = vi.fn();
  const prefetchPost = vi.fn();
  const controller = { requestOpen, prefetchPost } as unknown as WorkspaceController;
  const tree = (key: string, search = '') => (
    <WorkspaceProvider value={{ store, controller, editorRef: { current: null } }}>
      <PostList
        key={key}
        posts={posts}
        scrollMemory={scrollMemory}
        scrollKey={search ? null : key}
        searchKey={search}
      />
    </WorkspaceProvider>
  );
  mounted = await mount(tree('docs'));
  await settle();
  const show = async (key: string, search = '') => {
    await mounted!.rerender(tree(key, search));
    await settle();
  };
  return { container: mounted.container, requestOpen, prefetchPost, store, show };
}

const rows = (container: HTMLElement) =>
  Array.from(container.querySelectorAll<HTMLLIElement>('ul[aria-label="Posts"] > li'));
const focusedRow = () => document.activeElement?.closest('li');
const press = async (key: string) => {
  await act(
    async () =>
      void document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
      ),
  );
  await settle();
};

describe('PostList with 10,000 posts', () => {
  it('draws only the rows in view, each saying where it stands in the whole list', async () => {
    const { container } = await render(manyPosts);
    const drawn = rows(container);
    expect(drawn.length).toBeGreaterThan(VIEWPORT / ROW - 1);
    expect(drawn.length).toBeLessThan(40);
    expect(drawn[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(drawn.map((row) => row.getAttribute('aria-posinset')).slice(0, 3)).toEqual(['1', '2', '3']);
    // The list is as tall as all its rows, so the scrollbar tells the truth.
    expect(container.querySelector<HTMLElement>('ul')!.style.height).toBe(`${10_000 * ROW + 9_999 + 4 + 16}px`);
  });

  it('walks the whole list from the keyboard, keeping the focused row drawn', async () => {
    const { container } = await render(manyPosts);
    const first = rows(container)[0]!.querySelector('button')!;
    expect(first.tabIndex).toBe(0);
    first.focus();
    await press('ArrowDown');
    expect(focusedRow()?.getAttribute('aria-posinset')).toBe('2');
    await press('PageDown');
    expect(Number(focusedRow()?.getAttribute('aria-posinset'))).toBe(2 + Math.floor(VIEWPORT / ROW - 1));
    await press('End');
    expect(focusedRow()?.getAttribute('aria-posinset')).toBe('10000');
    expect(document.activeElement?.textContent).toBe('Page 10000');
    await press('ArrowUp');
    expect(document.activeElement?.textContent).toBe('Page 9999');
    await press('Home');
    expect(document.activeElement?.textContent).toBe('Page 1');
    // Still only a window of rows in the DOM after the trip.
    expect(rows(container).length).toBeLessThan(40);
    // Only the focused row is a Tab stop.
    expect(container.querySelectorAll('button[tabindex="0"]')).toHaveLength(1);
  });

  it('opens a post on click and highlights the open post', async () => {
    const { container, requestOpen, store } = await render(manyPosts);
    await click(rows(container)[2]!.querySelector('button')!);
    expect(requestOpen).toHaveBeenCalledWith('content/docs/page-3.md');
    await act(async () =>
      store.dispatch({
        type: 'open-done',
        doc: {
          kind: 'post',
          path: 'content/docs/page-3.md',
          collection: collectionId('docs'),
          format: 'yaml',
          frontMatter: {},
          body: '',
          version: 'v1',
        },
      }),
    );
    expect(container.querySelector('[aria-current="page"]')?.textContent).toBe('Page 3');
  });

  it('reads a post ahead once the mouse rests on it or presses on it, not when it passes over', async () => {
    const { container, prefetchPost } = await render(manyPosts);
    const button = (index: number) => rows(container)[index]!.querySelector('button')!;
    const pointer = (target: Element, type: string, pointerType = 'mouse') =>
      act(async () => void target.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerType, button: 0 })));
    const wait = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

    // Passing over a row: in and out before the rest is up.
    await pointer(button(1), 'pointerover');
    await wait(REST_BEFORE_READ_MS - 20);
    await pointer(button(1), 'pointerout');
    await wait(200);
    expect(prefetchPost).not.toHaveBeenCalled();

    // Resting on a row.
    await pointer(button(2), 'pointerover');
    await wait(REST_BEFORE_READ_MS);
    expect(prefetchPost).toHaveBeenCalledTimes(1);
    expect(prefetchPost).toHaveBeenLastCalledWith('content/docs/page-3.md');

    // A finger on a touch screen reads on the press only.
    await pointer(button(4), 'pointerover', 'touch');
    await wait(200);
    expect(prefetchPost).toHaveBeenCalledTimes(1);
    await pointer(button(4), 'pointerdown', 'touch');
    expect(prefetchPost).toHaveBeenCalledTimes(2);
    expect(prefetchPost).toHaveBeenLastCalledWith('content/docs/page-5.md');
  });

  it('draws a translation below its sibling as part of the same entry', async () => {
    const translated: PostSummary[] = [
      {
        path: 'content/en/trout.md',
        collection: collectionId('blog'),
        title: 'Smoking Trout',
        date: '2026-02-01',
        draft: false,
        locale: 'en',
        translationKey: 'trout',
      },
      {
        path: 'content/de/trout.md',
        collection: collectionId('blog'),
        title: 'Forelle räuchern',
        date: '2026-02-01',
        draft: false,
        locale: 'de',
        translationKey: 'trout',
      },
      {
        path: 'content/en/kitchen.md',
        collection: collectionId('blog'),
        title: 'The Kitchen',
        date: null,
        draft: true,
        locale: 'en',
        translationKey: 'kitchen',
      },
    ];
    const { container } = await render(translated);
    expect(rows(container).map((row) => row.classList.contains('post-list__translation'))).toEqual([
      false,
      true,
      false,
    ]);
    expect(rows(container)[1]?.textContent).toContain('Forelle räuchern');
  });

  it('opens again where it was left', async () => {
    const memory = new Map<string, ListPosition>();
    const { container, show } = await render(manyPosts, memory);
    const scroller = () => container.querySelector<HTMLElement>('.library__list')!;
    await act(async () => {
      scroller().scrollTop = 200 * (ROW + 1);
      scroller().dispatchEvent(new Event('scroll'));
    });
    await settle();
    expect(rows(container).some((row) => row.textContent === 'Page 201')).toBe(true);
    // Away to another list (which starts at the top) and back.
    await show('other');
    expect(rows(container)[0]?.textContent).toBe('Page 1');
    await show('docs');
    expect(scroller().scrollTop).toBe(200 * (ROW + 1));
    expect(rows(container).some((row) => row.textContent === 'Page 201')).toBe(true);
    // Rows near the top are not drawn (but the first, the Tab stop, is kept for focus).
    expect(rows(container).some((row) => row.textContent === 'Page 2')).toBe(false);
  });

  it('starts a search at the top, and clearing it goes back to where the list was', async () => {
    const memory = new Map<string, ListPosition>();
    const { container, show } = await render(manyPosts, memory);
    const scroller = () => container.querySelector<HTMLElement>('.library__list')!;
    await act(async () => {
      scroller().scrollTop = 300 * (ROW + 1);
      scroller().dispatchEvent(new Event('scroll'));
    });
    await settle();
    await show('docs', 'page');
    expect(scroller().scrollTop).toBe(0);
    await show('docs', '');
    expect(scroller().scrollTop).toBe(300 * (ROW + 1));
  });
});

describe('PostList marks of unsaved work', () => {
  it('marks the open post while it has unsaved changes, and posts left with journalled edits', async () => {
    const posts = manyPosts.slice(0, 3);
    const { container, store } = await render(posts);
    const names = () => rows(container).map((row) => row.querySelector('button')!.textContent);
    const dispatch = (action: Parameters<typeof store.dispatch>[0]) => act(async () => store.dispatch(action));
    await dispatch({
      type: 'open-done',
      doc: {
        kind: 'post',
        path: posts[0]!.path,
        collection: posts[0]!.collection,
        format: 'yaml',
        frontMatter: { title: 'Page 1' },
        body: 'Text.\n',
        version: 'v1',
      },
    });
    expect(names()).toEqual(['Page 1', 'Page 2', 'Page 3']);

    await dispatch({ type: 'body-edited' });
    await dispatch({ type: 'journalled', path: posts[2]!.path, edited: true });
    expect(names()).toEqual(['Page 1, edited', 'Page 2', 'Page 3, edited']);

    await dispatch({ type: 'save-done', path: posts[0]!.path, version: 'v2', stillDirty: false });
    expect(names()).toEqual(['Page 1', 'Page 2', 'Page 3, edited']);
  });
});
