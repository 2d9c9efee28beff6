/**
 * Which files belong to which collection. A collection is named (its id is its name in the content
 * model), not a folder: Decap sites often point several collections at one folder and tell them
 * apart with `filter`, so a file belongs to every collection whose folder, depth, extension and
 * filter match it — and is read and listed once.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { FrontMatterData, JsonValue } from '../../shared/api';
import type { FolderCollection, ModelSource } from '../../shared/content/schema/types';
import { isSkippedFolder, REPO_DOCUMENT_NAMES } from './collections';
import { mapLimit } from './concurrency';
import { cachedEntry, readEntry, type ParsedEntry } from './entry-reader';
import { resolveInRepo } from './paths';
import type { CollectionId, RepoFolder } from '../../shared/content/collection-ids';

/** One entry of the index: a file with its parsed front matter and the collections it belongs to. */
export interface IndexedEntry extends ParsedEntry {
  /** Repo-relative POSIX path. */
  path: string;
  /** The id of the first collection (in the model's order) it belongs to: the one it opens in. */
  collection: CollectionId;
  /** Every collection it belongs to, `collection` first. */
  collections: CollectionId[];
}

/** A folder collection as the library lists it: its id, folder and the files that belong to it. */
export interface IndexedCollection {
  id: CollectionId;
  folder: RepoFolder;
  label: string;
  /** Repo-relative paths of its entries, sorted. */
  files: string[];
  postCount: number;
}

/** A collection whose files are known but not yet read: `schema` decides the format and the filter. */
export interface CandidateCollection {
  id: CollectionId;
  folder: RepoFolder;
  label: string;
  files: string[];
  schema?: FolderCollection;
}

/** Files read in parallel while indexing. */
const READ_CONCURRENCY = 32;
/** How deep a configured collection without a depth of its own is walked (page bundles, year folders). */
const DEFAULT_DEPTH = 5;
/** Never walk deeper than this, whatever a config says (`nested: {depth: 100}` is common). */
const MAX_DEPTH = 12;

/**
 * How many folder levels of a configured collection hold entries (1: only files directly inside
 * the folder), as Decap computes it: `nested.depth`, else the number of segments of `path`
 * (`{{slug}}/index` → 2), plus one for a locale folder (i18n `multiple_folders`). Other sources
 * (Front Matter CMS, Astro) list their folders recursively.
 */
export function entryDepth(source: ModelSource, collection: FolderCollection): number {
  if (source !== 'decap') return DEFAULT_DEPTH;
  let depth = collection.nested?.depth ?? (collection.path ?? '').split('/').length;
  if (collection.i18n?.structure === 'multiple_folders') depth += 1;
  return Math.min(Math.max(depth, 1), MAX_DEPTH);
}

/**
 * Repo-relative paths of a configured collection's files: names ending in its extension(s), down to
 * `depth` levels, not inside another collection's folder (a `content` collection does not take
 * `content/blog`'s posts). Dot files and skipped folders (dependencies, output) are left out.
 */
export async function listCollectionFiles(
  root: string,
  collection: FolderCollection,
  depth: number,
  otherFolders: readonly string[],
): Promise<string[]> {
  const extensions = (collection.extensions ?? [collection.extension]).map(
    (extension) => `.${extension.toLowerCase()}`,
  );
  const others = new Set(otherFolders.filter((folder) => folder !== collection.folder));
  const files: string[] = [];
  const walk = async (rel: string, level: number): Promise<void> => {
    const entries = await readFolder(join(root, rel));
    const subfolders: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = posix.join(rel, entry.name);
      if (entry.isFile() && isEntryName(entry.name, extensions)) files.push(child);
      else if (entry.isDirectory() && level < depth && !isSkippedFolder(entry.name) && !others.has(child))
        subfolders.push(child);
    }
    await Promise.all(subfolders.map((sub) => walk(sub, level + 1)));
  };
  // A collection folder (or a folder above it) that is a link out of the repository lists nothing:
  // its files are not the site's, and writes there are refused anyway (resolveWritePath).
  if (!(await leadsInside(root, collection.folder))) return [];
  await walk(collection.folder, 1);
  return files.sort();
}

