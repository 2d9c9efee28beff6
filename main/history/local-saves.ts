/**
 * Local saves: every save keeps a copy of the text it replaced and the text it wrote, in the app's
 * data folder (never in the repository), so the History panel can bring back a version that was
 * saved but never committed. Bounded per post and in total; the oldest copies go first.
 *
 * Layout: `<dir>/index.json` lists every kept version; texts live once each in `<dir>/blobs/`,
 * named by their SHA-256, so the same text saved twice (or by two posts) is stored once.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createKeyedQueue } from '../workspace/concurrency';
import { isCode, writeFileAtomic } from '../workspace/atomic-write';

/** Which side of a save a kept copy is. */
export type LocalSaveRole = 'replaced' | 'written';

/** One kept version of a post. */
export interface LocalSave {
  /** Unique in the store; increases with every kept version. */
  id: string;
  /** Absolute path of the repository's work tree. */
  repo: string;
  /** Repo-relative POSIX path of the post. */
  path: string;
  /** ISO timestamp of the save. */
  savedAt: string;
  /** `replaced`: what the file held before the save; `written`: what the save wrote. */
  role: LocalSaveRole;
  /** SHA-256 of the text (its blob's name). */
  hash: string;
  /** Size of the text in UTF-8 bytes. */
  bytes: number;
}

/** How much the store keeps. */
export interface LocalSaveLimits {
  /** Versions kept per post. */
  perPost: number;
  /** Bytes of text kept across every post of every repository. */
  totalBytes: number;
}

/** The default bounds: the last 50 versions of each post, 32 MB in all. */
const DEFAULT_LOCAL_SAVE_LIMITS: LocalSaveLimits = { perPost: 50, totalBytes: 32 * 1024 * 1024 };

/** The store of local saves. */
export interface LocalSaveStore {
  /**
   * Keeps a save's two sides: `replaced` (null when unknown) and `written`. A `replaced` text equal
   * to the newest kept version of the post is not kept twice. Returns what was kept.
   */
  recordSave(repo: string, path: string, texts: { replaced: string | null; written: string }): Promise<LocalSave[]>;
  /** The post's kept versions, newest first. */
  list(repo: string, path: string): Promise<LocalSave[]>;
  /** The text of a kept version of this post, or null when it is gone (evicted, or never was). */
  read(repo: string, path: string, id: string): Promise<string | null>;
}

interface IndexFile {
  /** The last id handed out. */
  seq: number;
  entries: LocalSave[];
}

const INDEX_FILE = 'index.json';
const BLOBS = 'blobs';

