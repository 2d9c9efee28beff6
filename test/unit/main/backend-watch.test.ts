import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmitEvent, Events } from '../../../shared/api';
import { createBackend } from '../../../main/backend';
import { createFileSettings } from '../../../main/settings';
import { GIT_TEMP_FOLDER } from '../../../main/workspace/atomic-write';
import { LEFTOVER_MIN_AGE_MS } from '../../../main/workspace/write-leftovers';
import { createRepoWithRemote, type RepoWithRemote } from '../../support/git-fixtures';
import { makeTempDir } from './workspace/temp-dir';

const POST = 'content/posts/2026-02-03-ferry-timetable.md';

describe('backend: files changed on disk', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  /** Opens a repository of two posts; unless `scanned` is false, after the watch's first scan. */
  async function openRepo({ scanned = true } = {}) {
    const repo: RepoWithRemote = createRepoWithRemote({
      files: {
        [POST]: '---\ntitle: The Winter Ferry Timetable\n---\nThe first boat leaves at seven.\n',
        'content/posts/2026-01-20-pier-lights.md': '---\ntitle: Pier Lights\n---\nThe lights came on at dusk.\n',
      },
    });
    const configDir = makeTempDir();
    cleanups.push(repo.cleanup, () => rmSync(configDir, { recursive: true, force: true }));
    const changed: Events['files:changed'][] = [];
    const emit: EmitEvent = (name, payload) => {
      if (name === 'files:changed') changed.push(payload as Events['files:changed']);
    };
    const backend = createBackend({ shell: 'web', version: '0.0.0', settings: createFileSettings(configDir), emit });
    await backend.openRepository(repo.workTree);
    // Let the watch finish its first scan.
    if (scanned) await new Promise((resolve) => setTimeout(resolve, 300));
    const waitFor = async (predicate: () => boolean) => {
      const end = Date.now() + 5000;
      while (!predicate() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
    };
    return { repo, backend, changed, waitFor, paths: () => changed.flatMap((event) => event.paths) };
  }

  it('emits files:changed for a post a pull brought in, and the library lists the new title', async () => {
    const { repo, backend, waitFor, paths } = await openRepo();
    const other = repo.cloneElsewhere();
    writeFileSync(
      join(other.workTree, ...POST.split('/')),
      '---\ntitle: The Spring Ferry Timetable\n---\nThe first boat leaves at six.\n',
    );
    other.git('commit', '--quiet', '-am', 'Spring timetable');
    other.git('push', '--quiet');
    repo.git('pull', '--quiet', '--ff-only');

    await waitFor(() => paths().includes(POST));
    expect(paths()).toEqual([POST]);
    const listed = await backend['posts:list']({});
    expect(listed.posts?.find((post) => post.path === POST)?.title).toBe('The Spring Ferry Timetable');
  });

  it('lists a saved title at once, and one changed by another program once the watch has seen it', async () => {
    const { repo, backend, waitFor, paths } = await openRepo();
    const doc = await backend['post:read']({ path: POST });
    await backend['post:save']({
      path: POST,
      baseVersion: doc.version,
      frontMatter: { ...doc.frontMatter, title: 'The Summer Ferry Timetable' },
      body: doc.body,
    });
    const titleOf = async (path: string) =>
      (await backend['posts:list']({})).posts?.find((post) => post.path === path)?.title;
    expect(await titleOf(POST)).toBe('The Summer Ferry Timetable');

    const other = 'content/posts/2026-01-20-pier-lights.md';
    repo.write({ [other]: '---\ntitle: Pier Lights at Midnight\n---\nThe lights came on at dusk.\n' });
    await waitFor(() => paths().includes(other));
    expect(await titleOf(other)).toBe('Pier Lights at Midnight');
    expect(await titleOf(POST)).toBe('The Summer Ferry Timetable');
  });

  it('does not send the list again after a save that changed no row, and sends it after one that did', async () => {
    const { backend } = await openRepo();
    const first = await backend['posts:list']({});
    const save = async (title: string, body: string) => {
      const doc = await backend['post:read']({ path: POST });
      await backend['post:save']({
        path: POST,
        baseVersion: doc.version,
        frontMatter: { ...doc.frontMatter, title },
        body,
      });
    };
    const title = first.posts?.find((post) => post.path === POST)?.title ?? '';
    await save(title, 'Only the body changed.\n');
    expect(await backend['posts:list']({ known: first.version })).toEqual({ version: first.version });

    await save('The Night Ferry Timetable', 'Only the body changed.\n');
    const renamed = await backend['posts:list']({ known: first.version });
    expect(renamed.version).not.toBe(first.version);
    expect(renamed.posts?.find((post) => post.path === POST)?.title).toBe('The Night Ferry Timetable');
  });

  it('lists a title changed while the watch was starting, once the watch is ready', async () => {
    const { repo, backend } = await openRepo({ scanned: false });
    // Written during the watch's first scan, which may not tell it.
    writeFileSync(join(repo.workTree, ...POST.split('/')), '---\ntitle: The Autumn Ferry Timetable\n---\nSeven.\n');
    await backend.settle();
    const listed = await backend['posts:list']({});
    expect(listed.posts?.find((post) => post.path === POST)?.title).toBe('The Autumn Ferry Timetable');
  });

  it('emits nothing for changes outside the content (git internals, build output)', async () => {
    const { repo, changed, waitFor, paths } = await openRepo();
    repo.write({ 'public/index.html': '<h1>Ferry</h1>\n' });
    repo.git('commit', '--quiet', '--allow-empty', '-m', 'Nothing in the work tree');
    repo.write({
      'content/posts/2026-01-20-pier-lights.md': '---\ntitle: Pier Lights\n---\nThe lights came on at six.\n',
    });
    await waitFor(() => changed.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(paths()).toEqual(['content/posts/2026-01-20-pier-lights.md']);
  });

  it('after opening, removes the temp files of saves a crash cut short, and leaves the posts as they were', async () => {
    const { repo, backend } = await openRepo();
    const beside = join(repo.workTree, 'content', 'posts', `.${POST.split('/').pop()}.masthead-tmp-0a1b2c`);
    const inGit = join(repo.workTree, '.git', GIT_TEMP_FOLDER, 'post.md.masthead-tmp-3d4e5f');
    mkdirSync(dirname(inGit), { recursive: true });
    const old = new Date(Date.now() - LEFTOVER_MIN_AGE_MS - 60_000);
    for (const file of [beside, inGit]) {
      writeFileSync(file, 'half a save\n');
      utimesSync(file, old, old);
    }
    // Opened again (as the start screen does): the tidying runs once the repository is open.
    await backend.openRepository(repo.workTree);
    await backend.settle();
    expect(existsSync(beside)).toBe(false);
    expect(existsSync(inGit)).toBe(false);
    expect(readFileSync(join(repo.workTree, ...POST.split('/')), 'utf8')).toContain('The Winter Ferry Timetable');
  });
});
