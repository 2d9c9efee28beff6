/**
 * Finds a post's front matter block and splits the file into parts that join back into the exact
 * original text. Formats follow Hugo's conventions: YAML between `---` lines, TOML between `+++`
 * lines, or a JSON object at the very top of the file.
 */
import type { FrontMatterFormat } from '../api';
import { fail } from '../errors';
import { lineNumberAt } from './text-edits';

/** A post file cut into pieces: `bom + open + matter + close + body` is the original text. */
export interface PostFileParts {
  /** A leading UTF-8 byte order mark, or ''. */
  bom: string;
  format: FrontMatterFormat;
  /** The opening fence line with its line break (`---\n`), or '' for JSON and none. */
  open: string;
  /** The front matter source as written (original line endings). JSON: the object's text. */
  matter: string;
  /** The closing fence line with its line break; for JSON, the rest of the line after `}`. */
  close: string;
  /** Everything after the front matter, as written. */
  body: string;
  /** 1-based line of the file on which `matter` starts, so errors can name file lines. */
  matterLine: number;
}

const FENCES: ReadonlyArray<{ format: 'yaml' | 'toml'; open: RegExp; close: RegExp; name: string }> = [
  // YAML may also end with `...`, the YAML document-end marker some generators write.
  { format: 'yaml', open: /^---[ \t]*\r?\n/, close: /^(?:---|\.\.\.)[ \t]*\r?$/, name: '---' },
  { format: 'toml', open: /^\+\+\+[ \t]*\r?\n/, close: /^\+\+\+[ \t]*\r?$/, name: '+++' },
];

/** Splits a post file into BOM, front matter and body. Throws `invalid-front-matter` on an unclosed block. */
export function splitPostFile(text: string): PostFileParts {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const rest = text.slice(bom.length);
  for (const fence of FENCES) {
    const opening = fence.open.exec(rest);
    if (!opening) continue;
    const open = opening[0];
    let lineStart = open.length;
    while (lineStart < rest.length) {
      const breakAt = rest.indexOf('\n', lineStart);
      const lineEnd = breakAt === -1 ? rest.length : breakAt;
      if (fence.close.test(rest.slice(lineStart, lineEnd))) {
        const after = breakAt === -1 ? rest.length : breakAt + 1;
        return {
          bom,
          format: fence.format,
          open,
          matter: rest.slice(open.length, lineStart),
          close: rest.slice(lineStart, after),
          body: rest.slice(after),
          matterLine: 2,
        };
      }
      lineStart = lineEnd + 1;
    }
    throw fail(
      'invalid-front-matter',
      `The front matter that starts on line 1 has no closing "${fence.name}" line. Add a line holding only "${fence.name}" after the last field, then open the post again.`,
    );
  }
  // Hugo's JSON front matter: an object first thing in the file. `{{` (a shortcode) is body text.
  if (/^\{[ \t]*(?:\r?\n|"|\})/.test(rest)) return splitJson(bom, rest);
  return { bom, format: 'none', open: '', matter: '', close: '', body: rest, matterLine: 1 };
}

function splitJson(bom: string, rest: string): PostFileParts {
  const end = matchingBrace(rest);
  if (end === -1) {
    throw fail(
      'invalid-front-matter',
      'The JSON front matter that starts on line 1 is never closed: a "}" is missing. Close the object, then open the post again.',
    );
  }
  const tail = /^[ \t]*(?:\r?\n|$)/.exec(rest.slice(end));
  if (!tail) {
    const line = lineNumberAt(rest, end);
    throw fail(
      'invalid-front-matter',
      `Text follows the end of the JSON front matter on line ${line}. Start the post body on the next line.`,
    );
  }
  const after = end + tail[0].length;
  return {
    bom,
    format: 'json',
    open: '',
    matter: rest.slice(0, end),
    close: tail[0],
    body: rest.slice(after),
    matterLine: 1,
  };
}

/** Offset just past the `}` closing the object that starts at offset 0, or -1. Skips strings. */
function matchingBrace(text: string): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}
