/**
 * New entries: a post (or data entry) made from its collection's slug template and defaults — or
 * from the site's Hugo archetype — and a missing translation of a post. Files are written no-clobber.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import type {
  CreatePostRequest,
  FrontMatterData,
  FrontMatterFormat,
  PostDocument,
  TranslateRequest,
} from '../shared/api';
import { createDataFile } from '../shared/content/data-file';
import { archetypeCandidates, renderArchetype, type ArchetypeInput } from '../shared/content/hugo-archetype';
import { createPostFile } from '../shared/content/new-post-file';
import { parsePostFile, updatePostFile } from '../shared/content/post-file';
import { formatDateForField } from '../shared/content/schema/date-format';
import {
  entryLocaleOf,
  hasLocaleFiles,
  isTranslated,
  localeName,
  localePaths,
  newEntryPath,
  translatedFields,
  translationFrontMatter,
  translationPath,
} from '../shared/content/schema/i18n';
import { entryFilePath, newEntryFrontMatter, renderSlugTemplate, uniqueEntryPath } from '../shared/content/schema/slug';
import type { FolderCollection } from '../shared/content/schema/types';
import { frontMatterFormatOf } from '../shared/content/schema/types';
import { fail } from '../shared/errors';
import { isCode, tempFolderFor } from './workspace/atomic-write';
import { folderCollections, type ContentIndex, type IndexedEntry } from './workspace/content-index';
import { locateEntry } from './workspace/data-entries';
import { ioFailure } from './workspace/io-errors';
import { resolveWritePath } from './workspace/paths';
import { readPost } from './workspace/posts';

/** Creates a new entry of `request.collection` and returns it opened. */
export async function createPost(root: string, index: ContentIndex, request: CreatePostRequest): Promise<PostDocument> {
  const collection = folderCollections(index).get(request.collection);
  if (!collection) throw fail('not-found', `There is no collection “${request.collection}” to create a post in.`);
  if (!collection.create)
    throw fail('bad-request', `The site’s config does not allow new entries in “${collection.label}”.`);
  const title = request.title.trim();
  if (title === '') throw fail('bad-request', 'Give the new post a title first.');
  // Whole seconds: a date written as `…T09:30:00.000Z` (as Decap writes it) stays tidy when the writer
  // later picks a time, instead of carrying this moment's milliseconds forever.
  const now = new Date();
  now.setMilliseconds(0);
  const fields = withFilterValue(
    newEntryFrontMatter(
      collection.fields,
      { title, date: now, identifierField: collection.identifierField },
      formatDateForField,
    ),
    collection,
  );
  const slugInput = {
    title,
    date: now,
    fields,
    identifierField: collection.identifierField,
    slugOptions: collection.slugOptions,
  };
  const slug = renderSlugTemplate(collection.slug, slugInput);
  // New entries of a translated collection are written in the default locale.
  const frontMatter =
    isTranslated(collection) && collection.i18n.structure === 'single_file'
      ? { [collection.i18n.defaultLocale]: fields }
      : fields;
  const taken = new Set(index.entries.map((entry) => entry.path));
  const format = formatFor(collection, index.entries);
  // Names are made unique before the locale goes in: a name any translation uses is taken, so a
  // new post never becomes another post's translation (and `hello.en.md` never becomes `hello.en-1.md`).
  const isTaken = (candidate: string): boolean =>
    localePaths(collection, candidate).some((localized) => taken.has(localized));
  let name = uniqueEntryPath(entryFilePath(collection, slug, slugInput), isTaken);
  // A data collection's entries are whole YAML/TOML/JSON files, not Markdown with front matter.
  const location = locateEntry(index.model, newEntryPath(collection, name));
  const archetype =
    location?.dataFormat || index.model.source !== 'inferred'
      ? null
      : await archetypePost(root, collection, {
          title,
          slug: posix.basename(slug),
          section: posix.basename(collection.folder),
          date: now,
        });
  const text = location?.dataFormat
    ? createDataFile(location.dataFormat, frontMatter)
    : (archetype ?? createPostFile(format, frontMatter, ''));
  // Another program may have created the same name since indexing: try the next free name.
  for (let attempt = 0; ; attempt++) {
    const path = newEntryPath(collection, name);
    if (await writeNewFile(await resolveWritePath(root, path), path, text))
      return { ...(await readPost(root, path, location)), collection: collection.name };
    taken.add(path);
    if (attempt > 20) throw fail('io', `Could not find a free file name for “${title}” in “${collection.folder}”.`);
    name = uniqueEntryPath(name, isTaken);
  }
}

/**
 * A new post made from the site's Hugo archetype (`archetypes/<section>.md`, else `default.md`),
 * as `hugo new` would, with the writer's title; null when the site has none, or when it does not
 * render to front matter that reads.
 */
