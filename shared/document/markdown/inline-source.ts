/**
 * Inline-level source preservation, as pure string code. An imported text run remembers its
 * source slice (`s`) and, when they differ, the text the editor showed for it (`d`: escapes and
 * character references decoded, soft line breaks as spaces). When the run is edited, the edit is
 * located by comparing the new text with `d`, and the source before and after it is kept byte for
 * byte — so `\(`, `&amp;`, `\*` and line breaks the writer did not touch stay as they were.
 */

/** What an imported text run remembers: its source and, when it differs, its shown text. */
export interface TextSource {
  /** The exact source slice (container prefixes such as `> ` removed after line breaks). */
  s: string;
  /** The text shown in the editor, when it differs from `s`. */
  d?: string;
  /** The slice is a whole code span (backticks included) rather than text. */
  code?: boolean;
}

/** Validates a stored {@link TextSource}. */
export function parseTextSource(value: unknown): TextSource | null {
  if (typeof value !== 'object' || value === null) return null;
  const { s, d, code } = value as Record<string, unknown>;
  if (typeof s !== 'string') return null;
  return { s, ...(typeof d === 'string' ? { d } : {}), ...(code === true ? { code: true } : {}) };
}

/** A soft line break in a text value (mdast keeps the line ending, strips the spaces around it). */
const VALUE_BREAK = /\r\n|\r|\n/g;

/** The text the editor shows for an mdast text value: soft line breaks read as spaces. */
export function displayText(value: string): string {
  return value.includes('\n') || value.includes('\r') ? value.replace(VALUE_BREAK, ' ') : value;
}

/** Removes what containers put at the start of continuation lines (`> `, list indentation). */
export function stripLinePrefixes(source: string): string {
  return source.includes('\n') || source.includes('\r') ? source.replace(/(\r\n|\r|\n)[ \t>]*/g, '$1') : source;
}

const SOURCE_BREAK = /[ \t]*(?:\r\n|\r|\n)[ \t]*/y;
const CHARACTER_REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** How the shown text lines up with the source, character by character. */
export interface Alignment {
  /** For each position of the shown text (and its end), where it starts in the source; -1 inside a character reference. */
  starts: Int32Array;
  /** The shown positions that are soft line breaks in the source. */
  breaks: Uint8Array;
}

/** Whether the characters after a character reference plausibly continue the alignment. */
function continues(source: string, i: number, shown: string, j: number): boolean {
  if (i === source.length || j === shown.length) return i === source.length && j === shown.length;
  const next = source.charAt(i);
  return (
    next === shown.charAt(j) ||
    next === '\\' ||
    next === '&' ||
    next === ' ' ||
    next === '\t' ||
    next === '\n' ||
    next === '\r'
  );
}

/** Lines `shown` up with `source`; null when they do not correspond (the run is then treated as new). */
export function alignSource(source: string, shown: string): Alignment | null {
  const starts = new Int32Array(shown.length + 1).fill(-1);
  const breaks = new Uint8Array(shown.length);
  let i = 0;
  let j = 0;
  while (j < shown.length) {
    starts[j] = i;
    const c = shown.charAt(j);
    if (c === ' ') {
      SOURCE_BREAK.lastIndex = i;
      const match = SOURCE_BREAK.exec(source);
      if (match) {
        i += match[0].length;
        breaks[j] = 1;
        j += 1;
        continue;
      }
    }
    const here = source.charAt(i);
    if (here === '\\' && ASCII_PUNCTUATION.test(source.charAt(i + 1)) && source.charAt(i + 1) === c) {
      i += 2;
      j += 1;
      continue;
    }
    if (here === '&') {
      CHARACTER_REFERENCE.lastIndex = i;
      const match = CHARACTER_REFERENCE.exec(source);
      if (match) {
        // The decoded text is one or two code points; take the length the rest agrees with.
        const end = i + match[0].length;
        const length = [1, 2, 3, 4].find((n) => j + n <= shown.length && continues(source, end, shown, j + n));
        if (length !== undefined) {
          i = end;
          j += length;
          continue;
        }
      }
    }
    if (here !== c) return null;
    i += 1;
    j += 1;
  }
  starts[shown.length] = i;
  return i === source.length ? { starts, breaks } : null;
}

