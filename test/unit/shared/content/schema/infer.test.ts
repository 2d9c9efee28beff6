import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FrontMatterData, JsonValue } from '../../../../../shared/api';
import { parsePostFile } from '../../../../../shared/content/post-file';
import {
  completeCustomWidgets,
  fieldsForEntry,
  inferCollection,
  inferCollectionFields,
  inferFieldFromValues,
  inferModel,
  type InferenceEntry,
} from '../../../../../shared/content/schema/infer';
import { inferFileLayout, singularize } from '../../../../../shared/content/schema/infer';
import type { ContentModel, FolderCollection, SchemaField } from '../../../../../shared/content/schema/types';
import { collectionId, repoFolder } from '../../../../../shared/content/collection-ids';

const field = (name: string, values: JsonValue[], entries?: number): SchemaField =>
  inferFieldFromValues(name, values, entries);
const byName = (fields: SchemaField[], name: string): SchemaField => {
  const found = fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};

describe('inferFieldFromValues', () => {
  it('labels, never requires, and measures presence', () => {
    const inferred = field('twitterUsername', ['@a'], 4);
    expect(inferred).toMatchObject({
      name: 'twitterUsername',
      label: 'Twitter username',
      required: false,
      presence: 0.25,
    });
    expect(field('x', ['a']).presence).toBe(1);
    expect(field('x', [], 3).presence).toBe(0);
  });

  it('reads dates and date-times', () => {
    expect(field('date', ['2026-03-14', '2025-01-02']).widget).toBe('date');
    expect(field('date', ['2026-03-14T09:30:00.000Z', '2025-01-02'])).toMatchObject({
      widget: 'datetime',
      pickerUtc: false,
    });
    // Not a real date: stays text.
    expect(field('date', ['2026-02-30']).widget).toBe('string');
  });

  it('reads booleans and numbers', () => {
    expect(field('draft', [true, false]).widget).toBe('boolean');
    expect(field('weight', [1, 2, 3])).toMatchObject({ widget: 'number', valueType: 'int' });
    expect(field('rating', [1, 2.5])).toMatchObject({ widget: 'number', valueType: 'float' });
  });

  it('keeps URLs plain strings, even when shared', () => {
    expect(field('homepage', ['https://a.example/', 'https://a.example/', 'http://b.example/'], 5).widget).toBe(
      'string',
    );
  });

  it('makes multi-line, long and prose-keyed strings text', () => {
    expect(field('note', ['one\ntwo']).widget).toBe('text');
    expect(field('note', ['x'.repeat(81)]).widget).toBe('text');
    expect(field('description', ['Short.']).widget).toBe('text');
    expect(field('heading', ['Short.']).widget).toBe('string');
  });

  it('turns a small shared vocabulary into a select, most frequent first', () => {
    const author = field('author', ['Jonas', 'Mara', 'Mara', 'Ines'], 4);
    expect(author).toMatchObject({ widget: 'select', multiple: false });
    expect(author.widget === 'select' && author.options.map((o) => o.value)).toEqual(['Mara', 'Jonas', 'Ines']);
    expect(author.widget === 'select' && author.options[0]).toEqual({ label: 'Mara', value: 'Mara' });
    // No value shared: free text.
    expect(field('author', ['Jonas', 'Mara', 'Ines']).widget).toBe('string');
    // A key in few entries still counts its vocabulary against the values it has.
    expect(field('author', ['Jonas', 'Jonas'], 10).widget).toBe('select');
    // Titles never become choices, even when two collide.
    expect(field('title', ['Hello', 'Hello', 'Other'], 3).widget).toBe('string');
  });

  it('caps a select at 20 options', () => {
    const values = Array.from({ length: 21 }, (_, i) => `v${i}`);
    expect(field('category', [...values, ...values], 42).widget).toBe('string');
    expect(field('category', [...values.slice(0, 20), ...values.slice(0, 20)], 40).widget).toBe('select');
  });

  it('makes string lists lists, or a multiple select when the words recur', () => {
    expect(field('aliases', [['a', 'b'], ['c']])).toMatchObject({ widget: 'list', items: { kind: 'strings' } });
    const tags = field('tags', [['news', 'rust'], ['rust'], ['go']]);
    expect(tags).toMatchObject({ widget: 'select', multiple: true });
    expect(tags.widget === 'select' && tags.options.map((o) => o.value)).toEqual(['rust', 'news', 'go']);
    // Repeated inside one entry only does not count as recurring.
    expect(field('tags', [['a', 'a'], ['b']]).widget).toBe('list');
    expect(field('tags', [[], []])).toMatchObject({ widget: 'list', items: { kind: 'strings' } });
  });

  it('keeps lists of objects as lists of fields, offering recurring items as suggestions', () => {
    const community = { value: 'category-Zp', label: 'Community' };
    const category = field('category', [
      [{ value: 'category-Tq', label: 'Practice' }],
      [community],
      [{ label: 'Events', value: 'category-q8' }, community],
    ]);
    expect(category.widget).toBe('list');
    if (category.widget !== 'list' || category.items.kind !== 'fields') throw new Error('shape');
    expect(category.items.fields.map((f) => [f.name, f.widget])).toEqual([
      ['value', 'string'],
      ['label', 'string'],
    ]);
    expect(category.suggestions).toEqual([community]);
    const once = field('links', [[{ href: 'a' }], [{ href: 'b', rel: 'me' }]]);
    expect(once.widget === 'list' && once.suggestions).toBeUndefined();
    if (once.widget !== 'list' || once.items.kind !== 'fields') throw new Error('shape');
    expect(once.items.fields.map((f) => [f.name, f.presence])).toEqual([
      ['href', 1],
      ['rel', 0.5],
    ]);
  });

  it('offers per-key selects inside list items only when whole items do not recur', () => {
    const team = field('team', [
      [{ name: 'Ana', role: 'editor' }],
      [
        { name: 'Bo', role: 'editor' },
        { name: 'Cy', role: 'writer' },
      ],
    ]);
    if (team.widget !== 'list' || team.items.kind !== 'fields') throw new Error('shape');
    expect(team.suggestions).toBeUndefined();
    expect(team.items.fields.map((f) => [f.name, f.widget])).toEqual([
      ['name', 'string'],
      ['role', 'select'],
    ]);
  });

  it('infers nested objects recursively', () => {
    const seo = field('seo', [
      { title: 'A', noindex: false },
      { title: 'B', image: { src: 'x.png', width: 10 } },
    ]);
    if (seo.widget !== 'object') throw new Error('shape');
    expect(seo.fields.map((f) => [f.name, f.widget, f.presence])).toEqual([
      ['title', 'string', 1],
      ['noindex', 'boolean', 0.5],
      ['image', 'object', 0.5],
    ]);
  });

  it('keeps mixed and unrecognised shapes', () => {
    expect(field('version', [1, '1.2']).widget).toBe('kept');
    expect(field('mixed', [['a', { b: 1 }]]).widget).toBe('kept');
    expect(field('nested', [[['a']]]).widget).toBe('kept');
    expect(field('infinity', [Number.POSITIVE_INFINITY]).widget).toBe('kept');
  });

  it('learns nothing from empty values', () => {
    expect(field('image', [null, '']).widget).toBe('string');
    expect(field('date', ['2026-01-01', null, '']).widget).toBe('date');
  });
});

