import { describe, expect, it, vi } from 'vitest';
import type {
  PostDocument,
  PublishResult,
  RepoSummary,
  RequestArg,
  RequestName,
  RequestResult,
} from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = {
  path: '/tmp/blog',
  name: 'blog',
  branch: 'main',
  collections: [{ id: collectionId('posts'), folder: repoFolder('content/posts'), label: 'Posts', postCount: 2 }],
};

const doc = (path: string, version = 'v1'): PostDocument => ({
  kind: 'post',
  path,
  collection: collectionId('content/posts'),
  format: 'yaml',
  frontMatter: { title: `Title of ${path}`, seo: { title: 'x', description: 'y' }, cover: null },
  body: 'Hello *world*.\n',
  version,
});

type Handler = { [K in RequestName]?: (arg: RequestArg<K>) => Promise<RequestResult<K>> };

function setup(handlers: Handler, exported = 'Edited body.\n', options: { autosaveDelayMs?: number } = {}) {
  const calls: { name: RequestName; arg: unknown }[] = [];
  const invoke = vi.fn(async <K extends RequestName>(name: K, arg: RequestArg<K>): Promise<RequestResult<K>> => {
    calls.push({ name, arg });
    const handler = handlers[name] as ((arg: RequestArg<K>) => Promise<RequestResult<K>>) | undefined;
    if (!handler) throw new Error(`unexpected request ${name}`);
    return handler(arg);
  });
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const editor = { body: exported };
  const controller = createWorkspaceController(store, {
    invoke,
    exportBody: () => editor.body,
    // No idle wait in tests: a due journal write runs when its timer fires.
    journal: { whenIdle: (callback) => callback() },
    autosaveDelayMs: options.autosaveDelayMs,
  });
  return { store, controller, calls, editor, names: () => calls.map((call) => call.name) };
}

