/**
 * Listing, reading and saving posts. Saving never loses data: the file is re-read and compared with
 * the version the edits were based on, only changed front-matter values are patched, and the new
 * bytes replace the old ones atomically.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { PostDocument, PostSummary, SaveRequest, SaveResult } from '../../shared/api';
import { parseDataFile, updateDataFile } from '../../shared/content/data-file';
import type { DataFormat } from '../../shared/content/data-file';
import { parsePostFile, updatePostFile } from '../../shared/content/post-file';
import { fileNameDate, isDraft, isDraftPath, postDate, postTitle } from '../../shared/content/post-meta';
import { fail } from '../../shared/errors';
import { textProblem, textProblemMessage } from '../../shared/content/text-encoding';
import { writeFileAtomic } from './atomic-write';
import type { ScannedCollection } from './collections';
import { scanCollections } from './collections';
import { createKeyedQueue, mapLimit } from './concurrency';
import { ioFailure } from './io-errors';
import type { EntryLocation } from './data-entries';
import { normalizeRepoPath, resolveEntryPath, resolvePostPath } from './paths';
import { readRegularFile } from './regular-file';
import { collectionId, NO_COLLECTION, type CollectionId } from '../../shared/content/collection-ids';

/** Files read in parallel while listing. */
const READ_CONCURRENCY = 16;

// Saves (and publishes, which save first) of one file run one at a time, so two quick saves
// cannot both pass the version check and then overwrite each other.
const perFile = createKeyedQueue();
// Saves queue by the path they name *before* resolving it (an async step), so two saves of the
// same post run in the order they were asked for, not in the order their path lookups finish.
const perRequestedPath = createKeyedQueue();

/** Runs `task` exclusively for the post file at `absolutePath` (shared with publishing). */
export function withPostLock<T>(absolutePath: string, task: () => Promise<T>): Promise<T> {
  return perFile(absolutePath, task);
}

/** The version fingerprint of file bytes: hex SHA-256. */
export function fingerprint(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every post of every collection, newest date first, undated last, then by title. */
export async function listPosts(root: string): Promise<PostSummary[]> {
  return listPostsIn(root, await scanCollections(root));
}

/** Every post of the given (already scanned) collections, sorted like listPosts. */
export async function listPostsIn(root: string, collections: readonly ScannedCollection[]): Promise<PostSummary[]> {
  const entries = collections.flatMap((collection) =>
    // This list predates the content index and names a collection by its folder; the library lists
    // posts from the index (ContentService.listPosts), whose ids are the model's names.
    collection.files.map((path) => ({ path, collection: collectionId(collection.folder) })),
  );
  const posts = await mapLimit(entries, READ_CONCURRENCY, ({ path, collection }) => summarize(root, path, collection));
  return sortPosts(posts.filter((post): post is PostSummary => post !== null));
}

/**
 * Sorts summaries newest first; undated (or unparseable dates) last; ties by title, then path. A
 * post without a date in its front matter is dated by its file name (`2025-01-29-title.md`), and a
 * file in Jekyll's `_drafts` is a draft: the library row shows both.
 */
export function sortPosts(posts: PostSummary[]): PostSummary[] {
  const time = (post: PostSummary): number => (post.date === null ? Number.NaN : Date.parse(post.date));
  return posts
    .map(fromPath)
    .map((post) => ({ post, time: time(post) }))
    .sort((a, b) => {
      const aDated = !Number.isNaN(a.time);
      const bDated = !Number.isNaN(b.time);
      if (aDated !== bDated) return aDated ? -1 : 1;
      if (aDated && a.time !== b.time) return b.time - a.time;
      return a.post.title.localeCompare(b.post.title) || a.post.path.localeCompare(b.post.path);
    })
    .map(({ post }) => post);
}

// What the path says when the front matter does not: the file name's date, the _drafts folder.
function fromPath(post: PostSummary): PostSummary {
  const date = post.date ?? fileNameDate(post.path);
  const draft = post.draft || isDraftPath(post.path);
  return date === post.date && draft === post.draft ? post : { ...post, date, draft };
}

async function summarize(root: string, path: string, collection: CollectionId): Promise<PostSummary | null> {
  const name = displayFileName(path);
  // Without readable front matter the post still gets the same readable name as an untitled one.
  const fallback: PostSummary = {
    path,
    collection,
    title: postTitle({}, name),
    date: fileNameDate(path),
    draft: isDraftPath(path),
  };
  let text: string;
  try {
    const read = await readRegularFile(await resolvePostPath(root, path));
    if (read === 'missing') return null;
    // A folder or a FIFO named like a post is listed by name; opening it says what it is.
    if (typeof read === 'string') return fallback;
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(read);
  } catch (error) {
    // Deleted between the scan and the read: it is simply not there any more. Read through a link
    // leading out of the repository: not the site's, so not listed.
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'outside-repository') return null;
    // Anything else (permissions) stays visible, so opening it shows the writer the actual problem
    // instead of the post silently vanishing from the list.
    return fallback;
  }
  try {
    const { data } = parsePostFile(text);
    return { path, collection, title: postTitle(data, name), date: postDate(data, path), draft: isDraft(data, path) };
  } catch {
    // Broken front matter is listed under its file name; opening it explains what is wrong.
    return fallback;
  }
}

