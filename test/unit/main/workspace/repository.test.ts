import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expandFolder, openRepository } from '../../../../main/workspace/repository';
import { createPlainFolder, createRepoWithRemote } from '../../../support/git-fixtures';

const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\nText.\n`;

describe('openRepository', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('summarizes a repository: path, name and branch (collections come from the content index)', async () => {
    const repo = createRepoWithRemote({
      files: {
        'content/posts/a.md': post('A', '2024-01-01'),
        'content/posts/b.md': post('B', '2024-02-01'),
        'README.md': '# Blog\n',
      },
    });
    cleanups.push(repo.cleanup);
    expect(await openRepository(repo.workTree)).toEqual({
      path: repo.workTree,
      name: 'work',
      branch: 'main',
      collections: [],
    });
  });

  it('opens the whole work tree when given a folder inside it', async () => {
    const repo = createRepoWithRemote({ files: { 'content/posts/a.md': post('A', '2024-01-01') } });
    cleanups.push(repo.cleanup);
    const summary = await openRepository(join(repo.workTree, 'content', 'posts'));
    expect(summary.path).toBe(repo.workTree);
  });

  it('reports a detached HEAD as no branch', async () => {
    const repo = createRepoWithRemote();
    cleanups.push(repo.cleanup);
    repo.git('checkout', '--quiet', '--detach');
    expect((await openRepository(repo.workTree)).branch).toBeNull();
  });

  it('refuses a folder that does not exist', async () => {
    const plain = createPlainFolder();
    cleanups.push(plain.cleanup);
    await expect(openRepository(join(plain.dir, 'nope'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses a file', async () => {
    const plain = createPlainFolder();
    cleanups.push(plain.cleanup);
    writeFileSync(join(plain.dir, 'file.txt'), 'x');
    await expect(openRepository(join(plain.dir, 'file.txt'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses a folder that is not a Git work tree', async () => {
    const plain = createPlainFolder();
    cleanups.push(plain.cleanup);
    await expect(openRepository(plain.dir)).rejects.toMatchObject({ code: 'not-a-repository' });
  });

  it('refuses an empty path', async () => {
    await expect(openRepository('  ')).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('expandFolder', () => {
  it('expands ~ and makes relative paths absolute', () => {
    expect(expandFolder('~')).toBe(homedir());
    expect(expandFolder('~/sites/blog')).toBe(join(homedir(), 'sites', 'blog'));
    expect(expandFolder('relative/site')).toBe(join(process.cwd(), 'relative', 'site'));
    expect(expandFolder(' /abs/site ')).toBe('/abs/site');
  });
});