/** Opens (lazily creating) the store in `dir`. */
export function createLocalSaveStore(
  dir: string,
  limits: LocalSaveLimits = DEFAULT_LOCAL_SAVE_LIMITS,
  now: () => Date = () => new Date(),
): LocalSaveStore {
  // Every change of the index runs alone, so two quick saves cannot each drop the other's entry.
  const queue = createKeyedQueue();
  const serial = <T>(task: () => Promise<T>): Promise<T> => queue(dir, task);
  const blobPath = (hash: string): string => join(dir, BLOBS, `${hash}.txt`);

  async function loadIndex(): Promise<IndexFile> {
    let text: string;
    try {
      text = await readFile(join(dir, INDEX_FILE), 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return { seq: 0, entries: [] };
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as Partial<IndexFile>;
      const entries = Array.isArray(parsed.entries) ? parsed.entries.filter(isLocalSave) : [];
      const seq = Math.max(
        typeof parsed.seq === 'number' ? parsed.seq : 0,
        ...entries.map((entry) => Number(entry.id)),
      );
      return { seq, entries };
    } catch {
      // A damaged index loses the list of old versions, never a post: start a fresh one.
      console.warn(`Masthead: the local history index in ${dir} could not be read; starting a new one.`);
      return { seq: 0, entries: [] };
    }
  }

  async function keep(
    index: IndexFile,
    repo: string,
    path: string,
    role: LocalSaveRole,
    text: string,
    savedAt: string,
  ): Promise<LocalSave> {
    const hash = createHash('sha256').update(text).digest('hex');
    const bytes = Buffer.byteLength(text, 'utf8');
    if (!index.entries.some((entry) => entry.hash === hash)) await writeFileAtomic(blobPath(hash), text);
    index.seq += 1;
    const entry: LocalSave = { id: String(index.seq), repo, path, savedAt, role, hash, bytes };
    index.entries.push(entry);
    return entry;
  }

  return {
    recordSave(repo, path, texts) {
      return serial(async () => {
        await mkdir(join(dir, BLOBS), { recursive: true });
        const index = await loadIndex();
        const savedAt = now().toISOString();
        const fits = (text: string) => Buffer.byteLength(text, 'utf8') <= limits.totalBytes;
        const newest = ofPost(index.entries, repo, path)[0];
        const kept: LocalSave[] = [];
        const replacedHash = texts.replaced === null ? null : createHash('sha256').update(texts.replaced).digest('hex');
        if (texts.replaced !== null && replacedHash !== newest?.hash && fits(texts.replaced)) {
          kept.push(await keep(index, repo, path, 'replaced', texts.replaced, savedAt));
        }
        if (fits(texts.written)) kept.push(await keep(index, repo, path, 'written', texts.written, savedAt));
        if (kept.length === 0) return [];
        const before = new Set(index.entries.map((entry) => entry.hash));
        index.entries = bound(index.entries, limits, new Set(kept.map((entry) => entry.id)));
        await writeFileAtomic(join(dir, INDEX_FILE), `${JSON.stringify(index)}\n`);
        // Blobs go only after the index no longer names them: a crash in between leaves a stray
        // file, never an entry without its text.
        const still = new Set(index.entries.map((entry) => entry.hash));
        await Promise.all([...before].filter((hash) => !still.has(hash)).map((hash) => removeQuietly(blobPath(hash))));
        const survivors = new Set(index.entries.map((entry) => entry.id));
        return kept.filter((entry) => survivors.has(entry.id));
      });
    },

    list(repo, path) {
      return serial(async () => ofPost((await loadIndex()).entries, repo, path));
    },

    read(repo, path, id) {
      return serial(async () => {
        const entry = (await loadIndex()).entries.find(
          (item) => item.id === id && item.repo === repo && item.path === path,
        );
        if (!entry) return null;
        try {
          return await readFile(blobPath(entry.hash), 'utf8');
        } catch (error) {
          if (isCode(error, 'ENOENT')) return null;
          throw error;
        }
      });
    },
  };
}

/** One post's entries, newest first (ids increase with time, so they break ties within a millisecond). */
function ofPost(entries: readonly LocalSave[], repo: string, path: string): LocalSave[] {
  return entries
    .filter((entry) => entry.repo === repo && entry.path === path)
    .sort((a, b) => Number(b.id) - Number(a.id));
}

/**
 * Applies the bounds: each post keeps its newest `perPost` versions; then, while the distinct texts
 * add up to more than `totalBytes`, the oldest version anywhere goes. `protect` (what was just kept)
 * never goes for the total: a writer's latest save outranks an old one elsewhere.
 */
export function bound(
  entries: readonly LocalSave[],
  limits: LocalSaveLimits,
  protect: ReadonlySet<string> = new Set(),
): LocalSave[] {
  const byPost = new Map<string, LocalSave[]>();
  for (const entry of entries) {
    const key = `${entry.repo}\0${entry.path}`;
    byPost.set(key, [...(byPost.get(key) ?? []), entry]);
  }
  const kept = [...byPost.values()].flatMap((list) =>
    list.sort((a, b) => Number(b.id) - Number(a.id)).slice(0, limits.perPost),
  );
  kept.sort((a, b) => Number(a.id) - Number(b.id));
  const sizes = new Map<string, { bytes: number; uses: number }>();
  for (const entry of kept) {
    const size = sizes.get(entry.hash) ?? { bytes: entry.bytes, uses: 0 };
    size.uses += 1;
    sizes.set(entry.hash, size);
  }
  let total = [...sizes.values()].reduce((sum, size) => sum + size.bytes, 0);
  const result: LocalSave[] = [];
  for (const entry of kept) {
    const size = sizes.get(entry.hash)!;
    if (total > limits.totalBytes && !protect.has(entry.id)) {
      size.uses -= 1;
      if (size.uses === 0) total -= size.bytes;
      continue;
    }
    result.push(entry);
  }
  return result;
}

function isLocalSave(value: unknown): value is LocalSave {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.id === 'string' &&
    typeof entry.repo === 'string' &&
    typeof entry.path === 'string' &&
    typeof entry.savedAt === 'string' &&
    (entry.role === 'replaced' || entry.role === 'written') &&
    typeof entry.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(entry.hash) &&
    typeof entry.bytes === 'number'
  );
}

async function removeQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) console.warn(`Masthead: could not remove the old local save ${path}.`, error);
  }
}
