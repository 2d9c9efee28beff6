/**
 * JSON front matter (Hugo: an object at the top of the file). Changed scalars are replaced in
 * place, removed members are cut out, new members go after the member the data puts before them.
 * When an array changes length, or an object loses every member, that one container is re-serialized with the
 * file's indentation and key order. JSON has no comments, so this only loses hand-made spacing
 * inside that container (e.g. a long array wrapped by hand).
 */
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { JsonValue } from '../api';
import { fail } from '../errors';
import { inFileOrder, isJsonObject, jsonEqual, ownValue, placeAddedKeys, toJsonValue } from './json-values';
import type { JsonObject } from './json-values';
import { applyEdits, lineNumberAt, lineStartOf } from './text-edits';
import type { TextEdit } from './text-edits';

/** Parses JSON front matter; the block must be one object. */
export function parseJsonFrontMatter(source: string, firstLine: number): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    // Engines word (and place) JSON errors differently; find the spot ourselves for a stable message.
    const offset = errorOffset(source);
    const at = offset === -1 ? 0 : offset;
    const char = source[at];
    const reason = char === undefined ? 'the object ends too early' : `unexpected ${JSON.stringify(char)}`;
    const line = lineNumberAt(source, at) + firstLine - 1;
    throw fail(
      'invalid-front-matter',
      `The JSON front matter has a mistake on line ${line}: ${reason}. Fix that line, then open the post again.`,
      error instanceof Error ? error.message : String(error),
    );
  }
  const data = toJsonValue(value);
  if (!isJsonObject(data))
    throw fail('invalid-front-matter', `The JSON front matter on line ${firstLine} must be one object of fields.`);
  return data;
}

/** A parsed JSON value with its source span. */
type Spanned =
  | { kind: 'object'; start: number; end: number; members: Array<{ key: string; keyStart: number; value: Spanned }> }
  | { kind: 'array'; start: number; end: number; items: Spanned[] }
  | { kind: 'scalar'; start: number; end: number };

/** Patches JSON `source` (holding `before`) so it holds `after`. */
export function patchJson(source: string, before: JsonObject, after: JsonObject): string | null {
  const tree = spannedTree(source);
  if (!tree || tree.kind !== 'object') return null;
  const unit = indentUnit(source);
  const edits: TextEdit[] = [];
  patchNode(source, tree, before, after, unit, edits);
  return applyEdits(source, edits);
}

function patchNode(
  source: string,
  node: Spanned,
  before: JsonValue,
  after: JsonValue,
  unit: string,
  edits: TextEdit[],
): void {
  if (jsonEqual(before, after)) return;
  if (
    node.kind === 'object' &&
    isJsonObject(before) &&
    isJsonObject(after) &&
    patchMembers(source, node, before, after, unit, edits)
  )
    return;
  if (node.kind === 'array' && Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    node.items.forEach((item, index) =>
      patchNode(source, item, before[index] ?? null, after[index] ?? null, unit, edits),
    );
    return;
  }
  const ordered = isJsonObject(before) && isJsonObject(after) ? inFileOrder(before, after) : after;
  const singleLine = !source.slice(node.start, node.end).includes('\n');
  const text = serialize(ordered, singleLine && node.kind !== 'scalar' ? '' : unit, leadingSpace(source, node.start));
  edits.push({ start: node.start, end: node.end, text });
}

/**
 * Patches an object member by member: changed values in place, removed members cut out with
 * their comma, new members after the member before them in `after`'s order, in the object's own layout. False when no
 * member survives (the caller rewrites the object).
 */
