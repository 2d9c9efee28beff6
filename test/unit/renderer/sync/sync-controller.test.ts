import { describe, expect, it, vi } from 'vitest';
import type {
  PendingMerge,
  PostDocument,
  PublishResult,
  RepoSummary,
  RequestArg,
  RequestName,
  RequestResult,
  SyncStatus,
} from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { createSyncController } from '../../../../renderer/sync/sync-controller';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/tmp/harbour', name: 'harbour', branch: 'main', collections: [] };
const PATH = 'content/posts/2026-03-14-harbour-meetup.md';
const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  branch: 'main',
  upstream: 'origin/main',
  ahead: 0,
  behind: 0,
  waitingToPush: 0,
  lastFetchAt: null,
  problem: null,
  ...over,
});
const doc = (version: string, body: string, over: Partial<PostDocument> = {}): PostDocument => ({
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Harbour Meetup' },
  body,
  version,
  ...over,
});
const published = (version: string): PublishResult => ({
  save: { version, written: true, savedAt: '2026-03-14T18:00:00.000Z' },
  commit: 'c0ffee1234567890c0ffee1234567890c0ffee12',
  shortCommit: 'c0ffee1',
  committed: true,
  message: 'Publish: Harbour Meetup',
  branch: 'main',
  upstream: 'origin/main',
});

type Handlers = { [K in RequestName]?: (arg: RequestArg<K>) => Promise<RequestResult<K>> };

function setup(handlers: Handlers, options: { body?: () => string } = {}) {
  const calls: { name: RequestName; arg: unknown }[] = [];
  const invoke = vi.fn(async <K extends RequestName>(name: K, arg: RequestArg<K>): Promise<RequestResult<K>> => {
    calls.push({ name, arg });
    const handler = handlers[name] as ((arg: RequestArg<K>) => Promise<RequestResult<K>>) | undefined;
    if (!handler) throw new Error(`unexpected request ${name}`);
    return handler(arg);
  });
  const workspace = createStore(workspaceReducer, initialWorkspaceState(repo));
  const controller = createWorkspaceController(workspace, {
    invoke,
    exportBody: options.body ?? (() => 'The quay was busy.\n'),
    journal: { whenIdle: (callback) => callback(), idleMs: 1, maxWaitMs: 1 },
  });
  let clock = 1_000_000;
  const sync = createSyncController({
    workspace,
    controller,
    invoke,
    editorRef: { current: null },
    focusFetchIntervalMs: 60_000,
    now: () => clock,
  });
  return {
    workspace,
    controller,
    sync,
    calls,
    names: () => calls.map((call) => call.name),
    tick: (ms: number) => (clock += ms),
  };
}

const base: Handlers = {
  'posts:list': async () => ({ version: '1', posts: [] }),
  'repo:status': async () => status(),
  'journal:write': async () => null,
  'journal:discard': async () => null,
};

