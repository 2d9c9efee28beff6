/**
 * Keeping duplicated fields the same in every translation (Decap `i18n: duplicate`): when a save
 * changes such a field in one locale's file, the other locales' files get the same value, each
 * patched in place like any save (only that value's text changes), so the translations never
 * drift apart. Publishing the post commits a translation it changed with it only when that file
 * differs from its last commit in those values alone: a translation's own unpublished edits are
 * never published by its sibling (that file then goes out when it is published itself).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FrontMatterData, SaveResult } from '../shared/api';
import { parsePostFile, updatePostFile } from '../shared/content/post-file';
import { changedDuplicatedFields, fieldTranslation } from '../shared/content/schema/i18n';
import type { FolderCollection } from '../shared/content/schema/types';
import { ownValue, setOwn } from '../shared/content/json-values';
import { toAppError } from '../shared/errors';
import type { ContentService } from './content-service';
import { readCommittedFile } from './git/index';
import { readPost, savePost } from './workspace/posts';

/** What a sync did, in SaveResult's terms. */
export type SyncOutcome = Pick<SaveResult, 'translationsUpdated' | 'translationsFailed'>;

/** The translation sync of one open repository. */
export interface TranslationSync {
  /**
   * Call before saving the post at `path` (repo-relative, normalized). Returns what to run once the
   * save wrote `after`: it copies the changed duplicated fields and says which files it wrote and
   * which it could not.
   */
  beforeSave(path: string): Promise<(after: FrontMatterData) => Promise<SyncOutcome>>;
  /** The translations changed for `path` that may be published with it (see the module comment). */
  publishable(path: string): Promise<string[]>;
  /** Forgets those of `path`'s changed translations that a commit now holds. */
  published(path: string, committed: readonly string[]): void;
}

/** Builds the translation sync for the repository at `root`. */
export function createTranslationSync(root: string, content: () => ContentService | null): TranslationSync {
  // By post: its collection, and the translations its saves changed that are not committed yet.
  const pending = new Map<string, { collection: FolderCollection; paths: Set<string> }>();
  return {
    async beforeSave(path) {
      let translations;
      let before: FrontMatterData;
      try {
        translations = await content()?.translationsOf(path);
        if (!translations) return async () => ({});
        before = (await readPost(root, path)).frontMatter;
      } catch {
        // Whatever stops the sync must not stop the save; the post's own save reports its problem.
        return async () => ({});
      }
      const { collection, paths } = translations;
      return async (after) => {
        const fields = changedDuplicatedFields(collection, before, after);
        if (fields.length === 0) return {};
        const { written, failed } = await copyFields(root, paths, fields, after);
        if (written.length > 0)
          pending.set(path, { collection, paths: new Set([...(pending.get(path)?.paths ?? []), ...written]) });
        return {
          ...(written.length > 0 ? { translationsUpdated: written } : {}),
          ...(failed.length > 0 ? { translationsFailed: failed } : {}),
        };
      };
    },
    async publishable(path) {
      const entry = pending.get(path);
      if (!entry) return [];
      const result: string[] = [];
      for (const translation of entry.paths) {
        if (await onlySharedFieldsChanged(root, translation, entry.collection)) result.push(translation);
      }
      return result;
    },
    published(path, committed) {
      const entry = pending.get(path);
      if (!entry) return;
      for (const translation of committed) entry.paths.delete(translation);
      if (entry.paths.size === 0) pending.delete(path);
    },
  };
}

/**
 * Writes `after`'s values of `fields` into each file of `paths`. A file that cannot be read or
 * saved (unreadable front matter, or changed on disk in between) is left as it is and reported:
 * the post itself is saved, and the writer is told which translation kept its old value.
 */
async function copyFields(
  root: string,
  paths: readonly string[],
  fields: readonly string[],
  after: FrontMatterData,
): Promise<{ written: string[]; failed: Array<{ path: string; message: string }> }> {
  const written: string[] = [];
  const failed: Array<{ path: string; message: string }> = [];
  for (const path of paths) {
    try {
      const doc = await readPost(root, path);
      const result = await savePost(root, {
        path,
        baseVersion: doc.version,
        frontMatter: withValues(doc.frontMatter, fields, after),
        body: doc.body,
      });
      if (result.written) written.push(path);
    } catch (error) {
      failed.push({ path, message: toAppError(error).message });
    }
  }
  return { written, failed };
}

/** `data` with `fields` set to their values in `from` (or removed where `from` lacks them). */
function withValues(data: FrontMatterData, fields: readonly string[], from: FrontMatterData): FrontMatterData {
  const next: FrontMatterData = { ...data };
  for (const name of fields) {
    const value = ownValue(from, name);
    if (value === undefined) delete next[name];
    else setOwn(next, name, value);
  }
  return next;
}

/** True when the file on disk is its last committed text with only the collection's duplicated fields changed. */
async function onlySharedFieldsChanged(root: string, path: string, collection: FolderCollection): Promise<boolean> {
  try {
    const committed = await readCommittedFile(root, path);
    if (committed === null) return false; // a file never published is its own news
    const current = await readFile(join(root, ...path.split('/')), 'utf8');
    const shared = collection.fields
      .filter((field) => fieldTranslation(field) === 'duplicate')
      .map((field) => field.name);
    const then = parsePostFile(committed);
    const expected = updatePostFile(committed, {
      frontMatter: withValues(then.data, shared, parsePostFile(current).data),
      body: then.body,
    });
    return expected === current;
  } catch {
    return false;
  }
}
