/**
 * Reading the values of a YAML front matter block quickly, for indexing a whole repository.
 *
 * The `yaml` library is what the editor reads and patches front matter with (it keeps the node
 * ranges a lossless patch needs), but it costs ~0.2 ms per 10-line block: 2 s for 10,000 posts.
 * js-yaml reads the same block about 9× faster, so the index uses it where both libraries are known
 * to agree: the core schema (dates stay strings), no anchors, aliases, tags or merge keys, no
 * binary integers (js-yaml reads `0b101` as 5, the core schema as a string), no quoted string
 * running over several lines (js-yaml does not check their indentation). Anything else, and
 * anything js-yaml refuses, goes to the editor's reader, so errors read the same as in the editor.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isJsonObject, toJsonValue } from './json-values';
import type { JsonObject } from './json-values';
import { parseYamlFrontMatter } from './yaml-front-matter';

/** An anchor, alias or tag at the start of a value, a merge key, or a binary integer. */
const OUTSIDE_FAST_PATH = /(?:^|[\s:,[{-])[&*!]|<<|\b0b[01]/m;

/** The data of a YAML front matter block (LF source); same result and errors as parseYamlFrontMatter. */
export function readYamlValues(source: string, firstLine: number): JsonObject {
  if (OUTSIDE_FAST_PATH.test(source) || hasQuoteSpanningLines(source)) return parseYamlFrontMatter(source, firstLine);
  let raw: unknown;
  try {
    raw = load(source, { schema: CORE_SCHEMA, json: false });
  } catch {
    return parseYamlFrontMatter(source, firstLine);
  }
  if (raw === undefined || raw === null) return {};
  const data = toJsonValue(raw);
  // A block that is not a mapping: the editor's reader words the error.
  return isJsonObject(data) ? data : parseYamlFrontMatter(source, firstLine);
}

/**
 * True when some line has an odd number of single quotes or of unescaped double quotes: a quoted
 * string that may go on to the next line. Also true for an apostrophe in a plain value ("Don't"),
 * which only costs the slower reader.
 */
function hasQuoteSpanningLines(source: string): boolean {
  for (const line of source.split('\n')) {
    if (!line.includes("'") && !line.includes('"')) continue;
    if ((line.split("'").length - 1) % 2 === 1) return true;
    if ((line.replace(/\\./g, '').split('"').length - 1) % 2 === 1) return true;
  }
  return false;
}
