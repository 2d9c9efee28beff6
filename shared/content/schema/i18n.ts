/**
 * Translated collections (Decap `i18n`): which locale an entry file is in and which key its
 * translations share, where a translation's file goes, which fields each locale's file carries,
 * and what a new translation starts with. Pure, so the library, the form, new translations and
 * `masthead check` agree on every rule.
 */
import type { FrontMatterData } from '../../api';
import { isObject } from '../fields';
import { jsonEqual, ownValue, setOwn } from '../json-values';
import type { FolderCollection, I18nSettings, SchemaField } from './types';

/** A collection that is translated. */
export type TranslatedCollection = FolderCollection & { i18n: I18nSettings };

/** How a field behaves across locales: its own value per locale, a copy of the default's, or default-only. */
export type FieldTranslation = 'translate' | 'duplicate' | 'none';

/** Where an entry file of a translated collection stands. */
export interface EntryLocale {
  locale: string;
  /** What every locale's file of the entry shares: the path below the folder without locale and extension (`hello`, `2026/hello/index`). */
  key: string;
}

/** True when the collection is translated. */
export function isTranslated(collection: FolderCollection | null | undefined): collection is TranslatedCollection {
  return collection?.i18n !== undefined;
}

/** True when each locale has a file of its own (not `single_file`). */
export function hasLocaleFiles(collection: FolderCollection | null | undefined): collection is TranslatedCollection {
  return isTranslated(collection) && collection.i18n.structure !== 'single_file';
}

/** A field's i18n setting as one of three behaviours (Decap: `true` is `translate`; absent or `false` is `none`). */
export function fieldTranslation(field: SchemaField): FieldTranslation {
  if (field.i18n === true || field.i18n === 'translate') return 'translate';
  return field.i18n === 'duplicate' ? 'duplicate' : 'none';
}

/** The locale and translation key of the file at `path`, or null when its name carries no locale of the collection. */
export function entryLocaleOf(collection: FolderCollection, path: string): EntryLocale | null {
  if (!hasLocaleFiles(collection)) return null;
  const prefix = collection.folder === '' ? '' : `${collection.folder}/`;
  if (!path.startsWith(prefix)) return null;
  const relative = path.slice(prefix.length);
  const dot = relative.lastIndexOf('.');
  const stem = dot > relative.lastIndexOf('/') ? relative.slice(0, dot) : relative;
  const { locales } = collection.i18n;
  if (collection.i18n.structure === 'multiple_folders') {
    const slash = stem.indexOf('/');
    const locale = stem.slice(0, slash);
    return slash > 0 && locales.includes(locale) ? { locale, key: stem.slice(slash + 1) } : null;
  }
  const localeDot = stem.lastIndexOf('.');
  const locale = stem.slice(localeDot + 1);
  return localeDot > stem.lastIndexOf('/') && locales.includes(locale)
    ? { locale, key: stem.slice(0, localeDot) }
    : null;
}

/** The repo-relative path of the `locale` file of the entry `key`. */
export function translationPath(collection: TranslatedCollection, key: string, locale: string): string {
  const prefix = collection.folder === '' ? '' : `${collection.folder}/`;
  const { extension } = collection;
  switch (collection.i18n.structure) {
    case 'multiple_folders':
      return `${prefix}${locale}/${key}.${extension}`;
    case 'multiple_files':
      return `${prefix}${key}.${locale}.${extension}`;
    case 'single_file':
      return `${prefix}${key}.${extension}`;
  }
}

/**
 * Where a new entry goes: `path` is what the slug and path templates give (`<folder>/<slug>.<ext>`);
 * a translated collection puts it in the default locale.
 */
export function newEntryPath(collection: FolderCollection, path: string): string {
  return hasLocaleFiles(collection)
    ? translationPath(collection, keyOfPlainPath(collection, path), collection.i18n.defaultLocale)
    : path;
}

/** Every locale's file of the entry whose plain path (`<folder>/<slug>.<ext>`) is `path`; just `path` when there are none. */
export function localePaths(collection: FolderCollection, path: string): string[] {
  if (!hasLocaleFiles(collection)) return [path];
  const key = keyOfPlainPath(collection, path);
  return collection.i18n.locales.map((locale) => translationPath(collection, key, locale));
}

function keyOfPlainPath(collection: FolderCollection, path: string): string {
  const prefix = collection.folder === '' ? '' : `${collection.folder}/`;
  return path.slice(prefix.length, path.length - collection.extension.length - 1);
}

/** The fields a locale's file carries: all in the default locale; elsewhere only translated and duplicated ones. */
export function fieldsForLocale(collection: FolderCollection, locale: string): SchemaField[] {
  if (!isTranslated(collection) || locale === collection.i18n.defaultLocale) return collection.fields;
  return collection.fields.filter((field) => fieldTranslation(field) !== 'none');
}

