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
import { parseYamlFrontMatter, yamlDocumentRewrite, yamlFreshRewrite } from './yaml-front-matter';
import { parseJsonFrontMatter, patchJson } from './json-front-matter';
import { inFileOrder, jsonEqual } from './json-values';
import type { JsonObject } from './json-values';
import { detectLineEnding, fromLf, toLf } from './line-endings';
import type { LineEnding } from './line-endings';
import { parseTomlFrontMatter, patchToml, tomlRewrite, withoutNulls } from './toml-front-matter';
import { patchYaml } from './yaml-patch';

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
  switch (parts.format) {
    case 'yaml':
      return parseYamlFrontMatter(toLf(parts.matter), parts.matterLine);
    case 'toml':
      return parseTomlFrontMatter(toLf(parts.matter), parts.matterLine);
    case 'json':
      return parseJsonFrontMatter(parts.matter, parts.matterLine);
    case 'none':
      return {};
  }
}

/**
 * Front matter texts (LF) to try, best first: the in-place patch, then the lossy rewrites. A
 * generator, so the rewrites are only computed when the patch does not read back.
 */
function* frontMatterCandidates(
  parts: PostFileParts,
  before: JsonObject,
  after: JsonObject,
  eol: LineEnding,
): Generator<{ parts: PostFileParts; matter: string }> {
  const source = toLf(parts.matter);
  const attempts: Array<() => string | null> = [];
  let target = parts;
  switch (parts.format) {
    case 'yaml':
      attempts.push(
        () => patchYaml(source, before, after),
        () => yamlDocumentRewrite(source, before, after),
        () => yamlFreshRewrite(source, before, after),
      );
      break;
    case 'toml':
      attempts.push(() => patchToml(source, before, after), () => tomlRewrite(source, before, after));
      break;
    case 'json':
      attempts.push(() => patchJson(source, before, after), () => JSON.stringify(inFileOrder(before, after), null, 2));
      break;
    case 'none':
      // A post without front matter gets a YAML block, the most widely read format.
      target = { ...parts, format: 'yaml', open: `---${eol}`, close: `---${eol}` };
      attempts.push(() => patchYaml('', {}, after));
      break;
  }
  for (const attempt of attempts) {
    let matter: string | null;
    try {
      matter = attempt();
    } catch {
      // A strategy that trips over an unusual document must not block the next one.
      matter = null;
    }
    if (matter !== null) yield { parts: target, matter };
  }
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
