// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { FrontMatterData, RepoSummary } from '../../../../shared/api';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController, type WorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { PublishPanel } from '../../../../renderer/publish/PublishPanel';
import { click, getByRole, mount, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';
import { fakeInvoke } from '../fake-backend';

const repo: RepoSummary = { path: '/tmp/blog', name: 'blog', branch: 'main', collections: [] };
let mounted: Mounted | undefined;

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render(frontMatter: FrontMatterData = { title: 'Rain' }) {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const publish = vi.fn(async () => undefined);
  const controller: WorkspaceController = {
    ...createWorkspaceController(store, {
      invoke: fakeInvoke((name) => (name === 'post:committed' ? null : [])),
      exportBody: () => null,
    }),
    publish,
    bodyRevision: () => 0,
    currentBody: () => '',
  };
  store.dispatch({
    type: 'open-done',
    doc: {
      kind: 'post',
      path: 'content/posts/rain.md',
      collection: collectionId('content/posts'),
      format: 'yaml',
      frontMatter,
      body: '',
      version: 'v1',
    },
  });
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef: { current: null } }}>
      <PublishPanel />
    </WorkspaceProvider>,
  );
  const dispatch = async (action: Parameters<typeof store.dispatch>[0]) => act(async () => store.dispatch(action));
  return { container: mounted.container, dispatch, publish, store };
}

describe('PublishPanel', () => {
  it('sums up, before publishing, what the field and SEO checks say, with the way to each', async () => {
    const { container, dispatch, store } = await render({ title: '', description: '' });
    await dispatch({ type: 'tab', tab: 'publish' });
    const summary = getByRole(container, 'region', 'Before publishing');
    expect(summary.textContent).toContain('Fields: all valid');
    // No title breaks the page (an SEO error); the empty description is advice (a warning).
    expect(summary.textContent).toMatch(/SEO: 1 error, \d+ warnings.*you will be asked to confirm/);
    await click(getByRole(summary, 'button', 'Show SEO checks'));
    expect(store.getState().tab).toBe('seo');
  });

  it('shows what will be committed and publishes on click', async () => {
    const { container, publish } = await render();
    expect(container.textContent).toContain('content/posts/rain.md');
    expect(container.textContent).toContain('Publish: Rain');
    await click(getByRole(container, 'button', 'Publish'));
    expect(publish).toHaveBeenCalledOnce();
  });

  it('shows progress and cannot be started twice', async () => {
    const { container, dispatch } = await render();
    await dispatch({ type: 'publish-start' });
    await dispatch({ type: 'publish-progress', stage: 'committing' });
    expect((getByRole(container, 'button', 'Publishing…') as HTMLButtonElement).disabled).toBe(true);
    expect(container.querySelector('[aria-current="step"]')?.textContent).toBe('Committing…');
  });

  it('announces success with the short commit', async () => {
    const { container, dispatch } = await render();
    await dispatch({ type: 'publish-start' });
    await dispatch({
      type: 'publish-done',
      stillDirty: false,
      result: {
        save: { version: 'v2', written: true, savedAt: '2026-03-01T10:00:00.000Z' },
        commit: 'abc1234def',
        shortCommit: 'abc1234',
        committed: true,
        message: 'Publish: Rain',
        branch: 'main',
        upstream: 'origin/main',
      },
    });
    const status = getByRole(container, 'status');
    expect(status.textContent).toContain('Published');
    expect(status.textContent).toContain('abc1234');
    expect(status.textContent).toContain('origin/main');
  });

  it('explains a failure and keeps the git output one click away', async () => {
    const { container, dispatch } = await render();
    await dispatch({ type: 'publish-start' });
    await dispatch({
      type: 'publish-failed',
      error: {
        code: 'git-auth',
        message: 'Git could not sign in to the remote.',
        detail: 'fatal: Authentication failed',
      },
    });
    const alert = getByRole(container, 'alert');
    expect(alert.textContent).toContain('Git could not sign in to the remote.');
    const detail = alert.querySelector('pre');
    expect(detail?.hidden).toBe(true);
    const toggle = getByRole(alert, 'button', 'Show details');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(detail?.hidden).toBe(false);
    expect(detail?.textContent).toBe('fatal: Authentication failed');
  });
});
