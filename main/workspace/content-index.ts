/**
 * The content index of an open repository: its content model (read from the site's own CMS config,
 * or inferred from the posts) and the parsed front matter of every entry. The library, the form's
 * relation fields, new posts and `masthead check` all read from it.
 *
 * Re-indexing is cheap when little changed: parsed entries are cached by path, size and mtime, so a
 * warm index only stats the files and re-parses the ones that changed.
 */
import * as fs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { FrontMatterData, FrontMatterFormat } from '../../shared/api';
import { isJsonObject, toJsonValue } from '../../shared/content/json-values';
import { parseFrontMatter, parsePostFile } from '../../shared/content/post-file';
import { completeCustomWidgets, inferModel } from '../../shared/content/schema/infer';
import type { ConfigProblem, ContentModel, FolderCollection } from '../../shared/content/schema/types';
import { toAppError } from '../../shared/errors';
import { isPostFileName, listPostFiles, scanCollections, type ScannedCollection } from './collections';
import { mapLimit } from './concurrency';
import { findConfig, lineNaming, readConfigModel } from './site-config';

/** One entry of a folder collection, as indexed. */
export interface IndexedEntry {
  /** Repo-relative POSIX path. */
  path: string;
  /** The collection's folder (the id the library and PostSummary use). */
  folder: string;
  format: FrontMatterFormat;
  frontMatter: FrontMatterData;
  /** Why the entry could not be parsed, or null. Unparseable entries keep empty front matter. */
  error: string | null;
}

/** A repository's content model and entries. */
export interface ContentIndex {
  model: ContentModel;
  /** The folder collections the library lists, in the model's order. */
  collections: ScannedCollection[];
  entries: IndexedEntry[];
  /** Data of the single files of file collections, by repo-relative path (null when unreadable; absent when missing). */
  files: Map<string, FrontMatterData | null>;
}

/** Files read in parallel while indexing. */
const READ_CONCURRENCY = 32;

interface CachedEntry {
  size: number;
  mtimeMs: number;
  parsed: Pick<IndexedEntry, 'format' | 'frontMatter' | 'error'>;
}

/** Parsed entries by absolute path; shared by every index of the process (one repository at a time). */
const cache = new Map<string, CachedEntry>();

/** Forgets every cached entry, so the next load reads and parses everything again (a cold index). */
export function clearContentIndexCache(): void {
  cache.clear();
}

/** Builds (or refreshes) the content index of the repository at `root`. */
export async function loadContentIndex(root: string): Promise<ContentIndex> {
  const config = await findConfig(root);
  const configured = config ? readConfigModel(config.text, config.path) : null;
  const configuredFolders = configured && config ? await existingFolders(root, configured, config.text) : null;
  if (configured && configuredFolders && configuredFolders.collections.length > 0) {
    const model = { ...configured, problems: [...configured.problems, ...configuredFolders.problems] };
    return finish(root, model, configuredFolders.collections);
  }
  // No config, or one that names no usable folder: infer, but keep the config's problems visible.
  const scanned = await scanCollections(root);
  const entries = await readEntries(root, scanned, new Map());
  const inferred = inferModel(
    scanned.map((collection) => ({
      folder: collection.folder,
      entries: entries.filter((entry) => entry.folder === collection.folder),
    })),
  );
  const problems = [...(configured?.problems ?? []), ...(configuredFolders?.problems ?? [])];
  if (configured && problems.every((problem) => problem.severity !== 'error')) {
    problems.push({ file: configured.configPath ?? '', severity: 'error', message: 'The config names no collection folder that exists in this repository, so the fields were inferred from the posts.' });
  }
  const model: ContentModel = { ...inferred, configPath: configured?.configPath ?? null, problems };
  return { model: withCustomEditors(model, entries), collections: scanned, entries, files: new Map() };
}

