/**
 * Reading YAML front matter, and the fallback writers used when in-place patching (yaml-patch.ts)
 * cannot express a change.
 */
import { isMap, parseDocument, stringify } from 'yaml';
import type { YAMLError } from 'yaml';
import { fail } from '../errors';
import { isJsonObject, jsonEqual, ownValue, setOwn, toJsonValue } from './json-values';
import type { JsonObject } from './json-values';
import { detectYamlLayout } from './yaml-patch';

/**
 * Parses YAML front matter to JSON-compatible data. The core schema keeps dates as the strings
 * written in the file (no timestamp conversion). `firstLine` is the file line the YAML starts on.
 */
export function parseYamlFrontMatter(source: string, firstLine: number): JsonObject {
  const doc = parseDocument(source, { schema: 'core', prettyErrors: true });
  const error = doc.errors[0];
  if (error) throw yamlFailure(error, firstLine);
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

function yamlFailure(error: YAMLError, firstLine: number): Error {
  const position = error.linePos?.[0];
  const line = position ? position.line + firstLine - 1 : firstLine;
  // The library's message ends with its own (YAML-relative) position and a code excerpt; the
  // writer gets the first sentence with the file's line number, the rest goes in the detail.
  const reason = (error.message.split(/ at line \d+/)[0] ?? error.message).replace(/\.$/, '');
  return fail('invalid-front-matter', `The front matter has a mistake on line ${line}: ${reason}. Fix that line, then open the post again.`, error.message);
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