function patchMembers(
  source: string,
  node: Extract<Spanned, { kind: 'object' }>,
  before: JsonObject,
  after: JsonObject,
  unit: string,
  edits: TextEdit[],
): boolean {
  const members = node.members;
  const kept = members.map((member) => ownValue(after, member.key) !== undefined);
  const lastKept = kept.lastIndexOf(true);
  if (lastKept === -1) return false;
  const mark = edits.length;
  let index = 0;
  while (index < members.length) {
    if (kept[index]) {
      const member = members[index] as (typeof members)[number];
      patchNode(
        source,
        member.value,
        ownValue(before, member.key) ?? null,
        ownValue(after, member.key) as JsonValue,
        unit,
        edits,
      );
      index += 1;
      continue;
    }
    // A run of removed members: cut up to the next kept member, or (at the end) from the last
    // kept member's value, which takes the separating comma with it.
    let end = index;
    while (end < members.length && !kept[end]) end += 1;
    const next = members[end];
    const start = next
      ? (members[index] as (typeof members)[number]).keyStart
      : (members[lastKept] as (typeof members)[number]).value.end;
    edits.push({
      start,
      end: next ? next.keyStart : (members[end - 1] as (typeof members)[number]).value.end,
      text: '',
    });
    index = end;
  }
  const multiLine = source.slice(node.start, node.end).includes('\n');
  const survivors = members.filter((_, index) => kept[index]);
  for (const { anchor, keys } of placeAddedKeys(
    members.map((member) => member.key),
    new Set(survivors.map((member) => member.key)),
    after,
  )) {
    const neighbour = survivors.find((member) => member.key === anchor) ?? (survivors[0] as (typeof members)[number]);
    const indent = leadingSpace(source, neighbour.keyStart);
    const separator = multiLine ? `,\n${indent}` : ', ';
    const texts = keys.map(
      (key) => `${JSON.stringify(key)}: ${serialize(after[key] ?? null, multiLine ? unit : '', indent)}`,
    );
    // After its anchor's value, or (a key the data puts first) before the first surviving member.
    if (anchor !== null)
      edits.push({
        start: neighbour.value.end,
        end: neighbour.value.end,
        text: texts.map((text) => separator + text).join(''),
      });
    else
      edits.push({
        start: neighbour.keyStart,
        end: neighbour.keyStart,
        text: texts.map((text) => text + separator).join(''),
      });
  }
  return edits.length >= mark;
}

/** JSON text at `unit` indentation whose later lines are shifted to sit under `base`. */
function serialize(value: JsonValue, unit: string, base: string): string {
  if (unit === '') return compact(value);
  return JSON.stringify(value, null, unit).replace(/\n/g, `\n${base}`);
}

/** One-line JSON with a space after each comma and colon, as people write it by hand. */
function compact(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(compact).join(', ')}]`;
  if (isJsonObject(value))
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${compact(item)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

function leadingSpace(source: string, offset: number): string {
  return /^[ \t]*/.exec(source.slice(lineStartOf(source, offset), offset))?.[0] ?? '';
}

/** The file's indentation step: the leading whitespace of the first indented line. */
function indentUnit(source: string): string {
  return /\n([ \t]+)\S/.exec(source)?.[1] ?? '  ';
}

// Strict JSON, as JSON.parse reads it: no comments, no trailing commas.
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** The spanned tree of strict JSON `source`, or null when it is not valid JSON. */
function spannedTree(source: string): Spanned | null {
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, STRICT);
  return tree && errors.length === 0 ? spanned(tree) : null;
}

function spanned(node: Node): Spanned {
  const span = { start: node.offset, end: node.offset + node.length };
  if (node.type === 'object') {
    const members = (node.children ?? []).map((property) => {
      const [key, value] = property.children as [Node, Node];
      return { key: String(key.value), keyStart: property.offset, value: spanned(value) };
    });
    return { kind: 'object', ...span, members };
  }
  if (node.type === 'array') return { kind: 'array', ...span, items: (node.children ?? []).map(spanned) };
  return { kind: 'scalar', ...span };
}

/** Offset of the first thing that is not valid JSON, or -1 when the whole text is valid. */
function errorOffset(source: string): number {
  const errors: ParseError[] = [];
  parseTree(source, errors, STRICT);
  const first = errors[0];
  if (!first) return -1;
  // Point at the character that breaks the text, not at the start of its token: the line break or
  // end that leaves a string open, a bad escape or a raw control character in a string, the `e` of `1e`.
  const code = printParseErrorCode(first.error);
  if (code === 'UnexpectedEndOfString') return first.offset + first.length;
  if (code === 'InvalidEscapeCharacter' || code === 'InvalidUnicode' || code === 'InvalidCharacter') {
    const token = source.slice(first.offset, first.offset + first.length);
    const escape = token.search(/\\(?!["\\/bfnrt]|u[0-9a-fA-F]{4})/);
    // By UTF-16 index, as offsets are (spreading the string would count code points).
    const control = Array.from({ length: token.length }, (_, index) => token.charCodeAt(index)).findIndex(
      (code) => code < 0x20,
    );
    const at = [escape, control].filter((index) => index >= 0);
    return first.offset + (at.length > 0 ? Math.min(...at) : 0);
  }
  if (code === 'UnexpectedEndOfNumber' || code === 'InvalidNumberFormat') {
    return first.offset + (/^-?(?:0|[1-9]\d*)(?:\.\d+)?/.exec(source.slice(first.offset))?.[0].length ?? 0);
  }
  return first.offset;
}
