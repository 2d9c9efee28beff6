import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentIndex } from '../../../../main/workspace/content-index';
import { tempSites, writeFiles } from './temp-dir';

const site = tempSites('masthead-index-');

const DECAP = `backend:
  name: git-gateway
site_url: https://harbour.example
media_folder: static/images
public_folder: /images
collections:
  - name: blog
    label: Blog
    folder: content/blog
    create: true
    slug: "{{year}}-{{month}}-{{day}}-{{slug}}"
    fields:
      - { name: templateKey, widget: hidden, default: blog-post }
      - { name: title, label: Title, widget: string }
      - { name: author, label: Author, widget: relation, collection: authors, value_field: name, search_fields: [name], display_fields: [name] }
      - { name: date, label: Date, widget: datetime }
      - { name: body, label: Body, widget: markdown }
  - name: authors
    label: Authors
    folder: content/authors
    extension: yml
    format: yaml
    create: true
    fields:
      - { name: name, label: Name, widget: string }
  - name: settings
    label: Settings
    files:
      - name: tags
        label: Tags
        file: src/data/tags.json
        fields:
          - { name: tags, label: Tags, widget: list, fields: [{ name: id, widget: string }, { name: label, widget: string }] }
`;

const POST = (title: string, author: string) =>
  `---\ntemplateKey: blog-post\ntitle: ${title}\nauthor: ${author}\ndate: 2026-03-14T10:00:00.000Z\n---\nHello.\n`;

