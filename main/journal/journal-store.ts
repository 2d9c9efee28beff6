/**
 * The journal files themselves: one per post, written atomically and durably (temp file → write →
 * fsync → rename → fsync the folder, see atomic-write.ts), one operation at a time per post. A
 * write older than what is stored (an edit that arrived late) is ignored. The last record of each
 * post is kept in memory, so a write costs one file write, not a read too.
 */
import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { JournalEntry } from '../../shared/api';
import type { DataFormat } from '../../shared/content/data-file';
import { isCode, TEMP_MARKER, writeFileAtomic } from '../workspace/atomic-write';
import { createKeyedQueue } from '../workspace/concurrency';
import { ioFailure } from '../workspace/io-errors';
import { JOURNAL_EXTENSION, journalFile, journalRoot, repoJournalFolder } from './journal-paths';
import { parseRecord, serializeRecord, type JournalRecord } from './journal-record';
import { createSizeBound, type SizeBound } from './size-bound';

/** A stored journal and when its file was last written. */
export interface StoredJournal {
  record: JournalRecord;
  file: string;
  modifiedMs: number;
}

/** One post's journal while an `exclusive` task holds it. */
export interface HeldJournal {
  /** The stored journal, or null. */
  record: JournalRecord | null;
  /** Deletes it. */
  remove(): Promise<void>;
}

/** The journal files of one data folder. */
export interface JournalStore {
  /**
   * Stores `entry` for the post, unless the stored edits are newer. `readBase` gives the file's
   * text when its version is `entry.baseVersion` (null otherwise); it is asked only on the first
   * write for a base. Resolves false when the write was ignored as out of date: older than the
   * stored edits, or than the edits of a journal this process deleted (saved or discarded).
   */
  write(
    repo: string,
    entry: JournalEntry,
    dataFormat: DataFormat | null,
    readBase: () => Promise<string | null>,
  ): Promise<boolean>;
  /** The post's journal, or null. */
  read(repo: string, path: string): Promise<JournalRecord | null>;
  /** Deletes the post's journal when `when` (default: always) holds for it; resolves true when it deleted one. */
  remove(repo: string, path: string, when?: (record: JournalRecord) => boolean): Promise<boolean>;
  /**
   * Runs `task` with the post's other journal operations held back until it ends: recovery reads the
   * journal and the file, then may delete the journal, and no write may slip in between.
   */
  exclusive<T>(repo: string, path: string, task: (held: HeldJournal) => Promise<T>): Promise<T>;
  /** Every readable journal of the repository. */
  list(repo: string): Promise<StoredJournal[]>;
  /** Removes temp files left by a write that was cut short (a crash, a killed process) in the repository's folder. */
  sweepTemps(repo: string): Promise<void>;
  /** Resolves once every operation started so far has finished (before the process exits). */
  settle(): Promise<void>;
  /** The size bound of the whole journal folder. */
  readonly bound: SizeBound;
}

/** Options of createJournalStore. */
export interface JournalStoreOptions {
  /** The bound on the whole journal folder, in bytes (default 64 MB). */
  maxBytes?: number;
}

