import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDecapConfig } from '../../../../../shared/content/schema/decap-config';
import type { ContentModel, FolderCollection } from '../../../../../shared/content/schema/types';

const SITES = join(__dirname, '../../../../fixtures/sites');
const read = (text: string): ContentModel => readDecapConfig(text, 'static/admin/config.yml');

function folder(model: ContentModel, name: string): FolderCollection {
  const found = model.collections.find((c) => c.name === name);
  if (!found || found.kind !== 'folder') throw new Error(`no folder collection ${name}`);
  return found;
}
const problems = (model: ContentModel) => model.problems.map((p) => [p.severity, p.line, p.message]);

/** A config with a top-level `i18n` block (lines) and one `posts` collection whose i18n line is `collectionI18n`. */
function config(siteI18n: string[], collectionI18n: string[]): string {
  return [
    ...siteI18n,
    'collections:',
    '  - name: posts',
    '    folder: content/posts',
    ...collectionI18n.map((line) => `    ${line}`),
    '    fields:',
    '      - { name: title, widget: string, i18n: true }',
    '      - { name: body, widget: markdown, i18n: true }',
  ].join('\n');
}
const SITE = ['i18n:', '  structure: multiple_folders', '  locales: [en, de, fr]'];

describe('readDecapConfig: i18n', () => {
  it('reads the fixture site: one collection per structure, with zero problems', () => {
    const model = readDecapConfig(
      readFileSync(join(SITES, 'decap-i18n/static/admin/config.yml'), 'utf8'),
      'static/admin/config.yml',
    );
    expect(model.problems).toEqual([]);
    expect(model.i18n).toEqual({ structure: 'multiple_folders', locales: ['en', 'de', 'fr'], defaultLocale: 'en' });
    expect(folder(model, 'posts').i18n).toEqual({
      structure: 'multiple_folders',
      locales: ['en', 'de', 'fr'],
      defaultLocale: 'en',
    });
    expect(folder(model, 'notes').i18n).toEqual({
      structure: 'multiple_files',
      locales: ['en', 'de'],
      defaultLocale: 'en',
    });
    expect(folder(model, 'pages').i18n).toEqual({
      structure: 'single_file',
      locales: ['en', 'de'],
      defaultLocale: 'en',
    });
    expect(folder(model, 'posts').fields.map((f) => [f.name, f.i18n])).toEqual([
      ['title', true],
      ['date', 'duplicate'],
      ['author', undefined],
      ['description', true],
      ['tags', 'duplicate'],
    ]);
  });

  it('keeps the body among a single file’s fields: its bodies live in each locale’s mapping, not after the front matter', () => {
    const model = read(config(['i18n: { structure: single_file, locales: [en, de] }'], ['i18n: true']));
    expect(folder(model, 'posts')).toMatchObject({ bodyField: null, i18n: { structure: 'single_file' } });
    expect(folder(model, 'posts').fields.map((f) => f.name)).toEqual(['title', 'body']);
    const split = read(config(SITE, ['i18n: true']));
    expect(folder(split, 'posts')).toMatchObject({ bodyField: 'body' });
    expect(folder(split, 'posts').fields.map((f) => f.name)).toEqual(['title']);
  });

  it('defaults the default locale to the first locale, and accepts defaultLocale spelled in camelCase', () => {
    expect(read(config(SITE, ['i18n: true'])).i18n?.defaultLocale).toBe('en');
    expect(read(config([...SITE, '  defaultLocale: de'], ['i18n: true'])).i18n?.defaultLocale).toBe('de');
  });

  it('lets a collection override the structure, narrow the locales and pick its default', () => {
    const model = read(
      config(
        [...SITE, '  default_locale: en'],
        ['i18n:', '  structure: multiple_files', '  locales: [de, fr]', '  default_locale: fr'],
      ),
    );
    expect(model.problems).toEqual([]);
    expect(folder(model, 'posts').i18n).toEqual({
      structure: 'multiple_files',
      locales: ['de', 'fr'],
      defaultLocale: 'fr',
    });
    // Narrowed locales without the site's default fall back to their first.
    expect(folder(read(config(SITE, ['i18n: { locales: [de, fr] }'])), 'posts').i18n).toEqual({
      structure: 'multiple_folders',
      locales: ['de', 'fr'],
      defaultLocale: 'de',
    });
  });

  it('leaves collections without i18n (or with i18n: false) untranslated', () => {
    expect(folder(read(config(SITE, [])), 'posts').i18n).toBeUndefined();
    expect(folder(read(config(SITE, ['i18n: false'])), 'posts').i18n).toBeUndefined();
  });

  it('reports a site i18n without locales or structure, or with an unknown structure, and loads the collection untranslated', () => {
    const noLocales = read(config(['i18n:', '  structure: multiple_folders'], ['i18n: true']));
    expect(problems(noLocales)).toEqual([
      ['error', 1, '"i18n" lists no "locales"; translations are ignored.'],
      [
        'error',
        6,
        'Collection "posts": "i18n" needs the top-level "i18n" settings (structure and locales); the collection is not translated.',
      ],
    ]);
    expect(folder(noLocales, 'posts')).toMatchObject({ folder: 'content/posts', bodyField: 'body' });
    expect(folder(noLocales, 'posts').i18n).toBeUndefined();

    expect(problems(read(config(['i18n:', '  locales: [en]'], [])))).toEqual([
      [
        'error',
        1,
        '"i18n" has no "structure" (multiple_folders, multiple_files, single_file); translations are ignored.',
      ],
    ]);
    expect(problems(read(config(['i18n:', '  structure: one_folder', '  locales: [en]'], [])))).toEqual([
      [
        'error',
        2,
        '"i18n": i18n structure "one_folder" is unknown (expected multiple_folders, multiple_files, single_file); translations are ignored.',
      ],
    ]);
    expect(problems(read(config(['i18n: [en, de]'], [])))).toEqual([
      ['error', 1, '"i18n" should be a mapping with "structure" and "locales"; translations are ignored.'],
    ]);
  });

  it('reports a default locale that is not among the locales, and uses the first', () => {
    const model = read(config([...SITE, '  default_locale: es'], ['i18n: true']));
    expect(problems(model)).toEqual([
      ['error', 4, '"i18n": default_locale "es" is not among the locales (en, de, fr); "en" is used.'],
    ]);
    expect(folder(model, 'posts').i18n?.defaultLocale).toBe('en');
  });

  it('reports collection i18n without site i18n, and collection locales outside the site’s', () => {
    expect(problems(read(config([], ['i18n: true'])))).toEqual([
      [
        'error',
        4,
        'Collection "posts": "i18n" needs the top-level "i18n" settings (structure and locales); the collection is not translated.',
      ],
    ]);
    const narrowed = read(config(SITE, ['i18n:', '  locales: [de, es]', '  structure: by_country']));
    expect(problems(narrowed)).toEqual([
      [
        'error',
        9,
        'Collection "posts": i18n structure "by_country" is unknown (expected multiple_folders, multiple_files, single_file); the site\'s "multiple_folders" is used.',
      ],
      ['error', 8, 'Collection "posts": locale "es" is not among the site\'s locales (en, de, fr); it is ignored.'],
    ]);
    // An unknown override keeps the site's structure: the collection's files are where the site says.
    expect(folder(narrowed, 'posts').i18n).toEqual({
      structure: 'multiple_folders',
      locales: ['de'],
      defaultLocale: 'de',
    });
  });

  it('refuses locale codes that cannot be file names, and warns that file collections are not translated', () => {
    const model = read(
      [
        'i18n:',
        '  structure: multiple_files',
        '  locales: [en, "../de"]',
        'collections:',
        '  - name: settings',
        '    i18n: true',
        '    files: []',
      ].join('\n'),
    );
    expect(model.i18n?.locales).toEqual(['en']);
    expect(problems(model)).toEqual([
      [
        'error',
        3,
        '"i18n": locale "../de" cannot be part of a file name (use letters, digits, "-" or "_"); it is ignored.',
      ],
      [
        'warning',
        6,
        'Collection "settings": Masthead translates folder collections only; these files are edited as they are.',
      ],
    ]);
  });
});
