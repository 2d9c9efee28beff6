import { describe, expect, it } from 'vitest';
import { readDecapConfig } from '../../../../../shared/content/schema/decap-config';
import { loadDecapYaml } from '../../../../../shared/content/schema/decap-yaml';
import type {
  ContentModel,
  FileCollection,
  FolderCollection,
  SchemaField,
} from '../../../../../shared/content/schema/types';

const read = (lines: string[], eol = '\n'): ContentModel => readDecapConfig(lines.join(eol), 'static/admin/config.yml');

/** Each field as `name:widget`, nested fields in brackets, so a whole tree compares in one line. */
function shape(fields: SchemaField[]): string[] {
  return fields.map((field) => {
    if (field.widget === 'object') return `${field.name}:object[${shape(field.fields).join(',')}]`;
    if (field.widget === 'list' && field.items.kind === 'fields')
      return `${field.name}:list[${shape(field.items.fields).join(',')}]`;
    return `${field.name}:${field.widget}`;
  });
}
function folderOf(model: ContentModel, name: string): FolderCollection {
  const found = model.collections.find((c) => c.name === name);
  if (found?.kind !== 'folder') throw new Error(`no folder collection ${name}`);
  return found;
}
function filesOf(model: ContentModel, name: string): FileCollection {
  const found = model.collections.find((c) => c.name === name);
  if (found?.kind !== 'file') throw new Error(`no file collection ${name}`);
  return found;
}

describe('Decap configs that Decap CMS loads (its own YAML 1.x reader) load in Masthead', () => {
  it('reads flow collections that close at the indentation of their key (a real Gatsby config)', () => {
    const model = read([
      'collections:',
      '  - name: pages',
      '    files:',
      '      - name: home',
      '        file: src/pages/index.md',
      '        fields: [',
      '          { label: "Title", name: "title", widget: string },',
      '          { label: "Sections", name: "sections", widget: list, fields: [',
      '              { label: "Links", name: "links", widget: list, fields: [',
      '                { label: "Text", name: "text", widget: string }',
      '              ] }',
      '            ] }',
      '        ]',
    ]);
    expect(model.problems).toEqual([]);
    const home = filesOf(model, 'pages').files[0];
    expect(home?.file).toBe('src/pages/index.md');
    expect(shape(home?.fields ?? [])).toEqual(['title:string', 'sections:list[links:list[text:string]]']);
  });

  it('reads flow collections that close at the indentation of the list item dash (YAML 1.2 parsers give 100+ errors)', () => {
    const model = read([
      'media_folder: static/img',
      'collections:',
      '  - name: "blog"',
      '    label: "Blog"',
      '    folder: "src/pages/blog"',
      '    fields:',
      '      - { label: "Title", name: "title", widget: "string" }',
      '      - { label: "SEO", name: "seo", widget: object, fields: [',
      '        { label: "Title", name: "title", widget: string },',
      '        { label: "Url", name: "url", widget: string },',
      '      ] }',
      '      - { label: "Links", name: "links", widget: list, fields: [',
      '        { label: "Text", name: "text", widget: string },',
      '        { label: "Sub", name: "sub", widget: list, fields: [',
      '          { label: "Link", name: "url", widget: string }',
      '        ] }',
      '      ] }',
      '      - { label: "Author", name: "author", widget: relation, collection: people, value_field: name }',
    ]);
    expect(shape(folderOf(model, 'blog').fields)).toEqual([
      'title:string',
      'seo:object[title:string,url:string]',
      'links:list[text:string,sub:list[url:string]]',
      'author:string',
    ]);
    // Problems inside such a config still carry the line of the offending key.
    expect(model.problems.map((p) => [p.line, p.column, p.message.split(':')[0]])).toEqual([
      [18, 62, 'Collection "blog", field "author"'],
    ]);
  });

  it('reads odd indentation and tabs after the indentation inside flow collections', () => {
    const model = read([
      'collections:',
      '  - name: notes',
      '    folder: content/notes',
      '    fields: [',
      '         { name: title },',
      '      \t{ name: mood, widget: select, options: [calm,\tbusy] },',
      '                 { name: tags, widget: list }',
      '    ]',
    ]);
    expect(model.problems).toEqual([]);
    const fields = folderOf(model, 'notes').fields;
    expect(shape(fields)).toEqual(['title:string', 'mood:select', 'tags:list']);
    expect(fields[1]).toMatchObject({ options: [{ value: 'calm' }, { value: 'busy' }] });
  });

  it('follows anchors, aliases and merge keys (a list of aliases too), pointing problems at the anchored text', () => {
    const model = read([
      'defaults: &defaults',
      '  create: true',
      '  slug: "{{year}}-{{slug}}"',
      'seo: &seo',
      '  fields: [{ name: title }, { name: image, widget: image }]',
      'collections:',
      '  - name: posts',
      '    folder: content/posts',
      '    <<: [*defaults, *seo]',
      '  - name: pages',
      '    folder: content/pages',
      '    <<: *defaults',
      '    create: false',
      '    fields:',
      '      - { name: author, widget: relation, collection: nobody, value_field: name }',
    ]);
    expect(folderOf(model, 'posts')).toMatchObject({ create: true, slug: '{{year}}-{{slug}}' });
    expect(shape(folderOf(model, 'posts').fields)).toEqual(['title:string', 'image:image']);
    expect(folderOf(model, 'pages')).toMatchObject({ create: false, slug: '{{year}}-{{slug}}' });
    expect(model.problems.map((p) => p.line)).toEqual([15]);
  });

  it('reads values as Decap does (YAML 1.2 core): yes/no stay words, 0755 is decimal, dates stay text', () => {
    const model = read([
      'collections:',
      '  - name: posts',
      '    folder: content/posts',
      '    fields:',
      '      - { name: answer, widget: select, options: [yes, no, On] }',
      '      - { name: mode, default: 0755 }',
      '      - { name: flags, widget: number, default: 0o17 }',
      '      - { name: hex, widget: number, default: 0x1F }',
      '      - { name: since, widget: datetime, default: 2024-01-02 }',
      '      - { name: draft, widget: boolean, default: True }',
      '      - { name: empty, default: ~ }',
      '      - { name: big, default: 1_000 }',
    ]);
    expect(model.problems).toEqual([]);
    const fields = folderOf(model, 'posts').fields;
    expect(fields[0]).toMatchObject({
      widget: 'select',
      options: [{ value: 'yes' }, { value: 'no' }, { value: 'On' }],
    });
    expect(fields.slice(1).map((f) => [f.name, f.default])).toEqual([
      ['mode', 755],
      ['flags', 15],
      ['hex', 31],
      ['since', '2024-01-02'],
      ['draft', true],
      ['empty', null],
      ['big', '1_000'],
    ]);
  });

  it('gives the same lines with CRLF line endings', () => {
    const lines = [
      'collections:',
      '  - name: posts',
      '    folder: posts',
      '    fields:',
      '      - { name: seo, widget: object, fields: [',
      '        { name: a, widget: relation, collection: nobody, value_field: x }',
      '      ] }',
    ];
    const model = read(lines, '\r\n');
    expect(shape(folderOf(model, 'posts').fields)).toEqual(['seo:object[a:string]']);
    expect(model.problems.map((p) => [p.line, p.column])).toEqual([[6, 38]]);
  });
});

