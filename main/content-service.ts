/**
 * The content model side of the back end: keeps the open repository's content index, answers the
 * library list and relation lookups, and creates new entries (see new-entries.ts).
 */
import { posix } from 'node:path';
import type { CreatePostRequest, PostDocument, PostSummary, RelationQuery, TranslateRequest } from '../shared/api';
import { isDraft, postDate, postTitle } from '../shared/content/post-meta';
import { relationOptions, type RelationField, type RelationSource } from '../shared/content/schema/relations';
import {
  defaultLocaleData,
  entryLocaleOf,
  groupTranslations,
  hasLocaleFiles,
  isTranslated,
  singleFileLocales,
  translationPath,
} from '../shared/content/schema/i18n';
import type { ContentModel, FolderCollection, RelationOption } from '../shared/content/schema/types';
import { fail } from '../shared/errors';
import { createPost, createTranslation } from './new-entries';
import { folderCollections, loadContentIndex, type ContentIndex, type IndexedEntry } from './workspace/content-index';
import { deepestFolder, fileEntrySummaries } from './workspace/data-entries';
import { displayFileName, sortPosts } from './workspace/posts';
import { NO_COLLECTION, type CollectionId } from '../shared/content/collection-ids';

/** The content service of one open repository. */
export interface ContentService {
  /**
   * The up-to-date index: the last one when nothing changed since (as the folder watch says),
   * else re-read (cheap when little changed: unchanged files are not parsed again).
   */
  refresh(): Promise<ContentIndex>;
  /**
   * Marks the index stale, e.g. after Masthead itself wrote a file (before the watch reports it).
   * With `paths` (repo-relative), only those files changed: while the watch runs, the next refresh
   * reads just them again and takes every other file's last parse as it is. Without, it looks at
   * every file.
   */
  invalidate(paths?: readonly string[]): void;
  /** Forgets the index (the repository was closed). */
  close(): void;
  /** The last index, loading it the first time. */
  current(): Promise<ContentIndex>;
  model(): Promise<ContentModel>;
  listPosts(): Promise<PostSummary[]>;
  relationOptions(query: RelationQuery): Promise<RelationOption[]>;
  createPost(request: CreatePostRequest): Promise<PostDocument>;
  /** Creates a missing translation of a post (see 'post:translate'). */
  createTranslation(request: TranslateRequest): Promise<PostDocument>;
  /** The document as the UI should edit it (see presentDocument). */
  present(doc: PostDocument): Promise<PostDocument>;
  /** The other locales' files of a translated post and its collection, or null when it has none. */
  translationsOf(path: string): Promise<{ collection: FolderCollection; paths: string[] } | null>;
}

/**
 * Whether changes to the repository's files would be seen (the back end's repository watch, which
 * calls `invalidate` on every change). Without one, every refresh re-reads (unchanged files are
 * not parsed again, but each is still looked at).
 */
export interface ChangeWatch {
  readonly active: boolean;
  /**
   * Whether every change is told with its file (the watch's first scan is done); until then a
   * refresh looks at every file even when told which changed. Absent: as `active`.
   */
  readonly reporting?: boolean;
}

const UNWATCHED: ChangeWatch = { active: false };

/**
 * More changed files than this before a refresh (a pull, a checkout, a script rewriting the site)
 * and it looks at every file again: a burst of changes is where a watch may drop events, and
 * reading everything costs little beside such an operation.
 */
const FEW_CHANGES = 100;