async function archetypePost(
  root: string,
  collection: FolderCollection,
  input: ArchetypeInput,
): Promise<string | null> {
  for (const candidate of archetypeCandidates(collection.folder)) {
    let source: string;
    try {
      source = await readFile(join(root, candidate), 'utf8');
    } catch {
      continue;
    }
    try {
      const text = renderArchetype(source, input);
      const { data, body } = parsePostFile(text);
      const key = collection.identifierField;
      return data[key] === input.title
        ? text
        : updatePostFile(text, { frontMatter: { ...data, [key]: input.title }, body });
    } catch {
      return null; // an archetype we cannot render faithfully: the collection's own fields make the post
    }
  }
  return null;
}

/**
 * A new entry of a filtered collection carries the filter's value (as Decap writes it), so it
 * belongs to the collection it was created in.
 */
function withFilterValue(fields: FrontMatterData, collection: FolderCollection): FrontMatterData {
  const filter = collection.filter;
  if (filter?.value === undefined || filter.field.includes('.')) return fields;
  const current = fields[filter.field];
  if (Array.isArray(current) && !Array.isArray(filter.value))
    return current.some((item) => JSON.stringify(item) === JSON.stringify(filter.value))
      ? fields
      : { ...fields, [filter.field]: [...current, filter.value] };
  return { ...fields, [filter.field]: filter.value };
}

/**
 * Writes the `locale` file of the post at `request.path`: duplicated fields copied from it,
 * translated fields as a new entry starts them, default-only fields left out, an empty body. The
 * file must not exist; nothing is overwritten.
 */
export async function createTranslation(
  root: string,
  index: ContentIndex,
  request: TranslateRequest,
): Promise<PostDocument> {
  const source = index.entries.find((entry) => entry.path === request.path);
  const collection = source ? folderCollections(index).get(source.collection) : undefined;
  if (!source || !hasLocaleFiles(collection))
    throw fail('bad-request', `“${request.path}” is not a post of a collection translated into separate files.`);
  // Its duplicated values would silently be missing: the writer fixes the source first.
  if (source.error !== null)
    throw fail(
      'invalid-front-matter',
      `“${source.path}” cannot be translated until its front matter reads: ${source.error}`,
    );
  const at = entryLocaleOf(collection, source.path);
  if (!at)
    throw fail(
      'bad-request',
      `“${source.path}” is not in one of the locales ${collection.i18n.locales.join(', ')}, so Masthead cannot tell where its translations go.`,
    );
  if (!collection.i18n.locales.includes(request.locale))
    throw fail(
      'bad-request',
      `“${request.locale}” is not one of this collection’s locales (${collection.i18n.locales.join(', ')}).`,
    );
  const path = translationPath(collection, at.key, request.locale);
  const now = new Date();
  now.setMilliseconds(0);
  const fresh = newEntryFrontMatter(
    translatedFields(collection),
    { title: '', date: now, identifierField: collection.identifierField },
    formatDateForField,
  );
  const frontMatter: FrontMatterData = translationFrontMatter(collection, source.frontMatter, fresh);
  const location = locateEntry(index.model, path);
  const format = source.format === 'none' ? formatFor(collection, index.entries) : source.format;
  const text = location?.dataFormat
    ? createDataFile(location.dataFormat, frontMatter)
    : createPostFile(format, frontMatter, '');
  if (!(await writeNewFile(await resolveWritePath(root, path), path, text))) {
    throw fail(
      'bad-request',
      `The ${localeName(request.locale)} translation already exists at “${path}”. Open it from the library.`,
    );
  }
  return { ...(await readPost(root, path, location)), collection: collection.name };
}

/** The front-matter syntax of new entries: the collection's, else what most of its entries use, else YAML. */
function formatFor(collection: FolderCollection, entries: IndexedEntry[]): Exclude<FrontMatterFormat, 'none'> {
  const pinned = frontMatterFormatOf(collection.format);
  if (pinned) return pinned;
  const counts = new Map<Exclude<FrontMatterFormat, 'none'>, number>();
  for (const entry of entries) {
    if (entry.collections.includes(collection.name) && entry.format !== 'none')
      counts.set(entry.format, (counts.get(entry.format) ?? 0) + 1);
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
  let temp: string | null = null;
  try {
    await mkdir(dirname(absolute), { recursive: true });
    // In the git folder when there is one, so a create cut short leaves nothing git status lists.
    temp = join(await tempFolderFor(dirname(absolute)), `.masthead-new-${randomBytes(6).toString('hex')}`);
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
    if (temp !== null) await unlink(temp).catch(() => undefined);
  }
}
