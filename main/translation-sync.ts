/**
 * Keeping duplicated fields the same in every translation (Decap `i18n: duplicate`): when a save
 * changes such a field in one locale's file, the other locales' files get the same value, each
 * patched in place like any save (only that value's text changes), so the translations never
 * drift apart. Publishing the post commits those files with it, and only those: a translation's
 * own unpublished edits are not published by its sibling.
 */
import type { FrontMatterData, SaveResult } from '../shared/api';
import { toAppError } from '../shared/errors';
import { changedDuplicatedFields } from '../shared/content/schema/i18n';
import { setOwn } from '../shared/content/json-values';
import type { ContentService } from './content-service';
import { readPost, savePost } from './workspace/posts';

/** The translation sync of one open repository. */
export interface TranslationSync {
  /**
   * Call before saving the post at `path` (repo-relative, normalized). Returns what to run once the
   * save wrote `after`: it copies the changed duplicated fields and says which files it wrote and
   * which it could not.
   */
  beforeSave(path: string): Promise<(after: FrontMatterData) => Promise<SyncOutcome>>;
  /** The translations written for `path` since it was last published: what publishing it must commit too. */
  pendingFor(path: string): string[];
  /** Forgets `path`'s pending translations once a commit holds them. */
  published(path: string): void;
}

/** What a sync did, in SaveResult's terms. */
export type SyncOutcome = Pick<SaveResult, 'translationsUpdated' | 'translationsFailed'>;

/** Builds the translation sync for the repository at `root`. */
export function createTranslationSync(root: string, content: () => ContentService | null): TranslationSync {
  const pending = new Map<string, Set<string>>();
  return {
    async beforeSave(path) {
      const translations = await content()?.translationsOf(path);
      if (!translations) return async () => ({});
      const before = (await readPost(root, path)).frontMatter;
      return async (after) => {
        const fields = changedDuplicatedFields(translations.collection, before, after);
        if (fields.length === 0) return {};
        const { written, failed } = await copyFields(root, translations.paths, fields, after);
        if (written.length > 0) pending.set(path, new Set([...(pending.get(path) ?? []), ...written]));
        return { ...(written.length > 0 ? { translationsUpdated: written } : {}), ...(failed.length > 0 ? { translationsFailed: failed } : {}) };
      };
    },
    pendingFor: (path) => [...(pending.get(path) ?? [])],
    published: (path) => void pending.delete(path),
  };
}

/**
 * Writes `after`'s values of `fields` into each file of `paths`. A file that cannot be read or
 * saved (unreadable front matter, or changed on disk in between) is left as it is and reported:
 * the post itself is saved, and the writer is told which translation kept its old value.
 */
async function copyFields(root: string, paths: readonly string[], fields: readonly string[], after: FrontMatterData): Promise<{ written: string[]; failed: Array<{ path: string; message: string }> }> {
  const written: string[] = [];
  const failed: Array<{ path: string; message: string }> = [];
  for (const path of paths) {
    try {
      const doc = await readPost(root, path);
      const frontMatter: FrontMatterData = { ...doc.frontMatter };
      for (const name of fields) {
        const value = after[name];
        if (value === undefined) delete frontMatter[name];
        else setOwn(frontMatter, name, value);
      }
      const result = await savePost(root, { path, baseVersion: doc.version, frontMatter, body: doc.body });
      if (result.written) written.push(path);
    } catch (error) {
      failed.push({ path, message: toAppError(error).message });
    }
  }
  return { written, failed };
}
