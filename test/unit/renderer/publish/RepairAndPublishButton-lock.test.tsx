// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { FrontMatterData, PostDocument, PublishResult, RepoSummary } from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController, type Invoke } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { PublishPanel } from '../../../../renderer/publish/PublishPanel';
import { allByRole, click, getByRole, mount, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

vi.mock('../../../../renderer/api', () => ({ on: vi.fn(() => () => undefined), mediaUrl: vi.fn() }));

const repo: RepoSummary = { path: '/home/ada/harbour-news', name: 'harbour-news', branch: 'main', collections: [] };
const PATH = 'content/posts/new-pontoon.md';
const BODY = 'The new pontoon opens on Saturday, with room for forty boats and a water tap at the far end.\n';
const doc = (frontMatter: FrontMatterData): PostDocument => ({
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter,
  body: BODY,
  version: 'v1',
});
const published = (over: Partial<PublishResult> = {}): PublishResult => ({
  save: { version: 'v2', written: false, savedAt: '2026-04-18T09:00:00.000Z' },
  commit: '9c3e5a7b00000000000000000000000000000000',
  shortCommit: '9c3e5a7',
  committed: true,
  message: 'Publish: The new pontoon',
  branch: 'main',
  upstream: 'origin/main',
  ...over,
});

const mockedInvoke = vi.fn<Invoke>();
let requests: string[];
let mounted: Mounted | undefined;
/** What the back end answers to each publish, in turn. */
let publishAnswers: Array<PublishResult | AppFailure>;
let removeLock: () => Promise<boolean>;

beforeEach(() => {
  requests = [];
  publishAnswers = [];
  removeLock = async () => true;
  mockedInvoke.mockReset();
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render(
  frontMatter: FrontMatterData = { title: 'The new pontoon', description: 'Forty berths and a water tap.' },
) {
  mockedInvoke.mockImplementation((async (name: string, arg: unknown) => {
    requests.push(name);
    if (name === 'post:read') return doc(frontMatter);
    if (name === 'post:publish') {
      const answer = publishAnswers.shift();
      if (!answer) throw new Error('no publish answer left');
      if (answer instanceof AppFailure) throw answer;
      return answer;
    }
    if (name === 'repo:remove-lock') return removeLock();
    if (name === 'post:committed') return { id: 'HEAD', frontMatter, body: BODY };
    if (name === 'posts:list') return { version: '1', posts: [] };
    if (name === 'media:added' || name === 'credentials:list') return [];
    if (name === 'repo:status')
      return {
        branch: 'main',
        upstream: 'origin/main',
        ahead: 0,
        behind: 0,
        waitingToPush: 0,
        lastFetchAt: null,
        problem: null,
      };
    throw new Error(`unexpected request ${name} ${JSON.stringify(arg)}`);
  }) as Invoke);
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
  return { panel: mounted.container, store };
}

const locked = new AppFailure({
  code: 'git-locked',
  message: 'Another git program is using this repository (.git/index.lock exists).',
});

describe('Remove the lock and publish', () => {
  it('is offered when a lock file stopped the publish, removes it, and publishes again', async () => {
    publishAnswers = [locked, published({ pushed: false })];
    const { panel } = await render();
    await click(getByRole(panel, 'button', 'Publish'));
    const notice = getByRole(panel, 'alert');
    expect(notice.textContent).toContain('Not published');
    expect(notice.textContent).toContain('.git/index.lock exists');

    await click(getByRole(notice, 'button', 'Remove the lock and publish'));
    expect(requests.filter((name) => ['post:publish', 'repo:remove-lock'].includes(name))).toEqual([
      'post:publish',
      'repo:remove-lock',
      'post:publish',
    ]);
    // Offline: the commit is made and waits to be pushed.
    const status = panel.querySelector('.publish__status')!;
    expect(status.textContent).toContain('Published locally 9c3e5a7 — will push when online.');
    expect(status.textContent).toContain('Masthead pushes it to origin/main by itself');
    expect(allByRole(panel, 'alert')).toHaveLength(0);
  });

  it('says why when the lock cannot be removed, and does not publish', async () => {
    publishAnswers = [locked];
    removeLock = async () => {
      throw new AppFailure({ code: 'git-locked', message: 'A git program is still running; wait for it to finish.' });
    };
    const { panel } = await render();
    await click(getByRole(panel, 'button', 'Publish'));
    await click(getByRole(panel, 'button', 'Remove the lock and publish'));
    expect(getByRole(panel, 'alert').textContent).toContain('A git program is still running; wait for it to finish.');
    expect(requests.filter((name) => name === 'post:publish')).toHaveLength(1);
    // Still offered, and not stuck on "Removing the lock…".
    expect((getByRole(panel, 'button', 'Remove the lock and publish') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('PublishPanel outcomes', () => {
  it('says when the post was already committed and only pushed, and how the branch caught up', async () => {
    publishAnswers = [published({ committed: false, caughtUp: 'Two posts from Ben were brought in first.' })];
    const { panel } = await render();
    await click(getByRole(panel, 'button', 'Publish'));
    const status = panel.querySelector('.publish__status')!;
    expect(status.textContent).toContain('Published 9c3e5a7 to origin/main (already committed; pushed only).');
    expect(status.textContent).toContain('Two posts from Ben were brought in first.');
  });

  it('holds a publish back on SEO errors until the writer chooses to publish anyway', async () => {
    publishAnswers = [published()];
    const { panel, store } = await render({ title: '' });
    await click(getByRole(panel, 'button', 'Publish'));
    expect(requests).not.toContain('post:publish');
    const blocked = getByRole(panel, 'alert');
    expect(blocked.textContent).toMatch(/Not published yet\. The SEO checks found an error/);
    await click(getByRole(blocked, 'button', 'Show SEO checks'));
    expect(store.getState().tab).toBe('seo');
    await act(async () => store.dispatch({ type: 'tab', tab: 'publish' }));
    await click(getByRole(panel, 'button', 'Publish anyway'));
    expect(requests).toContain('post:publish');
    expect(panel.querySelector('.publish__status')?.textContent).toContain('Published 9c3e5a7 to origin/main.');
  });
});
