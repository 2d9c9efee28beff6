// What the controller knows about the open post lives in the workspace store, where tests and
// devtools can read it: edit counts, whether the body was touched, the file's own text, when the
// last edit happened, the queue's length and the posts left with unsaved edits.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PostDocument, RepoSummary, SaveResult } from '../../../../shared/api';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { fakeBackend, type Handlers } from '../fake-backend';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/home/ada/garden', name: 'garden', branch: 'main', collections: [] };
const doc = (path: string, over: Partial<PostDocument> = {}): PostDocument => ({
  kind: 'post',
  path,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: `Title of ${path}` },
  body: 'As on disk.\n',
  version: 'v1',
  ...over,
});
const saved: SaveResult = { version: 'v2', written: true, savedAt: '2026-04-01T10:00:00.000Z' };

function setup(handlers: Handlers = {}) {
  const editor = { body: 'Edited.\n' };
  const backend = fakeBackend({
    'post:read': ({ path }) => doc(path),
    'posts:list': () => ({ version: '1', posts: [] }),
    'post:save': () => saved,
    'journal:write': () => null,
    'journal:discard': () => null,
    ...handlers,
  });
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const controller = createWorkspaceController(store, {
    invoke: backend.invoke,
    exportBody: () => editor.body,
    journal: { whenIdle: (callback) => callback() },
  });
  return { ...backend, store, controller, editor };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-04-01T09:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('workspace state in the store', () => {
  it('counts edits, notes a body edit and when it happened, and starts over with the next post', async () => {
    const { store, controller } = setup();
    await controller.requestOpen('content/posts/a.md');
    expect(store.getState()).toMatchObject({ edits: 0, bodyEdited: false, lastEditAt: 0 });
    expect(store.getState().disk).toEqual({
      path: 'content/posts/a.md',
      body: 'As on disk.\n',
      frontMatter: { title: 'Title of content/posts/a.md' },
    });

    controller.editFrontMatter({ title: 'New title' });
    expect(store.getState()).toMatchObject({ edits: 1, bodyEdited: false, dirty: true });
    vi.setSystemTime(new Date('2026-04-01T09:00:05.000Z'));
    controller.editBody();
    expect(store.getState()).toMatchObject({ edits: 2, bodyEdited: true, bodyRevision: 1 });
    expect(new Date(store.getState().lastEditAt).toISOString()).toBe('2026-04-01T09:00:05.000Z');
    expect(controller.bodyRevision()).toBe(1);

    await controller.requestOpen('content/posts/b.md');
    // The body revision keeps counting across posts, so a reader never mistakes a new post for an old revision.
    expect(store.getState()).toMatchObject({ edits: 0, bodyEdited: false, bodyRevision: 1 });
    expect(store.getState().disk?.path).toBe('content/posts/b.md');
  });

  it('journals with the time of the last edit, and records the file’s new text after a save', async () => {
    const { store, controller, calls } = setup();
    await controller.requestOpen('content/posts/a.md');
    vi.setSystemTime(new Date('2026-04-01T09:30:00.000Z'));
    controller.editBody();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.find((call) => call.name === 'journal:write')?.arg).toMatchObject({
      body: 'Edited.\n',
      editedAt: '2026-04-01T09:30:00.000Z',
    });

    expect(await controller.save()).toBe(true);
    expect(store.getState().disk).toEqual({
      path: 'content/posts/a.md',
      body: 'Edited.\n',
      frontMatter: { title: 'Title of content/posts/a.md' },
    });
    expect(store.getState().post?.doc.version).toBe('v2');
    expect(store.getState().dirty).toBe(false);
  });

  it('counts the saves waiting in the queue while one is in flight', async () => {
    let finish: () => void = () => undefined;
    const { store, controller } = setup({
      'post:save': () =>
        new Promise<SaveResult>((resolve) => {
          finish = () => resolve(saved);
        }),
    });
    await controller.requestOpen('content/posts/a.md');
    controller.editBody();
    const first = controller.save();
    const second = controller.save();
    expect(store.getState().queued).toBe(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().saving).toBe(true);
    finish();
    await first;
    await second;
    expect(store.getState().queued).toBe(0);
    expect(store.getState().saving).toBe(false);
  });

  it('remembers the posts left with unsaved edits, and reopens one without asking about its edits', async () => {
    const { store, controller } = setup({
      'post:read': ({ path }) =>
        path === 'content/posts/a.md' && store.getState().leftEdited.includes(path)
          ? doc(path, {
              recovered: {
                state: 'exact',
                frontMatter: { title: 'Left edited' },
                body: 'Edited.\n',
                editedAt: '2026-04-01T09:00:00.000Z',
              },
            })
          : doc(path),
    });
    await controller.requestOpen('content/posts/a.md');
    controller.editFrontMatter({ title: 'Left edited' });
    await controller.requestOpen('content/posts/b.md');
    expect(store.getState().leftEdited).toEqual(['content/posts/a.md']);

    await controller.requestOpen('content/posts/a.md');
    expect(store.getState().post?.frontMatter).toEqual({ title: 'Left edited' });
    expect(store.getState().dirty).toBe(true);
    // They left it a moment ago: no recovery bar asks them to keep what they know they wrote.
    expect(store.getState().recovery).toBeNull();
    expect(store.getState().leftEdited).toEqual([]);
  });

  it('offers the recovery bar for edits from an earlier session', async () => {
    const { store, controller } = setup({
      'post:read': ({ path }) =>
        doc(path, {
          recovered: {
            state: 'exact',
            frontMatter: { title: 'From yesterday' },
            body: 'Yesterday.\n',
            editedAt: '2026-03-31T18:00:00.000Z',
          },
        }),
    });
    await controller.requestOpen('content/posts/a.md');
    expect(store.getState().recovery?.state).toBe('exact');
    // The untouched editor sends the recovered body, not the file's.
    expect(controller.currentBody()).toBe('Yesterday.\n');
    expect(store.getState().disk?.body).toBe('As on disk.\n');
  });
});
