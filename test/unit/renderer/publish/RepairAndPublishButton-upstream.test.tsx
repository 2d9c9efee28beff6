// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { PostDocument, PublishResult, RepoSummary, SyncStatus } from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController, type Invoke } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { PublishPanel } from '../../../../renderer/publish/PublishPanel';
import { click, getByRole, mount, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

vi.mock('../../../../renderer/api', () => ({ on: vi.fn(() => () => undefined), mediaUrl: vi.fn() }));

const repo: RepoSummary = { path: '/home/ada/choir', name: 'choir', branch: 'spring-concert', collections: [] };
const PATH = 'content/posts/spring-concert.md';
const BODY = 'We sing at St Mary’s on the first Saturday in May, doors at seven.\n';
const doc: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Spring concert', description: 'Doors at seven.' },
  body: BODY,
  version: 'v1',
};
const linked: SyncStatus = {
  branch: 'spring-concert',
  upstream: 'origin/spring-concert',
  ahead: 0,
  behind: 0,
  waitingToPush: 0,
  lastFetchAt: null,
  problem: null,
};
const result: PublishResult = {
  save: { version: 'v2', written: false, savedAt: '2026-04-01T18:00:00.000Z' },
  commit: '5d6e7f8a00000000000000000000000000000000',
  shortCommit: '5d6e7f8',
  committed: true,
  message: 'Publish: Spring concert',
  branch: 'spring-concert',
  upstream: 'origin/spring-concert',
};
const noUpstream = new AppFailure({
  code: 'git-no-upstream',
  message: 'The branch spring-concert does not track a branch on the remote yet.',
});

const mockedInvoke = vi.fn<Invoke>();
let requests: string[];
let publishAnswers: Array<PublishResult | AppFailure>;
let link: () => Promise<SyncStatus>;
let mounted: Mounted | undefined;

beforeEach(() => {
  requests = [];
  publishAnswers = [noUpstream, result];
  link = async () => linked;
  mockedInvoke.mockReset();
  mockedInvoke.mockImplementation((async (name: string) => {
    requests.push(name);
    if (name === 'post:read') return doc;
    if (name === 'post:publish') {
      const answer = publishAnswers.shift()!;
      if (answer instanceof AppFailure) throw answer;
      return answer;
    }
    if (name === 'repo:link-upstream') return link();
    if (name === 'post:committed') return null;
    if (name === 'posts:list') return { version: '1', posts: [] };
    if (name === 'media:added' || name === 'credentials:list') return [];
    if (name === 'repo:status') return linked;
    throw new Error(`unexpected request ${name}`);
  }) as Invoke);
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render() {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const controller = createWorkspaceController(store, {
    invoke: mockedInvoke,
    exportBody: () => BODY,
    journal: { enabled: false },
  });
  await controller.requestOpen(PATH);
  store.dispatch({ type: 'tab', tab: 'publish' });
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef: { current: null } }}>
      <PublishPanel />
    </WorkspaceProvider>,
  );
  await act(async () => undefined);
  requests.length = 0;
  await click(getByRole(mounted.container, 'button', 'Publish'));
  return { panel: mounted.container, store };
}

describe('Link branch and publish', () => {
  it('links a branch that tracks nothing and publishes again', async () => {
    const { panel, store } = await render();
    const notice = getByRole(panel, 'alert');
    expect(notice.textContent).toContain('does not track a branch on the remote yet');
    await click(getByRole(notice, 'button', 'Link branch and publish'));
    expect(requests.filter((name) => ['post:publish', 'repo:link-upstream'].includes(name))).toEqual([
      'post:publish',
      'repo:link-upstream',
      'post:publish',
    ]);
    expect(store.getState().sync?.upstream).toBe('origin/spring-concert');
    expect(panel.querySelector('.publish__status')?.textContent).toContain(
      'Published 5d6e7f8 to origin/spring-concert.',
    );
  });

  it('says why when the branch cannot be linked, and does not publish', async () => {
    link = async () => {
      throw new AppFailure({ code: 'git-offline', message: 'The remote could not be reached.' });
    };
    const { panel } = await render();
    await click(getByRole(panel, 'button', 'Link branch and publish'));
    expect(getByRole(panel, 'alert').textContent).toContain('The remote could not be reached.');
    expect(requests.filter((name) => name === 'post:publish')).toHaveLength(1);
  });
});
