import { describe, expect, it } from 'vitest';
import {
  entryLocaleOf,
  entrySchemaFields,
  fieldsForLocale,
  groupTranslations,
  localeName,
  localePaths,
  newEntryPath,
  singleFileFields,
  translationFrontMatter,
  translationPath,
  type TranslatedCollection,
} from '../../../../../shared/content/schema/i18n';
import type { FolderCollection, I18nStructure, SchemaField } from '../../../../../shared/content/schema/types';
import { validateEntry } from '../../../../../shared/content/schema/validate';
import { postsCollection } from '../../../../support/collections';

const FIELDS: SchemaField[] = [
  { name: 'title', label: 'Title', required: true, widget: 'string', i18n: true },
  { name: 'date', label: 'Date', required: true, widget: 'datetime', pickerUtc: false, i18n: 'duplicate' },
  { name: 'author', label: 'Author', required: true, widget: 'string' },
  { name: 'summary', label: 'Summary', required: false, widget: 'text', i18n: 'translate' },
  { name: 'rating', label: 'Rating', required: true, widget: 'number', valueType: 'int', i18n: 'none' },
];

function posts(structure: I18nStructure, extra: Partial<FolderCollection> = {}): TranslatedCollection {
  return {
    ...postsCollection({ fields: FIELDS }),
    i18n: { structure, locales: ['en', 'de', 'pt-br'], defaultLocale: 'en' },
    ...extra,
  };
}

describe('entry locales and paths', () => {
  it('multiple_folders: the first folder below the collection is the locale', () => {
    const collection = posts('multiple_folders');
    expect(entryLocaleOf(collection, 'content/posts/de/hello.md')).toEqual({ locale: 'de', key: 'hello' });
    expect(entryLocaleOf(collection, 'content/posts/pt-br/2026/hello/index.md')).toEqual({
      locale: 'pt-br',
      key: '2026/hello/index',
    });
    // Not in a locale folder, or directly in the collection folder: no locale to tell.
    expect(entryLocaleOf(collection, 'content/posts/es/hello.md')).toBeNull();
    expect(entryLocaleOf(collection, 'content/posts/hello.md')).toBeNull();
    expect(translationPath(collection, '2026/hello/index', 'de')).toBe('content/posts/de/2026/hello/index.md');
  });

  it('multiple_files: the locale is the last part of the file name before the extension', () => {
    const collection = posts('multiple_files');
    expect(entryLocaleOf(collection, 'content/posts/hello.de.md')).toEqual({ locale: 'de', key: 'hello' });
    expect(entryLocaleOf(collection, 'content/posts/hello/index.pt-br.md')).toEqual({
      locale: 'pt-br',
      key: 'hello/index',
    });
    expect(entryLocaleOf(collection, 'content/posts/v1.2.md')).toBeNull();
    expect(entryLocaleOf(collection, 'content/posts/de.md')).toBeNull();
    expect(translationPath(collection, 'hello/index', 'de')).toBe('content/posts/hello/index.de.md');
  });

  it('single_file: one file for every locale, so no file has a locale of its own', () => {
    const collection = posts('single_file');
    expect(entryLocaleOf(collection, 'content/posts/hello.md')).toBeNull();
    expect(translationPath(collection, 'hello', 'de')).toBe('content/posts/hello.md');
    expect(newEntryPath(collection, 'content/posts/hello.md')).toBe('content/posts/hello.md');
  });

  it('puts new entries in the default locale, and lists every locale’s file of a name', () => {
    expect(newEntryPath(posts('multiple_folders'), 'content/posts/hello.md')).toBe('content/posts/en/hello.md');
    expect(newEntryPath(posts('multiple_files', { path: '{{slug}}/index' }), 'content/posts/hello/index.md')).toBe(
      'content/posts/hello/index.en.md',
    );
    expect(localePaths(posts('multiple_files'), 'content/posts/hello.md')).toEqual([
      'content/posts/hello.en.md',
      'content/posts/hello.de.md',
      'content/posts/hello.pt-br.md',
    ]);
    const { i18n: _omitted, ...plain } = posts('multiple_folders');
    expect(newEntryPath(plain, 'content/posts/hello.md')).toBe('content/posts/hello.md');
  });

  it('names locales for people, falling back to the code', () => {
    expect(localeName('de')).toBe('German');
    expect(localeName('pt-br')).toBe('Brazilian Portuguese');
    expect(localeName('zz_top')).toBe('ZZ_TOP');
  });
});

