/**
 * TOML front matter (Hugo's `+++` blocks): reading with smol-toml, and patching changed values in
 * place using the positions from toml-scan.ts.
 *
 * Lossy cases, by design:
 * - TOML has no null: a null value in the edit removes that key (and null array items are dropped).
 * - A changed array or inline table is rewritten on one line (`[a, b]`, `{ k = v }`); a multi-line
 *   array's comments and line breaks go with it.
 * - A new object at the top level is appended as a `[table]` section at the end of the block; one
 *   deeper down is written as an inline table. A new plain key goes after the key before it in the
 *   data when that is a plain line of the same table, else after the table's last key.
 * - Any change inside `[[array.of.tables]]`, a table turning into a plain value, or text the
 *   scanner does not follow: the whole block is re-serialized in the file's key order, which loses
 *   comments and spacing.
 */
import { parse, stringify, TomlDate, TomlError } from 'smol-toml';
import type { JsonValue } from '../api';
import { fail } from '../errors';
import { hasControlChars } from './characters';
import { inFileOrder, isJsonObject, jsonEqual, ownValue, setOwn, toJsonValue } from './json-values';
import type { JsonObject } from './json-values';
import { applyEdits } from './text-edits';
import type { TextEdit } from './text-edits';
import { scanToml } from './toml-scan';
import type { TomlEntry } from './toml-scan';

const TOML_DATE =
  /^(\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?)?|\d{2}:\d{2}:\d{2}(\.\d+)?)$/;

/** Parses TOML front matter. Dates come out as the text written in the file where they sit on a key of their own. */
export function parseTomlFrontMatter(source: string, firstLine: number): JsonObject {
  let table: Record<string, unknown>;
  try {
    table = parse(source) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
    throw fail(
      'invalid-front-matter',
      `The front matter has a mistake on line ${error.line + firstLine - 1}: ${reason}. Fix that line, then open the post again.`,
      error.message,
    );
  }
  const data = toJsonValue(table) as JsonObject;
  // smol-toml's dates print with added milliseconds; the writer should see what the file says.
  for (const entry of scanToml(source)?.entries ?? []) {
    if (entry.inArrayTable) continue;
    const path = [...entry.table, ...entry.key];
    if (valueAt(table, path) instanceof TomlDate) setAt(data, path, source.slice(entry.valueStart, entry.valueEnd));
  }
  return data;
}

/** TOML cannot hold null: null values and items are dropped before writing. */
export function withoutNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(withoutNulls);
  if (!isJsonObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, item] of Object.entries(value)) if (item !== null) setOwn(result, key, withoutNulls(item));
  return result;
}

/** Patches LF TOML `source` (holding `before`) so it holds `after`; null when only a rewrite can. */
export function patchToml(source: string, before: JsonObject, after: JsonObject): string | null {
  const layout = scanToml(source);
  if (!layout) return null;
  const edits: TextEdit[] = [];
  const entries = layout.entries.filter((entry) => !entry.inArrayTable);
  const inlinePaths = new Set(entries.map((entry) => pathKey([...entry.table, ...entry.key])));
  for (const header of layout.headers) {
    const next = valueAt(after, header.path);
    if (header.array) {
      if (!jsonEqual(valueAt(before, header.path) as JsonValue | undefined, next as JsonValue | undefined)) return null;
    } else if (next === undefined) {
      edits.push({ start: header.lineStart, end: header.nextLine, text: '' });
    } else if (!isJsonObject(next as JsonValue)) return null;
  }
  for (const entry of entries) {
    const path = [...entry.table, ...entry.key];
    const next = valueAt(after, path) as JsonValue | undefined;
    if (next === undefined) edits.push({ start: entry.lineStart, end: entry.nextLine, text: '' });
    else if (!jsonEqual(valueAt(before, path) as JsonValue | undefined, next)) {
      const raw = source.slice(entry.valueStart, entry.valueEnd);
      edits.push({ start: entry.valueStart, end: entry.valueEnd, text: renderTomlValue(next, raw) });
    }
  }
  const additions = addMissing(source, entries, layout.headers, inlinePaths, [], before, after);
  if (additions === null) return null;
  return applyEdits(source, [...edits, ...additions]);
}