async function finish(root: string, model: ContentModel, collections: ScannedCollection[]): Promise<ContentIndex> {
  const extensions = new Map(model.collections.flatMap((c) => (c.kind === 'folder' ? [[c.folder, c] as const] : [])));
  const entries = await readEntries(root, collections, extensions);
  const files = new Map<string, FrontMatterData | null>();
  const fileEntries = model.collections.flatMap((collection) => (collection.kind === 'file' ? collection.files : []));
  await mapLimit(fileEntries, READ_CONCURRENCY, async (entry) => {
    const data = await readDataFile(join(root, entry.file), entry.file);
    // A file the config names but the repository lacks is left out, so the library does not list it.
    if (data !== undefined) files.set(entry.file, data);
  });
  return { model: withCustomEditors(model, entries), collections, entries, files };
}

function withCustomEditors(model: ContentModel, entries: IndexedEntry[]): ContentModel {
  const byName = new Map<string, FrontMatterData[]>();
  for (const collection of model.collections) {
    if (collection.kind !== 'folder') continue;
    byName.set(collection.name, entries.filter((entry) => entry.folder === collection.folder).map((entry) => entry.frontMatter));
  }
  return completeCustomWidgets(model, byName);
}

/**
 * The configured folder collections whose folders exist, with their entry files. A folder that is
 * missing is reported (with the config line that names it) and left out of the library.
 */
async function existingFolders(root: string, model: ContentModel, configText: string): Promise<{ collections: ScannedCollection[]; problems: ConfigProblem[] }> {
  const folders = model.collections.flatMap((collection) => (collection.kind === 'folder' ? [collection] : []));
  const problems: ConfigProblem[] = [];
  const collections: ScannedCollection[] = [];
  const allFolders = folders.map((collection) => collection.folder);
  for (const collection of folders) {
    if (!(await isFolder(join(root, collection.folder)))) {
      const line = lineNaming(configText, collection.folder);
      problems.push({
        file: model.configPath ?? '',
        ...(line === null ? {} : { line }),
        severity: 'error',
        message: `Collection “${collection.label}”: the folder “${collection.folder}” does not exist in this repository.`,
      });
      continue;
    }
    const files = await listPostFiles(root, collection.folder, allFolders, acceptFor(collection));
    collections.push({ folder: collection.folder, label: collection.label, postCount: files.length, files });
  }
  return { collections, problems };
}

/** Which file names belong to a configured collection: its extension (posts by default). */
function acceptFor(collection: FolderCollection): (name: string) => boolean {
  const extension = `.${collection.extension.toLowerCase()}`;
  return (name) => {
    if (!name.toLowerCase().endsWith(extension)) return false;
    // Markdown collections skip READMEs and section pages like discovery does; data files don't have them.
    return isMarkdownExtension(extension) ? isPostFileName(name) : !name.startsWith('.');
  };
}

function isMarkdownExtension(extension: string): boolean {
  return ['.md', '.markdown', '.mdx'].includes(extension);
}

async function readEntries(root: string, collections: ScannedCollection[], configured: Map<string, FolderCollection>): Promise<IndexedEntry[]> {
  const items = collections.flatMap((collection) => collection.files.map((path) => ({ path, folder: collection.folder })));
  const entries = await mapLimit(items, READ_CONCURRENCY, async ({ path, folder }) => {
    const parsed = await readEntry(join(root, path), path, configured.get(folder));
    return parsed === null ? null : { path, folder, ...parsed };
  });
  return entries.filter((entry): entry is IndexedEntry => entry !== null && matchesFilter(entry, configured.get(entry.folder)));
}

function matchesFilter(entry: IndexedEntry, collection: FolderCollection | undefined): boolean {
  if (!collection?.filter) return true;
  return JSON.stringify(entry.frontMatter[collection.filter.field] ?? null) === JSON.stringify(collection.filter.value);
}

