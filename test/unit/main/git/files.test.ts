import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listWorkTreeFiles, parseNulList } from '../../../../main/git/files';
import { createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';

let repo: RepoWithRemote | null = null;
afterEach(() => repo?.cleanup());

describe('listWorkTreeFiles', () => {
  it('lists tracked and untracked files but not ignored ones, with unicode names as written', async () => {
    repo = createRepoWithRemote({ files: { 'content/posts/a.md': 'a', '.gitignore': 'public/\n' } });
    repo.write({ 'content/posts/café.md': 'new', 'public/index.html': 'built', 'content/posts/a.md': 'changed' });
    writeFileSync(join(repo.workTree, 'content/posts/b.md'), 'b');
    const files = await listWorkTreeFiles(repo.workTree);
    expect(files.sort()).toEqual(['.gitignore', 'content/posts/a.md', 'content/posts/b.md', 'content/posts/café.md']);
  });

  it('parses NUL-separated output without duplicates', () => {
    expect(parseNulList('a\0b c\0a\0')).toEqual(['a', 'b c']);
  });
});