/** The name a post goes by without a title: the file name, or the folder of a page bundle (`hello/index.md`) or section (`docs/_index.md`). */
export function displayFileName(path: string): string {
  const base = posix.basename(path);
  if (/^_?index\.(md|markdown)$/i.test(base)) {
    const folder = posix.basename(posix.dirname(path));
    if (folder !== '' && folder !== '.') return folder;
  }
  return base;
}

/**
 * Reads a post (or, when `location` says so, a whole data file) for editing; `version`
 * fingerprints the exact bytes on disk. Without a location the post is in no collection
 * (NO_COLLECTION): only the content index knows collections (see ContentService.present).
 */
/**
 * Reads the first Markdown post of `entries` and drops it. The first read of a session runs code
 * the engine has not compiled yet (the front-matter reader, the post reader): ~10 ms against
 * ~2.5 ms for the next. Done once in the background after a repository opens, the writer's first
 * open does not pay for it. Nothing is kept or changed; a failure is of no consequence.
 */
export async function warmUpPostRead(root: string, entries: readonly { path: string }[]): Promise<void> {
  const first = entries.find((entry) => /\.(?:md|markdown)$/i.test(entry.path));
  if (first) await readPost(root, first.path).catch(() => undefined);
}

export async function readPost(
  root: string,
  path: string,
  location: EntryLocation | null = null,
): Promise<PostDocument> {
  const normal = normalizeRepoPath(path);
  const dataFormat = location?.dataFormat ?? null;
  const absolute = await resolveEntryPath(root, normal, dataFormat !== null);
  const bytes = await readBytes(absolute, normal);
  const text = decodeStrict(bytes, normal);
  const collection = location?.collection ?? NO_COLLECTION;
  const version = fingerprint(bytes);
  if (dataFormat !== null) {
    return {
      kind: 'data',
      path: normal,
      collection,
      format: dataFormat,
      frontMatter: parseDataFile(text, dataFormat),
      body: '',
      version,
    };
  }
  const { format, data, body } = parsePostFile(text);
  return { kind: 'post', path: normal, collection, format, frontMatter: data, body, version };
}

/**
 * Saves edits to a post. Throws 'changed-on-disk' when the file no longer has the bytes the edits
 * were based on, unless it already holds exactly what this save would write. Writes nothing when
 * the edits change nothing.
 */
export async function savePost(
  root: string,
  request: SaveRequest,
  dataFormat: DataFormat | null = null,
): Promise<SaveResult> {
  const normal = normalizeRepoPath(request.path);
  return perRequestedPath(`${root}\0${normal}`, async () => {
    const absolute = await resolveEntryPath(root, normal, dataFormat !== null);
    return withPostLock(absolute, () => savePostLocked(absolute, normal, request, dataFormat));
  });
}

/** savePost for callers that already hold the post's lock (publishing). `dataFormat` marks a data entry, whose body is ignored. */
export async function savePostLocked(
  absolute: string,
  path: string,
  request: SaveRequest,
  dataFormat: DataFormat | null = null,
): Promise<SaveResult> {
  const bytes = await readBytes(absolute, path);
  const version = fingerprint(bytes);
  const original = decodeStrict(bytes, path);
  const update = (text: string): string =>
    dataFormat === null
      ? updatePostFile(text, { frontMatter: request.frontMatter, body: request.body })
      : updateDataFile(text, dataFormat, request.frontMatter);

  if (version !== request.baseVersion) {
    // Someone else changed the file. If it already says what we would say, there is no conflict.
    let same = false;
    try {
      same = update(original) === original;
    } catch {
      same = false;
    }
    if (!same) throw changedOnDisk(path);
    return { version, written: false, savedAt: new Date().toISOString() };
  }

  const next = update(original);
  if (next === original) return { version, written: false, savedAt: new Date().toISOString() };
  const nextBytes = new TextEncoder().encode(next);
  try {
    await writeFileAtomic(absolute, nextBytes);
  } catch (error) {
    throw ioFailure(error, `save “${path}”`);
  }
  return { version: fingerprint(nextBytes), written: true, savedAt: new Date().toISOString() };
}

function changedOnDisk(path: string) {
  return fail(
    'changed-on-disk',
    `“${path}” changed on disk since you opened it (another app, or a git pull, edited it). Nothing was overwritten: ` +
      'your edits are still here. Copy what you need, then reopen the post to continue from the version on disk.',
  );
}

async function readBytes(absolute: string, path: string): Promise<Uint8Array> {
  let read;
  try {
    read = await readRegularFile(absolute, { shownPath: `“${path}”` });
  } catch (error) {
    throw ioFailure(error, `read “${path}”`);
  }
  if (read === 'missing')
    throw ioFailure(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' }), `read “${path}”`);
  if (read === 'folder')
    throw ioFailure(Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' }), `read “${path}”`);
  // A FIFO, socket or device named like a post: opening it for reading could wait forever.
  if (read === 'special')
    throw fail('io', `“${path}” is not a regular file (it is a pipe, socket or device), so Masthead will not open it.`);
  return read;
}

/**
 * Decodes UTF-8, refusing anything else (and binary files): a lossy decode would silently replace
 * bytes on the next save. The BOM is kept in the text so the content layer can put it back.
 */
function decodeStrict(bytes: Uint8Array, path: string): string {
  const problem = textProblem(bytes);
  // The raw source view (post:raw) opens such a file and offers the conversion.
  if (problem !== null) throw fail('io', textProblemMessage(path, problem));
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