/**
 * The form of a `single_file` entry: one group per locale, keyed by the locale code as Decap
 * writes it. Only the default locale's group is required; another locale may not be written yet.
 */
export function singleFileFields(collection: TranslatedCollection): SchemaField[] {
  const { locales, defaultLocale } = collection.i18n;
  return locales.map((locale) => ({
    name: locale,
    label: `${localeName(locale)} (${locale})`,
    required: locale === defaultLocale,
    widget: 'object',
    fields: fieldsForLocale(collection, locale),
    collapsed: locale !== defaultLocale,
  }));
}

/** The schema fields of the entry file at `path`: its locale's, the locale groups of a single file, or all. */
export function entrySchemaFields(collection: FolderCollection, path: string): SchemaField[] {
  if (!isTranslated(collection)) return collection.fields;
  if (collection.i18n.structure === 'single_file') return singleFileFields(collection);
  const at = entryLocaleOf(collection, path);
  return at ? fieldsForLocale(collection, at.locale) : collection.fields;
}

/**
 * The front matter of a new translation: duplicated fields copied from the `source` translation,
 * translated fields from `fresh` (what a new entry of those fields starts with: empty required
 * texts, defaults), default-only fields left out. In the collection's field order.
 */
export function translationFrontMatter(
  collection: FolderCollection,
  source: FrontMatterData,
  fresh: FrontMatterData,
): FrontMatterData {
  const data: FrontMatterData = {};
  for (const field of collection.fields) {
    const behaviour = fieldTranslation(field);
    const value =
      behaviour === 'duplicate'
        ? ownValue(source, field.name)
        : behaviour === 'translate'
          ? ownValue(fresh, field.name)
          : undefined;
    if (value !== undefined) setOwn(data, field.name, structuredClone(value));
  }
  return data;
}

/**
 * The duplicated fields (same value in every locale) whose value differs between `before` and
 * `after`: what a save of one translation must copy into the others.
 */
export function changedDuplicatedFields(
  collection: FolderCollection,
  before: FrontMatterData,
  after: FrontMatterData,
): string[] {
  return collection.fields
    .filter((field) => fieldTranslation(field) === 'duplicate')
    .map((field) => field.name)
    .filter((name) => !jsonEqual(ownValue(before, name), ownValue(after, name)));
}

/** The translated fields of a collection (those a new translation starts fresh). */
export function translatedFields(collection: FolderCollection): SchemaField[] {
  return collection.fields.filter((field) => fieldTranslation(field) === 'translate');
}

/** The locales a `single_file` entry has written: the locale keys holding a mapping. */
export function singleFileLocales(collection: TranslatedCollection, frontMatter: FrontMatterData): string[] {
  return collection.i18n.locales.filter((locale) => isObject(frontMatter[locale]));
}

/** The default locale's values of an entry: the entry itself, or its default-locale mapping in a single file. */
export function defaultLocaleData(
  collection: FolderCollection | null | undefined,
  frontMatter: FrontMatterData,
): FrontMatterData {
  if (!isTranslated(collection) || collection.i18n.structure !== 'single_file') return frontMatter;
  const inner = frontMatter[collection.i18n.defaultLocale];
  return isObject(inner) ? inner : {};
}

// `fallback: 'none'`: an unknown code gives nothing (rather than a guess built from its parts).
const displayNames =
  typeof Intl.DisplayNames === 'function'
    ? new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })
    : null;

/** A locale's name for people (`de` → German), or its code in capitals when it is not a known language. */
export function localeName(code: string): string {
  try {
    const name = displayNames?.of(code.replace(/_/g, '-'));
    if (name) return name;
  } catch {
    // Not a BCP 47 tag (a site may name a locale anything file-safe): the code is the name.
  }
  return code.toUpperCase();
}

/**
 * Puts the translations of one entry together, where the first of them stands in `items` (the
 * library's order), default locale first. Items without a translation key keep their places.
 */
export function groupTranslations<T extends { collection: string; translationKey?: string; locale?: string }>(
  items: readonly T[],
  localeRank: (item: T) => number,
): T[] {
  const groups = new Map<string, T[]>();
  const groupOf = (item: T): string | null =>
    item.translationKey === undefined ? null : JSON.stringify([item.collection, item.translationKey]);
  for (const item of items) {
    const id = groupOf(item);
    if (id === null) continue;
    const group = groups.get(id);
    if (group) group.push(item);
    else groups.set(id, [item]);
  }
  const result: T[] = [];
  for (const item of items) {
    const id = groupOf(item);
    if (id === null) {
      result.push(item);
      continue;
    }
    const group = groups.get(id);
    if (!group) continue; // already placed with its first member
    groups.delete(id);
    result.push(...[...group].sort((a, b) => localeRank(a) - localeRank(b)));
  }
  return result;
}