/** Builds the content service for the repository at `root`, trusting its index while `watch` is active. */
export function createContentService(root: string, watch: ChangeWatch = UNWATCHED): ContentService {
  let loaded: Promise<ContentIndex> | null = null;
  let stale = true;
  // What changed since the last load: some files (by repo-relative path), or anything at all.
  let changed: Set<string> | 'anything' = 'anything';

  const load = (): Promise<ContentIndex> => {
    // Cleared before reading: a change reported while the load runs makes the next refresh read again.
    stale = false;
    const since = changed;
    changed = new Set();
    const next = loadContentIndex(
      root,
      since === 'anything' || !(watch.reporting ?? watch.active) ? undefined : (path: string) => !since.has(path),
    );
    loaded = next;
    // A failed load must not stick: the next call tries again.
    next.catch(() => {
      if (loaded === next) loaded = null;
      stale = true;
      changed = 'anything';
    });
    return next;
  };
  const invalidate = (paths?: readonly string[]): void => {
    stale = true;
    if (paths === undefined) changed = 'anything';
    else if (changed !== 'anything') {
      for (const path of paths) changed.add(path);
      if (changed.size > FEW_CHANGES) changed = 'anything';
    }
  };
  const refresh = (): Promise<ContentIndex> => (loaded !== null && !stale && watch.active ? loaded : load());
  const current = (): Promise<ContentIndex> => loaded ?? load();

  return {
    refresh,
    current,
    invalidate,
    close: () => {
      loaded = null;
    },
    model: async () => (await current()).model,
    listPosts: async () => summarize(await refresh()),
    relationOptions: async (query) => {
      const index = await current();
      return relationOptions(relationFieldOf(query), relationSources(index, query), query.query);
    },
    createPost: async (request) => {
      const document = await createPost(root, await current(), request);
      invalidate([document.path]);
      return presentDocument(await refresh(), document);
    },
    createTranslation: async (request) => {
      // Fresh: the source's duplicated values are copied from the file as it is now.
      const index = await refresh();
      const document = await createTranslation(root, index, request);
      invalidate([document.path]);
      await refresh();
      return document;
    },
    present: async (doc) => presentDocument(await current(), doc),
    translationsOf: async (path) => translationsOf(await current(), path),
  };
}

/**
 * Library rows from the index, one per file: the collection's identifier field names each entry;
 * file collections' files follow their labels. A file in several collections lists them all.
 */
export function summarize(index: ContentIndex): PostSummary[] {
  const collections = folderCollections(index);
  const listed = new Set(index.entries.map((entry) => entry.path));
  const sorted = sortPosts([
    ...index.entries.map((entry): PostSummary => {
      const collection = collections.get(entry.collection);
      const key = collection?.identifierField ?? 'title';
      // A single-file translation keeps each locale's values in a mapping: the default locale's name it.
      const own = defaultLocaleData(collection, entry.frontMatter);
      const data = key === 'title' || !(key in own) ? own : { ...own, title: own[key] ?? null };
      const summary: PostSummary = {
        path: entry.path,
        collection: entry.collection,
        title: postTitle(data, displayFileName(entry.path)),
        date: postDate(data),
        draft: isDraft(data),
      };
      if (entry.collections.length > 1) summary.alsoIn = entry.collections.slice(1);
      const at = collection ? entryLocaleOf(collection, entry.path) : null;
      if (at) return { ...summary, locale: at.locale, translationKey: at.key };
      return isTranslated(collection) && collection.i18n.structure === 'single_file'
        ? { ...summary, locales: singleFileLocales(collection, entry.frontMatter) }
        : summary;
    }),
    // A file collection's file that a folder collection lists too is already a row.
    ...fileEntrySummaries(index).filter((post) => !listed.has(post.path)),
  ]);
  // Translations sit together (where the newest of them sorts), the default locale first.
  return groupTranslations(sorted, (post) => {
    const i18n = collections.get(post.collection)?.i18n;
    if (!i18n || post.locale === undefined) return 0;
    return post.locale === i18n.defaultLocale ? -1 : i18n.locales.indexOf(post.locale);
  });
}

