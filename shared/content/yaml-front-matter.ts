/**
 * Reading YAML front matter, and the fallback writers used when in-place patching (yaml-patch.ts)
 * cannot express a change.
 */
import { isMap, Lexer, parseDocument, stringify } from 'yaml';
import type { YAMLError } from 'yaml';
import { fail } from '../errors';
import { inFileOrder, isJsonObject, jsonEqual, ownValue, toJsonValue } from './json-values';
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
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    // Aliases are only resolved here: one without its anchor, or too many, fail at this point.
    const reason = error instanceof Error ? error.message : String(error);
    throw fail(
      'invalid-front-matter',
      `The front matter starting on line ${firstLine} could not be read: ${reason.replace(/\.$/, '')}. Fix the alias (*name) it mentions, then open the post again.`,
      reason,
    );
  }
  const data = toJsonValue(js);
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
  return fail(
    'invalid-front-matter',
    `The front matter has a mistake on line ${line}: ${reason}. Fix that line, then open the post again.`,
    error.message,
  );
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
 * First fallback writer, used when in-place patching fails or does not read back as the requested
 * data: the yaml library's document model, changing only the top-level keys that differ. Comments
 * and most styles survive, spacing may not; an anchor on a replaced value is lost. Null when the
 * document cannot be written that way (e.g. an alias would lose its anchor).
 */
export function yamlDocumentRewrite(source: string, before: JsonObject, after: JsonObject): string | null {
  const doc = parseDocument(source, { schema: 'core' });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  for (const key of Object.keys(before)) if (ownValue(after, key) === undefined) doc.delete(key);
  for (const [key, value] of Object.entries(after)) {
    if (!jsonEqual(ownValue(before, key), value)) doc.set(key, doc.createNode(value));
  }
  try {
    return doc.toString(writeOptions(source, doc.contents));
  } catch {
    return null;
  }
}

/** Last fallback writer: the data serialized afresh in the file's key order. Comments are lost. */
export function yamlFreshRewrite(source: string, before: JsonObject, after: JsonObject): string {
  return stringify(
    inFileOrder(before, after),
    writeOptions(source, parseDocument(source, { schema: 'core' }).contents),
  );
}

function writeOptions(
  source: string,
  root: Parameters<typeof detectYamlLayout>[1],
): { indent: number; indentSeq: boolean; lineWidth: number } {
  const layout = detectYamlLayout(source, root);
  return { indent: layout.indent, indentSeq: layout.indentSeq, lineWidth: 0 };
}
