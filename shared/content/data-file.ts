/**
 * Reading and saving whole data files — the YAML, JSON or TOML entries of Decap's data collections
 * (`format: yaml`, file collections such as `src/data/site.yml`). There is no Markdown body: the
 * whole file is one mapping of fields.
 *
 * Saving is lossless in the same way as front matter (post-file.ts): only changed values are
 * patched in place with the same patchers and fallbacks (block-codec.ts), every other byte (BOM,
 * comments, key order, line endings, the final newline or its absence) is kept, and each result is
 * parsed back before it is returned.
 */
import type { FrontMatterData } from '../api';
import { AppFailure, fail } from '../errors';
import { blockCandidates, parseBlock, readsBackAs } from './block-codec';
import type { BlockFormat } from './block-codec';
import { jsonEqual } from './json-values';
import type { JsonObject } from './json-values';
import { detectLineEnding, fromLf, toLf } from './line-endings';
import { withoutNulls } from './toml-front-matter';

/** The syntax of a data file. */
export type DataFormat = BlockFormat;

/** The data format a file name implies, or null when it is not a data file (`.md`, say). */
export function dataFormatOfPath(path: string): DataFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.yml') || lower.endsWith('.yaml')) return 'yaml';
  if (lower.endsWith('.toml')) return 'toml';
  if (lower.endsWith('.json')) return 'json';
  return null;
}

/** Parses a whole data file. Throws `invalid-front-matter` (naming the file line) when it is malformed. */
export function parseDataFile(text: string, format: DataFormat): FrontMatterData {
  const source = toLf(withoutBom(text));
  try {
    return parseBlock(format, source, 1);
  } catch (error) {
    throw asDataFileError(error);
  }
}

/**
 * The new text of a data file holding `next`, changing only what differs. Returns `original`
 * itself when nothing does; throws rather than write something that would not read back as `next`.
 */
export function updateDataFile(original: string, format: DataFormat, next: FrontMatterData): string {
  const before = parseDataFile(original, format);
  // TOML has no null; a cleared field simply leaves the file.
  const target = format === 'toml' ? (withoutNulls(next) as JsonObject) : next;
  if (jsonEqual(before, target)) return original;

  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = detectLineEnding(original);
  const body = toLf(original.slice(bom.length));
  const finalNewline = body === '' || body.endsWith('\n');
  // The patchers expect what a front matter block always has: a line break after the last line.
  const source = finalNewline ? body : `${body}\n`;
  for (const candidate of blockCandidates(format, source, before, target)) {
    const text = bom + fromLf(withFinalNewline(candidate, finalNewline), eol);
    if (readsBackAs(text, target, (written) => parseDataFile(written, format))) return text;
  }
  throw fail(
    'internal',
    'Masthead could not write these changes without altering other values, so the file was left as it was.',
  );
}

const EMPTY_FILES: Record<DataFormat, string> = { yaml: '', toml: '', json: '{\n}\n' };

/** A new data file holding `data`, written through the same patcher as every save (so it looks like one edited in the form). */
export function createDataFile(format: DataFormat, data: FrontMatterData): string {
  const text = updateDataFile(EMPTY_FILES[format], format, data);
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Keeps the file's habit of ending (or not) with a line break, whatever the writer produced. */
function withFinalNewline(text: string, finalNewline: boolean): string {
  if (finalNewline) return text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** The front-matter parsers' messages, worded for a file that is all data. */
function asDataFileError(error: unknown): unknown {
  if (!(error instanceof AppFailure)) return error;
  const message = error.message
    .replace(/^The (JSON )?front matter/, (_, json: string | undefined) => `The ${json ?? ''}data file`)
    .replace('open the post again', 'open the file again');
  return new AppFailure({ ...error.toJSON(), message });
}
