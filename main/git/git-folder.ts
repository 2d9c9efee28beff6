/**
 * A few facts read straight from the git folder's files, without starting git: where a ref points,
 * which tree a commit has, and which tree the index caches for its whole content. Starting git
 * costs a publish milliseconds (the fork alone blocks Node's thread 2–4 ms here), so the checks a
 * publish repeats every time read these first.
 *
 * Each answers null whenever the files are in a shape it does not read (a packed object, a split
 * index, a linked worktree, another ref store) or say nothing certain: the caller then asks git.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The object id `name` points to (`HEAD`, `refs/heads/main`, `refs/remotes/origin/main`), following
 * symbolic refs; null when it cannot be read from the folder.
 */
export async function readRef(gitDir: string, name: string, depth = 0): Promise<string | null> {
  if (depth > 4) return null;
  // A linked worktree keeps its branches in the common folder; git answers for those.
  if (depth === 0 && (await readText(path.join(gitDir, 'commondir'))) !== null) return null;
  const loose = await readText(path.join(gitDir, ...name.split('/')));
  if (loose !== null) {
    const text = loose.trim();
    if (text.startsWith('ref: ')) return readRef(gitDir, text.slice(5).trim(), depth + 1);
    return OBJECT_ID.test(text) ? text : null;
  }
  if (name === 'HEAD') return null;
  const packed = await readText(path.join(gitDir, 'packed-refs'));
  for (const line of packed?.split('\n') ?? []) {
    const [id, ref] = line.split(' ');
    if (ref === name && id !== undefined && OBJECT_ID.test(id)) return id;
  }
  return null;
}

/** The tree of commit `id` when the commit is a loose object; null when it is packed or unreadable. */
export async function commitTreeId(gitDir: string, id: string): Promise<string | null> {
  if (!OBJECT_ID.test(id)) return null;
  let stored: Buffer;
  try {
    stored = await readFile(path.join(gitDir, 'objects', id.slice(0, 2), id.slice(2)));
  } catch {
    return null;
  }
  try {
    // "commit <size>\0tree <id>\n…": the tree line always comes first.
    const text = inflateSync(stored).subarray(0, 200).toString('latin1');
    return /^commit \d+\0tree ([0-9a-f]{40}|[0-9a-f]{64})\n/.exec(text)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * The tree the index's cache-tree extension records for the whole index: git keeps it valid while
 * nothing is staged since the last commit (a commit writes it), and invalidates it as soon as a
 * file is staged. Null when the index has no valid root entry or is in a form not read here.
 */
export async function indexTreeId(gitDir: string, hashBytes: number): Promise<string | null> {
  let index: Buffer;
  try {
    index = await readFile(path.join(gitDir, 'index'));
  } catch {
    return null;
  }
  return cachedRootTree(index, hashBytes);
}

/** The root tree of an index file's cache-tree extension (pure; see indexTreeId). */
export function cachedRootTree(index: Buffer, hashBytes: number): string | null {
  if (index.length < 12 + hashBytes || index.toString('latin1', 0, 4) !== 'DIRC') return null;
  const version = index.readUInt32BE(4);
  if (version < 2 || version > 4) return null;
  const end = index.length - hashBytes;
  const extensions = entriesEnd(index, version, index.readUInt32BE(8), hashBytes, end);
  if (extensions === null) return null;
  let offset = extensions;
  while (offset + 8 <= end) {
    const signature = index.toString('latin1', offset, offset + 4);
    const size = index.readUInt32BE(offset + 4);
    const data = offset + 8;
    if (data + size > end) return null;
    // A split index keeps its entries in another file: git reads that pair.
    if (signature === 'link') return null;
    if (signature === 'TREE') return rootOfCacheTree(index.subarray(data, data + size), hashBytes);
    offset = data + size;
  }
  return null;
}

/** Where the index's entries end (its extensions start), or null when an entry runs past the end. */
function entriesEnd(index: Buffer, version: number, count: number, hashBytes: number, end: number): number | null {
  // ctime, mtime (8 bytes each), dev, ino, mode, uid, gid, size (4 each), the object id, 16 bits of flags.
  const fixed = 40 + hashBytes + 2;
  let offset = 12;
  for (let entry = 0; entry < count; entry++) {
    if (offset + fixed > end) return null;
    const flags = index.readUInt16BE(offset + fixed - 2);
    const extended = version >= 3 && (flags & 0x4000) !== 0;
    let at = offset + fixed + (extended ? 2 : 0);
    if (version === 4) {
      // A varint (how much of the previous path to drop), then the rest of the path and a NUL.
      while (at < end && (index[at]! & 0x80) !== 0) at++;
      at++;
    }
    const nul = index.indexOf(0, at);
    if (nul < 0 || nul >= end) return null;
    // Versions 2 and 3 pad each entry with 1–8 NULs to a multiple of 8 bytes.
    offset = version === 4 ? nul + 1 : offset + ((nul - offset + 8) & ~7);
  }
  return offset;
}

/** The root entry of a TREE extension: `\0<entry count> <subtrees>\n<tree id>`; count -1 means invalid. */
function rootOfCacheTree(tree: Buffer, hashBytes: number): string | null {
  if (tree.length === 0 || tree[0] !== 0) return null;
  const lineEnd = tree.indexOf(0x0a, 1);
  if (lineEnd < 0) return null;
  const [entries] = tree.toString('latin1', 1, lineEnd).split(' ');
  if (entries === undefined || !/^\d+$/.test(entries)) return null;
  if (lineEnd + 1 + hashBytes > tree.length) return null;
  return tree.toString('hex', lineEnd + 1, lineEnd + 1 + hashBytes);
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}
