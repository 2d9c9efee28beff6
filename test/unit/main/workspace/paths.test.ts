import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostExtension, normalizeRepoPath, resolveInRepo, resolvePostPath } from '../../../../main/workspace/paths';
import { makeTempDir } from './temp-dir';

describe('normalizeRepoPath', () => {
  it('accepts and normalizes paths inside the repository', () => {
    expect(normalizeRepoPath('content/posts/a.md')).toBe('content/posts/a.md');
    expect(normalizeRepoPath('content//posts/./a.md')).toBe('content/posts/a.md');
    expect(normalizeRepoPath('content/drafts/../posts/a.md')).toBe('content/posts/a.md');
    expect(normalizeRepoPath('content/posts/')).toBe('content/posts');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/win.ini', 'drive letter'],
    ['..', 'parent'],
    ['../outside.md', 'parent escape'],
    ['content/../../outside.md', 'escape after normalizing'],
    ['content\\posts\\a.md', 'backslashes'],
    ['content/posts/a.md\0.png', 'NUL'],
    ['.', 'the root itself'],
  ])('rejects %j (%s) as outside-repository', (path) => {
    expect(() => normalizeRepoPath(path)).toThrow(expect.objectContaining({ code: 'outside-repository' }));
  });
});

describe('hasPostExtension', () => {
  it('recognizes Markdown names only', () => {
    expect(hasPostExtension('a.md')).toBe(true);
    expect(hasPostExtension('A.MARKDOWN')).toBe(true);
    expect(hasPostExtension('.md')).toBe(false);
    expect(hasPostExtension('a.mdx')).toBe(false);
    expect(hasPostExtension('md')).toBe(false);
  });
});

describe('resolveInRepo / resolvePostPath', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = makeTempDir();
    root = join(base, 'repo');
    mkdirSync(join(root, 'content', 'posts'), { recursive: true });
    mkdirSync(join(root, '.git', 'hooks'), { recursive: true });
    writeFileSync(join(root, 'content', 'posts', 'a.md'), '# A\n');
    writeFileSync(join(base, 'secret.md'), 'outside\n');
    mkdirSync(join(base, 'elsewhere'));
    symlinkSync(join(base, 'secret.md'), join(root, 'content', 'posts', 'leak.md'));
    symlinkSync(join(base, 'elsewhere'), join(root, 'content', 'linked-out'));
    symlinkSync('posts', join(root, 'content', 'linked-in'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('resolves a post to its absolute path', async () => {
    expect(await resolvePostPath(root, 'content/posts/a.md')).toBe(join(root, 'content', 'posts', 'a.md'));
  });

  it('allows a file that does not exist yet', async () => {
    expect(await resolveInRepo(root, 'content/posts/new/deeper/b.md')).toBe(join(root, 'content', 'posts', 'new', 'deeper', 'b.md'));
  });

  it('follows symlinks that stay inside the repository', async () => {
    expect(await resolvePostPath(root, 'content/linked-in/a.md')).toBe(join(root, 'content', 'linked-in', 'a.md'));
  });

  it('rejects a symlinked file that leads outside', async () => {
    await expect(resolvePostPath(root, 'content/posts/leak.md')).rejects.toMatchObject({ code: 'outside-repository' });
  });

  it('rejects a path through a symlinked folder that leads outside, even to a new file', async () => {
    await expect(resolveInRepo(root, 'content/linked-out/new.md')).rejects.toMatchObject({ code: 'outside-repository' });
  });

  it('rejects escapes and anything inside .git', async () => {
    await expect(resolvePostPath(root, '../secret.md')).rejects.toMatchObject({ code: 'outside-repository' });
    await expect(resolvePostPath(root, '.git/hooks/pre-commit.md')).rejects.toMatchObject({ code: 'outside-repository' });
    await expect(resolvePostPath(root, 'content/.GIT/x.md')).rejects.toMatchObject({ code: 'outside-repository' });
  });

  it('rejects files that are not Markdown posts', async () => {
    await expect(resolvePostPath(root, 'package.json')).rejects.toMatchObject({ code: 'bad-request' });
  });
});
