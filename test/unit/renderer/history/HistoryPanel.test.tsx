// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { LexicalEditor } from 'lexical';
import type { PostDocument, PostVersion, PostVersionContent, RepoSummary } from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { loadDocument, saveDocument } from '../../../../shared/document';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController, type Invoke } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import {
  initialWorkspaceState,
  workspaceReducer,
  type WorkspaceAction,
} from '../../../../renderer/app/workspace-state';
import { HistoryPanel } from '../../../../renderer/history/HistoryPanel';
import { BODY_POLL_MS } from '../../../../renderer/seo/use-body-snapshot';
import { accessibleName, allByRole, click, getByRole, mount, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

vi.mock('../../../../renderer/api', () => ({ on: vi.fn(() => () => undefined), mediaUrl: vi.fn() }));

const repo: RepoSummary = { path: '/home/ada/lighthouse', name: 'lighthouse', branch: 'main', collections: [] };
const PATH = 'content/posts/keepers-log.md';
const NOW_BODY = 'The lamp was lit at dusk.\n\nA gale came in from the west overnight.\n';
const OLD_BODY = 'The lamp was lit at dusk.\n\nA calm night.\n';
const doc: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Keeper’s log' },
  body: NOW_BODY,
  version: 'v2',
};

const versions: PostVersion[] = [
  { kind: 'save', id: 'local-1', date: '2026-03-14T09:30:00.000Z', role: 'written' },
  {
    kind: 'commit',
    id: 'c-2',
    date: '2019-06-01T08:00:00.000Z',
    commit: 'b7e1c0ffee00000000000000000000000000abcd',
    shortCommit: 'b7e1c0f',
    author: 'Ada',
    message: 'First night at the light',
    path: 'content/posts/keeper.md',
  },
];
const contents: Record<string, PostVersionContent> = {
  'local-1': { id: 'local-1', frontMatter: { title: 'Keeper’s log' }, body: NOW_BODY },
  'c-2': { id: 'c-2', frontMatter: { title: 'Keeper’s diary' }, body: OLD_BODY },
};

const mockedInvoke = vi.fn<Invoke>();
let mounted: Mounted | undefined;
let requests: Array<[string, unknown]>;

beforeEach(() => {
  requests = [];
  mockedInvoke.mockReset();
  mockedInvoke.mockImplementation((async (name: string, arg: unknown) => {
    requests.push([name, arg]);
    if (name === 'post:read') return doc;
    if (name === 'post:history') return versions;
    if (name === 'post:version') {
      const id = (arg as { id: string }).id;
      if (id === 'missing') throw new AppFailure({ code: 'io', message: 'That commit is gone.' });
      return contents[id];
    }
    throw new Error(`unexpected request ${name}`);
  }) as Invoke);
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render(options: { tab?: 'history' | 'fields'; open?: boolean } = {}) {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const editorRef: { current: LexicalEditor | null } = { current: loadDocument(NOW_BODY) };
  const controller = createWorkspaceController(store, {
    invoke: mockedInvoke,
    exportBody: () => (editorRef.current ? saveDocument(editorRef.current) : null),
    journal: { enabled: false },
  });
  if (options.open !== false) await controller.requestOpen(PATH);
  store.dispatch({ type: 'tab', tab: options.tab ?? 'history' });
  // Only what the panel asks for counts below.
  requests.length = 0;
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef }}>
      <HistoryPanel />
    </WorkspaceProvider>,
  );
  // Let the history request resolve.
  await act(async () => undefined);
  const dispatch = async (action: WorkspaceAction) => act(async () => store.dispatch(action));
  return { panel: mounted.container, store, editorRef, controller, dispatch };
}

