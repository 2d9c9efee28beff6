import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContentService } from '../../../main/content-service';
import { readPost } from '../../../main/workspace/posts';
import { readFixtureFiles } from '../../support/content-repo';
import { tempSites, writeFiles } from './workspace/temp-dir';
import { collectionId } from '../../../shared/content/collection-ids';

const site = tempSites('masthead-content-');

const CONFIG = `collections:
  - name: blog
    label: Blog
    folder: content/blog
    create: true
    slug: "{{year}}-{{month}}-{{day}}-{{slug}}"
    fields:
      - { name: templateKey, widget: hidden, default: blog-post }
      - { name: title, label: Title, widget: string }
      - { name: date, label: Date, widget: datetime }
      - { name: draft, label: Draft, widget: boolean, default: true }
      - { name: author, label: Author, widget: relation, collection: authors, value_field: "{{slug}}", search_fields: [name, city], display_fields: [name] }
      - { name: category, label: Category, widget: relation, collection: settings, file: categories, value_field: "categories.*.id", search_fields: ["categories.*.label"], display_fields: ["categories.*.label"] }
      - { name: body, label: Body, widget: markdown }
  - name: notes
    label: Notes
    folder: content/notes
    format: toml-frontmatter
    create: false
    fields:
      - { name: title, widget: string }
  - name: authors
    label: Authors
    folder: content/authors
    extension: json
    format: json
    fields:
      - { name: name, widget: string }
  - name: settings
    label: Settings
    files:
      - name: categories
        label: Categories
        file: src/data/categories.json
        fields:
          - { name: categories, widget: list, fields: [{ name: id, widget: string }, { name: label, widget: string }] }
`;

function decapSite(): string {
  return site({
    'static/admin/config.yml': CONFIG,
    'content/blog/2026-03-14-lamps.md': '---\ntemplateKey: blog-post\ntitle: Lamps\n---\nHello.\n',
    'content/notes/one.md': '+++\ntitle = "One"\n+++\n',
    'content/authors/ada-quay.json': '{ "name": "Ada Quay", "city": "Oban" }',
    'content/authors/bo-pier.json': '{ "name": "Bo Pier", "city": "Whitby" }',
    'src/data/categories.json':
      '{ "categories": [{ "id": "cat-sea", "label": "Sea life" }, { "id": "cat-town", "label": "Town" }] }',
  });
}

