import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  PostDocument,
  RecoveredEdits,
  RepoSummary,
  RequestArg,
  RequestName,
  RequestResult,
} from '../../../../shared/api';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = {
  path: '/tmp/blog',
  name: 'blog',
  branch: 'main',
  collections: [{ id: collectionId('posts'), folder: repoFolder('content/posts'), label: 'Posts', postCount: 3 }],
};
const A = 'content/posts/2026-02-11-lighthouse.md';
const B = 'content/posts/2026-02-18-ferry.md';

const fileOf = (path: string): PostDocument => ({
  kind: 'post',
  path,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'The Lighthouse Keeper', draft: false },
  body: 'The lamp turned all night.\n',
  version: 'v1',
});

type Handler = { [K in RequestName]?: (arg: RequestArg<K>) => Promise<RequestResult<K>> };

function setup(handlers: Handler = {}) {
  const calls: { name: RequestName; arg: unknown }[] = [];
  const journal = new Map<string, RecoveredEdits>();
  const all: Handler = {
    'post:read': async ({ path }) => {
      const recovered = journal.get(path);
      return recovered ? { ...fileOf(path), recovered } : fileOf(path);
    },
    'posts:list': async () => ({ version: '1', posts: [] }),
    'post:save': async () => ({ version: 'v2', written: true, savedAt: '2026-03-01T10:00:00.000Z' }),
    'journal:write': async (entry) => {
      journal.set(entry.path, {
        frontMatter: entry.frontMatter,
        body: entry.body,
        editedAt: entry.editedAt,
        state: 'exact',
      });
      return null;
    },
    'journal:discard': async ({ path }) => {
      journal.delete(path);
      return null;
    },
    'journal:recoverable': async () => [],
    'settings:get': async () => ({
      autosave: false,
      publishWithoutAsking: false,
      focusMode: false,
      typewriterScrolling: false,
    }),
    'settings:set': async (changes) => ({
      autosave: false,
      publishWithoutAsking: false,
      focusMode: false,
      typewriterScrolling: false,
      ...changes,
    }),
    ...handlers,
  };
  const invoke = async <K extends RequestName>(name: K, arg: RequestArg<K>): Promise<RequestResult<K>> => {
    calls.push({ name, arg });
    const handler = all[name] as ((arg: RequestArg<K>) => Promise<RequestResult<K>>) | undefined;
    if (!handler) throw new Error(`unexpected request ${name}`);
    return handler(arg);
  };
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const editor: { body: string | null } = { body: 'The lamp turned all night, and the gulls slept.\n' };
  const controller = createWorkspaceController(store, {
    invoke,
    exportBody: () => editor.body,
    journal: { whenIdle: (callback) => callback() },
  });
  const named = (name: RequestName) => calls.filter((call) => call.name === name);
  return { store, controller, calls, named, editor, journal };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-01T14:32:00.000Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('journalling the open post', () => {
  it('sends body and front matter edits within a second, with the base version and the time of the last edit', async () => {
    const { controller, named } = setup();
    await controller.requestOpen(A);
    controller.editBody();
    await vi.advanceTimersByTimeAsync(300);
    controller.editFrontMatter({ title: 'The Lighthouse Keeper’s Night', draft: false });
    expect(named('journal:write')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(700);
    expect(named('journal:write').map((call) => call.arg)).toEqual([
      {
        path: A,
        baseVersion: 'v1',
        frontMatter: { title: 'The Lighthouse Keeper’s Night', draft: false },
        body: 'The lamp turned all night, and the gulls slept.\n',
        editedAt: '2026-03-01T14:32:00.300Z',
      },
    ]);
  });

  it('flushes pending edits at once when asked (blur, page hidden, closing)', async () => {
    const { controller, named } = setup();
    await controller.requestOpen(A);
    controller.editBody();
    expect(await controller.flushJournal()).toBe(true);
    expect(named('journal:write')).toHaveLength(1);
    // Nothing new: flushing again writes nothing.
    expect(await controller.flushJournal()).toBe(true);
    expect(named('journal:write')).toHaveLength(1);
  });

  it('never overwrites the journal with the untouched body once the editor is gone', async () => {
    const { controller, named, editor } = setup();
    await controller.requestOpen(A);
    controller.editBody();
    await controller.flushJournal();
    controller.editBody();
    editor.body = null;
    await controller.flushJournal();
    expect(named('journal:write').map((call) => (call.arg as { body: string }).body)).toEqual([
      'The lamp turned all night, and the gulls slept.\n',
    ]);
    expect(named('journal:discard')).toHaveLength(0);
  });

  it('is clean again when the edits are undone back to the file, and drops the journal', async () => {
    const { store, controller, named, editor } = setup();
    await controller.requestOpen(A);
    controller.editBody();
    await controller.flushJournal();
    expect(store.getState().journalled).toEqual([A]);
    editor.body = fileOf(A).body;
    controller.editBody();
    expect(store.getState().dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.getState().dirty).toBe(false);
    expect(store.getState().journalled).toEqual([]);
    expect(named('journal:discard').map((call) => call.arg)).toEqual([{ path: A }]);
  });

  it('drops the journal once a save has written the edits', async () => {
    const { store, controller, named, journal } = setup();
    await controller.requestOpen(A);
    controller.editBody();
    await controller.flushJournal();
    expect(await controller.save()).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(named('journal:discard').map((call) => call.arg)).toEqual([{ path: A }]);
    expect(journal.has(A)).toBe(false);
    expect(store.getState().journalled).toEqual([]);
  });

  it('saves to the file by itself two seconds after the last edit when autosave is on, and not before', async () => {
    const { controller, named } = setup();
    await controller.requestOpen(A);
    await controller.setAutosave(true);
    expect(named('settings:set').map((call) => call.arg)).toEqual([{ autosave: true }]);
    controller.editBody();
    await vi.advanceTimersByTimeAsync(1_500);
    controller.editBody();
    await vi.advanceTimersByTimeAsync(1_900);
    expect(named('post:save')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(named('post:save')).toHaveLength(1);
  });

  it("keeps the writer's autosave choice when the stored settings arrive after it", async () => {
    let answer: (value: RequestResult<'settings:get'>) => void = () => undefined;
    const { store, controller } = setup({
      'settings:get': () => new Promise((resolve) => (answer = resolve)),
    });
    const loading = controller.loadSettings();
    await controller.setAutosave(true);
    answer({ autosave: false, publishWithoutAsking: false, focusMode: false, typewriterScrolling: false });
    await loading;
    expect(store.getState().autosave).toBe(true);
  });

  it('never saves by itself when autosave is off', async () => {
    const { controller, named } = setup();
    await controller.loadSettings();
    await controller.requestOpen(A);
    controller.editBody();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(named('journal:write')).toHaveLength(1);
    expect(named('post:save')).toHaveLength(0);
  });
});

describe('recovered edits', () => {
  const recovered: RecoveredEdits = {
    frontMatter: { title: 'The Lighthouse Keeper', draft: true },
    body: 'The lamp turned all night. Nobody came.\n',
    editedAt: '2026-03-01T14:30:00.000Z',
    state: 'exact',
  };

  it('open unsaved with a notice; Keep leaves them unsaved, and Save writes exactly the recovered text', async () => {
    const { store, controller, named, journal } = setup();
    journal.set(A, recovered);
    await controller.requestOpen(A);
    const state = store.getState();
    expect(state.dirty).toBe(true);
    expect(state.post?.frontMatter).toEqual(recovered.frontMatter);
    // The editor, SEO and publish checks all read the recovered body.
    expect(state.post?.doc.body).toBe(recovered.body);
    expect(state.recovery).toEqual({ path: A, state: 'exact', editedAt: recovered.editedAt, conflicts: [] });
    expect(state.journalled).toEqual([A]);

    controller.keepRecovered();
    expect(store.getState().recovery).toBeNull();
    expect(store.getState().dirty).toBe(true);
    await controller.save();
    expect(named('post:save').map((call) => call.arg)).toEqual([
      { path: A, baseVersion: 'v1', frontMatter: recovered.frontMatter, body: recovered.body },
    ]);
    expect(store.getState().dirty).toBe(false);
  });

  it('“Keep mine” on a conflict saves on top of the version the edits began from, so the save reports the change on disk', async () => {
    const { store, controller, named, journal } = setup();
    journal.set(A, { ...recovered, state: 'conflict', conflicts: ['Field “draft”'], baseVersion: 'v0' });
    journal.set(B, { ...recovered, state: 'conflict', conflicts: ['Field “draft”'] });
    await controller.requestOpen(A);
    controller.keepRecovered();
    await controller.save();
    await controller.requestOpen(B);
    controller.keepRecovered();
    await controller.save();
    expect(named('post:save').map((call) => (call.arg as { baseVersion: string }).baseVersion)).toEqual([
      'v0',
      'v1:before-recovered-edits',
    ]);
    expect(store.getState().recovery).toBeNull();
  });

  it('are clean again when edited back to the file’s text', async () => {
    const { store, controller, editor, journal } = setup();
    journal.set(A, recovered);
    await controller.requestOpen(A);
    editor.body = fileOf(A).body;
    controller.editBody();
    controller.editFrontMatter(fileOf(A).frontMatter);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.getState().dirty).toBe(false);
    expect(journal.has(A)).toBe(false);
  });

  it('Discard drops the journal and reopens the file as it is on disk', async () => {
    const { store, controller, named, journal } = setup();
    journal.set(A, { ...recovered, state: 'conflict', conflicts: ['Field “draft”'] });
    await controller.requestOpen(A);
    expect(store.getState().recovery?.conflicts).toEqual(['Field “draft”']);
    await controller.discardRecovered();
    expect(named('journal:discard').map((call) => call.arg)).toEqual([{ path: A }]);
    const state = store.getState();
    expect(state.recovery).toBeNull();
    expect(state.dirty).toBe(false);
    expect(state.post?.frontMatter).toEqual(fileOf(A).frontMatter);
    expect(state.journalled).toEqual([]);
    await controller.save();
    expect(named('post:save')).toHaveLength(0);
  });

  it('on start, opens the most recently edited post and offers the others', async () => {
    const posts = [
      { path: B, title: 'The Last Ferry', editedAt: '2026-03-01T14:31:00.000Z' },
      { path: A, title: 'The Lighthouse Keeper', editedAt: '2026-02-28T09:10:00.000Z' },
    ];
    const { store, controller, journal } = setup({ 'journal:recoverable': async () => posts });
    journal.set(B, { ...recovered, editedAt: posts[0]!.editedAt, state: 'merged' });
    journal.set(A, recovered);
    await controller.recover();
    const state = store.getState();
    expect(state.post?.doc.path).toBe(B);
    expect(state.recovery?.state).toBe('merged');
    expect(state.recoverable).toEqual([posts[1]]);
    expect(state.journalled).toEqual(expect.arrayContaining([A, B]));

    // Opening one of the others takes it off the list; the notice is about it now.
    await controller.requestOpen(A);
    expect(store.getState().recoverable).toEqual([]);
    expect(store.getState().recovery?.path).toBe(A);
  });

  it('come back without a notice on a post the writer left a moment ago', async () => {
    const { store, controller } = setup();
    await controller.requestOpen(A);
    controller.editBody();
    await controller.requestOpen(B);
    await controller.requestOpen(A);
    const state = store.getState();
    expect(state.recovery).toBeNull();
    expect(state.dirty).toBe(true);
    expect(controller.currentBody()).toBe('The lamp turned all night, and the gulls slept.\n');
  });
});
