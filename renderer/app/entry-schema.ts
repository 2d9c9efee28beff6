/**
 * Which fields the open post has: its collection's fields from the content model, plus fields
 * inferred for any key the schema does not list (so nothing in the file is hidden). Before the
 * model arrives, every field is inferred from the post itself.
 */
import type { FrontMatterData } from '../../shared/api';
import { fieldsForEntry } from '../../shared/content/schema/infer';
import type { ContentModel, FieldIssue, FolderCollection, SchemaField } from '../../shared/content/schema/types';
import { validateEntry } from '../../shared/content/schema/validate';

/** The folder collection a post belongs to (by its folder), or null. */
export function collectionOf(model: ContentModel | null, folder: string): FolderCollection | null {
  if (!model) return null;
  return model.collections.find((collection): collection is FolderCollection => collection.kind === 'folder' && collection.folder === folder) ?? null;
}

/** The form's fields for a post of `folder` holding `frontMatter`. */
export function entryFields(model: ContentModel | null, folder: string, frontMatter: FrontMatterData): SchemaField[] {
  return fieldsForEntry(collectionOf(model, folder)?.fields ?? [], frontMatter);
}

/** The validation issues of a post's front matter against its fields. */
export function entryIssues(fields: SchemaField[], frontMatter: FrontMatterData): FieldIssue[] {
  return validateEntry(fields, frontMatter);
}
