/**
 * The block half of the quick parser (quick-parse.ts): the top-level blocks most posts are made
 * of, in their plainest form, read straight into mdast. Each reader answers null unless the
 * block is certainly read the same way by micromark: paragraphs of lines that start with no block
 * marker and end with no trailing space, ATX headings without a closing sequence, backtick fences
 * closed by their own opening sequence, lists of one-paragraph items, block quotes of such
 * paragraphs, pipe tables (quick-table.ts) and `---`-style rules. Every reader is called at the
 * start of a line where no block is open, and every block it accepts ends at a blank line, the end
 * of the source, where a block the readers also read interrupts it, or (a heading, a fence, a
 * rule) at the end of its own last line.
 */
import type { Blockquote, List, ListItem, Paragraph, RootContent } from 'mdast';
import { quickInline, type ContentLine } from './quick-inline';
import { content, isBlank, lineAt, nextLine, nextNonBlank, span, type Line } from './quick-lines';
import { table } from './quick-table';

/** A block the quick parser read: its node, where its source ends, and the line it ends on. */
export interface QuickBlock {
  node: RootContent;
  end: number;
  endLine: number;
}

// First characters that may open a block, continue an indented one or underline a heading.
const BLOCK_START = new Set([' ', '\t', '#', '>', '-', '+', '=', '<', '|', ':', '~']);
const ORDERED_MARKER = /^(\d{1,9})([.)]) /;
// Text starting like an ordered list item, even an empty one.
const ORDERED_START = /^\d{1,9}[.)]/;
// Lines that end a paragraph by starting a block the quick readers may read: a bullet item with
// content, an ATX heading, a block quote, a backtick fence.
const INTERRUPTS = /^(?:[-*+] \S|#{1,6} |>|```)/;
const THEMATIC_BREAK = /^(?:-{3,}|\*{3,}|_{3,})$/;
const FENCE_INFO = /^[A-Za-z0-9_+.#-]*$/;
// Any line a backtick fence could take as its closing (CommonMark allows indentation and spaces).
const MAY_CLOSE_FENCE = /^ {0,3}`{3,}[ \t]*$/;

/**
 * Whether text from `start` to `end` reads as a paragraph line in any block: nothing at its
 * start that opens or interrupts a block, no trailing space (hard breaks) and no carriage return.
 */
function plainLine(md: string, start: number, end: number): boolean {
  if (end <= start || BLOCK_START.has(md[start]!)) return false;
  const last = md.charCodeAt(end - 1);
  if (last === 32 || last === 9) return false;
  return !ORDERED_START.test(md.slice(start, start + 11));
}

function paragraph(md: string, lines: readonly ContentLine[]): Paragraph | null {
  const children = quickInline(md, lines);
  if (children === null) return null;
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  return {
    type: 'paragraph',
    children,
    position: {
      start: { line: first.line, column: first.start - first.lineStart + 1, offset: first.start },
      end: { line: last.line, column: last.end - last.lineStart + 1, offset: last.end },
    },
  };
}

function block(node: RootContent, last: Line): QuickBlock {
  return { node, end: last.end, endLine: last.line };
}

/** Reads the block starting at `start` (a line start, line number `line`), or null. */
export function quickBlock(md: string, start: number, line: number): QuickBlock | null {
  const first = lineAt(md, start, line);
  const text = md.slice(first.start, first.end);
  const head = text[0];
  if (head === '#') return heading(md, first, text);
  if (text.startsWith('```')) return fence(md, first, text);
  if (THEMATIC_BREAK.test(text)) return block({ type: 'thematicBreak', position: span(first, first) }, first);
  if (head === '>') return quote(md, first);
  if (head === '|') {
    const read = table(md, first);
    return read && block(read.node, read.last);
  }
  if ((head === '-' || head === '+' || head === '*') && text[1] === ' ') return list(md, first, null);
  const ordered = ORDERED_MARKER.exec(text);
  if (ordered) return list(md, first, ordered);
  return paragraphBlock(md, first);
}

// How deep interruption checks may nest (a list interrupted by a quote interrupted by a list…);
// past it a block is left to micromark, so a long chain costs neither the stack nor quadratic time.
const INTERRUPTION_DEPTH = 8;
let interruptionDepth = 0;

/**
 * What `line` does to a paragraph, list or quote running into it: nothing ('none'), end it with a
 * block the quick readers read ('quick'), or end it with one they leave to micromark ('slow').
 */
function interruption(md: string, line: Line): 'none' | 'quick' | 'slow' {
  if (!INTERRUPTS.test(md.slice(line.start, line.start + 7))) return 'none';
  if (interruptionDepth >= INTERRUPTION_DEPTH) return 'slow';
  interruptionDepth += 1;
  try {
    return quickBlock(md, line.start, line.line) === null ? 'slow' : 'quick';
  } finally {
    interruptionDepth -= 1;
  }
}

/**
 * A paragraph: lines up to a blank line, or up to a line that interrupts it with a block the
 * quick readers also read (a bullet item, an ATX heading, a quote, a fence), which then starts
 * the next block. When the interrupting block is not one of theirs, the paragraph is left to
 * micromark too: micromark reads an interrupting line in a state of its own.
 */
function paragraphBlock(md: string, first: Line): QuickBlock | null {
  const lines: Line[] = [];
  for (let line: Line | null = first; line !== null && !isBlank(md, line); line = nextLine(md, line)) {
    const interrupted = lines.length > 0 ? interruption(md, line) : 'none';
    if (interrupted === 'slow') return null;
    if (interrupted === 'quick') break;
    if (!plainLine(md, line.start, line.end)) return null;
    lines.push(line);
  }
  if (lines.length === 0) return null;
  const node = paragraph(
    md,
    lines.map((each) => content(each, each.start)),
  );
  return node && block(node, lines[lines.length - 1]!);
}

/** `## Text`: one to six hashes, one space, inline text with no edge spaces and no closing hashes. */
function heading(md: string, line: Line, text: string): QuickBlock | null {
  const marker = /^#{1,6} /.exec(text);
  if (marker === null) return null;
  const depth = marker[0].length - 1;
  const from = line.start + depth + 1;
  const last = md.charCodeAt(line.end - 1);
  if (from >= line.end || md.charCodeAt(from) === 32 || last === 32 || last === 9 || last === 35) return null;
  const children = quickInline(md, [content(line, from)]);
  if (children === null) return null;
  return block({ type: 'heading', depth: depth as 1 | 2 | 3 | 4 | 5 | 6, children, position: span(line, line) }, line);
}

/** A fence of exactly three backticks, a one-word info string, closed by exactly three backticks. */
function fence(md: string, opening: Line, text: string): QuickBlock | null {
  const info = text.slice(3);
  if (!FENCE_INFO.test(info)) return null;
  let line = nextLine(md, opening);
  const body: Line[] = [];
  while (line !== null) {
    const value = md.slice(line.start, line.end);
    if (value === '```') break;
    if (MAY_CLOSE_FENCE.test(value) || /[\0\r]/.test(value)) return null;
    body.push(line);
    line = nextLine(md, line);
  }
  if (line === null) return null;
  const value = body.length === 0 ? '' : md.slice(body[0]!.start, body[body.length - 1]!.end);
  return block(
    { type: 'code', lang: info === '' ? null : info, meta: null, value, position: span(opening, line) },
    line,
  );
}

/** `> text` lines, paragraphs separated by single `>` lines, ending at a blank line. */
function quote(md: string, first: Line): QuickBlock | null {
  const lines: Line[] = [];
  for (let line: Line | null = first; line !== null && !isBlank(md, line); line = nextLine(md, line)) {
    if (md[line.start] !== '>') {
      if (interruption(md, line) === 'quick') break;
      return null;
    }
    lines.push(line);
  }
  const children: Paragraph[] = [];
  let run: ContentLine[] = [];
  const close = (): boolean => {
    const node = run.length > 0 ? paragraph(md, run) : null;
    if (node === null) return false;
    children.push(node);
    run = [];
    return true;
  };
  for (const line of lines) {
    if (line.end === line.start + 1) {
      if (!close()) return null;
      continue;
    }
    if (md[line.start + 1] !== ' ' || !plainLine(md, line.start + 2, line.end)) return null;
    run.push(content(line, line.start + 2));
  }
  if (!close()) return null;
  const node: Blockquote = { type: 'blockquote', children, position: span(first, lines[lines.length - 1]!) };
  return block(node, lines[lines.length - 1]!);
}

/**
 * A list of items with the same marker (`-`, `+`, `*`, or a number and the same `.` or `)`),
 * each followed by one space and a paragraph, which may go on over lines that start with no block
 * marker (lazy continuation); blank lines between items make it loose (spread). It ends at a line
 * that starts a quick block, or for good at a blank line: the next line may neither be indented
 * (a continuation) nor start with the list's marker (an item of the same list, even an empty one).
 */
function list(md: string, first: Line, ordered: RegExpExecArray | null): QuickBlock | null {
  const marker = md[first.start]!;
  const items: ListItem[] = [];
  let spread = false;
  let item: Line[] = [];
  let last = first;
  const close = (): boolean => {
    const read = item.length > 0 ? listItem(md, item, ordered) : null;
    if (read !== null) items.push(read);
    item = [];
    return read !== null;
  };
  let line: Line | null = first;
  while (line !== null) {
    if (isItemLine(md.slice(line.start, line.start + 12), marker, ordered)) {
      if (item.length > 0 && !close()) return null;
    } else if (interruption(md, line) === 'quick') {
      break;
    } else if (!plainLine(md, line.start, line.end)) {
      return null;
    }
    item.push(line);
    last = line;
    line = nextLine(md, line);
    if (line === null || !isBlank(md, line)) continue;
    line = nextNonBlank(md, line);
    if (line === null) break;
    if (isItemLine(md.slice(line.start, line.start + 12), marker, ordered)) {
      spread = true;
      continue;
    }
    // Anything else after a blank line ends the list, unless it may belong to it after all.
    const head = md[line.start]!;
    if (head === ' ' || head === '\t' || (ordered === null ? head === marker : /\d/.test(head))) return null;
    break;
  }
  if (!close()) return null;
  if (ordered !== null && ordered[1]!.length > 1 && ordered[1]!.startsWith('0')) return null;
  const start = ordered === null ? null : Number(ordered[1]);
  const node: List = {
    type: 'list',
    ordered: ordered !== null,
    start,
    spread,
    children: items,
    position: span(first, last),
  };
  return block(node, last);
}

/** Whether `text` starts with an item marker of the list (its first item's `marker` or `ordered` match). */
function isItemLine(text: string, marker: string, ordered: RegExpExecArray | null): boolean {
  if (ordered === null) return text[0] === marker && text[1] === ' ';
  return ORDERED_MARKER.exec(text)?.[2] === ordered[2];
}

/** One item: its marker line (of the list whose first item matched `ordered`) and any lazy lines. */
function listItem(md: string, lines: readonly Line[], ordered: RegExpExecArray | null): ListItem | null {
  const first = lines[0]!;
  const width = ordered === null ? 2 : ORDERED_MARKER.exec(md.slice(first.start, first.end))![0].length;
  const from = first.start + width;
  if (!plainLine(md, from, first.end)) return null;
  const body = paragraph(md, [content(first, from), ...lines.slice(1).map((line) => content(line, line.start))]);
  if (body === null) return null;
  const last = lines[lines.length - 1]!;
  return { type: 'listItem', spread: false, checked: null, children: [body], position: span(first, last) };
}
