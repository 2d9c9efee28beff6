/**
 * The content index of an open repository: its content model (read from the site's own CMS config,
 * or inferred from the posts) and the parsed front matter of every entry. The library, the form's
 * relation fields, new posts and `masthead check` all read from it.
 *
 * Re-indexing is cheap when little changed: parsed entries are cached by path, size and mtime (see
 * entry-reader.ts), so a warm index only stats the files and re-parses the ones that changed.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FrontMatterData } from '../../shared/api';
import { completeCustomWidgets, inferCollectionFields, inferModel } from '../../shared/content/schema/infer';
import type { ConfigProblem, ContentModel, FolderCollection } from '../../shared/content/schema/types';
import {
  entryDepth,
  indexMembers,
  listCollectionFiles,
  type CandidateCollection,
  type IndexedCollection,
  type IndexedEntry,
} from './collection-members';
import { scanCollections } from './collections';
import { mapLimit } from './concurrency';
import { readDataFile } from './entry-reader';
import { findConfig, lineNaming, readConfigModel } from './site-config';
import { collectionId, type CollectionId, type RepoFolder } from '../../shared/content/collection-ids';

export type { IndexedCollection, IndexedEntry } from './collection-members';
export { clearContentIndexCache, dataFormatOf, parseData } from './entry-reader';

/** A repository's content model and entries. */
export interface ContentIndex {
  model: ContentModel;
  /** The folder collections the library lists, in the model's order. */
  collections: IndexedCollection[];
  /** Every entry once, whatever number of collections it belongs to. */
  entries: IndexedEntry[];
  /** Data of the single files of file collections, by repo-relative path (null when unreadable; absent when missing). */
  files: Map<string, FrontMatterData | null>;
}

/** The model's folder collections by id. */
export function folderCollections(index: ContentIndex): Map<CollectionId, FolderCollection> {
  return new Map(index.model.collections.flatMap((c) => (c.kind === 'folder' ? [[c.name, c] as const] : [])));
}

/** Data files read in parallel. */
const READ_CONCURRENCY = 32;

/**
 * Builds (or refreshes) the content index of the repository at `root`. `unchanged` names the
 * repo-relative paths known not to have changed since the last load (the repository watch saw
 * nothing of them): their cached parses are used without looking at the files. The folders are
 * still listed, so files added or removed are found all the same.
 */
export async function loadContentIndex(root: string, unchanged?: (path: string) => boolean): Promise<ContentIndex> {
  const config = await findConfig(root);
  const configured = config ? readConfigModel(config.text, config.path) : null;
  const configuredFolders = configured && config ? await existingFolders(root, configured, config.text) : null;
  if (configured && configuredFolders && configuredFolders.candidates.length > 0) {
    const model = { ...configured, problems: [...configured.problems, ...configuredFolders.problems] };
    return finish(root, model, configuredFolders.candidates, unchanged);
  }
  // No config, or one that names no usable folder: infer, but keep the config's problems visible.
  const scanned = await scanCollections(root);
  // Until inference names them, scanned collections go by their folders: a provisional id that
  // every entry and collection trades for the inferred collection's name below.
  const provisional = (folder: RepoFolder): CollectionId => collectionId(folder);
  const { entries: read } = await indexMembers(
    root,
    scanned.map((collection) => ({
      id: provisional(collection.folder),
      folder: collection.folder,
      label: collection.label,
      files: collection.files,
    })),
    unchanged,
  );
  const inferred = inferModel(
    scanned.map((collection) => ({
      folder: collection.folder,
      label: collection.label,
      entries: read.filter((entry) => entry.collection === provisional(collection.folder)),
    })),
  );
  // The inferred collections come back in the scanned order, named uniquely: entries take those names.
  const nameOf = new Map(
    scanned.map((collection, index) => {
      const id = provisional(collection.folder);
      return [id, inferred.collections[index]?.name ?? id];
    }),
  );
  const entries = read.map((entry) => ({
    ...entry,
    collection: nameOf.get(entry.collection) ?? entry.collection,
    collections: entry.collections.map((id) => nameOf.get(id) ?? id),
  }));
  const collections = scanned.map((collection) => ({
    id: nameOf.get(provisional(collection.folder)) ?? provisional(collection.folder),
    folder: collection.folder,
    label: collection.label,
    files: collection.files,
    postCount: collection.files.length,
  }));
  const problems = [...(configured?.problems ?? []), ...(configuredFolders?.problems ?? [])];
  if (configured && problems.every((problem) => problem.severity !== 'error')) {
    problems.push({
      file: configured.configPath ?? '',
      severity: 'error',
      message:
        'The config names no collection folder that exists in this repository, so the fields were inferred from the posts.',
    });
  }
  const model: ContentModel = { ...inferred, configPath: configured?.configPath ?? null, problems };
  return { model: withCustomEditors(model, entries), collections, entries, files: new Map() };
}

async function finish(
  root: string,
  model: ContentModel,
  candidates: CandidateCollection[],
  unchanged?: (path: string) => boolean,
): Promise<ContentIndex> {
  const { entries, collections } = await indexMembers(root, candidates, unchanged);
  const files = new Map<string, FrontMatterData | null>();
  const fileEntries = model.collections.flatMap((collection) => (collection.kind === 'file' ? collection.files : []));
  await mapLimit(fileEntries, READ_CONCURRENCY, async (entry) => {
    const data = await readDataFile(join(root, entry.file), entry.file);
    // A file the config names but the repository lacks is left out, so the library does not list it.
    if (data !== undefined) files.set(entry.file, data);
  });
  return { model: withCustomEditors(model, entries), collections, entries, files };
}

/**
 * Completes a model from its entries: custom widgets get editors inferred from their values, and a
 * configured collection that declares no fields (an Astro collection without a schema) gets the
 * fields its entries carry, so its form is the same for every post.
 */
function withCustomEditors(model: ContentModel, entries: IndexedEntry[]): ContentModel {
  const byName = new Map<string, FrontMatterData[]>();
  for (const entry of entries) {
    for (const id of entry.collections) {
      const list = byName.get(id) ?? [];
      list.push(entry.frontMatter);
      byName.set(id, list);
    }
  }
  const collections = model.collections.map((collection) =>
    collection.kind === 'folder' &&
    !collection.inferred &&
    collection.fields.length === 0 &&
    (byName.get(collection.name)?.length ?? 0) > 0
      ? { ...collection, fields: inferCollectionFields(byName.get(collection.name) ?? []), inferred: true }
      : collection,
  );
  return completeCustomWidgets({ ...model, collections }, byName);
}

/**
 * The configured folder collections whose folders exist, with their candidate files. A folder that
 * is missing is reported (with the config line that names it) and left out of the library.
 */
async function existingFolders(
  root: string,
  model: ContentModel,
  configText: string,
): Promise<{ candidates: CandidateCollection[]; problems: ConfigProblem[] }> {
  const folders = model.collections.filter(
    (collection): collection is FolderCollection => collection.kind === 'folder',
  );
  const problems: ConfigProblem[] = [];
  const candidates: CandidateCollection[] = [];
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
    const files = await listCollectionFiles(root, collection, entryDepth(model.source, collection), allFolders);
    candidates.push({
      id: collection.name,
      folder: collection.folder,
      label: collection.label,
      files,
      schema: collection,
    });
  }
  return { candidates, problems };
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
