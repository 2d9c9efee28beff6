/**
 * The unsaved-edits journal as the back end uses it: keep the open post's edits (journal:write),
 * give them back when the post is opened again (post:read), list the posts that have some when a
 * repository opens (journal:recoverable), and forget them once saved or discarded. Journals live in
 * the app's data folder, one folder per repository, never in the repository itself.
 */
import { readFile, stat } from 'node:fs/promises';
import type { JournalEntry, PostDocument, RecoverablePost, SaveRequest } from '../../shared/api';
import type { DataFormat } from '../../shared/content/data-file';
import { jsonEqual } from '../../shared/content/json-values';
import { postTitle } from '../../shared/content/post-meta';
import { isCode } from '../workspace/atomic-write';
import { normalizeRepoPath, resolveEntryPath, resolveWritePath } from '../workspace/paths';
import { displayFileName, fingerprint } from '../workspace/posts';
import { createJournalStore, type JournalStore, type JournalStoreOptions } from './journal-store';
import { recoverEdits, type FileText, type TextMerge } from './recovery';

/** Journals of posts whose file is gone are deleted after this long without an edit. */
export const ORPHAN_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** Options of createJournalService. */
export interface JournalServiceOptions extends JournalStoreOptions {
  /** The three-way merge of file texts used when the file changed since the edits began. */
  merge: TextMerge;
  /** The clock (tests). */
  now?: () => number;
}

/** The journal of unsaved edits, for every repository this back end opens. */
export interface JournalService {
  /**
   * Journals the edits of the post at `entry.path`; `dataFormatOf` says whether it is a data entry
   * (asked inside the write, so `settle` waits for the whole of it).
   */
  write(root: string, entry: JournalEntry, dataFormatOf: () => Promise<DataFormat | null>): Promise<void>;
  /** `doc` with `recovered` attached when the post has journalled edits not on disk; a journal the file already holds is deleted. */
  recover(root: string, doc: PostDocument, dataFormat: DataFormat | null): Promise<PostDocument>;
  /** The repository's posts whose journals hold edits not on disk (or whose files are gone), newest first. */
  recoverable(root: string): Promise<RecoverablePost[]>;
  /** Forgets the post's journal. */
  discard(root: string, path: string): Promise<void>;
  /** After a successful save: forgets the journal when it holds exactly what was saved. */
  saved(root: string, request: SaveRequest): Promise<void>;
  /** On opening a repository: sweeps cut-short writes and deletes old journals of files that are gone. */
  opened(root: string): Promise<void>;
  /** Resolves once every journal write in flight has reached the disk. */
  settle(): Promise<void>;
  /** The store underneath (tests, benchmarks). */
  readonly store: JournalStore;
}

/** The journal service keeping its files in `<dataDir>/journal`. */
export function createJournalService(dataDir: string, options: JournalServiceOptions): JournalService {
  const store = createJournalStore(dataDir, options);
  const now = options.now ?? Date.now;
  // Writes from the moment they are asked for, so quitting waits for those still finding their post.
  const writing = new Set<Promise<void>>();

  return {
    store,
    async write(root, given, dataFormatOf) {
      const entry = { ...given, path: normalizeRepoPath(given.path) };
      const work = (async () => {
        // A post reached through a link out of the repository is not journalled: it is not the site's.
        await resolveWritePath(root, entry.path);
        const dataFormat = await dataFormatOf();
        await store.write(root, entry, dataFormat, async () => {
          // The base of a later merge: only the text that really is `baseVersion`.
          const current = await readEntryText(root, entry.path, dataFormat);
          return current !== null && current.version === entry.baseVersion ? current.text : null;
        });
      })();
      writing.add(work);
      const done = (): void => void writing.delete(work);
      work.then(done, done);
      await work;
    },

    recover: (root, doc, dataFormat) =>
      store.exclusive(root, doc.path, async ({ record, remove }) => {
        if (record === null) return doc;
        const current = await readEntryText(root, doc.path, dataFormat);
        // Changed again since `doc` was read: the journal stays for the next open rather than be merged with the wrong text.
        if (current === null || current.version !== doc.version) return doc;
        const recovered = recoverEdits(record, current, options.merge);
        if (recovered === null) {
          await remove();
          return doc;
        }
        return { ...doc, recovered };
      }),

    async recoverable(root) {
      const posts: RecoverablePost[] = [];
      for (const { record } of await store.list(root)) {
        const current = await readEntryText(root, record.path, record.dataFormat);
        if (current !== null && recoverEdits(record, current, options.merge) === null) {
          // The file already says what the journal says: nothing to recover.
          await store.remove(root, record.path, (stored) => stored.editedAt === record.editedAt);
          continue;
        }
        posts.push({
          path: record.path,
          title: postTitle(record.frontMatter, displayFileName(record.path)),
          editedAt: record.editedAt,
        });
      }
      return posts.sort((a, b) => Date.parse(b.editedAt) - Date.parse(a.editedAt) || a.path.localeCompare(b.path));
    },

    async discard(root, path) {
      await store.remove(root, normalizeRepoPath(path));
    },

    async saved(root, request) {
      await store.remove(
        root,
        normalizeRepoPath(request.path),
        (stored) => stored.body === request.body && jsonEqual(stored.frontMatter, request.frontMatter),
      );
    },

    async opened(root) {
      await store.sweepTemps(root);
      // Another process may have written journals since the sizes were counted.
      store.bound.reset();
      for (const { record } of await store.list(root)) {
        if (now() - Date.parse(record.editedAt) <= ORPHAN_MAX_AGE_MS) continue;
        // Kept while the file exists (it may be reopened) and for 30 days after it is gone (it may be the only copy).
        if (await isGone(root, record.path, record.dataFormat))
          await store.remove(root, record.path, (stored) => stored.editedAt === record.editedAt);
      }
    },

    async settle() {
      while (writing.size > 0) await Promise.allSettled([...writing]);
      await store.settle();
    },
  };
}

/** The entry's text and version as on disk now, or null when it is gone or not readable text. */
async function readEntryText(root: string, path: string, dataFormat: DataFormat | null): Promise<FileText | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(await resolveEntryPath(root, path, dataFormat !== null));
  } catch {
    return null;
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      version: fingerprint(bytes),
    };
  } catch {
    return null;
  }
}

/** True when the post's file no longer exists (or its path no longer leads inside the repository). */
async function isGone(root: string, path: string, dataFormat: DataFormat | null): Promise<boolean> {
  try {
    await stat(await resolveEntryPath(root, path, dataFormat !== null));
    return false;
  } catch (error) {
    return !(error instanceof Error && isCode(error, 'EACCES'));
  }
}
