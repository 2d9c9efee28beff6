import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDecapConfig } from '../../../../../shared/content/schema/decap-config';
import type {
  CollectionSchema,
  ContentModel,
  FileCollection,
  FolderCollection,
  SchemaField,
} from '../../../../../shared/content/schema/types';

const SITES = join(__dirname, '../../../../fixtures/sites');
const read = (text: string): ContentModel => readDecapConfig(text, 'static/admin/config.yml');

function collection(model: ContentModel, name: string): CollectionSchema {
  const found = model.collections.find((c) => c.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
}
function folder(model: ContentModel, name: string): FolderCollection {
  const found = collection(model, name);
  if (found.kind !== 'folder') throw new Error(`${name} is not a folder collection`);
  return found;
}
function field(fields: SchemaField[], name: string): SchemaField {
  const found = fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}
/** A one-collection config with the given field lines (already indented as list items). */
function withFields(...fieldLines: string[]): string {
  return [
    'collections:',
    '  - name: posts',
    '    folder: content/posts',
    '    fields:',
    ...fieldLines.map((l) => `      ${l}`),
  ].join('\n');
}
const only = (model: ContentModel): SchemaField[] => folder(model, 'posts').fields;

describe('readDecapConfig: the fixture site', () => {
  const text = readFileSync(join(SITES, 'decap/static/admin/config.yml'), 'utf8');
  const model = readDecapConfig(text, 'static/admin/config.yml');

  it('loads with zero problems and every collection', () => {
    expect(model.problems).toEqual([]);
    expect(model.source).toBe('decap');
    expect(model.configPath).toBe('static/admin/config.yml');
    expect(model.collections.map((c) => `${c.kind}:${c.name}`)).toEqual([
      'folder:blog',
      'folder:authors',
      'folder:notes',
      'folder:pages',
      'file:settings',
    ]);
  });

  it('reads the global settings, commit messages in camelCase', () => {
    expect(model).toMatchObject({
      siteUrl: 'https://harbour.example.org',
      displayUrl: 'https://harbour.example.org',
      mediaFolder: 'static/images',
      publicFolder: '/images',
    });
    expect(model.commitMessages).toEqual({
      create: 'Create {{collection}} "{{slug}}"',
      update: 'Update {{collection}} "{{slug}}"',
      delete: 'Delete {{collection}} "{{slug}}"',
      uploadMedia: 'Upload "{{path}}"',
      deleteMedia: 'Delete "{{path}}"',
    });
  });

  it('reads folder collection options', () => {
    const blog = folder(model, 'blog');
    expect(blog).toMatchObject({
      label: 'Blog',
      labelSingular: 'Post',
      description: 'Articles written by the Harbour Devs team.',
      folder: 'content/blog',
      extension: 'md',
      format: 'frontmatter',
      slug: '{{year}}-{{month}}-{{day}}-{{slug}}',
      identifierField: 'title',
      summary: '{{title}} ({{year}}-{{month}}-{{day}})',
      sortableFields: ['date', 'title', 'author'],
      create: true,
      bodyField: 'body',
      inferred: false,
    });
    expect(blog.fields.map((f) => f.name)).not.toContain('body');
    expect(folder(model, 'authors')).toMatchObject({
      format: 'yaml',
      extension: 'yml',
      bodyField: null,
      identifierField: 'name',
      create: true,
    });
    expect(folder(model, 'notes')).toMatchObject({ format: 'toml-frontmatter', extension: 'md', bodyField: 'body' });
    expect(folder(model, 'pages')).toMatchObject({
      format: 'json-frontmatter',
      extension: 'md',
      bodyField: 'body',
      create: false,
    });
  });

  it('reads file collections', () => {
    const settings = collection(model, 'settings') as FileCollection;
    expect(settings.files.map((f) => [f.name, f.label, f.file])).toEqual([
      ['categories', 'Categories', 'src/data/categories.json'],
      ['site', 'Site', 'src/data/site.yml'],
    ]);
    const list = field(settings.files[0]?.fields ?? [], 'categories');
    expect(list).toMatchObject({ widget: 'list', items: { kind: 'fields' } });
  });

  it('maps every widget of the blog collection', () => {
    const fields = folder(model, 'blog').fields;
    const kinds = Object.fromEntries(fields.map((f) => [f.name, f.widget]));
    expect(kinds).toEqual({
      templateKey: 'hidden',
      title: 'string',
      author: 'relation',
      date: 'datetime',
      category: 'custom',
      topics: 'relation',
      draft: 'boolean',
      readingTime: 'number',
      rating: 'number',
      level: 'select',
      audience: 'select',
      cover: 'image',
      attachment: 'file',
      snippet: 'code',
      accent: 'color',
      venue: 'map',
      excerpt: 'text',
      callout: 'markdown',
      tags: 'list',
      gallery: 'list',
      links: 'list',
      sections: 'list',
      seo: 'object',
    });
    expect(field(fields, 'templateKey')).toEqual({
      name: 'templateKey',
      label: 'Template Key',
      required: true,
      default: 'blog-post',
      widget: 'hidden',
    });
    expect(field(fields, 'category')).toMatchObject({
      widget: 'custom',
      customWidget: 'ncw-file-relation',
      editor: null,
    });
    expect(field(fields, 'topics')).toMatchObject({
      widget: 'relation',
      collection: 'settings',
      file: 'categories',
      valueField: 'categories.*.id',
      multiple: true,
      min: 1,
      max: 3,
      required: false,
    });
    expect(field(fields, 'seo')).toMatchObject({ widget: 'object', collapsed: true });
  });
});

describe('readDecapConfig: widgets and options', () => {
  it('defaults a missing widget to string, the label to the name, and required to true', () => {
    expect(only(read(withFields('- { name: title }')))).toEqual([
      { name: 'title', label: 'title', required: true, widget: 'string' },
    ]);
  });

  it('reads the common options: hint, default, pattern, i18n, required: false', () => {
    const [f] = only(
      read(
        withFields(
          `- { name: code, label: Code, required: false, default: AB-1, hint: Two letters, i18n: duplicate, pattern: ['^[A-Z]{2}-\\d+$', 'Like AB-1'] }`,
        ),
      ),
    );
    expect(f).toEqual({
      name: 'code',
      label: 'Code',
      required: false,
      default: 'AB-1',
      hint: 'Two letters',
      i18n: 'duplicate',
      pattern: { regex: '^[A-Z]{2}-\\d+$', message: 'Like AB-1' },
      widget: 'string',
    });
  });

  it('reads datetime, date, number, boolean, text and markdown', () => {
    const fields = only(
      read(
        withFields(
          `- { name: at, widget: datetime, format: 'YYYY-MM-DD HH:mm', date_format: 'DD.MM.YYYY', time_format: false, picker_utc: true }`,
          '- { name: plain, widget: datetime }',
          `- { name: day, widget: date, format: 'YYYY-MM-DD' }`,
          '- { name: n, widget: number, value_type: int, min: 1, max: 9, step: 2 }',
          '- { name: f, widget: number, value_type: float }',
          '- { name: b, widget: boolean, default: true }',
          '- { name: t, widget: text }',
          '- { name: m, widget: markdown }',
        ),
      ),
    );
    expect(field(fields, 'at')).toMatchObject({
      widget: 'datetime',
      format: 'YYYY-MM-DD HH:mm',
      dateFormat: 'DD.MM.YYYY',
      timeFormat: false,
      pickerUtc: true,
    });
    expect(field(fields, 'plain')).toEqual({
      name: 'plain',
      label: 'plain',
      required: true,
      widget: 'datetime',
      pickerUtc: false,
    });
    expect(field(fields, 'day')).toMatchObject({ widget: 'date', format: 'YYYY-MM-DD' });
    expect(field(fields, 'n')).toMatchObject({ widget: 'number', valueType: 'int', min: 1, max: 9, step: 2 });
    expect(field(fields, 'f')).toMatchObject({ widget: 'number', valueType: 'float' });
    expect(field(fields, 'b')).toMatchObject({ widget: 'boolean', default: true });
    expect(field(fields, 't').widget).toBe('text');
    expect(field(fields, 'm').widget).toBe('markdown');
  });

  it('reads select options as strings or {label, value}, multiple and bounds', () => {
    const fields = only(
      read(
        withFields(
          '- { name: s, widget: select, options: [a, b] }',
          '- { name: m, widget: select, multiple: true, min: 1, max: 2, options: [{ label: One, value: 1 }, { label: Two, value: two }] }',
        ),
      ),
    );
    expect(field(fields, 's')).toMatchObject({
      widget: 'select',
      multiple: false,
      options: [
        { label: 'a', value: 'a' },
        { label: 'b', value: 'b' },
      ],
    });
    expect(field(fields, 'm')).toMatchObject({
      multiple: true,
      min: 1,
      max: 2,
      options: [
        { label: 'One', value: 1 },
        { label: 'Two', value: 'two' },
      ],
    });
  });

  it('reads relations in snake_case and the older camelCase spellings', () => {
    const text = [
      'collections:',
      '  - { name: people, folder: content/people, fields: [{ name: name }] }',
      '  - name: posts',
      '    folder: content/posts',
      '    fields:',
      '      - { name: a, widget: relation, collection: people, value_field: name, search_fields: [name, bio], display_fields: [name], multiple: true, min: 1, max: 4 }',
      '      - { name: b, widget: relation, collection: people, valueField: slug, searchFields: [name], displayFields: [name, bio] }',
      '      - { name: c, widget: relation, collection: people, value_field: name }',
    ].join('\n');
    const model = read(text);
    expect(model.problems).toEqual([]);
    const fields = only(model);
    expect(field(fields, 'a')).toMatchObject({
      widget: 'relation',
      collection: 'people',
      valueField: 'name',
      searchFields: ['name', 'bio'],
      displayFields: ['name'],
      multiple: true,
      min: 1,
      max: 4,
    });
    expect(field(fields, 'b')).toMatchObject({
      valueField: 'slug',
      searchFields: ['name'],
      displayFields: ['name', 'bio'],
      multiple: false,
    });
    expect(field(fields, 'c')).toMatchObject({ searchFields: ['name'], displayFields: ['name'] });
  });

  it('reads the four shapes of list, and object', () => {
    const fields = only(
      read(
        withFields(
          '- { name: tags, widget: list }',
          '- { name: pics, widget: list, field: { name: image, widget: image }, allow_add: false, collapsed: false, min: 1, max: 6 }',
          '- { name: links, widget: list, fields: [{ name: url }] }',
          '- { name: blocks, widget: list, types: [{ name: quote, label: Quote, fields: [{ name: text, widget: text }] }] }',
          '- { name: typed, widget: list, typeKey: kind, types: [{ name: cta, fields: [] }] }',
          '- { name: seo, widget: object, fields: [{ name: title }] }',
        ),
      ),
    );
    expect(field(fields, 'tags')).toMatchObject({
      widget: 'list',
      items: { kind: 'strings' },
      allowAdd: true,
      collapsed: true,
    });
    expect(field(fields, 'pics')).toMatchObject({
      items: { kind: 'field', field: { name: 'image', widget: 'image' } },
      allowAdd: false,
      collapsed: false,
      min: 1,
      max: 6,
    });
    expect(field(fields, 'links')).toMatchObject({
      items: { kind: 'fields', fields: [{ name: 'url', widget: 'string' }] },
    });
    expect(field(fields, 'blocks')).toMatchObject({
      items: {
        kind: 'types',
        typeKey: 'type',
        types: [{ name: 'quote', label: 'Quote', fields: [{ name: 'text', widget: 'text' }] }],
      },
    });
    expect(field(fields, 'typed')).toMatchObject({
      items: { kind: 'types', typeKey: 'kind', types: [{ name: 'cta', label: 'cta', fields: [] }] },
    });
    expect(field(fields, 'seo')).toMatchObject({
      widget: 'object',
      collapsed: false,
      fields: [{ name: 'title', widget: 'string' }],
    });
  });

  it('reads image, file, hidden, code, color, map and custom widgets', () => {
    const fields = only(
      read(
        withFields(
          '- { name: img, widget: image, media_folder: /static/uploads, public_folder: /uploads }',
          '- { name: doc, widget: file }',
          '- { name: layout, widget: hidden, default: post }',
          '- { name: src, widget: code, default_language: js }',
          '- { name: c, widget: color, allowInput: true, enableAlpha: true }',
          '- { name: c2, widget: color }',
          '- { name: where, widget: map, type: Polygon }',
          '- { name: pin, widget: map }',
          '- { name: cat, widget: ncw-file-relation, collection: settings }',
        ),
      ),
    );
    expect(field(fields, 'img')).toMatchObject({
      widget: 'image',
      mediaFolder: '/static/uploads',
      publicFolder: '/uploads',
    });
    expect(field(fields, 'doc')).toEqual({ name: 'doc', label: 'doc', required: true, widget: 'file' });
    expect(field(fields, 'layout')).toMatchObject({ widget: 'hidden', default: 'post' });
    expect(field(fields, 'src')).toMatchObject({ widget: 'code', language: 'js' });
    expect(field(fields, 'c')).toMatchObject({ widget: 'color', allowInput: true, enableAlpha: true });
    expect(field(fields, 'c2')).toMatchObject({ allowInput: false, enableAlpha: false });
    expect(field(fields, 'where')).toMatchObject({ widget: 'map', geometry: 'Polygon' });
    expect(field(fields, 'pin')).toMatchObject({ geometry: 'Point' });
    expect(field(fields, 'cat')).toMatchObject({ widget: 'custom', customWidget: 'ncw-file-relation', editor: null });
  });
});

describe('readDecapConfig: collections', () => {
  it('takes the format from the extension, and the extension from the format', () => {
    const model = read(
      [
        'collections:',
        '  - { name: a, folder: data/a, extension: json }',
        '  - { name: b, folder: /data/b/, format: toml }',
        '  - { name: c, folder: data/c, format: yml }',
        '  - { name: d, folder: data/d, format: yaml-frontmatter, extension: markdown }',
      ].join('\n'),
    );
    expect(model.collections.map((c) => c.kind === 'folder' && [c.folder, c.format, c.extension, c.bodyField])).toEqual(
      [
        ['data/a', 'json', 'json', null],
        ['data/b', 'toml', 'toml', null],
        ['data/c', 'yaml', 'yml', null],
        ['data/d', 'yaml-frontmatter', 'markdown', 'body'],
      ],
    );
  });

  it('keeps a body field of a data-file collection as a normal field', () => {
    const model = read(
      'collections:\n  - { name: a, folder: data, format: json, fields: [{ name: body, widget: markdown }] }',
    );
    expect(folder(model, 'a')).toMatchObject({ bodyField: null, fields: [{ name: 'body', widget: 'markdown' }] });
  });

  it('reads defaults and path, filter, media folders and sortable_fields objects', () => {
    const model = read(
      [
        'collections:',
        '  - name: docs',
        '    folder: content/docs',
        "    path: '{{slug}}/index'",
        '    filter: { field: language, value: en }',
        '    media_folder: img',
        '    public_folder: img',
        '    sortable_fields: { fields: [title, { field: date }] }',
        '  - { name: abs, label: Absolute, folder: x, media_folder: /static/abs }',
      ].join('\n'),
    );
    expect(folder(model, 'docs')).toMatchObject({
      label: 'docs',
      labelSingular: 'docs',
      slug: '{{slug}}',
      path: '{{slug}}/index',
      identifierField: 'title',
      create: false,
      filter: { field: 'language', value: 'en' },
      mediaFolder: './img',
      publicFolder: 'img',
      sortableFields: ['title', 'date'],
    });
    expect(folder(model, 'abs')).toMatchObject({ labelSingular: 'Absolute', mediaFolder: 'static/abs' });
  });

  it('follows YAML anchors and merge keys', () => {
    const model = read(
      [
        'shared: &seo',
        '  - { name: title }',
        'opts: &opts { create: true }',
        'collections:',
        '  - { name: a, folder: a, fields: *seo }',
        '  - name: b',
        '    folder: b',
        '    <<: *opts',
      ].join('\n'),
    );
    expect(model.problems).toEqual([]);
    expect(folder(model, 'a').fields.map((f) => f.name)).toEqual(['title']);
    expect(folder(model, 'b').create).toBe(true);
  });
});

describe('readDecapConfig: problems', () => {
  it('reports a YAML syntax error with its line, and returns no collections instead of throwing', () => {
    const model = readDecapConfig(readFileSync(join(SITES, 'bad-configs/yaml-syntax.yml'), 'utf8'), 'bad.yml');
    expect(model.collections).toEqual([]);
    expect(model.problems).toHaveLength(1);
    // Line 9 is where the "{" that is never closed opens, which is what Decap CMS reports too.
    expect(model.problems[0]).toMatchObject({ file: 'bad.yml', line: 9, column: 9, severity: 'error' });
    expect(model.problems[0]?.message).toBe(
      'The config is not valid YAML: the flow mapping "{" that opens here is not closed with "}", or a line inside it is indented less than its key. Line 9: "      - { label: Title, name: title, widget: string"',
    );
  });

  it('degrades a relation to an unknown collection to text, pointing at the "collection" key', () => {
    const model = readDecapConfig(readFileSync(join(SITES, 'bad-configs/unknown-relation.yml'), 'utf8'), 'unknown.yml');
    expect(model.problems).toEqual([
      {
        file: 'unknown.yml',
        line: 13,
        column: 9,
        severity: 'error',
        message:
          'Collection "posts", field "author": relation points to collection "people", which the config does not define; the field is edited as plain text.',
      },
    ]);
    expect(field(only(model), 'author')).toEqual({ name: 'author', label: 'Author', required: true, widget: 'string' });
  });

  it('degrades a multiple relation to a list of strings, and checks the file of a file collection', () => {
    const model = read(
      [
        'collections:',
        '  - { name: settings, files: [{ name: authors, file: data/authors.json, fields: [] }] }',
        '  - { name: people, folder: people }',
        '  - name: posts',
        '    folder: posts',
        '    fields:',
        '      - { name: a, widget: relation, collection: nobody, value_field: x, multiple: true }',
        '      - { name: b, widget: relation, collection: settings, file: editors, value_field: x }',
        '      - { name: c, widget: relation, collection: people, file: x, value_field: x }',
        '      - { name: d, widget: relation, collection: settings, value_field: x }',
        '      - { name: e, widget: relation, collection: settings, file: authors, value_field: "authors.*.name" }',
      ].join('\n'),
    );
    const fields = only(model);
    expect(field(fields, 'a')).toMatchObject({ widget: 'list', items: { kind: 'strings' } });
    expect(['b', 'c', 'd'].map((n) => field(fields, n).widget)).toEqual(['string', 'string', 'string']);
    expect(field(fields, 'e')).toMatchObject({ widget: 'relation', file: 'authors' });
    expect(model.problems.map((p) => [p.line, p.message])).toEqual([
      [
        7,
        'Collection "posts", field "a": relation points to collection "nobody", which the config does not define; the field is edited as a list of plain text values.',
      ],
      [
        8,
        'Collection "posts", field "b": relation points to file "editors", but collection "settings" has no file named "editors"; the field is edited as plain text.',
      ],
      [
        9,
        'Collection "posts", field "c": relation points to file "x", but "people" is a folder collection, not a file collection; the field is edited as plain text.',
      ],
      [
        10,
        'Collection "posts", field "d": relation points to file collection "settings" without naming one of its files; the field is edited as plain text.',
      ],
    ]);
  });

  it('reports missing collections, missing name, missing folder/files and duplicates with lines', () => {
    expect(read('media_folder: static').problems).toMatchObject([
      { line: 1, severity: 'error', message: expect.stringContaining('no "collections" list') },
    ]);
    const model = read(
      [
        'collections:',
        '  - label: Nameless',
        '    folder: x',
        '  - name: empty',
        '    label: Empty',
        '  - { name: posts, folder: a }',
        '  - { name: posts, folder: b }',
      ].join('\n'),
    );
    expect(model.collections.map((c) => c.kind === 'folder' && c.folder)).toEqual(['a']);
    expect(model.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 5, 'Collection 1 has no "name"; it is skipped.'],
      [4, 5, 'Collection "empty" has neither "folder" nor "files", so it has no entries; it is skipped.'],
      [7, 7, 'Collection "posts" is defined twice; the second definition is skipped.'],
    ]);
  });

  it('reports an invalid pattern and an unknown format, and keeps loading', () => {
    const model = read(
      [
        'collections:',
        '  - name: posts',
        '    folder: content/posts',
        '    format: markdown',
        '    fields:',
        "      - { name: seo, widget: object, fields: [{ name: handle, pattern: ['^(@', 'Bad'] }] }",
      ].join('\n'),
    );
    expect(folder(model, 'posts').format).toBe('frontmatter');
    const seo = field(only(model), 'seo');
    expect(seo.widget === 'object' && seo.fields[0]?.pattern).toBeUndefined();
    expect(model.problems.map((p) => [p.line, p.severity, p.message.split(' (')[0]])).toEqual([
      [4, 'error', 'Collection "posts": format "markdown" is unknown'],
      [6, 'error', 'Collection "posts", field "seo.handle": pattern is not a valid regular expression'],
    ]);
  });

  it('reports fields without a name and files without a path', () => {
    const model = read(
      [
        'collections:',
        '  - name: settings',
        '    files:',
        '      - { name: general, label: General }',
        '      - name: menu',
        '        file: data/menu.yml',
        '        fields: [{ label: No name }]',
      ].join('\n'),
    );
    expect((collection(model, 'settings') as FileCollection).files.map((f) => f.name)).toEqual(['menu']);
    expect(model.problems.map((p) => [p.line, p.message])).toEqual([
      [4, 'Collection "settings": file 1 needs a "name" and a "file" path; it is skipped.'],
      [7, 'Collection "settings", file "menu": a field has no "name", so it cannot be edited.'],
    ]);
  });
});

describe('readDecapConfig: slug settings', () => {
  const collections =
    'collections:\n  - name: blog\n    folder: content/blog\n    create: true\n    fields: [{ name: title, widget: string }]\n';
  it('copies the top-level slug settings onto each folder collection', () => {
    const model = read(`slug:\n  encoding: ascii\n  clean_accents: true\n  sanitize_replacement: _\n${collections}`);
    expect((model.collections[0] as FolderCollection).slugOptions).toEqual({
      encoding: 'ascii',
      cleanAccents: true,
      sanitizeReplacement: '_',
    });
    expect(model.problems).toEqual([]);
  });

  it('leaves Masthead defaults when slug is not set, and warns about a bad replacement', () => {
    expect((read(collections).collections[0] as FolderCollection).slugOptions).toBeUndefined();
    const model = read(`slug:\n  sanitize_replacement: "/"\n${collections}`);
    expect((model.collections[0] as FolderCollection).slugOptions).toEqual({});
    expect(model.problems[0]?.message).toContain('sanitize_replacement');
  });
});