describe('fields per locale', () => {
  it('gives the default locale every field and other locales the translated and duplicated ones', () => {
    const collection = posts('multiple_folders');
    expect(fieldsForLocale(collection, 'en').map((f) => f.name)).toEqual([
      'title',
      'date',
      'author',
      'summary',
      'rating',
    ]);
    expect(fieldsForLocale(collection, 'de').map((f) => f.name)).toEqual(['title', 'date', 'summary']);
    expect(entrySchemaFields(collection, 'content/posts/de/hello.md').map((f) => f.name)).toEqual([
      'title',
      'date',
      'summary',
    ]);
    expect(entrySchemaFields(collection, 'content/posts/stray.md')).toBe(FIELDS);
  });

  it('validation asks nothing of a translation that only the default locale carries', () => {
    const collection = posts('multiple_folders');
    const translation = { title: 'Hallo', date: '2026-01-05T10:00:00.000Z' };
    expect(validateEntry(entrySchemaFields(collection, 'content/posts/de/hello.md'), translation)).toEqual([]);
    expect(
      validateEntry(entrySchemaFields(collection, 'content/posts/en/hello.md'), translation).map(
        (issue) => issue.message,
      ),
    ).toEqual(['Author is required.', 'Rating is required.']);
    // A translated field stays required in every locale.
    expect(
      validateEntry(entrySchemaFields(collection, 'content/posts/de/hello.md'), { ...translation, title: '' }).map(
        (issue) => issue.message,
      ),
    ).toEqual(['Title is required.']);
  });

  it('edits a single file as one group per locale, only the default one required', () => {
    const collection = posts('single_file');
    const groups = singleFileFields(collection);
    expect(groups.map((group) => [group.name, group.label, group.required, group.widget])).toEqual([
      ['en', 'English (en)', true, 'object'],
      ['de', 'German (de)', false, 'object'],
      ['pt-br', 'Brazilian Portuguese (pt-br)', false, 'object'],
    ]);
    expect(entrySchemaFields(collection, 'content/posts/hello.md')).toEqual(groups);
    const issues = validateEntry(groups, {
      en: { title: 'Hello', date: '2026-01-05T10:00:00.000Z', author: 'Ada', rating: 3 },
      de: { title: '' },
    });
    expect(issues).toEqual([
      { path: ['de', 'title'], severity: 'error', message: 'Title is required.' },
      { path: ['de', 'date'], severity: 'error', message: 'Date is required.' },
    ]);
  });
});

describe('translationFrontMatter', () => {
  it('copies duplicated values, takes translated ones fresh, and leaves default-only fields out, in field order', () => {
    const source = {
      rating: 4,
      author: 'Ada',
      summary: 'Short',
      title: 'Hello',
      date: '2026-01-05T10:00:00.000Z',
      extra: 'kept in the source only',
    };
    expect(translationFrontMatter(posts('multiple_folders'), source, { title: '', summary: 'Fresh default' })).toEqual({
      title: '',
      date: '2026-01-05T10:00:00.000Z',
      summary: 'Fresh default',
    });
    expect(Object.keys(translationFrontMatter(posts('multiple_folders'), source, { title: '' }))).toEqual([
      'title',
      'date',
    ]);
  });

  it('reads only own keys: fields named like Object.prototype members are data, not inherited values', () => {
    const collection = posts('multiple_folders');
    const tricky = {
      ...collection,
      fields: [
        { name: 'constructor', label: 'Constructor', required: false, widget: 'string', i18n: 'duplicate' },
        { name: '__proto__', label: 'Proto', required: false, widget: 'string', i18n: 'duplicate' },
      ],
    } as typeof collection;
    expect(translationFrontMatter(tricky, {}, {})).toEqual({});
    const source = JSON.parse('{"__proto__": "kept", "constructor": "also"}') as Record<string, string>;
    const data = translationFrontMatter(tricky, source, {});
    expect(Object.keys(data)).toEqual(['constructor', '__proto__']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });
});

describe('groupTranslations', () => {
  const rank = (item: { locale?: string }) => ['en', 'de', 'fr'].indexOf(item.locale ?? '');
  it('puts translations together where the first of them stands, default locale first; others keep their places', () => {
    const items = [
      { path: 'de/b', collection: 'posts', translationKey: 'b', locale: 'de' },
      { path: 'page', collection: 'pages' },
      { path: 'en/a', collection: 'posts', translationKey: 'a', locale: 'en' },
      { path: 'en/b', collection: 'posts', translationKey: 'b', locale: 'en' },
      { path: 'fr/a', collection: 'posts', translationKey: 'a', locale: 'fr' },
      { path: 'other/b', collection: 'notes', translationKey: 'b', locale: 'de' },
    ];
    expect(groupTranslations(items, rank).map((item) => item.path)).toEqual([
      'en/b',
      'de/b',
      'page',
      'en/a',
      'fr/a',
      'other/b',
    ]);
  });
});
