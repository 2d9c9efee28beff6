// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { PostDocument, RepoSummary, SeoContext } from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { mediaUrl } from '../../../../renderer/api';
import { createStore } from '../../../../renderer/app/store';
import {
  createWorkspaceController,
  type Invoke,
  type WorkspaceController,
} from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import {
  initialWorkspaceState,
  workspaceReducer,
  type WorkspaceAction,
} from '../../../../renderer/app/workspace-state';
import { SeoTab } from '../../../../renderer/seo/SeoTab';
import { BODY_SETTLE_MS } from '../../../../renderer/seo/use-body-facts';
import { BODY_POLL_MS } from '../../../../renderer/seo/use-body-snapshot';
import { getByRole, mount, type Mounted } from '../dom';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

vi.mock('../../../../renderer/api', () => ({ on: vi.fn(() => () => undefined), mediaUrl: vi.fn() }));

const repo: RepoSummary = {
  path: '/home/ada/allotment',
  name: 'allotment',
  branch: 'main',
  collections: [{ id: collectionId('diary'), folder: repoFolder('content/diary'), label: 'Diary', postCount: 4 }],
};
const PATH = 'content/diary/first-frost.md';
const BODY = 'The dahlias went black overnight.\n\n![Frost on the cabbages](./frost.jpg)\n';
const post: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('diary'),
  format: 'yaml',
  frontMatter: { title: 'First frost', summary: 'What the cold took, and what it spared.', date: '2026-11-02' },
  body: BODY,
  version: 'v1',
};
const context: SeoContext = {
  siteUrl: 'https://allotment.example',
  displayUrl: null,
  otherPosts: [],
  existingPaths: [],
  mapping: {},
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
    if (name === 'media:info') return { width: 1600, height: 900, bytes: 180_000, format: 'jpg' };
    if (name === 'seo:set-mapping') return null;
    throw new Error(`unexpected request ${name}`);
  }) as Invoke);
  vi.mocked(mediaUrl).mockImplementation((postPath, src) => `masthead-media://repo/${postPath}/../${src}`);
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
});

async function render(options: { doc?: PostDocument | null; tab?: 'seo' | 'fields' } = {}) {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  let body = BODY;
  let revision = 0;
  const controller: WorkspaceController = {
    ...createWorkspaceController(store, { invoke: mockedInvoke, exportBody: () => null }),
    bodyRevision: () => revision,
    currentBody: () => body,
  };
  const doc = options.doc === undefined ? post : options.doc;
  if (doc) store.dispatch({ type: 'open-done', doc });
  store.dispatch({ type: 'tab', tab: options.tab ?? 'seo' });
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef: { current: null } }}>
      <SeoTab />
    </WorkspaceProvider>,
  );
  await act(async () => undefined);
  const dispatch = async (action: WorkspaceAction) => act(async () => store.dispatch(action));
  /** The writer types: the editor's body changes. */
  const type = (next: string) => {
    body = next;
    revision += 1;
  };
  return { container: mounted.container, store, dispatch, type };
}

const check = (container: HTMLElement, id: string) =>
  container.querySelector(`[data-check="${id}"]`)?.textContent ?? '';

/** The <select> a <label> names. */
function selectNamed(scope: HTMLElement, name: string): HTMLSelectElement {
  const label = Array.from(scope.querySelectorAll('label')).find((element) => element.textContent === name);
  const select = label && scope.ownerDocument.getElementById(label.htmlFor);
  if (!(select instanceof HTMLSelectElement)) throw new Error(`no select named ${name}`);
  return select;
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('SeoTab', () => {
  it('explains itself when there is no page to preview, and does nothing while hidden', async () => {
    const none = await render({ doc: null });
    expect(none.container.textContent).toBe('Open a post to see how it will look in search results and social cards.');
    await mounted?.unmount();

    const data = await render({ doc: { ...post, kind: 'data', path: 'data/plots.yml', body: '' } as PostDocument });
    expect(data.container.textContent).toBe(
      'A data file is not a page of its own, so it has no search or social previews.',
    );
    await mounted?.unmount();

    const hidden = await render({ tab: 'fields' });
    expect(hidden.container.textContent).toBe('');
    expect(requests).toEqual([]);
  });

  it('previews the open post, with its body image as the card image when no field names one', async () => {
    const { container } = await render();
    const panel = getByRole(container, 'region', 'SEO');
    expect(getByRole(panel, 'figure', 'Google result (desktop)').textContent).toContain('First frost');
    // The image comes from the body, so its size is asked of the back end.
    expect(requests).toEqual([['media:info', { post: PATH, src: './frost.jpg' }]]);
    expect(getByRole(panel, 'figure', 'X card (large image)').querySelector('img')?.getAttribute('src')).toBe(
      `masthead-media://repo/${PATH}/.././frost.jpg`,
    );
    // The size the back end reported is what the card checks judge.
    expect(check(container, 'image-og-size')).toContain('1600 × 900 px: sharp on Facebook and LinkedIn');
  });

  it('keeps the previews up with the body once the writer pauses', async () => {
    const { container, type } = await render();
    expect(check(container, 'body-stats')).toContain('5 words');
    type('The dahlias went black overnight, but the leeks stood firm.\n');
    await act(async () => void (await vi.advanceTimersByTimeAsync(BODY_POLL_MS)));
    expect(check(container, 'body-stats')).toContain('5 words');
    await act(async () => void (await vi.advanceTimersByTimeAsync(BODY_SETTLE_MS)));
    expect(check(container, 'body-stats')).toContain('10 words');
  });

  it('saves which field feeds a preview for the whole collection, and says when it cannot', async () => {
    const { container, store, dispatch } = await render();
    await dispatch({ type: 'seo-context', path: PATH, context });
    const editor = container.querySelector('details.seo-mapping') as HTMLElement;
    expect(editor.textContent).toContain('For every post in “Diary”.');
    const description = selectNamed(editor, 'Description');
    expect(Array.from(description.options).map((option) => option.value)).toEqual(['', 'title', 'summary', 'date']);
    await choose(description, 'summary');
    expect(requests.at(-1)).toEqual(['seo:set-mapping', { collection: 'diary', mapping: { description: 'summary' } }]);
    expect(store.getState().seoContext?.mapping).toEqual({ description: 'summary' });
    expect(description.value).toBe('summary');
    expect(getByRole(container, 'figure', 'Google result (desktop)').textContent).toContain(
      'What the cold took, and what it spared.',
    );

    // Back to Automatic drops the key.
    await choose(description, '');
    expect(requests.at(-1)).toEqual(['seo:set-mapping', { collection: 'diary', mapping: {} }]);

    mockedInvoke.mockImplementation((async (name: string) => {
      if (name === 'seo:set-mapping') throw new AppFailure({ code: 'io', message: 'The settings file is read-only.' });
      return { width: 1600, height: 900, bytes: 180_000, format: 'jpg' };
    }) as Invoke);
    await choose(selectNamed(editor, 'Title'), 'summary');
    expect(getByRole(editor, 'alert').textContent).toBe('The settings file is read-only.');
    expect(store.getState().seoContext?.mapping).toEqual({});
  });
});
