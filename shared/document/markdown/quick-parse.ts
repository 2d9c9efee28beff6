/**
 * A post's body parsed block by block: the blocks the quick readers (quick-blocks.ts) accept are
 * read straight into mdast, everything between them is parsed by micromark, a slice at a time.
 * micromark spends most of a post's parse on inline syntax it reads character by character
 * through its general state machine; the common plain forms (a paragraph with emphasis, code and
 * links, a heading, a fence, a tight list) cost a fraction of that read directly (issue 15).
 *
 * Why the tree is exactly micromark's for the whole source:
 * - CommonMark decides block structure line by line: a top-level block that starts at a line
 *   where no block is open reads the same whatever came before. Every quick block starts at such
 *   a line (the start, or right after another quick block) and ends where nothing can continue it.
 * - After blocks micromark read, that is not certain (after indented code, micromark reads "3. "
 *   as a paragraph, not a list). So a slice handed to micromark runs from the start of the slow
 *   blocks to the first line of the next block a quick reader accepts after a blank line (a
 *   candidate; a table whole), and the candidate is taken only where micromark's last
 *   block of the slice is one of the same kind starting exactly there. Whether a block starts at
 *   a line is decided by the lines up to it, so every block micromark read before it closed
 *   before it: they are the whole source's blocks, at the same offsets (shifted by the slice's
 *   start). Otherwise (the candidate was inside a fence micromark opened, an HTML block) the
 *   slice grows to the next candidate, a few times at most, then takes the rest of the source.
 * - Inline content depends on the whole source only through link and footnote definitions: a
 *   source with a definition line anywhere is parsed whole by micromark.
 * test/unit/shared/document/markdown/quick-parse.test.ts compares the result with micromark's
 * whole-source tree on the fixtures, the CommonMark spec and generated posts.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { quickBlock } from './quick-blocks';

/** A link reference or footnote definition, anywhere. */
const DEFINITION_LINE = /^ {0,3}\[[^\]\n]+\]:/m;
/** After this many quick blocks turned out to be inside a slow one, the rest goes to micromark whole. */
const MISREAD_LIMIT = 8;

/** Where a source line starts. */
interface LineStart {
  offset: number;
  line: number;
}

/** Whether `md` can be parsed in quick blocks and slices at all. */
export function quickParseApplies(md: string): boolean {
  // micromark drops a byte order mark that starts what it parses (the source or a slice of it)
  // and counts offsets without it.
  return !md.includes('\uFEFF') && !md.includes('\r') && !md.includes('\0') && !DEFINITION_LINE.test(md);
}

/**
 * Parses `md` (for which {@link quickParseApplies}) to the tree `slow` would give for the whole
 * of it; `slow` parses a slice that starts at a line start, with its own positions.
 */
export function quickParse(md: string, slow: (markdown: string) => Root): Root {
  const children: RootContent[] = [];
  let at = skipBlankLines(md, { offset: 0, line: 1 });
  let misreads = 0;
  while (at !== null) {
    const quick = quickBlock(md, at.offset, at.line);
    if (quick !== null) {
      children.push(quick.node);
      at = skipBlankLines(md, { offset: quick.end, line: quick.endLine });
      continue;
    }
    at = slowStretch(md, at, slow, children, () => ++misreads <= MISREAD_LIMIT);
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(md) } };
}

/**
 * Parses with micromark from `from` up to the next quick block after a blank line that micromark
 * starts the same way in context, pushing the blocks, that one included, to `children`; returns where
 * the quick parse goes on (null: micromark took the rest). `mayRetry` says whether another
 * candidate may be tried after one turned out to be read otherwise.
 */
function slowStretch(
  md: string,
  from: LineStart,
  slow: (markdown: string) => Root,
  children: RootContent[],
  mayRetry: () => boolean,
): LineStart | null {
  for (let candidate = nextCandidate(md, from); candidate !== null; candidate = nextCandidate(md, candidate)) {
    const found = quickBlock(md, candidate.offset, candidate.line);
    if (found === null) continue;
    const whole = readsWholeToCheck(found.node);
    const lineEnd = md.indexOf('\n', candidate.offset);
    const end = whole || lineEnd < 0 ? found.end : lineEnd;
    const parsed = shifted(slow(md.slice(from.offset, end)).children, from);
    const last = parsed[parsed.length - 1];
    const same = whole
      ? sameTree(last, found.node)
      : last?.type === found.node.type && last.position?.start.offset === candidate.offset;
    if (same) {
      children.push(...parsed.slice(0, -1), found.node);
      return skipBlankLines(md, { offset: found.end, line: found.endLine });
    }
    if (!mayRetry()) break;
  }
  children.push(...shifted(slow(md.slice(from.offset)).children, from));
  return null;
}

/**
 * Whether micromark must read a candidate block whole to tell that it reads it as the quick reader
 * does. For most kinds the first line is enough: micromark starting a block of that kind there
 * means nothing was open, and the rest of such a block reads the same whatever came before (where
 * what came before does matter, the first line already shows it: after indented code, "3. " does
 * not start a list but a paragraph). A table is only a table once its second line is read.
 */
function readsWholeToCheck(node: RootContent): boolean {
  return node.type === 'table';
}

/** The first non-blank line at or after the line that `from` is in or ends; null at the end. */
function skipBlankLines(md: string, from: LineStart): LineStart | null {
  let offset = from.offset;
  let line = from.line;
  // `from` may be the end of a block's last line: step over its line ending first.
  if (md.charCodeAt(offset) === 10) {
    offset += 1;
    line += 1;
  }
  for (;;) {
    if (offset >= md.length) return null;
    const newline = md.indexOf('\n', offset);
    const end = newline < 0 ? md.length : newline;
    if (!/^[ \t]*$/.test(md.slice(offset, end))) return { offset, line };
    if (newline < 0) return null;
    offset = newline + 1;
    line += 1;
  }
}

/** The next line after `from`'s line that follows a blank line and is not blank itself. */
function nextCandidate(md: string, from: LineStart): LineStart | null {
  let offset = from.offset;
  let line = from.line;
  let afterBlank = false;
  for (;;) {
    const newline = md.indexOf('\n', offset);
    if (newline < 0) return null;
    offset = newline + 1;
    line += 1;
    const end = md.indexOf('\n', offset);
    const blank = /^[ \t]*$/.test(md.slice(offset, end < 0 ? md.length : end));
    if (!blank && afterBlank) return { offset, line };
    if (offset >= md.length) return null;
    afterBlank = blank;
  }
}

/** `nodes` (parsed from a slice starting at `from`) with positions in the whole source. */
function shifted(nodes: RootContent[], from: LineStart): RootContent[] {
  if (from.offset === 0) return nodes;
  for (const node of nodes) shift(node, from.offset, from.line - 1);
  return nodes;
}

function shift(node: Nodes, offset: number, lines: number): void {
  const position = node.position;
  if (position) {
    const move = (point: Point): Point => ({
      line: point.line + lines,
      column: point.column,
      offset: (point.offset ?? 0) + offset,
    });
    node.position = { start: move(position.start), end: move(position.end) };
  }
  if ('children' in node) for (const child of node.children) shift(child, offset, lines);
}

/** Deep equality of two mdast values (plain objects, arrays and primitives). */
function sameTree(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameTree(item, b[index]));
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => sameTree((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function endPoint(md: string): Point {
  let line = 1;
  let lastNewline = -1;
  for (let index = md.indexOf('\n'); index >= 0; index = md.indexOf('\n', index + 1)) {
    line += 1;
    lastNewline = index;
  }
  return { line, column: md.length - lastNewline, offset: md.length };
}
