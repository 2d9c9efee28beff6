// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { PostDocument, RepoSummary, RequestArg, RequestName, RequestResult } from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { StatusBar } from '../../../../renderer/app/StatusBar';
import { createStore } from '../../../../renderer/app/store';
import { AUTOSAVE_DELAY_MS, createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import {
  initialWorkspaceState,
  workspaceReducer,
  type WorkspaceAction,
} from '../../../../renderer/app/workspace-state';
import { createToolsStore, ToolsContext } from '../../../../renderer/commands/tools-state';
import { allByRole, click, getByRole, mount, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/home/ada/field-notes', name: 'field-notes', branch: 'main', collections: [] };
const PATH = 'content/posts/moths-in-june.md';
const post: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Moths in June' },
  body: 'Forty species by midnight.\n',
  version: 'v1',
};

let mounted: Mounted | undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
});

async function render(options: { settings?: 'refuse' } = {}) {
  const requests: Array<[string, unknown]> = [];
  const invoke = vi.fn(async <K extends RequestName>(name: K, arg: RequestArg<K>): Promise<RequestResult<K>> => {
    requests.push([name, arg]);
    if (name === 'post:read') return post as RequestResult<K>;
    if (name === 'posts:list') return { version: '1', posts: [] } as RequestResult<K>;
    if (name === 'settings:set') {
      if (options.settings === 'refuse')
        throw new AppFailure({ code: 'io', message: 'The settings file is read-only.' });
      return { autosave: (arg as { autosave: boolean }).autosave } as RequestResult<K>;
    }
    if (name === 'post:save')
      return { version: 'v2', written: true, savedAt: '2026-06-12T22:00:00.000Z' } as RequestResult<K>;
    throw new Error(`unexpected request ${name}`);
  });
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const tools = createToolsStore();
  const controller = createWorkspaceController(store, {
    invoke,
    exportBody: () => 'Forty-one species by midnight.\n',
    journal: { enabled: false },
  });
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef: { current: null } }}>
      <ToolsContext.Provider value={tools}>
        <StatusBar />
      </ToolsContext.Provider>
    </WorkspaceProvider>,
  );
  const bar = getByRole(mounted.container, 'contentinfo', 'Status bar');
  const dispatch = async (action: WorkspaceAction) => act(async () => store.dispatch(action));
  const open = async () => act(async () => controller.requestOpen(PATH));
  const saveState = () => bar.querySelector('.status-bar__save')!.textContent;
  return { bar, store, tools, controller, requests, dispatch, open, saveState };
}

describe('StatusBar', () => {
  it('says nothing about saving until a post is open, then whether its words are on disk', async () => {
    const { bar, controller, dispatch, open, saveState } = await render();
    expect(saveState()).toBe('');
    expect(bar.textContent).not.toContain('words');
    await open();
    expect(saveState()).toBe('Saved');
    await act(async () => controller.editBody());
    expect(saveState()).toBe('Unsaved changes');
    await dispatch({ type: 'save-start' });
    expect(saveState()).toBe('Saving…');
    await dispatch({ type: 'save-failed', error: { code: 'io', message: 'The disk is full.' } });
    expect(saveState()).toBe('Not saved');
    expect(bar.querySelector('.status-bar__save')?.getAttribute('data-state')).toBe('failed');
  });

  it('counts the words of the post and the words selected', async () => {
    const { bar, tools, dispatch, open } = await render();
    await open();
    await dispatch({ type: 'words', words: 1 });
    expect(bar.textContent).toContain('1 word · 1 min read');
    await dispatch({ type: 'words', words: 1_150 });
    expect(bar.textContent).toContain('1,150 words · 5 min read');
    const selection = bar.querySelector<HTMLElement>('.status-bar__selection')!;
    expect(selection.hidden).toBe(true);
    await act(async () => tools.dispatch({ type: 'selection', counts: { words: 3, characters: 17 } }));
    expect(selection.hidden).toBe(false);
    expect(selection.textContent).toBe('3 words, 17 characters selected');
    await act(async () => tools.dispatch({ type: 'selection', counts: null }));
    expect(selection.hidden).toBe(true);
  });

  it('opens the outline, and takes the writer to fields that need attention', async () => {
    const { bar, store, tools, dispatch, open } = await render();
    await open();
    await click(getByRole(bar, 'button', 'Outline'));
    expect(tools.getState().palette).toBe('headings');
    expect(allByRole(bar, 'button', '2 fields need attention')).toHaveLength(0);
    await dispatch({ type: 'field-errors', count: 2 });
    await click(getByRole(bar, 'button', '2 fields need attention'));
    expect(store.getState().tab).toBe('fields');
  });

  it('shows no word count or outline for a data file', async () => {
    const { bar, store, dispatch } = await render();
    await dispatch({
      type: 'open-done',
      doc: {
        kind: 'data',
        path: 'data/authors.yml',
        collection: collectionId('authors'),
        format: 'yaml',
        frontMatter: { name: 'Ada' },
        body: '',
        version: 'v1',
      } as PostDocument,
    });
    expect(store.getState().post?.doc.kind).toBe('data');
    expect(bar.querySelector('.status-bar__save')?.textContent).toBe('Saved');
    expect(allByRole(bar, 'button', 'Outline')).toHaveLength(0);
    expect(bar.textContent).not.toContain('min read');
  });

  it('saves automatically a pause after an edit once the writer turns it on', async () => {
    const { bar, controller, requests, open, saveState } = await render();
    await open();
    const toggle = bar.querySelector<HTMLInputElement>('label.status-bar__autosave input[type="checkbox"]')!;
    expect(toggle.checked).toBe(false);
    await click(toggle);
    expect(requests.at(-1)).toEqual(['settings:set', { autosave: true }]);
    expect(toggle.checked).toBe(true);

    await act(async () => controller.editBody());
    await act(async () => void (await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100)));
    expect(requests.map(([name]) => name)).not.toContain('post:save');
    await act(async () => void (await vi.advanceTimersByTimeAsync(200)));
    expect(requests.find(([name]) => name === 'post:save')).toEqual([
      'post:save',
      {
        path: PATH,
        baseVersion: 'v1',
        frontMatter: { title: 'Moths in June' },
        body: 'Forty-one species by midnight.\n',
      },
    ]);
    expect(saveState()).toBe('Saved');
  });

  it('puts the switch back and says why when the setting cannot be kept', async () => {
    const { bar, open, saveState } = await render({ settings: 'refuse' });
    await open();
    const toggle = bar.querySelector<HTMLInputElement>('label.status-bar__autosave input[type="checkbox"]')!;
    await click(toggle);
    expect(toggle.checked).toBe(false);
    expect(saveState()).toBe('Not saved');
  });

  it('names the last published commit', async () => {
    const { bar, dispatch, open } = await render();
    await open();
    expect(bar.textContent).not.toContain('Last publish');
    await dispatch({ type: 'publish-start' });
    await dispatch({
      type: 'publish-done',
      stillDirty: false,
      result: {
        save: { version: 'v2', written: true, savedAt: '2026-06-12T22:00:00.000Z' },
        commit: '4f2a9c1d00000000000000000000000000000000',
        shortCommit: '4f2a9c1',
        committed: true,
        message: 'Publish: Moths in June',
        branch: 'main',
        upstream: 'origin/main',
      },
    });
    expect(bar.querySelector('code')?.textContent).toBe('4f2a9c1');
    expect(bar.textContent).toContain('Last publish 4f2a9c1');
  });
});
