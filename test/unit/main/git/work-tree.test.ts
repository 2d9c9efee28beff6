import { afterEach, describe, expect, it } from 'vitest';
import { parsePorcelainChanges, workTreeChanges } from '../../../../main/git/index';
import { createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';

describe('parsePorcelainChanges', () => {
  it('tells staged from unstaged, reads renames and unmerged entries, keeps spaces in names', () => {
    const sha = 'a'.repeat(40);
    // The HEAD side's object differs from the index side's: the index's is the one kept.
    const head = 'h'.repeat(40);
    const output = [
      '# branch.oid ' + head,
      '# branch.head main',
      `1 M. N... 100644 100644 100644 ${head} ${sha} content/staged post.md`,
      `1 .M N... 100644 100644 100644 ${head} ${sha} notes.txt`,
      `1 MM N... 100644 100644 100644 ${head} ${sha} both.md`,
      `2 R. N... 100644 100644 100644 ${head} ${sha} R100 new-name.md`,
      'old-name.md',
      `u UU N... 100644 100644 100644 100644 ${sha} ${sha} ${sha} clash.md`,
      '',
    ].join('\0');
    expect(parsePorcelainChanges(output)).toEqual([
      { path: 'content/staged post.md', staged: true, unstaged: false, unmerged: false, indexBlob: sha },
      { path: 'notes.txt', staged: false, unstaged: true, unmerged: false, indexBlob: sha },
      { path: 'both.md', staged: true, unstaged: true, unmerged: false, indexBlob: sha },
      { path: 'new-name.md', staged: true, unstaged: false, unmerged: false, indexBlob: sha },
      { path: 'clash.md', staged: true, unstaged: true, unmerged: true, indexBlob: null },
    ]);
  });
});

describe('workTreeChanges', () => {
  let repo: RepoWithRemote;
  afterEach(() => repo.cleanup());

  it('lists tracked files with changes and leaves untracked ones out', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n', 'b.md': 'b\n' } });
    repo.write({ 'a.md': 'a2\n', 'b.md': 'b2\n', 'untracked.md': 'u\n' });
    repo.git('add', 'a.md');
    repo.write({ 'a.md': 'a3\n' });
    expect(await workTreeChanges(repo.workTree)).toEqual([
      { path: 'a.md', staged: true, unstaged: true, unmerged: false, indexBlob: repo.git('rev-parse', ':a.md').trim() },
      {
        path: 'b.md',
        staged: false,
        unstaged: true,
        unmerged: false,
        indexBlob: repo.git('rev-parse', ':b.md').trim(),
      },
    ]);
  });
});
