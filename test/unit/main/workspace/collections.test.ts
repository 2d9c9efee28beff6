import { rmSync, symlinkSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findCollections,
  isPostFileName,
  labelCollections,
  scanCollections,
} from '../../../../main/workspace/collections';
import { makeTempDir, writeFiles } from './temp-dir';

const yamlPost = (title: string) => `---\ntitle: ${title}\n---\nBody of ${title}.\n`;
const tomlPost = (title: string) => `+++\ntitle = "${title}"\n+++\nBody.\n`;
const jsonPost = (title: string) => `{\n  "title": "${title}"\n}\nBody.\n`;
const plain = 'Just some notes, no front matter.\n';

describe('collection discovery', () => {
  const dirs: string[] = [];
  const repo = (files: Record<string, string>) => {
    const dir = makeTempDir();
    dirs.push(dir);
    writeFiles(dir, files);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('finds a Hugo site with page bundles and section pages, ignoring the theme and build output', async () => {
    const root = repo({
      'content/posts/first.md': yamlPost('First'),
      'content/posts/second-bundle/index.md': tomlPost('Second'),
      'content/posts/second-bundle/notes.txt': 'resource',
      'content/posts/_index.md': yamlPost('Section'),
      'content/_index.md': yamlPost('Home'),
      'themes/x/node_modules/pkg/a.md': yamlPost('dep'),
      'themes/x/node_modules/pkg/b.md': yamlPost('dep'),
      'public/posts/a.md': yamlPost('built'),
      'public/posts/b.md': yamlPost('built'),
      'README.md': '# Site\n',
    });
    const scanned = await scanCollections(root);
    expect(scanned).toEqual([
      // A section's `_index.md` is its landing page: listed, so it can be edited.
      {
        folder: 'content/posts',
        label: 'Posts',
        postCount: 3,
        files: ['content/posts/_index.md', 'content/posts/first.md', 'content/posts/second-bundle/index.md'],
      },
      { folder: 'content', label: 'Pages', postCount: 1, files: ['content/_index.md'] },
    ]);
  });

  it('finds Jekyll _posts and a discovered folder, skipping dot-folders and build output', async () => {
    const root = repo({
      '_posts/2024-01-01-hello.md': yamlPost('Hello'),
      '_posts/2024-02-01-again.markdown': yamlPost('Again'),
      'essays/one.md': jsonPost('One'),
      'essays/two.md': tomlPost('Two'),
      'essays/three.md': plain,
      'lonely/only.md': yamlPost('Only'),
      'docs/plain-a.md': plain,
      'docs/plain-b.md': plain,
      '.cache/x/a.md': yamlPost('cached'),
      '.cache/x/b.md': yamlPost('cached'),
      '_site/a.md': yamlPost('site'),
      '_site/b.md': yamlPost('site'),
      'dist/a.md': yamlPost('dist'),
      'dist/b.md': yamlPost('dist'),
    });
    expect(await findCollections(root)).toEqual([
      { folder: '_posts', label: 'Posts', postCount: 2 },
      // Discovered folders list every Markdown file, front matter or not: nothing is hidden.
      { folder: 'essays', label: 'Essays', postCount: 3 },
    ]);
  });

  it('finds an Astro content collection and labels clashing names by folder', async () => {
    const root = repo({
      'src/content/blog/a.md': yamlPost('A'),
      'blog/b.md': yamlPost('B'),
      'src/pages/index.astro': '<html></html>',
    });
    expect(await findCollections(root)).toEqual([
      { folder: 'src/content/blog', label: 'Blog (src/content/blog)', postCount: 1 },
      { folder: 'blog', label: 'Blog (blog)', postCount: 1 },
    ]);
  });

  it('keeps year folders inside their collection and separates nested collections', async () => {
    const root = repo({
      'content/posts/2023/a.md': yamlPost('A'),
      'content/posts/2023/b.md': yamlPost('B'),
      'content/posts/2024/c.md': yamlPost('C'),
      'content/about.md': yamlPost('About'),
      'content/contact.md': yamlPost('Contact'),
    });
    const scanned = await scanCollections(root);
    expect(scanned.map(({ folder, files }) => ({ folder, files }))).toEqual([
      {
        folder: 'content/posts',
        files: ['content/posts/2023/a.md', 'content/posts/2023/b.md', 'content/posts/2024/c.md'],
      },
      // `content` is discovered on its own pages; it does not swallow content/posts' posts.
      { folder: 'content', files: ['content/about.md', 'content/contact.md'] },
    ]);
  });

  it('counts a folder of page bundles as a collection', async () => {
    const root = repo({
      'writing/alpha/index.md': yamlPost('Alpha'),
      'writing/beta/index.md': yamlPost('Beta'),
      'writing/beta/extra.png': 'png',
    });
    expect(await findCollections(root)).toEqual([{ folder: 'writing', label: 'Writing', postCount: 2 }]);
  });

  it('ignores known folder names that hold no posts and repositories without posts', async () => {
    const root = repo({
      'posts/.gitkeep': '',
      'blog/index.html': '<p></p>',
      'README.md': '# x\n',
      'notes.md': yamlPost('n'),
    });
    expect(await findCollections(root)).toEqual([]);
  });

  it('does not follow symlinks out of the repository', async () => {
    const outside = repo({ 'a.md': yamlPost('A'), 'b.md': yamlPost('B') });
    const root = repo({ 'site/readme.txt': 'x' });
    symlinkSync(outside, `${root}/posts`);
    symlinkSync(outside, `${root}/site/linked`);
    expect(await findCollections(root)).toEqual([]);
  });

  it('finds the posts of a wide monorepo', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`packages/p${i}/src/index.ts`] = 'export {};\n';
    for (let i = 0; i < 50; i++) files[`content/posts/post-${i}.md`] = yamlPost(`Post ${i}`);
    const root = repo(files);
    expect(await findCollections(root)).toEqual([{ folder: 'content/posts', label: 'Posts', postCount: 50 }]);
  });
});

describe('naming helpers', () => {
  it('recognizes post file names', () => {
    expect(isPostFileName('hello-world.md')).toBe(true);
    expect(isPostFileName('README.md')).toBe(false);
    expect(isPostFileName('_index.md')).toBe(true);
    expect(isPostFileName('.hidden.md')).toBe(false);
    expect(isPostFileName('image.png')).toBe(false);
  });

  it('labels folders readably', () => {
    expect(labelCollections(['_posts', 'content/news-items', 'src/content/blog'])).toEqual([
      'Posts',
      'News Items',
      'Blog',
    ]);
  });
});