describe('inferCollectionFields', () => {
  it('orders keys like the fullest entry, then by first appearance', () => {
    const fields = inferCollectionFields([
      { extra: 1, title: 'A' },
      { title: 'B', date: '2026-01-01', draft: true },
      { title: 'C', other: 'x' },
    ]);
    expect(fields.map((f) => f.name)).toEqual(['title', 'date', 'draft', 'extra', 'other']);
    expect(fields.map((f) => Math.round((f.presence ?? 0) * 100))).toEqual([100, 33, 33, 33, 33]);
  });
});

describe('inferCollection', () => {
  const entry = (path: string, frontMatter: FrontMatterData = { title: 'T' }): InferenceEntry => ({
    path,
    frontMatter,
    format: 'yaml',
  });

  it('names, labels and singularizes', () => {
    const c = inferCollection('content/posts', [entry('content/posts/a.md')]);
    expect(c).toMatchObject({
      kind: 'folder',
      name: 'posts',
      label: 'Posts',
      labelSingular: 'Post',
      folder: 'content/posts',
    });
    expect(c).toMatchObject({
      format: 'frontmatter',
      create: true,
      bodyField: 'body',
      inferred: true,
      identifierField: 'title',
    });
    expect(singularize('Stories')).toBe('Story');
    expect(singularize('News')).toBe('News');
    expect(singularize('Blog posts')).toBe('Blog post');
    expect(singularize('Series')).toBe('Series');
    expect(singularize('Boxes')).toBe('Box');
  });

  it('takes the most common extension', () => {
    expect(inferCollection('p', [entry('p/a.mdx'), entry('p/b.md'), entry('p/c.mdx')]).extension).toBe('mdx');
    expect(inferCollection('p', []).extension).toBe('md');
  });

  it('infers slug and path templates from file names', () => {
    expect(inferFileLayout(['2026-03-14-harbour-meetup.md', '2025-01-02-x.md', 'about.md'])).toEqual({
      slug: '{{year}}-{{month}}-{{day}}-{{slug}}',
    });
    expect(inferFileLayout(['harbour-meetup.md', '2025-01-02-x.md'])).toEqual({ slug: '{{slug}}' });
    expect(inferFileLayout(['a/index.md', 'b/index.md', 'c.md'])).toEqual({ slug: '{{slug}}', path: '{{slug}}/index' });
    expect(inferFileLayout(['2026-01-01-a/index.md'])).toEqual({
      slug: '{{year}}-{{month}}-{{day}}-{{slug}}',
      path: '{{slug}}/index',
    });
    expect(inferFileLayout([])).toEqual({ slug: '{{slug}}' });
    expect(inferCollection('blog', [entry('blog/a/index.md')]).path).toBe('{{slug}}/index');
  });

  it('picks an identifier and sortable fields', () => {
    const c = inferCollection('notes', [
      entry('notes/a.md', { heading: 'A', published: '2026-01-01', n: 1 }),
      entry('notes/b.md', { heading: 'B', published: '2026-01-02' }),
    ]);
    expect(c.identifierField).toBe('heading');
    expect(c.sortableFields).toEqual(['published']);
    expect(inferCollection('p', [entry('p/a.md', { title: 'A', date: '2026-01-01' })]).sortableFields).toEqual([
      'date',
      'title',
    ]);
  });
});

