import { describe, expect, it } from 'vitest';
import { readAstroConfig } from '../../../../../shared/content/schema/astro-config';
import type { ContentModel, FolderCollection, SchemaField } from '../../../../../shared/content/schema/types';

const ASTRO_5 = `import { defineCollection, reference, z } from 'astro:content';
import { glob, file } from 'astro/loaders';

const blog = defineCollection({
  // Load Markdown and MDX files in the \`src/content/blog/\` directory.
  loader: glob({ base: './src/content/blog', pattern: '**/*.{md,mdx}' }),
  // Type-check frontmatter using a schema
  schema: ({ image }) =>
    z.object({
      title: z.string(),
      description: z.string(),
      // Transform string to Date object
      pubDate: z.coerce.date(),
      updatedDate: z.coerce.date().optional(),
      heroImage: image().optional(),
      category: z.enum(['field notes', 'gear', 'interviews']).default('field notes'),
      authors: z.array(reference('people')).min(1),
      seo: z.object({ canonical: z.string().url().optional(), noindex: z.boolean().default(false) }).optional(),
      rating: z.number().int().min(1).max(5).optional(),
      extra: z.record(z.string(), z.unknown()).optional(),
    }),
});

const people = defineCollection({
  loader: glob({ pattern: '*.yaml', base: 'src/data/people' }),
  schema: z.object({ name: z.string(), links: z.array(z.object({ label: z.string(), url: z.string().url() })).default([]) }),
});

const releases = defineCollection({
  loader: file('src/data/releases.json'),
  schema: z.object({ version: z.string() }),
});

const feed = defineCollection({
  loader: async () => fetch('https://example.com/feed.json').then((r) => r.json()),
});

export const collections = { blog, people, releases, feed };
`;

const ASTRO_4 = `import { z, defineCollection, reference } from 'astro:content';

const docsCollection = defineCollection({
  type: 'content',
  schema: z.object({
    title: z.string().describe('Shown as the page heading'),
    sidebar: z.object({ order: z.number().optional(), label: z.string().optional() }).default({}),
    tags: z.array(z.string()),
    level: z.union([z.literal('beginner'), z.literal('advanced')]).optional(),
    published: z.string().or(z.date()).transform((value) => new Date(value)),
    related: reference('docs').array().optional(),
    slug: z.string().regex(/^[a-z0-9-]+$/, 'Lower-case words and dashes only'),
  }),
});

const team = defineCollection({
  type: 'data',
  schema: ({ image: picture }) => z.object({ name: z.string(), avatar: picture(), role: z.enum(['editor', 'writer']) }),
});

export const collections = {
  docs: docsCollection,
  'team': team,
};
`;

