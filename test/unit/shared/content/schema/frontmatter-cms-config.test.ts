import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatterCmsConfig } from '../../../../../shared/content/schema/frontmatter-cms-config';
import { fieldsForEntry } from '../../../../../shared/content/schema/infer';
import { parseJsonc } from '../../../../../shared/content/schema/jsonc';
import type { ContentModel, FolderCollection, SchemaField } from '../../../../../shared/content/schema/types';

const SITES = join(__dirname, '../../../../fixtures/sites');
const read = (text: string): ContentModel => readFrontMatterCmsConfig(text, 'frontmatter.json');

function folder(model: ContentModel, name: string): FolderCollection {
  const found = model.collections.find((c) => c.name === name);
  if (!found || found.kind !== 'folder') throw new Error(`no folder collection ${name}`);
  return found;
}
function field(fields: SchemaField[], name: string): SchemaField {
  const found = fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}
/** A settings file with one page folder whose default content type has `fields`. */
function withFields(fields: unknown[], extra: Record<string, unknown> = {}): ContentModel {
  return read(
    JSON.stringify(
      {
        'frontMatter.content.pageFolders': [{ title: 'Posts', path: '[[workspace]]/content/posts' }],
        'frontMatter.taxonomy.contentTypes': [{ name: 'default', fields }],
        ...extra,
      },
      null,
      2,
    ),
  );
}
const only = (model: ContentModel): SchemaField[] => folder(model, 'posts').fields;

