import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmitEvent, EventName, Events, PostDocument, RepoSummary } from '../../../shared/api';
import { REQUEST_NAMES } from '../../../shared/api';
import type { Backend } from '../../../main/backend';
import { createBackend } from '../../../main/backend';
import { dispatch, isRequestName } from '../../../main/request-checks';
import { createFileSettings } from '../../../main/settings';
import type { RepoWithRemote } from '../../support/git-fixtures';
import { createPlainFolder, createRepoWithRemote } from '../../support/git-fixtures';
import { makeTempDir } from './workspace/temp-dir';

const POST_PATH = 'content/posts/kettle.md';
const POST = '---\ntitle: The Kettle Sings\ndate: 2025-01-20\n---\nSteam rose.\n';

describe('backend', () => {
  let configDir: string;
  let emitted: { name: EventName; payload: Events[EventName] }[];
  let backend: Backend;
  let picked: string | null;

  const make = (withPicker: boolean): Backend => {
    const emit: EmitEvent = (name, payload) => emitted.push({ name, payload });
    return createBackend({
      shell: 'web',
      version: '9.9.9',
      settings: createFileSettings(configDir),
      emit,
      ...(withPicker ? { pickFolder: async () => picked } : {}),
    });
  };

  beforeEach(() => {
    configDir = makeTempDir();
    emitted = [];
    picked = null;
    backend = make(false);
  });
  afterEach(() => rmSync(configDir, { recursive: true, force: true }));

  describe('dispatch', () => {
    it('turns unknown request names into bad-request outcomes', async () => {
      for (const name of ['repo:delete', 'constructor', '__proto__', 'toString', 42, null]) {
        const outcome = await dispatch(backend, name, null);
        expect(outcome).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      }
      expect(REQUEST_NAMES.every(isRequestName)).toBe(true);
    });

    it('turns malformed arguments into bad-request outcomes', async () => {
      const cases: [string, unknown][] = [
        ['app:info', { sneaky: true }],
        ['repo:open', null],
        ['repo:open', { path: 7 }],
        ['repo:open', { path: '' }],
        ['repo:open', 'just-a-string'],
        ['post:read', { path: ['a.md'] }],
        ['post:save', { path: 'a.md', baseVersion: 'v', frontMatter: {} }],
        ['post:save', { path: 'a.md', baseVersion: 'v', frontMatter: [], body: '' }],
        ['post:save', { path: 'a.md', baseVersion: 'v', frontMatter: { n: Number.NaN }, body: '' }],
        ['post:save', { path: 'a.md', baseVersion: 'v', frontMatter: { when: new Date() }, body: '' }],
        ['post:save', { path: 'a.md', baseVersion: 'v', frontMatter: { f: () => 1 }, body: '' }],
        ['post:publish', { path: 'a.md', baseVersion: 42, frontMatter: {}, body: '' }],
      ];
      for (const [name, arg] of cases) {
        const outcome = await dispatch(backend, name, arg);
        expect(outcome, `${name} ${JSON.stringify(arg)}`).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      }
    });

    it('rejects front matter nested absurdly deep', async () => {
      let deep: Record<string, unknown> = {};
      const top = deep;
      for (let i = 0; i < 200; i++) deep = (deep.next = {}) as Record<string, unknown>;
      const outcome = await dispatch(backend, 'post:save', {
        path: 'a.md',
        baseVersion: 'v',
        frontMatter: top,
        body: '',
      });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    });

    it('answers requests that need a repository with no-repository before one is open', async () => {
      for (const [name, arg] of [
        ['repo:status', null],
        ['posts:list', {}],
        ['post:read', { path: POST_PATH }],
        ['post:save', { path: POST_PATH, baseVersion: 'v', frontMatter: {}, body: '' }],
        ['post:publish', { path: POST_PATH, baseVersion: 'v', frontMatter: {}, body: '' }],
      ] as const) {
        expect(await dispatch(backend, name, arg)).toMatchObject({ ok: false, error: { code: 'no-repository' } });
      }
      await expect(backend.readMedia(POST_PATH, '/img/a.png')).rejects.toMatchObject({ code: 'no-repository' });
    });

    it('carries failures as data with a message', async () => {
      const plain = createPlainFolder();
      try {
        const outcome = await dispatch(backend, 'repo:open', { path: plain.dir });
        expect(outcome).toMatchObject({ ok: false, error: { code: 'not-a-repository' } });
        expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
      } finally {
        plain.cleanup();
      }
    });
  });

  describe('app info and folder picking', () => {
    it('describes the app, with no picker in web mode', async () => {
      expect(await dispatch(backend, 'app:info', null)).toEqual({
        ok: true,
        value: { version: '9.9.9', shell: 'web', canPickFolder: false, openRepository: null },
      });
      expect(await dispatch(backend, 'repo:pick', undefined)).toEqual({ ok: true, value: null });
    });

    it('uses the native picker when the shell has one', async () => {
      const desktop = make(true);
      expect((await desktop['app:info'](null)).canPickFolder).toBe(true);
      picked = '/sites/chosen';
      expect(await desktop['repo:pick'](null)).toBe('/sites/chosen');
      picked = null;
      expect(await desktop['repo:pick'](null)).toBeNull();
    });
  });

  describe('with a repository', () => {
    let repo: RepoWithRemote;
    beforeEach(() => {
      repo = createRepoWithRemote({
        files: { [POST_PATH]: POST, 'content/posts/older.md': '---\ntitle: Older\ndate: 2020-05-05\n---\nx\n' },
      });
    });
    afterEach(() => repo.cleanup());

    const ok = async <T>(name: string, arg: unknown): Promise<T> => {
      const outcome = await dispatch(backend, name, arg);
      if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
      return outcome.value as T;
    };

    it('opens it, remembers it, and reports it in app:info', async () => {
      const summary = await ok<RepoSummary>('repo:open', { path: repo.workTree });
      expect(summary).toMatchObject({
        path: repo.workTree,
        branch: 'main',
        collections: [{ id: 'posts', folder: 'content/posts', postCount: 2 }],
      });
      expect((await backend['app:info'](null)).openRepository).toEqual(summary);
      expect(await ok('repo:recent', null)).toEqual([
        expect.objectContaining({ path: repo.workTree, name: summary.name }),
      ]);
      // Another back end reading the same settings file (next launch) sees it too.
      await expect(make(false)['repo:recent'](null)).resolves.toHaveLength(1);
      expect(await ok('repo:status', null)).toMatchObject({
        branch: 'main',
        upstream: 'origin/main',
        ahead: 0,
        behind: 0,
        waitingToPush: 0,
        problem: null,
      });
    });

    it('opens directly for web mode --repo', async () => {
      const summary = await backend.openRepository(repo.workTree);
      expect(summary.path).toBe(repo.workTree);
      await expect(backend.openRepository('')).rejects.toMatchObject({ code: 'bad-request' });
    });

    it('reads images the open post refers to from the repository', async () => {
      await backend.openRepository(repo.workTree);
      repo.write({ 'static/img/a.png': 'png bytes' });
      const media = await backend.readMedia(POST_PATH, '/img/a.png');
      expect(media.contentType).toBe('image/png');
      expect(Buffer.from(media.bytes).toString()).toBe('png bytes');
      await expect(backend.readMedia(POST_PATH, '/img/missing.png')).rejects.toMatchObject({ code: 'not-found' });
    });

    it('lists, reads, saves and publishes posts through dispatch', async () => {
      await ok('repo:open', { path: repo.workTree });
      const { posts } = await ok<{ posts: { path: string; title: string }[] }>('posts:list', {});
      expect(posts.map((post) => post.title)).toEqual(['The Kettle Sings', 'Older']);

      const doc = await ok<PostDocument>('post:read', { path: POST_PATH });
      expect(doc).toMatchObject({ collection: 'posts', frontMatter: { title: 'The Kettle Sings' } });

      const saved = await ok<{ written: boolean; version: string }>('post:save', {
        path: POST_PATH,
        baseVersion: doc.version,
        frontMatter: doc.frontMatter,
        body: 'Steam rose, then settled.\n',
        ignoredExtra: 'dropped',
      });
      expect(saved.written).toBe(true);
      expect(readFileSync(join(repo.workTree, POST_PATH), 'utf8')).toContain('Steam rose, then settled.');

      const published = await ok<{ committed: boolean; message: string }>('post:publish', {
        path: POST_PATH,
        baseVersion: saved.version,
        frontMatter: { ...doc.frontMatter, title: 'The Kettle Whistles' },
        body: 'Steam rose, then settled.\n',
      });
      expect(published).toMatchObject({ committed: true, message: 'Publish: The Kettle Whistles' });
      expect(repo.remoteGit('log', '-1', '--format=%s', 'main').trim()).toBe('Publish: The Kettle Whistles');
      // Only the publish's progress, in order (the repository watch also reports the file it wrote).
      const progress = emitted.filter((event) => event.name === 'publish:progress');
      expect(progress.map((event) => [event.name, (event.payload as { stage: string }).stage])).toEqual([
        ['publish:progress', 'saving'],
        ['publish:progress', 'committing'],
        ['publish:progress', 'pushing'],
        ['publish:progress', 'done'],
      ]);
    });

    it('reports a conflicting save as changed-on-disk data', async () => {
      await ok('repo:open', { path: repo.workTree });
      const outcome = await dispatch(backend, 'post:save', {
        path: POST_PATH,
        baseVersion: 'stale',
        frontMatter: { title: 'Mine' },
        body: 'b\n',
      });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
      expect(readFileSync(join(repo.workTree, POST_PATH), 'utf8')).toBe(POST);
    });
  });
});
