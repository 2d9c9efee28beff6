/**
 * The content model side of the back end: keeps the open repository's content index, answers the
 * library list, relation lookups, and creates new posts from a collection's template.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import type { CreatePostRequest, FrontMatterData, FrontMatterFormat, PostDocument, PostSummary, RelationQuery, TranslateRequest } from '../shared/api';
import { createDataFile } from '../shared/content/data-file';
import { createPostFile } from '../shared/content/new-post-file';
import { isDraft, postDate, postTitle } from '../shared/content/post-meta';
import { relationOptions, type RelationField, type RelationSource } from '../shared/content/schema/relations';
import {
  defaultLocaleData,
  entryLocaleOf,
  groupTranslations,
  hasLocaleFiles,
  isTranslated,
  localeName,
  localePaths,
  newEntryPath,
  singleFileLocales,
  translatedFields,
  translationFrontMatter,
  translationPath,
} from '../shared/content/schema/i18n';
import { entryFilePath, newEntryFrontMatter, renderSlugTemplate, uniqueEntryPath } from '../shared/content/schema/slug';
import type { ContentModel, FolderCollection, RelationOption } from '../shared/content/schema/types';
import { frontMatterFormatOf } from '../shared/content/schema/types';
import { formatDateForField } from '../shared/content/schema/date-format';
import { fail } from '../shared/errors';
import { isCode } from './workspace/atomic-write';
import { loadContentIndex, type ContentIndex, type IndexedEntry } from './workspace/content-index';
import { fileEntrySummaries, locateEntry } from './workspace/data-entries';
import { watchFolders, type FolderWatch } from './workspace/folder-watch';
import { ioFailure } from './workspace/io-errors';
import { displayFileName, readPost, sortPosts } from './workspace/posts';

/** The content service of one open repository. */
export interface ContentService {
  /**
   * The up-to-date index: the last one when nothing changed since (as the folder watch says),
   * else re-read (cheap when little changed: unchanged files are not parsed again).
   */
  refresh(): Promise<ContentIndex>;
  /** Marks the index stale, e.g. after Masthead itself wrote a file (before the watch reports it). */
  invalidate(): void;
  /** Stops watching the repository. */
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

/** Builds the content service for the repository at `root`. */
export function createContentService(root: string): ContentService {
  let loaded: Promise<ContentIndex> | null = null;
  let stale = true;
  let folderWatch: FolderWatch | null = null;

  const load = (): Promise<ContentIndex> => {
    // Cleared before reading: a change reported while the load runs makes the next refresh read again.
    stale = false;
    const next = loadContentIndex(root).then((index) => {
      if (folderWatch === null) folderWatch = watchIndexFolders(root, index, () => (stale = true));
      return index;
    });
    loaded = next;
    // A failed load must not stick: the next call tries again.
    next.catch(() => {
      if (loaded === next) loaded = null;
      stale = true;
    });
    return next;
  };
  const refresh = (): Promise<ContentIndex> => (loaded !== null && !stale && folderWatch?.active === true ? loaded : load());
  const current = (): Promise<ContentIndex> => loaded ?? load();

  return {
    refresh,
    current,
    invalidate: () => {
      stale = true;
    },
    close: () => {
      folderWatch?.close();
      folderWatch = null;
    },
    model: async () => (await current()).model,
    listPosts: async () => summarize(await refresh()),
    relationOptions: async (query) => {
      const index = await current();
      return relationOptions(relationFieldOf(query), relationSources(index, query), query.query);
    },
    createPost: async (request) => {
      const document = await createPost(root, await current(), request);
      stale = true;
      return presentDocument(await refresh(), document);
    },
    createTranslation: async (request) => {
      // Fresh: the source's duplicated values are copied from the file as it is now.
      const index = await refresh();
      const document = await createTranslation(root, index, request);
      stale = true;
      await refresh();
      return document;
    },
    present: async (doc) => presentDocument(await current(), doc),
    translationsOf: async (path) => translationsOf(await current(), path),
  };
}

/** Watches what the index was built from: the collection folders, the root, and the config's folder. */
function watchIndexFolders(root: string, index: ContentIndex, onChange: () => void): FolderWatch {
  const folders = ['', ...index.collections.map((collection) => collection.folder)];
  if (index.model.configPath) folders.push(posix.dirname(index.model.configPath) === '.' ? '' : posix.dirname(index.model.configPath));
  // A file collection's data file lives anywhere; its folder is watched without recursion by the root
  // watch only when it is at the root, so watch its folder too.
  for (const collection of index.model.collections) {
    if (collection.kind === 'file') for (const file of collection.files) folders.push(posix.dirname(file.file) === '.' ? '' : posix.dirname(file.file));
  }
  return watchFolders(root, folders, onChange);
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
      const summary: PostSummary = { path: entry.path, collection: entry.collection, title: postTitle(data, displayFileName(entry.path)), date: postDate(data), draft: isDraft(data) };
      if (entry.collections.length > 1) summary.alsoIn = entry.collections.slice(1);
      const at = collection ? entryLocaleOf(collection, entry.path) : null;
      if (at) return { ...summary, locale: at.locale, translationKey: at.key };
      return isTranslated(collection) && collection.i18n.structure === 'single_file' ? { ...summary, locales: singleFileLocales(collection, entry.frontMatter) } : summary;
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

/** The model's folder collections by id. */
function folderCollections(index: ContentIndex): Map<string, FolderCollection> {
  return new Map(index.model.collections.flatMap((c) => (c.kind === 'folder' ? [[c.name, c] as const] : [])));
}

/**
 * The id of the collection the file at `path` opens in: the one the index lists it under, else the
 * collection the caller says it was created in, else the file collection naming it, else the configured folder collection whose folder holds it most
 * closely (a file just created, not indexed yet), else its own folder.
 */
export function collectionIdOf(index: ContentIndex, path: string, hint?: string): string {
  const entry = index.entries.find((candidate) => candidate.path === path);
  if (entry) return entry.collection;
  // Just created in a collection the caller names (the index may not list the file yet).
  if (hint !== undefined && index.model.collections.some((collection) => collection.name === hint)) return hint;
  let best: FolderCollection | null = null;
  for (const collection of index.model.collections) {
    if (collection.kind === 'file' && collection.files.some((file) => file.file === path)) return collection.name;
    if (collection.kind === 'folder' && path.startsWith(`${collection.folder}/`) && (best === null || collection.folder.length > best.folder.length)) best = collection;
  }
  return best?.name ?? posix.dirname(path);
}

/**
 * A single-file translation is opened as a page of fields (kind `data`): each locale's values,
 * body included, are a group of the form, and no body editor can write Markdown after the front
 * matter that the structure does not have. Saving still patches its front matter as a post's.
 */
function presentDocument(index: ContentIndex, doc: PostDocument): PostDocument {
  const id = collectionIdOf(index, doc.path, doc.collection);
  const collection = folderCollections(index).get(id);
  return { ...doc, collection: id, ...(doc.kind === 'post' && collection?.i18n?.structure === 'single_file' ? { kind: 'data' as const } : {}) };
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
  if (!target) throw fail('not-found', `The relation points at a collection named “${query.collection}”, which this site does not have.`);
  if (target.kind === 'file') {
    const entries = query.file === undefined ? target.files : target.files.filter((file) => file.name === query.file);
    return entries.flatMap((entry) => {
      const data = index.files.get(entry.file);
      return data ? [{ slug: entry.name, data }] : [];
    });
  }
  return index.entries.filter((entry) => entry.collections.includes(target.name)).flatMap((entry) => relationSource(target, entry));
}

/** An entry as a relation target: translations are one entry, named by their key, with the default locale's values. */
export function relationSource(collection: FolderCollection, entry: IndexedEntry): RelationSource[] {
  if (!hasLocaleFiles(collection)) return [{ slug: slugOf(entry.path), data: defaultLocaleData(collection, entry.frontMatter) }];
  const at = entryLocaleOf(collection, entry.path);
  return at?.locale === collection.i18n.defaultLocale ? [{ slug: at.key, data: entry.frontMatter }] : [];
}

/** The slug of an entry: its file name without extension, or its folder for page bundles. */
export function slugOf(path: string): string {
  const base = posix.basename(path).replace(/\.[^.]+$/, '');
  return base === 'index' ? posix.basename(posix.dirname(path)) : base;
}

async function createPost(root: string, index: ContentIndex, request: CreatePostRequest): Promise<PostDocument> {
  const collection = folderCollections(index).get(request.collection);
  if (!collection) throw fail('not-found', `There is no collection “${request.collection}” to create a post in.`);
  if (!collection.create) throw fail('bad-request', `The site’s config does not allow new entries in “${collection.label}”.`);
  const title = request.title.trim();
  if (title === '') throw fail('bad-request', 'Give the new post a title first.');
  // Whole seconds: a date written as `…T09:30:00.000Z` (as Decap writes it) stays tidy when the writer
  // later picks a time, instead of carrying this moment's milliseconds forever.
  const now = new Date();
  now.setMilliseconds(0);
  const fields = withFilterValue(newEntryFrontMatter(collection.fields, { title, date: now, identifierField: collection.identifierField }, formatDateForField), collection);
  const slugInput = { title, date: now, fields, identifierField: collection.identifierField };
  const slug = renderSlugTemplate(collection.slug, slugInput);
  // New entries of a translated collection are written in the default locale.
  const frontMatter = isTranslated(collection) && collection.i18n.structure === 'single_file' ? { [collection.i18n.defaultLocale]: fields } : fields;
  const taken = new Set(index.entries.map((entry) => entry.path));
  const format = formatFor(collection, index.entries);
  // Names are made unique before the locale goes in: a name any translation uses is taken, so a
  // new post never becomes another post's translation (and `hello.en.md` never becomes `hello.en-1.md`).
  const isTaken = (candidate: string): boolean => localePaths(collection, candidate).some((localized) => taken.has(localized));
  let name = uniqueEntryPath(entryFilePath(collection, slug, slugInput), isTaken);
  // A data collection's entries are whole YAML/TOML/JSON files, not Markdown with front matter.
  const location = locateEntry(index.model, newEntryPath(collection, name));
  const text = location?.dataFormat ? createDataFile(location.dataFormat, frontMatter) : createPostFile(format, frontMatter, '');
  // Another program may have created the same name since indexing: try the next free name.
  for (let attempt = 0; ; attempt++) {
    const path = newEntryPath(collection, name);
    if (await writeNewFile(join(root, path), path, text)) return { ...(await readPost(root, path, [], location)), collection: collection.name };
    taken.add(path);
    if (attempt > 20) throw fail('io', `Could not find a free file name for “${title}” in “${collection.folder}”.`);
    name = uniqueEntryPath(name, isTaken);
  }
}

/**
 * A new entry of a filtered collection carries the filter's value (as Decap writes it), so it
 * belongs to the collection it was created in.
 */
function withFilterValue(fields: FrontMatterData, collection: FolderCollection): FrontMatterData {
  const filter = collection.filter;
  if (filter?.value === undefined || filter.field.includes('.')) return fields;
  const current = fields[filter.field];
  if (Array.isArray(current) && !Array.isArray(filter.value)) return current.some((item) => JSON.stringify(item) === JSON.stringify(filter.value)) ? fields : { ...fields, [filter.field]: [...current, filter.value] };
  return { ...fields, [filter.field]: filter.value };
}

/**
 * Writes the `locale` file of the post at `request.path`: duplicated fields copied from it,
 * translated fields as a new entry starts them, default-only fields left out, an empty body. The
 * file must not exist; nothing is overwritten.
 */
async function createTranslation(root: string, index: ContentIndex, request: TranslateRequest): Promise<PostDocument> {
  const source = index.entries.find((entry) => entry.path === request.path);
  const collection = source ? folderCollections(index).get(source.collection) : undefined;
  if (!source || !hasLocaleFiles(collection)) throw fail('bad-request', `“${request.path}” is not a post of a collection translated into separate files.`);
  // Its duplicated values would silently be missing: the writer fixes the source first.
  if (source.error !== null) throw fail('invalid-front-matter', `“${source.path}” cannot be translated until its front matter reads: ${source.error}`);
  const at = entryLocaleOf(collection, source.path);
  if (!at) throw fail('bad-request', `“${source.path}” is not in one of the locales ${collection.i18n.locales.join(', ')}, so Masthead cannot tell where its translations go.`);
  if (!collection.i18n.locales.includes(request.locale)) throw fail('bad-request', `“${request.locale}” is not one of this collection’s locales (${collection.i18n.locales.join(', ')}).`);
  const path = translationPath(collection, at.key, request.locale);
  const now = new Date();
  now.setMilliseconds(0);
  const fresh = newEntryFrontMatter(translatedFields(collection), { title: '', date: now, identifierField: collection.identifierField }, formatDateForField);
  const frontMatter: FrontMatterData = translationFrontMatter(collection, source.frontMatter, fresh);
  const location = locateEntry(index.model, path);
  const format = source.format === 'none' ? formatFor(collection, index.entries) : source.format;
  const text = location?.dataFormat ? createDataFile(location.dataFormat, frontMatter) : createPostFile(format, frontMatter, '');
  if (!(await writeNewFile(join(root, path), path, text))) {
    throw fail('bad-request', `The ${localeName(request.locale)} translation already exists at “${path}”. Open it from the library.`);
  }
  return { ...(await readPost(root, path, [], location)), collection: collection.name };
}

/** The front-matter syntax of new entries: the collection's, else what most of its entries use, else YAML. */
function formatFor(collection: FolderCollection, entries: IndexedEntry[]): Exclude<FrontMatterFormat, 'none'> {
  const pinned = frontMatterFormatOf(collection.format);
  if (pinned) return pinned;
  const counts = new Map<Exclude<FrontMatterFormat, 'none'>, number>();
  for (const entry of entries) {
    if (entry.collections.includes(collection.name) && entry.format !== 'none') counts.set(entry.format, (counts.get(entry.format) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best?.[0] ?? 'yaml';
}

/**
 * Writes a file that must not exist yet, atomically: the bytes go to a temp file first and are
 * hard-linked into place, which fails (instead of overwriting) when the name is taken.
 * Returns false when it is.
 */
async function writeNewFile(absolute: string, path: string, text: string): Promise<boolean> {
  const temp = join(dirname(absolute), `.masthead-new-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(dirname(absolute), { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, absolute);
      return true;
    } catch (error) {
      if (isCode(error, 'EEXIST')) return false;
      throw error;
    }
  } catch (error) {
    throw ioFailure(error, `create “${path}”`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
