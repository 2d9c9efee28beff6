import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectionExtensions,
  hasCollectionExtension,
  hasPostExtension,
  isPostExtension,
  normalizeRepoPath,
  resolveInRepo,
  resolvePostPath,
  resolveWritePath,
} from '../../../../main/workspace/paths';
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
  it('recognizes Markdown and MDX names only', () => {
    expect(hasPostExtension('a.md')).toBe(true);
    expect(hasPostExtension('A.MARKDOWN')).toBe(true);
    expect(hasPostExtension('notes.mdown')).toBe(true);
    expect(hasPostExtension('reading-list.mdx')).toBe(true);
    expect(hasPostExtension('Hello.MDX')).toBe(true);
    expect(hasPostExtension('.md')).toBe(false);
    expect(hasPostExtension('.mdx')).toBe(false);
    expect(hasPostExtension('md')).toBe(false);
    expect(hasPostExtension('a.mdxx')).toBe(false);
    expect(hasPostExtension('component.jsx')).toBe(false);
    expect(hasPostExtension('a.txt')).toBe(false);
  });
});

describe('isPostExtension', () => {
  it('tells post extensions (with or without the dot) from data files', () => {
    expect(['md', '.markdown', 'mdown', 'MDX'].map(isPostExtension)).toEqual([true, true, true, true]);
    expect(['json', '.yml', 'toml', 'astro', ''].map(isPostExtension)).toEqual([false, false, false, false, false]);
  });
});

describe('collectionExtensions / hasCollectionExtension', () => {
  it('uses every extension a Front Matter CMS collection allows', () => {
    const collection = { extension: 'md', extensions: ['md', 'markdown', 'mdx'] };
    expect(collectionExtensions(collection)).toEqual(['.md', '.markdown', '.mdx']);
    expect(
      ['a.md', 'b.MDX', 'c.markdown', 'd.mdown', 'e.json'].map((name) => hasCollectionExtension(name, collection)),
    ).toEqual([true, true, true, false, false]);
  });

  it('uses the one extension of a Decap collection (extension: mdx)', () => {
    const collection = { extension: 'mdx' };
    expect(collectionExtensions(collection)).toEqual(['.mdx']);
    expect(hasCollectionExtension('post.mdx', collection)).toBe(true);
    expect(hasCollectionExtension('post.md', collection)).toBe(false);
  });

  it('accepts extensions written with a dot or in capitals, once each', () => {
    expect(collectionExtensions({ extension: 'MD', extensions: ['.MD', 'md', '.Mdx'] })).toEqual(['.md', '.mdx']);
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
    writeFileSync(join(root, 'content', 'posts', 'b.mdx'), "import X from './x';\n\n# B\n");
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

  it('resolves an MDX post, so it can be read and saved', async () => {
    expect(await resolvePostPath(root, 'content/posts/b.mdx')).toBe(join(root, 'content', 'posts', 'b.mdx'));
  });

  it('allows a file that does not exist yet', async () => {
    expect(await resolveInRepo(root, 'content/posts/new/deeper/b.md')).toBe(
      join(root, 'content', 'posts', 'new', 'deeper', 'b.md'),
    );
  });

  it('follows symlinks that stay inside the repository', async () => {
    expect(await resolvePostPath(root, 'content/linked-in/a.md')).toBe(join(root, 'content', 'linked-in', 'a.md'));
  });

  it('rejects a symlinked file that leads outside', async () => {
    await expect(resolvePostPath(root, 'content/posts/leak.md')).rejects.toMatchObject({ code: 'outside-repository' });
  });

  it('rejects a path through a symlinked folder that leads outside, even to a new file', async () => {
    await expect(resolveInRepo(root, 'content/linked-out/new.md')).rejects.toMatchObject({
      code: 'outside-repository',
    });
  });

  it('rejects escapes and anything inside .git', async () => {
    await expect(resolvePostPath(root, '../secret.md')).rejects.toMatchObject({ code: 'outside-repository' });
    await expect(resolvePostPath(root, '.git/hooks/pre-commit.md')).rejects.toMatchObject({
      code: 'outside-repository',
    });
    await expect(resolvePostPath(root, 'content/.GIT/x.md')).rejects.toMatchObject({ code: 'outside-repository' });
  });

  it('resolveWritePath: any file type inside, refused through a link out, into .git, or by a link file', async () => {
    expect(await resolveWritePath(root, 'static/img/2026/pier.png')).toBe(
      join(root, 'static', 'img', '2026', 'pier.png'),
    );
    await expect(resolveWritePath(root, 'content/linked-out/2026/new.md')).rejects.toMatchObject({
      code: 'outside-repository',
    });
    await expect(resolveWritePath(root, 'content/posts/leak.md')).rejects.toMatchObject({ code: 'outside-repository' });
    await expect(resolveWritePath(root, '.git/hooks/pre-commit')).rejects.toMatchObject({ code: 'outside-repository' });
    await expect(resolveWritePath(root, 'content/../../elsewhere/x.md')).rejects.toMatchObject({
      code: 'outside-repository',
    });
  });

  it('rejects files that are not Markdown posts', async () => {
    await expect(resolvePostPath(root, 'package.json')).rejects.toMatchObject({ code: 'bad-request' });
    await expect(resolvePostPath(root, 'src/components/Callout.jsx')).rejects.toMatchObject({ code: 'bad-request' });
  });
});
