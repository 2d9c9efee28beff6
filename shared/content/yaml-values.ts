/**
 * Reading the values of a YAML front matter block quickly, for indexing a whole repository.
 *
 * The `yaml` library is what the editor reads and patches front matter with (it keeps the node
 * ranges a lossless patch needs), but it costs ~0.2 ms per 10-line block: 2 s for 10,000 posts.
 * js-yaml reads the same block about 9× faster, so the index uses it where both libraries are known
 * to agree: the core schema (dates stay strings), no anchors, aliases, tags or merge keys, no
 * binary or signed hex/octal integers, no signed floats starting with a dot, no quoted string or
 * flow collection running over several lines (see OUTSIDE_FAST_PATH and spansLines). Anything else, and
 * anything js-yaml refuses, goes to the editor's reader, so errors read the same as in the editor.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isJsonObject, toJsonValue } from './json-values';
import type { JsonObject } from './json-values';
import { parseYamlFrontMatter } from './yaml-front-matter';

/**
 * Where the two libraries read differently: an anchor, alias or tag at the start of a value; a merge
 * key; a binary, signed hex or octal integer, or a signed float starting with a dot; an exponent
 * beyond a double (`1e400`); a `null`/`~` key or a flow collection as a key; a `...` line.
 */
const OUTSIDE_FAST_PATH =
  /(?:^|[\s:,[{-])[&*!]|<<|\b0b[01]|[-+](?:\.\d|0[xo])|\d[eE][-+]?\d{3}|^[ \t-]*(?:(?:null|Null|NULL|~)[ \t]*:|[[{].*[\]}][ \t]*:(?:[ \t]|$)|\?[ \t])|^\.\.\./m;

/** The data of a YAML front matter block (LF source); same result and errors as parseYamlFrontMatter. */
export function readYamlValues(source: string, firstLine: number): JsonObject {
  if (OUTSIDE_FAST_PATH.test(source) || spansLines(source)) return parseYamlFrontMatter(source, firstLine);
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
 * True when a quoted string or a flow collection may go on to the next line (js-yaml does not check
 * their indentation): some line has an odd number of single quotes or of unescaped double quotes,
 * or opens more brackets than it closes. Also true for an apostrophe in a plain value ("Don't") or
 * a lone bracket in text, which only costs the slower reader.
 */
function spansLines(source: string): boolean {
  // One pass over the characters, per line: this runs for every post of a repository.
  let single = 0;
  let double = 0;
  let brackets = 0;
  for (let index = 0; index <= source.length; index++) {
    const char = index === source.length ? '\n' : source[index];
    if (char === '\n') {
      if (single % 2 === 1 || double % 2 === 1 || brackets > 0) return true;
      single = double = brackets = 0;
    } else if (char === "'") single++;
    else if (char === '"') double++;
    else if (char === '\\')
      index++; // an escaped character (in a double-quoted string) counts for nothing
    else if (char === '[' || char === '{') brackets++;
    else if (char === ']' || char === '}') brackets--;
  }
  return false;
}