describe('configs Decap CMS refuses but Masthead can still read', () => {
  it('loads a repeated key with its last value, and says once (at the repeat) that Decap will not load it', () => {
    const model = read([
      'collections:',
      '  - name: blog',
      '    folder: content/old',
      '    label: Blog',
      '    folder: content/blog',
    ]);
    expect(folderOf(model, 'blog').folder).toBe('content/blog');
    expect(model.problems).toEqual([
      {
        file: 'static/admin/config.yml',
        line: 5,
        column: 5,
        severity: 'error',
        message:
          'Decap CMS will not load this config: the key "folder" is repeated in one mapping; Masthead uses the last value. Line 5: "    folder: content/blog"',
      },
    ]);
  });

  it('reads a merge key followed by a mapping, which Decap refuses', () => {
    const model = read(['collections:', '  - name: blog', '    folder: content/blog', '    <<: { create: true }']);
    expect(folderOf(model, 'blog').create).toBe(true);
    expect(model.problems).toHaveLength(1);
    expect(model.problems[0]?.message).toMatch(
      /^Decap CMS will not load this config: a merge key "<<" must be followed by an alias/,
    );
  });
});

describe('a real YAML error is one problem', () => {
  it('reports an unclosed flow mapping once, with its line, column and the line itself, however long the file', () => {
    const fields = Array.from(
      { length: 400 },
      (_, i) => `      - { label: "Field ${i}", name: "field${i}", widget: string }`,
    );
    const lines = [
      'collections:',
      '  - name: posts',
      '    folder: content/posts',
      '    fields:',
      ...fields.slice(0, 13),
      '      - { name: title, widget: string',
      ...fields.slice(13),
    ];
    const model = read(lines);
    expect(model.collections).toEqual([]);
    expect(model.problems).toEqual([
      {
        file: 'static/admin/config.yml',
        line: 18,
        column: 9,
        severity: 'error',
        message:
          'The config is not valid YAML: the flow mapping "{" that opens here is not closed with "}", or a line inside it is indented less than its key. Line 18: "      - { name: title, widget: string"',
      },
    ]);
  });

  it('reports an unclosed flow list by its bracket', () => {
    const model = read([
      'collections:',
      '  - name: posts',
      '    folder: posts',
      '    fields: [',
      '  { name: a }',
      'media_folder: x',
    ]);
    expect(model.problems).toHaveLength(1);
    expect(model.problems[0]).toMatchObject({ line: 4, column: 13, severity: 'error' });
    expect(model.problems[0]?.message).toMatch(
      /^The config is not valid YAML: the flow list "\[" that opens here is not closed with "\]"/,
    );
  });

  it('reports an alias to a missing anchor instead of throwing', () => {
    const model = read(['collections:', '  - name: posts', '    folder: posts', '    fields: *nope']);
    expect(model.collections).toEqual([]);
    expect(model.problems.map((p) => [p.line, p.message])).toEqual([
      [
        4,
        'The config is not valid YAML: the alias "*nope" names no anchor "&nope" above it. Line 4: "    fields: *nope"',
      ],
    ]);
  });

  it('reports a tab used as indentation in plain words', () => {
    const model = read(['collections:', '\t- name: posts']);
    expect(model.problems).toHaveLength(1);
    expect(model.problems[0]?.message).toMatch(/a line is indented with a tab; YAML indents with spaces/);
  });
});

describe('loadDecapYaml', () => {
  it('locates keys written in an anchored mapping that a merge brought in', () => {
    const loaded = loadDecapYaml(
      ['base: &base', '  slug: x', 'collections:', '  - <<: *base', '    name: a'].join('\n'),
    );
    expect(loaded.problem).toBeNull();
    expect(loaded.locate(['collections', 0, 'slug'])).toEqual({ line: 2, column: 3 });
    expect(loaded.locate(['collections', 0, 'name'])).toEqual({ line: 5, column: 5 });
    expect(loaded.locate(['collections', 0, 'missing'])).toEqual({ line: 4, column: 5 });
  });
});