describe('inferModel', () => {
  it('is an inferred model with unique names and the most common canonical origin', () => {
    const model = inferModel([
      {
        folder: 'content/posts',
        entries: [
          { path: 'content/posts/a.md', format: 'yaml', frontMatter: { seo: { url: 'https://example.org/a' } } },
        ],
      },
      {
        folder: 'blog/posts',
        entries: [
          {
            path: 'blog/posts/b.md',
            format: 'toml',
            frontMatter: { canonicalURL: 'https://example.org/b', permalink: '/b/' },
          },
          { path: 'blog/posts/c.md', format: 'toml', frontMatter: { url: 'http://old.example.net/c' } },
        ],
      },
    ]);
    expect(model).toMatchObject({
      source: 'inferred',
      configPath: null,
      siteUrl: 'https://example.org',
      commitMessages: {},
      problems: [],
    });
    expect(model.collections.map((c) => c.name)).toEqual(['posts', 'posts-2']);
    expect(inferModel([{ folder: 'p', entries: [] }]).siteUrl).toBeUndefined();
  });
});

describe('the fixture blog', () => {
  const dir = join(__dirname, '../../../../fixtures/blog/content/posts');
  const entries: InferenceEntry[] = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const parsed = parsePostFile(readFileSync(join(dir, name), 'utf8'));
      return { path: `content/posts/${name}`, frontMatter: parsed.data, format: parsed.format };
    });
  const model = inferModel([{ folder: 'content/posts', entries }]);
  const posts = model.collections[0];

  it('infers a sensible schema', () => {
    if (posts?.kind !== 'folder') throw new Error('no collection');
    expect(posts).toMatchObject({
      name: 'posts',
      labelSingular: 'Post',
      extension: 'md',
      slug: '{{year}}-{{month}}-{{day}}-{{slug}}',
      identifierField: 'title',
    });
    expect(posts.fields.map((f) => [f.name, f.widget])).toEqual([
      ['templateKey', 'select'],
      ['title', 'string'],
      ['author', 'select'],
      ['date', 'datetime'],
      ['category', 'list'],
      ['draft', 'boolean'],
      ['seo', 'object'],
    ]);
    const author = byName(posts.fields, 'author');
    expect(author.widget === 'select' && author.options[0]?.value).toBe('Mara Lindqvist');
    const category = byName(posts.fields, 'category');
    expect(category.widget === 'list' && category.suggestions).toEqual([
      { value: 'category-Zp41kRwe', label: 'Community' },
    ]);
    const seo = byName(posts.fields, 'seo');
    expect(seo.widget === 'object' && seo.fields.map((f) => [f.name, f.widget])).toEqual([
      ['title', 'string'],
      ['description', 'text'],
      ['url', 'string'],
      ['twitterUsername', 'select'],
    ]);
    expect(posts.fields.every((f) => !f.required && f.presence === 1)).toBe(true);
    expect(posts.sortableFields).toEqual(['date', 'title']);
    expect(model.siteUrl).toBe('https://example.org');
  });
});

