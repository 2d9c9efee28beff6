import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitProcessRunning, inProgressFrom, repositoryState } from '../../../../main/git/index';
import { createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';

describe('inProgressFrom', () => {
  it('names the operation from the files git keeps while it waits', () => {
    expect(inProgressFrom(new Set())).toBeNull();
    expect(inProgressFrom(new Set(['MERGE_HEAD']))).toBe('merge');
    expect(inProgressFrom(new Set(['rebase-merge']))).toBe('rebase');
    expect(inProgressFrom(new Set(['rebase-apply']))).toBe('rebase');
    expect(inProgressFrom(new Set(['rebase-apply', 'rebase-apply/applying']))).toBe('am');
    expect(inProgressFrom(new Set(['CHERRY_PICK_HEAD']))).toBe('cherry-pick');
    expect(inProgressFrom(new Set(['REVERT_HEAD']))).toBe('revert');
  });
});

describe('repositoryState', () => {
  let repo: RepoWithRemote;
  afterEach(() => repo.cleanup());

  it('sees a merge left unfinished and a lock file', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n' } });
    expect(await repositoryState(repo.workTree)).toMatchObject({ inProgress: null, locked: false });
    writeFileSync(join(repo.workTree, '.git', 'MERGE_HEAD'), `${repo.git('rev-parse', 'HEAD').trim()}\n`);
    writeFileSync(join(repo.workTree, '.git', 'index.lock'), '');
    expect(await repositoryState(repo.workTree)).toMatchObject({
      gitDir: join(repo.workTree, '.git'),
      inProgress: 'merge',
      locked: true,
    });
  });
});

describe('gitProcessRunning', () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

  function fakeProc(processes: Array<{ pid: number; comm: string; cwd: string }>): string {
    const root = mkdtempSync(join(tmpdir(), 'masthead-proc-'));
    roots.push(root);
    for (const { pid, comm, cwd } of processes) {
      mkdirSync(join(root, String(pid)));
      writeFileSync(join(root, String(pid), 'comm'), `${comm}\n`);
      symlinkSync(cwd, join(root, String(pid), 'cwd'));
    }
    return root;
  }

  it('finds a git process working inside the work tree, and none elsewhere', async () => {
    const proc = fakeProc([
      { pid: 101, comm: 'git', cwd: '/home/w/other-blog' },
      { pid: 102, comm: 'node', cwd: '/home/w/blog' },
    ]);
    expect(await gitProcessRunning('/home/w/blog', proc)).toBe(false);
    const busy = fakeProc([{ pid: 103, comm: 'git', cwd: '/home/w/blog/content' }]);
    expect(await gitProcessRunning('/home/w/blog', busy)).toBe(true);
    expect(await gitProcessRunning('/home/w/blog', join(proc, 'missing'))).toBeNull();
  });
});
