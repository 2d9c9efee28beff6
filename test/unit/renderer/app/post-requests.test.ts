import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PostDocument, PostVersion, RepoSummary } from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { fakeBackend, type Handlers } from '../fake-backend';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/home/ada/garden', name: 'garden', branch: 'main', collections: [] };
const PATH = 'content/posts/seed-swap.md';
const doc: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'toml',
  frontMatter: { title: 'Seed swap' },
  body: 'Bring a jar of seeds.\n',
  version: 'v1',
};
const versions: PostVersion[] = [{ kind: 'save', id: 'local-1', date: '2026-04-01T09:00:00.000Z', role: 'written' }];

function setup(handlers: Handlers, exported = 'Bring two jars of seeds.\n') {
  const backend = fakeBackend({
    'post:read': () => doc,
    'posts:list': () => ({ version: '1', posts: [] }),
    ...handlers,
  });
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const controller = createWorkspaceController(store, {
    invoke: backend.invoke,
    exportBody: () => exported,
    journal: { enabled: false },
  });
  return { ...backend, store, controller };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('post requests', () => {
  it('reads the history, one version and the last commit of the post the writer asks about', async () => {
    const content = { id: 'local-1', frontMatter: { title: 'Seed swap' }, body: 'Bring a jar.\n' };
    const { controller, calls } = setup({
      'post:history': () => versions,
      'post:version': () => content,
      'post:committed': () => null,
    });
    expect(await controller.loadHistory(PATH)).toEqual(versions);
    expect(await controller.loadVersion(PATH, 'local-1')).toEqual(content);
    // Never committed: the Publish tab says publishing adds all of it.
    expect(await controller.loadCommitted(PATH)).toBeNull();
    expect(calls).toEqual([
      { name: 'post:history', arg: { path: PATH } },
      { name: 'post:version', arg: { path: PATH, id: 'local-1' } },
      { name: 'post:committed', arg: { path: PATH } },
    ]);
  });

  it('hands the back end’s reason to the pane when the history cannot be read', async () => {
    const { controller } = setup({
      'post:history': () => {
        throw new AppFailure({ code: 'io', message: 'git log failed.' });
      },
    });
    await expect(controller.loadHistory(PATH)).rejects.toThrow('git log failed.');
  });

  it('asks which images the post adds, imports an image and lists relation choices as asked', async () => {
    const imported = {
      src: '/images/jar.png',
      path: 'static/images/jar.png',
      reused: false,
      info: null,
      reason: 'the site’s media_folder',
    };
    const options = [{ value: 'tomatoes', label: 'Tomatoes' }];
    const { controller, calls } = setup({
      'media:added': () => ['static/images/jar.png'],
      'media:import': () => imported,
      'relation:options': () => options,
    });
    const current = { frontMatter: { title: 'Seed swap' }, body: '![Jar](/images/jar.png)\n' };
    expect(await controller.addedImages(PATH, current)).toEqual(['static/images/jar.png']);
    const request = { post: PATH, name: 'jar.png', data: 'iVBORw0KGgo=', forField: true };
    expect(await controller.importImage(request)).toEqual(imported);
    const query = {
      collection: collectionId('crops'),
      valueField: 'slug',
      searchFields: ['title'],
      displayFields: ['title'],
      query: 'tom',
    };
    expect(await controller.relationOptions(query)).toEqual(options);
    expect(calls.map((call) => call.arg)).toEqual([{ path: PATH, ...current }, request, query]);
  });

  it('writes raw source exactly as typed, then opens the post in the editor', async () => {
    const raw = {
      path: PATH,
      text: '+++\ntitle = "Seed swap"\n+++\nBring a jar.\n',
      version: 'r1',
      problem: null,
      converted: null,
    };
    const { controller, calls, store } = setup({
      'post:raw': () => raw,
      'post:save-raw': () => ({ version: 'v2', written: true, savedAt: '2026-04-01T10:00:00.000Z' }),
    });
    expect(await controller.loadRawSource(PATH)).toEqual(raw);
    await controller.saveRawSource(PATH, 'r1', 'fixed text\r\n');
    expect(calls.slice(1, 3)).toEqual([
      { name: 'post:save-raw', arg: { path: PATH, baseVersion: 'r1', text: 'fixed text\r\n' } },
      { name: 'post:read', arg: { path: PATH } },
    ]);
    expect(store.getState().post?.doc.path).toBe(PATH);
  });

  it('keeps the raw source page when the write is refused, and opens nothing', async () => {
    const { controller, names, store } = setup({
      'post:save-raw': () => {
        throw new AppFailure({ code: 'changed-on-disk', message: 'The file changed on disk.' });
      },
    });
    await expect(controller.saveRawSource(PATH, 'r1', 'text')).rejects.toThrow('The file changed on disk.');
    expect(names()).toEqual(['post:save-raw']);
    expect(store.getState().post).toBeNull();
  });

  it('writes a post deleted on disk back as a new file with its fields and text, and calls it saved', async () => {
    const { controller, calls, store } = setup({
      'post:recreate': () => ({ version: 'v9', written: true, savedAt: '2026-04-01T10:00:00.000Z' }),
    });
    await controller.requestOpen(PATH);
    controller.editBody();
    expect(store.getState().dirty).toBe(true);

    expect(await controller.saveAsNewFile()).toBe(true);
    expect(calls.find((call) => call.name === 'post:recreate')?.arg).toEqual({
      path: PATH,
      baseVersion: 'v1',
      frontMatter: { title: 'Seed swap' },
      body: 'Bring two jars of seeds.\n',
      format: 'toml',
    });
    const state = store.getState();
    expect(state.post?.doc.version).toBe('v9');
    expect(state.dirty).toBe(false);
    expect(state.saving).toBe(false);
    expect(state.saveError).toBeNull();
  });

  it('keeps the text unsaved, with the reason, when the new file cannot be written', async () => {
    const { controller, store } = setup({
      'post:recreate': () => {
        throw new AppFailure({ code: 'changed-on-disk', message: 'A file appeared at that path.' });
      },
    });
    await controller.requestOpen(PATH);
    controller.editBody();
    expect(await controller.saveAsNewFile()).toBe(false);
    expect(store.getState().saveError?.message).toBe('A file appeared at that path.');
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().post?.doc.version).toBe('v1');
  });

  it('leaves the post unsaved when the writer typed while the new file was written', async () => {
    let finish: () => void = () => undefined;
    const { controller, store } = setup({
      'post:recreate': () =>
        new Promise((resolve) => {
          finish = () => resolve({ version: 'v9', written: true, savedAt: '2026-04-01T10:00:00.000Z' });
        }),
    });
    await controller.requestOpen(PATH);
    controller.editBody();
    const writing = controller.saveAsNewFile();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().saving).toBe(true);
    controller.editBody();
    finish();
    expect(await writing).toBe(true);
    expect(store.getState().post?.doc.version).toBe('v9');
    expect(store.getState().dirty).toBe(true);
  });

  it('does nothing when no post is open', async () => {
    const { controller, names } = setup({});
    expect(await controller.saveAsNewFile()).toBe(false);
    expect(names()).toEqual([]);
  });
});
