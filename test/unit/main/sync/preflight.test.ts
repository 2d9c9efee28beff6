// A crashed git leaves `.git/index.lock` behind and every later commit fails. Masthead offers to
// remove it — but only when no git program is working in the repository, and never a fresh lock.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assertPublishable,
  blobId,
  glanceAtIndex,
  glanceInGitFolder,
  glanceWithGit,
  removeStaleIndexLock,
} from '../../../../main/sync/preflight';
import { createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';

describe('removeStaleIndexLock', () => {
  let repo: RepoWithRemote;
  let lock: string;
  const ageLock = (): void => {
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
  };
  beforeEach(() => {
    repo = createRepoWithRemote();
    lock = join(repo.workTree, '.git', 'index.lock');
  });
  afterEach(() => repo.cleanup());

  it('removes a lock a crashed git left behind, and says when there was none', async () => {
    writeFileSync(lock, '');
    ageLock();
    expect(await removeStaleIndexLock(repo.workTree)).toBe(true);
    expect(existsSync(lock)).toBe(false);
    expect(await removeStaleIndexLock(repo.workTree)).toBe(false);
    // git works again.
    repo.write({ 'notes.md': 'After the crash.\n' });
    repo.git('add', 'notes.md');
  });

  it('leaves the lock while a git program runs in the repository', async () => {
    writeFileSync(lock, '');
    ageLock();
    // A git process that waits on its input, as a long commit or rebase would hold the repository.
    const git = spawn('git', ['cat-file', '--batch'], { cwd: repo.workTree, stdio: ['pipe', 'ignore', 'ignore'] });
    await new Promise((resolve) => git.once('spawn', resolve));
    try {
      await expect(removeStaleIndexLock(repo.workTree)).rejects.toMatchObject({
        code: 'git-locked',
        message: expect.stringMatching(/working in this repository right now/),
      });
      expect(existsSync(lock)).toBe(true);
    } finally {
      git.stdin.end();
      await new Promise((resolve) => git.once('exit', resolve));
    }
  });

  it('leaves a lock made a moment ago', async () => {
    writeFileSync(lock, '');
    await expect(removeStaleIndexLock(repo.workTree)).rejects.toMatchObject({ code: 'git-locked' });
    expect(existsSync(lock)).toBe(true);
  });
});

// A publish reads the index once, while the post is saved, and checks the files it commits against
// that reading: the usual case (nothing staged) needs no further git run, and a staged file is
// compared by object id, with git's own status deciding whenever the ids differ.
describe('glanceAtIndex and assertPublishable', () => {
  let repo: RepoWithRemote;
  afterEach(() => repo.cleanup());

  it('reads what is staged (with the object the index holds), the upstream and how far behind it is', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n', 'b.md': 'b\n' } });
    const other = repo.cloneElsewhere();
    writeFileSync(join(other.workTree, 'b.md'), 'b from a co-author\n');
    other.git('commit', '-qam', 'Theirs');
    other.git('push', '--quiet');
    repo.git('fetch', '--quiet');
    repo.write({ 'a.md': 'a staged\n', 'b.md': 'b only in the work tree\n' });
    repo.git('add', 'a.md');
    const glance = await glanceAtIndex(repo.workTree);
    expect([...glance.staged]).toEqual([['a.md', repo.git('rev-parse', ':a.md').trim()]]);
    expect(glance).toMatchObject({ upstream: 'origin/main', behind: 1 });
  });

  it('lets a file staged exactly as it is through, and refuses one staged with other text', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n' } });
    repo.write({ 'a.md': 'a staged as it is\n' });
    repo.git('add', 'a.md');
    await expect(assertPublishable(repo.workTree, ['a.md'], await glanceAtIndex(repo.workTree))).resolves.toBe(
      undefined,
    );
    const glance = await glanceAtIndex(repo.workTree);
    // The save changes the file after the glance: what is staged is no longer what is published.
    repo.write({ 'a.md': 'a as the writer saved it\n' });
    await expect(assertPublishable(repo.workTree, ['a.md'], glance)).rejects.toThrow(/staged in git with other text/);
    expect(repo.git('show', ':a.md')).toBe('a staged as it is\n');
  });

  it('asks git when the bytes git stores differ from the file (a clean filter), instead of refusing', async () => {
    repo = createRepoWithRemote({ files: { '.gitattributes': '*.md filter=shout\n', 'a.md': 'A\n' } });
    repo.git('config', 'filter.shout.clean', 'tr a-z A-Z');
    repo.git('config', 'filter.shout.smudge', 'cat');
    repo.write({ 'a.md': 'quiet words\n' });
    repo.git('add', 'a.md');
    expect(repo.git('show', ':a.md')).toBe('QUIET WORDS\n');
    const glance = await glanceAtIndex(repo.workTree);
    expect(blobId(readFileSync(join(repo.workTree, 'a.md')), 'sha1')).not.toBe(glance.staged.get('a.md'));
    await expect(assertPublishable(repo.workTree, ['a.md'], glance)).resolves.toBe(undefined);
  });

  const upstream = { short: 'origin/main', trackingRef: 'refs/remotes/origin/main' };

  it('reads the glance from the git folder after a publish, and agrees with git status', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n', 'b.md': 'b\n' } });
    repo.write({ 'a.md': 'a published\n', 'b.md': 'b edited, not staged\n' });
    repo.git('commit', '-q', '--only', '-m', 'Publish: a', '--', 'a.md');
    repo.git('push', '--quiet');
    const read = await glanceInGitFolder(repo.workTree, upstream);
    expect(read).toEqual({ staged: new Map(), upstream: 'origin/main', behind: 0 });
    expect(await glanceAtIndex(repo.workTree, upstream)).toEqual(await glanceWithGit(repo.workTree));
  });

  it('leaves the count to git when the upstream as last fetched is not HEAD', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n' } });
    const other = repo.cloneElsewhere();
    writeFileSync(join(other.workTree, 'a.md'), 'a from a co-author\n');
    other.git('commit', '-qam', 'Theirs');
    other.git('push', '--quiet');
    repo.git('fetch', '--quiet');
    expect(await glanceInGitFolder(repo.workTree, upstream)).toEqual({ staged: new Map(), upstream: null, behind: 0 });
    expect(await glanceWithGit(repo.workTree)).toMatchObject({ upstream: 'origin/main', behind: 1 });
  });

  it('asks git status as soon as a file is staged', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n' } });
    repo.write({ 'a.md': 'a staged by hand\n' });
    repo.git('add', 'a.md');
    expect(await glanceInGitFolder(repo.workTree, upstream)).toBeNull();
    const glance = await glanceAtIndex(repo.workTree, upstream);
    expect([...glance.staged]).toEqual([['a.md', repo.git('rev-parse', ':a.md').trim()]]);
    repo.write({ 'a.md': 'a as the writer saved it\n' });
    await expect(assertPublishable(repo.workTree, ['a.md'], glance)).rejects.toThrow(/staged in git with other text/);
  });

  it('names blobs as git does', () => {
    repo = createRepoWithRemote();
    const bytes = new TextEncoder().encode('Quay lights — 2026\n');
    writeFileSync(join(repo.workTree, 'x.md'), bytes);
    expect(blobId(bytes, 'sha1')).toBe(repo.git('hash-object', 'x.md').trim());
  });
});