describe('sync controller', () => {
  it('fetches when the window regains focus at most once a minute, reading the local status in between', async () => {
    const { sync, workspace, names, tick } = setup({ ...base, 'repo:fetch': async () => status({ behind: 3 }) });
    await sync.fetchOnFocus();
    expect(workspace.getState().sync?.behind).toBe(3);
    await sync.fetchOnFocus();
    tick(59_000);
    await sync.fetchOnFocus();
    expect(names().filter((name) => name === 'repo:fetch')).toHaveLength(1);
    expect(names().filter((name) => name === 'repo:status')).toHaveLength(2);
    tick(2_000);
    await sync.fetchOnFocus();
    expect(names().filter((name) => name === 'repo:fetch')).toHaveLength(2);
  });

  it('never starts a second fetch while one is on its way', async () => {
    let release: (value: SyncStatus) => void = () => undefined;
    const { sync, names, tick } = setup({ ...base, 'repo:fetch': () => new Promise((resolve) => (release = resolve)) });
    const first = sync.fetchOnFocus();
    tick(120_000);
    await sync.fetchOnFocus();
    release(status());
    await first;
    expect(names().filter((name) => name === 'repo:fetch')).toHaveLength(1);
  });

  it('falls back to the local status when the remote cannot be fetched', async () => {
    const { sync, workspace } = setup({
      ...base,
      'repo:fetch': async () => {
        throw new AppFailure({ code: 'git-offline', message: 'The remote could not be reached.' });
      },
      'repo:status': async () => status({ ahead: 1 }),
    });
    await sync.fetchOnFocus();
    expect(workspace.getState().sync?.ahead).toBe(1);
  });

  it('syncs once per press, shows the new status and what it did, and refreshes the library', async () => {
    let release: () => void = () => undefined;
    const { sync, workspace, names } = setup({
      ...base,
      'repo:sync': () =>
        new Promise(
          (resolve) => (release = () => resolve({ status: status(), message: '3 changes from others pulled' })),
        ),
    });
    workspace.dispatch({ type: 'sync', status: status({ behind: 3 }) });
    const running = sync.sync();
    expect(sync.store.getState().syncing).toBe(true);
    await sync.sync();
    release();
    await running;
    expect(names().filter((name) => name === 'repo:sync')).toHaveLength(1);
    expect(workspace.getState().sync?.behind).toBe(0);
    expect(sync.store.getState()).toMatchObject({
      syncing: false,
      outcome: '3 changes from others pulled',
      error: null,
    });
    expect(names()).toContain('posts:list');
  });

  it('keeps a failed Sync’s reason for the status bar, and the next press tries again', async () => {
    const results = [
      new AppFailure({ code: 'git-offline', message: 'The remote could not be reached.' }),
      { status: status(), message: 'Pushed 1 post' },
    ];
    const { sync } = setup({
      ...base,
      'repo:sync': async () => {
        const next = results.shift();
        if (next instanceof Error) throw next;
        return next!;
      },
    });
    await sync.sync();
    expect(sync.store.getState().error).toMatchObject({ code: 'git-offline' });
    await sync.sync();
    expect(sync.store.getState()).toMatchObject({ error: null, outcome: 'Pushed 1 post' });
  });

  it('takes the status the back end reports on its own (a queued push landed)', () => {
    const { sync, workspace } = setup(base);
    sync.statusChanged(status({ waitingToPush: 0, ahead: 0 }));
    expect(workspace.getState().sync).toEqual(status());
  });

  it('reloads the open post when its file changed on disk and it has no unsaved edits; ignores its own saves', async () => {
    const versions = [
      doc('v1', 'The quay was busy.\n'),
      doc('v1', 'The quay was busy.\n'),
      doc('v2', 'The quay was busy. Then it rained.\n'),
    ];
    const { sync, controller, workspace, names } = setup({ ...base, 'post:read': async () => versions.shift()! });
    await controller.requestOpen(PATH);
    const session = workspace.getState().post?.session;
    expect(await sync.filesChanged([PATH])).toBe('unchanged');
    expect(workspace.getState().post?.session).toBe(session);
    expect(await sync.filesChanged(['content/posts/other.md', PATH])).toBe('reloaded');
    expect(workspace.getState().post?.doc).toMatchObject({
      version: 'v2',
      body: 'The quay was busy. Then it rained.\n',
    });
    expect(workspace.getState().dirty).toBe(false);
    // Another post changing only refreshes the library.
    const reads = names().filter((name) => name === 'post:read').length;
    expect(await sync.filesChanged(['content/posts/other.md'])).toBeNull();
    expect(names().filter((name) => name === 'post:read')).toHaveLength(reads);
    expect(names().filter((name) => name === 'posts:list').length).toBeGreaterThanOrEqual(3);
  });

  it('journals unsaved edits before reading a changed post, so the back end merges them in; nothing is overwritten', async () => {
    const merged = doc('v2', 'Their line.\n', {
      recovered: {
        state: 'merged',
        editedAt: '2026-03-14T17:00:00.000Z',
        frontMatter: { title: 'Harbour Meetup' },
        body: 'Their line.\n\nMy line.\n',
      },
    });
    const reads = [doc('v1', 'Start.\n'), merged];
    const { sync, controller, workspace, calls } = setup(
      { ...base, 'post:read': async () => reads.shift()! },
      { body: () => 'Start.\n\nMy line.\n' },
    );
    await controller.requestOpen(PATH);
    controller.editBody();
    expect(await sync.filesChanged([PATH])).toBe('merged');
    const write = calls.find((call) => call.name === 'journal:write');
    expect(write?.arg).toMatchObject({ path: PATH, baseVersion: 'v1', body: 'Start.\n\nMy line.\n' });
    // The journal went first, then the read that merges it.
    expect(calls.findIndex((call) => call.name === 'journal:write')).toBeLessThan(
      calls.map((call) => call.name).lastIndexOf('post:read'),
    );
    const state = workspace.getState();
    expect(state.post?.doc.body).toBe('Their line.\n\nMy line.\n');
    expect(state.dirty).toBe(true);
    expect(state.recovery).toMatchObject({ state: 'merged' });
  });

  it('leaves unsaved edits alone when the back end could not merge them (no recovered edits came back)', async () => {
    const reads = [doc('v1', 'Start.\n'), doc('v2', 'Theirs only.\n')];
    const { sync, controller, workspace } = setup({ ...base, 'post:read': async () => reads.shift()! });
    await controller.requestOpen(PATH);
    controller.editBody();
    expect(await sync.filesChanged([PATH])).toBe('kept');
    expect(workspace.getState().post?.doc).toMatchObject({ version: 'v1', body: 'Start.\n' });
    expect(workspace.getState().dirty).toBe(true);
  });

  it('shows what others changed when a publish merged their changes into the post (same version, other text)', async () => {
    const merged = 'The harbour master lent us the key.\n\nThe quay was busy.\n';
    const reads = [doc('v1', 'Start.\n'), doc('v2', merged)];
    const { sync, controller, workspace } = setup({
      ...base,
      'post:read': async () => reads.shift() ?? doc('v2', merged),
      'post:publish': async () => ({
        ...published('v2'),
        caughtUp: 'Others had pushed 1 change first; it is merged in.',
      }),
    });
    const stop = sync.start();
    await controller.requestOpen(PATH);
    controller.editBody();
    await controller.publish();
    await vi.waitFor(() => expect(workspace.getState().post?.doc.body).toBe(merged));
    expect(workspace.getState()).toMatchObject({
      dirty: false,
      post: { doc: { version: 'v2' } },
      publish: { result: { caughtUp: 'Others had pushed 1 change first; it is merged in.' } },
    });
    stop();
  });

  describe('a publish that others’ changes made need the writer', () => {
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
          theirs: 'We met at the quay.',
        },
      ],
      merged: ['Paragraph 4 (“Next time…”) changed by others'],
    };
    const conflictError = new AppFailure({
      code: 'git-merge-conflict',
      message: 'Someone else changed the same places of this post.',
    });

    function conflictSetup(extra: Handlers = {}) {
      const reads = [doc('v1', 'We met.\n'), doc('v9', 'We met at the quay.\n')];
      return setup({
        ...base,
        'post:read': async () => reads.shift() ?? doc('v9', 'We met at the quay.\n'),
        'post:save': async () => ({ version: 'v2', written: true, savedAt: '2026-03-14T18:00:00.000Z' }),
        'post:publish': async () => {
          throw conflictError;
        },
        'post:merge': async () => pending,
        ...extra,
      });
    }

    it('opens the conflict view when publishing fails with git-merge-conflict', async () => {
      const { sync, controller } = conflictSetup();
      const stop = sync.start();
      await controller.requestOpen(PATH);
      controller.editFrontMatter({ title: 'Harbour Meetup 2026' });
      await controller.publish();
      await vi.waitFor(() => expect(sync.store.getState().merge?.pending).toEqual(pending));
      stop();
    });

    it('publishes with every choice, then shows the published text and the result', async () => {
      const { sync, controller, workspace, calls } = conflictSetup({
        'post:resolve-merge': async () => published('v9'),
      });
      await controller.requestOpen(PATH);
      await sync.openMerge(PATH);
      await sync.resolveMerge();
      // Not every conflict has an answer yet: nothing is sent.
      expect(calls.some((call) => call.name === 'post:resolve-merge')).toBe(false);
      sync.choose('field:title', 'theirs');
      sync.choose('block:2', { text: 'We met at the quay at six.' });
      await sync.resolveMerge();
      expect(calls.find((call) => call.name === 'post:resolve-merge')?.arg).toEqual({
        path: PATH,
        choices: { 'field:title': 'theirs', 'block:2': { text: 'We met at the quay at six.' } },
      });
      expect(sync.store.getState().merge).toBeNull();
      expect(workspace.getState().post?.doc).toMatchObject({ version: 'v9', body: 'We met at the quay.\n' });
      expect(workspace.getState().publish).toMatchObject({ stage: 'done', result: { shortCommit: 'c0ffee1' } });
      expect(workspace.getState().dirty).toBe(false);
    });

    it('shows the new conflicts, keeping the choices made, when others pushed again meanwhile', async () => {
      const { sync, controller } = conflictSetup({
        'post:resolve-merge': async () => {
          throw conflictError;
        },
      });
      await controller.requestOpen(PATH);
      await sync.openMerge(PATH);
      sync.choose('field:title', 'mine');
      sync.choose('block:2', 'mine');
      await sync.resolveMerge();
      expect(sync.store.getState().merge).toMatchObject({
        busy: null,
        error: { code: 'git-merge-conflict' },
        choices: { 'field:title': 'mine', 'block:2': 'mine' },
      });
    });

    it('cancels: nothing is committed and the editor keeps the writer’s text unsaved', async () => {
      const { sync, controller, workspace, names } = conflictSetup({ 'post:cancel-merge': async () => null });
      await controller.requestOpen(PATH);
      controller.editFrontMatter({ title: 'Harbour Meetup 2026' });
      await sync.openMerge(PATH);
      await sync.cancelMerge();
      expect(names()).toContain('post:cancel-merge');
      expect(names()).not.toContain('post:resolve-merge');
      expect(sync.store.getState().merge).toBeNull();
      expect(sync.store.getState().mergeNote).toMatch(/kept as unsaved changes/);
      expect(workspace.getState().post?.frontMatter).toEqual({ title: 'Harbour Meetup 2026' });
      expect(workspace.getState().dirty).toBe(true);
    });
    it('cancels after the back end moved the file to the others’ version: the writer’s text comes back unsaved, with no bar asking', async () => {
      const mine = 'We met at six.\n';
      const theirs = doc('v9', 'We met at the quay.\n', {
        recovered: {
          state: 'exact',
          editedAt: '2026-03-14T18:00:00.000Z',
          frontMatter: { title: 'Harbour Meetup' },
          body: mine,
        },
      });
      const reads = [doc('v2', mine), theirs];
      const { sync, controller, workspace } = setup({
        ...base,
        'post:read': async () => reads.shift() ?? theirs,
        'post:merge': async () => pending,
        'post:cancel-merge': async () => null,
      });
      // The failed publish had saved the writer's text to the file (v2): nothing unsaved before the cancel.
      await controller.requestOpen(PATH);
      await sync.openMerge(PATH);
      await sync.cancelMerge();
      const state = workspace.getState();
      expect(state.post?.doc).toMatchObject({ version: 'v9', body: mine });
      expect(state.dirty).toBe(true);
      expect(state.recovery).toBeNull();
    });
  });
});