describe('completeCustomWidgets', () => {
  const custom = (name: string): SchemaField => ({
    name,
    label: name.toUpperCase(),
    required: true,
    widget: 'custom',
    customWidget: 'ncw-file-relation',
    editor: null,
  });
  const model: ContentModel = {
    source: 'decap',
    configPath: 'static/admin/config.yml',
    commitMessages: {},
    problems: [],
    collections: [
      {
        kind: 'folder',
        name: collectionId('blog'),
        label: 'Blog',
        labelSingular: 'Post',
        folder: repoFolder('content/blog'),
        extension: 'md',
        format: 'frontmatter',
        slug: '{{slug}}',
        identifierField: 'title',
        sortableFields: [],
        create: true,
        bodyField: 'body',
        inferred: false,
        fields: [
          custom('category'),
          custom('missing'),
          {
            name: 'seo',
            label: 'SEO',
            required: false,
            widget: 'object',
            collapsed: false,
            fields: [custom('author')],
          },
          {
            name: 'blocks',
            label: 'Blocks',
            required: false,
            widget: 'list',
            allowAdd: true,
            collapsed: false,
            items: { kind: 'fields', fields: [custom('ref')] },
          },
        ],
      },
      {
        kind: 'file',
        name: collectionId('settings'),
        label: 'Settings',
        labelSingular: 'Settings',
        files: [{ name: 'site', label: 'Site', file: 'site.json', fields: [custom('owner')] }],
      },
    ],
  };
  const entries = new Map<string, FrontMatterData[]>([
    [
      'blog',
      [
        { category: [{ value: 'c1', label: 'Practice' }], seo: { author: 'Mara' }, blocks: [{ ref: 3 }] },
        { category: [{ value: 'c2', label: 'Events' }], seo: { author: 'Mara' }, blocks: [{ ref: 4 }, { ref: 5 }] },
        { seo: { author: 'Jonas' } },
      ],
    ],
    ['settings/site', [{ owner: 'x' }]],
  ]);
  const completed = completeCustomWidgets(model, entries);
  const blog = completed.collections[0];

  it('infers editors at every depth, keeping label and required', () => {
    if (blog?.kind !== 'folder') throw new Error('shape');
    const category = byName(blog.fields, 'category');
    if (category.widget !== 'custom' || category.editor?.widget !== 'list') throw new Error('category editor');
    expect(category.editor).toMatchObject({
      name: 'category',
      label: 'CATEGORY',
      required: true,
      items: { kind: 'fields' },
    });
    // Every item seen is offered, even those in one entry only: the writer picks rather than retypes ids.
    expect(category.editor.suggestions).toEqual([
      { value: 'c1', label: 'Practice' },
      { value: 'c2', label: 'Events' },
    ]);
    expect(byName(blog.fields, 'missing')).toMatchObject({ widget: 'custom', editor: null });
    const seo = byName(blog.fields, 'seo');
    expect(seo.widget === 'object' && seo.fields[0]).toMatchObject({ widget: 'custom', editor: { widget: 'select' } });
    const blocks = byName(blog.fields, 'blocks');
    expect(blocks.widget === 'list' && blocks.items.kind === 'fields' && blocks.items.fields[0]).toMatchObject({
      editor: { widget: 'number', valueType: 'int' },
    });
    const tags = completeCustomWidgets(
      { ...model, collections: [{ ...(model.collections[0] as FolderCollection), fields: [custom('tags')] }] },
      new Map([['blog', [{ tags: ['a', 'b'] }, { tags: ['a'] }]]]),
    ).collections[0];
    expect(tags?.kind === 'folder' && tags.fields[0]).toMatchObject({ editor: { widget: 'select', multiple: true } });
    const settings = completed.collections[1];
    expect(settings?.kind === 'file' && settings.files[0]?.fields[0]).toMatchObject({ editor: { widget: 'string' } });
  });

  it('returns a new model without touching the old one', () => {
    expect(completed).not.toBe(model);
    const original = model.collections[0];
    expect(original?.kind === 'folder' && original.fields[0]).toMatchObject({ editor: null });
  });
});

