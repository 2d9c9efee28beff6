/**
 * Which fields the open post has: its collection's fields from the content model, plus fields
 * inferred for any key the schema does not list (so nothing in the file is hidden). Before the
 * model arrives, every field is inferred from the post itself.
 */
import type { CollectionId, FrontMatterData } from '../../shared/api';
import { postTitle } from '../../shared/content/post-meta';
import { defaultLocaleData, entrySchemaFields } from '../../shared/content/schema/i18n';
import { fieldsForEntry } from '../../shared/content/schema/infer';
import type {
  ContentModel,
  FieldIssue,
  FileEntry,
  FolderCollection,
  SchemaField,
} from '../../shared/content/schema/types';
import { validateEntry } from '../../shared/content/schema/validate';

/** The folder collection with the id (name) `collectionId`, or null. */
export function collectionOf(model: ContentModel | null, collectionId: CollectionId): FolderCollection | null {
  if (!model) return null;
  return (
    model.collections.find(
      (collection): collection is FolderCollection => collection.kind === 'folder' && collection.name === collectionId,
    ) ?? null
  );
}

/** The file collection's file entry at `path` (e.g. `src/data/site.yml`), or null. */
export function fileEntryOf(model: ContentModel | null, path: string): FileEntry | null {
  for (const collection of model?.collections ?? []) {
    if (collection.kind !== 'file') continue;
    const entry = collection.files.find((file) => file.file === path);
    if (entry) return entry;
  }
  return null;
}

/**
 * The form's fields for a post of the collection `collectionId` holding `frontMatter`. With `path`, a file of a file
 * collection gets that file entry's own fields, and a translation its locale's fields.
 */
export function entryFields(
  model: ContentModel | null,
  collectionId: CollectionId,
  frontMatter: FrontMatterData,
  path?: string,
): SchemaField[] {
  const fileEntry = path === undefined ? null : fileEntryOf(model, path);
  if (fileEntry) return fieldsForEntry(fileEntry.fields, frontMatter);
  const collection = collectionOf(model, collectionId);
  const fields =
    collection === null ? [] : path === undefined ? collection.fields : entrySchemaFields(collection, path);
  return fieldsForEntry(fields, frontMatter);
}

/** What a data entry is called: the file entry's label, else its identifier field (e.g. an author's `name`), else its title or file name. */
export function entryName(
  model: ContentModel | null,
  doc: { path: string; collection: CollectionId },
  frontMatter: FrontMatterData,
): string {
  const fileEntry = fileEntryOf(model, doc.path);
  if (fileEntry) return fileEntry.label;
  const collection = collectionOf(model, doc.collection);
  const key = collection?.identifierField ?? 'title';
  // A single-file translation is named by its default locale's values.
  const own = defaultLocaleData(collection, frontMatter);
  const named = own[key];
  return postTitle(typeof named === 'string' || typeof named === 'number' ? { title: named } : own, doc.path);
}

/** The validation issues of a post's front matter against its fields. */
export function entryIssues(fields: SchemaField[], frontMatter: FrontMatterData): FieldIssue[] {
  return validateEntry(fields, frontMatter);
}
