/**
 * Reading one indexed entry's front matter, cheaply: only the head of a post is read (the body is
 * most of a post), and parses are cached by path, size and mtime so a warm index only stats files
 * (and not even that where the repository watch vouches for a file: see content-service.ts).
 */
import * as fs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { FrontMatterData, FrontMatterFormat } from '../../shared/api';
import { isJsonObject, toJsonValue } from '../../shared/content/json-values';
import { parseFrontMatter, parsePostFile } from '../../shared/content/post-file';
import type { FolderCollection } from '../../shared/content/schema/types';
import { toAppError } from '../../shared/errors';
import { textProblem, textProblemMessage, type TextProblem } from '../../shared/content/text-encoding';

/** What indexing learns from one entry file. Unparseable entries keep empty front matter and say why. */
export interface ParsedEntry {
  format: FrontMatterFormat;
  frontMatter: FrontMatterData;
  /** Why the entry could not be parsed, or null. */
  error: string | null;
}

interface CachedEntry {
  size: number;
  mtimeMs: number;
  parsed: ParsedEntry;
}

/** Parsed entries by absolute path; shared by every index of the process (one repository at a time). */
const cache = new Map<string, CachedEntry>();

/** Forgets every cached entry, so the next load reads and parses everything again (a cold index). */
export function clearContentIndexCache(): void {
  cache.clear();
}

/** The last parse of the file at `absolute`, for a caller that knows the file has not changed since. */
export function cachedEntry(absolute: string): ParsedEntry | undefined {
  return cache.get(absolute)?.parsed;
}

/** The entry's parsed front matter (data files: their whole data), or null when the file is gone. */
export async function readEntry(
  absolute: string,
  path: string,
  collection: FolderCollection | undefined,
): Promise<ParsedEntry | null> {
  const cached = cache.get(absolute);
  if (cached) {
    // Warm: a stat says whether the cached parse still stands.
    let info;
    try {
      info = await stat(absolute);
    } catch {
      return null; // removed since the folder was listed
    }
    if (cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached.parsed;
  }
  let read: Head;
  try {
    read = await readHead(absolute);
  } catch {
    return null;
  }
  const parsed = await parseEntry(absolute, path, collection, read);
  cache.set(absolute, { size: read.size, mtimeMs: read.mtimeMs, parsed });
  return parsed;
}

async function parseEntry(
  absolute: string,
  path: string,
  collection: FolderCollection | undefined,
  head: Pick<Head, 'text' | 'complete' | 'problem'>,
): Promise<ParsedEntry> {
  const dataFormat =
    collection && ['yaml', 'toml', 'json'].includes(collection.format)
      ? (collection.format as 'yaml' | 'toml' | 'json')
      : null;
  try {
    if (dataFormat) {
      const text = head.complete ? head.text : await readFile(absolute, 'utf8');
      return { format: dataFormat, frontMatter: parseData(text, dataFormat), error: null };
    }
    // Bytes the editor would refuse (Latin-1, a binary file named .md) make the entry unreadable here too.
    if (head.problem) return { format: 'none', frontMatter: {}, error: textProblemMessage(path, head.problem) };
    // A head without a single line break (a one-line JSON block, say) says nothing yet.
    if (head.complete || head.text !== '') {
      try {
        const { format, data } = parseFrontMatter(head.text);
        return { format, frontMatter: data, error: null };
      } catch (error) {
        // A block longer than the head: read the whole file and let it say what is wrong, if anything.
        if (head.complete) throw error;
      }
    }
    const bytes = await readFile(absolute);
    const problem = textProblem(bytes);
    if (problem) return { format: 'none', frontMatter: {}, error: textProblemMessage(path, problem) };
    const { format, data } = parsePostFile(decode(bytes));
    return { format, frontMatter: data, error: null };
  } catch (error) {
    return {
      format: dataFormat ?? 'none',
      frontMatter: {},
      error: toAppError(error).message || `Could not read “${path}”.`,
    };
  }
}

/** The start of an entry file as read by readHead. */
interface Head {
  text: string;
  complete: boolean;
  size: number;
  mtimeMs: number;
  /** Why the bytes read are not editable text (not UTF-8, binary), or null. */
  problem: TextProblem | null;
}

/** How much of a post indexing reads first: most of a post is its body, the front matter fits in a few KB. */
const HEAD_BYTES = 16 * 1024;

/**
 * The file's first HEAD_BYTES as text (`complete` when that is the whole file; otherwise cut after
 * the last complete line, so a cut never splits a UTF-8 character), with the size and mtime the
 * cache keys on. One open, fstat, read and close: what reading a small file whole costs anyway.
 * Node's callback API rather than a FileHandle: for 10,000 small files it costs about half the
 * main-thread time (no FileHandle object and promise per step to create and collect).
 */
function readHead(absolute: string): Promise<Head> {
  return new Promise((resolve, reject) => {
    // Non-blocking, and regular files only: a FIFO named `post.md` would otherwise hang the index.
    fs.open(absolute, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0), (openError, fd) => {
      if (openError) return reject(openError);
      const finish = (error: Error | null, result?: Head): void =>
        fs.close(fd, () => (error || !result ? reject(error) : resolve(result)));
      fs.fstat(fd, (statError, info) => {
        if (statError) return finish(statError);
        if (!info.isFile())
          return finish(Object.assign(new Error(`${absolute} is not a regular file`), { code: 'EINVAL' }));
        const buffer = Buffer.allocUnsafe(Math.min(HEAD_BYTES, info.size));
        fs.read(fd, buffer, 0, buffer.length, 0, (readError, bytesRead) => {
          if (readError) return finish(readError);
          const complete = bytesRead >= info.size;
          const end = complete ? bytesRead : buffer.lastIndexOf(0x0a, bytesRead - 1) + 1;
          const head = buffer.subarray(0, end);
          finish(null, {
            text: decode(head),
            complete,
            size: info.size,
            mtimeMs: info.mtimeMs,
            problem: textProblem(head),
          });
        });
      });
    });
  });
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** A file collection's data: null when unreadable or malformed, undefined when the file does not exist. */
export async function readDataFile(absolute: string, path: string): Promise<FrontMatterData | null | undefined> {
  try {
    const text = await readFile(absolute, 'utf8');
    return parseData(text, dataFormatOf(path));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
}

/** The data format of a file by its extension (JSON when unknown: Decap's default for file collections is by extension). */
export function dataFormatOf(path: string): 'yaml' | 'toml' | 'json' {
  const extension = posix.extname(path).toLowerCase();
  if (extension === '.yml' || extension === '.yaml') return 'yaml';
  if (extension === '.toml') return 'toml';
  return 'json';
}

/** Parses a whole data file into an object; anything that is not a mapping is an error. */
export function parseData(text: string, format: 'yaml' | 'toml' | 'json'): FrontMatterData {
  const raw: unknown = format === 'json' ? JSON.parse(text) : format === 'toml' ? parseToml(text) : parseYaml(text);
  const value = toJsonValue(raw ?? {});
  if (!isJsonObject(value)) throw new Error('The file does not hold a mapping of keys to values.');
  return value;
}