function folder(model: ContentModel, name: string): FolderCollection {
  const found = model.collections.find((c) => c.name === name);
  if (found?.kind !== 'folder') throw new Error(`no folder collection ${name}`);
  return found;
}
function field(fields: SchemaField[], name: string): SchemaField {
  const found = fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

describe('readAstroConfig: Astro 5 (content layer, glob loaders)', () => {
  const model = readAstroConfig(ASTRO_5, 'src/content.config.ts');

  it('names the source and lists the file-backed collections, reporting the rest with their lines', () => {
    expect(model).toMatchObject({ source: 'astro', configPath: 'src/content.config.ts' });
    expect(model.collections.map((c) => [c.name, c.kind])).toEqual([
      ['blog', 'folder'],
      ['people', 'folder'],
      ['releases', 'file'],
    ]);
    expect(model.problems).toEqual([
      {
        file: 'src/content.config.ts',
        line: 35,
        column: 11,
        severity: 'warning',
        message: 'Collection "feed" is loaded by a custom loader, not from files Masthead can edit; it is skipped.',
      },
    ]);
  });

  it('takes the folder and extensions from the glob loader', () => {
    expect(folder(model, 'blog')).toMatchObject({
      folder: 'src/content/blog',
      extension: 'md',
      extensions: ['md', 'mdx'],
      format: 'frontmatter',
      bodyField: 'body',
      identifierField: 'title',
    });
    expect(folder(model, 'people')).toMatchObject({
      folder: 'src/data/people',
      extension: 'yaml',
      format: 'yaml',
      bodyField: null,
      identifierField: 'name',
    });
    expect(folder(model, 'people').extensions).toBeUndefined();
    expect(model.collections[2]).toMatchObject({
      kind: 'file',
      files: [{ name: 'releases', file: 'src/data/releases.json' }],
    });
  });

  it('maps the zod schema to fields', () => {
    const fields = folder(model, 'blog').fields;
    expect(fields.map((f) => [f.name, f.widget, f.required])).toEqual([
      ['title', 'string', true],
      ['description', 'string', true],
      ['pubDate', 'datetime', true],
      ['updatedDate', 'datetime', false],
      ['heroImage', 'image', false],
      ['category', 'select', false],
      ['authors', 'relation', true],
      ['seo', 'object', false],
      ['rating', 'number', false],
      ['extra', 'custom', false],
    ]);
    expect(field(fields, 'pubDate')).toEqual({
      name: 'pubDate',
      label: 'Pub date',
      required: true,
      widget: 'datetime',
      pickerUtc: false,
    });
    expect(field(fields, 'category')).toMatchObject({
      default: 'field notes',
      multiple: false,
      options: [{ value: 'field notes' }, { value: 'gear' }, { value: 'interviews' }],
    });
    expect(field(fields, 'authors')).toMatchObject({
      collection: 'people',
      multiple: true,
      min: 1,
      valueField: '{{slug}}',
      displayFields: ['name'],
      searchFields: ['name', '{{slug}}'],
    });
    const seo = field(fields, 'seo');
    expect(seo.widget === 'object' && seo.fields.map((f) => [f.name, f.widget, f.required, f.default])).toEqual([
      ['canonical', 'string', false, undefined],
      ['noindex', 'boolean', false, false],
    ]);
    expect(field(fields, 'rating')).toMatchObject({ widget: 'number', valueType: 'int', min: 1, max: 5 });
    expect(field(fields, 'extra')).toMatchObject({ widget: 'custom', customWidget: 'zod record', editor: null });
    const links = field(folder(model, 'people').fields, 'links');
    expect(links).toMatchObject({
      widget: 'list',
      required: false,
      default: [],
      items: {
        kind: 'fields',
        fields: [
          { name: 'label', widget: 'string' },
          { name: 'url', widget: 'string' },
        ],
      },
    });
  });
});

describe('readAstroConfig: Astro 4 (type content/data in src/content)', () => {
  const model = readAstroConfig(ASTRO_4, 'src/content/config.ts');

  it('puts each collection in src/content/<name>, Markdown for content and JSON or YAML for data', () => {
    expect(model.problems).toEqual([]);
    expect(folder(model, 'docs')).toMatchObject({
      folder: 'src/content/docs',
      extension: 'md',
      extensions: ['md', 'mdx', 'markdown'],
      format: 'frontmatter',
      bodyField: 'body',
    });
    expect(folder(model, 'team')).toMatchObject({
      folder: 'src/content/team',
      extension: 'json',
      extensions: ['json', 'yaml', 'yml'],
      format: 'json',
      bodyField: null,
    });
  });

  it('reads describe, default objects, literal unions, string-or-date, reference().array() and regex', () => {
    const fields = folder(model, 'docs').fields;
    expect(field(fields, 'title')).toMatchObject({ widget: 'string', hint: 'Shown as the page heading' });
    expect(field(fields, 'sidebar')).toMatchObject({
      widget: 'object',
      required: false,
      default: {},
      fields: [
        { name: 'order', widget: 'number', valueType: 'float', required: false },
        { name: 'label', required: false },
      ],
    });
    expect(field(fields, 'tags')).toMatchObject({ widget: 'list', required: true, items: { kind: 'strings' } });
    expect(field(fields, 'level')).toMatchObject({
      widget: 'select',
      required: false,
      options: [{ value: 'beginner' }, { value: 'advanced' }],
    });
    expect(field(fields, 'published')).toMatchObject({ widget: 'datetime', required: true });
    // Docs reference themselves: the related list shows titles.
    expect(field(fields, 'related')).toMatchObject({
      widget: 'relation',
      collection: 'docs',
      multiple: true,
      required: false,
      displayFields: ['title'],
    });
    expect(field(fields, 'slug')).toMatchObject({
      widget: 'string',
      pattern: { regex: '^[a-z0-9-]+$', message: 'Lower-case words and dashes only' },
    });
  });

  it('follows a renamed image helper and a schema function', () => {
    expect(folder(model, 'team').fields.map((f) => [f.name, f.widget])).toEqual([
      ['name', 'string'],
      ['avatar', 'image'],
      ['role', 'select'],
    ]);
  });
});

describe('readAstroConfig: glob folders', () => {
  it('reads a base relative to the project, a URL relative to the config, and a pattern that names the folder itself', () => {
    const model = readAstroConfig(
      [
        "import { defineCollection } from 'astro:content';",
        "import { glob } from 'astro/loaders';",
        "const a = defineCollection({ loader: glob({ pattern: '**/[^_]*.mdx', base: './content/notes/' }) });",
        "const b = defineCollection({ loader: glob({ pattern: '*.md', base: new URL('./data/../posts', import.meta.url) }) });",
        "const c = defineCollection({ loader: glob({ pattern: ['src/pages/guides/**/*.markdown', '!**/drafts/**'] }) });",
        'export const collections = { a, b, c };',
      ].join('\n'),
      'src/content.config.ts',
    );
    expect(model.collections.map((c) => c.kind === 'folder' && [c.folder, c.extension])).toEqual([
      ['content/notes', 'mdx'],
      ['src/posts', 'md'],
      ['src/pages/guides', 'markdown'],
    ]);
  });
});

describe('readAstroConfig: what it cannot read is said, never thrown', () => {
  it('reports a config without a collections export', () => {
    const model = readAstroConfig(
      "import { z } from 'astro:content';\nexport const blog = 1;\n",
      'src/content/config.ts',
    );
    expect(model.collections).toEqual([]);
    expect(model.problems).toMatchObject([
      { severity: 'error', message: expect.stringContaining('export const collections') },
    ]);
  });

  it('reports a file that does not parse once, with its line', () => {
    const model = readAstroConfig(
      "import { z } from 'astro:content';\nconst blog = defineCollection({ schema: z.object({ title: z.string( });\n",
      'src/content/config.ts',
    );
    expect(model.problems.length).toBeGreaterThanOrEqual(1);
    expect(model.problems[0]).toMatchObject({ line: 2, severity: expect.any(String) });
  });

  it('keeps fields whose schema is not static as custom widgets, and a non-object schema as no fields with a warning', () => {
    const model = readAstroConfig(
      [
        "import { defineCollection, z } from 'astro:content';",
        "import { baseFields } from './schema-parts';",
        'const notes = defineCollection({ schema: z.object({ mood: moodSchema(), ...baseFields }) });',
        'const links = defineCollection({ schema: buildSchema() });',
        'export const collections = { notes, links };',
      ].join('\n'),
      'src/content/config.ts',
    );
    expect(folder(model, 'notes').fields).toMatchObject([
      { name: 'mood', widget: 'custom', customWidget: 'zod moodSchema()' },
    ]);
    expect(folder(model, 'links').fields).toEqual([]);
    expect(model.problems).toMatchObject([
      {
        line: 4,
        severity: 'warning',
        message: expect.stringContaining('Collection "links": the schema is not a z.object'),
      },
    ]);
  });

  it('follows schemas kept in constants, .extend() and spreads of .shape', () => {
    const model = readAstroConfig(
      [
        "import { defineCollection, z } from 'astro:content';",
        'const base = z.object({ title: z.string(), draft: z.boolean().optional() });',
        'const withDates = base.extend({ date: z.date() });',
        'const posts = defineCollection({ schema: z.object({ ...withDates.shape, summary: z.string().nullish() }) });',
        'export const collections = { posts };',
      ].join('\n'),
      'src/content/config.mjs',
    );
    expect(folder(model, 'posts').fields.map((f) => [f.name, f.widget, f.required])).toEqual([
      ['title', 'string', true],
      ['draft', 'boolean', false],
      ['date', 'datetime', true],
      ['summary', 'string', false],
    ]);
  });
});