/** An edited run cut into kept source, new text and kept source. */
export interface SplicedText {
  /** Source kept before the edit. */
  before: string;
  /** The new text, as typed (unescaped). */
  middle: string;
  /** Source kept after the edit. */
  after: string;
  /** `before` and `after` as text values, their soft line breaks as line endings (for re-serializing). */
  beforeValue: string;
  afterValue: string;
}

function valueOf(shown: string, breaks: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k += 1) out += breaks[k] === 1 ? '\n' : shown.charAt(k);
  return out;
}

/**
 * Locates the edit between the run's recorded source and its current text: the common start and
 * end are kept as source, the rest is new. Null when the source cannot be lined up with the text.
 */
export function spliceText(record: TextSource, text: string): SplicedText | null {
  const shown = record.d ?? record.s;
  const alignment = alignSource(record.s, shown);
  if (!alignment) return null;
  const { starts, breaks } = alignment;
  const limit = Math.min(shown.length, text.length);
  let prefix = 0;
  while (prefix < limit && shown.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    shown.charCodeAt(shown.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  )
    suffix += 1;
  // Never cut inside a character reference.
  while (prefix > 0 && (starts[prefix] as number) < 0) prefix -= 1;
  while (suffix > 0 && (starts[shown.length - suffix] as number) < 0) suffix -= 1;
  const cutBefore = starts[prefix] as number;
  const cutAfter = starts[shown.length - suffix] as number;
  return {
    before: record.s.slice(0, cutBefore),
    middle: text.slice(prefix, text.length - suffix),
    after: record.s.slice(cutAfter),
    beforeValue: valueOf(shown, breaks, 0, prefix),
    afterValue: valueOf(shown, breaks, shown.length - suffix, shown.length),
  };
}

/** The content of a code span's source (`` `` a ` b `` `` → `` a ` b ``), as CommonMark reads it. */
export function codeSpanValue(source: string): string {
  const fence = /^`+/.exec(source)?.[0].length ?? 0;
  let inner = source.slice(fence, source.length - fence).replace(/\r\n|\r|\n/g, ' ');
  if (inner.length >= 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '')
    inner = inner.slice(1, -1);
  return inner;
}

const WHITESPACE = /^[\s\u00a0]?$/u;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;

function leftFlanking(before: string, after: string): boolean {
  return !WHITESPACE.test(after) && (!PUNCTUATION.test(after) || WHITESPACE.test(before) || PUNCTUATION.test(before));
}

function rightFlanking(before: string, after: string): boolean {
  return !WHITESPACE.test(before) && (!PUNCTUATION.test(before) || WHITESPACE.test(after) || PUNCTUATION.test(after));
}

/**
 * Escapes newly typed text only where it could start Markdown: a `*`, `_` or `~` run that could
 * open or close emphasis (not `2 * 3`, not `snake_case`), backticks, `[`, a `<` that could start a
 * tag or autolink, a `&` that would read as a character reference, and a backslash before
 * punctuation. `before` and `after` are the characters around it in the output ('' when unknown).
 * The exporter checks the result reads as intended and escapes more when it does not.
 */
export function escapeTyped(text: string, before = '', after = ''): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const c = text.charAt(index);
    if (c === '*' || c === '_' || c === '~') {
      let end = index;
      while (text.charAt(end) === c) end += 1;
      const prev = index === 0 ? before.slice(-1) : text.charAt(index - 1);
      const next = end === text.length ? after.charAt(0) : text.charAt(end);
      const left = leftFlanking(prev, next);
      const right = rightFlanking(prev, next);
      // An underscore run inside a word neither opens nor closes emphasis.
      const active =
        c === '_'
          ? (left && !(right && !PUNCTUATION.test(prev))) || (right && !(left && !PUNCTUATION.test(next)))
          : left || right;
      out += active ? `\\${c}`.repeat(end - index) : c.repeat(end - index);
      index = end;
      continue;
    }
    const rest = text.slice(index + 1) + after;
    if (c === '`' || c === '[') out += `\\${c}`;
    else if (c === '<' && /^[A-Za-z/!?]/.test(rest)) out += '\\<';
    else if (c === '&' && /^(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/.test(rest)) out += '\\&';
    else if (c === '\\' && (rest === '' || ASCII_PUNCTUATION.test(rest.charAt(0)))) out += '\\\\';
    else out += c;
    index += 1;
  }
  return out;
}