describe('readFrontMatterCmsConfig: the fixture site', () => {
  const model = readFrontMatterCmsConfig(
    readFileSync(join(SITES, 'frontmatter-cms/frontmatter.json'), 'utf8'),
    'frontmatter.json',
  );

  it('loads with zero problems (comments and a trailing comma included)', () => {
    expect(model.problems).toEqual([]);
    expect(model).toMatchObject({
      source: 'frontmatter-cms',
      configPath: 'frontmatter.json',
      mediaFolder: 'public',
      publicFolder: '/',
      siteUrl: 'https://tidewater.example.org',
    });
    expect(
      model.collections.map(
        (c) => c.kind === 'folder' && [c.name, c.label, c.folder, c.extension, c.format, c.bodyField, c.create],
      ),
    ).toEqual([
      ['blog', 'Blog', 'src/content/blog', 'md', 'frontmatter', 'body', true],
      ['docs', 'Docs', 'src/content/docs', 'md', 'frontmatter', 'body', true],
    ]);
    expect(model.collections.map((c) => c.labelSingular)).toEqual(['Post', 'Doc']);
  });

  it('maps every field type of the post content type', () => {
    const fields = folder(model, 'blog').fields;
    expect(Object.fromEntries(fields.map((f) => [f.name, f.widget]))).toEqual({
      title: 'string',
      description: 'text',
      pubDate: 'datetime',
      slug: 'string',
      draft: 'boolean',
      featured: 'boolean',
      heroImage: 'image',
      download: 'file',
      readingTime: 'number',
      score: 'number',
      status: 'select',
      audience: 'select',
      tags: 'select',
      categories: 'list',
      platforms: 'select',
      seo: 'object',
      links: 'list',
      related: 'relation',
      extra: 'list',
      stars: 'custom',
    });
    expect(field(fields, 'title')).toEqual({ name: 'title', label: 'Title', required: true, widget: 'string' });
    expect(field(fields, 'description')).toMatchObject({ required: false, hint: 'Shown in search results.' });
    expect(field(fields, 'featured')).toMatchObject({ default: false });
    expect(field(fields, 'readingTime')).toMatchObject({ valueType: 'int', min: 1, max: 90 });
    expect(field(fields, 'score')).toMatchObject({ valueType: 'float', step: 0.1 });
    expect(field(fields, 'status')).toMatchObject({
      multiple: false,
      default: 'idea',
      options: [
        { label: 'idea', value: 'idea' },
        { label: 'writing', value: 'writing' },
        { label: 'review', value: 'review' },
        { label: 'done', value: 'done' },
      ],
    });
    expect(field(fields, 'audience')).toMatchObject({
      multiple: true,
      options: [
        { label: 'Developers', value: 'dev' },
        { label: 'Operators', value: 'ops' },
      ],
    });
    expect(field(fields, 'tags')).toMatchObject({
      multiple: true,
      options: [
        { label: 'astro', value: 'astro' },
        { label: 'deploy', value: 'deploy' },
        { label: 'offline', value: 'offline' },
        { label: 'release', value: 'release' },
        { label: 'tutorial', value: 'tutorial' },
      ],
    });
    expect(field(fields, 'categories')).toMatchObject({ items: { kind: 'strings' } });
    expect(field(fields, 'platforms')).toMatchObject({
      options: [{ value: 'linux' }, { value: 'macos' }, { value: 'windows' }],
    });
    expect(field(fields, 'seo')).toMatchObject({
      fields: [
        { name: 'title', widget: 'string' },
        { name: 'description', widget: 'text' },
        { name: 'image', widget: 'image' },
      ],
    });
    expect(field(fields, 'links')).toMatchObject({
      items: { kind: 'fields', fields: [{ name: 'label' }, { name: 'url' }] },
    });
    expect(field(fields, 'related')).toMatchObject({
      collection: 'docs',
      valueField: '{{slug}}',
      multiple: true,
      searchFields: ['title'],
      displayFields: ['title'],
    });
    expect(field(fields, 'extra')).toEqual({
      name: 'extra',
      label: 'Extra data',
      required: false,
      widget: 'list',
      allowAdd: true,
      collapsed: true,
      items: {
        kind: 'types',
        typeKey: 'dataType',
        types: [
          {
            name: 'source',
            label: 'Source',
            fields: [
              { name: 'name', label: 'Name', required: true, widget: 'string' },
              { name: 'url', label: 'Address', required: true, widget: 'string' },
              { name: 'year', label: 'Year', required: false, widget: 'number', valueType: 'int', min: 1900 },
              {
                name: 'kind',
                label: 'Kind',
                required: false,
                widget: 'select',
                multiple: false,
                options: [
                  { label: 'article', value: 'article' },
                  { label: 'dataset', value: 'dataset' },
                  { label: 'talk', value: 'talk' },
                ],
              },
              { name: 'checked', label: 'Link checked', required: false, widget: 'boolean' },
              {
                name: 'keywords',
                label: 'Keywords',
                required: false,
                widget: 'list',
                items: { kind: 'strings' },
                allowAdd: true,
                collapsed: false,
              },
            ],
          },
          {
            name: 'quote',
            label: 'Quote',
            fields: [
              { name: 'text', label: 'Quote text', required: true, widget: 'string' },
              { name: 'by', label: 'Said by', required: false, widget: 'string' },
            ],
          },
        ],
      },
    });
    expect(field(fields, 'stars')).toMatchObject({ customWidget: 'starRating', editor: null });
    // The divider named "body" stores nothing: it is not a field.
    expect(fields.map((f) => f.name)).not.toContain('body');
  });

  it('maps blocks with several field groups to typed list items, and hidden fields', () => {
    const fields = folder(model, 'docs').fields;
    expect(field(fields, 'steps')).toMatchObject({
      widget: 'list',
      items: {
        kind: 'types',
        typeKey: 'fieldGroup',
        types: [
          {
            name: 'step',
            fields: [
              { name: 'heading', widget: 'string' },
              { name: 'details', widget: 'text' },
            ],
          },
          { name: 'warning', fields: [{ name: 'message' }] },
        ],
      },
    });
    expect(field(fields, 'parent')).toMatchObject({ widget: 'relation', collection: 'docs', multiple: false });
    expect(field(fields, 'docId')).toMatchObject({ widget: 'hidden' });
  });
});