/** The existing files of the other locales of the post at `path`, with its collection; null when it is not translated into files. */
function translationsOf(index: ContentIndex, path: string): { collection: FolderCollection; paths: string[] } | null {
  const entry = index.entries.find((candidate) => candidate.path === path);
  const collection = entry ? folderCollections(index).get(entry.collection) : undefined;
  // Data collections (whole YAML/TOML/JSON files) are left out: their translations are edited one by one.
  if (!hasLocaleFiles(collection) || ['yaml', 'toml', 'json'].includes(collection.format)) return null;
  const at = entryLocaleOf(collection, path);
  if (!at) return null;
  const existing = new Set(index.entries.map((candidate) => candidate.path));
  const paths = collection.i18n.locales
    .filter((locale) => locale !== at.locale)
    .map((locale) => translationPath(collection, at.key, locale))
    .filter((candidate) => existing.has(candidate));
  return paths.length > 0 ? { collection, paths } : null;
}

/**
 * The id of the collection the file at `path` opens in: the one the index lists it under, else the
 * collection the caller says it was created in, else the file collection naming it, else the configured folder collection whose folder holds it most
 * closely (a file just created, not indexed yet), else none. Never its folder: a folder may be
 * spelt like some other collection's id (`notes/` and the collection `notes` in content/notes).
 */
export function collectionIdOf(index: ContentIndex, path: string, hint?: CollectionId): CollectionId {
  const entry = index.entries.find((candidate) => candidate.path === path);
  if (entry) return entry.collection;
  // Just created in a collection the caller names (the index may not list the file yet).
  if (hint !== undefined && index.model.collections.some((collection) => collection.name === hint)) return hint;
  for (const collection of index.model.collections) {
    if (collection.kind === 'file' && collection.files.some((file) => file.file === path)) return collection.name;
  }
  return deepestFolder(index.model, path)?.name ?? NO_COLLECTION;
}

/**
 * A single-file translation is opened as a page of fields (kind `data`): each locale's values,
 * body included, are a group of the form, and no body editor can write Markdown after the front
 * matter that the structure does not have. Saving still patches its front matter as a post's.
 */
function presentDocument(index: ContentIndex, doc: PostDocument): PostDocument {
  const id = collectionIdOf(index, doc.path, doc.collection);
  const collection = folderCollections(index).get(id);
  return {
    ...doc,
    collection: id,
    ...(doc.kind === 'post' && collection?.i18n?.structure === 'single_file' ? { kind: 'data' as const } : {}),
  };
}

function relationFieldOf(query: RelationQuery): RelationField {
  return {
    widget: 'relation',
    name: 'relation',
    label: 'Relation',
    required: false,
    collection: query.collection,
    ...(query.file === undefined ? {} : { file: query.file }),
    valueField: query.valueField,
    searchFields: query.searchFields,
    displayFields: query.displayFields,
    multiple: false,
  };
}

/** The entries a relation can point at: a folder collection's entries, or one file's data. */
function relationSources(index: ContentIndex, query: RelationQuery): RelationSource[] {
  const target = index.model.collections.find((collection) => collection.name === query.collection);
  if (!target)
    throw fail(
      'not-found',
      `The relation points at a collection named “${query.collection}”, which this site does not have.`,
    );
  if (target.kind === 'file') {
    const entries = query.file === undefined ? target.files : target.files.filter((file) => file.name === query.file);
    return entries.flatMap((entry) => {
      const data = index.files.get(entry.file);
      return data ? [{ slug: entry.name, data }] : [];
    });
  }
  return index.entries
    .filter((entry) => entry.collections.includes(target.name))
    .flatMap((entry) => relationSource(target, entry));
}

/** An entry as a relation target: translations are one entry, named by their key, with the default locale's values. */
export function relationSource(collection: FolderCollection, entry: IndexedEntry): RelationSource[] {
  if (!hasLocaleFiles(collection))
    return [{ slug: slugOf(entry.path), data: defaultLocaleData(collection, entry.frontMatter) }];
  const at = entryLocaleOf(collection, entry.path);
  return at?.locale === collection.i18n.defaultLocale ? [{ slug: at.key, data: entry.frontMatter }] : [];
}

/** The slug of an entry: its file name without extension, or its folder for page bundles. */
export function slugOf(path: string): string {
  const base = posix.basename(path).replace(/\.[^.]+$/, '');
  return base === 'index' ? posix.basename(posix.dirname(path)) : base;
}