describe('fieldsForEntry', () => {
  const schema: SchemaField[] = [
    { name: 'title', label: 'Title', required: true, widget: 'string' },
    {
      name: 'seo',
      label: 'SEO',
      required: false,
      widget: 'object',
      collapsed: false,
      fields: [{ name: 'title', label: 'Title', required: false, widget: 'string' }],
    },
    {
      name: 'links',
      label: 'Links',
      required: false,
      widget: 'list',
      allowAdd: true,
      collapsed: false,
      items: { kind: 'fields', fields: [{ name: 'href', label: 'Href', required: false, widget: 'string' }] },
    },
  ];

  it('adds every key the schema does not name, at every depth', () => {
    const fields = fieldsForEntry(schema, {
      title: 'A',
      layout: 'wide',
      seo: { title: 'S', noindex: true },
      links: [{ href: 'a', rel: 'me' }],
    });
    expect(fields.map((f) => f.name)).toEqual(['title', 'seo', 'links', 'layout']);
    expect(byName(fields, 'layout')).toMatchObject({ widget: 'string', required: false, label: 'Layout' });
    const seo = byName(fields, 'seo');
    expect(seo.widget === 'object' && seo.fields.map((f) => [f.name, f.widget])).toEqual([
      ['title', 'string'],
      ['noindex', 'boolean'],
    ]);
    const links = byName(fields, 'links');
    expect(links.widget === 'list' && links.items.kind === 'fields' && links.items.fields.map((f) => f.name)).toEqual([
      'href',
      'rel',
    ]);
  });

  it('gives a custom field without an editor one from this entry', () => {
    const custom: SchemaField = {
      name: 'ref',
      label: 'Reference',
      required: true,
      widget: 'custom',
      customWidget: 'x',
      editor: null,
    };
    expect(fieldsForEntry([custom], { ref: ['a'] })[0]).toMatchObject({
      widget: 'custom',
      editor: { widget: 'list', label: 'Reference' },
    });
    expect(fieldsForEntry([custom], {})[0]).toBe(custom);
  });

  it('returns the schema fields untouched when nothing is extra', () => {
    const fields = fieldsForEntry(schema, { title: 'A', links: [{ href: 'x' }] });
    expect(fields).toEqual(schema);
    expect(fields[2]).toBe(schema[2]);
  });
});