/** Inserts keys that are new in `after`, recursing into tables that already exist. */
function addMissing(
  source: string,
  entries: TomlEntry[],
  headers: ReadonlyArray<{ path: string[]; array: boolean; nextLine: number; lineStart: number }>,
  inlinePaths: Set<string>,
  path: string[],
  before: JsonObject,
  after: JsonObject,
): TextEdit[] | null {
  const edits: TextEdit[] = [];
  const sections: JsonObject = {};
  const lines: string[] = [];
  // A new plain key goes after the key the data puts before it, when that one is a plain
  // `key = value` line of this same table; otherwise with the others, after the table's last key.
  let anchor: TomlEntry | undefined;
  for (const [key, value] of Object.entries(after)) {
    const old = ownValue(before, key);
    const childPath = [...path, key];
    if (old !== undefined) {
      anchor = entries.find(
        (entry) =>
          entry.key.length === 1 &&
          entry.key[0] === key &&
          pathKey(entry.table) === pathKey(path) &&
          !entry.inArrayTable,
      );
      const table = isJsonObject(old) && isJsonObject(value) && !inlinePaths.has(pathKey(childPath));
      const hasHeader = headers.some((header) => pathKey(header.path) === pathKey(childPath));
      if (table && Object.keys(value).length === 0 && Object.keys(old).length > 0 && !hasHeader) {
        // A table made only of dotted keys (`seo.title = …`) vanishes with its last key; keep it empty.
        lines.push(`${renderTomlKey(key)} = {}`);
      } else if (table) {
        const nested = addMissing(source, entries, headers, inlinePaths, childPath, old, value);
        if (nested === null) return null;
        edits.push(...nested);
      }
    } else if (
      path.length === 0 &&
      (isJsonObject(value) || (Array.isArray(value) && value.length > 0 && value.every(isJsonObject)))
    ) {
      // Top-level tables read best as `[section]`s, which must come after every plain key.
      setOwn(sections, key, value);
    } else if (anchor) {
      const leadingBreak = anchor.nextLine === source.length && !source.endsWith('\n') ? '\n' : '';
      edits.push({
        start: anchor.nextLine,
        end: anchor.nextLine,
        text: `${leadingBreak}${renderTomlKey(key)} = ${renderTomlValue(value)}\n`,
      });
    } else {
      lines.push(`${renderTomlKey(key)} = ${renderTomlValue(value)}`);
    }
  }
  if (lines.length > 0) {
    const at = insertionPoint(source, entries, headers, path);
    if (at === null) return null;
    edits.push({
      start: at.offset,
      end: at.offset,
      text: at.leadingBreak + lines.map((line) => `${at.prefix}${line}\n`).join(''),
    });
  }
  if (Object.keys(sections).length > 0) {
    const separator = source === '' || source.endsWith('\n\n') ? '' : source.endsWith('\n') ? '\n' : '\n\n';
    const text = stringify(sections).replace(/^\n+/, '').replace(/\n*$/, '\n');
    edits.push({ start: source.length, end: source.length, text: separator + text });
  }
  return edits;
}

/** Where new keys of the table at `path` go, and the dotted prefix they need there. */
function insertionPoint(
  source: string,
  entries: TomlEntry[],
  headers: ReadonlyArray<{ path: string[]; array: boolean; nextLine: number; lineStart: number }>,
  path: string[],
): { offset: number; prefix: string; leadingBreak: string } | null {
  const leadingBreak = (offset: number): string =>
    offset === source.length && source !== '' && !source.endsWith('\n') ? '\n' : '';
  let last: TomlEntry | undefined;
  for (const entry of entries) {
    const full = [...entry.table, ...entry.key];
    if (
      entry.table.length <= path.length &&
      startsWithPath(entry.table, path.slice(0, entry.table.length)) &&
      startsWithPath(full, path) &&
      full.length > path.length
    )
      last = entry;
  }
  if (last) {
    const prefix = path.slice(last.table.length).map(renderTomlKey).join('.');
    return {
      offset: last.nextLine,
      prefix: prefix === '' ? '' : `${prefix}.`,
      leadingBreak: leadingBreak(last.nextLine),
    };
  }
  if (path.length === 0) {
    const offset = headers[0]?.lineStart ?? source.length;
    return { offset, prefix: '', leadingBreak: leadingBreak(offset) };
  }
  const header = headers.find((candidate) => !candidate.array && pathKey(candidate.path) === pathKey(path));
  return header ? { offset: header.nextLine, prefix: '', leadingBreak: leadingBreak(header.nextLine) } : null;
}

