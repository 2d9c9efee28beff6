/**
 * The inline half of the quick parser (quick-parse.ts): plain text with `*emphasis*`,
 * `**strong**` (or `_` and `__`), `~~strikethrough~~`, `` `code` ``, `[links](url)`,
 * `![images](url)` and template tags, read straight into mdast, exactly as micromark and
 * mdast-util-from-markdown read them. It accepts only the unambiguous forms of each: a delimiter
 * with a letter or digit on its inner side and a space, a line end or ASCII punctuation on its
 * outer side, nothing nested, escapes only of punctuation in plain text, template tags on one
 * line, no entities, HTML or text a GFM autolink could match. Anything else makes it answer null,
 * and the block goes to micromark. test/unit/shared/document/markdown/quick-parse.test.ts
 * compares its trees with micromark's on the fixtures, the CommonMark spec and generated text.
 */
import type { Image, Link, PhrasingContent, Text } from 'mdast';
import type { Point } from 'unist';

/** One line of a block's inline content: its source range and where its line starts. */
export interface ContentLine {
  /** Offset of the content's first character (after any block marker). */
  start: number;
  /** Offset just past the content's last character (before the line ending). */
  end: number;
  /** The line's number, counted from 1. */
  line: number;
  /** Offset of the line's first character, for columns. */
  lineStart: number;
}