describe('readFrontMatterCmsConfig: mapping', () => {
  it('picks the "default" content type for folders that list none, else the first', () => {
    const model = read(
      JSON.stringify({
        frontMatter: {
          content: { pageFolders: [{ title: 'Posts', path: '[[workspace]]/content/posts' }] },
          taxonomy: {
            contentTypes: [
              { name: 'page', fields: [{ name: 'a' }] },
              { name: 'default', fields: [{ name: 'b' }] },
            ],
          },
        },
      }),
    );
    expect(model.problems).toEqual([]);
    expect(only(model).map((f) => f.name)).toEqual(['b']);
    const first = withFields([]);
    expect(first.collections).toHaveLength(1);
  });

  it('merges the fields of several listed content types, later ones optional', () => {
    const model = read(
      JSON.stringify({
        'frontMatter.content.pageFolders': [{ title: 'Posts', path: 'content/posts', contentTypes: ['a', 'b'] }],
        'frontMatter.taxonomy.contentTypes': [
          { name: 'a', fields: [{ name: 'title', type: 'string', isRequired: true }] },
          {
            name: 'b',
            pageBundle: true,
            fields: [
              { name: 'title', type: 'string' },
              { name: 'venue', type: 'string', isRequired: true },
            ],
          },
        ],
      }),
    );
    expect(only(model)).toEqual([
      { name: 'title', label: 'title', required: true, widget: 'string' },
      { name: 'venue', label: 'venue', required: false, widget: 'string' },
    ]);
    expect(folder(model, 'posts').labelSingular).toBe('A');
  });

  it('maps multiple images, wysiwyg strings, single-group blocks, plain lists and custom fields', () => {
    const fields = only(
      withFields(
        [
          { name: 'pics', type: 'image', multiple: true },
          { name: 'rich', type: 'string', wysiwyg: true },
          { name: 'steps', type: 'block', fieldGroup: ['g'] },
          { name: 'aliases', type: 'list' },
          { name: 'widget', type: 'customField', customType: 'rating' },
          { name: 'sep', type: 'heading' },
        ],
        { 'frontMatter.taxonomy.fieldGroups': [{ id: 'g', fields: [{ name: 'x' }] }] },
      ),
    );
    expect(fields.map((f) => f.name)).toEqual(['pics', 'rich', 'steps', 'aliases', 'widget']);
    expect(field(fields, 'pics')).toMatchObject({
      widget: 'list',
      items: { kind: 'field', field: { widget: 'image' } },
    });
    expect(field(fields, 'rich').widget).toBe('markdown');
    expect(field(fields, 'steps')).toMatchObject({ items: { kind: 'fields', fields: [{ name: 'x' }] } });
    expect(field(fields, 'aliases')).toMatchObject({ items: { kind: 'strings' } });
    expect(field(fields, 'widget')).toMatchObject({ widget: 'custom', customWidget: 'rating' });
  });

  it('maps a json field to a list of records typed by their data type’s JSON Schema', () => {
    const model = withFields([{ name: 'facts', type: 'json', dataType: 'fact' }], {
      'frontMatter.data.types': [
        {
          id: 'fact',
          schema: {
            type: 'object',
            required: ['claim'],
            properties: {
              claim: { type: 'string', description: 'One sentence.' },
              when: { type: 'string', format: 'date' },
              weight: { type: 'number', maximum: 1, default: 0.5 },
              where: { type: 'object', properties: { city: { type: 'string', title: 'City' } } },
              tags: { type: 'array', items: { enum: ['a', 'b'] } },
              notes: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' } } } },
              shape: { type: 'null' },
            },
          },
        },
      ],
    });
    expect(field(only(model), 'facts')).toMatchObject({
      widget: 'list',
      items: { kind: 'types', typeKey: 'dataType', types: [{ name: 'fact', label: 'fact' }] },
    });
    const [type] = (
      field(only(model), 'facts') as Extract<SchemaField, { widget: 'list' }> & { items: { kind: 'types' } }
    ).items.types;
    expect(type?.fields).toEqual([
      { name: 'claim', label: 'claim', required: true, hint: 'One sentence.', widget: 'string' },
      { name: 'when', label: 'when', required: false, widget: 'date' },
      { name: 'weight', label: 'weight', required: false, default: 0.5, widget: 'number', valueType: 'float', max: 1 },
      {
        name: 'where',
        label: 'where',
        required: false,
        widget: 'object',
        collapsed: false,
        fields: [{ name: 'city', label: 'City', required: false, widget: 'string' }],
      },
      {
        name: 'tags',
        label: 'tags',
        required: false,
        widget: 'select',
        multiple: true,
        options: [
          { label: 'a', value: 'a' },
          { label: 'b', value: 'b' },
        ],
      },
      {
        name: 'notes',
        label: 'notes',
        required: false,
        widget: 'list',
        allowAdd: true,
        collapsed: true,
        items: { kind: 'fields', fields: [{ name: 'text', label: 'text', required: false, widget: 'string' }] },
      },
      { name: 'shape', label: 'shape', required: false, widget: 'kept' },
    ]);
    expect(model.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          'Data type "fact", property "shape": type "null" has no editor; its values are shown and kept as they are.',
      }),
    ]);
  });

  it('falls back to records with inferred fields when a json field’s data type is unknown or missing', () => {
    const model = withFields([
      { name: 'unknown', type: 'json', dataType: 'nope' },
      { name: 'untyped', type: 'json' },
    ]);
    expect(field(only(model), 'unknown')).toMatchObject({ widget: 'list', items: { kind: 'fields', fields: [] } });
    expect(field(only(model), 'untyped')).toMatchObject({ widget: 'list', items: { kind: 'fields', fields: [] } });
    expect(model.problems.map((p) => [p.severity, p.line, p.message])).toEqual([
      [
        'error',
        15,
        'Content type "default", field "unknown": data type "nope" is not defined in frontMatter.data.types.',
      ],
      [
        'warning',
        17,
        'Content type "default", field "untyped": a json field needs a "dataType" from frontMatter.data.types; its records are edited with fields inferred from their values.',
      ],
    ]);
    // The form then learns each record's fields from the entry's own values.
    const forEntry = fieldsForEntry(only(model), { unknown: [{ dataType: 'nope', label: 'x' }] });
    expect(field(forEntry, 'unknown')).toMatchObject({
      items: { kind: 'fields', fields: [{ name: 'dataType' }, { name: 'label' }] },
    });
  });

  it('uses the category list when there is one, and TOML front matter when configured', () => {
    const model = withFields([{ name: 'categories', type: 'categories' }], {
      'frontMatter.taxonomy.categories': ['News'],
      'frontMatter.taxonomy.frontMatterType': 'TOML',
    });
    expect(field(only(model), 'categories')).toMatchObject({
      widget: 'select',
      multiple: true,
      options: [{ label: 'News', value: 'News' }],
    });
    expect(folder(model, 'posts').format).toBe('toml-frontmatter');
  });

  it('lists Front Matter’s default file types (md, markdown, mdx) when supportedFileTypes is unset', () => {
    const posts = folder(withFields([]), 'posts');
    expect(posts.extension).toBe('md');
    expect(posts.extensions).toEqual(['md', 'markdown', 'mdx']);
  });

  it('reads supportedFileTypes (dots and capitals tidied) and gives new entries the content type’s fileType', () => {
    const model = read(
      JSON.stringify({
        'frontMatter.content.supportedFileTypes': ['.MDX', 'md'],
        'frontMatter.content.pageFolders': [{ title: 'Blog', path: '[[workspace]]/src/content/blog' }],
        'frontMatter.taxonomy.contentTypes': [{ name: 'default', fileType: 'mdx', fields: [] }],
      }),
    );
    expect(folder(model, 'blog')).toMatchObject({ extension: 'mdx', extensions: ['mdx', 'md'] });
  });

  it('uses defaultFileType for new entries, and keeps it among the extensions even when not listed', () => {
    const model = withFields([], {
      'frontMatter.content.defaultFileType': 'markdown',
      'frontMatter.content.supportedFileTypes': ['mdx'],
    });
    expect(folder(model, 'posts')).toMatchObject({ extension: 'markdown', extensions: ['markdown', 'mdx'] });
  });
});