function startsWithPath(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((part, index) => path[index] === part);
}

function pathKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let current: unknown = root;
  for (const part of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || current instanceof Date)
      return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function setAt(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (typeof parent !== 'object' || parent === null || Array.isArray(parent) || last === undefined) return;
  Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
}

/** A key: bare when TOML allows, else a basic string. */
function renderTomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : basicString(key);
}

function basicString(text: string): string {
  // JSON escapes are valid TOML basic-string escapes; TOML also wants DEL escaped.
  return JSON.stringify(text).replace(/\u007f/g, '\\u007f');
}

/** A value, in the same notation as `raw` (the old value's text) where that can hold it. */
export function renderTomlValue(value: JsonValue, raw = ''): string {
  if (typeof value === 'string') {
    if (raw !== '' && !/^["']/.test(raw) && TOML_DATE.test(raw) && TOML_DATE.test(value)) return value;
    if (
      raw.startsWith("'''") &&
      !value.includes("'''") &&
      !hasControlChars(value, '\t\n', false) &&
      !value.endsWith("'")
    ) {
      return `'''${value.startsWith('\n') ? '\n' : ''}${value}'''`;
    }
    if (raw.startsWith("'") && !raw.startsWith("'''") && !value.includes("'") && !hasControlChars(value, '\t', false))
      return `'${value}'`;
    return basicString(value);
  }
  if (typeof value === 'number') {
    const floatRaw = /^[+-]?(\d[\d_]*)?\.|^[+-]?[\d_]+[eE]/.test(raw);
    return Number.isInteger(value) && floatRaw && Math.abs(value) < 1e21 ? `${value}.0` : String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const spaced = /^[[{] /.test(raw);
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== null).map((item) => renderTomlValue(item));
    return items.length === 0 ? '[]' : spaced ? `[ ${items.join(', ')} ]` : `[${items.join(', ')}]`;
  }
  if (isJsonObject(value)) {
    const pairs = Object.entries(value)
      .filter(([, item]) => item !== null)
      .map(([key, item]) => `${renderTomlKey(key)} = ${renderTomlValue(item)}`);
    return pairs.length === 0 ? '{}' : `{ ${pairs.join(', ')} }`;
  }
  return '""';
}

/**
 * The whole block re-serialized in the file's key order. Values that were dates in the file and
 * still look like dates are written as bare TOML dates again (not strings), exactly as given.
 */
export function tomlRewrite(source: string, before: JsonObject, after: JsonObject): string {
  const ordered = inFileOrder(before, after) as Record<string, unknown>;
  const dates: string[] = [];
  for (const entry of scanToml(source)?.entries ?? []) {
    if (entry.inArrayTable) continue;
    const path = [...entry.table, ...entry.key];
    const raw = source.slice(entry.valueStart, entry.valueEnd);
    const value = valueAt(ordered, path);
    if (typeof value === 'string' && TOML_DATE.test(raw) && TOML_DATE.test(value)) {
      // smol-toml would print a TomlDate with added milliseconds: write a marker, then the date itself.
      setAt(ordered, path, `\u0000date${dates.length}`);
      dates.push(value);
    }
  }
  return stringify(ordered).replace(/"\\u0000date(\d+)"/g, (marker, index: string) => dates[Number(index)] ?? marker);
}