async function readEntry(absolute: string, path: string, collection: FolderCollection | undefined): Promise<CachedEntry['parsed'] | null> {
  const cached = cache.get(absolute);
  if (cached) {
    // Warm: a stat says whether the cached parse still stands.
    let info;
    try {
      info = await stat(absolute);
    } catch {
      return null; // removed since the folder was listed
    }
    if (cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached.parsed;
  }
  let read: { text: string; complete: boolean; size: number; mtimeMs: number };
  try {
    read = await readHead(absolute);
  } catch {
    return null;
  }
  const parsed = await parseEntry(absolute, path, collection, read);
  cache.set(absolute, { size: read.size, mtimeMs: read.mtimeMs, parsed });
  return parsed;
}

async function parseEntry(
  absolute: string,
  path: string,
  collection: FolderCollection | undefined,
  head: { text: string; complete: boolean },
): Promise<CachedEntry['parsed']> {
  const dataFormat = collection && ['yaml', 'toml', 'json'].includes(collection.format) ? (collection.format as 'yaml' | 'toml' | 'json') : null;
  try {
    if (dataFormat) {
      const text = head.complete ? head.text : await readFile(absolute, 'utf8');
      return { format: dataFormat, frontMatter: parseData(text, dataFormat), error: null };
    }
    // A head without a single line break (a one-line JSON block, say) says nothing yet.
    if (head.complete || head.text !== '') {
      try {
        const { format, data } = parseFrontMatter(head.text);
        return { format, frontMatter: data, error: null };
      } catch (error) {
        // A block longer than the head: read the whole file and let it say what is wrong, if anything.
        if (head.complete) throw error;
      }
    }
    const { format, data } = parsePostFile(decode(await readFile(absolute)));
    return { format, frontMatter: data, error: null };
  } catch (error) {
    return { format: dataFormat ?? 'none', frontMatter: {}, error: toAppError(error).message || `Could not read “${path}”.` };
  }
}

/** How much of a post indexing reads first: most of a post is its body, the front matter fits in a few KB. */
const HEAD_BYTES = 16 * 1024;

/**
 * The file's first HEAD_BYTES as text (`complete` when that is the whole file; otherwise cut after
 * the last complete line, so a cut never splits a UTF-8 character), with the size and mtime the
 * cache keys on. One open, fstat, read and close: what reading a small file whole costs anyway.
 * Node's callback API rather than a FileHandle: for 10,000 small files it costs about half the
 * main-thread time (no FileHandle object and promise per step to create and collect).
 */
function readHead(absolute: string): Promise<{ text: string; complete: boolean; size: number; mtimeMs: number }> {
  return new Promise((resolve, reject) => {
    fs.open(absolute, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      const finish = (error: Error | null, result?: { text: string; complete: boolean; size: number; mtimeMs: number }): void =>
        fs.close(fd, () => (error || !result ? reject(error) : resolve(result)));
      fs.fstat(fd, (statError, info) => {
        if (statError) return finish(statError);
        const buffer = Buffer.allocUnsafe(Math.min(HEAD_BYTES, info.size));
        fs.read(fd, buffer, 0, buffer.length, 0, (readError, bytesRead) => {
          if (readError) return finish(readError);
          const complete = bytesRead >= info.size;
          const end = complete ? bytesRead : buffer.lastIndexOf(0x0a, bytesRead - 1) + 1;
          finish(null, { text: decode(buffer.subarray(0, end)), complete, size: info.size, mtimeMs: info.mtimeMs });
        });
      });
    });
  });
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** A file collection's data: null when unreadable or malformed, undefined when the file does not exist. */
async function readDataFile(absolute: string, path: string): Promise<FrontMatterData | null | undefined> {
  try {
    const text = await readFile(absolute, 'utf8');
    return parseData(text, dataFormatOf(path));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
}

/** The data format of a file by its extension (JSON when unknown: Decap's default for file collections is by extension). */
export function dataFormatOf(path: string): 'yaml' | 'toml' | 'json' {
  const extension = posix.extname(path).toLowerCase();
  if (extension === '.yml' || extension === '.yaml') return 'yaml';
  if (extension === '.toml') return 'toml';
  return 'json';
}

/** Parses a whole data file into an object; anything that is not a mapping is an error. */
export function parseData(text: string, format: 'yaml' | 'toml' | 'json'): FrontMatterData {
  const raw: unknown = format === 'json' ? JSON.parse(text) : format === 'toml' ? parseToml(text) : parseYaml(text);
  const value = toJsonValue(raw ?? {});
  if (!isJsonObject(value)) throw new Error('The file does not hold a mapping of keys to values.');
  return value;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