function isEntryName(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  const extension = extensions.find((candidate) => lower.endsWith(candidate));
  return extension !== undefined && !REPO_DOCUMENT_NAMES.has(lower.slice(0, -extension.length));
}

/** True when the entry passes the collection's `filter` (Decap: equal value, a list holding it, or a pattern match). */
export function matchesFilter(frontMatter: FrontMatterData, filter: FolderCollection['filter']): boolean {
  if (!filter) return true;
  const value = valueAt(frontMatter, filter.field);
  if (filter.pattern !== undefined) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(filter.pattern);
    } catch {
      return false; // the config reader reports a bad pattern; nothing matches it
    }
    return (Array.isArray(value) ? value : [value]).some(
      (item) => item !== undefined && item !== null && typeof item !== 'object' && pattern.test(String(item)),
    );
  }
  if (value === undefined) return false;
  const wanted = JSON.stringify(filter.value ?? null);
  if (Array.isArray(value)) return value.some((item) => JSON.stringify(item) === wanted);
  return JSON.stringify(value) === wanted;
}

function valueAt(data: FrontMatterData, path: string): JsonValue | undefined {
  if (Object.hasOwn(data, path)) return data[path];
  let current: JsonValue | undefined = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, key))
      return undefined;
    current = current[key];
  }
  return current;
}

/**
 * Reads every candidate's files once (a file shared by several collections is parsed once) and
 * keeps, per collection, those its filter accepts. An entry whose front matter cannot be read
 * cannot be filtered: it stays in the first collection that lists it, so it is never hidden.
 */
export async function indexMembers(
  root: string,
  candidates: readonly CandidateCollection[],
  unchanged: (path: string) => boolean = () => false,
): Promise<{ entries: IndexedEntry[]; collections: IndexedCollection[] }> {
  const schemaOf = new Map<string, FolderCollection | undefined>();
  for (const candidate of candidates)
    for (const path of candidate.files) if (!schemaOf.has(path)) schemaOf.set(path, candidate.schema);
  const parsed = new Map<string, ParsedEntry | null>();
  const toRead: Array<[string, FolderCollection | undefined]> = [];
  for (const [path, schema] of schemaOf) {
    // A file known unchanged keeps its last parse without being looked at (a refresh after one save).
    const known = unchanged(path) ? cachedEntry(join(root, path)) : undefined;
    if (known) parsed.set(path, known);
    else toRead.push([path, schema]);
  }
  const read = await mapLimit(
    toRead,
    READ_CONCURRENCY,
    async ([path, schema]) => [path, await readEntry(join(root, path), path, schema)] as const,
  );
  for (const [path, entry] of read) parsed.set(path, entry);
  const entries = new Map<string, IndexedEntry>();
  const collections = candidates.map((candidate): IndexedCollection => {
    const files = candidate.files.filter((path) => {
      const entry = parsed.get(path);
      if (!entry) return false; // removed since the folder was listed
      if (entry.error !== null) return !entries.has(path);
      return matchesFilter(entry.frontMatter, candidate.schema?.filter);
    });
    for (const path of files) {
      const known = entries.get(path);
      if (known) {
        if (!known.collections.includes(candidate.id)) known.collections.push(candidate.id);
      } else {
        entries.set(path, {
          path,
          collection: candidate.id,
          collections: [candidate.id],
          ...(parsed.get(path) as ParsedEntry),
        });
      }
    }
    return { id: candidate.id, folder: candidate.folder, label: candidate.label, files, postCount: files.length };
  });
  return { entries: [...entries.values()], collections };
}

async function leadsInside(root: string, folder: string): Promise<boolean> {
  try {
    await resolveInRepo(root, folder);
    return true;
  } catch {
    return false;
  }
}

async function readFolder(path: string): Promise<Dirent[]> {
  try {
    return await readdir(path, { withFileTypes: true });
  } catch {
    // A folder we cannot read (permissions, removed mid-scan) contributes nothing.
    return [];
  }
}
