/**
 * Reading YAML front matter, and the fallback writers used when in-place patching (yaml-patch.ts)
 * cannot express a change.
 */
import { isMap, Lexer, parseDocument, stringify } from 'yaml';
import type { YAMLError } from 'yaml';
import { fail } from '../errors';
import { isJsonObject, jsonEqual, ownValue, setOwn, toJsonValue } from './json-values';
import type { JsonObject } from './json-values';
import { lineNumberAt } from './text-edits';
import { detectYamlLayout } from './yaml-patch';

/**
 * Parses YAML front matter to JSON-compatible data. The core schema keeps dates as the strings
 * written in the file (no timestamp conversion). `firstLine` is the file line the YAML starts on.
 */
export function parseYamlFrontMatter(source: string, firstLine: number): JsonObject {
  const doc = parseDocument(source, { schema: 'core', prettyErrors: true });
  const error = doc.errors[0];
  if (error) throw yamlFailure(source, error, firstLine);
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) {
    throw fail(
      'invalid-front-matter',
      `The front matter starting on line ${firstLine} is not a list of "key: value" fields. Write one field per line, such as "title: My post".`,
    );
  }
  const data = toJsonValue(doc.toJS({ maxAliasCount: 1000 }));
  return isJsonObject(data) ? data : {};
}

function yamlFailure(source: string, error: YAMLError, firstLine: number): Error {
  const position = error.linePos?.[0];
  const unclosed = error.code === 'MISSING_CHAR' ? unclosedQuoteOffset(source) : -1;
  // An unclosed quote is only noticed at the end of the block; the writer needs the line it opens on.
  const relative = unclosed >= 0 ? lineNumberAt(source, unclosed) : (position?.line ?? 1);
  const line = relative + firstLine - 1;
  // The library's message ends with its own (YAML-relative) position and a code excerpt; the
  // writer gets the first sentence with the file's line number, the rest goes in the detail.
  const reason = (error.message.split(/ at line \d+/)[0] ?? error.message).replace(/\.$/, '');
  return fail('invalid-front-matter', `The front matter has a mistake on line ${line}: ${reason}. Fix that line, then open the post again.`, error.message);
}

/** Offset of the first quoted scalar that never closes, or -1. */
function unclosedQuoteOffset(source: string): number {
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    const quote = token[0];
    if ((quote === '"' || quote === "'") && !closesQuote(token)) return offset;
    // The lexer interleaves zero-width markers (document start, scalar, flow end) with source text.
    if (!['\u0002', '\u0018', '\u001f'].includes(token)) offset += token.length;
  }
  return -1;
}

function closesQuote(token: string): boolean {
  const quote = token[0] as string;
  if (token.length < 2 || !token.endsWith(quote)) return false;
  if (quote === "'") return true;
  // A double quote preceded by an odd run of backslashes is escaped, not closing.
  const backslashes = /\\*$/.exec(token.slice(1, -1))?.[0].length ?? 0;
  return backslashes % 2 === 0;
}

/**
 * Fallback writers, best first. Both are lossy in layout, which is why they only run when
 * in-place patching fails or does not read back as the requested data:
 * 1. the yaml library's document model, changing only the top-level keys that differ (comments and
 *    most styles survive, spacing may not);
 * 2. a fresh serialization of the data in the file's key order (comments are lost).
 */
export function yamlRewrites(source: string, before: JsonObject, after: JsonObject): string[] {
  const doc = parseDocument(source, { schema: 'core' });
  const layout = detectYamlLayout(source, doc.contents);
  const options = { indent: layout.indent, indentSeq: layout.indentSeq, lineWidth: 0 } as const;
  const rewrites: string[] = [];
  if (doc.errors.length === 0 && isMap(doc.contents)) {
    for (const key of Object.keys(before)) if (ownValue(after, key) === undefined) doc.delete(key);
    for (const [key, value] of Object.entries(after)) {
      if (!jsonEqual(ownValue(before, key), value)) doc.set(key, doc.createNode(value));
    }
    rewrites.push(doc.toString(options));
  }
  rewrites.push(stringify(inFileOrder(before, after), options));
  return rewrites;
}

/** `after` with the keys that were already in the file first, in the file's order. */
export function inFileOrder(before: JsonObject, after: JsonObject): JsonObject {
  const ordered: JsonObject = {};
  for (const key of [...Object.keys(before), ...Object.keys(after)]) {
    const value = ownValue(after, key);
    if (value !== undefined && !Object.prototype.hasOwnProperty.call(ordered, key)) setOwn(ordered, key, value);
  }
  return ordered;
}
