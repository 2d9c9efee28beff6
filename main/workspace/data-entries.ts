/**
 * Entries that are not Markdown posts: the YAML/TOML/JSON files of Decap data collections
 * (`format: yaml`) and the single files of file collections (site settings, category lists). Only
 * the content model decides that a `.json` or `.yml` file is an entry, so the UI cannot open (or
 * write) an arbitrary data file such as `package.json` by naming it.
 */
import type { CollectionSummary, PostSummary } from '../../shared/api';
import { dataFormatOfPath } from '../../shared/content/data-file';
import type { DataFormat } from '../../shared/content/data-file';
import type { ContentModel, FolderCollection } from '../../shared/content/schema/types';
import type { ContentIndex } from './content-index';
import { normalizeRepoPath } from './paths';
import type { CollectionId } from '../../shared/content/collection-ids';

/** Where an entry sits in the content model. */
export interface EntryLocation {
  /** The library's collection id (the collection's name in the model). */
  collection: CollectionId;
  /** The syntax of a whole-file data entry, or null for Markdown with front matter. */
  dataFormat: DataFormat | null;
}

/**
 * Locates `path` among the model's data entries: a file of a file collection (Markdown ones too,
 * so they are listed under their collection), or an entry of a data folder collection. Null for
 * everything else, which is then treated (and path-checked) as a post.
 */
export function locateEntry(model: ContentModel, path: string): EntryLocation | null {
  const normal = normalizeRepoPath(path);
  for (const collection of model.collections) {
    if (collection.kind === 'file' && collection.files.some((file) => file.file === normal)) {
      return { collection: collection.name, dataFormat: dataFormatOfPath(normal) };
    }
  }
  const folder = deepestFolder(model, normal);
  if (!folder || !isDataFormat(folder.format)) return null;
  // The extension must be the collection's and a data file's: a stray `notes.md` in a data folder stays a post.
  const format = dataFormatOfPath(normal);
  if (format === null || !normal.toLowerCase().endsWith(`.${folder.extension.toLowerCase()}`)) return null;
  return { collection: folder.name, dataFormat: folder.format };
}

/** The file collections as the library lists them, counting only the files that exist. */
export function fileCollectionSummaries(index: ContentIndex): CollectionSummary[] {
  return index.model.collections.flatMap((collection) =>
    collection.kind === 'file'
      ? [
          {
            id: collection.name,
            folder: null,
            label: collection.label,
            postCount: collection.files.filter((file) => index.files.has(file.file)).length,
          },
        ]
      : [],
  );
}

/** Library rows for the files of file collections: named by the file entry's label, undated. */
export function fileEntrySummaries(index: ContentIndex): PostSummary[] {
  return index.model.collections.flatMap((collection) =>
    collection.kind === 'file'
      ? collection.files
          .filter((file) => index.files.has(file.file))
          .map((file) => ({
            path: file.file,
            collection: collection.name,
            title: file.label,
            date: null,
            draft: false,
          }))
      : [],
  );
}

/** Every collection the library lists: the scanned folder collections, then the file collections. */
export function librarySummaries(index: ContentIndex): CollectionSummary[] {
  return [
    ...index.collections.map(({ id, folder, label, postCount }) => ({ id, folder, label, postCount })),
    ...fileCollectionSummaries(index),
  ];
}

/** The folder collection whose folder holds `path` most closely, or null. */
export function deepestFolder(model: ContentModel, path: string): FolderCollection | null {
  let best: FolderCollection | null = null;
  for (const collection of model.collections) {
    if (collection.kind !== 'folder' || !path.startsWith(`${collection.folder}/`)) continue;
    if (best === null || collection.folder.length > best.folder.length) best = collection;
  }
  return best;
}

function isDataFormat(format: FolderCollection['format']): format is DataFormat {
  return format === 'yaml' || format === 'toml' || format === 'json';
}