const radios = (panel: HTMLElement) => Array.from(panel.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
const rowText = (radio: HTMLInputElement) => (radio.closest('label')?.textContent ?? '').replace(/\s+/g, ' ');

describe('HistoryPanel', () => {
  it('asks to open a post when none is open', async () => {
    const { panel } = await render({ open: false });
    expect(panel.textContent).toBe('Open a post to see its versions.');
    expect(requests).toEqual([]);
  });

  it('reads nothing while the tab is hidden, and lists the versions once shown', async () => {
    const { panel, dispatch } = await render({ tab: 'fields' });
    expect(requests).toEqual([]);
    await dispatch({ type: 'tab', tab: 'history' });
    await act(async () => undefined);
    expect(requests).toEqual([['post:history', { path: PATH }]]);
    expect(getByRole(panel, 'group', 'Versions')).toBeTruthy();
    const [local, commit] = radios(panel);
    expect(rowText(local!)).toContain('Saved on this computer');
    expect(rowText(local!)).toContain('not committed');
    // A commit names its author and short hash, and the older file name after a rename.
    expect(rowText(commit!)).toMatch(/First night at the light.*Ada · .*2019.* · b7e1c0f · as keeper\.md/);
    expect(panel.textContent).toContain('Choose a version to see what changed since');
  });

  it('shows what changed since a commit, in words, and restores it as an unsaved edit', async () => {
    const { panel, store, editorRef } = await render();
    await act(async () => radios(panel)[1]!.click());
    expect(requests.at(-1)).toEqual(['post:version', { path: PATH, id: 'c-2' }]);
    const detail = getByRole(panel, 'region', 'Chosen version');
    expect(detail.querySelector('h3')?.textContent).toBe('Changes since this version');
    const diff = getByRole(detail, 'region', 'Changes since commit b7e1c0f');
    expect(diff.querySelector('[aria-label="Changed fields"]')?.textContent).toMatch(
      /title:.*Keeper’s diary.*Keeper’s log/,
    );
    expect(diff.querySelector('del.diff__removed')?.textContent).toContain('calm');
    expect(diff.querySelector('ins.diff__added')?.textContent).toContain('gale');

    await click(getByRole(detail, 'button', 'Restore this version'));
    expect(saveDocument(editorRef.current!)).toBe(OLD_BODY);
    expect(store.getState().post?.frontMatter).toEqual({ title: 'Keeper’s diary' });
    expect(store.getState().dirty).toBe(true);
    expect(getByRole(detail, 'status').textContent).toBe(
      'Restored as an unsaved edit. Save to keep it; the file is unchanged until then.',
    );
    // Restoring writes nothing: no save, no commit.
    expect(requests.map(([name]) => name)).toEqual(['post:history', 'post:version']);
  });

  it('says when a version reads the same as the text now, and offers no restore', async () => {
    const { panel } = await render();
    await act(async () => radios(panel)[0]!.click());
    const detail = getByRole(panel, 'region', 'Chosen version');
    expect(detail.querySelector('h3')?.textContent).toBe('Same as your text now');
    expect(detail.textContent).toMatch(/Your text reads the same as the local save of /);
    expect((getByRole(detail, 'button', 'Restore this version') as HTMLButtonElement).disabled).toBe(true);
  });

  it('follows the writer’s edits while a version is shown', async () => {
    vi.useFakeTimers();
    try {
      const { panel, editorRef, controller } = await render();
      await act(async () => radios(panel)[0]!.click());
      const detail = getByRole(panel, 'region', 'Chosen version');
      expect(detail.querySelector('h3')?.textContent).toBe('Same as your text now');
      editorRef.current = loadDocument(`${NOW_BODY}\nThe keeper slept at noon.\n`);
      await act(async () => controller.editBody());
      await act(async () => void (await vi.advanceTimersByTimeAsync(BODY_POLL_MS)));
      expect(detail.querySelector('h3')?.textContent).toBe('Changes since this version');
      expect(detail.querySelector('.diff ins.diff__added')?.textContent).toContain('The keeper slept at noon.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when the list or a version cannot be read', async () => {
    mockedInvoke.mockImplementation((async (name: string) => {
      if (name === 'post:read') return doc;
      if (name === 'post:history')
        throw new AppFailure({ code: 'git-failed', message: 'git log failed.', detail: 'fatal: bad object HEAD' });
      throw new Error(`unexpected request ${name}`);
    }) as Invoke);
    const broken = await render();
    expect(broken.panel.textContent).toContain('The history could not be read');
    expect(broken.panel.textContent).toContain('git log failed.');
    const details = getByRole(broken.panel, 'button', 'Show details');
    expect(broken.panel.querySelector('pre')?.hidden).toBe(true);
    await click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(broken.panel.querySelector('pre')?.hidden).toBe(false);
    expect(broken.panel.querySelector('pre')?.textContent).toBe('fatal: bad object HEAD');
    await mounted?.unmount();

    mockedInvoke.mockImplementation((async (name: string) => {
      if (name === 'post:read') return doc;
      if (name === 'post:history') return [{ ...versions[1]!, id: 'missing' }];
      if (name === 'post:version') throw new AppFailure({ code: 'io', message: 'That commit is gone.' });
      throw new Error(`unexpected request ${name}`);
    }) as Invoke);
    const { panel } = await render();
    await act(async () => radios(panel)[0]!.click());
    expect(panel.textContent).toContain('This version could not be read');
    expect(panel.textContent).toContain('That commit is gone.');
    expect(allByRole(panel, 'button').map(accessibleName)).not.toContain('Restore this version');
  });

  it('invites a first save when the post has no versions yet', async () => {
    mockedInvoke.mockImplementation((async (name: string) => (name === 'post:read' ? doc : [])) as Invoke);
    const { panel } = await render();
    expect(panel.textContent).toContain('No versions yet.');
  });

  it('reads the list again after a save gives the file a new version', async () => {
    const { store, dispatch } = await render();
    expect(requests).toHaveLength(1);
    await dispatch({ type: 'save-start' });
    await dispatch({ type: 'save-done', path: PATH, version: 'v3', stillDirty: false });
    await act(async () => undefined);
    expect(store.getState().post?.doc.version).toBe('v3');
    expect(requests).toEqual([
      ['post:history', { path: PATH }],
      ['post:history', { path: PATH }],
    ]);
  });
});
