/**
 * A small TOML source scanner: where each `key = value` line and each `[table]` header sits in the
 * text. smol-toml gives the values but no positions; this gives positions so changed values can be
 * replaced in place. It does not validate (smol-toml has already parsed the same text) and
 * returns null on anything it does not follow.
 */

/** One `key = value` line. */
export interface TomlEntry {
  /** The table the entry sits in (from the last header); [] for the top level. */
  table: string[];
  /** True when that table is an `[[array.of.tables]]` element. */
  inArrayTable: boolean;
  /** The key as written, split on dots: `seo.title` → ['seo', 'title']. */
  key: string[];
  lineStart: number;
  valueStart: number;
  valueEnd: number;
  /** Start of the line after the entry (past its value, comment and line break). */
  nextLine: number;
}

/** One `[table]` or `[[array.of.tables]]` header line. */
export interface TomlHeader {
  path: string[];
  array: boolean;
  lineStart: number;
  nextLine: number;
}

/** Every entry and header of a TOML document, in source order. */
export interface TomlLayout {
  entries: TomlEntry[];
  headers: TomlHeader[];
}

const BARE_KEY = /[A-Za-z0-9_-]/;
const ESCAPES: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  e: '\u001b',
  '"': '"',
  '\\': '\\',
};

/** Scans TOML source into entries and headers; null when the text is not what it expects. */
export function scanToml(source: string): TomlLayout | null {
  const layout: TomlLayout = { entries: [], headers: [] };
  let table: string[] = [];
  let inArrayTable = false;
  let at = 0;
  while (at < source.length) {
    const lineStart = at;
    at = skipSpaces(source, at);
    const char = source[at];
    if (char === '\n' || char === '\r' || char === '#' || char === undefined) {
      at = endOfLine(source, at);
      if (at === -1) return null;
      continue;
    }
    if (char === '[') {
      const array = source[at + 1] === '[';
      const key = readKey(source, at + (array ? 2 : 1));
      if (!key) return null;
      let close = skipSpaces(source, key.end);
      if (source.slice(close, close + (array ? 2 : 1)) !== (array ? ']]' : ']')) return null;
      close += array ? 2 : 1;
      const nextLine = endOfLine(source, close);
      if (nextLine === -1) return null;
      layout.headers.push({ path: key.parts, array, lineStart, nextLine });
      table = key.parts;
      inArrayTable = array;
      at = nextLine;
      continue;
    }
    const key = readKey(source, at);
    if (!key) return null;
    const equals = skipSpaces(source, key.end);
    if (source[equals] !== '=') return null;
    const valueStart = skipSpaces(source, equals + 1);
    const valueEnd = valueEndFrom(source, valueStart);
    if (valueEnd === -1) return null;
    const nextLine = endOfLine(source, valueEnd);
    if (nextLine === -1) return null;
    layout.entries.push({ table, inArrayTable, key: key.parts, lineStart, valueStart, valueEnd, nextLine });
    at = nextLine;
  }
  return layout;
}

function skipSpaces(source: string, at: number): number {
  while (source[at] === ' ' || source[at] === '\t') at += 1;
  return at;
}

/** After optional spaces and a comment, the start of the next line; -1 if other text follows. */
function endOfLine(source: string, at: number): number {
  at = skipSpaces(source, at);
  if (source[at] === '#') while (at < source.length && source[at] !== '\n') at += 1;
  if (source[at] === '\r') at += 1;
  if (at >= source.length) return source.length;
  return source[at] === '\n' ? at + 1 : -1;
}

/** A dotted key starting at `at` (spaces allowed around dots). */
function readKey(source: string, at: number): { parts: string[]; end: number } | null {
  const parts: string[] = [];
  for (;;) {
    at = skipSpaces(source, at);
    const char = source[at];
    if (char === '"' || char === "'") {
      const end = stringEnd(source, at);
      if (end === -1) return null;
      parts.push(char === '"' ? decodeBasic(source.slice(at + 1, end - 1)) : source.slice(at + 1, end - 1));
      at = end;
    } else {
      const start = at;
      while (at < source.length && BARE_KEY.test(source[at] as string)) at += 1;
      if (at === start) return null;
      parts.push(source.slice(start, at));
    }
    const after = skipSpaces(source, at);
    if (source[after] !== '.') return { parts, end: at };
    at = after + 1;
  }
}

function decodeBasic(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
    if (escape.length > 1) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    return ESCAPES[escape] ?? escape;
  });
}

/** End (exclusive) of the string literal starting at `at`, any of TOML's four kinds; -1 if unclosed. */
function stringEnd(source: string, at: number): number {
  const quote = source[at] as string;
  const triple = source.startsWith(quote.repeat(3), at);
  const escapes = quote === '"';
  let index = at + (triple ? 3 : 1);
  while (index < source.length) {
    const char = source[index];
    if (escapes && char === '\\') index += 2;
    else if (!triple && char === '\n') return -1;
    else if (char === quote && (!triple || source.startsWith(quote.repeat(3), index))) {
      if (!triple) return index + 1;
      // Up to two quotes may sit right before the closing delimiter: `""""` ends one quote in.
      let end = index + 3;
      while (end < index + 5 && source[end] === quote) end += 1;
      return end;
    } else index += 1;
  }
  return -1;
}

/** End (exclusive) of the value starting at `at`; -1 when it cannot be followed. */
function valueEndFrom(source: string, at: number): number {
  const char = source[at];
  if (char === '"' || char === "'") return stringEnd(source, at);
  if (char === '[' || char === '{') {
    let depth = 0;
    let index = at;
    while (index < source.length) {
      const current = source[index];
      if (current === '"' || current === "'") {
        index = stringEnd(source, index);
        if (index === -1) return -1;
        continue;
      }
      if (current === '#') {
        while (index < source.length && source[index] !== '\n') index += 1;
        continue;
      }
      if (current === '[' || current === '{') depth += 1;
      else if (current === ']' || current === '}') {
        depth -= 1;
        if (depth === 0) return index + 1;
      }
      index += 1;
    }
    return -1;
  }
  // Bare values (numbers, booleans, dates such as `2026-02-23 10:00:00`) run to a comment or the line end.
  let end = at;
  while (end < source.length && source[end] !== '\n' && source[end] !== '#') end += 1;
  while (end > at && /\s/.test(source[end - 1] as string)) end -= 1;
  return end > at ? end : -1;
}
