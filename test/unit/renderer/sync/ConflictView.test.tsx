// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type {
  PendingMerge,
  PostDocument,
  PublishResult,
  RepoSummary,
  RequestArg,
  RequestName,
  RequestResult,
} from '../../../../shared/api';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { PublishPanel } from '../../../../renderer/publish/PublishPanel';
import { ConflictView } from '../../../../renderer/sync/ConflictView';
import { createSyncController } from '../../../../renderer/sync/sync-controller';
import { SyncProvider } from '../../../../renderer/sync/SyncContext';
import { allByRole, click, getByRole, mount, typeInto, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/tmp/harbour', name: 'harbour', branch: 'main', collections: [] };
const PATH = 'content/posts/2026-03-14-harbour-meetup.md';
const doc = (version: string, body: string): PostDocument => ({
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Harbour Meetup' },
  body,
  version,
});
const pending: PendingMerge = {
  path: PATH,
  conflicts: [
    {
      id: 'field:title',
      kind: 'field',
      label: 'Field “Title”',
      base: 'Harbour Meetup',
      mine: 'Harbour Meetup 2026',
      theirs: 'The Harbour Meetup',
    },
    {
      id: 'block:2',
      kind: 'block',
      label: 'Paragraph 2 (“We met…”)',
      base: 'We met.',
      mine: 'We met at six.',
      theirs: '',
    },
  ],
  merged: ['Paragraph 4 (“Next time…”) changed by others', 'Field “Tags” changed by others'],
};
const result: PublishResult = {
  save: { version: 'v9', written: true, savedAt: '2026-03-14T18:00:00.000Z' },
  commit: 'abc1234abc1234abc1234abc1234abc1234abc12',
  shortCommit: 'abc1234',
  committed: true,
  message: 'Publish: Harbour Meetup',
  branch: 'main',
  upstream: 'origin/main',
};

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render() {
  const calls: { name: RequestName; arg: unknown }[] = [];
  const handlers: { [K in RequestName]?: (arg: RequestArg<K>) => Promise<RequestResult<K>> } = {
    'post:read': async () =>
      calls.some((call) => call.name === 'post:resolve-merge')
        ? doc('v9', 'We met at six, by the quay.\n')
        : doc('v1', 'We met.\n'),
    'post:merge': async () => pending,
    'post:resolve-merge': async () => result,
    'post:cancel-merge': async () => null,
    'posts:list': async () => ({ version: '1', posts: [] }),
    'repo:status': async () => ({ branch: 'main', upstream: 'origin/main', ahead: 0, behind: 0 }),
    'journal:discard': async () => null,
    'journal:write': async () => null,
  };
  const invoke = vi.fn(async <K extends RequestName>(name: K, arg: RequestArg<K>): Promise<RequestResult<K>> => {
    calls.push({ name, arg });
    const handler = handlers[name] as ((arg: RequestArg<K>) => Promise<RequestResult<K>>) | undefined;
    if (!handler) throw new Error(`unexpected request ${name}`);
    return handler(arg);
  });
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const controller = createWorkspaceController(store, { invoke, exportBody: () => 'We met at six.\n' });
  const sync = createSyncController({ workspace: store, controller, invoke, editorRef: { current: null } });
  await controller.requestOpen(PATH);
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef: { current: null } }}>
      <SyncProvider value={sync}>
        <main id="page">
          <div className="page" data-testid="page">
            The editor
          </div>
          <ConflictView />
        </main>
        <PublishPanel />
      </SyncProvider>
    </WorkspaceProvider>,
  );
  await act(async () => sync.openMerge(PATH));
  const view = () => mounted!.container.querySelector<HTMLElement>('section.conflicts');
  const card = (label: string) => getByRole(view()!, 'group', label);
  return { container: mounted.container, view, card, calls, store, sync, controller };
}

