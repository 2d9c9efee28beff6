// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { PostDocument, PostVersionContent, PublishResult, RepoSummary } from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
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
import { PublishDiff } from '../../../../renderer/publish/PublishDiff';
import { getByRole, mount, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/home/ada/bakery', name: 'bakery', branch: 'main', collections: [] };
const PATH = 'content/posts/sourdough-starter.md';
const BODY = 'Feed the starter twice a day.\n\nKeep it somewhere warm.\n';
const doc: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Sourdough starter' },
  body: BODY,
  version: 'v1',
};

const mockedInvoke = vi.fn<Invoke>();
let committed: () => Promise<PostVersionContent | null>;
let requests: Array<[string, unknown]>;
let mounted: Mounted | undefined;

beforeEach(() => {
  requests = [];
  mockedInvoke.mockReset();
  mockedInvoke.mockImplementation((async (name: string, arg: unknown) => {
    requests.push([name, arg]);
    if (name === 'post:committed') return committed();
    if (name === 'media:added') return [];
    throw new Error(`unexpected request ${name}`);
  }) as Invoke);
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render() {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  store.dispatch({ type: 'open-done', doc });
  const controller: WorkspaceController = {
    ...createWorkspaceController(store, { invoke: mockedInvoke, exportBody: () => null }),
    bodyRevision: () => 0,
    currentBody: () => BODY,
  };
  const post = store.getState().post!;
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef: { current: null } }}>
      <PublishDiff post={post} />
    </WorkspaceProvider>,
  );
  const section = getByRole(mounted.container, 'region', 'Changes to publish');
  await act(async () => undefined);
  const dispatch = async (action: WorkspaceAction) => act(async () => store.dispatch(action));
  return { section, dispatch };
}

describe('PublishDiff', () => {
  it('shows the words that changed since the last commit', async () => {
    committed = async () => ({
      id: 'HEAD',
      frontMatter: { title: 'Starter' },
      body: 'Feed the starter once a day.\n\nKeep it somewhere warm.\n',
    });
    const { section } = await render();
    expect(requests[0]).toEqual(['post:committed', { path: PATH }]);
    const diff = getByRole(section, 'region', 'Changes since the last commit');
    expect(diff.querySelector('[aria-label="Changed fields"]')?.textContent).toMatch(
      /title:.*was Starter.*now Sourdough starter/,
    );
    expect(diff.querySelector('del.diff__removed')?.textContent).toBe('[removed: once]');
    expect(diff.querySelector('ins.diff__added')?.textContent).toBe('[added: twice]');
  });

  it('says while it compares, when there is nothing new, when the file is new, and when the commit cannot be read', async () => {
    committed = () => new Promise(() => undefined);
    expect(getByRole((await render()).section, 'status').textContent).toBe('Comparing with the last commit…');
    await mounted?.unmount();

    committed = async () => ({ id: 'HEAD', frontMatter: { title: 'Sourdough starter' }, body: BODY });
    expect((await render()).section.textContent).toContain(
      'Nothing changed since the last commit; publishing pushes what is already committed.',
    );
    await mounted?.unmount();

    committed = async () => null;
    expect((await render()).section.textContent).toContain(
      'This file has never been committed: publishing adds all of it.',
    );
    await mounted?.unmount();

    committed = async () => {
      throw new AppFailure({ code: 'git-failed', message: 'bad object' });
    };
    expect((await render()).section.textContent).toContain(
      'The last commit of this file could not be read, so the changes cannot be shown. Publishing still works.',
    );
  });

  it('compares again after a publish makes a new commit', async () => {
    committed = async () => ({ id: 'HEAD', frontMatter: { title: 'Starter' }, body: BODY });
    const { section, dispatch } = await render();
    expect(section.textContent).toContain('title:');
    committed = async () => ({ id: 'HEAD', frontMatter: { title: 'Sourdough starter' }, body: BODY });
    const result: PublishResult = {
      save: { version: 'v2', written: true, savedAt: '2026-05-02T07:00:00.000Z' },
      commit: '1a2b3c4d00000000000000000000000000000000',
      shortCommit: '1a2b3c4',
      committed: true,
      message: 'Publish: Sourdough starter',
      branch: 'main',
      upstream: 'origin/main',
    };
    await dispatch({ type: 'publish-start' });
    await dispatch({ type: 'publish-done', result, stillDirty: false });
    await act(async () => undefined);
    expect(requests.filter(([name]) => name === 'post:committed')).toHaveLength(2);
    expect(section.textContent).toContain('Nothing changed since the last commit');
  });
});