describe('createPost', () => {
  it('writes the file named by the slug template, with the config defaults, and returns it opened', async () => {
    const root = decapSite();
    const service = createContentService(root);
    const doc = await service.createPost({ collection: collectionId('blog'), title: 'Café at the pier' });
    const today = new Date();
    const stamp = `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-${String(today.getUTCDate()).padStart(2, '0')}`;
    expect(doc.path).toBe(`content/blog/${stamp}-cafe-at-the-pier.md`);
    expect(doc.collection).toBe('blog');
    const text = readFileSync(join(root, doc.path), 'utf8');
    expect(text).toMatch(
      /^---\ntemplateKey: blog-post\ntitle: Café at the pier\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z\ndraft: true\n---\n$/,
    );
    expect(doc.frontMatter).toMatchObject({ templateKey: 'blog-post', title: 'Café at the pier', draft: true });
  });

  it('never overwrites: a second post with the same title gets the next free name', async () => {
    const root = decapSite();
    const service = createContentService(root);
    const first = await service.createPost({ collection: collectionId('blog'), title: 'Tides' });
    const second = await service.createPost({ collection: collectionId('blog'), title: 'Tides' });
    expect(second.path).toBe(first.path.replace(/\.md$/, '-1.md'));
    expect(readFileSync(join(root, first.path), 'utf8')).toContain('title: Tides');
  });

  it('refuses collections the config closes to new entries, and unknown ones', async () => {
    const service = createContentService(decapSite());
    await expect(service.createPost({ collection: collectionId('notes'), title: 'X' })).rejects.toMatchObject({
      code: 'bad-request',
    });
    await expect(service.createPost({ collection: collectionId('elsewhere'), title: 'X' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(service.createPost({ collection: collectionId('blog'), title: '   ' })).rejects.toMatchObject({
      code: 'bad-request',
    });
  });

  it('creates posts in a folder without config in the front-matter syntax its posts use', async () => {
    const root = site({
      'content/posts/a.md': '+++\ntitle = "A"\n+++\nx\n',
      'content/posts/b.md': '+++\ntitle = "B"\n+++\ny\n',
    });
    const doc = await createContentService(root).createPost({
      collection: collectionId('posts'),
      title: 'Winter notes',
    });
    expect(doc.path).toBe('content/posts/winter-notes.md');
    expect(doc.format).toBe('toml');
    expect(readFileSync(join(root, doc.path), 'utf8')).toContain('title = "Winter notes"');
  });
});

describe('relationOptions', () => {
  it('lists the entries of a folder collection by slug, searching every search field', async () => {
    const service = createContentService(decapSite());
    const query = {
      collection: collectionId('authors'),
      valueField: '{{slug}}',
      searchFields: ['name', 'city'],
      displayFields: ['name'],
    };
    expect(await service.relationOptions({ ...query, query: '' })).toEqual([
      { value: 'ada-quay', label: 'Ada Quay' },
      { value: 'bo-pier', label: 'Bo Pier' },
    ]);
    expect(await service.relationOptions({ ...query, query: 'whit' })).toEqual([
      { value: 'bo-pier', label: 'Bo Pier' },
    ]);
  });

  it('lists the items of a list inside a file collection entry (`categories.*.id`)', async () => {
    const service = createContentService(decapSite());
    const options = await service.relationOptions({
      collection: collectionId('settings'),
      file: 'categories',
      valueField: 'categories.*.id',
      searchFields: ['categories.*.label'],
      displayFields: ['categories.*.label'],
      query: 'sea',
    });
    expect(options).toEqual([{ value: 'cat-sea', label: 'Sea life' }]);
  });

  it('says plainly when the relation names a collection the site does not have', async () => {
    const service = createContentService(decapSite());
    await expect(
      service.relationOptions({
        collection: collectionId('people'),
        valueField: 'name',
        searchFields: [],
        displayFields: [],
        query: '',
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('listPosts', () => {
  it('lists the entries of every configured folder collection', async () => {
    const posts = await createContentService(decapSite()).listPosts();
    expect(posts.map((post) => [post.path, post.title])).toEqual(
      expect.arrayContaining([
        ['content/blog/2026-03-14-lamps.md', 'Lamps'],
        ['content/notes/one.md', 'One'],
      ]),
    );
  });
});

describe('refresh', () => {
  it('returns the same index while the watch runs and nothing changed; reads again when unwatched', async () => {
    const root = site({
      'content/posts/a.md': '---\ntitle: A\n---\nx\n',
      'content/posts/b.md': '---\ntitle: B\n---\ny\n',
    });
    const watch = { active: true };
    const service = createContentService(root, watch);
    try {
      const first = await service.refresh();
      expect(await service.refresh()).toBe(first);
      // A watch that failed sees nothing: a post added by another program is then found by reading again.
      watch.active = false;
      writeFiles(root, { 'content/posts/c.md': '---\ntitle: Written elsewhere\n---\nz\n' });
      expect((await service.listPosts()).map((post) => post.title)).toContain('Written elsewhere');
    } finally {
      service.close();
    }
  });

  it('re-reads after invalidate even before the watch reports anything', async () => {
    const root = site({
      'content/posts/a.md': '---\ntitle: A\n---\nx\n',
      'content/posts/b.md': '---\ntitle: B\n---\ny\n',
    });
    const service = createContentService(root, { active: true });
    try {
      const first = await service.refresh();
      service.invalidate();
      expect(await service.refresh()).not.toBe(first);
    } finally {
      service.close();
    }
  });
});

describe('refresh after files changed', () => {
  const titles = async (service: ReturnType<typeof createContentService>) =>
    Object.fromEntries((await service.listPosts()).map((post) => [post.path, post.title]));

  it('reads again only the files said to have changed; every other file keeps its last parse', async () => {
    const root = site({
      'content/posts/a.md': '---\ntitle: A\n---\nx\n',
      'content/posts/b.md': '---\ntitle: B\n---\ny\n',
    });
    const service = createContentService(root, { active: true });
    try {
      await service.refresh();
      // b.md changes without a word from the watch (as if its event were still on the way), a.md with one.
      writeFiles(root, {
        'content/posts/a.md': '---\ntitle: A, edited\n---\nx\n',
        'content/posts/b.md': '---\ntitle: B, edited elsewhere\n---\ny\n',
        'content/posts/c.md': '---\ntitle: C, new\n---\nz\n',
      });
      service.invalidate(['content/posts/a.md']);
      expect(await titles(service)).toEqual({
        'content/posts/a.md': 'A, edited',
        // Taken on trust: not even looked at.
        'content/posts/b.md': 'B',
        // A new file is found by listing the folder, which every refresh does.
        'content/posts/c.md': 'C, new',
      });
      // Once b.md's own change is told, it is read again too.
      service.invalidate(['content/posts/b.md']);
      expect((await titles(service))['content/posts/b.md']).toBe('B, edited elsewhere');
    } finally {
      service.close();
    }
  });

  it('looks at every file again when not told which changed, after a burst, before the watch reports, or without one', async () => {
    const root = site({
      'content/posts/a.md': '---\ntitle: A\n---\nx\n',
      'content/posts/b.md': '---\ntitle: B\n---\ny\n',
    });
    const watch = { active: true, reporting: true };
    const service = createContentService(root, watch);
    try {
      await service.refresh();
      // Each rewrite changes the size, so a look at the file tells (mtimes may not move within a test).
      writeFiles(root, { 'content/posts/b.md': '---\ntitle: B, one\n---\ny\n' });
      service.invalidate();
      expect((await titles(service))['content/posts/b.md']).toBe('B, one');

      writeFiles(root, { 'content/posts/b.md': '---\ntitle: B, two!\n---\ny\n' });
      service.invalidate(Array.from({ length: 101 }, (_, index) => `content/posts/other-${index}.md`));
      expect((await titles(service))['content/posts/b.md']).toBe('B, two!');

      writeFiles(root, { 'content/posts/b.md': '---\ntitle: B, three!!\n---\ny\n' });
      watch.reporting = false;
      service.invalidate(['content/posts/a.md']);
      expect((await titles(service))['content/posts/b.md']).toBe('B, three!!');

      writeFiles(root, { 'content/posts/b.md': '---\ntitle: B, four!!!\n---\ny\n' });
      watch.active = false;
      service.invalidate(['content/posts/a.md']);
      expect((await titles(service))['content/posts/b.md']).toBe('B, four!!!');
    } finally {
      service.close();
    }
  });

  it('reads a post it has just created, even at the path of a file indexed before and removed', async () => {
    const root = decapSite();
    const service = createContentService(root, { active: true });
    try {
      const first = await service.createPost({ collection: collectionId('blog'), title: 'Spring tides' });
      rmSync(join(root, first.path));
      service.invalidate([first.path]);
      expect((await service.listPosts()).map((post) => post.path)).not.toContain(first.path);
      // The same slug, so the same file name: the index must read it, not keep the removed file's parse.
      const second = await service.createPost({ collection: collectionId('blog'), title: 'Spring tides!' });
      expect(second.path).toBe(first.path);
      const listed = (await service.listPosts()).find((post) => post.path === second.path);
      expect(listed?.title).toBe('Spring tides!');
    } finally {
      service.close();
    }
  });
});

describe('createPost from a Hugo archetype', () => {
  it('uses the section’s archetype (else default.md) as `hugo new` would, with the writer’s title', async () => {
    const root = site({});
    writeFiles(root, readFixtureFiles('sites/hugo-docs'));
    const service = createContentService(root);
    try {
      const doc = await service.createPost({ collection: collectionId('docs'), title: 'Tide gauges' });
      expect(doc.path).toBe('content/docs/tide-gauges.md');
      expect(readFileSync(join(root, doc.path), 'utf8')).toBe(
        '+++\ntitle = \'Tide gauges\'\nweight = 100\ndescription = ""\n+++\n',
      );
      const post = await service.createPost({ collection: collectionId('blog'), title: 'Spring sailings' });
      const text = readFileSync(join(root, post.path), 'utf8');
      expect(text).toMatch(
        /^\+\+\+\ntitle = 'Spring sailings'\ndate = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d\ndraft = true\n\+\+\+\n$/,
      );
      expect(post).toMatchObject({
        collection: 'blog',
        format: 'toml',
        frontMatter: { title: 'Spring sailings', draft: true },
      });
    } finally {
      service.close();
    }
  });
});

describe('present', () => {
  it('never takes a post’s folder for a collection id, even where a collection has that name', async () => {
    const root = decapSite();
    // `notes/` is a folder outside every collection; `notes` is also the id of the collection in content/notes.
    writeFiles(root, { 'notes/stray.md': '---\ntitle: Stray\n---\nA file outside the collections.\n' });
    const service = createContentService(root);
    const doc = await service.present(await readPost(root, 'notes/stray.md'));
    expect(doc.collection).toBe('');
    // A post that is in a collection still opens in it.
    expect((await service.present(await readPost(root, 'content/notes/one.md'))).collection).toBe('notes');
  });
});