describe('readFrontMatterCmsConfig: problems', () => {
  it('reports a JSON syntax error with line and column, and returns no collections', () => {
    const model = read('{\n  "frontMatter.content.pageFolders": [\n    { "title": "Blog" "path": "x" }\n  ]\n}\n');
    expect(model.collections).toEqual([]);
    expect(model.problems).toEqual([
      {
        file: 'frontmatter.json',
        line: 3,
        column: 23,
        severity: 'error',
        message: `The settings file is not valid JSON: expected "," or "}" but found '"'.`,
      },
    ]);
  });

  it('reports missing page folders, a folder without a path and an unknown content type', () => {
    expect(read('{}').problems).toMatchObject([
      { line: 1, column: 1, message: expect.stringContaining('no "frontMatter.content.pageFolders" list') },
    ]);
    const model = read(
      [
        '{',
        '  "frontMatter.content.pageFolders": [',
        '    { "title": "No path" },',
        '    { "title": "Blog", "path": "blog", "contentTypes": ["article"] }',
        '  ]',
        '}',
      ].join('\n'),
    );
    expect(model.problems.map((p) => [p.line, p.severity, p.message])).toEqual([
      [3, 'error', 'Page folder 1 has no "path"; it is skipped.'],
      [4, 'warning', 'Page folder "Blog": content type "article" is not defined in frontMatter.taxonomy.contentTypes.'],
    ]);
  });

  it('degrades a relationship to an unused content type to text, with the line of the key', () => {
    const model = read(
      [
        '{',
        '  "frontMatter.content.pageFolders": [{ "title": "Posts", "path": "content/posts" }],',
        '  "frontMatter.taxonomy.contentTypes": [',
        '    { "name": "default", "fields": [',
        '      { "name": "author", "type": "contentRelationship",',
        '        "contentTypeName": "person" }',
        '    ] }',
        '  ]',
        '}',
      ].join('\n'),
    );
    expect(field(only(model), 'author')).toEqual({
      name: 'author',
      label: 'author',
      required: false,
      widget: 'string',
    });
    expect(model.problems).toEqual([
      {
        file: 'frontmatter.json',
        line: 6,
        column: 9,
        severity: 'error',
        message:
          'Content type "default", field "author": relation points to content type "person", which no page folder uses; the field is edited as plain text.',
      },
    ]);
  });
});

describe('parseJsonc', () => {
  it('accepts comments, trailing commas, escapes and a BOM', () => {
    const result = parseJsonc('\uFEFF// top\n{ /* a */ "a": [1, -2.5e1, true, null,], "b": "x\\n\\u00e9\\"", }\n');
    expect(result).toMatchObject({ ok: true, value: { a: [1, -25, true, null], b: 'x\né"' } });
  });

  it('keeps "__proto__" as data and reports unclosed strings and comments', () => {
    const result = parseJsonc('{"__proto__": {"x": 1}}');
    expect(result.ok && Object.keys(result.value as object)).toEqual(['__proto__']);
    expect(parseJsonc('{"a": "b\n}')).toMatchObject({ ok: false, offset: 6 });
    expect(parseJsonc('{} /* open')).toMatchObject({ ok: false, message: 'a /* comment is never closed' });
    expect(parseJsonc('{"a": 1} x')).toMatchObject({ ok: false, offset: 9 });
  });
});
