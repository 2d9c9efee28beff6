/**
 * Reading and saving post files: Markdown with YAML, TOML or JSON front matter.
 *
 * Saving is lossless: only front matter values that differ from the file are rewritten, in place,
 * and every other byte (comments, key order, quoting, folded lines, BOM, line endings, final
 * newline) is kept. Each result is parsed back before it is returned; if a patch would not read
 * back as exactly the requested data and body, the next, more rewriting strategy is tried, and if
 * none does the save fails rather than write something different.
 *
 * Lossy cases that remain (layout only; the data always reads back exactly):
 * - a file with mixed line endings gets the style of its first line break in the front matter
 *   (when a value changed) and in the body (when the body changed);
 * - the per-format cases listed in yaml-patch.ts, toml-front-matter.ts and json-front-matter.ts;
 * - when a YAML patch cannot stand (an alias whose anchor changed, say), the yaml library rewrites
 *   the block: comments survive that first fallback but spacing may not; failing that, the block
 *   is serialized afresh and comments are lost.
 */
import type { FrontMatterData, FrontMatterFormat } from '../api';
import { fail } from '../errors';
import { splitPostFile } from './front-matter-split';
import type { PostFileParts } from './front-matter-split';
import { blockCandidates, parseBlock } from './block-codec';
import { jsonEqual } from './json-values';
import type { JsonObject } from './json-values';
import { detectLineEnding, fromLf, toLf } from './line-endings';
import type { LineEnding } from './line-endings';
import { withoutNulls } from './toml-front-matter';
import { patchYaml } from './yaml-patch';
import { readYamlValues } from './yaml-values';

/** A post file split into its front matter data and Markdown body. */
export interface ParsedPost {
  format: FrontMatterFormat;
  data: FrontMatterData;
  /** Everything after the front matter block, with LF line endings. */
  body: string;
}

/** What the editor wants the file to say. */
export interface PostEdit {
  frontMatter: FrontMatterData;
  /** The Markdown body with LF line endings; written back with the file's own line ending. */
  body: string;
}

/** Parses a post file. Throws `invalid-front-matter` (naming the line) when the front matter is malformed. */
export function parsePostFile(text: string): ParsedPost {
  const parts = splitPostFile(text);
  return { format: parts.format, data: parseMatter(parts), body: toLf(parts.body) };
}

/**
 * Only the front matter of a post file (the body is neither needed nor normalized): what indexing
 * a whole repository reads. `text` may be just the head of the file, as long as it holds the whole
 * front matter block; throws like parsePostFile when it does not. YAML goes through the faster
 * reader that gives the same data (yaml-values.ts).
 */
export function parseFrontMatter(text: string): Pick<ParsedPost, 'format' | 'data'> {
  const parts = splitPostFile(text);
  if (parts.format === 'yaml') return { format: 'yaml', data: readYamlValues(toLf(parts.matter), parts.matterLine) };
  return { format: parts.format, data: parseMatter(parts) };
}

/** The new text of a post file after `edit`, changing only what differs. Returns `original` itself when nothing does. */
export function updatePostFile(original: string, edit: PostEdit): string {
  const parts = splitPostFile(original);
  const before = parseMatter(parts);
  const eol = detectLineEnding(original);
  const body = nextBody(parts.body, edit.body, eol, original.endsWith('\n'));
  // TOML has no null; a cleared field simply leaves the file.
  const target = parts.format === 'toml' ? (withoutNulls(edit.frontMatter) as JsonObject) : edit.frontMatter;
  if (jsonEqual(before, target)) return assemble(parts, parts.matter, body, eol);

  const expectedBody = toLf(body);
  for (const candidate of frontMatterCandidates(parts, before, target, eol)) {
    const text = assemble(candidate.parts, fromLf(candidate.matter, eol), body, eol);
    if (readsBack(text, target, expectedBody)) return text;
  }
  throw fail(
    'internal',
    'Masthead could not write these front matter changes without altering other values, so the file was left as it was.',
  );
}

function parseMatter(parts: PostFileParts): FrontMatterData {
  if (parts.format === 'none') return {};
  // JSON is read as written: its parser reports offsets in the original text.
  return parseBlock(parts.format, parts.format === 'json' ? parts.matter : toLf(parts.matter), parts.matterLine);
}

/**
 * Front matter texts (LF) to try, best first: the in-place patch, then the lossy rewrites (see
 * block-codec.ts). Lazy, so the rewrites are only computed when the patch does not read back.
 */
function* frontMatterCandidates(
  parts: PostFileParts,
  before: JsonObject,
  after: JsonObject,
  eol: LineEnding,
): Generator<{ parts: PostFileParts; matter: string }> {
  if (parts.format === 'none') {
    // A post without front matter gets a YAML block, the most widely read format.
    const target: PostFileParts = { ...parts, format: 'yaml', open: `---${eol}`, close: `---${eol}` };
    let matter: string | null = null;
    try {
      matter = patchYaml('', {}, after);
    } catch {
      // Falls through to the caller's "could not write" error.
    }
    if (matter !== null) yield { parts: target, matter };
    return;
  }
  for (const matter of blockCandidates(parts.format, toLf(parts.matter), before, after)) yield { parts, matter };
}

/** The body to write: the original bytes when unchanged, else LF text in the file's line ending. */
function nextBody(originalBody: string, editBody: string, eol: LineEnding, finalNewline: boolean): string {
  const before = toLf(originalBody);
  let next = toLf(editBody);
  // Keep the file's habit of ending (or not) with a line break, whatever the editor sends.
  if (next !== '' && finalNewline && !next.endsWith('\n')) next += '\n';
  else if (next !== '' && !finalNewline && next.endsWith('\n')) next = next.slice(0, -1);
  return next === before ? originalBody : fromLf(next, eol);
}

function assemble(parts: PostFileParts, matter: string, body: string, eol: LineEnding): string {
  // A closing fence (or JSON object) that ended the file needs a line break once a body follows.
  const close = body !== '' && parts.format !== 'none' && !parts.close.endsWith('\n') ? parts.close + eol : parts.close;
  return parts.bom + parts.open + matter + close + body;
}

function readsBack(text: string, data: JsonObject, body: string): boolean {
  try {
    const parsed = parsePostFile(text);
    return parsed.body === body && jsonEqual(parsed.data, data);
  } catch {
    return false;
  }
}
