// A crashed git leaves `.git/index.lock` behind and every later commit fails. Masthead offers to
// remove it — but only when no git program is working in the repository, and never a fresh lock.
import { spawn } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleIndexLock } from '../../../../main/sync/preflight';
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