describe('the conflict view', () => {
  it('shows each clash side by side — theirs · mine — and what merged on its own, over the page', async () => {
    const { view, card, container } = await render();
    expect(view()?.getAttribute('aria-labelledby')).toBe('conflicts-title');
    expect(view()?.textContent).toContain('You both changed 2 places.');
    const merged = getByRole(view()!, 'region', undefined);
    expect(Array.from(merged.querySelectorAll('li')).map((item) => item.textContent?.trim())).toEqual(pending.merged);
    const title = card('Field “Title”');
    const sides = Array.from(title.querySelectorAll('figure')).map((figure) => figure.textContent);
    expect(sides).toEqual(['TheirsThe Harbour Meetup', 'MineHarbour Meetup 2026']);
    // A side that deleted the paragraph says so.
    expect(card('Paragraph 2 (“We met…”)').querySelector('figure')?.textContent).toBe('TheirsDeleted');
    // The page underneath is out of reach while the view lies over it.
    expect((container.querySelector('[data-testid="page"]') as HTMLElement).inert).toBe(true);
  });

  it('publishes only once every clash has an answer, sending each choice; Edit starts from mine', async () => {
    const { view, card, calls, store, container } = await render();
    const publish = getByRole(view()!, 'button', 'Publish merged');
    expect(publish).toHaveProperty('disabled', true);
    expect(view()?.textContent).toContain('0 of 2 chosen');

    await click(getByRole(card('Field “Title”'), 'button', 'Use theirs'));
    expect(getByRole(card('Field “Title”'), 'button', 'Use theirs').getAttribute('aria-pressed')).toBe('true');
    await click(getByRole(card('Field “Title”'), 'button', 'Use mine'));
    expect(getByRole(card('Field “Title”'), 'button', 'Use theirs').getAttribute('aria-pressed')).toBe('false');

    await click(getByRole(card('Paragraph 2 (“We met…”)'), 'button', 'Edit'));
    const textarea = card('Paragraph 2 (“We met…”)').querySelector('textarea')!;
    expect(textarea.value).toBe('We met at six.');
    await typeInto(textarea, 'We met at six, by the quay.');
    expect(view()?.textContent).toContain('2 of 2 chosen');
    expect(publish).toHaveProperty('disabled', false);

    await click(publish);
    await vi.waitFor(() => expect(view()).toBeNull());
    expect(calls.find((call) => call.name === 'post:resolve-merge')?.arg).toEqual({
      path: PATH,
      choices: { 'field:title': 'mine', 'block:2': { text: 'We met at six, by the quay.' } },
    });
    // The editor then holds the published text, and the Publish tab says it was published.
    expect(store.getState().post?.doc).toMatchObject({ version: 'v9', body: 'We met at six, by the quay.\n' });
    expect(container.textContent).toContain('Published abc1234 to origin/main.');
    expect((container.querySelector('[data-testid="page"]') as HTMLElement).inert).toBe(false);
  });

  it('cancels, keeping the writer’s version as unsaved changes, and says so in the Publish tab', async () => {
    const { view, calls, store, container, controller } = await render();
    controller.editBody();
    await click(getByRole(view()!, 'button', 'Cancel — keep my version as a draft'));
    await vi.waitFor(() => expect(view()).toBeNull());
    expect(calls.map((call) => call.name)).toContain('post:cancel-merge');
    expect(calls.map((call) => call.name)).not.toContain('post:resolve-merge');
    expect(store.getState().dirty).toBe(true);
    expect(container.textContent).toContain('Not published: your version is kept as unsaved changes.');
  });

  it('names every control, and each clash’s choices are reachable by keyboard', async () => {
    const { view } = await render();
    const buttons = allByRole(view()!, 'button');
    expect(buttons.every((button) => (button.textContent ?? '').trim() !== '')).toBe(true);
    expect(buttons.map((button) => button.textContent?.trim())).toEqual([
      'Use theirs',
      'Use mine',
      'Edit',
      'Use theirs',
      'Use mine',
      'Edit',
      'Publish merged',
      'Cancel — keep my version as a draft',
    ]);
    expect(buttons.every((button) => button.tagName === 'BUTTON' && button.tabIndex >= 0)).toBe(true);
  });
});

describe('the Publish tab after a publish', () => {
  it('says "Published locally — will push when online" when the push is queued, and shows a catch-up calmly', async () => {
    const { store, container } = await render();
    await act(async () =>
      store.dispatch({ type: 'publish-done', result: { ...result, pushed: false }, stillDirty: false }),
    );
    expect(container.querySelector('.publish__status')?.textContent).toContain(
      'Published locally abc1234 — will push when online.',
    );
    await act(async () =>
      store.dispatch({
        type: 'publish-done',
        result: { ...result, caughtUp: 'Others had pushed 2 changes first; they are merged in.' },
        stillDirty: false,
      }),
    );
    const status = container.querySelector('.publish__status')?.textContent ?? '';
    expect(status).toContain('Published abc1234 to origin/main.');
    expect(status).toContain('Others had pushed 2 changes first; they are merged in.');
    expect(status).not.toContain('Published locally');
  });
});
