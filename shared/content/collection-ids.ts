/**
 * The two things "collection" can mean, as distinct string types the compiler keeps apart: a
 * collection's id (its name in the content model) and a repo-relative folder. Several collections
 * may share one folder (Decap `filter`), so passing a folder where an id is meant finds the wrong
 * collection, or none.
 */
import * as v from 'valibot';

/** Longest id or folder accepted from the UI (the same bound as every path argument). */
const MAX_LENGTH = 4096;

/** A collection's id: its name in the content model (`blog`, `settings`), unique within a site. */
export const collectionIdSchema = v.pipe(
  v.string('must be a string'),
  v.nonEmpty('is empty'),
  v.maxLength(MAX_LENGTH, 'is too long'),
  v.brand('CollectionId'),
);

/** A collection's id: its name in the content model (`blog`), never its folder. */
export type CollectionId = v.InferOutput<typeof collectionIdSchema>;

/** A repo-relative POSIX folder (`content/posts`), no leading or trailing slash. */
export const repoFolderSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(MAX_LENGTH, 'is too long'),
  v.brand('RepoFolder'),
);

/** A repo-relative POSIX folder (`content/posts`): where a collection's files live, never its id. */
export type RepoFolder = v.InferOutput<typeof repoFolderSchema>;

/** Marks a content-model name as a collection id (where the model's collections are read or built). */
export function collectionId(name: string): CollectionId {
  return name as CollectionId;
}

/** Marks a repo-relative POSIX folder path as a RepoFolder (where collections' folders are resolved). */
export function repoFolder(path: string): RepoFolder {
  return path as RepoFolder;
}

/** The collection id of a post outside every collection ('' — never its folder, which may be some collection's name). */
export const NO_COLLECTION = collectionId('');