const base: Handler = {
  'post:read': async ({ path }) => doc(path),
  'posts:list': async () => ({ version: '1', posts: [] }),
  'repo:status': async () => ({ branch: 'main', upstream: 'origin/main', ahead: 0, behind: 0 }),
  'post:save': async () => ({ version: 'v2', written: true, savedAt: '2026-03-01T10:00:00.000Z' }),
  'journal:write': async () => null,
  'journal:discard': async () => null,
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('workspace controller', () => {
  it('opens a post clean and saves the whole front matter with the untouched body as read', async () => {
    const { store, controller, calls } = setup(base);
    controller.requestOpen('content/posts/a.md');
    await flush();
    expect(store.getState().post?.doc.path).toBe('content/posts/a.md');
    expect(store.getState().dirty).toBe(false);

    const edited = { ...doc('content/posts/a.md').frontMatter, seo: { title: 'x', description: 'changed' } };
    controller.editFrontMatter(edited);
    expect(store.getState().dirty).toBe(true);
    expect(await controller.save()).toBe(true);

    const save = calls.find((call) => call.name === 'post:save');
    expect(save?.arg).toEqual({
      path: 'content/posts/a.md',
      baseVersion: 'v1',
      frontMatter: edited,
      body: 'Hello *world*.\n',
    });
    expect(store.getState().post?.doc.version).toBe('v2');
    expect(store.getState().dirty).toBe(false);
  });

  it('opens a post with the read its press started, and reads nothing ahead for the open post', async () => {
    let reads = 0;
    const { store, controller, names } = setup({
      ...base,
      'post:read': async ({ path }) => doc(path, `v${++reads}`),
    });
    controller.prefetchPost('content/posts/a.md');
    await controller.requestOpen('content/posts/a.md');
    expect(store.getState().post?.doc.version).toBe('v1');
    controller.prefetchPost('content/posts/a.md');
    expect(names().filter((name) => name === 'post:read')).toHaveLength(1);
  });

  it('exports the body once it was edited, and skips saving when nothing changed', async () => {
    const { controller, calls } = setup(base);
    controller.requestOpen('content/posts/a.md');
    await flush();
    await controller.save();
    expect(calls.some((call) => call.name === 'post:save')).toBe(false);
    controller.editBody();
    await controller.save();
    expect(calls.find((call) => call.name === 'post:save')?.arg).toMatchObject({ body: 'Edited body.\n' });
  });

  it('keeps the edits and the error when a save fails', async () => {
    const { store, controller } = setup({
      ...base,
      'post:save': async () => {
        throw new AppFailure({ code: 'changed-on-disk', message: 'The file changed on disk since you opened it.' });
      },
    });
    controller.requestOpen('content/posts/a.md');
    await flush();
    controller.editBody();
    expect(await controller.save()).toBe(false);
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().saveError).toMatchObject({
      code: 'changed-on-disk',
      message: 'The file changed on disk since you opened it.',
    });
  });

  it('shows which translations a save could not bring in step, until dismissed or the next save', async () => {
    const failed = [{ path: 'content/posts/de/a.md', message: 'The front matter has a mistake on line 3.' }];
    const results = [
      { version: 'v2', written: true, savedAt: '2026-03-01T10:00:00.000Z', translationsFailed: failed },
      { version: 'v3', written: true, savedAt: '2026-03-01T10:01:00.000Z' },
      { version: 'v4', written: true, savedAt: '2026-03-01T10:02:00.000Z', translationsFailed: failed },
    ];
    const { store, controller } = setup({
      ...base,
      'post:save': async () => results.shift() as (typeof results)[number],
    });
    controller.requestOpen('content/posts/a.md');
    await flush();
    for (const expected of [failed, null, failed]) {
      controller.editBody();
      expect(await controller.save()).toBe(true);
      expect(store.getState().dirty).toBe(false);
      expect(store.getState().translationsFailed).toEqual(expected);
    }
    store.dispatch({ type: 'dismiss-translations-failed' });
    expect(store.getState().translationsFailed).toBeNull();
  });

  it('switches posts and closes the repository without asking: unsaved edits are journalled first', async () => {
    const { store, controller, calls, names } = setup(base);
    await controller.requestOpen('content/posts/a.md');
    controller.editBody();
    await controller.requestOpen('content/posts/b.md');
    expect(names()).toEqual(['post:read', 'journal:write', 'post:read']);
    expect(calls[1]!.arg).toMatchObject({
      path: 'content/posts/a.md',
      baseVersion: 'v1',
      body: 'Edited body.\n',
      frontMatter: doc('content/posts/a.md').frontMatter,
    });
    expect(store.getState().post?.doc.path).toBe('content/posts/b.md');
    // The library marks the post left with unsaved edits.
    expect(store.getState().journalled).toEqual(['content/posts/a.md']);

    controller.editFrontMatter({ ...doc('content/posts/b.md').frontMatter, title: 'Storm Season' });
    await controller.requestCloseRepository();
    expect(store.getState().closed).toBe(true);
    expect(calls.at(-1)).toMatchObject({
      name: 'journal:write',
      arg: { path: 'content/posts/b.md', frontMatter: { title: 'Storm Season' } },
    });
    expect(names()).not.toContain('post:save');
  });

  it('stays on the post, with the reason, when the journal cannot take its edits', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { store, controller, names } = setup({
      ...base,
      'journal:write': async () => {
        throw new AppFailure({ code: 'internal', message: 'Masthead’s back end is not reachable.' });
      },
    });
    await controller.requestOpen('content/posts/a.md');
    controller.editBody();
    await controller.requestOpen('content/posts/b.md');
    expect(store.getState().post?.doc.path).toBe('content/posts/a.md');
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().saveError?.message).toMatch(/could not put your unsaved edits in safe keeping/);
    expect(names().filter((name) => name === 'post:read')).toHaveLength(1);
    expect(controller.safe()).toBe(false);
  });

  it('publishes once at a time and records the commit', async () => {
    let finish: (result: PublishResult) => void = () => undefined;
    const { store, controller, calls } = setup({
      ...base,
      'post:publish': () => new Promise<PublishResult>((resolve) => (finish = resolve)),
    });
    controller.requestOpen('content/posts/a.md');
    await flush();
    const first = controller.publish();
    void controller.publish();
    // The SEO checks load with the first publish.
    await vi.waitFor(() => expect(store.getState().publish.running).toBe(true));
    await flush();
    expect(store.getState().publish).toMatchObject({ running: true, stage: 'saving' });
    expect(store.getState().tab).toBe('publish');
    expect(calls.filter((call) => call.name === 'post:publish')).toHaveLength(1);

    finish({
      save: { version: 'v3', written: false, savedAt: '2026-03-01T10:00:00.000Z' },
      commit: 'abcdef1234567890',
      shortCommit: 'abcdef1',
      committed: true,
      message: 'Publish: Title of content/posts/a.md',
      branch: 'main',
      upstream: 'origin/main',
    });
    await first;
    expect(store.getState().publish).toMatchObject({
      running: false,
      stage: 'done',
      result: { shortCommit: 'abcdef1' },
    });
    expect(store.getState().lastPublish).toBe('abcdef1');
    expect(store.getState().post?.doc.version).toBe('v3');
  });

  it('adopts the saved version when a publish fails after saving', async () => {
    let onDisk = doc('content/posts/a.md');
    const { store, controller } = setup({
      ...base,
      'post:read': async () => onDisk,
      'post:publish': async (request) => {
        onDisk = { ...onDisk, frontMatter: request.frontMatter, body: request.body, version: 'v9' };
        throw new AppFailure({ code: 'git-offline', message: 'The remote could not be reached.' });
      },
    });
    controller.requestOpen('content/posts/a.md');
    await flush();
    controller.editFrontMatter({ ...onDisk.frontMatter, cover: 'rain.jpg' });
    await controller.publish();
    expect(store.getState().publish.stage).toBe('failed');
    expect(store.getState().post?.doc.version).toBe('v9');
    expect(store.getState().dirty).toBe(false);
  });

  it('reports a failed publish with its detail', async () => {
    const { store, controller } = setup({
      ...base,
      'post:publish': async () => {
        throw new AppFailure({
          code: 'git-rejected',
          message: 'The remote has commits you do not have yet.',
          detail: '! [rejected] main -> main (fetch first)',
        });
      },
    });
    controller.requestOpen('content/posts/a.md');
    await flush();
    await controller.publish();
    expect(store.getState().publish).toMatchObject({
      running: false,
      stage: 'failed',
      error: { code: 'git-rejected', detail: '! [rejected] main -> main (fetch first)' },
    });
  });
});
