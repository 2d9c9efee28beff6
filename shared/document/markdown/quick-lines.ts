/** Source lines for the quick parser's block readers (quick-blocks.ts, quick-table.ts). */
import type { Point, Position } from 'unist';
import type { ContentLine } from './quick-inline';

/** One source line: [start, end) without its line ending, and its number. */
export interface Line {
  start: number;
  end: number;
  line: number;
}

const BLANK = /^[ \t]*$/;

/** The line starting at `start`, numbered `line`. */
export function lineAt(md: string, start: number, line: number): Line {
  const newline = md.indexOf('\n', start);
  return { start, end: newline < 0 ? md.length : newline, line };
}

/** The line after `current`, or null at the end of the source. */
export function nextLine(md: string, current: Line): Line | null {
  return current.end >= md.length ? null : lineAt(md, current.end + 1, current.line + 1);
}

export const isBlank = (md: string, line: Line): boolean => BLANK.test(md.slice(line.start, line.end));

/** The point at `offset` on `line`. */
export function point(offset: number, line: Line): Point {
  return { line: line.line, column: offset - line.start + 1, offset };
}

/** The inline content of `line` from `start` to its end. */
export function content(line: Line, start: number): ContentLine {
  return { start, end: line.end, line: line.line, lineStart: line.start };
}

/** The lines from `first` up to a blank line or the end of the source. */
export function linesUntilBlank(md: string, first: Line): Line[] {
  const lines = [first];
  for (let line = nextLine(md, first); line !== null && !isBlank(md, line); line = nextLine(md, line)) lines.push(line);
  return lines;
}

/** The first non-blank line after `last`, or null at the end of the source. */
export function nextNonBlank(md: string, last: Line): Line | null {
  let line = nextLine(md, last);
  while (line !== null && isBlank(md, line)) line = nextLine(md, line);
  return line;
}

/** The span of whole lines from `first` to `last`. */
export function span(first: Line, last: Line): Position {
  return { start: point(first.start, first), end: point(last.end, last) };
}