/** The journal store of the app data folder `dataDir`. */
export function createJournalStore(dataDir: string, options: JournalStoreOptions = {}): JournalStore {
  const bound = createSizeBound(journalRoot(dataDir), options.maxBytes);
  const queue = createKeyedQueue();
  // The last record known per journal file; null when known to have none.
  const cache = new Map<string, JournalRecord | null>();
  // When each deleted journal had last been edited: an edit that arrives after its journal was
  // saved or discarded, yet is older, is stale and must not bring the journal back.
  const deletedAt = new Map<string, number>();
  // Journal files whose stray temp files were already swept by this process.
  const swept = new Set<string>();
  const inFlight = new Set<Promise<unknown>>();

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    const done = (): void => void inFlight.delete(work);
    work.then(done, done);
    return work;
  };

  const load = async (repo: string, path: string, file: string): Promise<JournalRecord | null> => {
    const cached = cache.get(file);
    if (cached !== undefined) return cached;
    const record = await readRecordFile(file);
    // Belongs to this repository and post (the names are hashes; this guards against a stray file).
    const own = record !== null && record.repo === repo && record.path === path ? record : null;
    cache.set(file, own);
    return own;
  };

  const run = <T>(repo: string, path: string, task: (file: string) => Promise<T>): Promise<T> => {
    const file = journalFile(dataDir, repo, path);
    return track(queue(file, () => task(file)));
  };

  const removeFile = async (file: string, editedAt: string): Promise<void> => {
    deletedAt.set(file, Date.parse(editedAt));
    try {
      await unlink(file);
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw ioFailure(error, 'delete the unsaved-edits journal');
    }
    cache.set(file, null);
    bound.deleted(file);
  };

  return {
    bound,
    write: (repo, entry, dataFormat, readBase) =>
      run(repo, entry.path, async (file) => {
        const stored = await load(repo, entry.path, file);
        const edited = Date.parse(entry.editedAt);
        if (stored !== null && edited < Date.parse(stored.editedAt)) return false;
        if (stored === null && edited <= (deletedAt.get(file) ?? Number.NEGATIVE_INFINITY)) return false;
        // The base is captured once per base version: later writes carry it over without a read.
        const baseText =
          stored !== null && stored.baseVersion === entry.baseVersion ? stored.baseText : await readBase();
        const record: JournalRecord = {
          repo,
          path: entry.path,
          baseVersion: entry.baseVersion,
          baseText,
          frontMatter: entry.frontMatter,
          body: entry.body,
          editedAt: entry.editedAt,
          dataFormat,
        };
        const bytes = Buffer.from(serializeRecord(record), 'utf8');
        try {
          if (!swept.has(file)) {
            await mkdir(dirname(file), { recursive: true });
            await removeTemps(dirname(file), `.${basename(file)}${TEMP_MARKER}`);
            swept.add(file);
          }
          await writeFileAtomic(file, bytes);
        } catch (error) {
          throw ioFailure(error, `keep your unsaved edits of “${entry.path}” safe`);
        }
        cache.set(file, record);
        for (const evicted of await bound.written(file, bytes.length)) cache.delete(evicted);
        return true;
      }),
    read: (repo, path) => run(repo, path, (file) => load(repo, path, file)),
    remove: (repo, path, when) =>
      run(repo, path, async (file) => {
        const stored = await load(repo, path, file);
        if (stored === null || (when !== undefined && !when(stored))) return false;
        await removeFile(file, stored.editedAt);
        return true;
      }),
    exclusive: (repo, path, task) =>
      run(repo, path, async (file) => {
        const record = await load(repo, path, file);
        return task({ record, remove: async () => (record === null ? undefined : removeFile(file, record.editedAt)) });
      }),
    async list(repo) {
      const folder = repoJournalFolder(dataDir, repo);
      const found: StoredJournal[] = [];
      for (const name of await names(folder)) {
        if (name.startsWith('.') || !name.endsWith(JOURNAL_EXTENSION)) continue;
        const file = join(folder, name);
        const record = cache.get(file) ?? (await readRecordFile(file));
        if (record === null || record.repo !== repo) continue;
        const modifiedMs = await modified(file);
        if (modifiedMs !== null) found.push({ record, file, modifiedMs });
      }
      return found;
    },
    sweepTemps: async (repo) => removeTemps(repoJournalFolder(dataDir, repo), '.'),
    async settle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/** The record in `file`, or null when there is none or it cannot be read as one. */
async function readRecordFile(file: string): Promise<JournalRecord | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  return parseRecord(text);
}

/** Deletes the temp files in `folder` whose names start with `prefix` (the atomic writer's leftovers). */
async function removeTemps(folder: string, prefix: string): Promise<void> {
  for (const name of await names(folder)) {
    if (name.startsWith(prefix) && name.includes(TEMP_MARKER)) await unlink(join(folder, name)).catch(() => undefined);
  }
}

async function names(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return [];
    throw error;
  }
}

async function modified(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}
