/**
 * A way into posts the editor cannot open: malformed or duplicate-key front matter, text that is
 * not UTF-8, a binary file named `.md`. The raw text is read with the reason (and, for Latin-1,
 * the Windows-1252 reading offered as a conversion) and saved back exactly as the writer fixed it;
 * and a post deleted on disk while open can be written again at its path.
 */
import type { FrontMatterFormat, RawPost, RawProblem, RawSaveRequest, SaveRequest, SaveResult } from '../../shared/api';
import { createDataFile, parseDataFile, type DataFormat } from '../../shared/content/data-file';
import { createPostFile } from '../../shared/content/new-post-file';
import { parsePostFile } from '../../shared/content/post-file';
import { decodeWindows1252, textProblem, textProblemMessage } from '../../shared/content/text-encoding';
import { AppFailure, fail, toAppError } from '../../shared/errors';
import { createFileAtomic, writeFileAtomic } from './atomic-write';
import { ioFailure } from './io-errors';
import { normalizeRepoPath, resolveEntryPath } from './paths';
import { fingerprint, withPostLock } from './posts';
import { readRegularFile } from './regular-file';

/** Reads a post (or data entry) as raw text, with why the editor cannot open it (null when it can). */
export async function readRawPost(root: string, path: string, dataFormat: DataFormat | null = null): Promise<RawPost> {
  const normal = normalizeRepoPath(path);
  const bytes = await readBytes(await resolveEntryPath(root, normal, dataFormat !== null), normal);
  const version = fingerprint(bytes);
  const encoding = textProblem(bytes);
  if (encoding !== null) {
    const problem: RawProblem = {
      kind: encoding.kind,
      message: textProblemMessage(normal, encoding),
      line: encoding.line,
    };
    return {
      path: normal,
      text: null,
      converted: encoding.kind === 'not-utf8' ? decodeWindows1252(bytes) : null,
      problem,
      version,
    };
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { path: normal, text, converted: null, problem: parseProblem(text, dataFormat), version };
}

/**
 * Writes the writer's raw text over the file, exactly as given (as UTF-8). Refused with
 * 'changed-on-disk' when the file no longer has the bytes the text was based on.
 */
export async function saveRawPost(
  root: string,
  request: RawSaveRequest,
  dataFormat: DataFormat | null = null,
): Promise<SaveResult> {
  const normal = normalizeRepoPath(request.path);
  const absolute = await resolveEntryPath(root, normal, dataFormat !== null);
  return withPostLock(absolute, async () => {
    const current = fingerprint(await readBytes(absolute, normal));
    const next = new TextEncoder().encode(request.text);
    if (current !== request.baseVersion) {
      if (fingerprint(next) === current) return { version: current, written: false, savedAt: new Date().toISOString() };
      throw fail(
        'changed-on-disk',
        `“${normal}” changed on disk since you opened it, so your fix was not written. Copy it, then reopen the file.`,
      );
    }
    try {
      await writeFileAtomic(absolute, next);
    } catch (error) {
      throw ioFailure(error, `save “${normal}”`);
    }
    return { version: fingerprint(next), written: true, savedAt: new Date().toISOString() };
  });
}

/**
 * Writes a post that was deleted on disk while it was open back at its path, from the editor's
 * fields and body in its front-matter syntax. Never overwrites: refused with 'changed-on-disk'
 * when a file has appeared there meanwhile.
 */
export async function recreatePost(
  root: string,
  request: SaveRequest,
  format: FrontMatterFormat,
  dataFormat: DataFormat | null = null,
): Promise<SaveResult> {
  const normal = normalizeRepoPath(request.path);
  const absolute = await resolveEntryPath(root, normal, dataFormat !== null);
  const text =
    dataFormat !== null
      ? createDataFile(dataFormat, request.frontMatter)
      : createPostFile(format === 'none' ? 'yaml' : format, request.frontMatter, request.body);
  const bytes = new TextEncoder().encode(text);
  return withPostLock(absolute, async () => {
    let created: boolean;
    try {
      created = await createFileAtomic(absolute, bytes);
    } catch (error) {
      throw ioFailure(error, `save “${normal}” as a new file`);
    }
    if (!created)
      throw fail(
        'changed-on-disk',
        `A file “${normal}” exists again (another program or a git command put it back), so Masthead did not overwrite it. Reopen the post to see it.`,
      );
    return { version: fingerprint(bytes), written: true, savedAt: new Date().toISOString() };
  });
}

/** What parsing says about UTF-8 text: null when the editor can open it. */
function parseProblem(text: string, dataFormat: DataFormat | null): RawProblem | null {
  try {
    if (dataFormat !== null) parseDataFile(text, dataFormat);
    else parsePostFile(text);
    return null;
  } catch (error) {
    const appError = toAppError(error);
    if (!(error instanceof AppFailure) || appError.code !== 'invalid-front-matter') throw error;
    const line = /\bline (\d+)\b/.exec(appError.message)?.[1];
    return { kind: 'front-matter', message: appError.message, line: line === undefined ? null : Number(line) };
  }
}

async function readBytes(absolute: string, path: string): Promise<Uint8Array> {
  let read;
  try {
    read = await readRegularFile(absolute, { shownPath: `“${path}”` });
  } catch (error) {
    throw ioFailure(error, `read “${path}”`);
  }
  if (read === 'missing')
    throw fail('not-found', `“${path}” does not exist any more (it may have been moved or deleted).`);
  if (typeof read === 'string') throw fail('io', `“${path}” is not a regular file, so Masthead will not open it.`);
  return read;
}
