import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blockedFiles, currentBranchName, moveBranchKeepingChanges } from '../../../../main/git/index';
import { toAppError } from '../../../../shared/errors';
import { createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';

describe('blockedFiles', () => {
  it('reads the files a checkout refused to overwrite', () => {
    const stderr =
      'error: Your local changes to the following files would be overwritten by checkout:\n\tconfig.toml\n\tcontent/posts/a b.md\nPlease commit your changes or stash them before you switch branches.\nAborting\n';
    expect(blockedFiles(stderr)).toEqual(['config.toml', 'content/posts/a b.md']);
    expect(
      blockedFiles(
        "error: Entry 'notes.md' not uptodate. Cannot merge.\nfatal: Could not reset index file to revision 'abc'.\n",
      ),
    ).toEqual(['notes.md']);
    expect(blockedFiles('fatal: something else\n')).toEqual([]);
  });
});

describe('moveBranchKeepingChanges', () => {
  let repo: RepoWithRemote;
  afterEach(() => repo.cleanup());

  it('moves the branch, updates changed files and keeps staged and unstaged changes of others', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n', 'b.md': 'b\n', 'c.md': 'c\n' } });
    const other = repo.cloneElsewhere();
    other.git('rm', '--quiet', 'c.md');
    other.git('commit', '--quiet', '-m', 'Remove c');
    other.git('push', '--quiet');
    repo.git('fetch', '--quiet');
    repo.write({ 'a.md': 'a staged\n' });
    repo.git('add', 'a.md');
    repo.write({ 'a.md': 'a dirty\n', 'b.md': 'b dirty\n' });

    await moveBranchKeepingChanges(repo.workTree, 'main', repo.git('rev-parse', 'origin/main').trim(), 'test');

    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(repo.git('rev-parse', 'origin/main').trim());
    expect(await currentBranchName(repo.workTree)).toBe('main');
    expect(repo.git('rev-parse', '--abbrev-ref', '@{u}').trim()).toBe('origin/main');
    expect(repo.git('show', ':a.md')).toBe('a staged\n');
    expect(readFileSync(join(repo.workTree, 'a.md'), 'utf8')).toBe('a dirty\n');
    expect(readFileSync(join(repo.workTree, 'b.md'), 'utf8')).toBe('b dirty\n');
    expect(repo.git('ls-files').trim().split('\n')).toEqual(['a.md', 'b.md']);
    expect(repo.git('reflog', '-1', '--format=%gs').trim()).toMatch(/^masthead: test/);
  });

  it('changes nothing and names the file when a file it must update has uncommitted edits', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n' } });
    const other = repo.cloneElsewhere();
    other.git('commit', '--quiet', '--allow-empty', '-m', 'noop');
    repo.write({ 'a.md': 'theirs\n' });
    repo.git('commit', '--quiet', '-am', 'Theirs, as a branch');
    const target = repo.git('rev-parse', 'HEAD').trim();
    repo.git('reset', '--quiet', '--hard', 'HEAD~1');
    repo.write({ 'a.md': 'mine, not committed\n' });
    const head = repo.git('rev-parse', 'HEAD').trim();

    const error = await moveBranchKeepingChanges(repo.workTree, 'main', target, 'test').catch((caught: unknown) =>
      toAppError(caught),
    );
    expect(error).toMatchObject({
      code: 'git-failed',
      message: expect.stringMatching(/“a\.md”.*not committed/) as string,
    });
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(head);
    expect(readFileSync(join(repo.workTree, 'a.md'), 'utf8')).toBe('mine, not committed\n');
  });
});
