import { afterEach, describe, expect, it } from 'vitest';
import { commitTree, readBlob, treeWithChanges, writeBlob } from '../../../../main/git/index';
import { createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';

describe('writing objects beside the work tree', () => {
  let repo: RepoWithRemote;
  afterEach(() => repo.cleanup());

  it('builds a commit from another tree with files set and removed, leaving the index and files alone', async () => {
    repo = createRepoWithRemote({ files: { 'content/a.md': 'A\n', 'content/b.md': 'B\n' } });
    repo.write({ 'content/b.md': 'B, dirty\n' });
    repo.git('add', 'content/b.md');
    const statusBefore = repo.git('status', '--porcelain');

    const blob = await writeBlob(repo.workTree, 'Written by Masthead — café\n');
    expect(await readBlob(repo.workTree, blob)).toBe('Written by Masthead — café\n');
    const tree = await treeWithChanges(repo.workTree, 'HEAD', [
      { path: 'content/new post.md', mode: '100644', blob },
      { path: 'content/a.md', mode: '100644', blob: null },
    ]);
    const commit = await commitTree(repo.workTree, tree, repo.git('rev-parse', 'HEAD').trim(), {
      authorName: 'Ines Okafor',
      authorEmail: 'ines@example.test',
      authorDate: '1767222000 +0100',
      message: 'Publish: New post\n\nWith a body.',
    });

    expect(repo.git('ls-tree', '-r', '--name-only', commit).trim().split('\n')).toEqual([
      'content/b.md',
      'content/new post.md',
    ]);
    expect(repo.git('log', '-1', '--format=%an <%ae> %ad|%cn|%B', '--date=raw', commit)).toBe(
      'Ines Okafor <ines@example.test> 1767222000 +0100|Test Writer|Publish: New post\n\nWith a body.\n\n',
    );
    // Nothing the writer sees moved.
    expect(repo.git('status', '--porcelain')).toBe(statusBefore);
    expect(repo.git('log', '--format=%s').trim()).toBe('Initial commit');
  });
});