describe('loadContentIndex', () => {
  it('reads a Decap config: collections from it, entries parsed, data files and file collections read', async () => {
    const root = site({
      'static/admin/config.yml': DECAP,
      'content/blog/2026-03-14-lamps.md': POST('Lamps', 'Ada Quay'),
      'content/blog/2026-03-15-tides.md': POST('Tides', 'Bo Pier'),
      'content/blog/README.md': '# not a post\n',
      'content/authors/ada.yml': 'name: Ada Quay\n',
      'content/authors/bo.yml': 'name: Bo Pier\n',
      'src/data/tags.json': '{ "tags": [{ "id": "sea", "label": "Sea" }] }',
    });
    const index = await loadContentIndex(root);
    expect(index.model.source).toBe('decap');
    expect(index.model.configPath).toBe('static/admin/config.yml');
    expect(index.model.problems).toEqual([]);
    expect(index.collections.map((c) => [c.folder, c.postCount])).toEqual([
      ['content/blog', 2],
      ['content/authors', 2],
    ]);
    const ada = index.entries.find((entry) => entry.path === 'content/authors/ada.yml');
    expect(ada).toMatchObject({ format: 'yaml', frontMatter: { name: 'Ada Quay' }, error: null });
    expect(index.files.get('src/data/tags.json')).toEqual({ tags: [{ id: 'sea', label: 'Sea' }] });
  });

  it('infers the model when there is no config', async () => {
    const root = site({
      'content/posts/a.md': '---\ntitle: A\ndraft: false\n---\nx\n',
      'content/posts/b.md': '---\ntitle: B\ndraft: true\n---\ny\n',
    });
    const index = await loadContentIndex(root);
    expect(index.model.source).toBe('inferred');
    expect(index.model.configPath).toBeNull();
    const [collection] = index.model.collections;
    expect(collection).toMatchObject({ kind: 'folder', folder: 'content/posts', inferred: true });
    expect(collection?.kind === 'folder' && collection.fields.map((field) => [field.name, field.widget])).toEqual([
      ['title', 'string'],
      ['draft', 'boolean'],
    ]);
  });

  it('reports a config whose folder is missing, naming the line, and still opens the posts with an inferred schema', async () => {
    const root = site({
      'static/admin/config.yml':
        'collections:\n  - name: blog\n    label: Blog\n    folder: content/nowhere\n    fields:\n      - { name: title, widget: string }\n',
      'content/posts/a.md': '---\ntitle: A\n---\nx\n',
      'content/posts/b.md': '---\ntitle: B\n---\ny\n',
    });
    const index = await loadContentIndex(root);
    expect(index.model.source).toBe('inferred');
    expect(index.model.configPath).toBe('static/admin/config.yml');
    expect(index.model.problems).toContainEqual(
      expect.objectContaining({
        file: 'static/admin/config.yml',
        line: 4,
        severity: 'error',
        message: expect.stringContaining('“content/nowhere” does not exist'),
      }),
    );
    expect(index.entries.map((entry) => entry.path).sort()).toEqual(['content/posts/a.md', 'content/posts/b.md']);
  });

  it('reports a YAML syntax error with its line and falls back to inference', async () => {
    const root = site({
      'static/admin/config.yml': 'collections:\n  - name: blog\n    folder: [content/blog\n',
      'content/posts/a.md': '---\ntitle: A\n---\nx\n',
      'content/posts/b.md': '---\ntitle: B\n---\ny\n',
    });
    const index = await loadContentIndex(root);
    expect(index.model.source).toBe('inferred');
    const problem = index.model.problems.find((item) => item.severity === 'error');
    expect(problem?.file).toBe('static/admin/config.yml');
    expect(problem?.line).toBeGreaterThan(0);
    expect(index.entries).toHaveLength(2);
  });

  it('keeps an unparseable entry with its error instead of dropping it', async () => {
    const root = site({
      'content/posts/a.md': '---\ntitle: A\n---\nx\n',
      'content/posts/b.md': '---\ntitle: [broken\n---\ny\n',
    });
    const index = await loadContentIndex(root);
    const broken = index.entries.find((entry) => entry.path === 'content/posts/b.md');
    expect(broken?.error).toMatch(/\S/);
    expect(broken?.frontMatter).toEqual({});
  });

  it('re-reads a changed entry on the next load (warm index keyed by size and mtime)', async () => {
    const root = site({
      'content/posts/a.md': '---\ntitle: Before\n---\nx\n',
      'content/posts/b.md': '---\ntitle: B\n---\ny\n',
    });
    await loadContentIndex(root);
    writeFiles(root, { 'content/posts/a.md': '---\ntitle: After the change\n---\nx\n' });
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'content/posts/a.md'), later, later);
    const index = await loadContentIndex(root);
    expect(index.entries.find((entry) => entry.path === 'content/posts/a.md')?.frontMatter).toEqual({
      title: 'After the change',
    });
  });

  it('reads front matter of any length, and big posts and data files whole where needed', async () => {
    const longList = Array.from({ length: 2000 }, (_, i) => `  - tag number ${i}`).join('\n');
    const longBody = 'A paragraph of the body that goes on. '.repeat(2000);
    const oneLineJson = JSON.stringify({ title: 'JSON on one line', notes: 'n'.repeat(20_000) });
    const root = site({
      'content/posts/long-matter.md': `---\ntitle: Long\ntags:\n${longList}\n---\nBody.\n`,
      'content/posts/long-body.md': `---\ntitle: "Long body, caf\u00e9"\n---\n${longBody}\n`,
      'content/posts/json.md': `${oneLineJson}\n\nBody.\n`,
      'content/posts/broken-late.md': `---\ntitle: Broken\ntags:\n${longList}\nbad: [unclosed\n---\nBody.\n`,
    });
    const index = await loadContentIndex(root);
    const byPath = new Map(index.entries.map((entry) => [entry.path, entry]));
    const long = byPath.get('content/posts/long-matter.md');
    expect(long?.error).toBeNull();
    expect((long?.frontMatter.tags as string[]).length).toBe(2000);
    expect((long?.frontMatter.tags as string[])[1999]).toBe('tag number 1999');
    expect(byPath.get('content/posts/long-body.md')?.frontMatter).toEqual({ title: 'Long body, café' });
    expect(byPath.get('content/posts/json.md')?.format).toBe('json');
    expect(byPath.get('content/posts/json.md')?.frontMatter.title).toBe('JSON on one line');
    expect(byPath.get('content/posts/broken-late.md')?.error).toMatch(/mistake on line 200[45]/);
  });

  it('gives a configured collection without a schema the fields its entries carry (Astro defineCollection without schema)', async () => {
    const root = site({
      'src/content.config.ts':
        "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nconst blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/blog' }) });\nexport const collections = { blog };\n",
      'src/content/blog/a.md': "---\ntitle: Gulls\npubDate: 'Jun 19 2024'\ndraft: false\n---\nx\n",
      'src/content/blog/b.md': "---\ntitle: Terns\npubDate: 'Jul 02 2024'\ndraft: true\n---\ny\n",
    });
    const index = await loadContentIndex(root);
    expect(index.model.source).toBe('astro');
    const blog = index.model.collections.find((collection) => collection.name === 'blog');
    expect(blog?.kind === 'folder' ? blog.fields.map((field) => [field.name, field.widget]) : null).toEqual([
      ['title', 'string'],
      ['pubDate', 'date'],
      ['draft', 'boolean'],
    ]);
  });
});