// Text a GFM autolink literal could start in (mdast-util-gfm-autolink-literal's expressions
// need one of these), or the syntax side's protocols and e-mail addresses.
const MAY_AUTOLINK = /https?:|www\.|@|mailto:|xmpp:/i;
// ASCII characters that are literal text wherever they stand in running text.
const PLAIN_ASCII = /^[A-Za-z0-9 !"#$%'()+,\-./:;=>?@^}]$/;
// Punctuation that may stand on the outer side of a delimiter: ASCII punctuation (except the
// delimiters and the characters rejected above) and typographic quotes, dashes and the ellipsis.
const OUTER_PUNCTUATION = /^[!"#$%'()+,\-./:;=>?@^}\]‘’“”–—…]$/;
const WORD = /^[\p{L}\p{N}]$/u;
// URL characters read literally in a link destination (no escapes, entities, spaces or parentheses).
const URL = /^[A-Za-z0-9\-._~:/?#%+,;=@!$'*]+$/;
// A link title after one space: double quotes around text with no quote, escape or entity.
const TITLE = /^ "([^"\\&()\n]*)"$/;

const STAR = 42;
const BACKTICK = 96;
const BRACKET = 91;
const BANG = 33;
const UNDERSCORE = 95;
const TILDE = 126;
const BACKSLASH = 92;
const BRACE = 123;
// What a backslash escapes (CommonMark's ASCII punctuation); before anything else it is literal.
const ESCAPABLE = /^[!-/:-@[-`{-~]$/;

const isWord = (code: number): boolean => (code < 128 ? isAsciiWord(code) : WORD.test(String.fromCharCode(code)));
const isAsciiWord = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** Literal text: plain ASCII, or any character beyond ASCII. `!` is plain unless a `[` follows. */
const isPlain = (code: number, next: number): boolean =>
  code >= 128 ? true : code === BANG ? next !== BRACKET : PLAIN_ASCII.test(String.fromCharCode(code));

/** Reads the inline content of `lines`; null when any of it is not in the quick parser's subset. */
export function quickInline(md: string, lines: readonly ContentLine[]): PhrasingContent[] | null {
  const out: PhrasingContent[] = [];
  let text = '';
  let textStart: Point | null = null;
  let textEnd: Point | null = null;

  const addText = (from: number, to: number, at: ContentLine): void => {
    if (to <= from) return;
    textStart ??= pointAt(from, at);
    text += md.slice(from, to);
    textEnd = pointAt(to, at);
  };
  const flush = (): boolean => {
    if (textStart === null || textEnd === null) return true;
    if (MAY_AUTOLINK.test(text)) return false;
    out.push({ type: 'text', value: text, position: { start: textStart, end: textEnd } });
    text = '';
    textStart = null;
    textEnd = null;
    return true;
  };

  for (let index = 0; index < lines.length; index++) {
    const at = lines[index]!;
    const last = index === lines.length - 1;
    let plainFrom = at.start;
    let i = at.start;
    while (i < at.end) {
      const code = md.charCodeAt(i);
      const next = i + 1 < at.end ? md.charCodeAt(i + 1) : -1;
      if (isPlain(code, next)) {
        i++;
        continue;
      }
      if (code === BACKSLASH) {
        // An escaped punctuation character is text: the backslash is in the source, not the value.
        if (!ESCAPABLE.test(String.fromCharCode(next))) return null;
        addText(plainFrom, i, at);
        textStart ??= pointAt(i, at);
        text += String.fromCharCode(next);
        textEnd = pointAt(i + 2, at);
        i += 2;
        plainFrom = i;
        continue;
      }
      let node: PhrasingContent | null = null;
      let after = -1;
      if (code === STAR || code === UNDERSCORE || code === TILDE) [node, after] = emphasis(md, i, at);
      else if (code === BANG) [node, after] = image(md, i, at);
      else if (code === BACKTICK) [node, after] = inlineCode(md, i, at);
      else if (code === BRACKET) [node, after] = link(md, i, at);
      else if (code === BRACE) [node, after] = templateTag(md, i, at);
      if (node === null) return null;
      addText(plainFrom, i, at);
      if (!flush()) return null;
      out.push(node);
      i = after;
      plainFrom = after;
    }
    addText(plainFrom, at.end, at);
    if (!last) {
      // The line ending is text, from the end of this line to the start of the next source line.
      textStart ??= pointAt(at.end, at);
      text += '\n';
      const nextLine = lines[index + 1]!;
      textEnd = { line: nextLine.line, column: 1, offset: nextLine.lineStart };
    }
  }
  return flush() ? out : null;
}

function pointAt(offset: number, at: ContentLine): Point {
  return { line: at.line, column: offset - at.lineStart + 1, offset };
}

/** Whether every character of `md` in [from, to) is literal text. */
function allPlain(md: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isPlain(md.charCodeAt(i), i + 1 < to ? md.charCodeAt(i + 1) : -1)) return false;
  return true;
}

/** A space, a line edge or outer punctuation: what may stand outside a delimiter. */
function outerSide(md: string, offset: number, at: ContentLine): boolean {
  if (offset < at.start || offset >= at.end) return true;
  const code = md.charCodeAt(offset);
  return code === 32 || OUTER_PUNCTUATION.test(String.fromCharCode(code));
}

function textNode(md: string, from: number, to: number, at: ContentLine): Text | null {
  const value = md.slice(from, to);
  if (MAY_AUTOLINK.test(value)) return null;
  return { type: 'text', value, position: { start: pointAt(from, at), end: pointAt(to, at) } };
}

type Read = [PhrasingContent | null, number];

/**
 * `*text*`, `**text**`, `_text_`, `__text__`, or GFM's `~text~` and `~~text~~` (strikethrough)
 * at `i`: plain text inside, a word character on
 * each inner side, a space, line edge or punctuation on each outer side (so `_` within a word,
 * which never delimits, is left to micromark).
 */
function emphasis(md: string, i: number, at: ContentLine): Read {
  const delimiter = md.charCodeAt(i);
  const run = md.charCodeAt(i + 1) === delimiter ? 2 : 1;
  const inner = i + run;
  if (md.charCodeAt(inner) === delimiter || !outerSide(md, i - 1, at) || inner >= at.end) return [null, 0];
  if (!isWord(md.charCodeAt(inner))) return [null, 0];
  const close = md.indexOf(String.fromCharCode(delimiter), inner);
  if (close < 0 || close + run > at.end || !isWord(md.charCodeAt(close - 1))) return [null, 0];
  if (run === 2 && md.charCodeAt(close + 1) !== delimiter) return [null, 0];
  const after = close + run;
  if (after < at.end && md.charCodeAt(after) === delimiter) return [null, 0];
  if (!outerSide(md, after, at)) return [null, 0];
  if (!allPlain(md, inner, close)) return [null, 0];
  const child = textNode(md, inner, close, at);
  if (child === null) return [null, 0];
  const position = { start: pointAt(i, at), end: pointAt(after, at) };
  const type = delimiter === TILDE ? 'delete' : run === 1 ? 'emphasis' : 'strong';
  return [{ type, children: [child], position }, after];
}

/** `` `code` ``: one backtick each side, no backtick, line ending or edge space inside. */
function inlineCode(md: string, i: number, at: ContentLine): Read {
  if (md.charCodeAt(i + 1) === BACKTICK) return [null, 0];
  const close = md.indexOf('`', i + 1);
  if (close < 0 || close >= at.end || close === i + 1 || md.charCodeAt(close + 1) === BACKTICK) return [null, 0];
  if (md.charCodeAt(i + 1) === 32 || md.charCodeAt(close - 1) === 32) return [null, 0];
  for (let c = i + 1; c < close; c++) if (md.charCodeAt(c) < 32) return [null, 0];
  const position = { start: pointAt(i, at), end: pointAt(close + 1, at) };
  return [{ type: 'inlineCode', value: md.slice(i + 1, close), position }, close + 1];
}

/**
 * The parts of `[text](url)` or `[text](url "title")` with its `[` at `open`: plain text, literal
 * URL characters, a title in double quotes with no quote, parenthesis, escape or entity in it.
 */
function resource(
  md: string,
  open: number,
  at: ContentLine,
): { text: Text; url: string; title: string | null; end: number } | null {
  const close = md.indexOf(']', open + 1);
  if (close < 0 || close + 1 >= at.end || md.charCodeAt(close + 1) !== 40) return null;
  const first = md.charCodeAt(open + 1);
  if (close === open + 1 || first === 32 || first === 94 || md.charCodeAt(close - 1) === 32) return null;
  if (!allPlain(md, open + 1, close)) return null;
  const end = md.indexOf(')', close + 2);
  if (end < 0 || end >= at.end) return null;
  const inside = md.slice(close + 2, end);
  const space = inside.indexOf(' ');
  const url = space < 0 ? inside : inside.slice(0, space);
  const title = space < 0 ? null : TITLE.exec(inside.slice(space))?.[1];
  const text = textNode(md, open + 1, close, at);
  if (!URL.test(url) || title === undefined || text === null) return null;
  return { text, url, title, end: end + 1 };
}

/** `[text](url)` at `i`. */
function link(md: string, i: number, at: ContentLine): Read {
  const parts = resource(md, i, at);
  if (parts === null) return [null, 0];
  const position = { start: pointAt(i, at), end: pointAt(parts.end, at) };
  const node: Link = { type: 'link', title: parts.title, url: parts.url, children: [parts.text], position };
  return [node, parts.end];
}

/** `![alt](url)` at `i`. */
function image(md: string, i: number, at: ContentLine): Read {
  const parts = resource(md, i + 1, at);
  if (parts === null) return [null, 0];
  const position = { start: pointAt(i, at), end: pointAt(parts.end, at) };
  const node: Image = { type: 'image', title: parts.title, url: parts.url, alt: parts.text.value, position };
  return [node, parts.end];
}

/**
 * A template tag on one line at `i` (constructs/shortcode/syntax.ts): `{{< … >}}`, `{{% … %}}`,
 * `{{ … }}` or `{% … %}`, whatever is inside, up to the first closing sequence. The tag's whole
 * source is its value.
 */
function templateTag(md: string, i: number, at: ContentLine): Read {
  const second = md[i + 1];
  const third = md[i + 2];
  let closing: string;
  let from: number;
  if (second === '%') [closing, from] = ['%}', i + 2];
  else if (second !== '{') return [null, 0];
  else if (third === '<' || third === '%') [closing, from] = [`${third === '<' ? '>' : '%'}}}`, i + 3];
  else [closing, from] = ['}}', i + 2];
  const close = md.indexOf(closing, from);
  if (close < 0 || close + closing.length > at.end) return [null, 0];
  const end = close + closing.length;
  const position = { start: pointAt(i, at), end: pointAt(end, at) };
  return [{ type: 'templateTag', value: md.slice(i, end), position }, end];
}
