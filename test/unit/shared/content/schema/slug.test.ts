import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../../shared/errors';
import {
  entryFilePath,
  newEntryFrontMatter,
  renderSlugTemplate,
  slugify,
  uniqueEntryPath,
} from '../../../../../shared/content/schema/slug';
import type { FolderCollection, SchemaField } from '../../../../../shared/content/schema/types';
import { repoFolder } from '../../../../../shared/content/collection-ids';
import { postsCollection } from '../../../../support/collections';

/** The AppFailure `run` throws, or a test failure when it does not throw one. */
function failure(run: () => unknown): AppFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('slugify', () => {
  it.each([
    ['Hello, World!', 'hello-world'],
    ['Café déjà vu', 'cafe-deja-vu'],
    ['Привет мир', 'привет-мир'],
    ['Мой дом', 'мой-дом'], // й keeps its breve: the mark is part of the Cyrillic letter
    ['東京 タワー', '東京-タワー'],
    ['がっこう', 'がっこう'], // dakuten kept
    ['Straße & Smørrebrød', 'strasse-smorrebrod'],
    ["Don't  stop -- me now", 'dont-stop-me-now'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
    ['Version 2.0 (beta)', 'version-2-0-beta'],
    ['ﬁne ligatures', 'fine-ligatures'],
    ['Emoji 🎉 party', 'emoji-party'],
    ['!!!', 'untitled'],
    ['', 'untitled'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts long titles at a word boundary, near 80 characters', () => {
    const title = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.length).toBeGreaterThan(70);
    expect(title.toLowerCase().replace(/ /g, '-').startsWith(`${slug}-`)).toBe(true);
    expect(slugify('a'.repeat(200))).toBe('a'.repeat(80));
  });
});

describe('slugify leaves nothing invisible', () => {
  const invisible = /[\p{Default_Ignorable_Code_Point}\p{M}\p{Cf}\p{Cc}]/u;
  it.each([
    ['We ❤️ open source', 'we-open-source'], // U+FE0F after the heart
    ['Family 👨‍👩‍👧 trip', 'family-trip'], // ZWJ sequence
    ['Keycap 1️⃣ first', 'keycap-1-first'], // 1 + FE0F + U+20E3
    ['Thumbs 👍🏽 up', 'thumbs-up'], // skin-tone modifier
    ['zero\u200bwidth\u200dspace', 'zerowidthspace'],
    ['soft\u00adhyphen', 'softhyphen'],
    ['Cafe\u0301 de\u0301ja\u0300 vu', 'cafe-deja-vu'], // decomposed accents
    ['̃tilde alone', 'tilde-alone'], // a combining mark with no letter
    ['🏳️‍🌈 Pride', 'pride'],
  ])('%s → %s', (title, slug) => {
    const made = slugify(title);
    expect(made).toBe(slug);
    expect(made).not.toMatch(invisible);
  });

  it('keeps marks that belong to letters in other scripts, and CJK', () => {
    expect(slugify('हिन्दी लेख')).toBe('हिन्दी-लेख');
    expect(slugify('北京 🎉 烤鸭')).toBe('北京-烤鸭');
    expect(slugify('カフェ・ラテ')).toBe('カフェ-ラテ');
  });
});

describe('slugify with the site’s Decap slug settings', () => {
  it('keeps accents when clean_accents is false and removes them when true', () => {
    expect(slugify('Café déjà vu ❤️', { cleanAccents: false })).toBe('café-déjà-vu');
    expect(slugify('Café déjà vu', { cleanAccents: true })).toBe('cafe-deja-vu');
    expect(slugify('Straße', { cleanAccents: false })).toBe('straße');
  });

  it('keeps only a–z and 0–9 with encoding: ascii', () => {
    expect(slugify('Café déjà vu', { encoding: 'ascii', cleanAccents: true })).toBe('cafe-deja-vu');
    // Without clean_accents Decap drops the accented letter itself.
    expect(slugify('Café au lait', { encoding: 'ascii', cleanAccents: false })).toBe('caf-au-lait');
    expect(slugify('東京 tower 2024', { encoding: 'ascii' })).toBe('tower-2024');
    expect(slugify('東京', { encoding: 'ascii' })).toBe('untitled');
  });

  it('joins words with sanitize_replacement', () => {
    expect(slugify('Hello big ❤️ world', { sanitizeReplacement: '_' })).toBe('hello_big_world');
    expect(slugify('Hello big world', { sanitizeReplacement: '' })).toBe('hellobigworld');
  });

  it('reaches {{slug}} in templates', () => {
    const input = {
      title: 'Crème brûlée',
      date: new Date(Date.UTC(2026, 0, 2)),
      fields: {},
      slugOptions: { encoding: 'unicode' as const, cleanAccents: false, sanitizeReplacement: '_' },
    };
    expect(renderSlugTemplate('{{year}}-{{slug}}', input)).toBe('2026-crème_brûlée');
  });
});

describe('renderSlugTemplate', () => {
  const date = new Date(Date.UTC(2026, 2, 4, 7, 5, 9));
  const input = {
    title: 'Harbour Meetup!',
    date,
    fields: { title: 'Harbour Meetup!', author: 'Mara Lindqvist', seo: { lang: 'EN' }, n: 3 },
  };

  it('fills every placeholder, in UTC and zero-padded', () => {
    expect(renderSlugTemplate('{{year}}-{{month}}-{{day}}-{{hour}}{{minute}}{{second}}-{{slug}}', input)).toBe(
      '2026-03-04-070509-harbour-meetup',
    );
    expect(renderSlugTemplate('{{fields.author}}/{{ slug }}', input)).toBe('mara-lindqvist/harbour-meetup');
    expect(renderSlugTemplate('{{author}}-{{n}}-{{fields.seo.lang}}', input)).toBe('mara-lindqvist-3-en');
    expect(renderSlugTemplate('{{fields.missing}}x', input)).toBe('x');
  });

  it('makes {{slug}} from the identifier field, falling back to the title', () => {
    expect(renderSlugTemplate('{{slug}}', { ...input, identifierField: 'author' })).toBe('mara-lindqvist');
    expect(renderSlugTemplate('{{slug}}', { ...input, identifierField: 'name' })).toBe('harbour-meetup');
  });

  it.each(['{{yaer}}-{{slug}}', '{{slug | upper}}', '{{fields.}}', '{{slug}', 'x-{{slug}}}}'])(
    'refuses %s',
    (template) => {
      const error = failure(() => renderSlugTemplate(template, input));
      expect(error.code).toBe('invalid-slug-template');
      expect(error.message).toContain(template);
    },
  );
});

const collection = (over: Partial<FolderCollection> = {}): FolderCollection => postsCollection(over);

describe('entryFilePath', () => {
  it('joins folder, slug and extension', () => {
    expect(entryFilePath(collection(), 'hello')).toBe('content/posts/hello.md');
    expect(entryFilePath(collection({ folder: repoFolder('') }), 'hello')).toBe('hello.md');
    expect(entryFilePath(collection({ folder: repoFolder('blog/'), extension: 'mdx' }), 'привет')).toBe(
      'blog/привет.mdx',
    );
  });

  it('renders the path template with the slug', () => {
    expect(entryFilePath(collection({ path: '{{slug}}/index' }), '2026-01-01-hello')).toBe(
      'content/posts/2026-01-01-hello/index.md',
    );
    const input = { title: 'Hello', date: new Date(Date.UTC(2026, 0, 9)), fields: {} };
    expect(entryFilePath(collection({ path: '{{year}}/{{slug}}' }), 'hello', input)).toBe(
      'content/posts/2026/hello.md',
    );
  });

  it.each([
    ['../escape', 'contains “.” or “..”'],
    ['a/../../b', 'contains “.” or “..”'],
    ['./a', 'contains “.” or “..”'],
    ['/etc/passwd', 'absolute path'],
    ['C:/Windows/x', 'absolute path'],
    ['a\\b', 'backslash'],
    ['a\u0000b', 'control characters'],
    ['line\nbreak', 'control characters'],
    ['del\u007f', 'control characters'],
    ['CON', 'reserves'],
    ['nul', 'reserves'],
    ['a/com1', 'reserves'],
    ['LPT9.txt', 'reserves'],
    ['aux/x', 'reserves'],
    ['trailing.', 'ends with a dot or a space'],
    ['trailing ', 'ends with a dot or a space'],
    ['dir./x', 'ends with a dot or a space'],
    [' leading', 'starts with a space'],
    ['a//b', 'empty folder name'],
    ['a/', 'empty folder name'],
    ['', 'is empty'],
    ['what?', 'Windows does not allow'],
    ['a:b', 'absolute path'], // drive-relative on Windows
    ['ab:c', 'Windows does not allow'],
  ])('refuses the slug %j', (slug, why) => {
    const error = failure(() => entryFilePath(collection(), slug));
    expect(error.code).toBe('unsafe-path');
    expect(error.message).toContain(why);
  });

  it('refuses unsafe folders, path templates and extensions', () => {
    expect(failure(() => entryFilePath(collection({ folder: repoFolder('../outside') }), 'x')).code).toBe(
      'unsafe-path',
    );
    expect(failure(() => entryFilePath(collection({ folder: repoFolder('/abs') }), 'x')).code).toBe('unsafe-path');
    expect(failure(() => entryFilePath(collection({ path: '../{{slug}}' }), 'x')).code).toBe('unsafe-path');
    expect(failure(() => entryFilePath(collection({ extension: 'md/../../x' }), 'x')).code).toBe('unsafe-path');
    // Names that merely contain a reserved word are fine.
    expect(entryFilePath(collection(), 'console-nulls')).toBe('content/posts/console-nulls.md');
  });
});

describe('uniqueEntryPath', () => {
  const taken =
    (...paths: string[]) =>
    (p: string): boolean =>
      paths.includes(p);

  it('keeps a free path', () => {
    expect(uniqueEntryPath('p/a.md', taken())).toBe('p/a.md');
  });

  it('numbers before the extension', () => {
    expect(uniqueEntryPath('p/a.md', taken('p/a.md'))).toBe('p/a-1.md');
    expect(uniqueEntryPath('p/a.md', taken('p/a.md', 'p/a-1.md', 'p/a-2.md'))).toBe('p/a-3.md');
    expect(uniqueEntryPath('p/v1.2.md', taken('p/v1.2.md'))).toBe('p/v1.2-1.md');
    expect(uniqueEntryPath('README', taken('README'))).toBe('README-1');
  });

  it('numbers the folder of a page bundle', () => {
    expect(uniqueEntryPath('p/a/index.md', taken('p/a/index.md'))).toBe('p/a-1/index.md');
  });

  it('continues its own numbering, but not a number that is part of the name', () => {
    expect(uniqueEntryPath('p/a-1.md', taken('p/a.md', 'p/a-1.md'))).toBe('p/a-2.md');
    expect(uniqueEntryPath('p/top-10.md', taken('p/top-10.md'))).toBe('p/top-10-1.md');
  });
});

describe('newEntryFrontMatter', () => {
  const date = new Date(Date.UTC(2026, 2, 14, 9, 30));
  const base = { required: false };
  const fields: SchemaField[] = [
    { ...base, name: 'templateKey', label: 'Template', widget: 'hidden', default: 'blog-post' },
    { ...base, name: 'title', label: 'Title', widget: 'string', required: true },
    { ...base, name: 'date', label: 'Date', widget: 'datetime', pickerUtc: false },
    { ...base, name: 'updated', label: 'Updated', widget: 'datetime', pickerUtc: false },
    { ...base, name: 'pubDate', label: 'Published', widget: 'date' },
    { ...base, name: 'draft', label: 'Draft', widget: 'boolean' },
    { ...base, name: 'featured', label: 'Featured', widget: 'boolean', default: true },
    { ...base, name: 'author', label: 'Author', widget: 'string' },
    { ...base, name: 'summary', label: 'Summary', widget: 'text', required: true },
    { ...base, name: 'layout', label: 'Layout', widget: 'select', multiple: false, options: [], default: 'wide' },
    {
      ...base,
      name: 'tags',
      label: 'Tags',
      widget: 'list',
      allowAdd: true,
      collapsed: false,
      items: { kind: 'strings' },
    },
    {
      ...base,
      name: 'links',
      label: 'Links',
      widget: 'list',
      allowAdd: true,
      collapsed: false,
      items: { kind: 'strings' },
      required: true,
    },
    {
      ...base,
      name: 'aliases',
      label: 'Aliases',
      widget: 'list',
      allowAdd: true,
      collapsed: false,
      items: { kind: 'strings' },
      default: ['/old'],
    },
    { ...base, name: 'hiddenNoDefault', label: 'H', widget: 'hidden' },
    { ...base, name: 'weight', label: 'Weight', widget: 'number', valueType: 'int' },
    {
      ...base,
      name: 'seo',
      label: 'SEO',
      widget: 'object',
      collapsed: false,
      fields: [
        { ...base, name: 'title', label: 'Title', widget: 'string' },
        { ...base, name: 'noindex', label: 'No index', widget: 'boolean' },
      ],
    },
    {
      ...base,
      name: 'empty',
      label: 'Empty',
      widget: 'object',
      collapsed: false,
      fields: [{ ...base, name: 'x', label: 'X', widget: 'string' }],
    },
  ];

  it('applies defaults, the title, dates and booleans, and leaves out the rest', () => {
    const data = newEntryFrontMatter(fields, { title: 'Harbour Meetup', date });
    expect(data).toEqual({
      templateKey: 'blog-post',
      title: 'Harbour Meetup',
      date: '2026-03-14T09:30:00.000Z',
      pubDate: '2026-03-14',
      draft: false,
      featured: true,
      summary: '',
      layout: 'wide',
      links: [],
      aliases: ['/old'],
      seo: { noindex: false },
    });
    // Nested titles are not the entry's identifier.
    expect(Object.keys(data)).toEqual([
      'templateKey',
      'title',
      'date',
      'pubDate',
      'draft',
      'featured',
      'summary',
      'layout',
      'links',
      'aliases',
      'seo',
    ]);
  });

  it('passes date fields to the caller’s formatter', () => {
    const data = newEntryFrontMatter(
      fields,
      { title: 'T', date },
      (field, when) => `${field.name}@${when.getUTCFullYear()}`,
    );
    expect(data.date).toBe('date@2026');
    expect(data.pubDate).toBe('pubDate@2026');
  });

  it('puts the title in the identifier field', () => {
    const data = newEntryFrontMatter(fields, { title: 'Mara', date, identifierField: 'author' });
    expect(data.author).toBe('Mara');
    expect(data.title).toBe('');
  });

  it('honours {{now}} defaults and copies defaults rather than sharing them', () => {
    const now: SchemaField = {
      ...base,
      name: 'reviewed',
      label: 'Reviewed',
      widget: 'datetime',
      pickerUtc: true,
      default: '{{now}}',
    };
    expect(newEntryFrontMatter([now], { title: 'T', date }).reviewed).toBe('2026-03-14T09:30:00.000Z');
    const data = newEntryFrontMatter(fields, { title: 'T', date });
    (data.aliases as string[]).push('/more');
    expect(fields[12]?.default).toEqual(['/old']);
  });
});
